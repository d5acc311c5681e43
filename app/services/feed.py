"""The catalog and seat-state feed on the till: `sync.feed` over the till's database.

`CatalogFeed` is the `sync.feed.FeedStore` of an enrolled till. Each snapshot or page is one
local transaction that also stores the cursor (and the catalog's time), so a failure half-way
leaves both as they were and the same page comes again:

- catalog entities are written through the repositories when their version is newer than the
  one the till holds (`sync_entity_versions`); a tombstone deletes, unless something of the
  till's refers to it still (a performance with sales is cancelled instead);
- a snapshot replaces what the server's view said of the seats and standing places of each
  performance it lists; a page applies the seat deltas in order;
- seats held or sold elsewhere become seat states owned by `SERVER_OWNER`, which the plan shows
  as taken and a cart cannot hold; the till's own cart holds, sales and lease seats are never
  replaced (only a hold that has lapsed, which is free anyway). What the demo booked on a
  till's own database (`DEMO_OWNER`) is the server's to replace once the till is enrolled;
- standing places taken elsewhere are one sold row of `SERVER_OWNER` per zone: the server's
  sold + held + leased, less what this till's own carts and sales have there and its own open
  leases' places (the server counts those too).

`pull_once` is the call for the network lane: it returns a `FeedReport` whose ``changes`` go to
the refresh hub (``app.ui.changes.hub().publish(report.changes)``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Final

from pydantic import JsonValue

from app.services.changes import Changes
from app.services.demo import DEMO_OWNER
from app.services.ports import Clock, UnitOfWork, UnitOfWorkFactory
from app.services.syncing import NotEnrolled
from domain import pickups
from domain.catalog import PerformanceState
from domain.venue import PhysicalLayout
from sync import catalog as codec
from sync.client import ServerClient
from sync.feed import (
    EntityWrite,
    FeedPlan,
    Key,
    Known,
    plan_page,
    plan_snapshot,
    pull,
    till_state,
)
from sync.protocol import ChangesResponse, LeaseState, SnapshotResponse

log = logging.getLogger(__name__)

SERVER_OWNER: Final = "server"  # seats and places taken elsewhere, as the server says
FOREIGN: Final = (SERVER_OWNER, DEMO_OWNER)  # the owners the feed may replace
VENUE_KINDS: Final = frozenset({codec.SITE, codec.HALL, codec.PHYSICAL_LAYOUT})


@dataclass(frozen=True, slots=True)
class FeedReport:
    snapshot: bool  # a snapshot was taken (first pull, or the cursor had expired)
    applied: int  # entries applied
    skipped: int  # entries not applied (stale, unknown kinds, malformed)
    pages: int
    cursor: int | None
    changes: Changes  # for the refresh hub: performances touched, catalog or venues changed

    @property
    def performances(self) -> frozenset[str]:
        return self.changes.performances


class CatalogFeed:
    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock, till: str) -> None:
        self._uow = uow_factory
        self._clock = clock
        self._till = till
        self._venues = False  # a site, hall or physical layout changed in this pull

    def pull_once(self, client: ServerClient, wait: int = 0) -> FeedReport:
        """A snapshot if the till has no cursor (or it expired), then the pages the server
        has, the first long-polling ``wait`` seconds. `NotEnrolled` on a till without a
        server; `sync.client` errors (`Unreachable`, `RetryLater`, `Unauthorized`) go to the
        caller, what was applied before them stays."""
        with self._uow(read_only=True) as uow:
            if uow.sync.get() is None:
                raise NotEnrolled()
        self._venues = False
        report = pull(client, self, wait)
        return FeedReport(
            snapshot=report.snapshot,
            applied=report.applied,
            skipped=report.skipped,
            pages=report.pages,
            cursor=report.cursor,
            changes=Changes(
                performances=frozenset(report.performances),
                catalog=report.catalog,
                venues=self._venues,
            ),
        )

    # --- sync.feed.FeedStore -------------------------------------------------------------

    def cursor(self) -> int | None:
        with self._uow(read_only=True) as uow:
            link = uow.sync.get()
            return None if link is None else link.catalog_cursor

    def apply_snapshot(self, snapshot: SnapshotResponse) -> FeedPlan:
        return self._in_transaction(lambda known: plan_snapshot(snapshot, known))

    def apply_page(self, page: ChangesResponse) -> FeedPlan:
        return self._in_transaction(lambda known: plan_page(page, known))

    # --- inside --------------------------------------------------------------------------

    def _in_transaction(self, plan_of: Callable[[dict[Key, Known]], FeedPlan]) -> FeedPlan:
        """Plan over what the till knows, apply, and store the cursor: one transaction."""
        with self._uow() as uow:
            plan = self._apply(uow, plan_of(uow.feed.known()))
            uow.sync.set_catalog(plan.cursor, self._clock.now())
            uow.commit()
        return plan

    def _apply(self, uow: UnitOfWork, plan: FeedPlan) -> FeedPlan:
        """Apply the plan in ``uow``; the plan as applied (entities that could not be
        decoded or stored are counted as skipped)."""
        now = self._clock.now()
        feed = uow.feed
        layouts: dict[str, PhysicalLayout] = {}
        failed = 0
        for write in plan.upserts:
            if self._put(uow, write, layouts):
                feed.mark(write.entity, write.id, write.version, True)
                self._venues = self._venues or write.entity in VENUE_KINDS
            else:
                failed += 1
        for write in plan.deletes:
            self._delete(uow, write)
            feed.mark(write.entity, write.id, write.version, False)
            self._venues = self._venues or write.entity in VENUE_KINDS

        if plan.replace_leases:
            feed.remove_leases()
        elif plan.gone_leases:
            feed.remove_leases(plan.gone_leases)
        for lease in plan.leases:
            feed.put_lease(lease)
        open_leases = [x for x in feed.leases() if x.state is LeaseState.ACTIVE]
        own = {x.lease_id for x in open_leases}

        performances = set(plan.seats) | plan.replaced | {q.performance_id for q in plan.quotas}
        present = {p for p in performances if feed.exists(codec.PERFORMANCE, p)}
        for performance_id in plan.replaced & present:
            feed.clear_seats(performance_id, FOREIGN)
            feed.clear_places(performance_id, FOREIGN)
        for performance_id, seats in plan.seats.items():
            if performance_id not in present:
                continue
            states = {seat: till_state(state, own) for seat, state in seats.items()}
            if performance_id in plan.replaced:
                states = {seat: state for seat, state in states.items() if state is not None}
            feed.put_seats(performance_id, states, SERVER_OWNER, FOREIGN, now)
        for quota in plan.quotas:
            if quota.performance_id not in present:
                continue
            mine = feed.own_places(
                quota.performance_id,
                quota.zone_id,
                FOREIGN,
                now,
                own,
            )
            leased = sum(
                places.count
                for lease in open_leases
                if lease.performance_id == quota.performance_id
                for places in lease.places
                if places.zone_id == quota.zone_id
            )
            feed.put_places(
                quota.performance_id,
                quota.zone_id,
                max(0, quota.taken - mine - leased),
                SERVER_OWNER,
            )
        return replace(plan, skipped=plan.skipped + failed) if failed else plan

    def _put(self, uow: UnitOfWork, write: EntityWrite, layouts: dict[str, PhysicalLayout]) -> bool:
        """Write one catalog entity; False (logged, nothing of it written) when it cannot be
        read or refers to what the till does not have."""
        data = write.data
        assert data is not None
        error = uow.feed.attempt(lambda: _write(uow, write.entity, write.id, data, layouts))
        if error is not None:
            log.warning("catalog feed: %s %s not applied: %s", write.entity, write.id, error)
            return False
        return True

    @staticmethod
    def _delete(uow: UnitOfWork, write: EntityWrite) -> None:
        """A tombstone: the row goes unless something refers to it; a performance that
        cannot go (it has sales) is cancelled."""
        if not uow.feed.exists(write.entity, write.id) or uow.feed.remove(write.entity, write.id):
            return
        if write.entity == codec.PERFORMANCE:
            performance = uow.catalog.get_performance(write.id)
            uow.catalog.save_performance(replace(performance, state=PerformanceState.CANCELLED))
        else:
            log.info("catalog feed: %s %s deleted on the server, kept here", write.entity, write.id)


def _write(
    uow: UnitOfWork,
    kind: str,
    entity_id: str,
    data: dict[str, JsonValue],
    layouts: dict[str, PhysicalLayout],
) -> None:
    feed = uow.feed
    exists = feed.exists(kind, entity_id)
    if kind == codec.SITE:
        feed.put_site(codec.site_of(data))
    elif kind == codec.HALL:
        feed.put_hall(codec.hall_of(data))
    elif kind == codec.PHYSICAL_LAYOUT:
        physical = codec.physical_layout_of(data)
        feed.put_physical_layout(physical)
        layouts[physical.id] = physical
    elif kind == codec.ORGANIZER:
        feed.put_organizer(codec.organizer_of(data))
    elif kind == codec.SEASON:
        feed.put_season(codec.season_of(data))
    elif kind == codec.LOGICAL_LAYOUT:
        physical_id = str(data["physical_id"])
        physical = layouts.get(physical_id) or uow.venues.get_physical_layout(physical_id)
        layouts[physical_id] = physical
        layout = codec.logical_layout_of(data, physical)
        (uow.configurations.save if exists else uow.configurations.add)(layout)
    elif kind == codec.ACTIVITY:
        feed.put_activity(codec.activity_of(data))
    elif kind == codec.AUDIENCE:
        feed.put_audience(codec.audience_of(data))
    elif kind == codec.PRICE_GRID:
        grid = codec.price_grid_of(data)
        (uow.catalog.replace_price_grid if exists else uow.catalog.add_price_grid)(grid)
    elif kind == codec.DELIVERY_MODE:
        feed.put_delivery_mode(codec.delivery_mode_of(data))
    elif kind == codec.CHANNEL:
        channel = codec.channel_of(data)
        (uow.channels.save_channel if exists else uow.channels.add_channel)(channel)
    elif kind == codec.POINT_OF_SALE:
        feed.put_point_of_sale(codec.point_of_sale_of(data))
    elif kind == codec.EVENT:
        feed.put_event(codec.event_of(data))
    elif kind == codec.PERFORMANCE:
        performance = codec.performance_of(data)
        if exists:
            uow.catalog.save_performance(performance)
        else:
            uow.catalog.add_performance(performance)
    elif kind == codec.PICKUP_ORDER:  # kept collected if this till printed it meanwhile
        order = codec.pickup_order_of(data)
        uow.pickups.put(pickups.merged(uow.pickups.get(order.number), order))
    else:  # sync.feed plans only the kinds of codec.ENTITY_ORDER
        raise ValueError(f"unknown catalog kind {kind!r}")
