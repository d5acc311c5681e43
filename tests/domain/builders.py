"""Shared builders for the domain tests: small, valid objects with overridable parts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta

from domain.catalog import (
    DeliveryMode,
    Performance,
    PerformanceState,
    PriceGrid,
    SaleWindow,
)
from domain.channels import ChannelType, SalesChannel
from domain.configuration import Contingent, ContingentType, LogicalLayout
from domain.money import Money
from domain.operators import Operator, Role
from domain.venue import Category, GeneralAdmissionZone, PhysicalLayout, Seat

# A fixed, timezone-aware "now" for every rule that takes a moment.
NOW = datetime(2025, 3, 14, 18, 30, tzinfo=UTC)

CAT1 = Category("CAT1", "Cat 1", "#ff0000")
CAT2 = Category("CAT2", "Cat 2", "#00ff00")
PMR = Category("PMR", "PMR", "#0000ff")
CATEGORIES = (CAT1, CAT2, PMR)


def eur(amount: str) -> Money:
    return Money.of(amount, "EUR")


def seat(
    seat_id: str,
    *,
    x: float = 0.0,
    y: float = 0.0,
    category: str | None = "CAT1",
    zone: str = "PLATEA",
    row: str = "13",
    number: str | None = None,
) -> Seat:
    return Seat(
        id=seat_id,
        zone=zone,
        block="B",
        row=row,
        number=number if number is not None else seat_id,
        x=x,
        y=y,
        category=category,
    )


def seat_ids(count: int) -> list[str]:
    return [f"S{i}" for i in range(count)]


def seats(count: int, category: str | None = "CAT1") -> tuple[Seat, ...]:
    """``count`` seats in one row, ids S0, S1, ..., one unit apart."""
    return tuple(
        seat(sid, x=float(i), y=0.0, category=category) for i, sid in enumerate(seat_ids(count))
    )


def ga_zone(
    zone_id: str = "PELOUSE", capacity: int = 100, category: str | None = "CAT2"
) -> GeneralAdmissionZone:
    return GeneralAdmissionZone(
        id=zone_id, name=zone_id.title(), capacity=capacity, category=category
    )


def physical(
    seat_list: Iterable[Seat] | None = None,
    *,
    ga_zones: Iterable[GeneralAdmissionZone] = (),
    categories: Iterable[Category] = CATEGORIES,
    validated: bool = True,
) -> PhysicalLayout:
    layout = PhysicalLayout(
        id="PHY1",
        hall_id="HALL1",
        name="Grande salle",
        seats=tuple(seats(6) if seat_list is None else seat_list),
        ga_zones=tuple(ga_zones),
        categories=tuple(categories),
    )
    return layout.validated() if validated else layout


def contingent(
    code: str = "C1",
    *,
    channels: Iterable[str] = ("BOX",),
    exclusive: bool = True,
    type: ContingentType = ContingentType.OTHER,
) -> Contingent:
    return Contingent(
        code=code,
        name=code,
        colour="#ffc890",
        type=type,
        exclusive=exclusive,
        channels=frozenset(channels),
    )


def logical(
    phys: PhysicalLayout | None = None,
    *,
    contingents: Iterable[Contingent] = (),
    seat_contingents: Mapping[str, str] | None = None,
    blocked: Iterable[str] = (),
    invalidated: Iterable[str] = (),
) -> LogicalLayout:
    base = LogicalLayout.from_physical("LOG1", "Saison 2025", "SEASON1", phys or physical())
    if not (contingents or seat_contingents or blocked or invalidated):
        return base
    return LogicalLayout(
        id=base.id,
        name=base.name,
        season_id=base.season_id,
        physical=base.physical,
        categories=base.categories,
        seat_categories=base.seat_categories,
        ga_categories=base.ga_categories,
        contingents=tuple(contingents),
        seat_contingents=dict(seat_contingents or {}),
        blocked=frozenset(blocked),
        invalidated=frozenset(invalidated),
    )


def channel(
    code: str = "BOX",
    *,
    sells_no_contingent: bool = True,
    type: ChannelType = ChannelType.BOX_OFFICE,
    max_tickets: int | None = None,
    delivery_modes: Iterable[str] = ("COUNTER", "PDF", "POST"),
    fee_cap: Money | None = None,
) -> SalesChannel:
    return SalesChannel(
        code=code,
        name=code.title(),
        type=type,
        sells_no_contingent=sells_no_contingent,
        max_tickets_per_performance=max_tickets,
        delivery_modes=tuple(delivery_modes),
        fee_cap=fee_cap,
    )


def window(
    opens_at: datetime = NOW - timedelta(days=30),
    closes_at: datetime = NOW + timedelta(days=30),
) -> SaleWindow:
    return SaleWindow(opens_at=opens_at, closes_at=closes_at)


def performance(
    *,
    state: PerformanceState = PerformanceState.ON_SALE,
    sale_windows: Mapping[str, SaleWindow] | None = None,
    max_tickets: int | None = None,
    starts_at: datetime = NOW + timedelta(days=40),
) -> Performance:
    return Performance(
        id="PERF1",
        event_id="EV1",
        hall_id="HALL1",
        logical_layout_id="LOG1",
        price_grid_id="GRID1",
        starts_at=starts_at,
        state=state,
        sale_windows={"BOX": window()} if sale_windows is None else sale_windows,
        booking_fee=eur("2.00"),
        max_tickets=max_tickets,
    )


def seed_price_grid() -> PriceGrid:
    """The grid of seed 000: Cat 1 full 100, student 25, child 12, group 50; Cat 2 60, 25."""
    return PriceGrid(
        id="GRID1",
        name="Tarifs 2014",
        currency="EUR",
        prices={
            ("CAT1", "FULL"): eur("100.00"),
            ("CAT1", "STUDENT"): eur("25.00"),
            ("CAT1", "CHILD"): eur("12.00"),
            ("CAT1", "GROUP"): eur("50.00"),
            ("CAT2", "FULL"): eur("60.00"),
            ("CAT2", "STUDENT"): eur("25.00"),
        },
    )


def delivery(code: str = "POST", fee: str = "5.00") -> DeliveryMode:
    return DeliveryMode(code=code, name=code.title(), fee=eur(fee))


def operator(role: Role = Role.CASHIER) -> Operator:
    return Operator(id="OP1", login="marie", name="Marie", role=role, pin_hash="$argon2id$...")
