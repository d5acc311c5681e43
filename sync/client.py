"""The till's HTTPS client of the central server: httpx, the server's private CA as the only
trust (notes/sync.md §8), the till's token, timeouts per socket operation, and each
``/v1`` call as a method taking and returning `sync.protocol` models.

There is no way to turn certificate verification off: a `ServerClient` is made from the CA's
PEM text and trusts nothing else (not the system's store). Errors are a few classes the
sender and the screens act on:

- `Unreachable`: no answer (connection refused or reset, timeout, TLS failure): retry later;
- `RetryLater`: 409 lock timeout, 429, 503 — with the server's ``Retry-After``;
- `DeviceRevoked` / `Unauthorized` (401): stop, **keep the outbox**, re-enroll;
- `CursorExpired` (410): take a snapshot;
- `Refused`: any other error the server said in an `ErrorBody` (422 key reused...).

Imports no client code: the till's side (app) and tests use it alike.
"""

from __future__ import annotations

import hashlib
import ssl
from collections.abc import Mapping
from typing import Any, Final, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from sync.codes import CodeClaimRequest, CodeClaimResponse
from sync.protocol import (
    API_PREFIX,
    ChangesResponse,
    EnrollRequest,
    EnrollResponse,
    ErrorBody,
    ErrorCode,
    EventsBatch,
    EventsResponse,
    HoldExtendRequest,
    HoldReleaseResponse,
    HoldRequest,
    HoldResponse,
    LeaseReturnRequest,
    LeaseReturnResponse,
    SaleRequest,
    SaleResponse,
    SnapshotResponse,
    TokenRotateResponse,
)

TIMEOUT: Final = httpx.Timeout(connect=5.0, read=30.0, write=20.0, pool=5.0)
CONNECT_RETRIES: Final = 3  # a connection refused or reset at once is tried again so often
M = TypeVar("M", bound=BaseModel)


