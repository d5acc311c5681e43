"""The wire format between a till and the central server: pydantic v2 models, one per request
and response body of the ``/v1`` endpoints (see ``../shared/notes/sync.md`` §4).

Shared by the server (``server/``) and the till (``sync/client.py``): this module imports
neither httpx nor any database or client code, only pydantic and the domain's value types.

Conventions, checked by the models:

- Every response carries ``server_time`` (timezone-aware, sent in UTC, ISO 8601) and the
  ``protocol_version`` it speaks; the server refuses a request of another major version.
- Money is integer minor units with its ISO 4217 currency (`MoneyWire`), never a float.
- Times are timezone-aware; a naive time is refused, and every time is normalised to UTC.
- Unknown fields are refused (``extra="forbid"``): a misspelt field is an error, not ignored.
- An error is an `ErrorBody` with a stable ``code`` (`ErrorCode`) and a sentence.

An uploaded event is the till's outbox row (``device_seq``, the sale's UUID as ``event_id``,
``kind``, the journal ``record``) plus the journal link that record has in the till's fiscal
chain (``seq``, ``prev_hash``, ``hash``): the server re-hashes the record and checks the chain.
"""

import enum
from datetime import UTC, datetime
from typing import Annotated, Final, Literal
from uuid import UUID

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    model_validator,
)

from domain.money import Money

PROTOCOL_VERSION: Final = 1
API_PREFIX: Final = "/v1"

MAX_EVENTS_PER_BATCH: Final = 200
MAX_BODY_BYTES: Final = 1024 * 1024  # 1 MiB per request body
MAX_CHANGES_PAGE: Final = 500
MAX_WAIT_SECONDS: Final = 25
MAX_HOLD_MINUTES: Final = 120
MAX_OPTION_DAYS: Final = 400  # an option's hold (`HoldExtendRequest`) runs at most this long


def _to_utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


UtcDateTime = Annotated[AwareDatetime, AfterValidator(_to_utc)]
Hex64 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
Ident = Annotated[str, Field(min_length=1, max_length=100)]
Currency = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]


def _uuid_text(value: str) -> str:
    return str(UUID(value))


UuidText = Annotated[str, Field(min_length=32, max_length=36), AfterValidator(_uuid_text)]


