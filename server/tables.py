"""The central server's tables (SQLAlchemy 2.0), one per idea of ``notes/sync.md`` §3.

The keys that make uploads exactly-once are permanent constraints here, never a cache with an
expiry: ``device_event`` is unique on ``event_id`` and on ``(device_id, device_seq)``, ``sale``
on its UUID, and a seat has at most one *live* sale (a partial unique index on ``sold_seat``).
Counters guard themselves: ``ga_quota`` has ``CHECK (sold + leased + held <= size)``.

Migrations are in ``server/migrations`` (their own Alembic environment, apart from the
till's); a change here needs a new revision there.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ID = String(64)
SEQ = BigInteger().with_variant(Integer, "sqlite")  # SQLite autoincrements INTEGER keys only


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware in and out; stored as UTC (SQLite has no time zones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("the server stores timezone-aware times only")
        moment = value.astimezone(UTC)
        return moment.replace(tzinfo=None) if dialect.name == "sqlite" else moment

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class ServerState(Base):
    """Small facts of the server: the change log's retention floor, the demo flag."""

    __tablename__ = "server_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Device(Base):
    """A till. ``acked_seq``: the last ``device_seq`` stored gap-free; ``journal_seq`` and
    ``journal_hash``: the last entry of its fiscal chain verified so far."""

    __tablename__ = "device"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    channel: Mapped[str] = mapped_column(String(40))
    point_of_sale: Mapped[str | None] = mapped_column(String(40))
    enrollment_code_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    enrolled_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    acked_seq: Mapped[int] = mapped_column(Integer, default=0)
    journal_seq: Mapped[int] = mapped_column(Integer, default=0)
    journal_hash: Mapped[str] = mapped_column(String(64))


class DeviceToken(Base):
    """A device's bearer token, kept as its SHA-256 only. A rotated token points at its
    successor and stays valid until ``valid_until``; the successor's text is kept
    (``pending``) until its first use, so a lost rotation response can be asked again."""

    __tablename__ = "device_token"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("device.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    valid_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    replaced_by: Mapped[str | None] = mapped_column(String(64))
    pending: Mapped[str | None] = mapped_column(String(100))


class CatalogEntity(Base):
    __tablename__ = "catalog_entity"
    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    data: Mapped[str | None] = mapped_column(Text)  # JSON; None once deleted (a tombstone)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ChangeLog(Base):
    """The feed, in commit order: each entry is written in the transaction of its change,
    under the feed lock on PostgreSQL (see `server.feed`)."""

    __tablename__ = "change_log"
    seq: Mapped[int] = mapped_column(SEQ, primary_key=True, autoincrement=True)
    scope: Mapped[str] = mapped_column(String(100))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer)
    op: Mapped[str] = mapped_column(String(10))
    data: Mapped[str | None] = mapped_column(Text)
    committed_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)


class SeatInventory(Base):
    """One seat of one performance: its pool (central when ``lease_id`` is None) and state."""

    __tablename__ = "seat_inventory"
    __table_args__ = (
        CheckConstraint(
            "state IN ('free', 'held', 'sold', 'blocked', 'quarantined')", name="state"
        ),
    )
    performance_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    seat_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    state: Mapped[str] = mapped_column(String(12))
    lease_id: Mapped[str | None] = mapped_column(ID, index=True)
    hold_token: Mapped[str | None] = mapped_column(ID, index=True)
    hold_expires_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    sale_id: Mapped[str | None] = mapped_column(ID)
    version: Mapped[int] = mapped_column(Integer, default=1)


class GaQuota(Base):
    __tablename__ = "ga_quota"
    __table_args__ = (
        CheckConstraint("sold + leased + held <= size", name="capacity"),
        CheckConstraint("sold >= 0 AND leased >= 0 AND held >= 0", name="counts"),
    )
    performance_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    zone_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    sold: Mapped[int] = mapped_column(Integer, default=0)
    leased: Mapped[int] = mapped_column(Integer, default=0)
    held: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)


