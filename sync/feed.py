"""The till's side of the catalog feed (``../shared/notes/sync.md`` §6), as plain data and one
loop step, with no database of its own.

- `plan_snapshot` and `plan_page` decide what a snapshot or a page of changes does to what a
  till knows (`Known`: the version of each catalog entity it holds, tombstones included): a
  catalog entity is written only when its incoming version is above the local one, a
  tombstone deletes, and a snapshot also deletes what it no longer lists. Seat states and
  standing counts are deltas applied in ``seq`` order (their entries carry no version), the
  till's own leases are replaced by a snapshot and followed by the "lease" entries. Entries of
  a kind the till does not know are counted as skipped, never an error.
- `pull` is one step of the feed over a `FeedStore` (the till's database) and a `FeedClient`
  (`sync.client.ServerClient`): a snapshot when the till has no cursor yet or its cursor
  expired (``410``), then pages until the server has no more, the first one long-polling for
  ``wait`` seconds. The store applies a page and stores its ``next_cursor`` in one local
  transaction, so the pull cursor stays the source of truth: a page that failed half-way is
  fetched again from the old cursor.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass, field
from typing import Final, Protocol

from pydantic import JsonValue, ValidationError

from domain.availability import SeatState
from sync import catalog as codec
from sync.client import CursorExpired
from sync.protocol import (
    MAX_CHANGES_PAGE,
    ChangeOp,
    ChangesResponse,
    GaQuotaWire,
    LeaseWire,
    SeatInventoryState,
    SeatStateWire,
    SnapshotResponse,
)

SEATS: Final = "seats"  # the server's server.feed names these three entry kinds
GA_QUOTA: Final = "ga_quota"
LEASE: Final = "lease"
CATALOG_KINDS: Final = frozenset(codec.ENTITY_ORDER)
_ORDER: Final = {name: index for index, name in enumerate(codec.ENTITY_ORDER)}

Key = tuple[str, str]  # (entity, id)


@dataclass(frozen=True, slots=True)
class Known:
    """What a till holds of one catalog entity: its version, and whether a tombstone
    deleted it."""

    version: int
    live: bool = True


@dataclass(frozen=True, slots=True)
class EntityWrite:
    """Write (``data``) or delete (``data`` None) one catalog entity at ``version``."""

    entity: str
    id: str
    version: int
    data: dict[str, JsonValue] | None

    @property
    def key(self) -> Key:
        return (self.entity, self.id)


@dataclass(frozen=True, slots=True)
class SeatWrite:
    """A seat's state in the central inventory."""

    state: SeatInventoryState
    lease_id: str | None = None


@dataclass(frozen=True, slots=True)
class QuotaWrite:
    """A standing zone's counts in the central inventory."""

    performance_id: str
    zone_id: str
    size: int
    sold: int
    leased: int
    held: int

    @property
    def taken(self) -> int:
        return self.sold + self.leased + self.held


@dataclass(frozen=True, slots=True)
class FeedPlan:
    """What to apply, in order: `upserts` (what an entity refers to first), `deletes`
    (referring entities first), then the seats, counts and leases."""

    cursor: int
    snapshot: bool = False
    upserts: tuple[EntityWrite, ...] = ()
    deletes: tuple[EntityWrite, ...] = ()
    # performance -> seat -> state; for a snapshot, every seat that is not free and in the
    # central pool, of each performance in `replaced` (the others of those are free).
    seats: Mapping[str, Mapping[str, SeatWrite]] = field(default_factory=dict)
    replaced: frozenset[str] = frozenset()
    quotas: tuple[QuotaWrite, ...] = ()
    leases: tuple[LeaseWire, ...] = ()
    gone_leases: frozenset[str] = frozenset()
    replace_leases: bool = False  # a snapshot: the till's leases are exactly `leases`
    entries: int = 0  # entries the page (or entities and inventories the snapshot) held
    skipped: int = 0  # of those, not applied: stale versions, kinds the till does not know

    @property
    def applied(self) -> int:
        return self.entries - self.skipped

    @property
    def catalog(self) -> bool:
        return bool(self.upserts or self.deletes)

    @property
    def performances(self) -> frozenset[str]:
        """The performances whose page or plan may look different now."""
        found = set(self.seats) | self.replaced | {q.performance_id for q in self.quotas}
        found |= {w.id for w in (*self.upserts, *self.deletes) if w.entity == codec.PERFORMANCE}
        found |= {lease.performance_id for lease in self.leases}
        return frozenset(found)


