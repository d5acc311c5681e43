"""Till sessions and the cash counted in them: store what `app.services.tills` decided.

The one-open-session-per-till rule is the domain's (`domain.till.open_session`); the database
enforces it again with a partial unique index, and an insert that breaks it is reported as the
domain's `SessionAlreadyOpen`, never as a raw integrity error.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.persistence.errors import NotFound
from app.persistence.tables import table_of
from app.persistence.tables_tills import TillSessionCountRow, TillSessionRow
from domain.errors import SessionAlreadyOpen
from domain.till import CashCount, SessionState, TillSession

_sessions = table_of(TillSessionRow)
_counts = table_of(TillSessionCountRow)
_FLOAT = "float"


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
        """The till's open session, or None."""
        row = self._session.execute(
            select(_sessions).where(_sessions.c.till == till, _sessions.c.state == "open")
        ).first()
        return None if row is None else self._session_of(row)

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
