"""Booked seats per performance: held, reserved or sold. Sparse: a free seat has no row.

Blocked and invalid come from the logical layout, never from here; `domain.availability`
combines both.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import bindparam, delete, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.persistence.tables import PerformanceSeatStateRow, table_of
from domain.availability import BOOKED_STATES, SeatState

_states = table_of(PerformanceSeatStateRow)
_CHUNK = 500


class SeatStateRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def booked(self, performance_id: str) -> dict[str, SeatState]:
        """The booked seats of a performance and their state."""
        rows = self._session.execute(
            select(_states.c.seat_id, _states.c.state).where(
                _states.c.performance_id == performance_id
            )
        )
        return {seat_id: SeatState(state) for seat_id, state in rows}

    def set_state(self, performance_id: str, seat_ids: Iterable[str], state: SeatState) -> None:
        """Record seats as held, reserved or sold (replacing their state); FREE clears them.

        Whether the change is allowed (a sold seat held again...) is the caller's rule.
        """
        if state is SeatState.FREE:
            self.clear(performance_id, seat_ids)
            return
        if state not in BOOKED_STATES:
            raise ValueError(f"{state.value} is not recorded per performance")
        rows = [
            {"performance_id": performance_id, "seat_id": seat_id, "state": state.value}
            for seat_id in dict.fromkeys(seat_ids)
        ]
        if not rows:
            return
        statement = sqlite_insert(_states)
        statement = statement.on_conflict_do_update(
            index_elements=[_states.c.performance_id, _states.c.seat_id],
            set_={"state": statement.excluded.state},
        )
        self._session.execute(statement, rows)

    def clear(self, performance_id: str, seat_ids: Iterable[str] | None = None) -> None:
        """Free the given seats, or every booked seat of the performance with ``None``."""
        if seat_ids is None:
            self._session.execute(delete(_states).where(_states.c.performance_id == performance_id))
            return
        ids = list(dict.fromkeys(seat_ids))
        if not ids:
            return
        self._session.execute(
            delete(_states).where(
                _states.c.performance_id == bindparam("b_performance"),
                _states.c.seat_id == bindparam("b_seat"),
            ),
            [{"b_performance": performance_id, "b_seat": seat_id} for seat_id in ids],
        )