def _ordered(writes: list[EntityWrite], reverse: bool = False) -> tuple[EntityWrite, ...]:
    return tuple(
        sorted(writes, key=lambda w: (_ORDER.get(w.entity, len(_ORDER)), w.id), reverse=reverse)
    )


def _lease_of(data: Mapping[str, JsonValue]) -> LeaseWire:
    return LeaseWire.model_validate({k: v for k, v in data.items() if k in LeaseWire.model_fields})


def plan_snapshot(snapshot: SnapshotResponse, known: Mapping[Key, Known]) -> FeedPlan:
    """A snapshot over what the till knows: newer entities written, live entities the
    snapshot does not list deleted, the seat states of its performances replaced."""
    upserts: list[EntityWrite] = []
    listed: set[Key] = set()
    skipped = 0
    for entity in snapshot.entities:
        key = (entity.entity, entity.id)
        if entity.entity not in CATALOG_KINDS:
            skipped += 1
            continue
        listed.add(key)
        local = known.get(key)
        if local is not None and entity.version <= local.version and local.live:
            skipped += 1  # the till has it already
            continue
        upserts.append(EntityWrite(entity.entity, entity.id, entity.version, dict(entity.data)))
    deletes = [
        EntityWrite(key[0], key[1], local.version, None)
        for key, local in known.items()
        if local.live and key[0] in CATALOG_KINDS and key not in listed
    ]
    seats: dict[str, dict[str, SeatWrite]] = {}
    quotas: list[QuotaWrite] = []
    for stock in snapshot.inventory:
        seats[stock.performance_id] = {
            s.seat_id: SeatWrite(s.state, s.lease_id) for s in stock.seats
        }
        quotas += [_quota(stock.performance_id, q) for q in stock.ga]
    return FeedPlan(
        cursor=snapshot.cursor,
        snapshot=True,
        upserts=_ordered(upserts),
        deletes=_ordered(deletes, reverse=True),
        seats=seats,
        replaced=frozenset(seats),
        quotas=tuple(quotas),
        leases=tuple(snapshot.leases),
        replace_leases=True,
        entries=len(snapshot.entities) + len(snapshot.inventory),
        skipped=skipped,
    )


def _quota(performance_id: str, quota: GaQuotaWire) -> QuotaWrite:
    return QuotaWrite(
        performance_id, quota.zone_id, quota.size, quota.sold, quota.leased, quota.held
    )


def plan_page(page: ChangesResponse, known: Mapping[Key, Known]) -> FeedPlan:
    """A page of changes over what the till knows. Within the page the last entry of an
    entity wins if its version is the highest seen; a malformed inventory entry is skipped."""
    pending: dict[Key, EntityWrite] = {}
    seats: dict[str, dict[str, SeatWrite]] = {}
    quotas: dict[tuple[str, str], QuotaWrite] = {}
    leases: dict[str, LeaseWire | None] = {}
    skipped = 0
    for change in sorted(page.changes, key=lambda c: c.seq):
        try:
            if change.entity in CATALOG_KINDS:
                key = (change.entity, change.entity_id)
                local = known.get(key)
                before = pending[key].version if key in pending else 0
                if change.version <= max(before, local.version if local else 0):
                    skipped += 1
                    continue
                data = None if change.op is ChangeOp.DELETE else dict(change.data or {})
                pending[key] = EntityWrite(change.entity, change.entity_id, change.version, data)
            elif change.entity == SEATS and change.op is ChangeOp.UPSERT:
                states = seats.setdefault(change.entity_id, {})
                for seat_id, value in (change.data or {}).items():
                    if not isinstance(value, dict):
                        raise ValueError(f"seat {seat_id}: not an object")
                    wire = SeatStateWire.model_validate({**value, "seat_id": seat_id})
                    states[seat_id] = SeatWrite(wire.state, wire.lease_id)
            elif change.entity == GA_QUOTA and change.op is ChangeOp.UPSERT:
                performance_id, _, _zone = change.entity_id.partition("/")
                quota = GaQuotaWire.model_validate(change.data or {})
                quotas[(performance_id, quota.zone_id)] = _quota(performance_id, quota)
            elif change.entity == LEASE:
                deleted = change.op is ChangeOp.DELETE or change.data is None
                leases[change.entity_id] = None if deleted else _lease_of(change.data or {})
            else:
                skipped += 1
        except (ValidationError, ValueError):
            skipped += 1
    writes = list(pending.values())
    return FeedPlan(
        cursor=page.next_cursor,
        upserts=_ordered([w for w in writes if w.data is not None]),
        deletes=_ordered([w for w in writes if w.data is None], reverse=True),
        seats=seats,
        quotas=tuple(quotas.values()),
        leases=tuple(x for x in leases.values() if x is not None),
        gone_leases=frozenset(k for k, x in leases.items() if x is None),
        entries=len(page.changes),
        skipped=skipped,
    )


