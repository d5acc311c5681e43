"""Exactly-once upload of a till's events (``POST /v1/sync/events``, notes/sync.md §7).

Per event, one transaction: ``INSERT ... ON CONFLICT DO NOTHING`` into the inbox, whose keys
``(device_id, device_seq)`` and ``event_id`` are permanent. When the row existed, the same
content is ``duplicate`` and other content ``hash_mismatch`` (the first version is kept, an
incident raised). A new event right after the last contiguous one is processed in the same
transaction (seats sold, counts moved, the sale stored); one after a gap waits, and
``acked_through_seq`` stays at the last contiguous seq so the till sends what is missing.

A sale that took money is never refused: a seat sold twice, a sale outside or after its lease,
a broken chain — each is stored and raised as an incident. Nor is a refund, a cancellation or a
reprint: `server.after_sale` frees their seats and places and voids their barcodes. Only what
is not an event at all (``malformed``) is left out, and nothing of it is stored.

The fiscal chain: every event carries its journal link; the batch may carry the other journal
entries. The server re-hashes each record (`domain.journal.link_hash` over RFC 8785), stores
the entries, and walks each till's chain from its last verified (seq, hash): an entry that does
not link, or a seq seen before with another hash (a till that lost its tail and wrote it
again), is an incident.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any, Final

from pydantic import ValidationError
from sqlalchemy import Connection, Engine, insert, select, update

from domain.errors import DomainError
from domain.journal import canonical_json, check_record, link_hash
from domain.venue import PhysicalLayout
from server import after_sale, pickups
from server import tables as t
from server.catalog import Catalog
from server.database import insert_all_if_new, insert_if_new, write
from server.devices import DeviceRow, lock_device, raise_incident
from server.feed import Changes, ga_change
from sync.protocol import Event, EventOutcome, EventResult, JournalEntryWire, JournalLink

CLOCK_SKEW: Final = timedelta(minutes=5)  # device and server clocks further apart: flagged


class _Malformed(Exception):
    pass


def _first_error(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg']}" if where else str(first["msg"])


def parse_event(raw: object, device: DeviceRow) -> Event:
    """The event in ``raw`` or `_Malformed` saying what is wrong with it."""
    try:
        found = Event.model_validate(raw)
    except ValidationError as exc:
        raise _Malformed(_first_error(exc)) from None
    try:
        check_record(found.record)
    except DomainError as exc:
        raise _Malformed(f"record: {exc}") from None
    if found.record.get("type") != found.kind:
        raise _Malformed(f"record: its type is not the event's kind {found.kind!r}")
    if found.kind == "sale":
        # The record names the till as its journal does: its point of sale (or its name).
        if found.record.get("till") not in (device.name, device.point_of_sale):
            raise _Malformed(
                f"record: a sale of till {found.record.get('till')!r}, not of this one"
            )
        if found.record.get("sale") != found.event_id:
            raise _Malformed("record: a sale's event_id is its sale UUID")
    return found


def _parsed(raw: object, device: DeviceRow) -> Event | EventResult:
    """The event in ``raw``, or its ``malformed`` result."""
    try:
        return parse_event(raw, device)
    except _Malformed as exc:
        seq = raw.get("device_seq") if isinstance(raw, dict) else None
        event_id = raw.get("event_id") if isinstance(raw, dict) else None
        return EventResult(
            device_seq=seq if isinstance(seq, int) else None,
            event_id=event_id if isinstance(event_id, str) else None,
            result=EventOutcome.MALFORMED,
            detail=str(exc),
        )


def ingest(
    engine: Engine,
    catalog: Catalog,
    device_id: str,
    raw_events: Sequence[object],
    journal: Sequence[JournalEntryWire],
    now: datetime,
) -> tuple[list[EventResult], int, int]:
    """Store and process a batch; (per-event results, acked_through_seq,
    journal_verified_through)."""
    with write(engine) as conn:
        device = lock_device(conn, device_id)
        if journal:
            entries = [
                (e.seq, e.prev_hash, e.hash, canonical_json(e.record).decode()) for e in journal
            ]
            _store_journal_entries(conn, device, entries, now)
            _advance_chain(conn, device_id, now)
    parsed: list[Event | EventResult] = [_parsed(raw, device) for raw in raw_events]
    events = [x for x in parsed if isinstance(x, Event)]
    results: list[EventResult] | None = None
    if events and len(events) == len(parsed):
        try:
            with write(engine) as conn:
                results = _ingest_batch(conn, catalog, lock_device(conn, device_id), events, now)
        except _OneByOne:
            results = None
    if results is None:
        results = []
        for found in parsed:
            if isinstance(found, EventResult):
                results.append(found)
                continue
            with write(engine) as conn:
                results.append(_one(conn, catalog, device_id, found, now))
    _drain_waiting(engine, catalog, device_id, now)
    with write(engine) as conn:
        final = lock_device(conn, device_id)
    return results, final.acked_seq, final.journal_seq


def _one(
    conn: Connection, catalog: Catalog, device_id: str, event: Event, now: datetime
) -> EventResult:
    device = lock_device(conn, device_id)
    record = canonical_json(event.record).decode()

    def result(outcome: EventOutcome, detail: str = "", incident: bool = False) -> EventResult:
        return EventResult(
            device_seq=event.device_seq,
            event_id=event.event_id,
            result=outcome,
            detail=detail,
            incident=incident,
        )

    contiguous = event.device_seq == device.acked_seq + 1
    inserted = insert_if_new(
        conn,
        t.device_event,
        _event_row(device, event, record, "processed" if contiguous else "waiting", now),
    )
    if not inserted:
        return _existing(conn, device, event, record, now, result)
    if not contiguous:
        return result(EventOutcome.WAITING, f"device_seq {device.acked_seq + 1} is missing")
    incident = _process(conn, catalog, device, event, record, now)
    return result(EventOutcome.STORED, incident=incident)


def _existing(
    conn: Connection,
    device: DeviceRow,
    event: Event,
    record: str,
    now: datetime,
    result: Callable[..., EventResult],
) -> EventResult:
    by_seq = conn.execute(
        select(t.device_event).where(
            t.device_event.c.device_id == device.id,
            t.device_event.c.device_seq == event.device_seq,
        )
    ).one_or_none()
    if by_seq is None:  # the event_id is taken by another event (another seq or till)
        raise_incident(
            conn,
            now,
            "event_id_reused",
            {"event_id": event.event_id, "device_seq": event.device_seq},
            device_id=device.id,
            event_id=event.event_id,
        )
        return result(EventOutcome.HASH_MISMATCH, "this event_id belongs to another event", True)
    same = (
        by_seq.event_id == event.event_id
        and by_seq.hash == event.journal.hash
        and by_seq.record == record
        and by_seq.journal_seq == event.journal.seq
    )
    if not same:
        raise_incident(
            conn,
            now,
            "event_rewritten",
            {
                "device_seq": event.device_seq,
                "kept_hash": by_seq.hash,
                "sent_hash": event.journal.hash,
            },
            device_id=device.id,
            event_id=by_seq.event_id,
        )
        return result(
            EventOutcome.HASH_MISMATCH,
            f"device_seq {event.device_seq} was stored with other content: the first is kept",
            True,
        )
    if by_seq.process_state == "waiting":
        return result(EventOutcome.WAITING, f"device_seq {device.acked_seq + 1} is missing")
    return result(EventOutcome.DUPLICATE)


def _drain_waiting(engine: Engine, catalog: Catalog, device_id: str, now: datetime) -> None:
    """Events that waited for a gap now filled, each in its own transaction."""
    while True:
        with write(engine) as conn:
            device = lock_device(conn, device_id)
            row = conn.execute(
                select(t.device_event).where(
                    t.device_event.c.device_id == device_id,
                    t.device_event.c.device_seq == device.acked_seq + 1,
                    t.device_event.c.process_state == "waiting",
                )
            ).one_or_none()
            if row is None:
                return
            event = Event(
                device_seq=row.device_seq,
                event_id=row.event_id,
                kind=row.kind,
                record=json.loads(row.record),
                journal=JournalLink(seq=row.journal_seq, prev_hash=row.prev_hash, hash=row.hash),
                lease_id=row.lease_id,
                lease_epoch=row.lease_epoch,
                device_time=row.device_time,
            )
            conn.execute(
                update(t.device_event)
                .where(t.device_event.c.event_id == row.event_id)
                .values(process_state="processed")
            )
            _process(conn, catalog, device, event, row.record, now)


def _process(
    conn: Connection, catalog: Catalog, device: DeviceRow, event: Event, record: str, now: datetime
) -> bool:
    """The effects of a new, contiguous event; True when it raised an incident."""
    kept = _store_journal_entry(
        conn, device, event.journal.seq, event.journal.prev_hash, event.journal.hash, record, now
    )
    changes = Changes()
    incidents = _effects(conn, catalog, device, event, record, kept, changes, now)
    changes.flush(conn, now)
    _record_incidents(conn, device, event, incidents, now)
    _advance_chain(conn, device.id, now, {"acked_seq": event.device_seq})
    return bool(incidents)


def _effects(
    conn: Connection,
    catalog: Catalog,
    device: DeviceRow,
    event: Event,
    record: str,
    journal_kept: bool,
    changes: Changes,
    now: datetime,
    sale_created: bool | None = None,
) -> list[tuple[str, dict[str, Any]]]:
    """What a new event does (a sale's seats and counts) and the incidents it raises;
    ``sale_created``: the caller stored the sale row already (True: new)."""
    incidents: list[tuple[str, dict[str, Any]]] = []
    if link_hash(event.journal.prev_hash, record.encode()) != event.journal.hash:
        incidents.append(("journal_hash_invalid", {"journal_seq": event.journal.seq}))
    if not journal_kept:
        incidents.append(("journal_rewritten", {"journal_seq": event.journal.seq}))
    if event.device_time is not None and abs(event.device_time - now) > CLOCK_SKEW:
        incidents.append(
            (
                "clock_skew",
                {"device_time": event.device_time.isoformat(), "server_time": now.isoformat()},
            )
        )
    if _real_sale(event):
        incidents += _sale_effects(conn, catalog, device, event, changes, now, sale_created)
        after_sale.sale_tickets(conn, event, now)
    elif after_sale.applies(event):
        incidents += after_sale.effects(conn, device, event, changes, now)
    elif pickups.applies(event):
        incidents += pickups.effects(conn, device, event, changes, now)
    return incidents


def _real_sale(event: Event) -> bool:
    """A sale, and not one of the till's training mode (its record says ``"training":
    true``): a training sale is kept with the till's journal and sells nothing here."""
    return event.kind == "sale" and event.record.get("training") is not True


