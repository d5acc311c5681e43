"""The till's SQLite schema as SQLAlchemy 2.0 typed declarative tables.

This is the single description of the schema; the Alembic migrations must build exactly this
(a test compares them). Rows of these classes never leave `app.persistence`: repositories turn
them into the frozen dataclasses of `domain/`. Nothing here holds a rule of the box office.

Conventions:
- ids are strings (uuid4 hex or given by the server);
- money is always two columns, ``*_minor`` (integer minor units) and ``*_currency``;
- moments are `UtcDateTime` (aware, stored as UTC text);
- enums are stored as their ``.value`` text;
- ordered tuples of the domain keep a ``position`` column.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import cast

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.persistence.types import UtcDateTime

# Named constraints, so that batch migrations on SQLite can find and alter them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ID = String(64)
CODE = String(64)
NAME = String(200)
CURRENCY = String(3)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# --- venues ------------------------------------------------------------------------------


class SiteRow(Base):
    __tablename__ = "sites"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(NAME)
    timezone: Mapped[str] = mapped_column(String(64))


class HallRow(Base):
    __tablename__ = "halls"
    __table_args__ = (UniqueConstraint("site_id", "name"),)

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("sites.id", ondelete="RESTRICT"), index=True)
    name: Mapped[str] = mapped_column(NAME)


class PhysicalLayoutRow(Base):
    __tablename__ = "physical_layouts"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    hall_id: Mapped[str] = mapped_column(ForeignKey("halls.id", ondelete="RESTRICT"), index=True)
    name: Mapped[str] = mapped_column(NAME)
    state: Mapped[str] = mapped_column(String(16))
    width: Mapped[float] = mapped_column(Float)
    height: Mapped[float] = mapped_column(Float)
    focal_x: Mapped[float | None] = mapped_column(Float)
    focal_y: Mapped[float | None] = mapped_column(Float)
    # JSON of the parts that are few and always read whole: zones, ga_zones, entrances,
    # categories, areas. Seats are rows (there may be 100,000 of them).
    content: Mapped[str] = mapped_column(Text)


class SeatRow(Base):
    __tablename__ = "seats"
    __table_args__ = (UniqueConstraint("layout_id", "seat_id"),)

    layout_id: Mapped[str] = mapped_column(
        ForeignKey("physical_layouts.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)  # order in the layout
    seat_id: Mapped[str] = mapped_column(String(64))
    zone: Mapped[str] = mapped_column(String(64))
    block: Mapped[str] = mapped_column(String(64))
    row_label: Mapped[str] = mapped_column(String(32))
    number: Mapped[str] = mapped_column(String(32))
    x: Mapped[float] = mapped_column(Float)
    y: Mapped[float] = mapped_column(Float)
    category: Mapped[str | None] = mapped_column(String(64))
    flags: Mapped[int] = mapped_column(Integer, default=0)


# --- catalog -------------------------------------------------------------------------------


class OrganizerRow(Base):
    __tablename__ = "organizers"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(NAME)


class SeasonRow(Base):
    __tablename__ = "seasons"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    organizer_id: Mapped[str] = mapped_column(
        ForeignKey("organizers.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str] = mapped_column(NAME)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)


class ActivityRow(Base):
    __tablename__ = "activities"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    season_id: Mapped[str] = mapped_column(
        ForeignKey("seasons.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str] = mapped_column(NAME)


class EventRow(Base):
    __tablename__ = "events"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    activity_id: Mapped[str] = mapped_column(
        ForeignKey("activities.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str] = mapped_column(NAME)


class AudienceSubcategoryRow(Base):
    __tablename__ = "audience_subcategories"

    code: Mapped[str] = mapped_column(CODE, primary_key=True)
    name: Mapped[str] = mapped_column(NAME)


class PriceGridRow(Base):
    __tablename__ = "price_grids"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(NAME)
    currency: Mapped[str] = mapped_column(CURRENCY)
    vat_rate_bp: Mapped[int] = mapped_column(Integer, server_default="550")


class PriceRow(Base):
    __tablename__ = "prices"

    grid_id: Mapped[str] = mapped_column(
        ForeignKey("price_grids.id", ondelete="CASCADE"), primary_key=True
    )
    category: Mapped[str] = mapped_column(CODE, primary_key=True)
    audience: Mapped[str] = mapped_column(
        ForeignKey("audience_subcategories.code", ondelete="RESTRICT"), primary_key=True
    )
    amount_minor: Mapped[int] = mapped_column(Integer)
    amount_currency: Mapped[str] = mapped_column(CURRENCY)


class DeliveryModeRow(Base):
    __tablename__ = "delivery_modes"

    code: Mapped[str] = mapped_column(CODE, primary_key=True)
    name: Mapped[str] = mapped_column(NAME)
    fee_minor: Mapped[int] = mapped_column(Integer)
    fee_currency: Mapped[str] = mapped_column(CURRENCY)


# --- channels ------------------------------------------------------------------------------


class SalesChannelRow(Base):
    __tablename__ = "sales_channels"
    __table_args__ = (
        CheckConstraint(
            "(fee_cap_minor IS NULL) = (fee_cap_currency IS NULL)", name="fee_cap_whole"
        ),
    )

    code: Mapped[str] = mapped_column(CODE, primary_key=True)
    name: Mapped[str] = mapped_column(NAME)
    type: Mapped[str] = mapped_column(String(32))
    sells_no_contingent: Mapped[bool] = mapped_column(Boolean)
    cash_float_allowed: Mapped[bool] = mapped_column(Boolean)
    contact_origin_mandatory: Mapped[bool] = mapped_column(Boolean)
    default_seat_search: Mapped[str] = mapped_column(String(32))
    max_tickets_per_performance: Mapped[int | None] = mapped_column(Integer)
    fee_cap_minor: Mapped[int | None] = mapped_column(Integer)
    fee_cap_currency: Mapped[str | None] = mapped_column(CURRENCY)
    audiences: Mapped[str] = mapped_column(Text, server_default="")  # codes, comma-separated
    hold_minutes: Mapped[int] = mapped_column(Integer, server_default="15")
    other_tenders: Mapped[str] = mapped_column(Text, server_default="cheque")


class ChannelDeliveryModeRow(Base):
    __tablename__ = "channel_delivery_modes"

    channel_code: Mapped[str] = mapped_column(
        ForeignKey("sales_channels.code", ondelete="CASCADE"), primary_key=True
    )
    delivery_mode_code: Mapped[str] = mapped_column(
        ForeignKey("delivery_modes.code", ondelete="RESTRICT"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer)


class PointOfSaleRow(Base):
    __tablename__ = "points_of_sale"

    code: Mapped[str] = mapped_column(CODE, primary_key=True)
    name: Mapped[str] = mapped_column(NAME)
    channel_code: Mapped[str] = mapped_column(
        ForeignKey("sales_channels.code", ondelete="RESTRICT"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)


# --- logical layouts -----------------------------------------------------------------------


class LogicalLayoutRow(Base):
    __tablename__ = "logical_layouts"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(NAME)
    season_id: Mapped[str] = mapped_column(
        ForeignKey("seasons.id", ondelete="RESTRICT"), index=True
    )
    # RESTRICT: a physical layout is deletable only while no logical layout uses it.
    physical_layout_id: Mapped[str] = mapped_column(
        ForeignKey("physical_layouts.id", ondelete="RESTRICT"), index=True
    )


class LogicalCategoryRow(Base):
    __tablename__ = "logical_categories"

    layout_id: Mapped[str] = mapped_column(
        ForeignKey("logical_layouts.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(CODE, primary_key=True)
    name: Mapped[str] = mapped_column(NAME)
    colour: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer)


class LogicalGaCategoryRow(Base):
    """The category a general-admission zone is sold as."""

    __tablename__ = "logical_ga_categories"
    __table_args__ = (
        ForeignKeyConstraint(
            ["layout_id", "category"],
            ["logical_categories.layout_id", "logical_categories.code"],
            name="fk_logical_ga_categories_category_logical_categories",
        ),
    )

    layout_id: Mapped[str] = mapped_column(
        ForeignKey("logical_layouts.id", ondelete="CASCADE"), primary_key=True
    )
    ga_zone_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    category: Mapped[str] = mapped_column(CODE)


class ContingentRow(Base):
    __tablename__ = "contingents"

    layout_id: Mapped[str] = mapped_column(
        ForeignKey("logical_layouts.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(CODE, primary_key=True)
    name: Mapped[str] = mapped_column(NAME)
    colour: Mapped[str] = mapped_column(String(16))
    type: Mapped[str] = mapped_column(String(16))
    exclusive: Mapped[bool] = mapped_column(Boolean)
    position: Mapped[int] = mapped_column(Integer)


class ContingentChannelRow(Base):
    __tablename__ = "contingent_channels"
    __table_args__ = (
        ForeignKeyConstraint(
            ["layout_id", "contingent_code"],
            ["contingents.layout_id", "contingents.code"],
            ondelete="CASCADE",
            name="fk_contingent_channels_contingent_contingents",
        ),
    )

    layout_id: Mapped[str] = mapped_column(ID, primary_key=True)
    contingent_code: Mapped[str] = mapped_column(CODE, primary_key=True)
    channel_code: Mapped[str] = mapped_column(
        ForeignKey("sales_channels.code", ondelete="RESTRICT"), primary_key=True
    )


class LogicalSeatRow(Base):
    """What a logical layout says of one seat, stored only when it says something."""

    __tablename__ = "logical_seats"
    __table_args__ = (
        ForeignKeyConstraint(
            ["layout_id", "category"],
            ["logical_categories.layout_id", "logical_categories.code"],
            name="fk_logical_seats_category_logical_categories",
        ),
        ForeignKeyConstraint(
            ["layout_id", "contingent"],
            ["contingents.layout_id", "contingents.code"],
            name="fk_logical_seats_contingent_contingents",
        ),
    )

    layout_id: Mapped[str] = mapped_column(
        ForeignKey("logical_layouts.id", ondelete="CASCADE"), primary_key=True
    )
    seat_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    category: Mapped[str | None] = mapped_column(CODE)
    contingent: Mapped[str | None] = mapped_column(CODE)
    blocked: Mapped[bool] = mapped_column(Boolean, default=False)
    invalidated: Mapped[bool] = mapped_column(Boolean, default=False)


# --- performances --------------------------------------------------------------------------


class PerformanceRow(Base):
    __tablename__ = "performances"
    __table_args__ = (
        CheckConstraint(
            "(booking_fee_minor IS NULL) = (booking_fee_currency IS NULL)",
            name="booking_fee_whole",
        ),
    )

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="RESTRICT"), index=True)
    hall_id: Mapped[str] = mapped_column(ForeignKey("halls.id", ondelete="RESTRICT"))
    logical_layout_id: Mapped[str] = mapped_column(
        ForeignKey("logical_layouts.id", ondelete="RESTRICT")
    )
    price_grid_id: Mapped[str] = mapped_column(ForeignKey("price_grids.id", ondelete="RESTRICT"))
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)  # index added by 0002
    state: Mapped[str] = mapped_column(String(16))
    booking_fee_minor: Mapped[int | None] = mapped_column(Integer)
    booking_fee_currency: Mapped[str | None] = mapped_column(CURRENCY)
    max_tickets: Mapped[int | None] = mapped_column(Integer)  # added by 0002


class SaleWindowRow(Base):
    __tablename__ = "performance_sale_windows"

    performance_id: Mapped[str] = mapped_column(
        ForeignKey("performances.id", ondelete="CASCADE"), primary_key=True
    )
    channel_code: Mapped[str] = mapped_column(
        ForeignKey("sales_channels.code", ondelete="RESTRICT"), primary_key=True
    )
    opens_at: Mapped[datetime] = mapped_column(UtcDateTime)
    closes_at: Mapped[datetime] = mapped_column(UtcDateTime)


class PerformanceSeatStateRow(Base):
    """Booked seats of a performance; a seat without a row is not booked. ``owner`` is the
    cart, sale or lease the seat belongs to; a hold lapses at ``expires_at``."""

    __tablename__ = "performance_seat_states"
    __table_args__ = (
        CheckConstraint("state IN ('held', 'reserved', 'sold')", name="booked_state"),
    )

    performance_id: Mapped[str] = mapped_column(
        ForeignKey("performances.id", ondelete="CASCADE"), primary_key=True
    )
    seat_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    state: Mapped[str] = mapped_column(String(16))
    owner: Mapped[str] = mapped_column(String(80), index=True, server_default="legacy")
    expires_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class TicketSequenceRow(Base):
    """The last ticket number each till gave; the next sale takes the following ones in its
    own transaction, so numbers are never reused and never skipped."""

    __tablename__ = "ticket_sequences"
    __table_args__ = (CheckConstraint("last_number >= 0", name="not_negative"),)

    till: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer)


# --- operators and settings ----------------------------------------------------------------


class OperatorRow(Base):
    __tablename__ = "operators"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    login: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(NAME)
    role: Mapped[str] = mapped_column(String(16))
    pin_hash: Mapped[str] = mapped_column(String(255))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class SettingRow(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# --- fiscal journal ---------------------------------------------------------------------------


class JournalEntryRow(Base):
    """One entry of a till's fiscal journal, as chained: ``record`` is the canonical JSON text
    that was hashed (see domain/journal.py). Rows are only ever inserted."""

    __tablename__ = "journal_entries"
    __table_args__ = (CheckConstraint("seq >= 1", name="seq_positive"),)

    till: Mapped[str] = mapped_column(String(40), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    record: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class JournalHeadRow(Base):
    """The last seq and hash of each till's journal, written with each entry: a verify that
    finds fewer entries than the head knows that some were removed."""

    __tablename__ = "journal_heads"
    __table_args__ = (CheckConstraint("last_seq >= 1", name="seq_positive"),)

    till: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))


class JournalClosureRow(Base):
    """An index of the fiscal closures written into a till's journal (the journal entry, at
    ``seq``, is what counts): the last of each frequency is found without walking the chain,
    and the unique keys refuse a second closure of one period or a gap in the numbers."""

    __tablename__ = "journal_closures"
    __table_args__ = (
        UniqueConstraint("till", "frequency", "period"),
        CheckConstraint("number >= 1", name="number_positive"),
    )

    till: Mapped[str] = mapped_column(String(40), primary_key=True)
    frequency: Mapped[str] = mapped_column(String(10), primary_key=True)
    number: Mapped[int] = mapped_column(Integer, primary_key=True)
    period: Mapped[str] = mapped_column(String(10))
    seq: Mapped[int] = mapped_column(Integer)  # the closure's own journal entry
    first_seq: Mapped[int] = mapped_column(Integer)  # the entries it covers
    last_seq: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))
    perpetual_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(CURRENCY)


metadata = Base.metadata


def table_of(row: type[Base]) -> Table:
    """The Core table of a row class, typed as such (``__table__`` is typed as a FromClause)."""
    return cast(Table, row.__table__)
