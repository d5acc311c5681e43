"""The demo catalog as domain objects: Le Théâtre, a concert hall, a season of performances,
the channels and points of sale, the operators and gift cards of
``resources/demo/catalog.json`` and the plan files beside it.

Pure reading: no database, no clock (the caller passes the venue's today; dates in the file
are counted in days from it so the demo is always on sale). The server's ``load-demo`` stores
it; the till's demo loader can build on it too.
"""

from __future__ import annotations

import fnmatch
import json
import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from domain.availability import SeatState
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
from domain.operators import Role
from domain.venue import Hall, PhysicalLayout, Site
from planfiles import read_plan
from resources import resource_path

# The seat states the demo books per performance, in the order their shares are taken.
BOOKED_ORDER = (SeatState.SOLD, SeatState.RESERVED, SeatState.HELD)


@dataclass(frozen=True, slots=True)
class DemoOperator:
    id: str
    login: str
    name: str
    role: Role
    pin: str  # the demo's PIN in clear: the caller hashes it


@dataclass(frozen=True, slots=True)
class DemoCatalog:
    today: date
    organizer: Organizer
    season: Season
    sites: tuple[Site, ...]
    halls: tuple[Hall, ...]
    physical_layouts: tuple[PhysicalLayout, ...]
    logical_layouts: tuple[LogicalLayout, ...]
    activities: tuple[Activity, ...]
    audiences: tuple[AudienceSubcategory, ...]
    price_grids: tuple[PriceGrid, ...]
    delivery_modes: tuple[DeliveryMode, ...]
    channels: tuple[SalesChannel, ...]
    points_of_sale: tuple[PointOfSale, ...]
    events: tuple[Event, ...]
    performances: tuple[Performance, ...]
    operators: tuple[DemoOperator, ...]
    # (code, balance, days from the demo's first start it may be spent for: < 0, expired)
    gift_cards: tuple[tuple[str, Money, int], ...]
    # performance id -> state -> the seats the demo books in that state (other channels')
    booked: Mapping[str, Mapping[SeatState, tuple[str, ...]]] = field(default_factory=dict)


def read_catalog_file() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resource_path("demo", "catalog.json").read_text(encoding="utf-8")
    )
    return data


def first_timezone(catalog: Mapping[str, Any]) -> ZoneInfo:
    """The zone whose today the demo's days count from (its first site's)."""
    return ZoneInfo(catalog["sites"][0]["timezone"])


def demo_today(now: datetime) -> date:
    """The date the demo's days count from, at ``now``."""
    return now.astimezone(first_timezone(read_catalog_file())).date()


def _money(text: str | None, currency: str = "EUR") -> Money | None:
    return None if text is None else Money.of(text, currency)


def select_seats(patterns: Iterable[str], seat_ids: list[str]) -> list[str]:
    chosen: list[str] = []
    for pattern in patterns:
        matches = fnmatch.filter(seat_ids, pattern)
        if not matches:
            raise ValueError(f"demo catalog: pattern {pattern!r} matches no seat")
        chosen.extend(matches)
    return chosen


def booked_seats(
    layout: LogicalLayout, ratios: Mapping[str, Any]
) -> dict[SeatState, tuple[str, ...]]:
    """A deterministic share of the sellable seats, sold, reserved and held."""
    candidates = [
        s.id
        for s in layout.physical.seats
        if s.id not in layout.blocked and s.id not in layout.invalidated
    ]
    rng = random.Random(ratios["seed"])
    rng.shuffle(candidates)
    start = 0
    chosen: dict[SeatState, tuple[str, ...]] = {}
    for state in BOOKED_ORDER:
        count = round(len(candidates) * float(ratios.get(state.value, 0)))
        if count:
            chosen[state] = tuple(candidates[start : start + count])
        start += count
    return chosen


def _channel(data: Mapping[str, Any]) -> SalesChannel:
    return SalesChannel(
        code=data["code"],
        name=data["name"],
        type=ChannelType(data["type"]),
        sells_no_contingent=data.get("sells_no_contingent", True),
        cash_float_allowed=data.get("cash_float_allowed", False),
        default_seat_search=SeatSearchMode(data["default_seat_search"]),
        max_tickets_per_performance=data.get("max_tickets_per_performance"),
        delivery_modes=tuple(data["delivery_modes"]),
        fee_cap=_money(data.get("fee_cap")),
    )