def _record_incidents(
    conn: Connection,
    device: DeviceRow,
    event: Event,
    incidents: list[tuple[str, dict[str, Any]]],
    now: datetime,
) -> None:
    if not incidents:
        return
    conn.execute(
        update(t.device_event)
        .where(t.device_event.c.event_id == event.event_id)
        .values(process_state="incident")
    )
    for kind, detail in incidents:
        raise_incident(
            conn,
            now,
            kind,
            detail,
            device_id=device.id,
            event_id=event.event_id,
            sale_id=(
                event.event_id
                if event.kind == "sale"
                else after_sale.sale_of(event) or pickups.sale_of(event)
            ),
        )


class _OneByOne(Exception):
    """The batch is not the plain case: take its events one transaction each."""


def _ingest_batch(
    conn: Connection, catalog: Catalog, device: DeviceRow, events: Sequence[Event], now: datetime
) -> list[EventResult]:
    """The plain case of an upload, in one transaction with bulk inserts: every event new
    and contiguous after the last acknowledged one. Each event is still all or nothing (the
    transaction is); anything else raises `_OneByOne` before a thing is kept."""
    first = device.acked_seq + 1
    if [e.device_seq for e in events] != list(range(first, first + len(events))):
        raise _OneByOne()
    records = [canonical_json(e.record).decode() for e in events]
    stored = insert_all_if_new(
        conn,
        t.device_event,
        [_event_row(device, e, r, "processed", now) for e, r in zip(events, records, strict=True)],
    )
    if len(stored) != len(events):
        raise _OneByOne()  # a duplicate, a rewrite, a reused id: each needs its own answer
    entries = [
        (e.journal.seq, e.journal.prev_hash, e.journal.hash, r)
        for e, r in zip(events, records, strict=True)
    ]
    kept = _store_journal_entries(conn, device, entries, now)
    sales = [e for e in events if _real_sale(e)]
    created = set(insert_all_if_new(conn, t.sale, [_sale_row(device, e, now) for e in sales]))
    changes = Changes()
    results = []
    for event, record in zip(events, records, strict=True):
        incidents = _effects(
            conn,
            catalog,
            device,
            event,
            record,
            event.journal.seq in kept,
            changes,
            now,
            sale_created=event.event_id in created if event.kind == "sale" else None,
        )
        _record_incidents(conn, device, event, incidents, now)
        results.append(
            EventResult(
                device_seq=event.device_seq,
                event_id=event.event_id,
                result=EventOutcome.STORED,
                incident=bool(incidents),
            )
        )
    changes.flush(conn, now)
    _advance_chain(conn, device.id, now, {"acked_seq": events[-1].device_seq})
    return results


