"""sync.feed without a server: what a snapshot or a page does to what a till knows, how a seat
of the central inventory shows on the till, and the pull loop's snapshot, long poll and 410."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest

from domain.availability import SeatState
from sync import catalog as codec
from sync.client import CursorExpired
from sync.feed import FeedPlan, Known, SeatWrite, plan_page, plan_snapshot, pull, till_state
from sync.protocol import (
    CatalogEntity,
    Change,
    ChangeOp,
    ChangesResponse,
    SeatInventoryState,
    SnapshotResponse,
)

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


def _change(seq: int, entity: str, entity_id: str, version: int, data: Any) -> Change:
    op = ChangeOp.DELETE if data is None else ChangeOp.UPSERT
    return Change(
        seq=seq,
        scope="catalog",
        entity=entity,
        entity_id=entity_id,
        version=version,
        op=op,
        data=data,
    )


def _page(*changes: Change, more: bool = False) -> ChangesResponse:
    cursor = max((c.seq for c in changes), default=0)
    return ChangesResponse(
        server_time=NOW, changes=list(changes), next_cursor=cursor, has_more=more
    )


def _snapshot(cursor: int, *entities: tuple[str, str, int]) -> SnapshotResponse:
    return SnapshotResponse(
        server_time=NOW,
        cursor=cursor,
        entities=[CatalogEntity(entity=e, id=i, version=v, data={"id": i}) for e, i, v in entities],
        inventory=[],
        leases=[],
    )


def test_a_page_writes_only_newer_versions_and_deletes_on_a_tombstone() -> None:
    known = {("event", "E1"): Known(3), ("event", "E2"): Known(1)}
    plan = plan_page(
        _page(
            _change(10, "event", "E1", 3, {"id": "E1"}),  # the till has it: stale
            _change(11, "event", "E2", 2, {"id": "E2", "name": "v2"}),
            _change(12, "event", "E2", 3, {"id": "E2", "name": "v3"}),  # the last one wins
            _change(13, "event", "E3", 1, None),  # a tombstone
            _change(14, "note", "N", 1, {"text": "a kind the till does not know"}),
        ),
        known,
    )
    assert [(w.id, w.version, w.data) for w in plan.upserts] == [
        ("E2", 3, {"id": "E2", "name": "v3"})
    ]
    assert [(w.id, w.data) for w in plan.deletes] == [("E3", None)]
    assert plan.cursor == 14 and plan.entries == 5 and plan.skipped == 2 and plan.catalog


def test_a_page_orders_writes_so_that_what_is_referred_to_comes_first() -> None:
    plan = plan_page(
        _page(
            _change(1, "performance", "P", 1, {"id": "P"}),
            _change(2, "price_grid", "G", 1, {"id": "G"}),
            _change(3, "performance", "Q", 2, None),
            _change(4, "price_grid", "H", 2, None),
        ),
        {},
    )
    assert [w.entity for w in plan.upserts] == ["price_grid", "performance"]
    assert [w.entity for w in plan.deletes] == ["performance", "price_grid"]
    assert plan.performances == {"P", "Q"}


def test_seat_deltas_apply_in_seq_order_and_a_malformed_one_is_skipped() -> None:
    def seats(seq: int, data: Any) -> Change:
        return Change(
            seq=seq,
            scope="performance:P",
            entity="seats",
            entity_id="P",
            version=0,
            op=ChangeOp.UPSERT,
            data=data,
        )

    plan = plan_page(
        _page(
            seats(8, {"A1": {"state": "sold", "lease_id": None}}),
            seats(7, {"A1": {"state": "held", "lease_id": None}, "A2": {"state": "held"}}),
            seats(9, {"A3": {"state": "no such state"}}),
        ),
        {},
    )
    assert plan.seats == {
        "P": {"A1": SeatWrite(SeatInventoryState.SOLD), "A2": SeatWrite(SeatInventoryState.HELD)}
    }
    assert plan.skipped == 1 and plan.performances == {"P"} and not plan.catalog


def test_standing_counts_and_leases_come_through_a_page() -> None:
    lease = {
        "lease_id": "L1",
        "epoch": 1,
        "state": "active",
        "performance_id": "P",
        "seats": ["A1"],
        "places": [],
        "sell_until": NOW.isoformat(),
        "protocol_version": 1,
    }
    quota = {"zone_id": "FOSSE", "size": 800, "sold": 10, "leased": 5, "held": 2}
    plan = plan_page(
        _page(
            _change(1, "ga_quota", "P/FOSSE", 4, quota),
            _change(2, "lease", "L1", 1, lease),
            _change(3, "lease", "L0", 2, None),
        ),
        {},
    )
    [count] = plan.quotas
    assert (count.performance_id, count.zone_id, count.taken) == ("P", "FOSSE", 17)
    assert [x.lease_id for x in plan.leases] == ["L1"] and plan.gone_leases == {"L0"}


def test_a_snapshot_writes_what_is_newer_and_deletes_what_it_no_longer_lists() -> None:
    known = {
        ("event", "E1"): Known(2),
        ("event", "E2"): Known(1),
        ("event", "GONE"): Known(4),
        ("event", "DEAD"): Known(5, live=False),
    }
    plan = plan_snapshot(
        _snapshot(40, ("event", "E1", 2), ("event", "E2", 3), ("x", "Y", 1)), known
    )
    assert [(w.id, w.version) for w in plan.upserts] == [("E2", 3)]
    assert [(w.id, w.version, w.data) for w in plan.deletes] == [("GONE", 4, None)]
    assert plan.snapshot and plan.replace_leases and plan.cursor == 40
    assert plan.skipped == 2  # E1 is there already, "x" is not a catalog kind


def test_a_snapshot_orders_its_writes_by_the_catalog_order() -> None:
    plan = plan_snapshot(
        _snapshot(1, *((kind, "K", 1) for kind in reversed(codec.ENTITY_ORDER))), {}
    )
    assert tuple(w.entity for w in plan.upserts) == codec.ENTITY_ORDER


@pytest.mark.parametrize(
    ("state", "lease", "shown"),
    [
        (SeatInventoryState.SOLD, None, SeatState.SOLD),
        (SeatInventoryState.HELD, None, SeatState.HELD),
        (SeatInventoryState.BLOCKED, None, SeatState.RESERVED),
        (SeatInventoryState.QUARANTINED, "MINE", SeatState.RESERVED),
        (SeatInventoryState.FREE, None, None),
        (SeatInventoryState.FREE, "MINE", None),
        (SeatInventoryState.FREE, "THEIRS", SeatState.RESERVED),
    ],
)
def test_how_a_central_seat_shows_on_this_till(
    state: SeatInventoryState, lease: str | None, shown: SeatState | None
) -> None:
    assert till_state(SeatWrite(state, lease), {"MINE"}) is shown


# --- the pull loop ---------------------------------------------------------------------------


@dataclass
class FakeClient:
    pages: list[ChangesResponse | Exception]
    snapshots: int = 0
    calls: list[tuple[int, int]] = field(default_factory=list)

    def snapshot(self) -> SnapshotResponse:
        self.snapshots += 1
        return _snapshot(100 * self.snapshots)

    def changes(self, cursor: int, limit: int = 500, wait: int = 0) -> ChangesResponse:
        self.calls.append((cursor, wait))
        found = self.pages.pop(0)
        if isinstance(found, Exception):
            raise found
        return found


@dataclass
class FakeStore:
    stored: int | None = None
    applied: list[str] = field(default_factory=list)

    def cursor(self) -> int | None:
        return self.stored

    def apply_snapshot(self, snapshot: SnapshotResponse) -> FeedPlan:
        self.applied.append("snapshot")
        self.stored = snapshot.cursor
        return plan_snapshot(snapshot, {})

    def apply_page(self, page: ChangesResponse) -> FeedPlan:
        self.applied.append(f"page->{page.next_cursor}")
        self.stored = page.next_cursor
        return plan_page(page, {})


def test_a_till_without_a_cursor_takes_a_snapshot_then_follows_without_waiting() -> None:
    client = FakeClient(
        [ChangesResponse(server_time=NOW, changes=[], next_cursor=100, has_more=False)]
    )
    store = FakeStore()
    report = pull(client, store, wait=25)
    assert report.snapshot and store.applied == ["snapshot", "page->100"]
    assert client.calls == [(100, 0)]  # just caught up: no long poll


def test_a_till_that_is_caught_up_long_polls_once_then_reads_the_rest_at_once() -> None:
    first = _page(_change(11, "event", "E", 1, {"id": "E"}), more=True)
    second = _page(_change(12, "event", "F", 1, {"id": "F"}))
    client = FakeClient([first, second])
    store = FakeStore(stored=10)
    report = pull(client, store, wait=25)
    assert client.calls == [(10, 25), (11, 0)]
    assert not report.snapshot and report.pages == 2 and report.applied == 2
    assert store.stored == 12 and report.cursor == 12


def test_an_expired_cursor_takes_a_snapshot_and_goes_on_from_it() -> None:
    after = ChangesResponse(server_time=NOW, changes=[], next_cursor=100, has_more=False)
    client = FakeClient([CursorExpired("too old"), after])
    store = FakeStore(stored=3)
    report = pull(client, store, wait=25)
    assert report.snapshot and store.applied == ["snapshot", "page->100"]
    assert client.calls == [(3, 25), (100, 0)]


def test_a_snapshot_whose_cursor_expires_at_once_is_not_taken_again_and_again() -> None:
    client = FakeClient([CursorExpired("too old"), CursorExpired("still too old")])
    with pytest.raises(CursorExpired):
        pull(client, FakeStore(stored=3), wait=0)
    assert client.snapshots == 1