def _logical(data: Mapping[str, Any], physical: PhysicalLayout, season_id: str) -> LogicalLayout:
    seat_ids = [s.id for s in physical.seats]
    configured = replace(
        LogicalLayout.from_physical(data["id"], data["name"], season_id, physical),
        contingents=tuple(
            Contingent(
                c["code"],
                c["name"],
                c["colour"],
                ContingentType(c["type"]),
                c["exclusive"],
                frozenset(c["channels"]),
            )
            for c in data["contingents"]
        ),
    )
    for c in data["contingents"]:
        configured = configured.assign_contingent(select_seats(c["seats"], seat_ids), c["code"])
    configured = configured.block(select_seats(data["blocked"], seat_ids))
    return configured.invalidate(select_seats(data["invalidated"], seat_ids))


def load_demo_catalog(today: date) -> DemoCatalog:
    """The demo catalog with its days counted from ``today`` (the first site's date)."""
    catalog = read_catalog_file()
    sites: list[Site] = []
    halls: list[Hall] = []
    layouts: dict[str, PhysicalLayout] = {}
    tz_of_hall: dict[str, ZoneInfo] = {}
    for site_data in catalog["sites"]:
        site = Site(site_data["id"], site_data["name"], site_data["timezone"])
        sites.append(site)
        for hall_data in site_data["halls"]:
            hall = Hall(hall_data["id"], site.id, hall_data["name"])
            halls.append(hall)
            tz_of_hall[hall.id] = ZoneInfo(site.timezone)
            layouts[hall_data["layout_id"]] = read_plan(
                resource_path("demo", hall_data["plan"]),
                layout_id=hall_data["layout_id"],
                hall_id=hall.id,
            ).validated()

    def day(offset: int) -> date:
        return today + timedelta(days=offset)

    organizer = Organizer(catalog["organizer"]["id"], catalog["organizer"]["name"])
    season_data = catalog["season"]
    season = Season(
        season_data["id"],
        organizer.id,
        season_data["name"],
        day(season_data["starts_day"]),
        day(season_data["ends_day"]),
    )
    booking_fee = Money.of(catalog["booking_fee"], "EUR")
    logical = {
        data["id"]: _logical(data, layouts[data["physical"]], season.id)
        for data in catalog["logical_layouts"]
    }
    windows = catalog["sale_windows"]
    performances: list[Performance] = []
    booked: dict[str, Mapping[SeatState, tuple[str, ...]]] = {}
    for data in catalog["performances"]:
        zone = tz_of_hall[data["hall"]]
        starts = datetime.combine(day(data["day"]), time.fromisoformat(data["time"]), zone)
        opens = datetime.combine(day(windows["opens_day"]), time(9, 0), zone)
        closes = starts - timedelta(minutes=windows["closes_minutes_before"])
        performances.append(
            Performance(
                id=data["id"],
                event_id=data["event"],
                hall_id=data["hall"],
                logical_layout_id=data["layout"],
                price_grid_id=data["grid"],
                starts_at=starts,
                state=PerformanceState(data["state"]),
                sale_windows={c: SaleWindow(opens, closes) for c in windows["channels"]},
                booking_fee=booking_fee,
            )
        )
        if data.get("booked"):
            booked[data["id"]] = booked_seats(logical[data["layout"]], data["booked"])

    return DemoCatalog(
        today=today,
        organizer=organizer,
        season=season,
        sites=tuple(sites),
        halls=tuple(halls),
        physical_layouts=tuple(layouts.values()),
        logical_layouts=tuple(logical.values()),
        activities=tuple(Activity(d["id"], season.id, d["name"]) for d in catalog["activities"]),
        audiences=tuple(AudienceSubcategory(d["code"], d["name"]) for d in catalog["audiences"]),
        price_grids=tuple(
            PriceGrid(
                d["id"],
                d["name"],
                d["currency"],
                {
                    (category, audience): Money.of(amount, d["currency"])
                    for category, row in d["prices"].items()
                    for audience, amount in row.items()
                },
            )
            for d in catalog["price_grids"]
        ),
        delivery_modes=tuple(
            DeliveryMode(d["code"], d["name"], Money.of(d["fee"], "EUR"))
            for d in catalog["delivery_modes"]
        ),
        channels=tuple(_channel(d) for d in catalog["channels"]),
        points_of_sale=tuple(
            PointOfSale(d["code"], d["name"], d["channel"], d["number"])
            for d in catalog["points_of_sale"]
        ),
        events=tuple(Event(d["id"], d["activity"], d["name"]) for d in catalog["events"]),
        performances=tuple(performances),
        operators=tuple(
            DemoOperator(d["id"], d["login"], d["name"], Role(d["role"]), d["pin"])
            for d in catalog["operators"]
        ),
        gift_cards=tuple(
            (d["code"], Money.of(d["balance"], "EUR"), int(d.get("valid_days", 365)))
            for d in catalog.get("gift_cards", [])
        ),
        booked=booked,
    )