def _event_row(
    device: DeviceRow, event: Event, record: str, state: str, now: datetime
) -> dict[str, Any]:
    return {
        "event_id": event.event_id,
        "device_id": device.id,
        "device_seq": event.device_seq,
        "kind": event.kind,
        "record": record,
        "journal_seq": event.journal.seq,
        "prev_hash": event.journal.prev_hash,
        "hash": event.journal.hash,
        "lease_id": event.lease_id,
        "lease_epoch": event.lease_epoch,
        "device_time": event.device_time,
        "received_at": now,
        "process_state": state,
    }


def _store_journal_entries(
    conn: Connection,
    device: DeviceRow,
    entries: Sequence[tuple[int, str, str, str]],
    now: datetime,
) -> set[int]:
    """`_store_journal_entry` for many (seq, prev_hash, hash, record): the seqs kept as sent
    (new, or known with the same hash)."""
    rows = [
        {
            "device_id": device.id,
            "seq": seq,
            "prev_hash": prev,
            "hash": hash_,
            "record": record,
            "received_at": now,
        }
        for seq, prev, hash_, record in entries
    ]
    insert_all_if_new(conn, t.journal_entry, rows)
    found = conn.execute(
        select(t.journal_entry.c.seq, t.journal_entry.c.hash).where(
            t.journal_entry.c.device_id == device.id,
            t.journal_entry.c.seq.in_([seq for seq, *_ in entries]),
        )
    )
    known = {seq: hash_ for seq, hash_ in found}
    kept = set()
    for seq, _prev, hash_, _record in entries:
        if known.get(seq) == hash_:
            kept.add(seq)
        else:
            raise_incident(
                conn,
                now,
                "journal_rewritten",
                {"journal_seq": seq, "kept_hash": known.get(seq), "sent_hash": hash_},
                device_id=device.id,
            )
    return kept


