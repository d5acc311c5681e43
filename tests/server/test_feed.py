"""The catalog feed: snapshot with ETag, changes in commit order with a cursor, long-poll,
device-scoped entries, tombstones, and 410 once a cursor is older than retention."""

from __future__ import annotations

import threading
import time
import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import insert, text

from server import tables as t
from server.database import write
from server.feed import FEED_LOCK, Changes, prune, put_entity, read_changes
from sync import catalog as codec
from tests.server.conftest import RunningServer, Till, sellable_seats
from tests.server.helpers import error, ok

PERF = "P-CAR-2"


def _changes(till: Till, cursor: int, **params: Any) -> dict[str, Any]:
    return ok(till.http.get("/v1/sync/changes", params={"cursor": cursor, **params}))


def test_a_snapshot_holds_the_catalog_and_the_seats_and_says_when_it_changed(
    server: RunningServer, till: Till
) -> None:
    response = till.http.get("/v1/sync/snapshot")
    snap = ok(response)
    kinds = {e["entity"] for e in snap["entities"]}
    assert kinds == set(codec.ENTITY_ORDER) - {codec.PICKUP_ORDER}  # no web order placed here
    order = [codec.ENTITY_ORDER.index(e["entity"]) for e in snap["entities"]]
    assert order == sorted(order)  # what an entity refers to comes before it
    performance = next(e for e in snap["entities"] if e["id"] == "P-MIS-1")
    assert codec.performance_of(performance["data"]).state.value == "on_sale"
    inventory = {x["performance_id"]: x for x in snap["inventory"]}
    sold = [s for s in inventory["P-MIS-1"]["seats"] if s["state"] == "sold"]
    assert len(sold) == 628  # the demo's 45 % of the sellable seats
    fosse = inventory["P-NEU-1"]["ga"][0]
    assert (fosse["zone_id"], fosse["size"]) == ("FOSSE", 800)
    etag = response.headers["ETag"]
    unchanged = till.http.get("/v1/sync/snapshot", headers={"If-None-Match": etag})
    assert unchanged.status_code == 304 and unchanged.content == b""
    ok(
        till.http.post(
            "/v1/holds",
            headers={"Idempotency-Key": str(uuid.uuid4())},
            json={"performance_id": PERF, "seats": sellable_seats(server, PERF, 1)},
        )
    )
    changed = till.http.get("/v1/sync/snapshot", headers={"If-None-Match": etag})
    assert ok(changed)["cursor"] > snap["cursor"]
    one = ok(till.http.get("/v1/sync/snapshot", params={"scope": f"performance:{PERF}"}))
    assert [x["performance_id"] for x in one["inventory"]] == [PERF]


def test_changes_follow_a_cursor_page_by_page(
    server: RunningServer, till: Till, other_till: Till
) -> None:
    cursor = server.head()
    seats = sellable_seats(server, PERF, 2)
    for seat in seats:
        ok(
            other_till.http.post(
                "/v1/holds",
                headers={"Idempotency-Key": str(uuid.uuid4())},
                json={"performance_id": PERF, "seats": [seat]},
            )
        )
    first = _changes(till, cursor, limit=1)
    assert first["has_more"] is True and len(first["changes"]) == 1
    second = _changes(till, first["next_cursor"], limit=1)
    assert second["has_more"] is False
    seen = {}
    for change in first["changes"] + second["changes"]:
        assert change["entity"] == "seats" and change["scope"] == f"performance:{PERF}"
        seen.update(change["data"])
    assert seen == {seat: {"state": "held", "lease_id": None} for seat in seats}
    empty = _changes(till, second["next_cursor"])
    assert empty["changes"] == [] and empty["next_cursor"] == second["next_cursor"]


def test_a_lease_shows_only_in_its_tills_feed(
    server: RunningServer, till: Till, other_till: Till
) -> None:
    cursor = server.head()
    lease_id = till.lease(PERF, sellable_seats(server, PERF, 1))
    mine = [c for c in _changes(till, cursor)["changes"] if c["entity"] == "lease"]
    assert [c["entity_id"] for c in mine] == [lease_id]
    theirs = _changes(other_till, cursor)["changes"]
    assert [c["entity"] for c in theirs] == ["seats"]  # the seat left the pool, that is all


def test_a_long_poll_returns_within_a_second_of_another_tills_hold(
    server: RunningServer, till: Till, other_till: Till
) -> None:
    cursor = server.head()
    seats = sellable_seats(server, PERF, 1)

    def hold_soon() -> None:
        time.sleep(0.3)
        other_till.http.post(
            "/v1/holds",
            headers={"Idempotency-Key": str(uuid.uuid4())},
            json={"performance_id": PERF, "seats": seats},
        )

    worker = threading.Thread(target=hold_soon)
    started = time.monotonic()
    worker.start()
    body = _changes(till, cursor, wait=10)
    elapsed = time.monotonic() - started
    worker.join()
    assert [c["data"] for c in body["changes"]] == [{seats[0]: {"state": "held", "lease_id": None}}]
    assert elapsed < 1.3  # 0.3 s before the hold, then at most a poll interval or two