class Lease(Base):
    __tablename__ = "lease"
    __table_args__ = (UniqueConstraint("device_id", "idempotency_key"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("device.id"))
    performance_id: Mapped[str] = mapped_column(String(100))
    epoch: Mapped[int] = mapped_column(Integer, default=1)
    state: Mapped[str] = mapped_column(String(12))
    sell_until: Mapped[datetime] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    idempotency_key: Mapped[str] = mapped_column(String(100))
    request_hash: Mapped[str] = mapped_column(String(64))
    returned_through_seq: Mapped[int | None] = mapped_column(Integer)
    returned: Mapped[str | None] = mapped_column(Text)  # the return's response, for replays
    seats: Mapped[str] = mapped_column(Text)  # JSON list: the seats granted
    places: Mapped[str] = mapped_column(Text)  # JSON list of {zone_id, count}


class LeasePlaces(Base):
    __tablename__ = "lease_places"
    __table_args__ = (CheckConstraint("used >= 0", name="used"),)
    lease_id: Mapped[str] = mapped_column(ForeignKey("lease.id"), primary_key=True)
    zone_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)
    used: Mapped[int] = mapped_column(Integer, default=0)


class Hold(Base):
    __tablename__ = "hold"
    __table_args__ = (UniqueConstraint("device_id", "idempotency_key"),)
    token: Mapped[str] = mapped_column(ID, primary_key=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("device.id"))
    performance_id: Mapped[str] = mapped_column(String(100))
    state: Mapped[str] = mapped_column(String(12))  # active, released, sold, expired
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    idempotency_key: Mapped[str] = mapped_column(String(100))
    request_hash: Mapped[str] = mapped_column(String(64))
    seats: Mapped[str] = mapped_column(Text)
    places: Mapped[str] = mapped_column(Text)


class Sale(Base):
    """A sale, online or uploaded; its UUID is its permanent key."""

    __tablename__ = "sale"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("device.id"), index=True)
    source: Mapped[str] = mapped_column(String(10))  # online, offline
    request_hash: Mapped[str] = mapped_column(String(64))
    total_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    document: Mapped[str] = mapped_column(Text)  # the response sent, or the journal record
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    event_id: Mapped[str | None] = mapped_column(ID)


class SoldSeat(Base):
    """A seat a sale sold. At most one live sale per seat and performance (I1); a conflicting
    offline sale is kept with ``live`` false and raised as an incident."""

    __tablename__ = "sold_seat"
    __table_args__ = (
        Index(
            "uq_sold_seat_live",
            "performance_id",
            "seat_id",
            unique=True,
            postgresql_where=text("live"),
            sqlite_where=text("live"),
        ),
    )
    sale_id: Mapped[str] = mapped_column(ForeignKey("sale.id"), primary_key=True)
    performance_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    seat_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    live: Mapped[bool] = mapped_column(Boolean)
    # The refund or cancellation event that gave the seat back (then ``live`` is false).
    refunded_by: Mapped[str | None] = mapped_column(ID)


class SoldPlaces(Base):
    """Standing places a sale sold in one zone; ``refunded`` of them were given back since
    (what the sale still holds: ``count - refunded``)."""

    __tablename__ = "sold_places"
    __table_args__ = (CheckConstraint("refunded >= 0 AND refunded <= count", name="refunded"),)
    sale_id: Mapped[str] = mapped_column(ForeignKey("sale.id"), primary_key=True)
    performance_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    zone_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)
    live: Mapped[bool] = mapped_column(Boolean)
    refunded: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))


class Ticket(Base):
    """A ticket's barcode as access control knows it: ``valid``, or ``void`` with why
    ("refunded", "cancelled", "reprinted": then ``replaced_by`` is the DUPLICATA's barcode).
    Filled from the tills' events (`server.after_sale`): a sale record's ``barcodes``, a
    reprint's old and new barcode, a refund's ticket numbers."""

    __tablename__ = "ticket"
    barcode: Mapped[str] = mapped_column(String(40), primary_key=True)
    sale_id: Mapped[str] = mapped_column(ID, index=True)
    number: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(8))
    reason: Mapped[str | None] = mapped_column(String(12))
    replaced_by: Mapped[str | None] = mapped_column(String(40))
    event_id: Mapped[str] = mapped_column(ID)  # the event that made it what it is
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class DeviceEvent(Base):
    """The inbox: every event a till uploaded, kept forever."""

    __tablename__ = "device_event"
    __table_args__ = (UniqueConstraint("device_id", "device_seq"),)
    event_id: Mapped[str] = mapped_column(ID, primary_key=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("device.id"))
    device_seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    record: Mapped[str] = mapped_column(Text)  # canonical JSON, as hashed
    journal_seq: Mapped[int] = mapped_column(Integer)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    lease_id: Mapped[str | None] = mapped_column(ID)
    lease_epoch: Mapped[int | None] = mapped_column(Integer)
    device_time: Mapped[datetime | None] = mapped_column(UtcDateTime)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    process_state: Mapped[str] = mapped_column(String(12))  # waiting, processed, incident


