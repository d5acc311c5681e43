"""The till's catalog and seat-state feed against the real server (uvicorn over TLS,
PostgreSQL): an enrolled demo till takes the snapshot, follows the changes with a cursor and a
long poll, shows another till's holds and sales as taken on its plan within a second, applies
catalog changes and tombstones, takes a snapshot again on 410, applies a page and its cursor
all or nothing, and never lets the server's view replace its own holds and sales."""

from __future__ import annotations

import json
import secrets
import shutil
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.config import load_station
from app.main import open_till
from app.persistence.repositories.feed import FeedRepository
from app.services.browsing import STATE_CODES
from app.services.feed import SERVER_OWNER, CatalogFeed, FeedReport
from app.services.selling import SeatsUnavailable, SellingServices
from app.services.syncing import NotEnrolled, SyncServices
from app.services.till import TillServices
from app.services.tills import ensure_demo_session
from domain.availability import SeatState
from domain.catalog import PerformanceState
from domain.orders import PaymentPlan
from server import devices
from server import tables as t
from server.database import write
from server.feed import Changes, prune, put_entity
from sync import catalog as codec
from sync.client import ServerClient
from tests.fakes import FixedClock

from .conftest import RunningServer, Till, sellable_seats
from .helpers import ok

PERF = "P-CAR-1"  # no other server test sells there
GA_PERF = "P-NUI-1"


@dataclass
class FeedTill:
    services: TillServices
    selling: SellingServices
    syncing: SyncServices
    feed: CatalogFeed
    clock: FixedClock
    name: str
    client: ServerClient | None = None

    def enroll(self, server: RunningServer) -> None:
        with write(server.engine) as conn:
            code = devices.add_device(conn, self.name, "GUICHET", "G1", server.clock.now())
        link = self.syncing.enroll(server.base_url, code, server.ca.read_text())
        self.client = ServerClient(link.server_url, link.ca_pem, link.token)

    def pull(self, wait: int = 0) -> FeedReport:
        assert self.client is not None
        return self.feed.pull_once(self.client, wait=wait)

    def cursor(self) -> int | None:
        return self.feed.cursor()

    def forget_cursor(self) -> None:
        """As a till whose catalog must be taken again (a local migration, say)."""
        with self.services.uow_factory() as uow:
            link = uow.sync.get()
            assert link is not None
            uow.sync.enroll(replace(link, catalog_cursor=None))
            uow.commit()

    def plan_state(self, performance_id: str, seat_id: str) -> SeatState:
        plan = self.services.performance_view(performance_id).plan
        return STATE_CODES[int(plan.states[plan.seat_ids.index(seat_id)])]

    def owners(self, performance_id: str) -> dict[str, str]:
        with self.services.uow_factory(read_only=True) as uow:
            return uow.seat_states.owners(performance_id, self.clock.now())

    def booked(self, performance_id: str) -> dict[str, SeatState]:
        with self.services.uow_factory(read_only=True) as uow:
            return uow.seat_states.booked(performance_id, self.clock.now())


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("till-template")
    open_till(load_station(folder, demo=True), FixedClock())
    return folder


@pytest.fixture
def demo_till(template: Path, tmp_path: Path, server: RunningServer) -> Iterator[FeedTill]:
    shutil.copytree(template, tmp_path / "till")
    clock = FixedClock(server.clock.now())
    services = open_till(load_station(tmp_path / "till"), clock)
    ensure_demo_session(services.uow_factory, clock, "G1")
    made = FeedTill(
        services,
        SellingServices(services.uow_factory, clock, "G1", lambda: "GUICHET"),
        SyncServices(services.uow_factory, clock, "G1"),
        CatalogFeed(services.uow_factory, clock, "G1"),
        clock,
        f"G1-{secrets.token_hex(3)}",
    )
    yield made
    if made.client is not None:
        made.client.close()


@pytest.fixture
def enrolled(demo_till: FeedTill, server: RunningServer) -> FeedTill:
    demo_till.enroll(server)
    first = demo_till.pull()
    assert first.snapshot
    return demo_till


