"""Operators: the PIN lockout rule and the screens each role may open."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
from builders import operator
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import DomainError, OperatorError, OperatorLocked, WrongPin
from domain.operators import (
    LOCKOUT,
    MAX_PIN_ATTEMPTS,
    Operator,
    Role,
    Screen,
    may_unlock,
    screens_for,
)

T0 = datetime(2025, 3, 14, 9, 0, tzinfo=UTC)


def _fail(op: Operator, times: int, start: datetime = T0) -> Operator:
    for i in range(times):
        op = op.after_failure(start + timedelta(seconds=i))
    return op


def test_the_rule_constants() -> None:
    assert MAX_PIN_ATTEMPTS == 5
    assert timedelta(minutes=1) == LOCKOUT


def test_a_new_operator_is_not_locked_and_has_five_attempts() -> None:
    op = operator()
    assert not op.is_locked(T0)
    op.check_not_locked(T0)
    assert op.attempts_left == 5
    assert op.active


def test_each_wrong_pin_costs_one_attempt() -> None:
    op = operator()
    for expected_left in (4, 3, 2, 1):
        op = op.after_failure(T0)
        assert op.attempts_left == expected_left
        assert not op.is_locked(T0)


def test_four_wrong_pins_do_not_lock() -> None:
    op = _fail(operator(), 4)
    assert op.failed_attempts == 4
    assert op.locked_until is None
    op.check_not_locked(T0 + timedelta(seconds=10))


def test_five_wrong_pins_lock_for_one_minute() -> None:
    fifth_at = T0 + timedelta(seconds=4)
    op = _fail(operator(), 5)
    assert op.locked_until == fifth_at + timedelta(minutes=1)
    assert op.is_locked(fifth_at)
    assert op.is_locked(fifth_at + timedelta(seconds=59, microseconds=999_999))
    with pytest.raises(OperatorLocked) as caught:
        op.check_not_locked(fifth_at + timedelta(seconds=30))
    assert caught.value.until == fifth_at + timedelta(seconds=60)
    # unlocked after 60 s
    assert not op.is_locked(fifth_at + timedelta(seconds=60))
    assert not op.is_locked(fifth_at + timedelta(minutes=5))
    op.check_not_locked(fifth_at + timedelta(seconds=60))


def test_the_lock_resets_the_count_so_five_more_attempts_follow_it() -> None:
    op = _fail(operator(), 5)
    assert op.failed_attempts == 0
    later = T0 + timedelta(minutes=2)
    op = _fail(op, 4, later)
    assert not op.is_locked(later + timedelta(seconds=4))
    op = op.after_failure(later + timedelta(seconds=10))
    assert op.is_locked(later + timedelta(seconds=11))
    assert op.locked_until == later + timedelta(seconds=70)


def test_success_resets_the_count() -> None:
    op = _fail(operator(), 4).after_success()
    assert op.failed_attempts == 0
    assert op.attempts_left == 5
    # four more failures do not lock: the count started again
    op = _fail(op, 4)
    assert op.locked_until is None
    assert op.attempts_left == 1


def test_a_supervisor_lifts_the_lock() -> None:
    op = _fail(operator(), 5).unlocked()
    assert not op.is_locked(T0 + timedelta(seconds=5))
    assert op.locked_until is None
    assert op.attempts_left == 5


def test_only_an_active_supervisor_may_unlock() -> None:
    assert may_unlock(replace(operator(), role=Role.SUPERVISOR))
    assert not may_unlock(replace(operator(), role=Role.SUPERVISOR, active=False))
    assert not may_unlock(replace(operator(), role=Role.CASHIER))
    assert not may_unlock(replace(operator(), role=Role.TECHNICIAN))


def test_the_lock_compares_instants_across_timezones() -> None:
    op = _fail(operator(), 5)
    paris = timezone(timedelta(hours=1))
    assert op.is_locked((T0 + timedelta(seconds=30)).astimezone(paris))
    assert not op.is_locked((T0 + timedelta(minutes=2)).astimezone(paris))


def test_the_operator_is_immutable() -> None:
    op = operator()
    op.after_failure(T0)
    assert op.failed_attempts == 0
    with pytest.raises(AttributeError):
        op.failed_attempts = 3  # type: ignore[misc]


@given(outcomes=st.lists(st.booleans(), max_size=40))
def test_attempts_left_never_leaves_one_to_five(outcomes: list[bool]) -> None:
    op = operator()
    consecutive_failures = 0
    for i, ok in enumerate(outcomes):
        now = T0 + timedelta(minutes=2 * i)  # always after any previous lock
        if ok:
            op = op.after_success()
            consecutive_failures = 0
        else:
            op = op.after_failure(now)
            consecutive_failures += 1
            assert op.is_locked(now) == (consecutive_failures % MAX_PIN_ATTEMPTS == 0)
        assert 1 <= op.attempts_left <= MAX_PIN_ATTEMPTS


def test_operator_errors() -> None:
    assert WrongPin(3).attempts_left == 3
    assert "3" in str(WrongPin(3))
    until = T0 + LOCKOUT
    assert OperatorLocked(until).until == until
    assert until.isoformat() in str(OperatorLocked(until))
    for error in (WrongPin, OperatorLocked):
        assert issubclass(error, OperatorError)
    assert issubclass(OperatorError, DomainError)


# --- screens per role ------------------------------------------------------------------------


def test_every_role_sees_the_performances() -> None:
    for role in Role:
        assert Screen.PERFORMANCES in screens_for(role)


def test_cashier_screens() -> None:
    screens = screens_for(Role.CASHIER)
    assert Screen.OPERATORS not in screens
    assert Screen.PLANS not in screens


def test_supervisor_screens() -> None:
    screens = screens_for(Role.SUPERVISOR)
    assert Screen.OPERATORS in screens
    assert Screen.PLANS not in screens


def test_technician_screens() -> None:
    screens = screens_for(Role.TECHNICIAN)
    assert Screen.PLANS in screens
    assert Screen.OPERATORS not in screens


def test_no_role_lists_a_screen_twice() -> None:
    for role in Role:
        assert len(set(screens_for(role))) == len(screens_for(role))