class Wire(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MoneyWire(Wire):
    """An amount: integer minor units and a currency (1250 EUR is 12.50 €)."""

    minor: int
    currency: Currency

    @classmethod
    def of(cls, money: Money) -> "MoneyWire":
        return cls(minor=money.minor, currency=money.currency)

    def to_money(self) -> Money:
        return Money(self.minor, self.currency)


class ServerResponse(Wire):
    protocol_version: int = PROTOCOL_VERSION
    server_time: UtcDateTime


# --- errors -------------------------------------------------------------------------------


class ErrorCode(enum.StrEnum):
    UNAUTHORIZED = "unauthorized"  # 401: no token, or one the server does not know
    DEVICE_REVOKED = "device_revoked"  # 401: stop selling, keep the outbox, re-enroll
    ENROLLMENT_CODE_INVALID = "enrollment_code_invalid"  # 401
    NOT_FOUND = "not_found"  # 404
    SEATS_UNAVAILABLE = "seats_unavailable"  # 409: details name each seat and why
    CONFLICT = "conflict"  # 409: lock timeout or the same key in flight; retry
    EVENTS_NOT_INGESTED = "events_not_ingested"  # 409: a lease return before its events
    LEASE_NOT_ACTIVE = "lease_not_active"  # 409
    CURSOR_EXPIRED = "cursor_expired"  # 410: take a snapshot
    PAYLOAD_TOO_LARGE = "payload_too_large"  # 413
    MALFORMED = "malformed"  # 422: the body does not match the model
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"  # 422: same key, other payload
    PROTOCOL_VERSION_UNSUPPORTED = "protocol_version_unsupported"  # 422
    NOT_SELLABLE = "not_sellable"  # 422: the rules refuse it (no price, closed sale...)
    OVERLOADED = "overloaded"  # 503: too busy now, nothing changed; retry after Retry-After


class ErrorDetail(Wire):
    code: ErrorCode
    message: str
    details: dict[str, JsonValue] = Field(default_factory=dict)


class ErrorBody(ServerResponse):
    error: ErrorDetail


# --- devices -------------------------------------------------------------------------------


class EnrollRequest(Wire):
    """The one-time enrollment code ``guichet-server till add NAME`` printed."""

    protocol_version: int = PROTOCOL_VERSION
    code: Annotated[str, Field(min_length=4, max_length=64)]
    device_time: UtcDateTime | None = None


class JournalHead(Wire):
    seq: Annotated[int, Field(ge=0)]
    hash: Hex64


class EnrollResponse(ServerResponse):
    device_id: str
    name: str
    token: str  # send as ``Authorization: Device <token>``
    channel: str
    point_of_sale: str | None
    journal_genesis: Hex64  # the first entry's prev_hash of this till's chain
    journal_head: JournalHead  # what the server holds of the chain already (seq 0: nothing)
    acked_through_seq: int  # the last device_seq the server has, gap-free
    ca_pem: str  # the private CA: the only one the till trusts from now on


class TokenRotateResponse(ServerResponse):
    """A new token. The old one keeps working until the new one is first used or
    ``old_token_valid_until`` passes; asking again with the old token returns the same one."""

    token: str
    old_token_valid_until: UtcDateTime


# --- catalog feed --------------------------------------------------------------------------


class CatalogEntity(Wire):
    """One catalog object (``entity`` names its kind: performance, channel, price_grid...),
    its version, and its data as `sync.catalog` encodes it."""

    entity: str
    id: str
    version: Annotated[int, Field(ge=1)]
    data: dict[str, JsonValue]


class SeatInventoryState(enum.StrEnum):
    FREE = "free"
    HELD = "held"
    SOLD = "sold"
    BLOCKED = "blocked"
    QUARANTINED = "quarantined"


class SeatStateWire(Wire):
    seat_id: str
    state: SeatInventoryState
    lease_id: str | None = None  # set: the seat is in that till's lease, not the central pool


class GaQuotaWire(Wire):
    zone_id: str
    size: int
    sold: int
    leased: int
    held: int


class PerformanceInventory(Wire):
    """The seats that are not free in the central pool (the others are), and the standing
    zones' counts."""

    performance_id: str
    seats: list[SeatStateWire]
    ga: list[GaQuotaWire]


class SnapshotResponse(ServerResponse):
    cursor: int  # pass it to /sync/changes to follow on from this snapshot
    entities: list[CatalogEntity]
    inventory: list[PerformanceInventory]
    leases: list["LeaseWire"]  # this till's leases that are not over (active or revoking)


class ChangeOp(enum.StrEnum):
    UPSERT = "upsert"
    DELETE = "delete"  # a tombstone: ``data`` is None


class Change(Wire):
    """One entry of the change log, in commit order. ``entity`` "seats" carries seat states
    of one performance (``data``: seat id -> `SeatStateWire` fields); "ga_quota" a zone's
    counts; the others a catalog entity as in the snapshot."""

    seq: int
    scope: str
    entity: str
    entity_id: str
    version: int
    op: ChangeOp
    data: dict[str, JsonValue] | None


class ChangesResponse(ServerResponse):
    changes: list[Change]
    next_cursor: int
    has_more: bool


# --- uploads -------------------------------------------------------------------------------


class JournalLink(Wire):
    """Where an event's record sits in the till's fiscal chain."""

    seq: Annotated[int, Field(ge=1)]
    prev_hash: Hex64
    hash: Hex64


class JournalEntryWire(JournalLink):
    """A journal entry that is not an event (a login, a print...): sent so the server can
    verify the whole chain."""

    record: dict[str, JsonValue]


EventKind = Annotated[str, Field(pattern=r"^[a-z_]{1,32}$")]


class Event(Wire):
    """One outbox row of a till, in its gap-free ``device_seq`` order."""

    device_seq: Annotated[int, Field(ge=1)]
    event_id: UuidText  # the sale's UUID for a sale
    kind: EventKind  # "sale" (cancellations, refunds, closings later)
    record: dict[str, JsonValue]  # the journal record, exactly as hashed
    journal: JournalLink
    lease_id: str | None = None  # the lease the offline sale sold from, when it did
    lease_epoch: int | None = None
    device_time: UtcDateTime | None = None


class EventsBatch(Wire):
    """At most `MAX_EVENTS_PER_BATCH` events in ``device_seq`` order and at most
    `MAX_BODY_BYTES`. The server validates each event on its own: one malformed event gets
    ``malformed`` and the others are still taken."""

    events: Annotated[list[Event], Field(max_length=MAX_EVENTS_PER_BATCH)]
    journal: list[JournalEntryWire] = Field(default_factory=list)


class EventOutcome(enum.StrEnum):
    STORED = "stored"  # new, stored and processed (possibly as an incident)
    DUPLICATE = "duplicate"  # the same event was stored before: nothing changed
    HASH_MISMATCH = "hash_mismatch"  # same key, other content: the first one is kept
    MALFORMED = "malformed"  # not an event: nothing stored
    WAITING = "waiting"  # stored, but a device_seq before it is missing: send that one


class EventResult(Wire):
    device_seq: int | None
    event_id: str | None
    result: EventOutcome
    detail: str = ""
    incident: bool = False  # stored, and raised as an incident (a conflict, a broken chain)


class EventsResponse(ServerResponse):
    results: list[EventResult]
    acked_through_seq: int  # every device_seq up to this one is on the server, gap-free
    journal_verified_through: int  # the chain verifies from seq 1 up to this one


# --- inventory: leases, holds, online sales ------------------------------------------------


class PlacesWire(Wire):
    """A count of places in a standing (general-admission) zone."""

    zone_id: str
    count: Annotated[int, Field(ge=1, le=10_000)]


class _SeatsAndPlaces(Wire):
    performance_id: Ident
    seats: Annotated[list[Ident], Field(max_length=10_000)] = Field(default_factory=list)
    places: list[PlacesWire] = Field(default_factory=list)

    @model_validator(mode="after")
    def _something(self) -> "_SeatsAndPlaces":
        if not self.seats and not self.places:
            raise ValueError("name at least one seat or one standing place")
        if len(set(self.seats)) != len(self.seats):
            raise ValueError("a seat is named twice")
        return self


class LeaseRequest(_SeatsAndPlaces):
    """Seats (or standing counts) moved from the central pool to this till, sellable
    offline until ``sell_until``. Send an ``Idempotency-Key`` header."""

    sell_until: UtcDateTime


class LeaseState(enum.StrEnum):
    ACTIVE = "active"
    REVOKING = "revoking"
    RETURNED = "returned"
    EXPIRED = "expired"


class LeaseWire(Wire):
    """A lease as the till keeps it (the change feed's "lease" entries carry the same)."""

    lease_id: str
    epoch: int
    state: LeaseState
    performance_id: str
    seats: list[str]
    places: list[PlacesWire]
    sell_until: UtcDateTime


class LeaseResponse(ServerResponse, LeaseWire):
    pass


class LeaseReturnRequest(Wire):
    through_seq: Annotated[int, Field(ge=0)]  # every sale of the lease is uploaded up to here


class LeaseReturnResponse(ServerResponse):
    lease_id: str
    state: LeaseState
    through_seq: int
    released_seats: list[str]
    released_places: list[PlacesWire]


class HoldRequest(_SeatsAndPlaces):
    """A short hold in the central pool while a customer pays. ``Idempotency-Key`` header."""

    minutes: Annotated[int, Field(ge=1, le=MAX_HOLD_MINUTES)] = 15


class HoldResponse(ServerResponse):
    hold_token: str
    performance_id: str
    seats: list[str]
    places: list[PlacesWire]
    expires_at: UtcDateTime


class HoldExtendRequest(Wire):
    """An option's places (seed 001) held until its expiry: the hold runs until ``until``,
    at most `MAX_OPTION_DAYS` ahead and never past the performance's start."""

    until: UtcDateTime


class HoldReleaseResponse(ServerResponse):
    hold_token: str
    released: bool  # False: it was gone already (released, lapsed or sold)


class SaleLineRequest(Wire):
    """One ticket of a seat, or a count of standing places, at a tariff."""

    performance_id: Ident
    audience: Ident
    seat_id: Ident | None = None
    zone_id: Ident | None = None
    quantity: Annotated[int, Field(ge=1, le=10_000)] = 1

    @model_validator(mode="after")
    def _one_place(self) -> "SaleLineRequest":
        if (self.seat_id is None) == (self.zone_id is None):
            raise ValueError("a line names either a seat_id or a zone_id")
        if self.seat_id is not None and self.quantity != 1:
            raise ValueError("a seat line is one ticket")
        return self


class SaleRequest(Wire):
    """An online sale from the central pool; the till sends the same ``sale_id`` later in
    its events, and the server counts it once."""

    sale_id: UuidText
    lines: Annotated[list[SaleLineRequest], Field(min_length=1, max_length=200)]
    hold_tokens: list[str] = Field(default_factory=list)


class SaleLineResponse(Wire):
    performance_id: str
    audience: str
    category: str
    seat_id: str | None
    zone_id: str | None
    quantity: int
    unit_price: MoneyWire
    amount: MoneyWire


class SaleResponse(ServerResponse):
    sale_id: str
    lines: list[SaleLineResponse]
    fee: MoneyWire
    total: MoneyWire
    state: Literal["sold"] = "sold"


# --- access control -------------------------------------------------------------------------


class TicketResponse(ServerResponse):
    """``GET /v1/tickets/{barcode}``: what the server knows of a ticket's barcode. ``valid``;
    ``void`` with its ``reason`` ("refunded", "cancelled", "reprinted": then ``replaced_by``
    is the DUPLICATA's barcode); or ``unknown`` (no sale the server has issued it)."""

    barcode: str
    state: Literal["valid", "void", "unknown"]
    reason: str | None = None
    replaced_by: str | None = None
    sale_id: str | None = None  # the order
    ticket: int | None = None  # its ticket number in the order


SnapshotResponse.model_rebuild()
