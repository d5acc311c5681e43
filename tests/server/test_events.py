"""Exactly-once upload of the tills' outbox: duplicates, rewrites, gaps, bad input, and sales
that conflict (stored, never refused, raised as incidents)."""

from __future__ import annotations

import copy
import json
import socket
import ssl
import time
import uuid
from typing import Any

from sqlalchemy import func, select

from domain.journal import JournalEntry, canonical_json, link_hash, verify
from domain.money import Money
from domain.orders import Cart, CartLine, LineKind, PaymentPlan, due, make_order, sale_record
from server import tables as t
from sync.protocol import MAX_BODY_BYTES, MAX_EVENTS_PER_BATCH
from tests.server.conftest import DEMO, RunningServer, Till, sellable_seats
from tests.server.helpers import error, ok

PERF = "P-MIS-3"


def _results(body: dict[str, Any]) -> list[str]:
    return [r["result"] for r in body["results"]]


def _incidents(server: RunningServer, device_id: str) -> list[str]:
    with server.engine.connect() as conn:
        return list(
            conn.execute(
                select(t.incident.c.kind)
                .where(t.incident.c.device_id == device_id)
                .order_by(t.incident.c.id)
            ).scalars()
        )


def _seat(server: RunningServer, seat_id: str, performance_id: str = PERF) -> Any:
    with server.engine.connect() as conn:
        return conn.execute(
            select(t.seat_inventory).where(
                t.seat_inventory.c.performance_id == performance_id,
                t.seat_inventory.c.seat_id == seat_id,
            )
        ).one()


def _event_count(server: RunningServer, device_id: str) -> int:
    with server.engine.connect() as conn:
        return int(conn.scalar(select(func.count()).where(t.device_event.c.device_id == device_id)))


def test_a_batch_is_stored_once_and_a_resend_is_duplicate(
    server: RunningServer, till: Till
) -> None:
    events = [till.leased_sale(PERF) for _ in range(3)]
    first = ok(till.upload(events))
    assert _results(first) == ["stored"] * 3
    assert first["acked_through_seq"] == 3
    assert first["journal_verified_through"] == 3
    again = ok(till.upload(events))  # the answer was lost: the till sends the same batch
    assert _results(again) == ["duplicate"] * 3
    assert again["acked_through_seq"] == 3
    assert _event_count(server, till.device_id) == 3
    assert _incidents(server, till.device_id) == []
    for event in events:
        seat = event["record"]["lines"][0]["seat"]
        assert _seat(server, seat).state == "sold"


def test_the_same_seq_with_other_content_is_a_hash_mismatch_and_the_first_is_kept(
    server: RunningServer, till: Till
) -> None:
    event = till.sale_event(PERF, sellable_seats(server, PERF, 1))
    ok(till.upload([event]))
    forged = copy.deepcopy(event)
    forged["record"]["total"] = {"minor": 1, "currency": "EUR"}
    entry = JournalEntry(1, event["journal"]["prev_hash"], "", forged["record"])
    forged["journal"]["hash"] = link_hash(entry.prev_hash, canonical_json(forged["record"]))
    body = ok(till.upload([forged]))
    assert _results(body) == ["hash_mismatch"]
    assert body["acked_through_seq"] == 1
    with server.engine.connect() as conn:
        kept = conn.scalar(
            select(t.device_event.c.hash).where(t.device_event.c.device_id == till.device_id)
        )
    assert kept == event["journal"]["hash"]
    assert "event_rewritten" in _incidents(server, till.device_id)


def test_a_gap_waits_and_the_ack_stays_at_the_last_contiguous_seq(
    server: RunningServer, till: Till
) -> None:
    first, second, third = (till.sale_event(PERF, sellable_seats(server, PERF, 1)) for _ in "abc")
    body = ok(till.upload([first, third]))  # the second was dropped on the way
    assert _results(body) == ["stored", "waiting"]
    assert body["acked_through_seq"] == 1
    assert _seat(server, third["record"]["lines"][0]["seat"]).state == "free"  # not yet applied
    assert _results(ok(till.upload([third]))) == ["waiting"]
    body = ok(till.upload([second]))
    assert _results(body) == ["stored"]
    assert body["acked_through_seq"] == 3  # the waiting one went through behind it
    assert body["journal_verified_through"] == 3
    assert _seat(server, third["record"]["lines"][0]["seat"]).state == "sold"
    assert _results(ok(till.upload([first, second, third]))) == ["duplicate"] * 3