def _hold(till: Till, performance_id: str, seats: list[str]) -> dict[str, Any]:
    return ok(
        till.http.post(
            "/v1/holds",
            headers={"Idempotency-Key": str(uuid.uuid4())},
            json={"performance_id": performance_id, "seats": seats},
        )
    )


def _sell(till: Till, performance_id: str, seats: list[str]) -> dict[str, Any]:
    lines = [{"performance_id": performance_id, "audience": "FULL", "seat_id": s} for s in seats]
    return ok(till.http.post("/v1/sales", json={"sale_id": str(uuid.uuid4()), "lines": lines}))


def _server_entity(server: RunningServer, entity: str, entity_id: str) -> tuple[int, Any]:
    with server.engine.connect() as conn:
        row = conn.execute(
            select(t.catalog_entity.c.version, t.catalog_entity.c.data).where(
                t.catalog_entity.c.entity == entity, t.catalog_entity.c.entity_id == entity_id
            )
        ).one()
    return int(row.version), json.loads(row.data)


def _put(server: RunningServer, entity: str, entity_id: str, data: Any) -> None:
    now = server.clock.now()
    with write(server.engine) as conn:
        changes = Changes()
        put_entity(conn, changes, entity, entity_id, data, now)
        changes.flush(conn, now)


def _server_seats(server: RunningServer, performance_id: str) -> dict[str, str]:
    with server.engine.connect() as conn:
        rows = conn.execute(
            select(t.seat_inventory.c.seat_id, t.seat_inventory.c.state).where(
                t.seat_inventory.c.performance_id == performance_id,
                t.seat_inventory.c.state != "free",
            )
        )
        return {seat: state for seat, state in rows}


# --- the snapshot ----------------------------------------------------------------------------


def test_the_first_pull_takes_the_snapshot_and_the_till_then_has_the_servers_catalog(
    server: RunningServer, demo_till: FeedTill
) -> None:
    with pytest.raises(NotEnrolled):
        demo_till.feed.pull_once(ServerClient(server.base_url, server.ca.read_text()), wait=0)
    demo_till.enroll(server)
    assert demo_till.cursor() is None
    report = demo_till.pull()
    assert report.snapshot and report.applied > 0 and report.changes.catalog
    assert report.cursor is not None and report.cursor >= 1
    assert demo_till.cursor() == report.cursor
    status = demo_till.syncing.status()
    assert status.catalog_at == demo_till.clock.now()
    with demo_till.services.uow_factory(read_only=True) as uow:
        for entity, decode, read in (
            (codec.PERFORMANCE, codec.performance_of, uow.catalog.get_performance),
            (codec.PRICE_GRID, codec.price_grid_of, uow.catalog.get_price_grid),
            (codec.CHANNEL, codec.channel_of, uow.channels.get_channel),
        ):
            with server.engine.connect() as conn:
                ids = conn.execute(
                    select(t.catalog_entity.c.entity_id).where(
                        t.catalog_entity.c.entity == entity, t.catalog_entity.c.data.is_not(None)
                    )
                ).scalars()
                for entity_id in list(ids):
                    assert read(entity_id) == decode(_server_entity(server, entity, entity_id)[1])
    # The server's view of the seats replaced the till's own demo bookings.
    server_seats = _server_seats(server, "P-MIS-1")
    local = demo_till.booked("P-MIS-1")
    expected = {
        seat: SeatState.SOLD if state == "sold" else SeatState.HELD if state == "held" else None
        for seat, state in server_seats.items()
    }
    assert {s for s, st in local.items() if st is SeatState.SOLD} == {
        s for s, st in expected.items() if st is SeatState.SOLD
    }
    assert set(demo_till.owners("P-MIS-1").values()) == {SERVER_OWNER}
    # Nothing new: the next pull applies nothing and takes no snapshot.
    again = demo_till.pull()
    assert not again.snapshot and again.applied == 0 and not again.changes


# --- live seat updates -------------------------------------------------------------------


