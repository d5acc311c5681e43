"""What a till's after-sale events do on the server (issues 10 and 12): a refund or a
cancellation gives its seats and standing places back, a reprint replaces a barcode.

Called by `server.ingest` inside the transaction of a new, contiguous event — so at most once
per event: a resent event is a ``duplicate`` in the inbox and does nothing again.

**Seats** (``returned_places`` entries with a ``seat``): the sale's live ``sold_seat`` row is
no longer live (``refunded_by`` names the correction's event) and the seat is ``free`` again,
with a change-feed entry so the other tills see it free. Where it goes back:

- to the lease it was sold from (its ``seat_inventory.lease_id``) when that lease is still
  ``active`` and is the refunding till's own: that till gave the seat back to its own pool
  (`app.services.after_sale` through its `Inventory` port), and its lease still covers it;
- otherwise to the central pool (``lease_id`` none): a lease returned, expired or revoked no
  longer sells, and another till's lease is not the refunding till's to fill.

**Standing places** (entries with a ``zone`` and ``places``): ``sold_places.refunded`` grows by
the count and the quota's ``sold`` falls by it; back into the sale's lease (``leased`` up,
``lease_places.used`` down) under the same rule as seats, else to the central pool.

A refund is never refused (the money went back already): a seat the server does not have sold
to that sale (an unknown sale, refunded already by another correction, resold elsewhere) or
more places than the sale still holds is stored and raised as an incident
(``refund_not_sold``), and nothing else moves for it.

**Barcodes** (table ``ticket``): a sale record's ``barcodes`` (parallel to its ``tickets``,
when the till sends them) are valid; a refund or cancellation voids the tickets of its sale
named in ``original_tickets`` ("refunded"/"cancelled"); a reprint voids ``voided_barcode``
("reprinted", ``replaced_by`` the new one) and makes ``barcode`` valid for the same ticket.

A record with ``"training": true`` does nothing here (training mode sells nothing either).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from sqlalchemy import Connection, select, update

from server import tables as t
from server.database import insert_if_new
from server.devices import DeviceRow
from server.feed import Changes, ga_change
from sync.protocol import Event, TicketResponse

REFUND_KINDS: Final = ("refund", "cancellation")
REPRINT: Final = "reprint"
KINDS: Final = (*REFUND_KINDS, REPRINT)

Incidents = list[tuple[str, dict[str, Any]]]


def applies(event: Event) -> bool:
    """An after-sale event this module acts on (not one of training mode)."""
    return event.kind in KINDS and event.record.get("training") is not True


def effects(
    conn: Connection, device: DeviceRow, event: Event, changes: Changes, now: datetime
) -> Incidents:
    """The event's effects (see the module docstring) and the incidents they raise."""
    if event.kind == REPRINT:
        return _reprint(conn, event, now)
    return _refund(conn, device, event, changes, now)


def sale_of(event: Event) -> str | None:
    """The sale an after-sale event corrects (its incidents name it), else None."""
    sale = event.record.get("sale")
    return sale if event.kind in KINDS and isinstance(sale, str) else None


def sale_tickets(conn: Connection, event: Event, now: datetime) -> None:
    """A sale's barcodes, valid, when its record carries them (``barcodes``, one per entry of
    ``tickets``)."""
    numbers, barcodes = event.record.get("tickets"), event.record.get("barcodes")
    if not isinstance(numbers, list) or not isinstance(barcodes, list):
        return
    for number, barcode in zip(numbers, barcodes, strict=False):
        if isinstance(number, int) and isinstance(barcode, str) and barcode:
            insert_if_new(conn, t.ticket, _ticket(barcode, event.event_id, number, event, now))


def _ticket(
    barcode: str, sale_id: str, number: int, event: Event, now: datetime, **values: Any
) -> dict[str, Any]:
    return {
        "barcode": barcode,
        "sale_id": sale_id,
        "number": number,
        "state": "valid",
        "reason": None,
        "replaced_by": None,
        "event_id": event.event_id,
        "updated_at": now,
        **values,
    }