class SyncError(Exception):
    """The server could not be used for this call; ``message`` says why in words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Unreachable(SyncError):
    pass


class RetryLater(SyncError):
    def __init__(self, message: str, after: float | None) -> None:
        super().__init__(message)
        self.after = after


class Unauthorized(SyncError):
    pass


class DeviceRevoked(Unauthorized):
    pass


class CursorExpired(SyncError):
    pass


class Refused(SyncError):
    """The server answered with an error that retrying will not change."""

    def __init__(
        self, message: str, status: int, code: str, details: dict[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.details = details or {}  # the server's ErrorBody details


def ca_fingerprint(ca_pem: str) -> str:
    """SHA-256 of the CA certificate (DER), as `guichet-server tls init` prints it."""
    der = ssl.PEM_cert_to_DER_cert(ca_pem)
    return hashlib.sha256(der).hexdigest()


def trust_only(ca_pem: str) -> ssl.SSLContext:
    """A TLS context that trusts this CA and nothing else, and checks the host name."""
    context = ssl.create_default_context(cadata=ca_pem)
    context.check_hostname = True
    context.verify_mode = ssl.CERT_REQUIRED
    return context


class ServerClient:
    def __init__(
        self,
        base_url: str,
        ca_pem: str,
        token: str | None = None,
        timeout: httpx.Timeout = TIMEOUT,
    ) -> None:
        if not base_url.startswith("https://"):
            raise SyncError(f"{base_url}: the server is reached over HTTPS only")
        context = trust_only(ca_pem)
        self.base_url = base_url.rstrip("/")
        self.token = token
        self._timeout = timeout
        # No transport retries: httpx's retry a connection that timed out too (a TLS
        # handshake that never ends), each for the whole connect timeout. `_call` sends again
        # only when the connection failed at once, before anything was sent.
        self._http = httpx.Client(
            base_url=self.base_url,
            timeout=timeout,
            transport=httpx.HTTPTransport(verify=context),
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> ServerClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the calls ---------------------------------------------------------------------

    def enroll(self, code: str) -> EnrollResponse:
        body = EnrollRequest(code=code).model_dump(mode="json")
        return self._call("POST", "/devices/enroll", EnrollResponse, json=body, auth=False)

    def rotate_token(self) -> TokenRotateResponse:
        return self._call("POST", "/devices/token/rotate", TokenRotateResponse)

    def post_events(self, batch: EventsBatch, within: float | None = None) -> EventsResponse:
        """``within``: seconds the whole call may take at most (the caller's deadline); each
        socket operation's timeout is cut to it, so a stalled server costs no more."""
        body = batch.model_dump(mode="json")
        return self._call("POST", "/sync/events", EventsResponse, json=body, within=within)

    def snapshot(self) -> SnapshotResponse:
        return self._call("GET", "/sync/snapshot", SnapshotResponse)

    def changes(self, cursor: int, limit: int = 500, wait: int = 0) -> ChangesResponse:
        params = {"cursor": cursor, "limit": limit, "wait": wait}
        return self._call("GET", "/sync/changes", ChangesResponse, params=params)

    def hold(self, request: HoldRequest, key: str) -> HoldResponse:
        body = request.model_dump(mode="json")
        headers = {"Idempotency-Key": key}
        return self._call("POST", "/holds", HoldResponse, json=body, headers=headers)

    def extend_hold(self, token: str, request: HoldExtendRequest) -> HoldResponse:
        body = request.model_dump(mode="json")
        return self._call("POST", f"/holds/{token}/extend", HoldResponse, json=body)

    def release_hold(self, token: str) -> HoldReleaseResponse:
        return self._call("DELETE", f"/holds/{token}", HoldReleaseResponse)

    def sale(self, request: SaleRequest) -> SaleResponse:
        body = request.model_dump(mode="json")
        return self._call("POST", "/sales", SaleResponse, json=body)

    def return_lease(self, lease_id: str, through_seq: int) -> LeaseReturnResponse:
        body = LeaseReturnRequest(through_seq=through_seq).model_dump(mode="json")
        return self._call("POST", f"/leases/{lease_id}/return", LeaseReturnResponse, json=body)

    def redeem_code(self, code: str, sale: str) -> CodeClaimResponse:
        """Claim a single-use code for ``sale`` (idempotent on the sale)."""
        body = CodeClaimRequest(sale=sale).model_dump(mode="json")
        return self._call("POST", f"/codes/{code}/redeem", CodeClaimResponse, json=body)

    def release_code(self, code: str, sale: str) -> CodeClaimResponse:
        body = CodeClaimRequest(sale=sale).model_dump(mode="json")
        return self._call("POST", f"/codes/{code}/release", CodeClaimResponse, json=body)

    # --- inside ----------------------------------------------------------------------------

    def _call(
        self,
        method: str,
        path: str,
        model: type[M],
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        auth: bool = True,
        within: float | None = None,
    ) -> M:
        sent = dict(headers or {})
        if auth:
            if self.token is None:
                raise Unauthorized("this till is not enrolled with a server")
            sent["Authorization"] = f"Device {self.token}"
        timeout = self._timeout if within is None else _cut(self._timeout, within)
        for attempt in range(CONNECT_RETRIES + 1):
            try:
                response = self._http.request(
                    method, API_PREFIX + path, json=json, params=params, headers=sent,
                    timeout=timeout,
                )  # fmt: skip
                break
            except httpx.TimeoutException as exc:
                raise Unreachable(
                    f"the server did not answer in time ({type(exc).__name__})"
                ) from exc
            except httpx.ConnectError as exc:  # refused or reset: nothing was sent
                if attempt == CONNECT_RETRIES or _untrusted(exc) is not None:
                    raise Unreachable(f"the server cannot be reached: {_reason(exc)}") from exc
            except httpx.TransportError as exc:
                raise Unreachable(f"the server cannot be reached: {_reason(exc)}") from exc
        if response.status_code >= 400:
            raise _error(response)
        try:
            return model.model_validate_json(response.content)
        except ValidationError as exc:
            raise Unreachable(
                f"the server's answer cannot be read: {exc.errors()[0]['msg']}"
            ) from exc


def _cut(timeout: httpx.Timeout, within: float) -> httpx.Timeout:
    """``timeout`` with no operation allowed more than ``within`` seconds (at least 0.1)."""
    bound = max(0.1, within)

    def cut(value: float | None) -> float:
        return bound if value is None else min(value, bound)

    return httpx.Timeout(
        connect=cut(timeout.connect),
        read=cut(timeout.read),
        write=cut(timeout.write),
        pool=cut(timeout.pool),
    )


def _untrusted(exc: BaseException) -> ssl.SSLCertVerificationError | None:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return cause
        cause = cause.__cause__ or cause.__context__
    return None


def _reason(exc: httpx.TransportError) -> str:
    untrusted = _untrusted(exc)
    if untrusted is not None:
        return f"its certificate is not trusted ({untrusted.verify_message})"
    return str(exc) or type(exc).__name__


def _error(response: httpx.Response) -> SyncError:
    status = response.status_code
    try:
        body = ErrorBody.model_validate_json(response.content)
        code, message = body.error.code.value, body.error.message
        details: dict[str, Any] = dict(body.error.details)
    except ValidationError:
        code, message, details = "", f"HTTP {status}", {}
    retry_after = _retry_after(response.headers.get("Retry-After"))
    if status == 401:
        if code == ErrorCode.DEVICE_REVOKED.value:
            return DeviceRevoked(message)
        return Unauthorized(message)
    if status == 410:
        return CursorExpired(message)
    if status in (429, 503) or (status == 409 and code == ErrorCode.CONFLICT.value):
        return RetryLater(message, retry_after)
    if status >= 500:
        return RetryLater(message, retry_after)
    return Refused(message, status, code, details)


def _retry_after(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None
