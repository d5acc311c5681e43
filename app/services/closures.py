"""Fiscal closures as a use case: close every daily, monthly and yearly period that is due
(`domain.closures`): its totals computed with the ledger in a read-only snapshot, then one
write transaction that checks nothing moved meanwhile and appends the closure entry and its
index row, whose unique keys refuse a second closure of one period even to a second process.
A crash before the commit leaves nothing: the next run closes that period again from the
start; after it, the period is closed and is never closed again.

They run by themselves for every due period when the till starts and after a session is
closed (`close_due`), so no period is ever left open because nobody thought of it — the law
wants all three (BOFiP §170); ``guichet journal close`` runs the same on demand (a station
left on over midnight, a technician).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from zoneinfo import ZoneInfo

from app.services import journal
from app.services.ports import Clock, UnitOfWork, UnitOfWorkFactory
from domain.closures import Closure, closure_of, closure_record, due
from domain.journal import JournalEntry
from domain.ledger import Ledger, Selection, Totals
from domain.money import Money
from domain.periods import Frequency, Period

ALL = (Frequency.DAILY, Frequency.MONTHLY, Frequency.YEARLY)
CURRENCY = "EUR"
MAX_AT_ONCE = (
    10_000  # closures one call writes at most (a till unused for years: days with entries)
)


def close_due(
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    till: str,
    timezone: ZoneInfo,
    frequencies: Iterable[Frequency] = ALL,
) -> list[Closure]:
    """Close every due period of each frequency, oldest first; the closures written."""
    written: list[Closure] = []
    for frequency in frequencies:
        while len(written) < MAX_AT_ONCE:
            closure = close_next(uow_factory, clock, till, timezone, frequency)
            if closure is None:
                break
            written.append(closure)
    return written


def close_next(
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    till: str,
    timezone: ZoneInfo,
    frequency: Frequency,
) -> Closure | None:
    """Close the next due period of ``frequency``; None when none is due.

    The totals are read in a read-only snapshot (a month of records takes a while and must
    not hold the till's write lock: a sale would wait); the write transaction then checks
    that nothing it relied on moved — the last closure, the last entry covered — and appends
    the closure and its index row, or reads again."""
    while True:
        now = clock.now()
        with uow_factory(read_only=True) as uow:
            plan = _plan(uow, till, timezone, frequency, now)
        if plan is None:
            return None
        last, period, covered, totals = plan
        with uow_factory() as uow:
            first_seq = 1 if last is None else last.last_seq + 1
            if uow.journal.last_closure(till, frequency) != last or (
                uow.journal.last_before(till, first_seq, period.bounds(timezone)[1]) != covered.seq
            ):
                continue  # another process closed it, or a late entry came: read again
            record = closure_record(
                till=till,
                period=period,
                number=1 if last is None else last.number + 1,
                timezone=timezone,
                first_seq=first_seq,
                last=covered,
                totals=totals,
                previous_perpetual=Money.zero(CURRENCY) if last is None else last.perpetual,
                at=now,
            )
            entry = journal.record(uow, till, record)
            closure = closure_of(dict(entry.record), entry.seq)
            uow.journal.add_closure(till, closure)
            uow.commit()
        return closure


def _plan(
    uow: UnitOfWork, till: str, timezone: ZoneInfo, frequency: Frequency, now: datetime
) -> tuple[Closure | None, Period, JournalEntry, Totals] | None:
    """What the next closure of ``frequency`` covers and adds up to, or None if none is due."""
    last = uow.journal.last_closure(till, frequency)
    first_seq = 1 if last is None else last.last_seq + 1
    period = due(frequency, last, uow.journal.entry(till, first_seq), now, timezone)
    if period is None:
        return None
    last_seq = uow.journal.last_before(till, first_seq, period.bounds(timezone)[1]) or first_seq
    ledger = Ledger(Selection(till=till), CURRENCY)
    covered = None
    for entry in uow.journal.entries(till, first_seq):
        if entry.seq > last_seq:
            break
        ledger.add(entry.record)
        covered = entry
    assert covered is not None  # due() saw the entry at first_seq
    return last, period, covered, ledger.totals()


def closures(uow_factory: UnitOfWorkFactory, till: str) -> list[Closure]:
    with uow_factory(read_only=True) as uow:
        return uow.journal.closures(till)


def closure_entry(uow: UnitOfWork, till: str, closure: Closure) -> dict[str, object]:
    """The closure's record as journaled."""
    entry = uow.journal.entry(till, closure.seq)
    return {} if entry is None else dict(entry.record)
