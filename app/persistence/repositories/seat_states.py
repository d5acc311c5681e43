"""Booked seats per performance: held, reserved or sold, each with its owner. Sparse: a free
seat has no row.

Blocked and invalid come from the logical layout, never from here; `domain.availability`
combines both and is the one rule of what may be sold. This repository only guarantees that a
seat changes hands by a *conditional* update: a hold takes only seats nobody has (or whose hold
lapsed), a sale takes only seats its own cart holds. A change that finds one seat in another
state changes nothing and names the seats in the way; there is no blind "set this state".
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import ColumnElement, delete, or_, select, update
from sqlalchemy.orm import Session

from app.persistence.tables import PerformanceSeatStateRow, table_of
from domain.availability import SeatState

_states = table_of(PerformanceSeatStateRow)
_CHUNK = 500
_HELD = SeatState.HELD.value


def _unique(seat_ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(seat_ids))


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _held_by(
    performance_id: str, seat_ids: list[str], owner: str
) -> tuple[ColumnElement[bool], ...]:
    """The rows of these seats that ``owner`` holds."""
    return (
        _states.c.performance_id == performance_id,
        _states.c.seat_id.in_(seat_ids),
        _states.c.owner == owner,
        _states.c.state == _HELD,
    )


class SeatStateRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def booked(self, performance_id: str, now: datetime) -> dict[str, SeatState]:
        """The booked seats of a performance and their state; a hold that lapsed before
        ``now`` counts as free."""
        rows = self._session.execute(
            select(_states.c.seat_id, _states.c.state).where(
                _states.c.performance_id == performance_id, self._alive(now)
            )
        )
        return {seat_id: SeatState(state) for seat_id, state in rows}

    def owners(self, performance_id: str, now: datetime) -> dict[str, str]:
        """Who owns each booked seat (a cart, a sale, a lease), lapsed holds left out."""
        rows = self._session.execute(
            select(_states.c.seat_id, _states.c.owner).where(
                _states.c.performance_id == performance_id, self._alive(now)
            )
        )
        return {seat_id: owner for seat_id, owner in rows}

    def hold(
        self,
        performance_id: str,
        seat_ids: Iterable[str],
        owner: str,
        expires_at: datetime,
        now: datetime,
    ) -> list[str]:
        """Hold every seat for ``owner`` until ``expires_at``, or none: the seats another owner
        has are returned and nothing changes. Seats ``owner`` holds already get the new expiry;
        a lapsed hold of someone else is taken over."""
        ids = _unique(seat_ids)
        taken = self._taken_by_others(performance_id, ids, owner, now)
        if taken:
            return taken
        for chunk in _chunks(ids):
            self._session.execute(
                delete(_states).where(
                    _states.c.performance_id == performance_id,
                    _states.c.seat_id.in_(chunk),
                    _states.c.owner != owner,
                    _states.c.state == _HELD,
                    _states.c.expires_at <= now,
                )
            )
            self._session.execute(
                update(_states)
                .where(
                    *_held_by(performance_id, chunk, owner),
                )
                .values(expires_at=expires_at)
            )
            mine = set(
                self._session.scalars(
                    select(_states.c.seat_id).where(
                        _states.c.performance_id == performance_id,
                        _states.c.seat_id.in_(chunk),
                    )
                )
            )
            new = [
                {
                    "performance_id": performance_id,
                    "seat_id": seat_id,
                    "state": _HELD,
                    "owner": owner,
                    "expires_at": expires_at,
                }
                for seat_id in chunk
                if seat_id not in mine
            ]
            if new:
                self._session.execute(_states.insert(), new)
        return []

    def release(self, performance_id: str, seat_ids: Iterable[str], owner: str) -> int:
        """Give back the seats ``owner`` holds; seats it does not hold are left alone."""
        released = 0
        for chunk in _chunks(_unique(seat_ids)):
            result = self._session.execute(
                delete(_states).where(
                    *_held_by(performance_id, chunk, owner),
                )
            )
            released += int(result.rowcount)  # type: ignore[attr-defined]
        return released

    def sell(
        self, performance_id: str, seat_ids: Iterable[str], held_by: str, sale: str
    ) -> list[str]:
        """Turn seats held by ``held_by`` into seats sold to ``sale``, all or none: the seats
        it does not hold (any more) are returned and nothing changes."""
        return self._convert(performance_id, seat_ids, held_by, SeatState.SOLD, sale)

    def unsell(self, performance_id: str, seat_ids: Iterable[str], sale: str) -> list[str]:
        """Seats sold to ``sale`` go back on sale (a refund), all or none: the seats that are
        not sold to it are returned and nothing changes."""
        ids = _unique(seat_ids)
        sold: set[str] = set()
        for chunk in _chunks(ids):
            sold.update(
                self._session.scalars(
                    select(_states.c.seat_id).where(
                        _states.c.performance_id == performance_id,
                        _states.c.seat_id.in_(chunk),
                        _states.c.owner == sale,
                        _states.c.state == SeatState.SOLD.value,
                    )
                )
            )
        missing = sorted(set(ids) - sold)
        if missing:
            return missing
        for chunk in _chunks(ids):
            self._session.execute(
                delete(_states).where(
                    _states.c.performance_id == performance_id,
                    _states.c.seat_id.in_(chunk),
                    _states.c.owner == sale,
                    _states.c.state == SeatState.SOLD.value,
                )
            )
        return []

    def reserve(
        self, performance_id: str, seat_ids: Iterable[str], held_by: str, reservation: str
    ) -> list[str]:
        """Like `sell`, for a reservation (an option) that keeps the seats without a sale."""
        return self._convert(performance_id, seat_ids, held_by, SeatState.RESERVED, reservation)

    def lapse(self, now: datetime) -> int:
        """Delete every hold that lapsed before ``now``; returns how many seats came back."""
        result = self._session.execute(
            delete(_states).where(_states.c.state == _HELD, _states.c.expires_at <= now)
        )
        return int(result.rowcount)  # type: ignore[attr-defined]

    def seed(
        self, performance_id: str, seat_ids: Iterable[str], state: SeatState, owner: str
    ) -> None:
        """Record seats booked elsewhere (the demo, an import) on seats nobody has: refuses
        (ValueError, nothing changed) if one of them is booked already."""
        if state not in (SeatState.HELD, SeatState.RESERVED, SeatState.SOLD):
            raise ValueError(f"{state.value} is not recorded per performance")
        ids = _unique(seat_ids)
        for chunk in _chunks(ids):
            booked = list(
                self._session.scalars(
                    select(_states.c.seat_id).where(
                        _states.c.performance_id == performance_id,
                        _states.c.seat_id.in_(chunk),
                    )
                )
            )
            if booked:
                raise ValueError(f"seats already booked: {', '.join(sorted(booked)[:5])}")
        rows = [
            {
                "performance_id": performance_id,
                "seat_id": seat_id,
                "state": state.value,
                "owner": owner,
                "expires_at": None,
            }
            for seat_id in ids
        ]
        if rows:
            self._session.execute(_states.insert(), rows)

    # --- inside ------------------------------------------------------------------------

    @staticmethod
    def _alive(now: datetime) -> ColumnElement[bool]:
        return or_(
            _states.c.state != _HELD,
            _states.c.expires_at.is_(None),
            _states.c.expires_at > now,
        )

    def _taken_by_others(
        self, performance_id: str, ids: list[str], owner: str, now: datetime
    ) -> list[str]:
        taken: list[str] = []
        for chunk in _chunks(ids):
            taken.extend(
                self._session.scalars(
                    select(_states.c.seat_id).where(
                        _states.c.performance_id == performance_id,
                        _states.c.seat_id.in_(chunk),
                        or_(_states.c.owner != owner, _states.c.state != _HELD),
                        self._alive(now),
                    )
                )
            )
        return sorted(taken)

    def _convert(
        self,
        performance_id: str,
        seat_ids: Iterable[str],
        held_by: str,
        state: SeatState,
        new_owner: str,
    ) -> list[str]:
        ids = _unique(seat_ids)
        held: set[str] = set()
        for chunk in _chunks(ids):
            held.update(
                self._session.scalars(
                    select(_states.c.seat_id).where(*_held_by(performance_id, chunk, held_by))
                )
            )
        missing = sorted(set(ids) - held)
        if missing:
            return missing
        for chunk in _chunks(ids):
            self._session.execute(
                update(_states)
                .where(
                    *_held_by(performance_id, chunk, held_by),
                )
                .values(state=state.value, owner=new_owner, expires_at=None)
            )
        return []
