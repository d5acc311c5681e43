"""The server acts on a till's refunds, cancellations and reprints (issues 10 and 12), through
real tills against the real server (uvicorn over TLS, PostgreSQL): a refunded seat is free on
the server and in the other till's feed, and that till sells it; a resent batch changes
nothing; a refund of a ticket the server never saw sold is kept and raised as an incident; a
reprint's old barcode is void on the server, its new one valid (``GET /v1/tickets/{barcode}``).

The invariants I1–I7 are checked after each test (`tests.server.conftest`), refunds netted."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from app.services.after_sale import AfterSaleServices
from app.services.browsing import STATE_CODES
from app.services.feed import CatalogFeed
from app.services.syncing import client_for
from domain.availability import SeatState
from domain.orders import PaymentPlan
from server import tables as t

from .conftest import RunningServer, sellable_seats
from .test_till_online import SEATED, _lease_state, _quota, template, two_tills  # noqa: F401
from .test_till_upload import DemoTill, cut_off, incidents, lease_to, point_at

Tills = tuple[DemoTill, DemoTill]


def _after_sale(till: DemoTill) -> AfterSaleServices:
    return AfterSaleServices(till.services.uow_factory, till.clock, "G1", till.services.hasher)


def _supervisor(till: DemoTill) -> Any:
    with till.services.uow_factory(read_only=True) as uow:
        return uow.operators.get("OP-SUPERVISOR")


def _tickets(till: DemoTill, sale: str) -> Any:
    with till.services.uow_factory(read_only=True) as uow:
        return uow.after_sale.tickets(sale)


def _sell_seat(till: DemoTill, seat: str) -> str:
    cart = till.selling.open_cart().cart.id
    view = till.selling.add_seats(cart, SEATED, [seat])
    return till.selling.complete(cart, PaymentPlan(view.due).exact_cash(), "OP").order.id


def _refund_all(till: DemoTill, sale: str) -> str:
    numbers = [x.number for x in _tickets(till, sale)]
    done = _after_sale(till).refund(sale, numbers, "ill", _supervisor(till))
    return done.correction.id


def _seat(server: RunningServer, seat: str) -> tuple[str, str | None, str | None]:
    inv = t.seat_inventory.c
    with server.engine.connect() as conn:
        row = conn.execute(
            select(inv.state, inv.sale_id, inv.lease_id).where(
                inv.performance_id == SEATED, inv.seat_id == seat
            )
        ).one()
    return str(row.state), row.sale_id, row.lease_id


def _sold_rows(server: RunningServer, seat: str) -> list[tuple[str, bool, str | None]]:
    ss = t.sold_seat.c
    with server.engine.connect() as conn:
        return [
            (r.sale_id, r.live, r.refunded_by)
            for r in conn.execute(
                select(ss.sale_id, ss.live, ss.refunded_by)
                .where(ss.performance_id == SEATED, ss.seat_id == seat)
                .order_by(ss.live)
            )
        ]


def _plan_state(till: DemoTill, seat: str) -> SeatState:
    plan = till.services.performance_view(SEATED).plan
    return STATE_CODES[int(plan.states[plan.seat_ids.index(seat)])]


def _pull(till: DemoTill) -> None:
    link = till.syncing.link()
    assert link is not None
    with client_for(link) as client:
        CatalogFeed(till.services.uow_factory, till.clock, "G1").pull_once(client)


def _a_seat_sold(server: RunningServer, till: DemoTill) -> tuple[str, str]:
    """A seat no other test used, sold online by ``till``: (seat, sale)."""
    [seat] = sellable_seats(server, SEATED, 1)
    return seat, _sell_seat(till, seat)


def _device(till: DemoTill) -> str:
    link = till.syncing.link()
    assert link is not None
    return link.device_id


def test_a_seat_refunded_at_one_till_is_free_on_the_server_and_the_other_till_sells_it(
    server: RunningServer,
    two_tills: Tills,  # noqa: F811
) -> None:
    a, b = two_tills
    seat, sale = _a_seat_sold(server, a)
    _pull(b)
    assert _plan_state(b, seat) is SeatState.SOLD
    correction = _refund_all(a, sale)
    assert _seat(server, seat) == ("sold", sale, None)  # the server learns of it by the upload
    report = a.syncing.upload()
    assert report.error == "" and report.acked_through_seq == 2
    assert _seat(server, seat) == ("free", None, None)
    assert _sold_rows(server, seat) == [(sale, False, correction)]
    assert incidents(server, _device(a)) == []
    _pull(b)
    assert _plan_state(b, seat) is SeatState.FREE  # the change feed said so
    resold = _sell_seat(b, seat)
    assert _seat(server, seat) == ("sold", resold, None)
    assert _sold_rows(server, seat) == [(sale, False, correction), (resold, True, None)]
    assert b.syncing.upload().error == ""


def test_a_resent_refund_changes_nothing(
    server: RunningServer,
    two_tills: Tills,  # noqa: F811
) -> None:
    a, b = two_tills
    seat, sale = _a_seat_sold(server, a)
    correction = _refund_all(a, sale)
    assert a.syncing.upload().acked_through_seq == 2
    resold = _sell_seat(b, seat)  # sold again elsewhere before the resend
    with server.engine.connect() as conn:
        feed_before = conn.scalar(select(func.count()).select_from(t.change_log))
    a.syncing.store.acknowledge(0, 0)  # the answer was lost: everything goes up again
    assert a.syncing.upload().acked_through_seq == 2
    assert _seat(server, seat) == ("sold", resold, None)  # not freed a second time
    assert _sold_rows(server, seat) == [(sale, False, correction), (resold, True, None)]
    assert incidents(server, _device(a)) == []
    with server.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(t.change_log)) == feed_before


def test_refunded_standing_places_are_on_sale_again_once(
    server: RunningServer,
    two_tills: Tills,  # noqa: F811
) -> None:
    a, _b = two_tills
    q = t.ga_quota.c
    key = (q.performance_id == "P-NEU-1", q.zone_id == "FOSSE")

    def sold() -> int:
        with server.engine.connect() as conn:
            return int(conn.execute(select(q.sold).where(*key)).scalar_one())

    before = sold()
    cart = a.selling.open_cart().cart.id
    view = a.selling.add_places(cart, "P-NEU-1", "FOSSE", 3)
    sale = a.selling.complete(cart, PaymentPlan(view.due).exact_cash(), "OP").order.id
    assert sold() == before + 3
    tickets = _tickets(a, sale)
    _after_sale(a).refund(sale, [tickets[0].number, tickets[1].number], "ill", _supervisor(a))
    assert a.syncing.upload().acked_through_seq == 2
    assert sold() == before + 1
    a.syncing.store.acknowledge(0, 0)
    assert a.syncing.upload().acked_through_seq == 2
    assert sold() == before + 1
    sp = t.sold_places.c
    with server.engine.connect() as conn:
        row = conn.execute(select(sp.count, sp.refunded, sp.live).where(sp.sale_id == sale)).one()
    assert tuple(row) == (3, 2, True)


def test_a_refund_of_a_ticket_the_server_never_saw_sold_is_kept_as_an_incident(
    server: RunningServer,
    two_tills: Tills,  # noqa: F811
) -> None:
    a, _b = two_tills
    seat, sale = _a_seat_sold(server, a)
    assert a.syncing.upload().acked_through_seq == 1
    # The server does not have that seat sold to the sale (restored from a backup taken
    # before it, say): its row is not live and the seat is free.
    inv = t.seat_inventory.c
    with server.engine.begin() as conn:
        conn.execute(t.sold_seat.update().where(t.sold_seat.c.sale_id == sale).values(live=False))
        conn.execute(
            t.seat_inventory.update()
            .where(inv.performance_id == SEATED, inv.seat_id == seat)
            .values(state="free", sale_id=None)
        )
    correction = _refund_all(a, sale)
    report = a.syncing.upload()
    assert report.error == "" and report.acked_through_seq == 2
    with server.engine.connect() as conn:
        kept = conn.execute(
            select(t.device_event.c.process_state).where(t.device_event.c.event_id == correction)
        ).scalar_one()
        found = conn.execute(
            select(t.incident.c.kind, t.incident.c.detail).where(
                t.incident.c.event_id == correction, t.incident.c.sale_id == sale
            )
        ).all()
    assert kept == "incident"  # stored, never refused: the money went back already
    assert [kind for kind, _ in found] == ["refund_not_sold"]
    assert seat in found[0].detail
    assert _seat(server, seat) == ("free", None, None)  # nothing else moved


def test_a_reprint_voids_the_old_barcode_and_the_new_one_is_valid(
    server: RunningServer,
    two_tills: Tills,  # noqa: F811
) -> None:
    a, _b = two_tills
    _seat, sale = _a_seat_sold(server, a)
    [ticket] = _tickets(a, sale)
    done = _after_sale(a).reprint(sale, ticket.number, "damaged", _supervisor(a))
    assert a.syncing.upload().acked_through_seq == 2
    link = a.syncing.link()
    assert link is not None
    with server.client(link.token) as http:
        old = http.get(f"/v1/tickets/{done.reprint.old_barcode}")
        new = http.get(f"/v1/tickets/{done.reprint.new_barcode}")
        unknown = http.get("/v1/tickets/NOSUCHBARCODE0000000")
    assert old.status_code == 200 and new.status_code == 200, old.text
    assert old.json()["state"] == "void" and old.json()["reason"] == "reprinted"
    assert old.json()["replaced_by"] == done.reprint.new_barcode
    assert new.json()["state"] == "valid" and new.json()["sale_id"] == sale
    assert new.json()["ticket"] == ticket.number
    assert unknown.json()["state"] == "unknown"
    _refund_all(a, sale)  # then the whole order, in its session: a cancellation, void too
    assert a.syncing.upload().acked_through_seq == 3
    with server.client(link.token) as http:
        after = http.get(f"/v1/tickets/{done.reprint.new_barcode}").json()
    assert after["state"] == "void" and after["reason"] == "cancelled"


def _sold_from_lease(server: RunningServer, till: DemoTill, hours: int) -> tuple[str, str, str]:
    """A seat leased to ``till`` for ``hours``, sold offline from the lease and uploaded:
    (seat, lease id, sale)."""
    [seat] = sellable_seats(server, SEATED, 1)
    lease_id = lease_to(server, till, [seat], hours=hours)
    cut_off(till)  # offline, the till sells from its lease
    sale = _sell_seat(till, seat)
    point_at(till, server.base_url)
    assert till.syncing.upload().error == ""
    return seat, lease_id, sale


def test_a_refund_from_an_active_lease_goes_back_into_that_lease(
    server: RunningServer,
    two_tills: Tills,  # noqa: F811
) -> None:
    a, _b = two_tills
    seat, lease_id, sale = _sold_from_lease(server, a, hours=4)
    assert _seat(server, seat) == ("sold", sale, lease_id)
    _refund_all(a, sale)
    assert a.syncing.upload().error == ""
    assert _seat(server, seat) == ("free", None, lease_id)  # the till's lease sells it again
    assert _lease_state(server, lease_id) == "active"
    assert incidents(server, _device(a)) == []


def test_refunded_places_go_back_into_the_active_lease_they_were_sold_from(
    server: RunningServer,
    two_tills: Tills,  # noqa: F811
) -> None:
    a, _b = two_tills
    lease_id = lease_to(server, a, [], hours=4, performance="P-NEU-1", places={"FOSSE": 4})
    sold_before, leased_before = _quota(server, "P-NEU-1", "FOSSE")
    cut_off(a)
    cart = a.selling.open_cart().cart.id
    view = a.selling.add_places(cart, "P-NEU-1", "FOSSE", 3)
    sale = a.selling.complete(cart, PaymentPlan(view.due).exact_cash(), "OP").order.id
    point_at(a, server.base_url)
    assert a.syncing.upload().error == ""
    assert _quota(server, "P-NEU-1", "FOSSE") == (sold_before + 3, leased_before - 3)
    _after_sale(a).refund(sale, [_tickets(a, sale)[0].number], "ill", _supervisor(a))
    assert a.syncing.upload().error == ""
    assert _quota(server, "P-NEU-1", "FOSSE") == (sold_before + 2, leased_before - 2)
    with server.engine.connect() as conn:
        used = conn.execute(
            select(t.lease_places.c.used).where(t.lease_places.c.lease_id == lease_id)
        ).scalar_one()
    assert used == 2


def test_a_refund_from_a_lease_no_longer_active_goes_back_to_the_central_pool(
    server: RunningServer,
    two_tills: Tills,  # noqa: F811
) -> None:
    from datetime import timedelta

    a, b = two_tills
    seat, lease_id, sale = _sold_from_lease(server, a, hours=1)
    a.clock.moment += timedelta(hours=2)
    server.clock.moment += timedelta(hours=2)
    assert a.syncing.upload().error == ""  # the lease's time is over: the till returns it
    assert _lease_state(server, lease_id) == "returned"
    _refund_all(a, sale)
    assert a.syncing.upload().error == ""
    assert _seat(server, seat) == ("free", None, None)
    resold = _sell_seat(b, seat)  # any till sells it now
    assert _seat(server, seat) == ("sold", resold, None)