def test_malformed_events_are_refused_alone_and_nothing_of_them_is_stored(
    server: RunningServer, till: Till
) -> None:
    good = till.sale_event(PERF, sellable_seats(server, PERF, 1))
    floaty = copy.deepcopy(good)
    floaty["device_seq"] = 2
    floaty["event_id"] = floaty["record"]["sale"] = "0190c6a2-7d1e-7a3b-9c4d-5e6f70819200"
    floaty["record"]["total"] = {"minor": 35.5, "currency": "EUR"}
    no_uuid = {**copy.deepcopy(good), "device_seq": 3, "event_id": "not-a-uuid"}
    other_till = copy.deepcopy(good)
    other_till.update(device_seq=4, event_id="0190c6a2-7d1e-7a3b-9c4d-5e6f70819201")
    other_till["record"].update(till="SOMEONE-ELSE", sale=other_till["event_id"])
    body = ok(till.upload([good, floaty, no_uuid, other_till, "not an event"]))
    assert _results(body) == ["stored", "malformed", "malformed", "malformed", "malformed"]
    assert "float" in body["results"][1]["detail"]
    assert "SOMEONE-ELSE" in body["results"][3]["detail"]
    assert body["acked_through_seq"] == 1
    assert _event_count(server, till.device_id) == 1


def test_bad_bodies_get_clear_statuses(server: RunningServer, till: Till) -> None:
    error(till.http.post("/v1/sync/events", content=b"{not json"), 422, "malformed")
    error(till.http.post("/v1/sync/events", json={"evts": []}), 422, "malformed")
    error(till.http.post("/v1/sync/events", json={"events": [], "extra": 1}), 422, "malformed")
    too_many = [till.sale_event(PERF, ["X"]) for _ in range(MAX_EVENTS_PER_BATCH + 1)]
    error(till.upload(too_many), 413, "payload_too_large")
    huge = json.dumps({"events": [], "journal": [], "pad": "x" * MAX_BODY_BYTES}).encode()
    error(till.http.post("/v1/sync/events", content=huge), 413, "payload_too_large")
    assert _event_count(server, till.device_id) == 0


def test_another_tills_event_is_not_taken_as_this_tills(
    server: RunningServer, till: Till, other_till: Till
) -> None:
    event = till.sale_event(PERF, sellable_seats(server, PERF, 1))
    ok(till.upload([event]))
    stolen = copy.deepcopy(event)
    stolen["record"]["till"] = other_till.name  # passes the record check, same event_id
    entry = other_till.journal(stolen["record"])
    other_till.device_seq += 1
    stolen["journal"] = {"seq": entry.seq, "prev_hash": entry.prev_hash, "hash": entry.hash}
    body = ok(other_till.upload([stolen]))
    assert _results(body) == ["hash_mismatch"]
    assert body["acked_through_seq"] == 0
    assert "event_id_reused" in _incidents(server, other_till.device_id)
    # The other till's own seq 1 is free: its real first sale is taken.
    other_till.device_seq = 0
    other_till.head = None
    assert _results(
        ok(other_till.upload([other_till.sale_event(PERF, sellable_seats(server, PERF, 1))]))
    ) == ["stored"]


def test_the_chain_is_verified_with_the_other_journal_entries(
    server: RunningServer, till: Till
) -> None:
    login = till.journal({"type": "login", "at": server.clock.now().isoformat(), "who": "OP-1"})
    sale = till.leased_sale(PERF)
    assert sale["journal"]["seq"] == 2
    body = ok(till.upload([sale]))
    assert body["journal_verified_through"] == 0  # entry 1 is not on the server yet
    entry = {
        "seq": login.seq,
        "prev_hash": login.prev_hash,
        "hash": login.hash,
        "record": login.record,
    }
    body = ok(till.upload([], journal=[entry]))
    assert body["journal_verified_through"] == 2
    with server.engine.connect() as conn:
        rows = conn.execute(
            select(t.journal_entry)
            .where(t.journal_entry.c.device_id == till.device_id)
            .order_by(t.journal_entry.c.seq)
        ).all()
    report = verify(
        JournalEntry(r.seq, r.prev_hash, r.hash, json.loads(r.record), r.record) for r in rows
    )
    assert report.ok and report.last_seq == 2
    assert _incidents(server, till.device_id) == []


def test_a_broken_chain_is_stored_and_raised(server: RunningServer, till: Till) -> None:
    first = till.sale_event(PERF, sellable_seats(server, PERF, 1))
    second = till.sale_event(PERF, sellable_seats(server, PERF, 1))
    second["journal"]["prev_hash"] = "f" * 64  # not the first's hash, and the hash is off
    body = ok(till.upload([first, second]))
    assert _results(body) == ["stored", "stored"]
    assert body["results"][1]["incident"] is True
    kinds = _incidents(server, till.device_id)
    assert "journal_hash_invalid" in kinds and "journal_chain_broken" in kinds
    assert _seat(server, second["record"]["lines"][0]["seat"]).state == "sold"  # money taken


