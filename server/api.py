"""The central server's HTTP API (FastAPI), ``/v1`` of `sync.protocol`.

`create_app` is the composition root: it takes the engine, the clock (tests pin it) and the
CA certificate the tills are told to trust. Every response body carries ``server_time`` from
that clock; every error is an `ErrorBody` with a stable code. Handlers are plain functions run
in the thread pool, each write in one transaction (`server.database.write`).
"""

import json
import time
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import Depends, FastAPI, Header, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from pydantic import BaseModel, JsonValue, ValidationError
from sqlalchemy import Connection, Engine
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from domain.clock import Clock
from server import after_sale, devices, inventory, overload
from server.catalog import Catalog
from server.codes import register as register_codes
from server.database import Busy, read, write
from server.devices import DeviceRow
from server.errors import ApiError
from server.feed import Changes, read_changes, snapshot
from server.ingest import ingest
from sync.protocol import (
    API_PREFIX,
    MAX_BODY_BYTES,
    MAX_CHANGES_PAGE,
    MAX_EVENTS_PER_BATCH,
    MAX_WAIT_SECONDS,
    PROTOCOL_VERSION,
    ChangesResponse,
    EnrollRequest,
    EnrollResponse,
    ErrorBody,
    ErrorCode,
    ErrorDetail,
    EventsBatch,
    EventsResponse,
    HoldExtendRequest,
    HoldReleaseResponse,
    HoldRequest,
    HoldResponse,
    JournalEntryWire,
    JournalHead,
    LeaseRequest,
    LeaseResponse,
    LeaseReturnRequest,
    LeaseReturnResponse,
    SaleRequest,
    SaleResponse,
    SnapshotResponse,
    TicketResponse,
    TokenRotateResponse,
)

T = TypeVar("T")
POLL_SECONDS = 0.1  # how often a long-polling /sync/changes looks again

ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody} for status in (401, 404, 409, 410, 413, 422, 503)
}


