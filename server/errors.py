"""The server's one error type: an HTTP status, a stable `ErrorCode` and a sentence, turned
into an `sync.protocol.ErrorBody` by the app."""

from __future__ import annotations

from pydantic import JsonValue

from sync.protocol import ErrorCode


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: ErrorCode,
        message: str,
        details: dict[str, JsonValue] | None = None,
        retry_after: int | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details or {}
        self.retry_after = retry_after


def not_found(what: str, key: str) -> ApiError:
    return ApiError(404, ErrorCode.NOT_FOUND, f"no {what} {key!r}", {"what": what, "key": key})


def key_reused(key: str) -> ApiError:
    return ApiError(
        422,
        ErrorCode.IDEMPOTENCY_KEY_REUSED,
        "this key was used before with a different request: nothing was done",
        {"key": key},
    )
