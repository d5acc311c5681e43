"""The close of a till session in the domain: the blind count, variances and their reasons,
recounts, who may close."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from builders import operator

from domain.errors import (
    InvalidCashCount,
    InvalidCashMovement,
    NotAllowedToClose,
    NotCounted,
    SessionBeingClosed,
    StaleCount,
    VarianceNeedsReason,
)
from domain.money import Money
from domain.operators import Role
from domain.till import (
    CashCount,
    SessionState,
    TillSession,
    blind_count,
    check_cash_movement,
    close_session,
    count_from_record,
    count_record,
    counted,
    variances,
)

AT = datetime(2026, 3, 10, 22, 0, tzinfo=UTC)
CASHIER = operator(Role.CASHIER)
SUPERVISOR = replace(operator(Role.SUPERVISOR), id="sup")
SESSION = TillSession("S1", "G1", AT, "sup", CashCount.of("EUR", {5000: 3}))


def eur(amount: str) -> Money:
    return Money.of(amount, "EUR")


def test_a_blind_count_declares_every_tender_and_reads_back_from_its_record() -> None:
    cash = CashCount.of("EUR", {5000: 2, 200: 4})
    count = blind_count(SESSION, None, AT, CASHIER, cash, {"card": eur("12.00")}, eur("12.50"))
    assert count.number == 1 and count.declared() == {"cash": eur("108.00"), "card": eur("12.00")}
    assert count.terminal_disagrees
    assert count_from_record(count_record(count, "G1")) == count
    again = blind_count(counted(SESSION), count, AT, CASHIER, cash, {})
    assert again.number == 2
    with pytest.raises(InvalidCashCount):
        blind_count(SESSION, None, AT, CASHIER, cash, {"card": eur("-1.00")})
    with pytest.raises(InvalidCashCount):
        blind_count(SESSION, None, AT, operator(Role.TECHNICIAN), cash, {})


def test_variances_cover_both_sides_cash_first() -> None:
    found = variances(
        {"cash": eur("100.00"), "cheque": eur("30.00")},
        {"cash": eur("98.00"), "card": eur("5.00")},
    )
    assert [(v.tender, v.difference) for v in found] == [
        ("cash", eur("-2.00")), ("card", eur("5.00")), ("cheque", eur("-30.00"))
    ]  # fmt: skip


def test_only_a_supervisor_seals_a_counted_session_and_every_variance_has_its_reason() -> None:
    count = blind_count(SESSION, None, AT, CASHIER, CashCount.of("EUR", {5000: 3}), {})
    found = variances({"cash": eur("152.00")}, count.declared())
    with pytest.raises(NotCounted):
        close_session(SESSION, None, 1, AT, SUPERVISOR, found, {})
    session = counted(SESSION)
    with pytest.raises(NotAllowedToClose):
        close_session(session, count, 1, AT, CASHIER, found, {"cash": "x"})
    with pytest.raises(StaleCount):
        close_session(session, count, 2, AT, SUPERVISOR, found, {"cash": "x"})
    with pytest.raises(VarianceNeedsReason):
        close_session(session, count, 1, AT, SUPERVISOR, found, {"cash": " \t"})
    closed, explained = close_session(session, count, 1, AT, SUPERVISOR, found, {"cash": " coin  "})
    assert closed.state is SessionState.CLOSED and closed.closed_at == AT
    assert explained[0].reason == "coin"


def test_nothing_moves_in_a_counted_session() -> None:
    assert check_cash_movement(SESSION, CASHIER, eur("5.00"), " change ") == "change"
    with pytest.raises(SessionBeingClosed):
        check_cash_movement(counted(SESSION), CASHIER, eur("5.00"), "change")
    with pytest.raises(InvalidCashMovement):
        check_cash_movement(SESSION, CASHIER, Money(500, "CHF"), "change")