def create_app(engine: Engine, clock: Clock, ca_pem: str) -> FastAPI:
    app = FastAPI(
        title="Guichet central server",
        version=str(PROTOCOL_VERSION),
        description="Tills enroll, follow the catalog feed, hold and sell online, lease seats "
        "for offline selling and upload their sales exactly once.",
    )
    catalog = Catalog()

    def error_response(
        status: int, detail: ErrorDetail, retry_after: int | None = None
    ) -> JSONResponse:
        body = ErrorBody(server_time=clock.now(), error=detail)
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
        return JSONResponse(body.model_dump(mode="json"), status_code=status, headers=headers)

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(
            exc.status,
            ErrorDetail(code=exc.code, message=exc.message, details=exc.details),
            exc.retry_after,
        )

    overload.install(app, error_response)  # no database connection in time: 503

    @app.exception_handler(Busy)
    async def _busy(_request: Request, _exc: Busy) -> JSONResponse:
        return error_response(
            409,
            ErrorDetail(code=ErrorCode.CONFLICT, message="busy: nothing was changed, retry"),
            retry_after=1,
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems: list[JsonValue] = [
            {"where": ".".join(str(p) for p in e["loc"]), "problem": str(e["msg"])}
            for e in exc.errors()
        ]
        return error_response(
            422,
            ErrorDetail(
                code=ErrorCode.MALFORMED,
                message="the request does not match the protocol",
                details={"problems": problems[:20]},
            ),
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = ErrorCode.NOT_FOUND if exc.status_code == 404 else ErrorCode.MALFORMED
        return error_response(exc.status_code, ErrorDetail(code=code, message=str(exc.detail)))

    def refused(headers: Headers) -> JSONResponse | None:
        """The answer to a request whose headers break the limits, before its body is read."""
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            return error_response(
                413,
                ErrorDetail(
                    code=ErrorCode.PAYLOAD_TOO_LARGE,
                    message=f"a request body holds at most {MAX_BODY_BYTES} bytes",
                    details={"limit": MAX_BODY_BYTES},
                ),
            )
        version = headers.get("guichet-protocol")
        if version is not None and version != str(PROTOCOL_VERSION):
            return error_response(
                422,
                ErrorDetail(
                    code=ErrorCode.PROTOCOL_VERSION_UNSUPPORTED,
                    message=f"this server speaks protocol {PROTOCOL_VERSION}",
                    details={"supported": [PROTOCOL_VERSION]},
                ),
            )
        return None

    class Limits:
        """Plain ASGI middleware (Starlette's ``BaseHTTPMiddleware`` costs a task and a
        stream per request)."""

        def __init__(self, app: ASGIApp) -> None:
            self.app = app

        async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] == "http":
                answer = refused(Headers(scope=scope))
                if answer is not None:
                    await answer(scope, receive, send)
                    return
            await self.app(scope, receive, send)

    app.add_middleware(Limits)

    def in_write(work: Callable[[Connection, Changes], T]) -> T:
        """Run ``work`` in one write transaction, write its changes last and commit."""
        now = clock.now()
        with write(engine) as conn:
            changes = Changes()
            result = work(conn, changes)
            changes.commit(conn, now)
            return result

    def as_json(body: BaseModel) -> Response:
        """The body as JSON, serialised once: FastAPI would validate a returned model against
        the route's response model again first."""
        return Response(body.model_dump_json(), media_type="application/json")

    def as_device(
        authorization: str | None, work: Callable[[Connection, Changes, DeviceRow], T]
    ) -> T:
        """`in_write` for the device the token names, checked in the same transaction: the
        hot paths (holds, sales) take one connection, one transaction and one thread."""
        return in_write(
            lambda conn, changes: work(
                conn, changes, devices.authenticate(conn, token_of(authorization), clock.now())
            )
        )

    def token_of(authorization: str | None) -> str | None:
        if authorization is None:
            return None
        scheme, _, token = authorization.partition(" ")
        return token.strip() if scheme.lower() == "device" else None

    def current_device(
        authorization: Annotated[str | None, Header()] = None,
    ) -> DeviceRow:
        with write(engine) as conn:
            return devices.authenticate(conn, token_of(authorization), clock.now())

    Device = Annotated[DeviceRow, Depends(current_device)]
    Authorization = Annotated[str | None, Header()]
    IdempotencyKey = Annotated[str, Header(alias="Idempotency-Key", min_length=8, max_length=100)]

    # --- devices ------------------------------------------------------------------------

    @app.post(f"{API_PREFIX}/devices/enroll", responses=ERRORS)
    def enroll(request: EnrollRequest) -> EnrollResponse:
        if request.protocol_version != PROTOCOL_VERSION:
            raise ApiError(
                422,
                ErrorCode.PROTOCOL_VERSION_UNSUPPORTED,
                f"this server speaks protocol {PROTOCOL_VERSION}",
            )
        now = clock.now()
        with write(engine) as conn:
            device, token = devices.enroll(conn, request.code, now)
        return EnrollResponse(
            server_time=now,
            device_id=device.id,
            name=device.name,
            token=token,
            channel=device.channel,
            point_of_sale=device.point_of_sale,
            journal_genesis="0" * 64,
            journal_head=JournalHead(seq=device.journal_seq, hash=device.journal_hash),
            acked_through_seq=device.acked_seq,
            ca_pem=ca_pem,
        )

    @app.post(f"{API_PREFIX}/devices/token/rotate", responses=ERRORS)
    def rotate(
        device: Device, authorization: Annotated[str | None, Header()] = None
    ) -> TokenRotateResponse:
        now = clock.now()
        token = token_of(authorization)
        assert token is not None  # current_device checked it
        with write(engine) as conn:
            new, until = devices.rotate_token(conn, token, now)
        return TokenRotateResponse(server_time=now, token=new, old_token_valid_until=until)

    # --- catalog feed ---------------------------------------------------------------------

    @app.get(
        f"{API_PREFIX}/sync/snapshot",
        response_model=SnapshotResponse,
        responses={**ERRORS, 304: {"description": "not changed since the ETag given"}},
    )
    def get_snapshot(
        device: Device,
        response: Response,
        scope: str | None = None,
        if_none_match: Annotated[str | None, Header()] = None,
    ) -> SnapshotResponse | Response:
        with read(engine) as conn:
            cursor, entities, stock = snapshot(conn)
            leases = inventory.open_leases(conn, device)
        etag = f'"{cursor}"'
        if if_none_match == etag:
            return Response(status_code=304, headers={"ETag": etag})
        if scope is not None and scope.startswith("performance:"):
            wanted = scope.removeprefix("performance:")
            stock = [x for x in stock if x.performance_id == wanted]
        response.headers["ETag"] = etag
        return SnapshotResponse(
            server_time=clock.now(),
            cursor=cursor,
            entities=entities,
            inventory=stock,
            leases=leases,
        )

    @app.get(f"{API_PREFIX}/sync/changes", responses=ERRORS)
    def get_changes(
        device: Device,
        cursor: Annotated[int, Query(ge=0)],
        limit: Annotated[int, Query(ge=1, le=MAX_CHANGES_PAGE)] = MAX_CHANGES_PAGE,
        wait: Annotated[float, Query(ge=0, le=MAX_WAIT_SECONDS)] = 0,
    ) -> ChangesResponse:
        deadline = time.monotonic() + wait
        with read(engine) as conn:
            lapsed = inventory.any_lapsed(conn, clock.now())
        if lapsed:  # a till that crashed with a cart: its places show free again on the feed
            in_write(lambda conn, changes: inventory.expire_lapsed(conn, changes, clock.now()))
        while True:
            with read(engine) as conn:
                changes, next_cursor, more = read_changes(conn, cursor, limit, device.id)
            if changes or time.monotonic() >= deadline:
                return ChangesResponse(
                    server_time=clock.now(),
                    changes=changes,
                    next_cursor=next_cursor,
                    has_more=more,
                )
            time.sleep(POLL_SECONDS)

    # --- uploads ----------------------------------------------------------------------------

    @app.post(
        f"{API_PREFIX}/sync/events",
        responses=ERRORS,
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/EventsBatch"}}
                },
            }
        },
    )
    async def post_events(request: Request, device: Device) -> EventsResponse:
        body = await request.body()
        if len(body) > MAX_BODY_BYTES:
            raise ApiError(
                413,
                ErrorCode.PAYLOAD_TOO_LARGE,
                f"at most {MAX_BODY_BYTES} bytes",
                {"limit": MAX_BODY_BYTES},
            )
        try:
            parsed = json.loads(body)
        except ValueError as exc:
            raise ApiError(422, ErrorCode.MALFORMED, f"not JSON: {exc}") from None
        if not isinstance(parsed, dict) or not isinstance(parsed.get("events"), list):
            raise ApiError(422, ErrorCode.MALFORMED, 'expected {"events": [...]}')
        if set(parsed) - {"events", "journal"}:
            raise ApiError(422, ErrorCode.MALFORMED, "unknown fields in the batch")
        raw_events: list[object] = parsed["events"]
        if len(raw_events) > MAX_EVENTS_PER_BATCH:
            raise ApiError(
                413,
                ErrorCode.PAYLOAD_TOO_LARGE,
                f"at most {MAX_EVENTS_PER_BATCH} events a batch",
                {"limit": MAX_EVENTS_PER_BATCH},
            )
        try:
            journal = [JournalEntryWire.model_validate(x) for x in parsed.get("journal") or []]
        except ValidationError as exc:
            raise ApiError(422, ErrorCode.MALFORMED, f"journal: {exc.errors()[0]['msg']}") from None
        now = clock.now()

        def work() -> EventsResponse:
            results, acked, verified = ingest(engine, catalog, device.id, raw_events, journal, now)
            return EventsResponse(
                server_time=now,
                results=results,
                acked_through_seq=acked,
                journal_verified_through=verified,
            )

        return await run_in_threadpool(work)

    # --- leases, holds, sales ---------------------------------------------------------------

    @app.post(f"{API_PREFIX}/leases", responses=ERRORS)
    def post_lease(device: Device, key: IdempotencyKey, request: LeaseRequest) -> LeaseResponse:
        return in_write(
            lambda conn, changes: inventory.grant_lease(
                conn, changes, catalog, device, key, request, clock.now()
            )
        )

    @app.post(f"{API_PREFIX}/leases/{{lease_id}}/return", responses=ERRORS)
    def post_lease_return(
        device: Device, lease_id: str, request: LeaseReturnRequest
    ) -> LeaseReturnResponse:
        return in_write(
            lambda conn, changes: inventory.return_lease(
                conn,
                changes,
                devices.lock_device(conn, device.id),
                lease_id,
                request,
                clock.now(),
            )
        )

    @app.post(f"{API_PREFIX}/holds", response_model=HoldResponse, responses=ERRORS)
    def post_hold(
        key: IdempotencyKey, request: HoldRequest, authorization: Authorization = None
    ) -> Response:
        return as_json(
            as_device(
                authorization,
                lambda conn, changes, device: inventory.create_hold(
                    conn, changes, catalog, device, key, request, clock.now()
                ),
            )
        )

    @app.post(f"{API_PREFIX}/holds/{{token}}/extend", response_model=HoldResponse, responses=ERRORS)
    def post_hold_extend(
        token: str, request: HoldExtendRequest, authorization: Authorization = None
    ) -> Response:
        return as_json(
            as_device(
                authorization,
                lambda conn, changes, device: inventory.extend_hold(
                    conn, changes, catalog, device, token, request, clock.now()
                ),
            )
        )

    @app.delete(f"{API_PREFIX}/holds/{{token}}", responses=ERRORS)
    def delete_hold(token: str, authorization: Authorization = None) -> HoldReleaseResponse:
        return as_device(
            authorization,
            lambda conn, changes, device: inventory.release_hold(
                conn, changes, device, token, clock.now()
            ),
        )

    @app.post(f"{API_PREFIX}/sales", response_model=SaleResponse, responses=ERRORS)
    def post_sale(request: SaleRequest, authorization: Authorization = None) -> Response:
        return as_json(
            as_device(
                authorization,
                lambda conn, changes, device: inventory.sell_online(
                    conn, changes, catalog, device, request, clock.now()
                ),
            )
        )

    @app.get(f"{API_PREFIX}/tickets/{{barcode}}", responses=ERRORS)
    def get_ticket(device: Device, barcode: str) -> TicketResponse:
        """Access control: is this barcode valid, void (refunded, reprinted) or unknown."""
        with read(engine) as conn:
            return after_sale.ticket(conn, barcode.strip().upper(), clock.now())

    register_codes(app, API_PREFIX, clock, as_device, ERRORS)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            extra = EventsBatch.model_json_schema(ref_template="#/components/schemas/{model}")
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            components.update(extra.pop("$defs", {}))
            components["EventsBatch"] = extra
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def openapi_document(app: FastAPI) -> str:
    return json.dumps(app.openapi(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