def test_another_tills_hold_and_sale_show_as_taken_within_a_second(
    server: RunningServer, enrolled: FeedTill, other_till: Till
) -> None:
    held, sold = sellable_seats(server, PERF, 2)
    assert enrolled.plan_state(PERF, held) is SeatState.FREE
    assert enrolled.plan_state(PERF, sold) is SeatState.FREE

    def hold_soon() -> None:
        time.sleep(0.3)
        _hold(other_till, PERF, [held])

    worker = threading.Thread(target=hold_soon)
    started = time.monotonic()
    worker.start()
    report = enrolled.pull(wait=10)
    elapsed = time.monotonic() - started
    worker.join()
    assert elapsed < 1.3  # 0.3 s before the hold, then the long poll answers at once
    assert report.performances == {PERF} and not report.snapshot
    assert enrolled.plan_state(PERF, held) is SeatState.HELD
    assert enrolled.owners(PERF)[held] == SERVER_OWNER
    plan = enrolled.services.performance_view(PERF).plan
    assert not plan.sellable[plan.seat_ids.index(held)]

    _sell(other_till, PERF, [sold])
    enrolled.pull(wait=5)
    assert enrolled.plan_state(PERF, sold) is SeatState.SOLD
    # This till's own cart cannot take a seat another till has.
    cart = enrolled.selling.open_cart().cart.id
    with pytest.raises(SeatsUnavailable):
        enrolled.selling.add_seats(cart, PERF, [sold])


def test_a_seat_given_back_elsewhere_turns_free_again(
    server: RunningServer, enrolled: FeedTill, other_till: Till
) -> None:
    [seat] = sellable_seats(server, PERF, 1)
    hold = _hold(other_till, PERF, [seat])
    enrolled.pull()
    assert enrolled.plan_state(PERF, seat) is SeatState.HELD
    ok(other_till.http.delete(f"/v1/holds/{hold['hold_token']}"))
    enrolled.pull()
    assert enrolled.plan_state(PERF, seat) is SeatState.FREE
    assert seat not in enrolled.owners(PERF)


def test_standing_places_taken_elsewhere_count_on_the_till(
    server: RunningServer, enrolled: FeedTill, other_till: Till
) -> None:
    with enrolled.services.uow_factory(read_only=True) as uow:
        before = uow.standing.taken(GA_PERF, "FOSSE", enrolled.clock.now())
    ok(
        other_till.http.post(
            "/v1/holds",
            headers={"Idempotency-Key": str(uuid.uuid4())},
            json={"performance_id": GA_PERF, "places": [{"zone_id": "FOSSE", "count": 3}]},
        )
    )
    report = enrolled.pull()
    assert GA_PERF in report.performances
    with enrolled.services.uow_factory(read_only=True) as uow:
        assert uow.standing.taken(GA_PERF, "FOSSE", enrolled.clock.now()) == before + 3


# --- catalog changes -----------------------------------------------------------------------


def test_a_catalog_change_and_a_tombstone_arrive(server: RunningServer, enrolled: FeedTill) -> None:
    version, data = _server_entity(server, codec.PERFORMANCE, PERF)
    _put(server, codec.PERFORMANCE, PERF, {**data, "state": "suspended", "max_tickets": 3})
    _grid_version, grid = _server_entity(server, codec.PRICE_GRID, "GRID-THEATRE")
    extra = {**grid, "id": "GRID-FEED", "name": "Feed test"}
    _put(server, codec.PRICE_GRID, "GRID-FEED", extra)
    try:
        report = enrolled.pull()
        assert report.changes.catalog and PERF in report.performances
        assert report.applied == 2
        with enrolled.services.uow_factory(read_only=True) as uow:
            performance = uow.catalog.get_performance(PERF)
            assert performance.state is PerformanceState.SUSPENDED
            assert performance.max_tickets == 3
            assert uow.catalog.get_price_grid("GRID-FEED") == codec.price_grid_of(extra)
        assert not enrolled.services.performance_view(PERF).page.sellable
        _put(server, codec.PRICE_GRID, "GRID-FEED", None)  # a tombstone
        enrolled.pull()
        with enrolled.services.uow_factory(read_only=True) as uow:
            assert "GRID-FEED" not in {g.id for g in uow.catalog.list_price_grids()}
            assert uow.feed.known()[(codec.PRICE_GRID, "GRID-FEED")].live is False
    finally:
        _put(server, codec.PERFORMANCE, PERF, data)
    enrolled.pull()
    with enrolled.services.uow_factory(read_only=True) as uow:
        assert uow.catalog.get_performance(PERF).state is PerformanceState.ON_SALE
        assert uow.feed.known()[(codec.PERFORMANCE, PERF)].version == version + 2