def _store_journal_entry(
    conn: Connection,
    device: DeviceRow,
    seq: int,
    prev_hash: str,
    hash_: str,
    record: str,
    now: datetime,
) -> bool:
    """Keep an entry of the till's chain; False when that seq is known with another hash."""
    return seq in _store_journal_entries(conn, device, [(seq, prev_hash, hash_, record)], now)


def _advance_chain(
    conn: Connection, device_id: str, now: datetime, also: dict[str, int] | None = None
) -> None:
    """Walk the chain from the last verified entry as far as entries are contiguous, and
    store the new head (with ``also``, other device columns, in the same UPDATE)."""
    row = conn.execute(
        select(t.device.c.journal_seq, t.device.c.journal_hash).where(t.device.c.id == device_id)
    ).one()
    seq, last = row.journal_seq, row.journal_hash
    entries = conn.execute(
        select(t.journal_entry)
        .where(t.journal_entry.c.device_id == device_id, t.journal_entry.c.seq > seq)
        .order_by(t.journal_entry.c.seq)
    ).all()
    for entry in entries:
        if entry.seq != seq + 1:
            break
        linked = entry.prev_hash == last
        if not linked or link_hash(entry.prev_hash, entry.record.encode()) != entry.hash:
            raise_incident(
                conn,
                now,
                "journal_chain_broken",
                {"journal_seq": entry.seq},
                device_id=device_id,
            )
        seq, last = entry.seq, entry.hash
    values: dict[str, object] = dict(also or {})
    if seq != row.journal_seq:
        values.update(journal_seq=seq, journal_hash=last)
    if values:
        conn.execute(update(t.device).where(t.device.c.id == device_id).values(**values))


