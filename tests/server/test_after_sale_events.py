"""Refund, cancellation and reprint events sent straight to the server's upload endpoint
(``POST /v1/sync/events``), built here as the till's outbox has them (`domain.ledger`'s
correction shape, `app.services.after_sale`'s reprint record): the cases a real till does not
produce — a sale whose record carries its barcodes, a DUPLICATA of a refunded ticket, a refund
of a sale the server never had, a training refund."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from server import tables as t
from tests.server.conftest import RunningServer, Till, sellable_seats
from tests.server.helpers import ok

PERF = "P-MIS-3"


def _event(till: Till, kind: str, event_id: str, record: dict[str, Any]) -> dict[str, Any]:
    entry = till.journal(record)
    till.device_seq += 1
    return {
        "device_seq": till.device_seq,
        "event_id": event_id,
        "kind": kind,
        "record": record,
        "journal": {"seq": entry.seq, "prev_hash": entry.prev_hash, "hash": entry.hash},
    }


def _refund(till: Till, sale: str, seat: str, tickets: list[int], **extra: Any) -> dict[str, Any]:
    correction = str(uuid.uuid4())
    record = {
        "type": "refund",
        "at": till.server.clock.now().isoformat(),
        "till": till.name,
        "correction": correction,
        "sale": sale,
        "original_tickets": tickets,
        "reason": "ill",
        "total": {"minor": 3500, "currency": "EUR"},
        "tenders": [],
        "returned_places": [{"performance": PERF, "seat": seat, "zone": None, "places": None}],
        **extra,
    }
    return _event(till, "refund", correction, record)


def _reprint(till: Till, sale: str, ticket: int, old: str, new: str) -> dict[str, Any]:
    reprint = str(uuid.uuid4())
    record = {
        "type": "reprint",
        "at": till.server.clock.now().isoformat(),
        "till": till.name,
        "kind": "ticket",
        "ticket": ticket,
        "sale": sale,
        "barcode": new,
        "voided_barcode": old,
        "copy": "DUPLICATA",
    }
    return _event(till, "reprint", reprint, record)


def _ticket(till: Till, barcode: str) -> dict[str, Any]:
    return dict(ok(till.http.get(f"/v1/tickets/{barcode}")))


def _incidents(server: RunningServer, event_id: str) -> list[tuple[str, str | None]]:
    with server.engine.connect() as conn:
        return [
            (r.kind, r.sale_id)
            for r in conn.execute(
                select(t.incident.c.kind, t.incident.c.sale_id).where(
                    t.incident.c.event_id == event_id
                )
            )
        ]


def _seat_state(server: RunningServer, seat: str) -> str:
    inv = t.seat_inventory.c
    with server.engine.connect() as conn:
        return str(
            conn.scalar(select(inv.state).where(inv.performance_id == PERF, inv.seat_id == seat))
        )


def test_a_sales_barcodes_are_valid_until_refunded_and_a_duplicata_of_a_refunded_ticket_is_void(
    server: RunningServer, till: Till
) -> None:
    [seat] = sellable_seats(server, PERF, 1)
    line = {"performance": PERF, "seat": seat, "quantity": 1, "amount": {"minor": 3500}}
    record = till.sale_record([line]) | {"tickets": [7], "barcodes": ["AAAABBBBCCCCDDDDEEEE"]}
    sale = till.outbox_event(record, lease_id=till.lease(PERF, [seat]))
    sale_id = sale["event_id"]
    assert [r["result"] for r in ok(till.upload([sale]))["results"]] == ["stored"]
    assert _ticket(till, "aaaabbbbccccddddeeee")["state"] == "valid"  # read as printed
    refund = _refund(till, sale_id, seat, [7])
    ok(till.upload([refund]))
    found = _ticket(till, "AAAABBBBCCCCDDDDEEEE")
    assert (found["state"], found["reason"], found["ticket"]) == ("void", "refunded", 7)
    assert _seat_state(server, seat) == "free"
    reprint = _reprint(till, sale_id, 7, "AAAABBBBCCCCDDDDEEEE", "FFFFGGGGHHHHJJJJKKKK")
    body = ok(till.upload([reprint]))
    assert body["results"][0]["incident"] is True
    assert _incidents(server, reprint["event_id"]) == [("reprint_of_void_ticket", sale_id)]
    duplicata = _ticket(till, "FFFFGGGGHHHHJJJJKKKK")
    assert (duplicata["state"], duplicata["reason"]) == ("void", "refunded")
    assert _ticket(till, "AAAABBBBCCCCDDDDEEEE")["reason"] == "refunded"  # as it was


def test_a_refund_of_a_sale_the_server_never_had_is_stored_as_an_incident(
    server: RunningServer, till: Till
) -> None:
    unknown = str(uuid.uuid4())
    refund = _refund(till, unknown, "NO-SUCH-SEAT", [1])
    body = ok(till.upload([refund]))
    assert [(r["result"], r["incident"]) for r in body["results"]] == [("stored", True)]
    assert body["acked_through_seq"] == 1  # taken: the money went back already
    assert _incidents(server, refund["event_id"]) == [("refund_not_sold", unknown)]


def test_a_training_refund_frees_nothing(server: RunningServer, till: Till) -> None:
    sale = till.leased_sale(PERF)
    seat = sale["record"]["lines"][0]["seat"]
    ok(till.upload([sale]))
    refund = _refund(
        till, sale["event_id"], seat, [], training=True, supervisor={"login": "j", "name": "J"}
    )
    body = ok(till.upload([refund]))
    assert [(r["result"], r["incident"]) for r in body["results"]] == [("stored", False)]
    assert _seat_state(server, seat) == "sold"