def test_a_till_that_lost_its_tail_and_wrote_it_again_is_detected(
    server: RunningServer, till: Till
) -> None:
    ok(till.upload([till.sale_event(PERF, sellable_seats(server, PERF, 1))]))
    till.head, till.device_seq = None, 0  # restored from an old backup: it starts again
    body = ok(till.upload([till.sale_event(PERF, sellable_seats(server, PERF, 1))]))
    assert _results(body) == ["hash_mismatch"]
    assert "event_rewritten" in _incidents(server, till.device_id)


def test_an_offline_sale_of_a_sold_seat_is_kept_as_an_incident(
    server: RunningServer, till: Till, other_till: Till
) -> None:
    [seat] = sellable_seats(server, PERF, 1)
    online = ok(
        other_till.http.post(
            "/v1/sales",
            json={
                "sale_id": "0190c6a2-7d1e-7a3b-9c4d-5e6f70810001",
                "lines": [{"performance_id": PERF, "audience": "FULL", "seat_id": seat}],
            },
        )
    )
    event = till.sale_event(PERF, [seat])  # sold offline, outside any lease
    body = ok(till.upload([event]))
    assert _results(body) == ["stored"] and body["results"][0]["incident"]
    kinds = _incidents(server, till.device_id)
    assert "seat_sold_twice" in kinds and "sale_outside_lease" in kinds
    with server.engine.connect() as conn:
        live = (
            conn.execute(
                select(t.sold_seat.c.sale_id).where(
                    t.sold_seat.c.performance_id == PERF,
                    t.sold_seat.c.seat_id == seat,
                    t.sold_seat.c.live,
                )
            )
            .scalars()
            .all()
        )
        kept = conn.scalar(select(func.count()).where(t.sale.c.id == event["event_id"]))
    assert live == [online["sale_id"]]  # I1: one live sale per seat
    assert kept == 1  # the offline sale is stored all the same


def test_an_online_sale_uploaded_later_is_counted_once(server: RunningServer, till: Till) -> None:
    [seat] = sellable_seats(server, PERF, 1)
    event = till.sale_event(PERF, [seat])
    ok(
        till.http.post(
            "/v1/sales",
            json={
                "sale_id": event["event_id"],
                "lines": [{"performance_id": PERF, "audience": "FULL", "seat_id": seat}],
            },
        )
    )
    body = ok(till.upload([event]))
    assert _results(body) == ["stored"] and not body["results"][0]["incident"]
    with server.engine.connect() as conn:
        rows = conn.execute(
            select(t.sold_seat).where(
                t.sold_seat.c.seat_id == seat, t.sold_seat.c.performance_id == PERF
            )
        ).all()
    assert len(rows) == 1
    assert _incidents(server, till.device_id) == []


def test_a_device_clock_hours_off_is_flagged(server: RunningServer, till: Till) -> None:
    event = till.leased_sale(PERF)
    event["device_time"] = "2020-01-01T00:00:00+00:00"
    assert _results(ok(till.upload([event]))) == ["stored"]
    assert _incidents(server, till.device_id) == ["clock_skew"]


def test_the_record_the_till_journals_for_a_sale_is_taken_as_it_is(
    server: RunningServer, till: Till
) -> None:
    """The record is `domain.orders.sale_record` of a real order: seats named by their
    label, standing places by their zone's name, money in minor units."""
    seats = sellable_seats(server, PERF, 2)
    concert = "P-NEU-1"
    lease_seats = till.lease(PERF, seats)
    lease_places = till.lease(concert, places=[{"zone_id": "FOSSE", "count": 2}])
    physical = next(x.physical for x in DEMO.logical_layouts if x.id == "LL-THEATRE")
    price = Money(3500, "EUR")
    lines = [
        CartLine(
            f"L{i}",
            PERF,
            LineKind.SEAT,
            "CAT3",
            "FULL",
            price,
            550,
            "Le Misanthrope",
            seat_id=seat,
            seat_label=physical.seat(seat).label,
        )
        for i, seat in enumerate(seats)
    ]
    cart = Cart("C-1", till.name, "EUR", tuple(lines))
    fee = Money(200, "EUR")
    order = make_order(
        str(uuid.uuid4()),
        cart,
        fee,
        2000,
        PaymentPlan(due(cart, fee)).exact_cash(),
        (),
        session_id="S-1",
        operator_id="OP-1",
        at=server.clock.now(),
    )
    record = {**sale_record(order), "order_number": "G1-000001"}
    assert record["lines"][0]["seat"] == physical.seat(seats[0]).label  # not the seat id
    standing = CartLine(
        "L9",
        concert,
        LineKind.STANDING,
        "FOSSE",
        "FULL",
        Money(4500, "EUR"),
        550,
        "Symphonie",
        seat_label="Fosse",
        zone_id="FOSSE",
        quantity=2,
    )
    cart2 = Cart("C-2", till.name, "EUR", (standing,))
    order2 = make_order(
        str(uuid.uuid4()),
        cart2,
        fee,
        2000,
        PaymentPlan(due(cart2, fee)).exact_cash(),
        (),
        session_id="S-1",
        operator_id="OP-1",
        at=server.clock.now(),
    )
    events = [
        till.outbox_event(json.loads(json.dumps(record)), lease_id=lease_seats),
        till.outbox_event(json.loads(json.dumps(sale_record(order2))), lease_id=lease_places),
    ]
    body = ok(till.upload(events))
    assert [(r["result"], r["incident"]) for r in body["results"]] == [("stored", False)] * 2
    assert body["journal_verified_through"] == 2
    assert {_seat(server, s).state for s in seats} == {"sold"}
    with server.engine.connect() as conn:
        sale = conn.execute(select(t.sale).where(t.sale.c.id == order.id)).one()
        places = conn.execute(
            select(t.sold_places).where(t.sold_places.c.sale_id == order2.id)
        ).one()
    assert (sale.total_minor, sale.currency, sale.source) == (order.total.minor, "EUR", "offline")
    assert (places.zone_id, places.count, places.live) == ("FOSSE", 2, True)


