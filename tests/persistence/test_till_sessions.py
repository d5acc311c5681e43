"""Till sessions in the database: stored with their float, one open session per till."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app.persistence import Database, NotFound
from domain.errors import SessionAlreadyOpen
from domain.till import CashCount, SessionState, TillSession

T0 = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
FLOAT = CashCount.of("EUR", {1: 7, 50: 4, 200: 10, 1000: 3, 5000: 1})


def _session(session_id: str = "S1", till: str = "G1") -> TillSession:
    return TillSession(
        id=session_id, till=till, opened_at=T0, opened_by="op-sup", float_count=FLOAT
    )


def test_a_session_comes_back_with_its_float_count_by_count(db: Database) -> None:
    with db.unit_of_work() as uow:
        uow.till_sessions.open(_session())
        uow.commit()
    with db.unit_of_work(read_only=True) as uow:
        current = uow.till_sessions.current("G1")
        again = uow.till_sessions.get("S1")
        assert uow.till_sessions.current("G2") is None
    assert current == again == _session()
    assert current is not None and current.float_count.total().minor == 7 + 200 + 2000 + 3000 + 5000
    assert current.state is SessionState.OPEN and current.opened_at == T0


def test_an_empty_float_is_stored_too(db: Database) -> None:
    empty = TillSession(
        id="S0", till="G1", opened_at=T0, opened_by="op", float_count=CashCount.empty("EUR")
    )
    with db.unit_of_work() as uow:
        uow.till_sessions.open(empty)
        uow.commit()
    with db.unit_of_work(read_only=True) as uow:
        assert uow.till_sessions.current("G1") == empty


def test_a_second_open_session_on_one_till_is_refused(db: Database) -> None:
    with db.unit_of_work() as uow:
        uow.till_sessions.open(_session("S1"))
        uow.till_sessions.open(_session("S3", till="G2"))  # another till: fine
        uow.commit()
    with db.unit_of_work() as uow, pytest.raises(SessionAlreadyOpen) as raised:
        uow.till_sessions.open(_session("S2"))
    assert raised.value.session_id == "S1"


def test_the_database_itself_refuses_two_open_sessions_on_one_till(db: Database) -> None:
    insert = text(
        "INSERT INTO till_sessions (id, till, opened_at, opened_by, state, float_minor, currency)"
        " VALUES (:id, 'G1', '2026-03-10T09:00:00+00:00', 'op', :state, 0, 'EUR')"
    )
    with db.unit_of_work() as uow:
        uow.session.execute(insert, {"id": "S1", "state": "closed"})
        uow.session.execute(insert, {"id": "S2", "state": "open"})
        uow.session.execute(insert, {"id": "S3", "state": "closed"})  # closed ones: any number
        uow.commit()
    with db.unit_of_work() as uow, pytest.raises(IntegrityError):
        uow.session.execute(insert, {"id": "S4", "state": "open"})


def test_negative_counts_are_refused_by_the_database(db: Database) -> None:
    with db.unit_of_work() as uow:
        uow.till_sessions.open(_session())
        with pytest.raises(IntegrityError):
            uow.session.execute(
                text("INSERT INTO till_session_counts VALUES ('S1', 'float', 2, -1)")
            )


def test_an_unknown_session_is_not_found(db: Database) -> None:
    with db.unit_of_work(read_only=True) as uow, pytest.raises(NotFound):
        uow.till_sessions.get("nope")
