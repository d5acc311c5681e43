"""Orders placed on the web for pick-up at the box office, through real tills against the real
server (uvicorn over TLS, PostgreSQL): the order's seats are sold on the server and its
barcodes valid there; both tills' feeds bring it; one till prints it, its ``pickup`` event goes
up and the server marks it collected, so the other till's feed says so and that till refuses
to print it again; two tills that printed it while offline are both kept, and the second is an
incident (``pickup_twice``), never a refusal.

The invariants I1–I7 are checked after each test (`tests.server.conftest`)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from sqlalchemy import select

from app.services.browsing import STATE_CODES
from app.services.feed import CatalogFeed
from app.services.pickups import PickupServices
from app.services.syncing import client_for
from domain.availability import SeatState
from domain.pickups import AlreadyCollected, PickupOrder, PickupState
from server import pickups
from server import tables as t
from server.catalog import Catalog
from server.database import write
from server.feed import Changes

from .conftest import RunningServer
from .test_till_online import template, two_tills  # noqa: F401
from .test_till_upload import DemoTill, cut_off, incidents, point_at

Tills = tuple[DemoTill, DemoTill]
WEB_PERFORMANCE = "P-MIS-3"


def _place(server: RunningServer, customer: str = "Claire Dupont", seats: int = 2) -> PickupOrder:
    now = server.clock.now()
    with write(server.engine) as conn:
        changes = Changes()
        order = pickups.place_best(
            conn, changes, Catalog(), "WEB", customer, WEB_PERFORMANCE, seats, now
        )
        changes.flush(conn, now)
    return order


def _pull(till: DemoTill) -> None:
    link = till.syncing.link()
    assert link is not None
    with client_for(link) as client:
        CatalogFeed(till.services.uow_factory, till.clock, "G1").pull_once(client)


def _pickups(till: DemoTill) -> PickupServices:
    return PickupServices(till.services.uow_factory, till.clock, "G1")


def _device(till: DemoTill) -> str:
    link = till.syncing.link()
    assert link is not None
    return link.device_id


def _server_order(server: RunningServer, number: str) -> tuple[str, str | None]:
    with server.engine.connect() as conn:
        row = conn.execute(
            select(t.pickup_order.c.state, t.pickup_order.c.collected_by).where(
                t.pickup_order.c.number == number
            )
        ).one()
    return str(row.state), row.collected_by


def test_a_web_order_is_sold_on_the_server_printed_at_one_till_and_refused_at_the_other(
    server: RunningServer,
    two_tills: Tills,  # noqa: F811
) -> None:
    a, b = two_tills
    order = _place(server)
    assert order.number.startswith("W-") and len(order.tickets) == 2
    with server.engine.connect() as conn:
        seats = conn.execute(
            select(t.seat_inventory.c.state).where(
                t.seat_inventory.c.performance_id == WEB_PERFORMANCE,
                t.seat_inventory.c.seat_id.in_([x.seat_id for x in order.tickets]),
            )
        ).scalars()
        assert list(seats) == ["sold", "sold"]
    with server.client(a.syncing.link().token) as client:  # type: ignore[union-attr]
        for ticket in order.tickets:
            answer = client.get(f"/v1/tickets/{ticket.barcode}").json()
            assert answer["state"] == "valid" and answer["sale_id"] == order.sale_id
    _pull(a)
    _pull(b)
    assert [o.state for o in _pickups(b).find(order.number)] == [PickupState.WAITING]

    done = _pickups(a).collect(order.number, "OP")
    assert done.order.state is PickupState.COLLECTED
    assert a.syncing.upload().error == ""
    assert _server_order(server, order.number) == ("collected", _device(a))
    assert incidents(server, _device(a)) == []

    _pull(b)
    [seen] = _pickups(b).find(order.number)
    assert seen.state is PickupState.COLLECTED and seen.collected_by == a.name
    with pytest.raises(AlreadyCollected, match=a.name):
        _pickups(b).collect(order.number, "OP")
    # The plan of the other till shows the web order's seats sold.
    plan = b.services.performance_view(WEB_PERFORMANCE).plan
    index = plan.seat_ids.index(order.tickets[0].seat_id or "")
    assert STATE_CODES[int(plan.states[index])] is SeatState.SOLD


def test_an_order_printed_at_two_offline_tills_is_kept_twice_and_raised_as_an_incident(
    server: RunningServer,
    two_tills: Tills,  # noqa: F811
) -> None:
    a, b = two_tills
    order = _place(server, "Marc Lefèvre", 1)
    _pull(a)
    _pull(b)
    url = b.syncing.link().server_url  # type: ignore[union-attr]
    cut_off(a)
    cut_off(b)
    _pickups(a).collect(order.number, "OP")
    _pickups(b).collect(order.number, "OP")  # neither knows of the other
    point_at(a, url)
    point_at(b, url)
    assert a.syncing.upload().error == ""
    report = b.syncing.upload()
    assert report.error == "" and report.acked_through_seq >= 1  # stored, not refused
    assert _server_order(server, order.number) == ("collected", _device(a))
    assert incidents(server, _device(a)) == []
    assert incidents(server, _device(b)) == ["pickup_twice"]


def test_a_till_sales_barcodes_are_known_to_access_control_once_uploaded(
    server: RunningServer,
    two_tills: Tills,  # noqa: F811
) -> None:
    a, _ = two_tills
    sale = a.sell(1)
    with a.services.uow_factory(read_only=True) as uow:
        [ticket] = uow.after_sale.tickets(sale)
    token = a.syncing.link().token  # type: ignore[union-attr]
    with server.client(token) as client:
        assert client.get(f"/v1/tickets/{ticket.barcode}").json()["state"] == "unknown"
        assert a.syncing.upload().error == ""
        answer = client.get(f"/v1/tickets/{ticket.barcode}").json()
    assert answer["state"] == "valid" and answer["sale_id"] == sale


def test_an_order_placed_by_telephone_is_paid_at_the_till_and_the_server_records_it_paid(
    server: RunningServer,
    two_tills: Tills,  # noqa: F811
) -> None:
    """Placed to be paid at the box office: the server sells its seats and numbers its
    tickets but takes nothing; the till that collects it takes the cash, and its event marks
    the order collected and paid (amount and tenders), with no incident."""
    a, b = two_tills
    now = server.clock.now()
    with write(server.engine) as conn:
        changes = Changes()
        order = pickups.place_best(
            conn, changes, Catalog(), "PHONE", "Jean Martin", WEB_PERFORMANCE, 2, now,
            pay_at_box_office=True,
        )  # fmt: skip
        changes.flush(conn, now)
    assert order.number.startswith("P-") and order.channel == "PHONE"
    assert order.due == order.total and not order.total.is_zero
    with server.engine.connect() as conn:
        row = conn.execute(
            select(t.pickup_order.c.due_minor, t.pickup_order.c.paid_minor).where(
                t.pickup_order.c.number == order.number
            )
        ).one()
    assert (row.due_minor, row.paid_minor) == (order.total.minor, None)  # nothing paid yet
    _pull(a)
    [seen] = _pickups(a).find(order.number)
    assert seen.due == order.total  # the feed brings what is due

    given = order.total + order.total  # twice the amount: the change is the rest
    done = _pickups(a).collect(order.number, "OP", given)
    assert done.paid == order.total and done.change == order.total
    assert a.syncing.upload().error == ""

    with server.engine.connect() as conn:
        row = conn.execute(
            select(
                t.pickup_order.c.state,
                t.pickup_order.c.collected_by,
                t.pickup_order.c.paid_minor,
                t.pickup_order.c.paid_tenders,
            ).where(t.pickup_order.c.number == order.number)
        ).one()
    assert (row.state, row.collected_by) == ("collected", _device(a))
    assert row.paid_minor == order.total.minor
    [tender] = json.loads(row.paid_tenders)
    assert tender["method"] == "cash" and tender["amount"]["minor"] == order.total.minor
    assert tender["given"]["minor"] == given.minor
    assert incidents(server, _device(a)) == []
    _pull(b)
    with pytest.raises(AlreadyCollected, match=a.name):
        _pickups(b).collect(order.number, "OP", given)


def test_a_pick_up_event_that_paid_other_than_what_was_due_is_collected_and_an_incident(
    server: RunningServer,
    two_tills: Tills,  # noqa: F811
) -> None:
    """An older till that prints an order to pay here without taking the money: stored,
    never refused, and raised for a person (``pickup_paid_amiss``)."""
    a, _ = two_tills
    now = server.clock.now()
    with write(server.engine) as conn:
        changes = Changes()
        order = pickups.place_best(
            conn, changes, Catalog(), "PHONE", "Jean Martin", WEB_PERFORMANCE, 1, now,
            pay_at_box_office=True,
        )  # fmt: skip
        changes.flush(conn, now)
    _pull(a)
    # What a till from before payment at pick-up knew of the order: nothing due.
    with a.services.uow_factory() as uow:
        known = uow.pickups.get(order.number)
        assert known is not None
        uow.pickups.put(replace(known, due=known.total * 0))
        uow.commit()
    _pickups(a).collect(order.number, "OP")
    assert a.syncing.upload().error == ""
    assert _server_order(server, order.number) == ("collected", _device(a))
    assert incidents(server, _device(a)) == ["pickup_paid_amiss"]