# --- 410 ------------------------------------------------------------------------------------


def test_a_cursor_older_than_retention_leads_to_a_snapshot(
    server: RunningServer, enrolled: FeedTill, other_till: Till
) -> None:
    [seat] = sellable_seats(server, PERF, 1)
    # Sold (a hold would lapse in the month the clock moves on): the till has not seen this
    # sale when its change is pruned.
    _sell(other_till, PERF, [seat])
    old = enrolled.cursor()
    server.clock.advance(timedelta(days=31))
    _put(server, "note", "feed-410", {"text": "a month on"})
    with write(server.engine) as conn:
        assert prune(conn, server.clock.now() - timedelta(days=30)) > 0
    report = enrolled.pull()
    assert report.snapshot
    assert report.cursor == server.head() and report.cursor is not None and old is not None
    assert report.cursor > old
    assert enrolled.plan_state(PERF, seat) is SeatState.SOLD  # the snapshot had it


# --- atomicity ------------------------------------------------------------------------------


def test_a_page_and_its_cursor_are_applied_together_or_not_at_all(
    server: RunningServer, enrolled: FeedTill, other_till: Till, monkeypatch: pytest.MonkeyPatch
) -> None:
    seats = sellable_seats(server, PERF, 2)
    _version, data = _server_entity(server, codec.PERFORMANCE, PERF)
    _put(server, codec.PERFORMANCE, PERF, {**data, "max_tickets": 7})
    _hold(other_till, PERF, seats)
    before = enrolled.cursor()
    real = FeedRepository.put_seats

    def broken(self: FeedRepository, *args: Any, **kwargs: Any) -> None:
        real(self, *args, **kwargs)  # the rows are written, then the disk fails
        raise OSError("disk full")

    monkeypatch.setattr(FeedRepository, "put_seats", broken)
    try:
        with pytest.raises(OSError, match="disk full"):
            enrolled.pull()
        assert enrolled.cursor() == before
        assert not set(seats) & set(enrolled.owners(PERF))
        with enrolled.services.uow_factory(read_only=True) as uow:
            assert uow.catalog.get_performance(PERF).max_tickets != 7
        monkeypatch.setattr(FeedRepository, "put_seats", real)
        report = enrolled.pull()  # the same page again, from the same cursor
        assert not report.snapshot
        assert enrolled.cursor() == server.head()
        assert all(enrolled.plan_state(PERF, s) is SeatState.HELD for s in seats)
        with enrolled.services.uow_factory(read_only=True) as uow:
            assert uow.catalog.get_performance(PERF).max_tickets == 7
    finally:
        _put(server, codec.PERFORMANCE, PERF, data)


# --- this till's own seats ---------------------------------------------------------------


