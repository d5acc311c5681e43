"""The fiscal journal's storage: entries appended inside the caller's write transaction.

`append` chains the record on the till's head and writes the entry and the new head in the
caller's transaction (the sale's, the login's): if that rolls back, the entry never existed and
its seq is free again; if it commits, the till's write lock made sure nobody took the same seq.
Rows are only inserted; nothing here updates or deletes an entry.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Row, func, insert, select, update
from sqlalchemy.orm import Session

from app.persistence.tables import JournalClosureRow, JournalEntryRow, JournalHeadRow, table_of
from domain.closures import Closure
from domain.journal import Head, JournalEntry, chain_next
from domain.money import Money
from domain.periods import Frequency, Period

_entries = table_of(JournalEntryRow)
_heads = table_of(JournalHeadRow)
_closures = table_of(JournalClosureRow)
_BATCH = 1_000  # rows read at a time: a verify of years of entries stays in little memory


class JournalRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def append(self, till: str, record: Mapping[str, object]) -> JournalEntry:
        """Chain ``record`` after the till's last entry and store it; the new entry."""
        head = self.head(till)
        entry = chain_next(head if head is not None else self.last(till), record)
        text = entry.canonical_record().decode("utf-8")
        at = datetime.fromisoformat(str(record["at"]))
        self._session.execute(
            insert(_entries).values(
                till=till,
                seq=entry.seq,
                prev_hash=entry.prev_hash,
                hash=entry.hash,
                record=text,
                at=at,
            )
        )
        values = {"last_seq": entry.seq, "last_hash": entry.hash}
        if head is None:
            self._session.execute(insert(_heads).values(till=till, **values))
        else:
            self._session.execute(update(_heads).where(_heads.c.till == till).values(**values))
        return JournalEntry(entry.seq, entry.prev_hash, entry.hash, entry.record, text)

    def head(self, till: str) -> Head | None:
        """The last seq and hash the till wrote, kept apart from the entries."""
        row = self._session.execute(
            select(_heads.c.last_seq, _heads.c.last_hash).where(_heads.c.till == till)
        ).first()
        return None if row is None else Head(int(row.last_seq), str(row.last_hash))

    def last(self, till: str) -> JournalEntry | None:
        row = self._session.execute(
            select(_entries).where(_entries.c.till == till).order_by(_entries.c.seq.desc()).limit(1)
        ).first()
        return None if row is None else _entry(row)

    def entry(self, till: str, seq: int) -> JournalEntry | None:
        row = self._session.execute(
            select(_entries).where(_entries.c.till == till, _entries.c.seq == seq)
        ).first()
        return None if row is None else _entry(row)

    def seq_bounds(self, till: str, start: datetime, end: datetime) -> tuple[int, int] | None:
        """The first and last seq of the entries written in [start, end), or None."""
        row = self._session.execute(
            select(func.min(_entries.c.seq), func.max(_entries.c.seq)).where(
                _entries.c.till == till, _entries.c.at >= start, _entries.c.at < end
            )
        ).one()
        return None if row[0] is None else (int(row[0]), int(row[1]))

    def last_before(self, till: str, from_seq: int, end: datetime) -> int | None:
        """The last seq from ``from_seq`` on of an entry written before ``end``, or None."""
        found = self._session.scalar(
            select(func.max(_entries.c.seq)).where(
                _entries.c.till == till, _entries.c.seq >= from_seq, _entries.c.at < end
            )
        )
        return None if found is None else int(found)

    def add_closure(self, till: str, closure: Closure) -> None:
        """Index a closure written into the journal (its entry at ``closure.seq``); a second
        closure of one period, or of one number, is refused by the unique keys."""
        self._session.execute(
            insert(_closures).values(
                till=till,
                frequency=closure.frequency.value,
                number=closure.number,
                period=str(closure.period),
                seq=closure.seq,
                first_seq=closure.first_seq,
                last_seq=closure.last_seq,
                last_hash=closure.last_hash,
                perpetual_minor=closure.perpetual.minor,
                currency=closure.perpetual.currency,
            )
        )

    def last_closure(self, till: str, frequency: Frequency) -> Closure | None:
        row = self._session.execute(
            select(_closures)
            .where(_closures.c.till == till, _closures.c.frequency == frequency.value)
            .order_by(_closures.c.number.desc())
            .limit(1)
        ).first()
        return None if row is None else _closure(row)

    def closures(self, till: str) -> list[Closure]:
        """The till's closures, by frequency then number."""
        rows = self._session.execute(
            select(_closures)
            .where(_closures.c.till == till)
            .order_by(_closures.c.frequency, _closures.c.number)
        ).all()
        return [_closure(row) for row in rows]

    def entries(self, till: str, from_seq: int = 1) -> Iterator[JournalEntry]:
        """The till's entries from ``from_seq`` in seq order, read a batch at a time."""
        next_seq = from_seq
        while True:
            rows = self._session.execute(
                select(_entries)
                .where(_entries.c.till == till, _entries.c.seq >= next_seq)
                .order_by(_entries.c.seq)
                .limit(_BATCH)
            ).all()
            for row in rows:
                yield _entry(row)
            if len(rows) < _BATCH:
                return
            next_seq = int(rows[-1].seq) + 1


def _closure(row: Row[Any]) -> Closure:
    return Closure(
        frequency=Frequency(row.frequency),
        number=int(row.number),
        period=Period.parse(str(row.period)),
        seq=int(row.seq),
        first_seq=int(row.first_seq),
        last_seq=int(row.last_seq),
        last_hash=str(row.last_hash),
        perpetual=Money(int(row.perpetual_minor), str(row.currency)),
    )


def _entry(row: Row[Any]) -> JournalEntry:
    """An entry as stored. A record that is not JSON (damaged, or written by hand) is read as
    an empty record beside its text: the verify then says that the text is not canonical."""
    text = str(row.record)
    try:
        record = json.loads(text)
    except ValueError:
        record = {}
    if not isinstance(record, dict):
        record = {}
    return JournalEntry(int(row.seq), str(row.prev_hash), str(row.hash), record, text)