class JournalEntry(Base):
    """Each till's fiscal chain as uploaded (events' entries and the others)."""

    __tablename__ = "journal_entry"
    device_id: Mapped[str] = mapped_column(ForeignKey("device.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    record: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Incident(Base):
    """Something stored that a person must look at: a conflicting offline sale, a broken
    chain, a rewritten event."""

    __tablename__ = "incident"
    id: Mapped[int] = mapped_column(SEQ, primary_key=True, autoincrement=True)
    device_id: Mapped[str | None] = mapped_column(ID, index=True)
    kind: Mapped[str] = mapped_column(String(40))
    event_id: Mapped[str | None] = mapped_column(ID)
    sale_id: Mapped[str | None] = mapped_column(ID)
    detail: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class PickupOrder(Base):
    """An order placed elsewhere (the web shop) to be printed at a till (`server.pickups`);
    the tills see it as the catalog entity ``pickup_order``. ``state``: waiting, collected,
    cancelled; ``collected_by``: the till whose ``pickup`` event printed it. ``due_minor``:
    what the box office takes when it is collected (0: paid where it was placed), in the
    order's currency; ``paid_minor`` and ``paid_tenders`` (JSON, the ``pickup`` record's
    tenders): what the collecting till took for it."""

    __tablename__ = "pickup_order"
    __table_args__ = (
        CheckConstraint("state IN ('waiting', 'collected', 'cancelled')", name="state"),
    )
    number: Mapped[str] = mapped_column(String(40), primary_key=True)
    sale_id: Mapped[str] = mapped_column(ForeignKey("sale.id"), unique=True)
    channel: Mapped[str] = mapped_column(String(40))
    customer: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(12))
    placed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    collected_by: Mapped[str | None] = mapped_column(ID)
    collected_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    collected_event: Mapped[str | None] = mapped_column(ID)
    due_minor: Mapped[int] = mapped_column(BigInteger, default=0, server_default=text("0"))
    paid_minor: Mapped[int | None] = mapped_column(BigInteger)
    paid_tenders: Mapped[str | None] = mapped_column(Text)


class GroupOption(Base):
    """An option taken in the back office for a group (seed 001, `server.options`): its
    places held in the central pool (``hold_token``, until ``until``) under the channel's
    device. ``state``: placed, validated (then ``pickup_number`` is the order for pick-up it
    became, to be paid at the box office), cancelled. ``lines``: JSON, its seats and tariffs."""

    __tablename__ = "group_option"
    __table_args__ = (
        CheckConstraint("state IN ('placed', 'validated', 'cancelled')", name="state"),
    )
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    channel: Mapped[str] = mapped_column(String(40))
    customer: Mapped[str] = mapped_column(String(200))
    contact_number: Mapped[str] = mapped_column(String(40))
    file_number: Mapped[str] = mapped_column(String(40))
    performance_id: Mapped[str] = mapped_column(String(100))
    lines: Mapped[str] = mapped_column(Text)
    hold_token: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(12))
    until: Mapped[datetime] = mapped_column(UtcDateTime)
    pickup_number: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


def table(model: type[Base]) -> Table:
    """The Core table of a model, for the single-statement conditional writes."""
    found = model.__table__
    assert isinstance(found, Table)
    return found


server_state = table(ServerState)
device = table(Device)
device_token = table(DeviceToken)
catalog_entity = table(CatalogEntity)
change_log = table(ChangeLog)
seat_inventory = table(SeatInventory)
ga_quota = table(GaQuota)
lease = table(Lease)
lease_places = table(LeasePlaces)
hold = table(Hold)
sale = table(Sale)
sold_seat = table(SoldSeat)
sold_places = table(SoldPlaces)
ticket = table(Ticket)
device_event = table(DeviceEvent)
journal_entry = table(JournalEntry)
incident = table(Incident)
pickup_order = table(PickupOrder)
group_option = table(GroupOption)
