"""Logging in through the till's database: the fifth wrong PIN locks and the fourth does not,
the count survives a restart, text no PIN can be is a counted wrong PIN, inactive operators are
neither offered nor let in, and only a supervisor (as stored now) may lift a lock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from app.persistence import Database, open_database
from app.services import auth
from app.services.auth import Argon2PinHasher, UnknownOperator
from domain.errors import OperatorError, OperatorLocked, WrongPin
from domain.operators import LOCKOUT, Operator, Role
from tests.fakes import FixedClock

HASHER = Argon2PinHasher(time_cost=1, memory_cost=256)  # cheap: the rule is tested, not argon2


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "till.sqlite3")
    with database.unit_of_work() as uow:
        for id_, role, active in (
            ("cam", Role.CASHIER, True),
            ("jul", Role.SUPERVISOR, True),
            ("sac", Role.TECHNICIAN, True),
            ("old", Role.SUPERVISOR, False),
        ):
            pin_hash = HASHER.hash("1234")
            uow.operators.add(Operator(id_, id_, id_.title(), role, pin_hash, active=active))
        uow.commit()
    try:
        yield database
    finally:
        database.close()


def stored(db: Database, operator_id: str) -> Operator:
    with db.unit_of_work() as uow:
        operator: Operator = uow.operators.get(operator_id)
        return operator


def log_in(db: Database, clock: FixedClock, pin: str, operator_id: str = "cam") -> Operator:
    return auth.log_in(db.unit_of_work, HASHER, clock, operator_id, pin, till="G1")


def test_the_right_pin_logs_in(db: Database) -> None:
    assert log_in(db, FixedClock(), "1234").id == "cam"


def journal_types(db: Database) -> list[str]:
    with db.unit_of_work(read_only=True) as uow:
        return [str(entry.record["type"]) for entry in uow.journal.entries("G1")]


def test_a_login_and_a_logout_are_journaled_and_a_wrong_pin_is_not(db: Database) -> None:
    clock = FixedClock()
    with pytest.raises(WrongPin):
        log_in(db, clock, "0000")
    assert journal_types(db) == []
    operator = log_in(db, clock, "1234")
    auth.log_out(db.unit_of_work, clock, operator, "G1")
    assert journal_types(db) == ["login", "logout"]
    with db.unit_of_work(read_only=True) as uow:
        login = next(uow.journal.entries("G1")).record
    assert login == {
        "type": "login",
        "at": clock.now().isoformat(),
        "till": "G1",
        "operator": {"login": "cam", "name": "Cam", "role": "cashier"},
    }


def test_the_fourth_wrong_pin_does_not_lock_and_the_fifth_does(db: Database) -> None:
    clock = FixedClock()
    for left in (4, 3, 2, 1):
        with pytest.raises(WrongPin) as wrong:
            log_in(db, clock, "0000")
        assert wrong.value.attempts_left == left
        clock.advance(timedelta(seconds=1))
    assert stored(db, "cam").locked_until is None
    assert stored(db, "cam").failed_attempts == 4  # counted in the database: survives a restart
    fifth_at = clock.now()
    with pytest.raises(OperatorLocked) as locked:
        log_in(db, clock, "0000")
    assert locked.value.until == fifth_at + LOCKOUT
    assert stored(db, "cam").locked_until == fifth_at + LOCKOUT
    clock.advance(timedelta(seconds=30))
    with pytest.raises(OperatorLocked):
        log_in(db, clock, "1234")  # even the right PIN, while locked
    clock.advance(timedelta(seconds=30))
    assert log_in(db, clock, "1234").id == "cam"  # a minute later


def test_after_four_wrong_pins_the_right_one_still_logs_in_and_resets(db: Database) -> None:
    clock = FixedClock()
    for _ in range(4):
        with pytest.raises(WrongPin):
            log_in(db, clock, "0000")
    assert log_in(db, clock, "1234").failed_attempts == 0
    assert stored(db, "cam").failed_attempts == 0


@pytest.mark.parametrize("pin", ["\ud800", "12\udfff34", "\udc80"])
def test_a_pin_with_a_lone_surrogate_is_a_counted_wrong_pin(db: Database, pin: str) -> None:
    clock = FixedClock()
    with pytest.raises(WrongPin) as wrong:
        log_in(db, clock, pin)
    assert wrong.value.attempts_left == 4
    assert stored(db, "cam").failed_attempts == 1
    for _ in range(3):
        with pytest.raises(WrongPin):
            log_in(db, clock, pin)
    with pytest.raises(OperatorLocked):
        log_in(db, clock, pin)  # the fifth locks, like any wrong PIN


def test_inactive_operators_are_not_offered_and_not_let_in(db: Database) -> None:
    offered = {card.id for card in auth.list_operators(db.unit_of_work)}
    assert offered == {"cam", "jul", "sac"}
    with pytest.raises(UnknownOperator):
        log_in(db, FixedClock(), "1234", operator_id="old")
    assert stored(db, "old").failed_attempts == 0  # nothing recorded either


def test_an_operator_who_does_not_exist_is_refused(db: Database) -> None:
    with pytest.raises(UnknownOperator):
        log_in(db, FixedClock(), "1234", operator_id="nobody")


def _lock_cashier(db: Database, clock: FixedClock) -> None:
    for _ in range(5):
        with pytest.raises((WrongPin, OperatorLocked)):
            log_in(db, clock, "0000")
    assert stored(db, "cam").is_locked(clock.now())


def test_a_supervisor_unlocks(db: Database) -> None:
    clock = FixedClock()
    _lock_cashier(db, clock)
    auth.unlock_operator(db.unit_of_work, stored(db, "jul"), "cam")
    assert not stored(db, "cam").is_locked(clock.now())
    assert stored(db, "cam").attempts_left == 5
    assert log_in(db, clock, "1234").id == "cam"


@pytest.mark.parametrize("who", ["cam", "sac", "old"])
def test_no_one_but_an_active_supervisor_unlocks(db: Database, who: str) -> None:
    clock = FixedClock()
    _lock_cashier(db, clock)
    with pytest.raises(OperatorError):
        auth.unlock_operator(db.unit_of_work, stored(db, who), "cam")
    assert stored(db, "cam").is_locked(clock.now())


def test_the_stored_role_decides_not_the_sessions_copy(db: Database) -> None:
    clock = FixedClock()
    _lock_cashier(db, clock)
    # a session that started as supervisor, whose operator has since been made inactive
    session_copy = stored(db, "old")
    assert session_copy.role is Role.SUPERVISOR
    with pytest.raises(OperatorError):
        auth.unlock_operator(db.unit_of_work, session_copy, "cam")
    # a cashier's record dressed up as a supervisor by the caller
    forged = Operator("cam", "cam", "Cam", Role.SUPERVISOR, "x")
    with pytest.raises(OperatorError):
        auth.unlock_operator(db.unit_of_work, forged, "cam")
    assert stored(db, "cam").is_locked(clock.now())