def test_the_servers_view_never_replaces_this_tills_own_holds_and_sales(
    server: RunningServer, enrolled: FeedTill, other_till: Till
) -> None:
    mine_held, mine_sold = sellable_seats(server, PERF, 2)
    sale_cart = enrolled.selling.open_cart().cart.id
    view = enrolled.selling.add_seats(sale_cart, PERF, [mine_sold])
    order = enrolled.selling.complete(sale_cart, PaymentPlan(view.due).exact_cash(), "OP").order
    cart = enrolled.selling.open_cart().cart.id
    enrolled.selling.add_seats(cart, PERF, [mine_held])
    owners = enrolled.owners(PERF)
    assert owners[mine_held] == f"cart:{cart}" and owners[mine_sold] == order.id
    # The server (which this till's own inventory never told) sells both elsewhere.
    _sell(other_till, PERF, [mine_held, mine_sold])
    enrolled.pull()
    assert enrolled.owners(PERF)[mine_held] == f"cart:{cart}"
    assert enrolled.owners(PERF)[mine_sold] == order.id
    assert enrolled.booked(PERF)[mine_held] is SeatState.HELD
    # A snapshot replaces the server's view, and still not the till's own seats.
    enrolled.forget_cursor()
    assert enrolled.pull().snapshot
    assert enrolled.owners(PERF)[mine_held] == f"cart:{cart}"
    assert enrolled.owners(PERF)[mine_sold] == order.id
    # Once the till's hold has lapsed, the seat is the server's view again: sold elsewhere.
    enrolled.clock.advance(timedelta(hours=3))
    enrolled.forget_cursor()
    assert enrolled.pull().snapshot
    assert enrolled.owners(PERF)[mine_held] == SERVER_OWNER
    assert enrolled.plan_state(PERF, mine_held) is SeatState.SOLD
    assert enrolled.owners(PERF)[mine_sold] == order.id


def test_a_seat_leased_to_this_till_stays_sellable_here_and_another_tills_does_not(
    server: RunningServer, enrolled: FeedTill, other_till: Till
) -> None:
    mine, theirs = sellable_seats(server, PERF, 2)
    other_till.lease(PERF, [theirs])
    link = enrolled.syncing.link()
    assert link is not None
    with server.client(link.token) as http:
        response = http.post(
            "/v1/leases",
            headers={"Idempotency-Key": str(uuid.uuid4())},
            json={
                "performance_id": PERF,
                "seats": [mine],
                "sell_until": (server.clock.now() + timedelta(hours=4)).isoformat(),
            },
        )
    lease_id = ok(response)["lease_id"]
    enrolled.pull()
    assert enrolled.plan_state(PERF, theirs) is SeatState.RESERVED
    assert enrolled.plan_state(PERF, mine) is SeatState.FREE
    with enrolled.services.uow_factory(read_only=True) as uow:
        assert [(x.lease_id, x.seats) for x in uow.feed.leases()] == [(lease_id, [mine])]
    enrolled.forget_cursor()  # a snapshot says the same
    assert enrolled.pull().snapshot
    assert enrolled.plan_state(PERF, theirs) is SeatState.RESERVED
    assert enrolled.plan_state(PERF, mine) is SeatState.FREE
    with enrolled.services.uow_factory(read_only=True) as uow:
        assert [x.lease_id for x in uow.feed.leases()] == [lease_id]


def test_a_deleted_performance_goes_unless_this_till_sold_on_it_then_it_is_cancelled(
    server: RunningServer, enrolled: FeedTill
) -> None:
    _version, data = _server_entity(server, codec.PERFORMANCE, PERF)
    for copy in ("P-FEED-SOLD", "P-FEED-EMPTY"):
        _put(server, codec.PERFORMANCE, copy, {**data, "id": copy})
    try:
        report = enrolled.pull()
        assert {"P-FEED-SOLD", "P-FEED-EMPTY"} <= report.performances
        cart = enrolled.selling.open_cart().cart.id
        view = enrolled.selling.add_seats(cart, "P-FEED-SOLD", ["B1-A-1"])
        enrolled.selling.complete(cart, PaymentPlan(view.due).exact_cash(), "OP")
    finally:
        for copy in ("P-FEED-SOLD", "P-FEED-EMPTY"):
            _put(server, codec.PERFORMANCE, copy, None)
    enrolled.pull()
    with enrolled.services.uow_factory(read_only=True) as uow:
        ids = {p.performance_id for p in uow.catalog.list_performances()}
        assert "P-FEED-EMPTY" not in ids
        kept = uow.catalog.get_performance("P-FEED-SOLD")
        assert kept.state is PerformanceState.CANCELLED
        assert uow.feed.known()[(codec.PERFORMANCE, "P-FEED-SOLD")].live is False
    assert enrolled.owners("P-FEED-SOLD")["B1-A-1"] not in (SERVER_OWNER, "")
