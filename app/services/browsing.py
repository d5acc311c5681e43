"""Finding performances and reading one performance's page: state counts, free places per
category, and whether this till may sell it now.

Read-only use cases; each runs in one unit of work and returns frozen plain data.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from app.services.ports import Clock, UnitOfWorkFactory
from domain.availability import SeatState, StateCounts, Verdict, may_sell_now, seat_states
from domain.catalog import PerformanceState
from domain.channels import SalesChannel, SeatSearchMode


@dataclass(frozen=True, slots=True)
class EventCard:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class TillContext:
    point_of_sale_code: str
    point_of_sale_name: str
    channel: SalesChannel


@dataclass(frozen=True, slots=True)
class CategoryAvailability:
    code: str
    name: str
    colour: str
    total: int
    free: int


@dataclass(frozen=True, slots=True)
class StandingAvailability:
    zone_id: str
    name: str
    capacity: int
    category: str | None


@dataclass(frozen=True, slots=True)
class PerformancePage:
    performance_id: str
    event_name: str
    site_name: str
    hall_name: str
    starts_at: datetime  # in the venue's time zone
    state: PerformanceState
    counts: StateCounts
    categories: tuple[CategoryAvailability, ...]
    standing: tuple[StandingAvailability, ...]
    with_plan: bool
    seat_search: SeatSearchMode
    sellable: Verdict


class UnknownPointOfSale(LookupError):
    pass


def till_context(uow_factory: UnitOfWorkFactory, point_of_sale_code: str) -> TillContext:
    with uow_factory() as uow:
        try:
            pos = uow.channels.get_point_of_sale(point_of_sale_code)
        except LookupError:
            raise UnknownPointOfSale(point_of_sale_code) from None
        channel = uow.channels.get_channel(pos.channel_code)
        return TillContext(pos.code, pos.name, channel)


def list_events(uow_factory: UnitOfWorkFactory) -> list[EventCard]:
    with uow_factory() as uow:
        return sorted(
            (EventCard(e.id, e.name) for e in uow.catalog.list_events()),
            key=lambda e: e.name.casefold(),
        )


def find_performances(
    uow_factory: UnitOfWorkFactory,
    first_day: date | None,
    last_day: date | None,
    event_id: str | None,
    timezone: ZoneInfo,
) -> list:  # list[PerformanceSummary]
    """Performances between two days inclusive (days in the given zone), soonest first."""
    starts_from = None if first_day is None else datetime.combine(first_day, time(), timezone)
    starts_before = (
        None
        if last_day is None
        else datetime.combine(last_day + timedelta(days=1), time(), timezone)
    )
    with uow_factory() as uow:
        found = uow.catalog.list_performances(
            starts_from=starts_from, starts_before=starts_before, event_id=event_id
        )
        return sorted(found, key=lambda p: p.starts_at)


def performance_page(
    uow_factory: UnitOfWorkFactory, clock: Clock, channel: SalesChannel, performance_id: str
) -> PerformancePage:
    with uow_factory() as uow:
        performance = uow.catalog.get_performance(performance_id)
        event = uow.catalog.get_event(performance.event_id)
        hall = uow.venues.get_hall(performance.hall_id)
        site = uow.venues.get_site(hall.site_id)
        layout = uow.configurations.get(performance.logical_layout_id)
        booked = uow.seat_states.booked(performance_id)
    states = seat_states(layout, booked)
    totals: Counter[str] = Counter()
    free: Counter[str] = Counter()
    for seat_id, state in states.items():
        category = layout.seat_categories.get(seat_id)
        if category is None or state is SeatState.INVALID:
            continue
        totals[category] += 1
        if state is SeatState.FREE:
            free[category] += 1
    categories = tuple(
        CategoryAvailability(c.code, c.name, c.colour, totals[c.code], free[c.code])
        for c in layout.categories
        if totals[c.code]
    )
    standing = tuple(
        StandingAvailability(z.id, z.name, z.capacity, layout.ga_categories.get(z.id))
        for z in layout.physical.ga_zones
    )
    return PerformancePage(
        performance_id=performance.id,
        event_name=event.name,
        site_name=site.name,
        hall_name=hall.name,
        starts_at=performance.starts_at.astimezone(ZoneInfo(site.timezone)),
        state=performance.state,
        counts=StateCounts.of(states.values()),
        categories=categories,
        standing=standing,
        with_plan=layout.physical.with_plan,
        seat_search=channel.default_seat_search,
        sellable=may_sell_now(channel, performance, clock.now()),
    )