def test_a_request_torn_mid_body_stores_nothing(server: RunningServer, till: Till) -> None:
    """Scenario 2: the connection drops halfway through the body."""
    events = [till.leased_sale(PERF) for _ in range(3)]
    body = json.dumps({"events": events}).encode()
    head = (
        f"POST /v1/sync/events HTTP/1.1\r\nHost: localhost\r\n"
        f"Authorization: Device {till.token}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    context = ssl.create_default_context(cafile=str(server.ca))
    with (
        socket.create_connection(("127.0.0.1", server.port)) as raw,
        context.wrap_socket(raw, server_hostname="localhost") as tls,
    ):
        tls.sendall(head + body[: len(body) // 2])
    time.sleep(0.3)
    assert _event_count(server, till.device_id) == 0
    assert [r["result"] for r in ok(till.upload(events))["results"]] == ["stored"] * 3


def test_a_sale_may_name_its_till_by_its_point_of_sale(server: RunningServer, till: Till) -> None:
    """The till's journal names it by its point of sale (station.toml), the server by the name
    it was added under: either is this till; another is not."""
    seats = sellable_seats(server, PERF, 2)
    lease_id = till.lease(PERF, seats)
    events = [
        till.sale_event(PERF, seats[:1], lease_id=lease_id, as_till="G1"),  # its point of sale
        till.sale_event(PERF, seats[1:], lease_id=lease_id),  # its name
    ]
    body = ok(till.upload(events))
    assert [(r["result"], r["incident"]) for r in body["results"]] == [("stored", False)] * 2
    stranger = till.sale_event(PERF, sellable_seats(server, PERF, 1), as_till="G7")
    assert [r["result"] for r in ok(till.upload([stranger]))["results"]] == ["malformed"]


def test_events_whose_journal_entries_came_in_the_same_batch_are_taken_as_they_are(
    server: RunningServer, till: Till
) -> None:
    """A sender may put every journal entry in ``journal``, the events' too: the same entry
    twice is no rewrite."""
    events = [till.leased_sale(PERF) for _ in range(3)]
    journal = [{**e["journal"], "record": e["record"]} for e in events]
    body = ok(till.upload(events, journal=journal))
    assert [(r["result"], r["incident"]) for r in body["results"]] == [("stored", False)] * 3
    assert (body["acked_through_seq"], body["journal_verified_through"]) == (3, 3)
    assert _incidents(server, till.device_id) == []
    forged = till.leased_sale(PERF)
    other = {**forged["journal"], "hash": "e" * 64, "record": forged["record"]}
    body = ok(till.upload([forged], journal=[other]))  # the list says otherwise: first kept
    assert body["results"][0]["incident"] is True
    assert "journal_rewritten" in _incidents(server, till.device_id)


def test_a_training_sale_is_kept_with_the_journal_and_sells_nothing(
    server: RunningServer, till: Till
) -> None:
    [seat] = sellable_seats(server, PERF, 1)
    event = till.sale_event(PERF, [seat], training=True)
    body = ok(till.upload([event]))
    assert _results(body) == ["stored"] and not body["results"][0]["incident"]
    with server.engine.connect() as conn:
        sales = conn.scalar(select(func.count()).where(t.sale.c.id == event["event_id"]))
        state = conn.scalar(
            select(t.seat_inventory.c.state).where(
                t.seat_inventory.c.performance_id == PERF, t.seat_inventory.c.seat_id == seat
            )
        )
        stored = conn.scalar(
            select(func.count()).where(t.device_event.c.event_id == event["event_id"])
        )
    assert (sales, state, stored) == (0, "free", 1)  # no sale, the seat still free; the event kept