# --- a sale's effects --------------------------------------------------------------------


def _lines(record: dict[str, Any]) -> list[dict[str, Any]]:
    lines = record.get("lines")
    return [line for line in lines if isinstance(line, dict)] if isinstance(lines, list) else []


def _sale_effects(
    conn: Connection,
    catalog: Catalog,
    device: DeviceRow,
    event: Event,
    changes: Changes,
    now: datetime,
    created: bool | None = None,
) -> list[tuple[str, dict[str, Any]]]:
    """Store the sale (unless the caller did: ``created``) and mark its places sold; the
    incidents that raised."""
    record: dict[str, Any] = dict(event.record)
    if created is None:
        created = insert_if_new(conn, t.sale, _sale_row(device, event, now))
    if not created:  # sold online already: its seats were sold then
        conn.execute(
            update(t.sale).where(t.sale.c.id == event.event_id).values(event_id=event.event_id)
        )
        return []
    incidents: list[tuple[str, dict[str, Any]]] = []
    lease = None
    if event.lease_id is not None:
        lease = conn.execute(select(t.lease).where(t.lease.c.id == event.lease_id)).one_or_none()
    # Standing places per zone: a sale may hold several lines of one zone (two tariffs, say),
    # sold and stored as one count (``sold_places`` has a row per sale and zone).
    places: dict[tuple[str, str], tuple[int, dict[str, Any]]] = {}
    for index, line in enumerate(_lines(record)):
        performance_id = str(line.get("performance", ""))
        place = str(line.get("seat", ""))
        quantity = line.get("quantity", 1)
        where = {"line": index, "performance": performance_id, "place": place}
        try:
            performance = catalog.performance(conn, performance_id)
            layout = catalog.layout(conn, performance.logical_layout_id)
        except Exception:
            incidents.append(("unknown_performance", where))
            continue
        seat_id = _seat_id(layout.physical, place)
        if seat_id is not None:
            incidents += _sell_seat(
                conn, changes, device, event, lease, performance_id, seat_id, where
            )
            continue
        zone_id = next((z.id for z in layout.physical.ga_zones if place in (z.id, z.name)), None)
        if zone_id is None or not isinstance(quantity, int) or quantity < 1:
            incidents.append(("unknown_place", where))
            continue
        count, first = places.get((performance_id, zone_id), (0, where))
        places[(performance_id, zone_id)] = (count + quantity, first)
    for (performance_id, zone_id), (count, where) in places.items():
        incidents += _sell_places(
            conn, changes, device, event, lease, performance_id, zone_id, count, where
        )
    return incidents


def _sale_row(device: DeviceRow, event: Event, now: datetime) -> dict[str, Any]:
    amount = event.record.get("total")
    minor = amount.get("minor") if isinstance(amount, dict) else None
    currency = amount.get("currency") if isinstance(amount, dict) else None
    return dict(
        id=event.event_id,
        device_id=device.id,
        source="offline",
        request_hash=event.journal.hash,
        total_minor=minor if isinstance(minor, int) else 0,
        currency=currency if isinstance(currency, str) else "XXX",
        document=canonical_json(event.record).decode(),
        created_at=now,
        event_id=event.event_id,
    )


_LABELS: dict[int, tuple[PhysicalLayout, dict[str, str | None]]] = {}


def _seat_id(physical: PhysicalLayout, place: str) -> str | None:
    """A record names a seat by its label ("zone - row - number") or its id; a label two
    seats share names none."""
    if physical.has_seat(place):
        return place
    cached = _LABELS.get(id(physical))
    if cached is None or cached[0] is not physical:
        labels: dict[str, str | None] = {}
        for seat in physical.seats:
            labels[seat.label] = None if seat.label in labels else seat.id
        if len(_LABELS) > 100:
            _LABELS.clear()
        cached = _LABELS[id(physical)] = (physical, labels)
    return cached[1].get(place)


