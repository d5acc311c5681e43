"""The sync's invariants I1–I7 (notes/sync.md §10) as one checker over the server's database
and the tills' databases: `check_invariants(server, tills)`.

It reads the server's tables with plain SQL and each till's database through its repositories
(its outbox, its journal), and computes what it expects from the demo catalog
(`planfiles.demo_catalog`), not from the server's code. Every broken invariant is collected,
then raised at once as `InvariantBroken` naming it ("I3 ...").

- **I1** no seat has two live sales: on the server, at most one live ``sold_seat`` per seat, a
  live sale's seat is ``sold`` to that very sale, and a seat sold by a till's sale has that
  sale's live row; a refunded row (``refunded_by``) is never live, so a refunded seat is free
  or resold; across the tills given, no seat is in two tills' (or two) sale records, a seat a
  refund or cancellation gave back counting for its sale no more.
- **I2** every event committed on a till exists exactly once on the server after sync: the
  server's events of the till are its outbox, seq for seq, message for message, with the
  journal hash the till wrote; each sale event is one ``sale`` row. With ``synced=False``
  (the network may be cut, an answer lost) only what the till marked acknowledged must be there.
- **I3** each till's ``device_seq`` is gap-free on the server: the processed events are
  1..n, ``acked_seq`` is n, and an event waiting is past a gap (after sync: none waits).
- **I4** ``sold + leased + held <= size`` per GA quota, none negative; ``sold`` is the sum
  of the live places sold less those refunded and ``leased`` what the open leases still hold.
- **I5** every device chain verifies (`domain.journal.verify`): the server's copy through its
  verified head, the till's whole journal against its head, the server's a prefix of the
  till's (after sync: at least through the last event's entry — the till may journal its link
  coming back after it uploaded). A test till that sent a broken chain on purpose passes only
  if the server raised each break as an incident (it goes on past it, as it should).
- **I6** free + held + sold + blocked + quarantined + leased = capacity per performance:
  the server has one row per seat of the layout (no more, none missing), a leased seat points
  at an open lease of its performance, and a GA quota's size is its zone's capacity.
- **I7** closings do not exist yet (issue 11). Instead: the server's stored sales of each
  till, sale for sale and in total per currency, equal the till's journal sale records; after
  sync the totals are net of refunds and cancellations (the server's stored events, the
  till's journal records).

The server-wide checks (I1, I3 and I5 on every device, I4, I6) cover every test's data;
``performances`` narrows I1/I4/I6 to those performances and I3/I5 to the tills given, for a
test that checks after every step.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any, Protocol

from sqlalchemy import Connection, Engine, select

from app.services.ports import UnitOfWorkFactory
from domain.journal import Head, JournalEntry, link_hash, verify
from planfiles.demo_catalog import load_demo_catalog
from server import tables as t
from tests.fakes import PINNED_MOMENT

DEMO = load_demo_catalog(PINNED_MOMENT.date())
CORRECTIONS = ("refund", "cancellation")  # domain.ledger's shape; they give seats back
DEMO_OWNER = "demo:other-channels"  # the demo's seats sold by other channels (no sale row)
OPEN_LEASE = ("active", "revoking")


class InvariantBroken(AssertionError):
    pass


@dataclass(frozen=True, slots=True)
class TillSide:
    """A till's database as the checker reads it: its repositories, its point of sale (the
    journal's and the outbox's key) and the device id the server knows it by (None when it
    never enrolled)."""

    name: str
    device_id: str | None
    uow_factory: UnitOfWorkFactory
    point_of_sale: str = "G1"


class _AppTill(Protocol):  # tests' DemoTill: a till built by app.composition.open_till
    name: str

    @property
    def services(self) -> Any: ...

    @property
    def syncing(self) -> Any: ...


def till_side(till: _AppTill | TillSide) -> TillSide:
    if isinstance(till, TillSide):
        return till
    link = till.syncing.link()
    return TillSide(till.name, None if link is None else link.device_id, till.services.uow_factory)


@dataclass
class _TillData:
    side: TillSide
    outbox: list[tuple[int, str]]  # (device_seq, message_id), every row
    acked: set[int]  # device_seqs the till marked acknowledged
    entries: list[JournalEntry]
    head: Head | None
    sales: dict[str, tuple[int, str]]  # sale id -> (total minor, currency), from the journal
    seats: list[tuple[str, str, str]]  # (performance, seat, sale) of each seat still sold
    refunds: Counter[str]  # per currency, what the refunds and cancellations gave back


def _read_till(side: TillSide) -> _TillData:
    pos = side.point_of_sale
    with side.uow_factory(read_only=True) as uow:
        outbox = [(seq, message) for seq, message, _kind in uow.sales.outbox(pos)]
        unacked = {p.device_seq for p in uow.sync.pending(pos, 1_000_000)}
        entries = list(uow.journal.entries(pos))
        head = uow.journal.head(pos)
    sales: dict[str, tuple[int, str]] = {}
    seats: list[tuple[str, str, str]] = []
    refunded: set[tuple[str, str, str]] = set()
    refunds: Counter[str] = Counter()
    for entry in entries:
        record = entry.record
        if record.get("training") is True:
            continue  # a training sale sells nothing, here or on the server
        if record.get("type") in CORRECTIONS:
            refund_total: Any = record["total"]
            refunds[str(refund_total["currency"])] += int(refund_total["minor"])
            returned: Any = record.get("returned_places") or []
            for place in returned:
                if place.get("seat"):
                    refunded.add((str(place["performance"]), str(place["seat"]), record["sale"]))
            continue
        if record.get("type") != "sale":
            continue
        sale = str(record["sale"])
        total: Any = record["total"]
        sales[sale] = (int(total["minor"]), str(total["currency"]))
        lines: Any = record.get("lines") or []
        for line in lines:
            seat = _seat_of(str(line.get("performance", "")), str(line.get("seat", "")))
            if seat is not None:
                seats.append((str(line["performance"]), seat, sale))
    acked = {seq for seq, _ in outbox} - unacked
    seats = [x for x in seats if x not in refunded]  # a refunded seat is this sale's no more
    return _TillData(side, outbox, acked, entries, head, sales, seats, refunds)


def _layouts() -> dict[str, Any]:
    layouts = {x.id: x for x in DEMO.logical_layouts}
    return {p.id: layouts[p.logical_layout_id] for p in DEMO.performances}


LAYOUTS = _layouts()
_LABELS = {
    performance_id: Counter(s.label for s in layout.physical.seats)
    for performance_id, layout in LAYOUTS.items()
}


def _seat_of(performance_id: str, place: str) -> str | None:
    """The seat id a sale line names (by id, or by a label no other seat has); None for
    standing places or a performance the demo does not have."""
    layout = LAYOUTS.get(performance_id)
    if layout is None:
        return None
    for seat in layout.physical.seats:
        if seat.id == place:
            return place
    if _LABELS[performance_id][place] != 1:
        return None
    return next(s.id for s in layout.physical.seats if s.label == place)


@contextmanager
def _connection(server: Engine | Connection) -> Iterator[Connection]:
    if isinstance(server, Connection):
        yield server
        return
    with server.connect() as conn:
        yield conn


def check_invariants(
    server: Engine | Connection,
    tills: Iterable[_AppTill | TillSide] = (),
    *,
    synced: bool = True,
    performances: Collection[str] | None = None,
) -> None:
    """Raise `InvariantBroken` listing every invariant broken (see the module docstring).
    ``synced``: the tills uploaded everything they have (I2, I3, I5, I7 then ask for it all)."""
    data = [_read_till(till_side(x)) for x in tills]
    problems: list[str] = []
    with _connection(server) as conn:
        problems += _i1(conn, data, performances)
        problems += _i2(conn, data, synced)
        problems += _i3(conn, data, synced, everyone=performances is None)
        problems += _i4(conn, performances)
        problems += _i5(conn, data, synced, everyone=performances is None)
        problems += _i6(conn, performances)
        problems += _i7(conn, data, synced)
    if problems:
        shown = problems[:30] + (
            [f"... and {len(problems) - 30} more"] if len(problems) > 30 else []
        )
        raise InvariantBroken("\n".join(shown))


def _in(column: Any, performances: Collection[str] | None) -> list[Any]:
    return [] if performances is None else [column.in_(list(performances))]


def _i1(conn: Connection, data: list[_TillData], performances: Collection[str] | None) -> list[str]:
    problems = []
    ss, inv = t.sold_seat.c, t.seat_inventory.c
    live = conn.execute(
        select(ss.performance_id, ss.seat_id, ss.sale_id).where(
            ss.live.is_(True), *_in(ss.performance_id, performances)
        )
    ).all()
    by_seat: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in live:
        by_seat[(row.performance_id, row.seat_id)].append(row.sale_id)
    state = {
        (r.performance_id, r.seat_id): (r.state, r.sale_id)
        for r in conn.execute(
            select(inv.performance_id, inv.seat_id, inv.state, inv.sale_id).where(
                *_in(inv.performance_id, performances)
            )
        )
    }
    for seat, sales in by_seat.items():
        if len(sales) > 1:
            problems.append(f"I1 seat {seat} has {len(sales)} live sales on the server: {sales}")
        found = state.get(seat)
        if found is None or found[0] != "sold" or found[1] not in sales:
            problems.append(f"I1 seat {seat} has a live sale {sales} but is {found} in the pool")
    for row in conn.execute(
        select(ss.performance_id, ss.seat_id, ss.sale_id).where(
            ss.live.is_(True), ss.refunded_by.is_not(None), *_in(ss.performance_id, performances)
        )
    ):
        problems.append(f"I1 seat {(row.performance_id, row.seat_id)}: refunded yet live")
    for seat, (seat_state, sale) in state.items():
        if seat_state == "sold" and sale != DEMO_OWNER and sale not in by_seat.get(seat, []):
            problems.append(f"I1 seat {seat} is sold to {sale}, which has no live sale of it")
    sellers: dict[tuple[str, str], set[str]] = defaultdict(set)
    for till in data:
        for performance_id, seat_id, sale in till.seats:
            if performances is None or performance_id in performances:
                sellers[(performance_id, seat_id)].add(sale)
    for seat, sales in sellers.items():
        if len(sales) > 1:
            problems.append(f"I1 seat {seat} is in the tills' sale records {sorted(sales)}")
    return problems


def _server_events(conn: Connection, device_id: str) -> list[Any]:
    e = t.device_event.c
    return list(
        conn.execute(
            select(e.device_seq, e.event_id, e.kind, e.journal_seq, e.hash, e.process_state)
            .where(e.device_id == device_id)
            .order_by(e.device_seq)
        )
    )


def _i2(conn: Connection, data: list[_TillData], synced: bool) -> list[str]:
    problems = []
    for till in data:
        device_id = till.side.device_id
        if device_id is None:
            continue
        name = till.side.name
        events = _server_events(conn, device_id)
        on_server = [(r.device_seq, r.event_id) for r in events]
        if len({event_id for _, event_id in on_server}) != len(on_server):
            problems.append(f"I2 till {name}: an event is on the server more than once")
        mine = till.outbox if synced else [x for x in till.outbox if x[0] in till.acked]
        if synced and on_server != till.outbox:
            problems.append(f"I2 till {name}: outbox {till.outbox} but the server has {on_server}")
        elif not set(mine) <= set(on_server):
            missing = sorted(set(mine) - set(on_server))
            problems.append(f"I2 till {name}: acknowledged but not on the server: {missing}")
        if not set(on_server) <= set(till.outbox):
            extra = sorted(set(on_server) - set(till.outbox))
            problems.append(f"I2 till {name}: the server has events the till never made: {extra}")
        if synced and len(till.acked) != len(till.outbox):
            problems.append(f"I2 till {name}: after sync, events are still unacknowledged")
        hashes = {e.seq: e.hash for e in till.entries}
        for row in events:
            if hashes.get(row.journal_seq) != row.hash:
                problems.append(
                    f"I2 till {name}: event {row.device_seq} has hash {row.hash[:12]} on the "
                    f"server, the till's journal entry {row.journal_seq} another"
                )
        sale_ids = [r.event_id for r in events if r.kind == "sale"]
        s = t.sale.c
        rows = Counter(
            conn.execute(select(s.id).where(s.id.in_(sale_ids), s.device_id == device_id)).scalars()
        )
        for sale in sale_ids:
            if rows[sale] != 1:
                problems.append(f"I2 till {name}: sale {sale} is {rows[sale]} sale rows")
    return problems


def _devices(conn: Connection, data: list[_TillData], everyone: bool) -> list[Any]:
    d = t.device.c
    ours = [x.side.device_id for x in data if x.side.device_id is not None]
    where = [] if everyone else [d.id.in_(ours)]
    return list(conn.execute(select(d.id, d.name, d.acked_seq).where(*where)))


def _i3(conn: Connection, data: list[_TillData], synced: bool, everyone: bool) -> list[str]:
    problems = []
    ours = {x.side.device_id for x in data}
    for device in _devices(conn, data, everyone):
        events = _server_events(conn, device.id)
        done = [r.device_seq for r in events if r.process_state != "waiting"]
        waiting = [r.device_seq for r in events if r.process_state == "waiting"]
        if done != list(range(1, len(done) + 1)):
            problems.append(f"I3 device {device.name}: the seqs taken are not 1..n: {done}")
        if device.acked_seq != len(done):
            problems.append(
                f"I3 device {device.name}: acked through {device.acked_seq}, "
                f"{len(done)} events taken"
            )
        if any(seq <= len(done) + 1 for seq in waiting):
            problems.append(f"I3 device {device.name}: events wait with no gap ahead: {waiting}")
        if synced and device.id in ours and waiting:
            problems.append(f"I3 device {device.name}: after sync, events still wait: {waiting}")
    return problems


def _i4(conn: Connection, performances: Collection[str] | None) -> list[str]:
    problems = []
    q, sp = t.ga_quota.c, t.sold_places.c
    sold: Counter[tuple[str, str]] = Counter()
    for row in conn.execute(
        select(sp.performance_id, sp.zone_id, sp.count, sp.refunded).where(
            sp.live.is_(True), *_in(sp.performance_id, performances)
        )
    ):
        if not 0 <= row.refunded <= row.count:
            problems.append(f"I4 sold places {row}: refunded out of 0..count")
        sold[(row.performance_id, row.zone_id)] += row.count - row.refunded
    lp, lease = t.lease_places.c, t.lease.c
    leased: Counter[tuple[str, str]] = Counter()
    for row in conn.execute(
        select(lease.performance_id, lp.zone_id, lp.count, lp.used)
        .join(t.lease, lease.id == lp.lease_id)
        .where(lease.state.in_(OPEN_LEASE), *_in(lease.performance_id, performances))
    ):
        leased[(row.performance_id, row.zone_id)] += row.count - row.used
    for row in conn.execute(select(t.ga_quota).where(*_in(q.performance_id, performances))):
        key = (row.performance_id, row.zone_id)
        if min(row.sold, row.leased, row.held) < 0:
            problems.append(f"I4 quota {key}: a negative count {row}")
        if row.sold + row.leased + row.held > row.size:
            problems.append(
                f"I4 quota {key}: sold {row.sold} + leased {row.leased} + held {row.held} "
                f"> size {row.size}"
            )
        if row.sold != sold[key]:
            problems.append(f"I4 quota {key}: sold {row.sold}, the live sales hold {sold[key]}")
        if row.leased != leased[key]:
            problems.append(
                f"I4 quota {key}: leased {row.leased}, the open leases hold {leased[key]}"
            )
    return problems


def _server_chain(conn: Connection, device_id: str) -> tuple[list[JournalEntry], Head]:
    d, j = t.device.c, t.journal_entry.c
    device = conn.execute(select(d.journal_seq, d.journal_hash).where(d.id == device_id)).one()
    rows = conn.execute(
        select(j.seq, j.prev_hash, j.hash, j.record)
        .where(j.device_id == device_id, j.seq <= device.journal_seq)
        .order_by(j.seq)
    )
    entries = [
        JournalEntry(r.seq, r.prev_hash, r.hash, json.loads(r.record), r.record) for r in rows
    ]
    return entries, Head(device.journal_seq, device.journal_hash)


def _chain_incidents(conn: Connection, device_id: str) -> set[int]:
    i = t.incident.c
    details = conn.execute(
        select(i.detail).where(
            i.device_id == device_id,
            i.kind.in_(["journal_chain_broken", "journal_hash_invalid"]),
        )
    ).scalars()
    return {int(json.loads(d).get("journal_seq", 0)) for d in details}


def _i5(conn: Connection, data: list[_TillData], synced: bool, everyone: bool) -> list[str]:
    problems = []
    ours = {x.side.device_id for x in data}
    for device in _devices(conn, data, everyone):
        entries, head = _server_chain(conn, device.id)
        if head.seq == 0 or verify(entries, head).ok:
            continue
        # A till that sent a broken chain: the server goes on past each break, which it
        # must have raised as an incident (honest tills, the ones given, have none).
        raised = set() if device.id in ours else _chain_incidents(conn, device.id)
        last = "0" * 64
        for entry in entries:
            linked = entry.prev_hash == last and entry.hash == link_hash(
                entry.prev_hash, entry.canonical_record()
            )
            if not linked and entry.seq not in raised:
                problems.append(
                    f"I5 device {device.name}: its chain on the server breaks at "
                    f"seq {entry.seq}, and no incident says so"
                )
            last = entry.hash
    for till in data:
        name = till.side.name
        report = verify(till.entries, till.head)
        if not report.ok or (till.head is None and till.entries):
            problems.append(f"I5 till {name}: its journal breaks at {report.first_problem}")
        if till.side.device_id is None:
            continue
        entries, head = _server_chain(conn, till.side.device_id)
        mine = {e.seq: e.hash for e in till.entries}
        if any(mine.get(e.seq) != e.hash for e in entries):
            problems.append(f"I5 till {name}: the server's chain is not the till's")
        # After sync the chain is on the server through the last event's entry (the till
        # may journal more after its upload: the link going on- or offline).
        last = max((e.journal_seq for e in _server_events(conn, till.side.device_id)), default=0)
        if synced and head.seq < last:
            problems.append(f"I5 till {name}: the server verified through {head.seq} of {last}")
    return problems


def _i6(conn: Connection, performances: Collection[str] | None) -> list[str]:
    problems = []
    inv, lease = t.seat_inventory.c, t.lease.c
    leases = {
        r.id: (r.performance_id, r.state)
        for r in conn.execute(select(lease.id, lease.performance_id, lease.state))
    }
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    seats: dict[str, set[str]] = defaultdict(set)
    for row in conn.execute(
        select(inv.performance_id, inv.seat_id, inv.state, inv.lease_id).where(
            *_in(inv.performance_id, performances)
        )
    ):
        where = (row.performance_id, row.seat_id)
        kind = "leased" if row.state == "free" and row.lease_id is not None else row.state
        counts[row.performance_id][kind] += 1
        seats[row.performance_id].add(row.seat_id)
        if row.lease_id is not None and row.state in ("free", "held", "quarantined"):
            found = leases.get(row.lease_id)
            if found is None or found[0] != row.performance_id or found[1] not in OPEN_LEASE:
                problems.append(f"I6 seat {where} is in lease {row.lease_id}, which is {found}")
        if row.state == "quarantined" and leases.get(row.lease_id or "", ("", ""))[1] != "revoking":
            problems.append(f"I6 seat {where} is quarantined outside a lease being revoked")
    kinds = ("free", "held", "sold", "blocked", "quarantined", "leased")
    for performance_id, layout in LAYOUTS.items():
        if performances is not None and performance_id not in performances:
            continue
        if performance_id not in seats:
            continue  # a test deleted it from the catalog
        capacity = {s.id for s in layout.physical.seats}
        total = sum(counts[performance_id][k] for k in kinds)
        if total != len(capacity) or seats[performance_id] != capacity:
            problems.append(
                f"I6 performance {performance_id}: "
                + " + ".join(f"{k} {counts[performance_id][k]}" for k in kinds)
                + f" = {total}, capacity {len(capacity)}"
            )
        if set(counts[performance_id]) - set(kinds):
            problems.append(f"I6 performance {performance_id}: states {counts[performance_id]}")
    q = t.ga_quota.c
    sizes = {
        (r.performance_id, r.zone_id): r.size
        for r in conn.execute(select(q.performance_id, q.zone_id, q.size))
    }
    for performance_id, layout in LAYOUTS.items():
        if performances is not None and performance_id not in performances:
            continue
        for zone in layout.physical.ga_zones:
            size = sizes.get((performance_id, zone.id))
            if size is not None and size != zone.capacity:
                problems.append(
                    f"I6 quota {(performance_id, zone.id)}: size {size}, capacity {zone.capacity}"
                )
    return problems


def _i7(conn: Connection, data: list[_TillData], synced: bool) -> list[str]:
    problems = []
    s = t.sale.c
    for till in data:
        device_id = till.side.device_id
        if device_id is None:
            continue
        name = till.side.name
        stored = {
            r.id: (int(r.total_minor), r.currency)
            for r in conn.execute(
                select(s.id, s.total_minor, s.currency).where(s.device_id == device_id)
            )
        }
        mine = till.sales if synced else {k: v for k, v in till.sales.items() if k in stored}
        if stored != mine:
            differ = sorted(set(stored.items()) ^ set(mine.items()))
            problems.append(f"I7 till {name}: server and journal sales differ: {differ[:5]}")
        totals_server: Counter[str] = Counter()
        totals_till: Counter[str] = Counter()
        for minor, currency in stored.values():
            totals_server[currency] += minor
        for minor, currency in mine.values():
            totals_till[currency] += minor
        if synced:  # net of what the refunds gave back, on both sides
            totals_till.subtract(till.refunds)
            totals_server.subtract(_server_refunds(conn, device_id))
        if totals_server != totals_till:
            problems.append(
                f"I7 till {name}: the server's sales total {dict(totals_server)}, "
                f"the journal's {dict(totals_till)}"
            )
    return problems


def _server_refunds(conn: Connection, device_id: str) -> Counter[str]:
    """Per currency, the refunds and cancellations the server stored for the till."""
    e = t.device_event.c
    back: Counter[str] = Counter()
    for (record,) in conn.execute(
        select(e.record).where(e.device_id == device_id, e.kind.in_(CORRECTIONS))
    ):
        found = json.loads(record)
        if found.get("training") is not True:
            back[str(found["total"]["currency"])] += int(found["total"]["minor"])
    return back


def settle(server_url: str, tills: Iterable[_AppTill]) -> bool:
    """Give each enrolled till its network back (its link pointed at ``server_url``) and
    upload all it has; False when one cannot (revoked): the checker then asks only for what
    the tills had acknowledged."""
    from sync.client import Unauthorized

    synced = True
    for till in tills:
        link = till.syncing.link()
        if link is None:
            continue
        if link.revoked:
            synced = False
            continue
        with till.services.uow_factory() as uow:
            uow.sync.enroll(replace(link, server_url=server_url))
            uow.commit()
        try:
            report = till.syncing.upload()
        except Unauthorized:
            synced = False
            continue
        if report.error or report.left:
            raise InvariantBroken(f"till {till.name} could not upload: {report.error}")
    return synced
