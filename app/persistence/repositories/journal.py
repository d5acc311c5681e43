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

from sqlalchemy import Row, insert, select, update
from sqlalchemy.orm import Session

from app.persistence.tables import JournalEntryRow, JournalHeadRow, table_of
from domain.journal import Head, JournalEntry, chain_next

_entries = table_of(JournalEntryRow)
_heads = table_of(JournalHeadRow)
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