def _lease_ok(lease: Any, device: DeviceRow, performance_id: str) -> str | None:
    """None when the event's lease lets this till sell this performance offline; otherwise
    the incident's kind."""
    if lease is None:
        return "sale_outside_lease"
    if lease.device_id != device.id or lease.performance_id != performance_id:
        return "sale_outside_lease"
    if lease.state != "active":
        return "sale_after_revocation"
    return None


def _sell_seat(
    conn: Connection,
    changes: Changes,
    device: DeviceRow,
    event: Event,
    lease: Any,
    performance_id: str,
    seat_id: str,
    where: dict[str, Any],
) -> list[tuple[str, dict[str, Any]]]:
    incidents: list[tuple[str, dict[str, Any]]] = []
    statement = select(t.seat_inventory).where(
        t.seat_inventory.c.performance_id == performance_id,
        t.seat_inventory.c.seat_id == seat_id,
    )
    if conn.dialect.name == "postgresql":
        statement = statement.with_for_update()
    row = conn.execute(statement).one_or_none()
    if row is None:
        return [("unknown_place", where)]
    problem = _lease_ok(lease, device, performance_id)
    if problem is None and row.lease_id != lease.id:
        problem = "sale_outside_lease"
    if problem is not None:
        incidents.append((problem, {**where, "seat_id": seat_id}))
    live = row.state != "sold"
    if live:
        conn.execute(
            update(t.seat_inventory)
            .where(
                t.seat_inventory.c.performance_id == performance_id,
                t.seat_inventory.c.seat_id == seat_id,
            )
            .values(
                state="sold",
                sale_id=event.event_id,
                hold_token=None,
                hold_expires_at=None,
                version=t.seat_inventory.c.version + 1,
            )
        )
        changes.seat(performance_id, seat_id, "sold", row.lease_id)
    else:
        incidents.append(
            ("seat_sold_twice", {**where, "seat_id": seat_id, "other_sale": row.sale_id})
        )
    conn.execute(
        insert(t.sold_seat).values(
            sale_id=event.event_id, performance_id=performance_id, seat_id=seat_id, live=live
        )
    )
    return incidents


def _sell_places(
    conn: Connection,
    changes: Changes,
    device: DeviceRow,
    event: Event,
    lease: Any,
    performance_id: str,
    zone_id: str,
    count: int,
    where: dict[str, Any],
) -> list[tuple[str, dict[str, Any]]]:
    quota = t.ga_quota
    problem = _lease_ok(lease, device, performance_id)
    from_lease = False
    if problem is None:
        used = conn.execute(
            update(t.lease_places)
            .where(
                t.lease_places.c.lease_id == lease.id,
                t.lease_places.c.zone_id == zone_id,
                t.lease_places.c.used + count <= t.lease_places.c.count,
            )
            .values(used=t.lease_places.c.used + count)
        )
        from_lease = used.rowcount == 1
        if not from_lease:
            problem = "sale_outside_lease"
    key = (quota.c.performance_id == performance_id, quota.c.zone_id == zone_id)
    if from_lease:
        moved = conn.execute(
            update(quota)
            .where(*key, quota.c.leased >= count)
            .values(
                leased=quota.c.leased - count,
                sold=quota.c.sold + count,
                version=quota.c.version + 1,
            )
        )
    else:
        moved = conn.execute(
            update(quota)
            .where(*key, quota.c.sold + quota.c.leased + quota.c.held + count <= quota.c.size)
            .values(sold=quota.c.sold + count, version=quota.c.version + 1)
        )
    incidents: list[tuple[str, dict[str, Any]]] = []
    if problem is not None:
        incidents.append((problem, {**where, "zone_id": zone_id}))
    live = moved.rowcount == 1
    if live:
        ga_change(changes, conn, performance_id, zone_id)
    else:
        incidents.append(("places_oversold", {**where, "zone_id": zone_id, "count": count}))
    conn.execute(
        insert(t.sold_places).values(
            sale_id=event.event_id,
            performance_id=performance_id,
            zone_id=zone_id,
            count=count,
            live=live,
        )
    )
    return incidents