def _text(record: dict[str, Any], key: str) -> str:
    value = record.get(key)
    return value if isinstance(value, str) else ""


def _reprint(conn: Connection, event: Event, now: datetime) -> Incidents:
    record: dict[str, Any] = dict(event.record)
    sale_id, old, new = (_text(record, k) for k in ("sale", "voided_barcode", "barcode"))
    number = record.get("ticket")
    where = {"sale": sale_id, "ticket": number, "voided_barcode": old, "barcode": new}
    if not (sale_id and old and new and isinstance(number, int)):
        return [("reprint_unreadable", where)]
    if conn.execute(select(t.sale.c.id).where(t.sale.c.id == sale_id)).first() is None:
        incidents: Incidents = [("reprint_unknown_sale", where)]
    else:
        incidents = []
    refunded = conn.scalar(
        select(t.ticket.c.reason).where(
            t.ticket.c.barcode == old, t.ticket.c.reason.in_(["refunded", "cancelled"])
        )
    )
    void = {"state": "void", "reason": "reprinted", "replaced_by": new}
    if not insert_if_new(conn, t.ticket, _ticket(old, sale_id, number, event, now, **void)):
        conn.execute(
            update(t.ticket)
            .where(t.ticket.c.barcode == old, t.ticket.c.state == "valid")
            .values(**void, event_id=event.event_id, updated_at=now)
        )
    # A DUPLICATA of a ticket refunded already gives no entry either (the till refuses to
    # print one: an incident when it comes all the same).
    still = {} if refunded is None else {"state": "void", "reason": refunded}
    if refunded is not None:
        incidents.append(("reprint_of_void_ticket", where))
    if not insert_if_new(conn, t.ticket, _ticket(new, sale_id, number, event, now, **still)):
        incidents.append(("barcode_taken", where))
    return incidents


def _refund(
    conn: Connection, device: DeviceRow, event: Event, changes: Changes, now: datetime
) -> Incidents:
    record: dict[str, Any] = dict(event.record)
    sale_id = _text(record, "sale")
    reason = "cancelled" if event.kind == "cancellation" else "refunded"
    numbers = [n for n in record.get("original_tickets") or [] if isinstance(n, int)]
    if numbers:
        conn.execute(
            update(t.ticket)
            .where(
                t.ticket.c.sale_id == sale_id,
                t.ticket.c.number.in_(numbers),
                t.ticket.c.state == "valid",
            )
            .values(state="void", reason=reason, event_id=event.event_id, updated_at=now)
        )
    incidents: Incidents = []
    refund = _Refund(conn, changes, device, event, sale_id)
    places = record.get("returned_places")
    for index, place in enumerate(places if isinstance(places, list) else []):
        if not isinstance(place, dict):
            continue
        performance_id = _text(place, "performance")
        where = {"sale": sale_id, "returned": index, "performance": performance_id}
        seat_id, zone_id, count = _text(place, "seat"), _text(place, "zone"), place.get("places")
        if seat_id:
            incidents += _free_seat(refund, performance_id, seat_id, where)
        elif zone_id and isinstance(count, int) and count > 0:
            incidents += _free_places(refund, performance_id, zone_id, count, where)
        else:
            incidents.append(("refund_unreadable", where))
    return incidents


def _own_active_lease(conn: Connection, lease_id: str | None, device: DeviceRow) -> str | None:
    """``lease_id`` when it is an active lease of this till, else None (the central pool)."""
    if lease_id is None:
        return None
    row = conn.execute(
        select(t.lease.c.device_id, t.lease.c.state).where(t.lease.c.id == lease_id)
    ).one_or_none()
    return (
        lease_id
        if row is not None and row.device_id == device.id and row.state == "active"
        else None
    )


@dataclass(frozen=True, slots=True)
class _Refund:
    """One refund or cancellation event being applied, in its transaction."""

    conn: Connection
    changes: Changes
    device: DeviceRow
    event: Event
    sale_id: str


