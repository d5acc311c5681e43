"""Ticket numbers: one gap-free sequence per till, taken inside the caller's transaction.

A sale takes its numbers in the same transaction that stores its tickets: if it rolls back, the
numbers were never taken; if it commits, nobody else can have them (the till's write lock is
held from the first statement of a write unit of work).
"""

from __future__ import annotations

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.persistence.tables import TicketSequenceRow, table_of

_sequences = table_of(TicketSequenceRow)


class TicketNumberRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def take(self, till: str, count: int) -> range:
        """The next ``count`` ticket numbers of ``till``, first one first."""
        if count < 0:
            raise ValueError("cannot take a negative number of tickets")
        last = self.last(till)
        if count == 0:
            return range(last + 1, last + 1)
        statement = (
            update(_sequences)
            .where(_sequences.c.till == till)
            .values(last_number=_sequences.c.last_number + count)
        )
        if self._session.execute(statement).rowcount == 0:  # type: ignore[attr-defined]
            self._session.execute(insert(_sequences).values(till=till, last_number=count))
        return range(last + 1, last + count + 1)

    def last(self, till: str) -> int:
        """The last number ``till`` gave, 0 before its first ticket."""
        found = self._session.scalar(
            select(_sequences.c.last_number).where(_sequences.c.till == till)
        )
        return int(found or 0)