# --- what the till's plan shows of the central inventory -------------------------------------


def till_state(seat: SeatWrite, own_leases: Set[str]) -> SeatState | None:
    """How a seat of the central inventory shows on this till's plan: None when this till may
    take it (free in the central pool, or in one of its own open leases), else held, sold or
    reserved (blocked, quarantined, or in another till's lease)."""
    if seat.state is SeatInventoryState.SOLD:
        return SeatState.SOLD
    if seat.state is SeatInventoryState.HELD:
        return SeatState.HELD
    if seat.state is SeatInventoryState.FREE:
        if seat.lease_id is None or seat.lease_id in own_leases:
            return None
        return SeatState.RESERVED
    return SeatState.RESERVED  # blocked, quarantined (a lease being revoked: stop selling)


# --- one step of the feed ----------------------------------------------------------------------


class FeedClient(Protocol):
    """What `pull` needs of `sync.client.ServerClient`."""

    def snapshot(self) -> SnapshotResponse: ...
    def changes(self, cursor: int, limit: int = ..., wait: int = ...) -> ChangesResponse: ...


class FeedStore(Protocol):
    """The till's side: each call is one local transaction."""

    def cursor(self) -> int | None:
        """The cursor stored with the last page applied; None before the first snapshot."""
        ...

    def apply_snapshot(self, snapshot: SnapshotResponse) -> FeedPlan:
        """Plan (`plan_snapshot`) and apply the snapshot and store its cursor, all or none."""
        ...

    def apply_page(self, page: ChangesResponse) -> FeedPlan:
        """Plan (`plan_page`) and apply the page and store its ``next_cursor``, all or none."""
        ...


@dataclass
class PullReport:
    snapshot: bool = False  # a snapshot was taken (first pull, or 410)
    pages: int = 0
    applied: int = 0  # entries applied
    skipped: int = 0
    catalog: bool = False  # a catalog entity was written or deleted
    performances: set[str] = field(default_factory=set)  # seats, counts or the performance
    cursor: int | None = None

    def add(self, plan: FeedPlan) -> None:
        self.applied += plan.applied
        self.skipped += plan.skipped
        self.catalog = self.catalog or plan.catalog
        self.performances |= plan.performances
        self.cursor = plan.cursor


def pull(
    client: FeedClient,
    store: FeedStore,
    wait: int = 0,
    limit: int = MAX_CHANGES_PAGE,
    max_pages: int = 20,
) -> PullReport:
    """Bring the store up to date: a snapshot if needed, then up to ``max_pages`` pages, the
    first long-polling ``wait`` seconds when the till is caught up. `sync.client` errors
    other than `CursorExpired` go to the caller; what was applied before them stays."""
    report = PullReport()
    cursor = store.cursor()
    if cursor is None:
        cursor = _snapshot(client, store, report)
    wait_now = 0 if report.snapshot else wait
    pages = 0
    while pages < max_pages:
        try:
            page = client.changes(cursor, limit=limit, wait=wait_now)
        except CursorExpired:
            if report.snapshot:
                raise  # the cursor of a snapshot just taken expired: do not loop on it
            cursor = _snapshot(client, store, report)
            wait_now = 0
            continue
        report.add(store.apply_page(page))
        report.pages += 1
        pages += 1
        cursor, wait_now = page.next_cursor, 0
        if not page.has_more:
            break
    return report


def _snapshot(client: FeedClient, store: FeedStore, report: PullReport) -> int:
    snapshot = client.snapshot()
    report.add(store.apply_snapshot(snapshot))
    report.snapshot = True
    return snapshot.cursor
