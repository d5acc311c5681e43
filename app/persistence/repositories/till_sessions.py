"""Till sessions and the cash counted in them: store what `app.services.tills` decided.

The one-open-session-per-till rule is the domain's (`domain.till.open_session`); the database
enforces it again with a partial unique index, and an insert that breaks it is reported as the
domain's `SessionAlreadyOpen`, never as a raw integrity error.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Row, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.persistence.errors import NotFound
from app.persistence.tables import table_of
from app.persistence.tables_tills import (
    TillSessionCountRow,
    TillSessionDeclarationRow,
    TillSessionRow,
)
from domain.errors import SessionAlreadyOpen
from domain.till import BlindCount, CashCount, SessionState, TillSession, count_from_record

_sessions = table_of(TillSessionRow)
_counts = table_of(TillSessionCountRow)
_declarations = table_of(TillSessionDeclarationRow)
_FLOAT = "float"
_CURRENT = ("open", "counted")


class TillSessionRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def open(self, till_session: TillSession) -> None:
        """Store a newly opened session and its float, count by count."""
        found = self.current(till_session.till)
        if found is not None:
            raise SessionAlreadyOpen(till_session.till, found.id)
        count = till_session.float_count
        try:
            self._session.execute(
                insert(_sessions).values(
                    id=till_session.id,
                    till=till_session.till,
                    opened_at=till_session.opened_at,
                    opened_by=till_session.opened_by,
                    state=till_session.state.value,
                    float_minor=count.total().minor,
                    currency=count.currency,
                    closed_at=till_session.closed_at,
                )
            )
        except IntegrityError as exc:  # another writer opened one: the index said no
            raise SessionAlreadyOpen(till_session.till, "?") from exc
        if count.counts:
            self._session.execute(
                insert(_counts),
                [
                    {
                        "session_id": till_session.id,
                        "kind": _FLOAT,
                        "denomination_minor": denomination,
                        "count": number,
                    }
                    for denomination, number in count.counts
                ],
            )

    def current(self, till: str) -> TillSession | None:
        """The till's open (or counted, not yet closed) session, or None."""
        row = self._session.execute(
            select(_sessions).where(_sessions.c.till == till, _sessions.c.state.in_(_CURRENT))
        ).first()
        return None if row is None else self._session_of(row)

    def recent(self, till: str, limit: int = 20) -> list[TillSession]:
        """The till's sessions, the latest opened first."""
        rows = self._session.execute(
            select(_sessions)
            .where(_sessions.c.till == till)
            .order_by(_sessions.c.opened_at.desc(), _sessions.c.id)
            .limit(limit)
        ).all()
        return [self._session_of(row) for row in rows]

    def set_open_seq(self, session_id: str, seq: int) -> None:
        """The seq of the session's "session_open" journal entry."""
        self._session.execute(
            update(_sessions).where(_sessions.c.id == session_id).values(open_seq=seq)
        )

    def open_seq(self, session_id: str) -> int:
        """Where the session starts in its till's journal (1 when not known)."""
        seq = self._session.execute(
            select(_sessions.c.open_seq).where(_sessions.c.id == session_id)
        ).scalar_one_or_none()
        return seq or 1

    def add_count(self, count: BlindCount, record: Mapping[str, object]) -> None:
        """Store a blind count (its journal record) and mark the session counted."""
        self._session.execute(
            insert(_declarations).values(
                session_id=count.session_id,
                number=count.number,
                declared_at=count.at,
                declared_by=count.by,
                record=json.dumps(record, sort_keys=True),
            )
        )
        self._session.execute(
            update(_sessions)
            .where(_sessions.c.id == count.session_id, _sessions.c.state.in_(_CURRENT))
            .values(state=SessionState.COUNTED.value)
        )

    def last_count(self, session_id: str) -> BlindCount | None:
        """The session's latest blind count, or None."""
        record = self._session.execute(
            select(_declarations.c.record)
            .where(_declarations.c.session_id == session_id)
            .order_by(_declarations.c.number.desc())
            .limit(1)
        ).scalar_one_or_none()
        return None if record is None else count_from_record(json.loads(record))

    def close(self, session_id: str, closed_at: datetime, closed_by: str) -> None:
        """Seal the session: closed, by whom and when."""
        self._session.execute(
            update(_sessions)
            .where(_sessions.c.id == session_id)
            .values(state=SessionState.CLOSED.value, closed_at=closed_at, closed_by=closed_by)
        )

    def get(self, session_id: str) -> TillSession:
        row = self._session.execute(select(_sessions).where(_sessions.c.id == session_id)).first()
        if row is None:
            raise NotFound("till session", session_id)
        return self._session_of(row)

    def _session_of(self, row: Row[Any]) -> TillSession:
        counts = self._session.execute(
            select(_counts.c.denomination_minor, _counts.c.count).where(
                _counts.c.session_id == row.id, _counts.c.kind == _FLOAT
            )
        ).all()
        return TillSession(
            id=row.id,
            till=row.till,
            opened_at=row.opened_at,
            opened_by=row.opened_by,
            float_count=CashCount(row.currency, tuple((d, c) for d, c in counts)),
            state=SessionState(row.state),
            closed_at=row.closed_at,
        )
