"""Fiscal closures as a use case: close every daily, monthly and yearly period that is due
(`domain.closures`), each in one transaction that computes its totals with the ledger and
appends the closure entry — and its index row, whose unique keys refuse a second closure of
one period even to a second process. A crash before the commit leaves nothing: the next run
closes that period again from the start; after it, the period is closed and is never closed
again.

They run by themselves for every due period when the till starts and after a session is
closed (`close_due`), so no period is ever left open because nobody thought of it — the law
wants all three (BOFiP §170); ``guichet journal close`` runs the same on demand (a station
left on over midnight, a technician).
"""

from __future__ import annotations

from collections.abc import Iterable
from zoneinfo import ZoneInfo

from app.services import journal
from app.services.ports import Clock, UnitOfWork, UnitOfWorkFactory
from domain.closures import Closure, closure_of, closure_record, due
from domain.ledger import Ledger, Selection
from domain.money import Money
from domain.periods import Frequency

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
    """Close the next due period of ``frequency`` in one transaction; None when none is due."""
    now = clock.now()
    with uow_factory() as uow:
        last = uow.journal.last_closure(till, frequency)
        first_seq = 1 if last is None else last.last_seq + 1
        period = due(frequency, last, uow.journal.entry(till, first_seq), now, timezone)
        if period is None:
            return None
        _, end = period.bounds(timezone)
        last_seq = uow.journal.last_before(till, first_seq, end) or first_seq
        ledger = Ledger(Selection(till=till), CURRENCY)
        covered = None
        for entry in uow.journal.entries(till, first_seq):
            if entry.seq > last_seq:
                break
            ledger.add(entry.record)
            covered = entry
        assert covered is not None  # due() saw the entry at first_seq
        previous = Money.zero(CURRENCY) if last is None else last.perpetual
        record = closure_record(
            till=till,
            period=period,
            number=1 if last is None else last.number + 1,
            timezone=timezone,
            first_seq=first_seq,
            last=covered,
            totals=ledger.totals(),
            previous_perpetual=previous,
            at=now,
        )
        entry = journal.record(uow, till, record)
        closure = closure_of(dict(entry.record), entry.seq)
        uow.journal.add_closure(till, closure)
        uow.commit()
    return closure


def closures(uow_factory: UnitOfWorkFactory, till: str) -> list[Closure]:
    with uow_factory(read_only=True) as uow:
        return uow.journal.closures(till)


def closure_entry(uow: UnitOfWork, till: str, closure: Closure) -> dict[str, object]:
    """The closure's record as journaled."""
    entry = uow.journal.entry(till, closure.seq)
    return {} if entry is None else dict(entry.record)
