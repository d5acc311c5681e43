"""Domain objects for the persistence tests, built with the domain's own constructors.

`seed_catalog` stores one of everything a performance needs and returns what it stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

from app.persistence import Database
from domain.catalog import (
    Activity,
    AudienceSubcategory,
    DeliveryMode,
    Event,
    Organizer,
    Performance,
    PerformanceState,
    PriceGrid,
    SaleWindow,
    Season,
)
from domain.channels import ChannelType, PointOfSale, SalesChannel, SeatSearchMode
from domain.configuration import Contingent, ContingentType, LogicalLayout
from domain.money import Money
from domain.operators import Operator, Role
from domain.venue import (
    Area,
    Category,
    Entrance,
    GeneralAdmissionZone,
    Hall,
    PhysicalLayout,
    Point,
    Seat,
    SeatFlag,
    Site,
    Zone,
)

PARIS_WINTER = timezone(timedelta(hours=1))
CATEGORIES = (
    Category("CAT1", "Catégorie 1", "#c0392b"),
    Category("CAT2", "Catégorie 2", "#2980b9"),
    Category("PMR", "PMR", "#27ae60"),
)


def site() -> Site:
    return Site("site-1", "Théâtre du Lac", "Europe/Paris")


def hall(site_id: str = "site-1", id: str = "hall-1", name: str = "Grande salle") -> Hall:
    return Hall(id, site_id, name)


def seats(count: int, rows_of: int = 20) -> tuple[Seat, ...]:
    """``count`` seats in rows of ``rows_of``, with every flag and category used somewhere."""
    result = []
    for i in range(count):
        row, number = divmod(i, rows_of)
        flags = SeatFlag.NONE
        if number == rows_of - 1:
            flags |= SeatFlag.AISLE_AFTER
        if i % 97 == 0:
            flags |= SeatFlag.WHEELCHAIR
        if i % 97 == 1:
            flags |= SeatFlag.COMPANION | SeatFlag.OBSTRUCTED
        category = None if i % 11 == 0 else ("CAT1" if row < 5 else "CAT2")
        if flags & SeatFlag.WHEELCHAIR:
            category = "PMR"
        result.append(
            Seat(
                id=f"P-{row:03d}-{number:03d}",
                zone="PLATEA" if row < 10 else "BALC",
                block="A" if number < rows_of // 2 else "B",
                row=str(row + 1),
                number=f"{number + 1}bis" if i % 53 == 0 else str(number + 1),
                x=number * 1.1 + 0.1,  # not representable exactly in binary: a round trip test
                y=row * 0.7 + 1 / 3,
                category=category,
                flags=flags,
            )
        )
    return tuple(result)


def physical_layout(
    id: str = "plan-1", hall_id: str = "hall-1", seat_count: int = 200
) -> PhysicalLayout:
    return PhysicalLayout(
        id=id,
        hall_id=hall_id,
        name="Configuration concert",
        seats=seats(seat_count),
        zones=(Zone("PLATEA", "Parterre", "E1"), Zone("BALC", "Balcon")),
        ga_zones=(
            GeneralAdmissionZone(
                "FOSSE",
                "Fosse",
                500,
                category="CAT2",
                entrance="E2",
                outline=(Point(0.0, 0.0), Point(10.5, 0.0), Point(10.5, 4.25)),
            ),
            GeneralAdmissionZone("BAR", "Bar debout", 40),
        ),
        entrances=(Entrance("E1", "Entrée principale"), Entrance("E2", "Entrée fosse")),
        categories=CATEGORIES,
        areas=(
            Area("rectangle", (Point(0.0, -5.0), Point(22.0, -1.0)), "SCÈNE", "#333333"),
            Area("text", (Point(11.0, 30.0),)),
        ),
        width=120.5,
        height=80.25,
        focal_point=Point(11.0, -3.0),
    ).validated()


def organizer() -> Organizer:
    return Organizer("org-1", "Association du Lac")


def season() -> Season:
    return Season("season-1", "org-1", "Saison 2025-2026", date(2025, 9, 1), date(2026, 7, 31))


def activity() -> Activity:
    return Activity("act-1", "season-1", "Concerts")


def event(id: str = "event-1", name: str = "Orchestre de chambre") -> Event:
    return Event(id, "act-1", name)


def audiences() -> tuple[AudienceSubcategory, ...]:
    return (
        AudienceSubcategory("FULL", "Plein tarif"),
        AudienceSubcategory("STUDENT", "Étudiant"),
        AudienceSubcategory("CHILD", "Enfant"),
    )


def price_grid() -> PriceGrid:
    return PriceGrid(
        "grid-1",
        "Grille concert",
        "EUR",
        {
            ("CAT1", "FULL"): Money.of("100.00", "EUR"),
            ("CAT1", "STUDENT"): Money.of("25.00", "EUR"),
            ("CAT1", "CHILD"): Money.of("12.00", "EUR"),
            ("CAT2", "FULL"): Money.of("59.99", "EUR"),
            ("PMR", "FULL"): Money(0, "EUR"),
        },
    )


def delivery_modes() -> tuple[DeliveryMode, ...]:
    return (
        DeliveryMode("COUNTER", "Imprimé au guichet", Money(0, "EUR")),
        DeliveryMode("POST", "Envoi postal", Money.of("3.50", "EUR")),
        DeliveryMode("PDF", "E-billet", Money.of("0.99", "EUR")),
    )


def box_office() -> SalesChannel:
    return SalesChannel(
        code="GUICHET",
        name="Guichet",
        type=ChannelType.BOX_OFFICE,
        sells_no_contingent=True,
        cash_float_allowed=True,
        contact_origin_mandatory=False,
        default_seat_search=SeatSearchMode.AUTO_THEN_EDITABLE,
        max_tickets_per_performance=10,
        delivery_modes=("POST", "COUNTER"),
        fee_cap=Money.of("5.00", "EUR"),
    )


def web() -> SalesChannel:
    return SalesChannel("WEB", "Internet", ChannelType.INTERNET_B2C, sells_no_contingent=False)


def agency() -> SalesChannel:
    return SalesChannel("AGENCY", "Agence Lumière", ChannelType.EXTERNAL_DISTRIBUTOR)


def point_of_sale() -> PointOfSale:
    return PointOfSale("TILL-1", "Caisse 1", "GUICHET", 1)


def logical_layout(physical: PhysicalLayout, id: str = "logic-1") -> LogicalLayout:
    layout = LogicalLayout.from_physical(id, "Concert assis", "season-1", physical)
    layout = LogicalLayout(
        id=layout.id,
        name=layout.name,
        season_id=layout.season_id,
        physical=physical,
        categories=layout.categories,
        seat_categories=layout.seat_categories,
        ga_categories={**layout.ga_categories, "BAR": "CAT1"},
        contingents=(
            Contingent("INV", "Invitations", "#8e44ad", ContingentType.OTHER, True, frozenset()),
            Contingent(
                "GRP",
                "Groupes",
                "#f39c12",
                ContingentType.GROUP,
                exclusive=False,
                channels=frozenset({"GUICHET", "WEB"}),
            ),
            Contingent(
                "AGY", "Agence", "#16a085", ContingentType.EXTERNAL, channels=frozenset({"AGENCY"})
            ),
        ),
    )
    ids = [s.id for s in physical.seats]
    return (
        layout.assign_contingent(ids[:10], "INV")
        .assign_contingent(ids[10:20], "GRP")
        .assign_contingent(ids[20:25], "AGY")
        .block(ids[5:15])
        .block(ids[30:32])
        .invalidate(ids[40:43])
    )


def performance(
    id: str = "perf-1",
    starts_at: datetime | None = None,
    event_id: str = "event-1",
) -> Performance:
    start = starts_at or datetime(2026, 1, 17, 20, 30, tzinfo=PARIS_WINTER)
    return Performance(
        id=id,
        event_id=event_id,
        hall_id="hall-1",
        logical_layout_id="logic-1",
        price_grid_id="grid-1",
        starts_at=start,
        state=PerformanceState.ON_SALE,
        sale_windows={
            "GUICHET": SaleWindow(
                datetime(2025, 9, 1, 10, 0, tzinfo=PARIS_WINTER), start + timedelta(minutes=30)
            ),
            "WEB": SaleWindow(datetime(2025, 9, 1, 8, 0, tzinfo=UTC), start - timedelta(hours=2)),
        },
        booking_fee=Money.of("2.00", "EUR"),
        max_tickets=8,
    )


def operator(login: str = "marie", id: str = "op-1") -> Operator:
    return Operator(id, login, "Marie Curie", Role.CASHIER, "$argon2id$v=19$fakehash")


@dataclass(frozen=True)
class Seeded:
    physical: PhysicalLayout
    logical: LogicalLayout
    performance: Performance


def seed_catalog(db: Database, seat_count: int = 200) -> Seeded:
    """Store everything one performance needs, in dependency order, and commit."""
    physical = physical_layout(seat_count=seat_count)
    logical = logical_layout(physical)
    show = performance()
    with db.unit_of_work() as uow:
        uow.venues.add_site(site())
        uow.venues.add_hall(hall())
        uow.venues.add_physical_layout(physical)
        uow.catalog.add_organizer(organizer())
        uow.catalog.add_season(season())
        uow.catalog.add_activity(activity())
        uow.catalog.add_event(event())
        for audience in audiences():
            uow.catalog.add_audience(audience)
        uow.catalog.add_price_grid(price_grid())
        for mode in delivery_modes():
            uow.catalog.add_delivery_mode(mode)
        for channel in (box_office(), web(), agency()):
            uow.channels.add_channel(channel)
        uow.channels.add_point_of_sale(point_of_sale())
        uow.configurations.add(logical)
        uow.catalog.add_performance(show)
        uow.commit()
    return Seeded(physical, logical, show)
