"""The plain records that cross the seam between the use cases and the database, besides the
domain's own objects: listings and the print queue's jobs. Frozen, safe for any thread.

`app.persistence` builds them; `app.services.ports` names them in the repository protocols.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from domain.catalog import PerformanceState
from domain.venue import LayoutState


@dataclass(frozen=True, slots=True)
class PerformanceSummary:
    """A performance as listed for the cashier: enough to show and pick it."""

    performance_id: str
    event_id: str
    event_name: str
    hall_name: str
    starts_at: datetime  # aware, UTC
    state: PerformanceState


@dataclass(frozen=True, slots=True)
class LayoutSummary:
    """A physical layout as listed, without its seats."""

    id: str
    hall_id: str
    name: str
    state: LayoutState
    seat_count: int


@dataclass(frozen=True, slots=True)
class LogicalLayoutSummary:
    id: str
    name: str
    season_id: str
    physical_layout_id: str


AWAITING_DECISION = ("failed", "unknown")


@dataclass(frozen=True, slots=True)
class PrintJob:
    id: str
    printer: str
    kind: str
    label: str
    document: str
    state: str
    detail: str
    created_at: datetime
    updated_at: datetime
    ticket_number: int | None = None
    reprint_of: str | None = None
    resolution: str | None = None
    resolved_by: str | None = None
    resolved_at: datetime | None = None

    @property
    def awaiting_decision(self) -> bool:
        return self.state in AWAITING_DECISION and self.resolution is None


@dataclass(frozen=True, slots=True)
class SyncLink:
    """The till's enrollment with a central server and how far the sync got."""

    server_url: str
    device_id: str
    name: str
    token: str
    ca_pem: str
    channel: str
    enrolled_at: datetime
    acked_through_seq: int = 0
    journal_verified_through: int = 0
    catalog_cursor: int | None = None
    catalog_at: datetime | None = None
    last_contact_at: datetime | None = None
    last_error: str = ""
    revoked: bool = False
    server_time_at: datetime | None = None  # the server's clock at the last contact

    def server_now(self, now: datetime) -> datetime:
        """The till's estimate of the server's time: the server's clock at the last contact
        plus the time since on this till's clock — never less (a clock moved back does not
        move it back)."""
        if self.server_time_at is None or self.last_contact_at is None:
            return now
        return self.server_time_at + max(now - self.last_contact_at, timedelta(0))


# --- after the sale (app.services.after_sale) ------------------------------------------------


@dataclass(frozen=True, slots=True)
class OrderRecord:
    """A stored order: its identity and its sale record (the journal's, as paid)."""

    id: str
    till: str
    device_seq: int
    session_id: str
    operator_id: str
    at: datetime
    document: dict[str, object]


@dataclass(frozen=True, slots=True)
class TicketRecord:
    """One ticket of an order as it stands now: ``state`` "valid" or "void" (then
    ``void_reason``: "refunded", "cancelled")."""

    number: int
    barcode: str
    order_id: str
    performance_id: str
    seat_id: str | None
    zone_id: str | None
    category: str
    audience: str
    price_minor: int
    currency: str
    state: str
    void_reason: str | None = None
    correction_id: str | None = None


@dataclass(frozen=True, slots=True)
class CorrectionRecord:
    """A refund or cancellation of an order: pending (a card may be refunded), done, or
    abandoned (nothing went back)."""

    id: str
    till: str
    order_id: str
    kind: str
    state: str
    tickets: tuple[int, ...]
    total_minor: int
    currency: str
    operator_id: str
    approved_by: str | None
    reason: str
    document: dict[str, object]
    created_at: datetime
    decided_at: datetime | None = None
    detail: str = ""
    journal_seq: int | None = None


@dataclass(frozen=True, slots=True)
class ReprintRecord:
    """A ticket reprinted as DUPLICATA: the barcode it voided and the one it printed."""

    id: str
    till: str
    order_id: str
    ticket_number: int
    old_barcode: str
    new_barcode: str
    operator_id: str
    reason: str
    at: datetime
    journal_seq: int | None = None