def test_changes_appear_in_commit_order_even_when_seqs_are_taken_out_of_order(
    server: RunningServer,
) -> None:
    """Scenario 13: the transaction that began first commits last; a reader that has read
    past the other one's entry still gets it."""
    now = server.clock.now()
    cursor = server.head()
    with write(server.engine) as slow:
        slow_changes = Changes()
        put_entity(slow, slow_changes, "note", "slow", {"text": "began first"}, now)
        with write(server.engine) as fast:
            fast_changes = Changes()
            put_entity(fast, fast_changes, "note", "fast", {"text": "began second"}, now)
            fast_changes.flush(fast, now)
        with server.engine.connect() as reader:
            seen, middle, _ = read_changes(reader, cursor, 100, "nobody")
        assert [c.entity_id for c in seen] == ["fast"]
        slow_changes.flush(slow, now)
    with server.engine.connect() as reader:
        later, _, _ = read_changes(reader, middle, 100, "nobody")
    assert [c.entity_id for c in later] == ["slow"]  # not skipped


def test_a_deleted_entity_is_a_tombstone(server: RunningServer, till: Till) -> None:
    now = server.clock.now()
    cursor = server.head()
    with write(server.engine) as conn:
        changes = Changes()
        put_entity(conn, changes, "note", "gone", {"text": "soon deleted"}, now)
        put_entity(conn, changes, "note", "gone", None, now)
        changes.flush(conn, now)
    entries = _changes(till, cursor)["changes"]
    assert [(c["op"], c["version"], c["data"]) for c in entries] == [
        ("upsert", 1, {"text": "soon deleted"}),
        ("delete", 2, None),
    ]
    assert all(e["id"] != "gone" for e in ok(till.http.get("/v1/sync/snapshot"))["entities"])


def test_a_cursor_older_than_retention_gets_410_and_a_snapshot_starts_again(
    server: RunningServer, till: Till
) -> None:
    old = server.head()
    server.clock.advance(timedelta(days=31))
    with write(server.engine) as conn:
        changes = Changes()
        put_entity(conn, changes, "note", "a month on", {"text": "new"}, server.clock.now())
        changes.flush(conn, server.clock.now())
    with write(server.engine) as conn:
        assert prune(conn, server.clock.now() - timedelta(days=30)) > 0
    # A till at ``old`` saw everything that was dropped: it goes on. One behind it did not.
    # (Holds other tests left lapse in that month: their seats' changes come too.)
    seen = _changes(till, old)["changes"]
    assert [c["entity_id"] for c in seen if c["entity"] == "note"] == ["a month on"]
    body = error(
        till.http.get("/v1/sync/changes", params={"cursor": old - 1}), 410, "cursor_expired"
    )
    assert body["error"]["details"]["oldest_cursor"] == old
    snap = ok(till.http.get("/v1/sync/snapshot"))
    assert _changes(till, snap["cursor"])["changes"] == []
    error(till.http.get("/v1/sync/changes", params={"cursor": -1}), 422, "malformed")
    error(till.http.get("/v1/sync/changes", params={"cursor": old, "limit": 501}), 422, "malformed")


def test_a_snapshot_gives_a_till_its_own_open_leases_only(
    server: RunningServer, till: Till, other_till: Till
) -> None:
    seats = sellable_seats(server, PERF, 2)
    lease_id = till.lease(PERF, seats)
    mine = ok(till.http.get("/v1/sync/snapshot"))["leases"]
    assert [(x["lease_id"], x["state"], sorted(x["seats"])) for x in mine] == [
        (lease_id, "active", sorted(seats))
    ]
    assert ok(other_till.http.get("/v1/sync/snapshot"))["leases"] == []
    ok(till.http.post(f"/v1/leases/{lease_id}/return", json={"through_seq": 0}))
    assert ok(till.http.get("/v1/sync/snapshot"))["leases"] == []


def test_a_commit_sent_in_one_round_trip_still_keeps_the_feed_in_commit_order(
    server: RunningServer, till: Till
) -> None:
    """`Changes.commit` sends the feed lock, its entries and COMMIT at once. Another writer
    holds the lock and writes its entry first but commits last: the pipelined transaction
    waits for it, and a till polling meanwhile gets both entries, in commit order."""
    now = server.clock.now()
    cursor = server.head()
    with server.engine.connect() as other:
        other.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": FEED_LOCK})
        put_entity(other, early := Changes(), "note", "holder", {"text": "lock first"}, now)
        rows = early.entries
        other.execute(insert(t.change_log), [{**row, "committed_at": now} for row in rows])

        def pipelined() -> None:
            with write(server.engine) as conn:
                changes = Changes()
                put_entity(conn, changes, "note", "pipelined", {"text": "waits"}, now)
                changes.commit(conn, now)

        worker = threading.Thread(target=pipelined)
        worker.start()
        time.sleep(0.5)
        assert worker.is_alive()  # waiting for the feed lock
        assert _changes(till, cursor)["changes"] == []  # neither has committed
        other.commit()
    worker.join(10)
    first = _changes(till, cursor, limit=1)
    assert [c["entity_id"] for c in first["changes"]] == ["holder"]
    second = _changes(till, first["next_cursor"])
    assert [c["entity_id"] for c in second["changes"]] == ["pipelined"]
    assert second["changes"][0]["seq"] > first["changes"][0]["seq"]
