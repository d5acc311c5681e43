"""Finding performances and reading one performance's page: state counts, free places per
category, whether this till may sell it now, and the plan data its seat map draws.

Read-only use cases; each runs in one unit of work and returns frozen plain data.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from app.services.ports import Clock, UnitOfWorkFactory
from app.services.records import PerformanceSummary
from domain.availability import (
    SeatState,
    StateCounts,
    Verdict,
    may_sell_now,
    pickable_seats,
    seat_states,
)
from domain.best_available import SeatRows, seat_rows
from domain.catalog import Event, Performance, PerformanceState, max_tickets
from domain.channels import SalesChannel, SeatSearchMode
from domain.configuration import LogicalLayout
from domain.errors import GuichetError
from domain.venue import Hall, Site


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


class UnknownPointOfSale(GuichetError, LookupError):
    pass


def till_context(uow_factory: UnitOfWorkFactory, point_of_sale_code: str) -> TillContext:
    with uow_factory(read_only=True) as uow:
        try:
            pos = uow.channels.get_point_of_sale(point_of_sale_code)
        except LookupError:
            raise UnknownPointOfSale(point_of_sale_code) from None
        channel = uow.channels.get_channel(pos.channel_code)
        return TillContext(pos.code, pos.name, channel)


def list_events(uow_factory: UnitOfWorkFactory) -> list[EventCard]:
    with uow_factory(read_only=True) as uow:
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
) -> list[PerformanceSummary]:
    """Performances between two days inclusive (days in the given zone), soonest first."""
    starts_from = None if first_day is None else datetime.combine(first_day, time(), timezone)
    starts_before = (
        None
        if last_day is None
        else datetime.combine(last_day + timedelta(days=1), time(), timezone)
    )
    with uow_factory(read_only=True) as uow:
        found = uow.catalog.list_performances(
            starts_from=starts_from, starts_before=starts_before, event_id=event_id
        )
        return sorted(found, key=lambda p: p.starts_at)


@dataclass(frozen=True, slots=True)
class _Snapshot:
    """One performance as the database holds it, read in one unit of work."""

    performance: Performance
    event: Event
    hall: Hall
    site: Site
    layout: LogicalLayout
    booked: dict[str, SeatState]


def _read(uow_factory: UnitOfWorkFactory, performance_id: str, now: datetime) -> _Snapshot:
    with uow_factory(read_only=True) as uow:
        performance = uow.catalog.get_performance(performance_id)
        hall = uow.venues.get_hall(performance.hall_id)
        return _Snapshot(
            performance=performance,
            event=uow.catalog.get_event(performance.event_id),
            hall=hall,
            site=uow.venues.get_site(hall.site_id),
            layout=uow.configurations.get(performance.logical_layout_id),
            booked=uow.seat_states.booked(performance_id, now),
        )


@dataclass(frozen=True, slots=True)
class PerformanceView:
    page: PerformancePage
    plan: PerformancePlan


def performance_view(
    uow_factory: UnitOfWorkFactory, clock: Clock, channel: SalesChannel, performance_id: str
) -> PerformanceView:
    """A performance's page and its seat map's data, from one read of the database."""
    now = clock.now()
    snapshot = _read(uow_factory, performance_id, now)
    return PerformanceView(_page(snapshot, now, channel), _plan(snapshot, channel, now))


def _page(snapshot: _Snapshot, now: datetime, channel: SalesChannel) -> PerformancePage:
    performance, layout, site = snapshot.performance, snapshot.layout, snapshot.site
    states = seat_states(layout, snapshot.booked)
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
        event_name=snapshot.event.name,
        site_name=site.name,
        hall_name=snapshot.hall.name,
        starts_at=performance.starts_at.astimezone(ZoneInfo(site.timezone)),
        state=performance.state,
        counts=StateCounts.of(states.values()),
        categories=categories,
        standing=standing,
        with_plan=layout.physical.with_plan,
        seat_search=channel.default_seat_search,
        sellable=may_sell_now(channel, performance, now),
    )


# --- the plan of a performance, for the seat map ------------------------------------------

# State codes in `PerformancePlan.states`: the position of each state in this tuple.
STATE_CODES: tuple[SeatState, ...] = tuple(SeatState)


@dataclass(frozen=True, slots=True)
class ColourKey:
    """A category or contingent as the plan shows it; `sellable_here`: this till's channel
    may sell from it (always True for categories)."""

    code: str
    name: str
    colour: str
    sellable_here: bool = True


@dataclass(frozen=True, slots=True)
class PlanArea:
    shape: str  # rectangle, ellipse, circle (two corners), polygon (vertices), text (anchor)
    points: tuple[tuple[float, float], ...]
    label: str
    colour: str


@dataclass(frozen=True, slots=True)
class StandingZone:
    id: str
    name: str
    capacity: int
    places_left: int
    category: int  # index into `PerformancePlan.categories`, -1: none
    outline: tuple[tuple[float, float], ...]


@dataclass(frozen=True, eq=False)
class PerformancePlan:
    """Everything the seat map of one performance draws, as plain data and numpy columns in
    the layout's canonical order (zone → block → row → seat).

    ``states`` holds codes into `STATE_CODES`; ``category`` and ``contingent`` index
    `categories` and `contingents` (-1: none); ``sellable`` says whether this till's channel may
    sell the seat now (`domain.availability.pickable_seats`, the twin of `may_sell_seat`: the
    one gate); ``rows`` is the form best available searches.
    """

    performance_id: str
    name: str
    seat_ids: tuple[str, ...]
    x: npt.NDArray[np.float32]
    y: npt.NDArray[np.float32]
    zones: tuple[str, ...]  # the zone (or block) name shown for each seat
    row_labels: tuple[str, ...]
    numbers: tuple[str, ...]
    flags: npt.NDArray[np.uint8]
    category: npt.NDArray[np.int16]
    contingent: npt.NDArray[np.int16]
    states: npt.NDArray[np.uint8]
    sellable: npt.NDArray[np.bool_]
    categories: tuple[ColourKey, ...]
    contingents: tuple[ColourKey, ...]
    no_contingent_sellable: bool
    standing: tuple[StandingZone, ...]
    areas: tuple[PlanArea, ...]
    focal_point: tuple[float, float] | None
    rows: SeatRows
    max_tickets: int | None  # the most seats one order may take (performance and channel)


def _plan(snapshot: _Snapshot, channel: SalesChannel, now: datetime) -> PerformancePlan:
    """The seat map's data for a performance: geometry, states, categories, contingents and
    what this channel may sell."""
    performance, layout, booked = snapshot.performance, snapshot.layout, snapshot.booked
    physical = layout.physical
    seats = physical.seats
    n = len(seats)
    states = seat_states(layout, booked)
    code_of_state = {state: code for code, state in enumerate(STATE_CODES)}
    category_index = {c.code: i for i, c in enumerate(layout.categories)}
    contingent_index = {c.code: i for i, c in enumerate(layout.contingents)}
    contingents = tuple(
        ColourKey(
            c.code, c.name, c.colour, c.sellable_by(channel.code, channel.sells_no_contingent)
        )
        for c in layout.contingents
    )
    zone_names = {z.id: z.name for z in physical.zones}
    contingent = np.fromiter(
        (contingent_index.get(layout.seat_contingents.get(s.id, ""), -1) for s in seats),
        dtype=np.int16,
        count=n,
    )
    seat_ids = tuple(s.id for s in seats)
    return PerformancePlan(
        performance_id=performance.id,
        name=physical.name,
        seat_ids=seat_ids,
        x=np.fromiter((s.x for s in seats), dtype=np.float32, count=n),
        y=np.fromiter((s.y for s in seats), dtype=np.float32, count=n),
        zones=tuple(
            zone_names.get(s.zone, s.zone) if s.block == s.zone else s.block for s in seats
        ),
        row_labels=tuple(s.row for s in seats),
        numbers=tuple(s.number for s in seats),
        flags=np.fromiter((int(s.flags) for s in seats), dtype=np.uint8, count=n),
        category=np.fromiter(
            (category_index.get(layout.seat_categories.get(s.id, ""), -1) for s in seats),
            dtype=np.int16,
            count=n,
        ),
        contingent=contingent,
        states=np.fromiter((code_of_state[states[s.id]] for s in seats), dtype=np.uint8, count=n),
        sellable=pickable_seats(channel, performance, layout, booked, seat_ids, now),
        categories=tuple(ColourKey(c.code, c.name, c.colour) for c in layout.categories),
        contingents=contingents,
        no_contingent_sellable=channel.sells_no_contingent,
        standing=tuple(
            StandingZone(
                z.id,
                z.name,
                z.capacity,
                z.capacity,  # unnumbered places are not sold yet: the whole capacity is left
                category_index.get(layout.ga_categories.get(z.id, ""), -1),
                tuple((p.x, p.y) for p in z.outline),
            )
            for z in physical.ga_zones
        ),
        areas=tuple(
            PlanArea(a.shape, tuple((p.x, p.y) for p in a.points), a.label, a.colour)
            for a in physical.areas
        ),
        focal_point=None
        if physical.focal_point is None
        else (physical.focal_point.x, physical.focal_point.y),
        rows=seat_rows(physical),
        max_tickets=max_tickets(performance, channel),
    )
