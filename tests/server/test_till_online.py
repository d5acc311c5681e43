"""Two demo tills enrolled with the real server (uvicorn over TLS, PostgreSQL) sell through the
server's inventory: a seat one holds the other cannot take, a sale is sold on the server before
anything prints and uploads after without an incident, a removed seat is free again for the
other till, and a till that cannot reach the server sells on its own."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.config import load_station
from app.main import open_till
from app.services.selling import SeatsUnavailable, SellingServices
from app.services.server_inventory import ServerInventory
from app.services.syncing import SyncServices
from app.services.tills import ensure_demo_session
from domain.orders import PaymentPlan
from server import tables as t
from tests.fakes import FixedClock

from .conftest import RunningServer, sellable_seats
from .test_till_upload import DemoTill, add_till, cut_off, incidents, lease_to, point_at

SEATED = "P-CAR-2"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("online-template")
    open_till(load_station(folder, demo=True), FixedClock())
    return folder


def _till(template: Path, folder: Path, server: RunningServer, name: str) -> DemoTill:
    shutil.copytree(template, folder)
    clock = FixedClock(server.clock.now())
    services = open_till(load_station(folder), clock)
    ensure_demo_session(services.uow_factory, clock, "G1")
    syncing = SyncServices(services.uow_factory, clock, "G1")
    selling = SellingServices(
        services.uow_factory,
        clock,
        "G1",
        lambda: "GUICHET",
        inventory=ServerInventory(syncing.link),
    )
    made = DemoTill(services, selling, syncing, clock, name)
    made.syncing.enroll(server.base_url, add_till(server, name), server.ca.read_text())
    return made


@pytest.fixture
def two_tills(
    template: Path, tmp_path: Path, server: RunningServer
) -> Iterator[tuple[DemoTill, DemoTill]]:
    import secrets

    first = _till(template, tmp_path / "a", server, f"A-{secrets.token_hex(3)}")
    second = _till(template, tmp_path / "b", server, f"B-{secrets.token_hex(3)}")
    yield first, second


def _seat_state(server: RunningServer, seat: str) -> tuple[str, str | None]:
    with server.engine.connect() as conn:
        row = conn.execute(
            select(t.seat_inventory.c.state, t.seat_inventory.c.sale_id).where(
                t.seat_inventory.c.performance_id == SEATED, t.seat_inventory.c.seat_id == seat
            )
        ).one()
    return str(row.state), row.sale_id


def test_a_seat_held_at_one_till_cannot_go_into_the_others_cart(
    server: RunningServer, two_tills: tuple[DemoTill, DemoTill]
) -> None:
    a, b = two_tills
    [seat] = sellable_seats(server, SEATED, 1)
    cart_a = a.selling.open_cart().cart.id
    view = a.selling.add_seats(cart_a, SEATED, [seat])
    assert view.cart.lines[0].hold  # the server's hold token
    assert _seat_state(server, seat)[0] == "held"
    cart_b = b.selling.open_cart().cart.id
    with pytest.raises(SeatsUnavailable) as refused:
        b.selling.add_seats(cart_b, SEATED, [seat])
    assert refused.value.reasons == {seat: "seat_held"}
    assert b.selling.cart(cart_b).cart.lines == ()  # nothing held at b, not even locally
    sale = a.selling.complete(cart_a, PaymentPlan(view.due).exact_cash(), "OP").order.id
    assert _seat_state(server, seat) == ("sold", sale)  # sold on the server, at the commit
    with pytest.raises(SeatsUnavailable) as again:
        b.selling.add_seats(cart_b, SEATED, [seat])
    assert again.value.reasons == {seat: "seat_sold"}
    report = a.syncing.upload()
    assert report.error == "" and report.acked_through_seq == 1
    link = a.syncing.link()
    assert link is not None and incidents(server, link.device_id) == []  # sold online: no incident


def test_a_seat_removed_from_a_cart_is_free_for_the_other_till(
    server: RunningServer, two_tills: tuple[DemoTill, DemoTill]
) -> None:
    a, b = two_tills
    [seat] = sellable_seats(server, SEATED, 1)
    cart_a = a.selling.open_cart().cart.id
    view = a.selling.add_seats(cart_a, SEATED, [seat])
    a.selling.remove(cart_a, view.cart.lines[0].id)
    assert _seat_state(server, seat)[0] == "free"
    cart_b = b.selling.open_cart().cart.id
    assert len(b.selling.add_seats(cart_b, SEATED, [seat]).cart.lines) == 1


def test_standing_places_are_held_and_sold_on_the_server(
    server: RunningServer, two_tills: tuple[DemoTill, DemoTill]
) -> None:
    a, _b = two_tills
    with server.engine.connect() as conn:
        before = conn.execute(
            select(t.ga_quota.c.sold).where(
                t.ga_quota.c.performance_id == "P-FAB-1", t.ga_quota.c.zone_id == "COUSSINS"
            )
        ).scalar_one()
    cart = a.selling.open_cart().cart.id
    view = a.selling.add_places(cart, "P-FAB-1", "COUSSINS", 3)
    assert view.cart.lines[0].hold
    a.selling.complete(cart, PaymentPlan(view.due).exact_cash(), "OP")
    with server.engine.connect() as conn:
        after = conn.execute(
            select(t.ga_quota.c.sold).where(
                t.ga_quota.c.performance_id == "P-FAB-1", t.ga_quota.c.zone_id == "COUSSINS"
            )
        ).scalar_one()
    assert after == before + 3


def test_a_sale_whose_server_went_away_after_the_holds_stands_and_goes_up_later(
    server: RunningServer, two_tills: tuple[DemoTill, DemoTill]
) -> None:
    a, _b = two_tills
    link = a.syncing.link()
    assert link is not None
    [seat] = sellable_seats(server, SEATED, 1)
    cart = a.selling.open_cart().cart.id
    view = a.selling.add_seats(cart, SEATED, [seat])  # held on the server
    assert view.cart.lines[0].hold
    cut_off(a)  # the network goes while the customer pays
    sale = a.selling.complete(cart, PaymentPlan(view.due).exact_cash(), "OP").order.id
    assert _seat_state(server, seat)[0] == "held"  # the server does not know yet
    point_at(a, server.base_url)
    assert a.syncing.upload().acked_through_seq == 1
    assert _seat_state(server, seat) == ("sold", sale)  # the money was taken: never refused
    # Not sold online nor from a lease: accepted, and listed for the back office.
    assert incidents(server, link.device_id) == ["sale_outside_lease"]


def test_a_hold_at_one_till_reaches_the_others_plan_through_the_feed(
    server: RunningServer, two_tills: tuple[DemoTill, DemoTill]
) -> None:
    import threading
    import time

    from app.services.changes import Changes
    from app.services.feed import CatalogFeed
    from app.services.syncing import FeedLane

    a, b = two_tills
    told: list[Changes] = []
    seen = threading.Event()

    def listen(changes: Changes) -> None:
        told.append(changes)
        if SEATED in changes.performances:
            seen.set()

    b.syncing.add_change_listener(listen)
    lane = FeedLane(b.syncing, CatalogFeed(b.services.uow_factory, b.clock, "G1").pull_once, wait=5)
    lane.start()
    try:
        [seat] = sellable_seats(server, SEATED, 1)
        first = b.services.performance_view(SEATED).plan
        index = first.seat_ids.index(seat)
        assert first.sellable[index]  # free at b before a holds it
        seen.clear()
        a.selling.add_seats(a.selling.open_cart().cart.id, SEATED, [seat])
        # The long poll answers with a's hold (the lane's first pull, still applying its
        # snapshot, may tell of the performance first: wait for the seat itself).
        deadline = time.monotonic() + 15
        while b.services.performance_view(SEATED).plan.sellable[index]:
            assert time.monotonic() < deadline, told
            seen.wait(0.5)
            seen.clear()
        plan = b.services.performance_view(SEATED).plan
        assert not plan.sellable[index]  # taken, on b's plan too
        with pytest.raises(SeatsUnavailable):
            b.selling.add_seats(b.selling.open_cart().cart.id, SEATED, [seat])
    finally:
        lane.stop(10)


def test_offline_a_till_sells_the_seats_leased_to_it_and_only_those(
    server: RunningServer, two_tills: tuple[DemoTill, DemoTill]
) -> None:
    a, _b = two_tills
    link = a.syncing.link()
    assert link is not None
    leased, other = sellable_seats(server, SEATED, 2)
    lease_id = lease_to(server, a, [leased], hours=4)  # learnt from the feed
    cut_off(a)  # then the network goes
    cart = a.selling.open_cart().cart.id
    with pytest.raises(SeatsUnavailable) as refused:
        a.selling.add_seats(cart, SEATED, [other])
    assert refused.value.reasons == {other: "offline_not_leased"}
    view = a.selling.add_seats(cart, SEATED, [leased])
    assert view.cart.lines[0].hold.startswith("lease:" + lease_id)
    sale = a.selling.complete(cart, PaymentPlan(view.due).exact_cash(), "OP").order.id
    point_at(a, server.base_url)  # back online
    assert a.syncing.upload().error == ""
    assert _seat_state(server, leased) == ("sold", sale)
    assert incidents(server, link.device_id) == []  # sold from its own lease: nothing to see


def test_a_lease_stops_selling_at_its_time_and_a_clock_moved_back_does_not_reopen_it(
    server: RunningServer, two_tills: tuple[DemoTill, DemoTill]
) -> None:
    from datetime import timedelta

    a, _b = two_tills
    first, second = sellable_seats(server, SEATED, 2)
    lease_to(server, a, [first, second], hours=1)
    cut_off(a)  # offline from here
    cart = a.selling.open_cart().cart.id
    a.selling.add_seats(cart, SEATED, [first])  # within the lease's time: sells
    a.clock.moment += timedelta(hours=2)  # past sell_until
    late_cart = a.selling.open_cart().cart.id  # the till's one open cart...
    assert late_cart == cart
    a.selling.abandon(cart)
    cart = a.selling.open_cart().cart.id
    with pytest.raises(SeatsUnavailable) as late:
        a.selling.add_seats(cart, SEATED, [second])
    assert late.value.reasons == {second: "offline_not_leased"}
    a.clock.moment -= timedelta(hours=3)  # someone moves the clock back
    with pytest.raises(SeatsUnavailable) as back:
        a.selling.add_seats(cart, SEATED, [second])
    assert back.value.reasons == {second: "offline_not_leased"}


def test_a_hold_left_by_a_till_that_went_away_shows_free_again_once_it_lapsed(
    server: RunningServer, two_tills: tuple[DemoTill, DemoTill]
) -> None:
    from datetime import timedelta

    from app.services.feed import CatalogFeed
    from app.services.syncing import client_for

    a, b = two_tills
    [seat] = sellable_seats(server, SEATED, 1)
    feed = CatalogFeed(b.services.uow_factory, b.clock, "G1")
    link = b.syncing.link()
    assert link is not None
    a.selling.add_seats(a.selling.open_cart().cart.id, SEATED, [seat])  # then a crashes
    with client_for(link) as client:
        feed.pull_once(client)
        plan = b.services.performance_view(SEATED).plan
        assert not plan.sellable[plan.seat_ids.index(seat)]  # held at a
        server.clock.moment += timedelta(minutes=16)  # the server's hold lapsed
        feed.pull_once(client)
    plan = b.services.performance_view(SEATED).plan
    assert plan.sellable[plan.seat_ids.index(seat)]  # free again, at b too
    assert _seat_state(server, seat)[0] == "free"


def test_a_lease_revoked_while_the_till_is_offline_its_sales_are_kept_and_flagged(
    server: RunningServer, two_tills: tuple[DemoTill, DemoTill]
) -> None:

    from server.database import write
    from server.feed import Changes as ServerChanges
    from server.inventory import revoke_lease

    a, _b = two_tills
    link = a.syncing.link()
    assert link is not None
    [seat] = sellable_seats(server, SEATED, 1)
    lease_id = lease_to(server, a, [seat], hours=4)
    cut_off(a)  # offline
    with write(server.engine) as conn:  # the office takes the lease back meanwhile
        changes = ServerChanges()
        revoke_lease(conn, changes, lease_id, server.clock.now())
        changes.flush(conn, server.clock.now())
    cart = a.selling.open_cart().cart.id  # the till cannot know: it sells from its lease
    view = a.selling.add_seats(cart, SEATED, [seat])
    sale = a.selling.complete(cart, PaymentPlan(view.due).exact_cash(), "OP").order.id
    point_at(a, server.base_url)
    assert a.syncing.upload().error == ""
    assert _seat_state(server, seat) == ("sold", sale)  # the customer's sale stands
    assert incidents(server, link.device_id) == ["sale_after_revocation"]


def test_after_a_partition_of_more_than_a_day_the_till_sold_its_lease_and_catches_up(
    server: RunningServer, two_tills: tuple[DemoTill, DemoTill]
) -> None:
    from datetime import timedelta

    a, b = two_tills
    link = a.syncing.link()
    assert link is not None
    leased, central = sellable_seats(server, SEATED, 2)
    lease_to(server, a, [leased], hours=48)
    cut_off(a)  # the network goes for 25 hours
    a.clock.moment += timedelta(hours=25)
    server.clock.moment += timedelta(hours=25)
    cart = a.selling.open_cart().cart.id
    view = a.selling.add_seats(cart, SEATED, [leased])  # its own lease: still within its time
    sale = a.selling.complete(cart, PaymentPlan(view.due).exact_cash(), "OP").order.id
    # Meanwhile the other till sells the central pool as usual.
    other = b.selling.open_cart().cart.id
    other_view = b.selling.add_seats(other, SEATED, [central])
    b.selling.complete(other, PaymentPlan(other_view.due).exact_cash(), "OP")
    point_at(a, server.base_url)  # back
    report = a.syncing.upload()
    assert report.error == "" and report.acked_through_seq == 1
    assert a.syncing.status().online
    assert _seat_state(server, leased) == ("sold", sale)
    assert incidents(server, link.device_id) == []


def _quota(server: RunningServer, performance: str, zone: str) -> tuple[int, int]:
    with server.engine.connect() as conn:
        row = conn.execute(
            select(t.ga_quota.c.sold, t.ga_quota.c.leased).where(
                t.ga_quota.c.performance_id == performance, t.ga_quota.c.zone_id == zone
            )
        ).one()
    return int(row.sold), int(row.leased)


def test_offline_a_till_sells_its_leased_standing_places_and_no_more(
    server: RunningServer, two_tills: tuple[DemoTill, DemoTill]
) -> None:
    from app.services.feed import CatalogFeed
    from app.services.selling import PlacesUnavailable
    from app.services.syncing import client_for

    a, b = two_tills
    link = a.syncing.link()
    assert link is not None
    sold_before, leased_before = _quota(server, "P-FAB-1", "GRADINS")
    lease_id = lease_to(server, a, [], hours=4, performance="P-FAB-1", places={"GRADINS": 5})
    assert _quota(server, "P-FAB-1", "GRADINS") == (sold_before, leased_before + 5)
    cut_off(a)
    cart = a.selling.open_cart().cart.id
    view = a.selling.add_places(cart, "P-FAB-1", "GRADINS", 3)
    assert view.cart.lines[0].hold.startswith("lease:" + lease_id)
    first = a.selling.complete(cart, PaymentPlan(view.due).exact_cash(), "OP").order.id
    cart = a.selling.open_cart().cart.id
    with pytest.raises(PlacesUnavailable):  # 2 left in the lease, and no server to ask
        a.selling.add_places(cart, "P-FAB-1", "GRADINS", 3)
    view = a.selling.add_places(cart, "P-FAB-1", "GRADINS", 2)
    second = a.selling.complete(cart, PaymentPlan(view.due).exact_cash(), "OP").order.id
    # Meanwhile the other till sells the central pool; the lease's places are not in it.
    cart_b = b.selling.open_cart().cart.id
    view_b = b.selling.add_places(cart_b, "P-FAB-1", "GRADINS", 4)
    assert not view_b.cart.lines[0].hold.startswith("lease:")
    b.selling.complete(cart_b, PaymentPlan(view_b.due).exact_cash(), "OP")
    point_at(a, server.base_url)
    assert a.syncing.upload().error == ""
    assert _quota(server, "P-FAB-1", "GRADINS") == (sold_before + 9, leased_before)
    with server.engine.connect() as conn:
        used = conn.execute(
            select(t.lease_places.c.used).where(t.lease_places.c.lease_id == lease_id)
        ).scalar_one()
        sales = set(conn.execute(select(t.sale.c.id)).scalars())
    assert used == 5
    assert {first, second} <= sales
    assert incidents(server, link.device_id) == []
    for till in (a, b):  # each till's plan counts every place taken, its lease's once
        with client_for(till.syncing.link()) as client:
            CatalogFeed(till.services.uow_factory, till.clock, "G1").pull_once(client)
        with till.services.uow_factory() as uow:
            taken = uow.standing.taken("P-FAB-1", "GRADINS", till.clock.now())
        assert taken == sold_before + 9, till.name


def _lease_state(server: RunningServer, lease_id: str) -> str:
    with server.engine.connect() as conn:
        return str(
            conn.execute(select(t.lease.c.state).where(t.lease.c.id == lease_id)).scalar_one()
        )


def test_after_the_upload_a_till_returns_what_a_revoked_or_lapsed_lease_did_not_sell(
    server: RunningServer, two_tills: tuple[DemoTill, DemoTill]
) -> None:
    from datetime import timedelta

    from app.services.feed import CatalogFeed
    from app.services.syncing import client_for
    from server.database import write
    from server.feed import Changes as ServerChanges
    from server.inventory import revoke_lease

    a, _b = two_tills
    sold, unsold, lapsing = sellable_seats(server, SEATED, 3)
    revoked = lease_to(server, a, [sold, unsold], hours=4)
    cut_off(a)
    cart = a.selling.open_cart().cart.id
    view = a.selling.add_seats(cart, SEATED, [sold])
    sale = a.selling.complete(cart, PaymentPlan(view.due).exact_cash(), "OP").order.id
    point_at(a, server.base_url)
    assert a.syncing.upload().error == ""
    assert _lease_state(server, revoked) == "active"  # still its time: the till keeps it
    with write(server.engine) as conn:  # then the office takes it back
        changes = ServerChanges()
        revoke_lease(conn, changes, revoked, server.clock.now())
        changes.flush(conn, server.clock.now())
    assert _seat_state(server, unsold)[0] == "quarantined"
    link = a.syncing.link()
    assert link is not None
    with client_for(link) as client:  # the till learns it from its feed...
        CatalogFeed(a.services.uow_factory, a.clock, "G1").pull_once(client)
    assert a.syncing.upload().error == ""  # ...and returns it once its sales are up
    assert _lease_state(server, revoked) == "returned"
    assert _seat_state(server, sold) == ("sold", sale)
    assert _seat_state(server, unsold) == ("free", None)

    lapsed = lease_to(server, a, [lapsing], hours=1)
    a.clock.moment += timedelta(hours=2)
    server.clock.moment += timedelta(hours=2)
    assert a.syncing.upload().error == ""  # nothing to send, and the lease's time is over
    assert _lease_state(server, lapsed) == "returned"
    assert _seat_state(server, lapsing) == ("free", None)
    with a.services.uow_factory(read_only=True) as uow:
        assert {x.lease_id: x.state.value for x in uow.feed.leases()}.get(lapsed) == "returned"
