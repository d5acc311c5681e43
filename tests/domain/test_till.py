"""Till sessions: the float counted by denomination, and who may open a session when."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from builders import operator
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import (
    DomainError,
    FloatNotAllowed,
    InvalidCashCount,
    NotAllowedToOpen,
    SessionAlreadyOpen,
    TillError,
)
from domain.money import Money
from domain.operators import Role
from domain.till import (
    DENOMINATIONS,
    CashCount,
    SessionState,
    TillSession,
    denominations,
    open_session,
)

T0 = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
SUPERVISOR = operator(Role.SUPERVISOR)

# The euro's coins and notes, written out from the ECB's list, not from the module.
EURO_IN_CENTS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000]


def test_the_euro_has_eight_coins_and_seven_notes() -> None:
    assert list(denominations("EUR")) == EURO_IN_CENTS


def test_a_float_totals_to_the_cent() -> None:
    count = CashCount.of("EUR", {1: 3, 50: 2, 200: 5, 2000: 4})
    assert count.total() == Money.of("91.03", "EUR")


def test_zero_counts_are_dropped_so_equal_cash_counts_are_equal() -> None:
    assert CashCount.of("EUR", {500: 2, 100: 0}) == CashCount.of("EUR", {500: 2})
    assert CashCount.of("EUR", {}).total() == Money.zero("EUR")


@pytest.mark.parametrize("counts", [{100: -1}, {3: 1}, {25: 1}, {100_000: 1}])
def test_a_negative_count_or_an_unknown_denomination_is_refused(counts: dict[int, int]) -> None:
    with pytest.raises(InvalidCashCount):
        CashCount.of("EUR", counts)


def test_a_count_is_a_whole_number_and_a_denomination_counted_once() -> None:
    with pytest.raises(InvalidCashCount):
        CashCount("EUR", ((100, True),))  # type: ignore[arg-type]
    with pytest.raises(InvalidCashCount):
        CashCount("EUR", ((100, 1), (100, 2)))


def test_a_currency_without_known_denominations_is_refused() -> None:
    with pytest.raises(InvalidCashCount):
        CashCount.of("XYZ", {1: 1})


@given(st.dictionaries(st.sampled_from(EURO_IN_CENTS), st.integers(0, 10_000)))
def test_the_total_is_the_sum_of_each_denomination_times_its_count(counts: dict[int, int]) -> None:
    count = CashCount.of("EUR", counts)
    assert count.total().minor == sum(d * n for d, n in counts.items())
    assert all(count.count(d) == n for d, n in counts.items())
    assert set(count.as_dict()) <= set(DENOMINATIONS["EUR"])


def _open(current: TillSession | None = None, **kwargs: object) -> TillSession:
    args: dict[str, object] = {
        "session_id": "S2",
        "till": "G1",
        "opened_at": T0,
        "operator": SUPERVISOR,
        "float_count": CashCount.of("EUR", {2000: 5}),
        "current": current,
    }
    args.update(kwargs)
    return open_session(**args)  # type: ignore[arg-type]


def test_a_supervisor_opens_a_session_with_its_float() -> None:
    session = _open()
    assert session.is_open and session.state is SessionState.OPEN
    assert session.opened_by == SUPERVISOR.id and session.till == "G1"
    assert session.float_count.total() == Money.of("100.00", "EUR")


@pytest.mark.parametrize("role", [Role.CASHIER, Role.TECHNICIAN])
def test_only_a_supervisor_opens_a_till(role: Role) -> None:
    with pytest.raises(NotAllowedToOpen):
        _open(operator=operator(role))


def test_an_inactive_supervisor_cannot_open() -> None:
    with pytest.raises(NotAllowedToOpen):
        _open(operator=replace(SUPERVISOR, active=False))


def test_one_open_session_per_till() -> None:
    first = _open(session_id="S1")
    with pytest.raises(SessionAlreadyOpen) as raised:
        _open(current=first)
    assert raised.value.session_id == "S1"
    assert isinstance(raised.value, TillError) and isinstance(raised.value, DomainError)


def test_a_closed_session_or_another_tills_does_not_stop_an_opening() -> None:
    closed = replace(_open(session_id="S1"), state=SessionState.CLOSED, closed_at=T0)
    assert _open(current=closed).is_open
    assert _open(current=_open(session_id="S1", till="G2")).till == "G1"


def test_a_channel_without_float_opens_only_with_an_empty_drawer() -> None:
    with pytest.raises(FloatNotAllowed):
        _open(float_allowed=False)
    assert _open(float_allowed=False, float_count=CashCount.empty("EUR")).is_open


def test_a_session_time_is_aware() -> None:
    with pytest.raises(ValueError):
        _open(opened_at=datetime(2026, 3, 10, 9, 0))