def _free_seat(
    refund: _Refund, performance_id: str, seat_id: str, where: dict[str, Any]
) -> Incidents:
    conn, sale_id = refund.conn, refund.sale_id
    where = {**where, "seat_id": seat_id}
    ss, inv = t.sold_seat.c, t.seat_inventory.c
    key = (inv.performance_id == performance_id, inv.seat_id == seat_id)
    statement = select(inv.state, inv.sale_id, inv.lease_id).where(*key)
    if conn.dialect.name == "postgresql":
        statement = statement.with_for_update()
    seat = conn.execute(statement).one_or_none()
    if seat is None or seat.state != "sold" or seat.sale_id != sale_id:
        found = None if seat is None else {"state": seat.state, "sale": seat.sale_id}
        return [("refund_not_sold", {**where, "server_has": found})]
    given_back = conn.execute(
        update(t.sold_seat)
        .where(
            ss.sale_id == sale_id,
            ss.performance_id == performance_id,
            ss.seat_id == seat_id,
            ss.live.is_(True),
        )
        .values(live=False, refunded_by=refund.event.event_id)
    )
    if given_back.rowcount != 1:  # sold to the sale in the pool, yet not by a live row
        return [("refund_not_sold", {**where, "server_has": {"state": "sold", "sale": sale_id}})]
    lease_id = _own_active_lease(conn, seat.lease_id, refund.device)
    conn.execute(
        update(t.seat_inventory)
        .where(*key)
        .values(state="free", sale_id=None, lease_id=lease_id, version=inv.version + 1)
    )
    refund.changes.seat(performance_id, seat_id, "free", lease_id)
    return []


def _free_places(
    refund: _Refund, performance_id: str, zone_id: str, count: int, where: dict[str, Any]
) -> Incidents:
    conn, sale_id = refund.conn, refund.sale_id
    where = {**where, "zone_id": zone_id, "count": count}
    sp, q = t.sold_places.c, t.ga_quota.c
    given_back = conn.execute(
        update(t.sold_places)
        .where(
            sp.sale_id == sale_id,
            sp.performance_id == performance_id,
            sp.zone_id == zone_id,
            sp.live.is_(True),
            sp.refunded + count <= sp.count,
        )
        .values(refunded=sp.refunded + count)
    )
    if given_back.rowcount != 1:
        return [("refund_not_sold", where)]
    sold_from = conn.scalar(
        select(t.device_event.c.lease_id).where(t.device_event.c.event_id == sale_id)
    )
    lease_id = _own_active_lease(conn, sold_from, refund.device)
    into_lease = False
    if lease_id is not None:
        lp = t.lease_places.c
        into_lease = (
            conn.execute(
                update(t.lease_places)
                .where(lp.lease_id == lease_id, lp.zone_id == zone_id, lp.used >= count)
                .values(used=lp.used - count)
            ).rowcount
            == 1
        )
    key = (q.performance_id == performance_id, q.zone_id == zone_id, q.sold >= count)
    values: dict[str, Any] = {"sold": q.sold - count, "version": q.version + 1}
    if into_lease:
        values["leased"] = q.leased + count
    conn.execute(update(t.ga_quota).where(*key).values(**values))
    ga_change(refund.changes, conn, performance_id, zone_id)
    return []


def ticket(conn: Connection, barcode: str, now: datetime) -> TicketResponse:
    """What access control answers for ``barcode``: valid, void (and why) or unknown."""
    row = conn.execute(select(t.ticket).where(t.ticket.c.barcode == barcode)).one_or_none()
    if row is None:
        return TicketResponse(server_time=now, barcode=barcode, state="unknown")
    return TicketResponse(
        server_time=now,
        barcode=barcode,
        state="valid" if row.state == "valid" else "void",
        reason=row.reason,
        replaced_by=row.replaced_by,
        sale_id=row.sale_id,
        ticket=row.number,
    )
