"""Fiscal closures (CGI art. 286-I-3° bis, BOFiP BOI-TVA-DECLA-30-10-30 §170): daily, monthly
and yearly, each sealed into the journal chain with the period's totals and the **perpetual
grand total** since the till's first use.

What a closure covers is a run of seqs, not a time filter: closure n of a frequency covers
the entries after closure n-1's ``last_seq`` (from seq 1 for the first) up to the last entry
written before the period's end. So every entry is counted by exactly one closure of each
frequency, in order, and the perpetual total of closure n is closure n-1's plus the period's
— the sum of every closed period, by construction. A clock that went back cannot make an
entry count twice: a period already closed is never closed again, what comes late goes into
the next period due.

A period is due when it has ended (in the venue's time zone, `domain.periods`) and it holds
entries that no closure of its frequency covers. Days without any entry are not closed (there
is nothing to seal); the numbers still have no gap, since numbers count closures, not days.
The totals are the ledger's (`domain.ledger`), over the covered records: training records
never count. Plain Python: the caller passes the moment and the time zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from domain.journal import JournalEntry
from domain.ledger import Totals, money_record, totals_record
from domain.money import Money
from domain.periods import Frequency, Period

CLOSURE = "closure"


@dataclass(frozen=True, slots=True)
class Closure:
    """One closure as the till indexes it beside its journal entry (at ``seq``)."""

    frequency: Frequency
    number: int
    period: Period
    seq: int
    first_seq: int  # the entries it covers, first_seq..last_seq
    last_seq: int
    last_hash: str
    perpetual: Money


def due(
    frequency: Frequency,
    last: Closure | None,
    first_uncovered: JournalEntry | None,
    now: datetime,
    timezone: ZoneInfo,
) -> Period | None:
    """The next period of ``frequency`` to close, or None: the period of the first entry no
    closure covers (never one already closed), if it has ended by ``now``."""
    if first_uncovered is None:
        return None
    period = Period.of_moment(
        frequency, datetime.fromisoformat(str(first_uncovered.record["at"])), timezone
    )
    if last is not None and period <= last.period:
        period = last.period.next()
    return period if period.bounds(timezone)[1] <= now else None


def closure_record(
    *,
    till: str,
    period: Period,
    number: int,
    timezone: ZoneInfo,
    first_seq: int,
    last: JournalEntry,
    totals: Totals,
    previous_perpetual: Money,
    at: datetime,
) -> dict[str, object]:
    """The journal's record of a closure of ``period`` covering ``first_seq``..``last.seq``."""
    start, end = period.bounds(timezone)
    return {
        "type": CLOSURE,
        "at": at.isoformat(),
        "till": till,
        "frequency": period.frequency.value,
        "number": number,
        "period": str(period),
        "timezone": str(timezone),
        "period_start": start.isoformat(),
        "period_end": end.isoformat(),
        "first_seq": first_seq,
        "last_seq": last.seq,
        "last_hash": last.hash,
        "period_total": money_record(totals.net_total),
        "perpetual_total": money_record(previous_perpetual + totals.net_total),
        "totals": totals_record(totals),
    }


def closure_of(record: dict[str, object], seq: int) -> Closure:
    """The index row of a closure record written at ``seq``."""
    perpetual = record["perpetual_total"]
    assert isinstance(perpetual, dict)
    return Closure(
        frequency=Frequency(str(record["frequency"])),
        number=int(str(record["number"])),
        period=Period.parse(str(record["period"])),
        seq=seq,
        first_seq=int(str(record["first_seq"])),
        last_seq=int(str(record["last_seq"])),
        last_hash=str(record["last_hash"]),
        perpetual=Money(int(perpetual["minor"]), str(perpetual["currency"])),
    )
