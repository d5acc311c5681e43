"""The embedded demo: a fresh till database gets Le Théâtre, a concert hall, a season of
performances, the box-office channel with "Guichet 1", and three operators.

Loaded once, in one transaction, from resources/demo/catalog.json and the plan files beside it.
Dates are counted in days from the first start so the demo is always on sale.
"""

from __future__ import annotations

import fnmatch
import json
import random
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from app.services.ports import Clock, PinHasher, UnitOfWork, UnitOfWorkFactory
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
from domain.operators import Operator, Role
from domain.venue import Hall, PhysicalLayout, Site
from planfiles import read_plan
from resources import resource_path

DEMO_FLAG = "demo_loaded_on"
# The owner of the seats the demo books: sales, options and carts of other channels.
DEMO_OWNER = "demo:other-channels"


def _money(text: str | None, currency: str = "EUR") -> Money | None:
    return None if text is None else Money.of(text, currency)


def _select(patterns: Iterable[str], seat_ids: list[str]) -> list[str]:
    chosen: list[str] = []
    for pattern in patterns:
        matches = fnmatch.filter(seat_ids, pattern)
        if not matches:
            raise ValueError(f"demo catalog: pattern {pattern!r} matches no seat")
        chosen.extend(matches)
    return chosen


def is_loaded(uow_factory: UnitOfWorkFactory) -> bool:
    with uow_factory(read_only=True) as uow:
        return uow.settings.get(DEMO_FLAG) is not None


def load_demo(uow_factory: UnitOfWorkFactory, hasher: PinHasher, clock: Clock) -> bool:
    """Fill an empty database with the demo; False (and nothing done) if it is there already."""
    if is_loaded(uow_factory):
        return False
    catalog: dict[str, Any] = json.loads(
        resource_path("demo", "catalog.json").read_text(encoding="utf-8")
    )
    layouts: dict[str, PhysicalLayout] = {}
    sites: list[tuple[Site, list[Hall]]] = []
    for site_data in catalog["sites"]:
        site = Site(site_data["id"], site_data["name"], site_data["timezone"])
        halls = []
        for hall_data in site_data["halls"]:
            hall = Hall(hall_data["id"], site.id, hall_data["name"])
            halls.append(hall)
            layouts[hall_data["layout_id"]] = read_plan(
                resource_path("demo", hall_data["plan"]),
                layout_id=hall_data["layout_id"],
                hall_id=hall.id,
            ).validated()
        sites.append((site, halls))
    tz_of_hall = {h.id: ZoneInfo(s.timezone) for s, hs in sites for h in hs}
    today = clock.now().astimezone(ZoneInfo(sites[0][0].timezone)).date()

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

    with uow_factory() as uow:
        for site, halls in sites:
            uow.venues.add_site(site)
            for hall in halls:
                uow.venues.add_hall(hall)
        for layout in layouts.values():
            uow.venues.add_physical_layout(layout)
        uow.catalog.add_organizer(organizer)
        uow.catalog.add_season(season)
        for data in catalog["activities"]:
            uow.catalog.add_activity(Activity(data["id"], season.id, data["name"]))
        for data in catalog["audiences"]:
            uow.catalog.add_audience(AudienceSubcategory(data["code"], data["name"]))
        for data in catalog["price_grids"]:
            prices = {
                (category, audience): Money.of(amount, data["currency"])
                for category, row in data["prices"].items()
                for audience, amount in row.items()
            }
            uow.catalog.add_price_grid(
                PriceGrid(data["id"], data["name"], data["currency"], prices)
            )
        for data in catalog["delivery_modes"]:
            uow.catalog.add_delivery_mode(
                DeliveryMode(data["code"], data["name"], Money.of(data["fee"], "EUR"))
            )
        for data in catalog["channels"]:
            uow.channels.add_channel(
                SalesChannel(
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
            )
        for data in catalog["points_of_sale"]:
            uow.channels.add_point_of_sale(
                PointOfSale(data["code"], data["name"], data["channel"], data["number"])
            )

        logical: dict[str, LogicalLayout] = {}
        for data in catalog["logical_layouts"]:
            physical = layouts[data["physical"]]
            seat_ids = [s.id for s in physical.seats]
            configured = replace(
                LogicalLayout.from_physical(data["id"], data["name"], season.id, physical),
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
                configured = configured.assign_contingent(_select(c["seats"], seat_ids), c["code"])
            configured = configured.block(_select(data["blocked"], seat_ids))
            configured = configured.invalidate(_select(data["invalidated"], seat_ids))
            uow.configurations.add(configured)
            logical[configured.id] = configured

        for data in catalog["events"]:
            uow.catalog.add_event(Event(data["id"], data["activity"], data["name"]))
        windows = catalog["sale_windows"]
        for data in catalog["performances"]:
            zone = tz_of_hall[data["hall"]]
            starts = datetime.combine(day(data["day"]), time.fromisoformat(data["time"]), zone)
            opens = datetime.combine(day(windows["opens_day"]), time(9, 0), zone)
            closes = starts - timedelta(minutes=windows["closes_minutes_before"])
            performance = Performance(
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
            uow.catalog.add_performance(performance)
            booked = data.get("booked")
            if booked:
                _book(uow, performance.id, logical[data["layout"]], booked)

        for data in catalog["operators"]:
            uow.operators.add(
                Operator(
                    data["id"],
                    data["login"],
                    data["name"],
                    Role(data["role"]),
                    hasher.hash(data["pin"]),
                )
            )
        for data in catalog.get("gift_cards", []):
            uow.gift_cards.add(data["code"], Money.of(data["balance"], "EUR"))
        uow.settings.set(DEMO_FLAG, today.isoformat())
        uow.commit()
    return True


def _book(
    uow: UnitOfWork, performance_id: str, layout: LogicalLayout, ratios: dict[str, Any]
) -> None:
    """Mark a deterministic share of the sellable seats sold, reserved and held."""
    candidates = [
        s.id
        for s in layout.physical.seats
        if s.id not in layout.blocked and s.id not in layout.invalidated
    ]
    rng = random.Random(ratios["seed"])
    rng.shuffle(candidates)
    start = 0
    for state in (SeatState.SOLD, SeatState.RESERVED, SeatState.HELD):
        count = round(len(candidates) * float(ratios.get(state.value, 0)))
        if count:
            seats = candidates[start : start + count]
            uow.seat_states.seed(performance_id, seats, state, DEMO_OWNER)
        start += count
