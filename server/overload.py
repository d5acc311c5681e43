"""The server under more load than it can take says so at once — ``503`` with
``Retry-After`` and the stable code ``overloaded`` — rather than keep a request waiting longer
than the till waits for it (notes/sync.md §4: on 429 or 503 the till retries after
``Retry-After``; `sync.client` makes it a `RetryLater`).

Overloaded means: the request could not get a database connection within the pool's timeout
(`server.database.POOL_TIMEOUT_SECONDS`: every connection of the pool and its overflow busy, a
reconnect storm, say). Such a request did nothing yet, so nothing was changed and retrying it
is safe, whatever it was.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import TimeoutError as PoolTimeout

from sync.protocol import ErrorCode, ErrorDetail

RETRY_AFTER_SECONDS: Final = 1

Answer = Callable[[int, ErrorDetail, int | None], JSONResponse]


def install(app: FastAPI, answer: Answer) -> None:
    """Answer 503 ``overloaded`` with ``Retry-After`` (through ``answer``, the app's error
    response) to a request that found no database connection in time."""

    async def overloaded(_request: Request, _exc: Exception) -> JSONResponse:
        return answer(
            503,
            ErrorDetail(
                code=ErrorCode.OVERLOADED,
                message="the server is too busy just now: nothing was changed, "
                "try again after Retry-After seconds",
                details={"retry_after": RETRY_AFTER_SECONDS},
            ),
            RETRY_AFTER_SECONDS,
        )

    app.add_exception_handler(PoolTimeout, overloaded)
