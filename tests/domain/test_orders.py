"""The cart, the tenders that pay it and the order it becomes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.money import Money
from domain.orders import (
    Cart,
    CartLine,
    EmptyCart,
    LineKind,
    NotPaid,
    OrderError,
    PaymentPlan,
    TenderMethod,
    TenderRefused,
    Ticket,
    TooManyTickets,
    due,
    make_order,
    sale_record,
)

EUR = "EUR"
AT = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def seat(n: int, price: str = "25.00", performance: str = "P1") -> CartLine:
    return CartLine(
        f"L{n}", performance, LineKind.SEAT, "CAT1", "FULL", Money.of(price, EUR), 550,
        "Le Misanthrope", seat_id=f"S{n}", seat_label=f"row A seat {n}",
    )  # fmt: skip


def test_lines_are_checked_as_they_are_made() -> None:
    with pytest.raises(OrderError):
        CartLine("x", "P", LineKind.SEAT, "C", "FULL", Money.of("1", EUR), 550, "l", quantity=2)
    with pytest.raises(OrderError):
        CartLine("x", "P", LineKind.STANDING, "C", "FULL", Money.of("1", EUR), 550, "l")
    with pytest.raises(OrderError):
        CartLine("x", "P", LineKind.NO_PLAN, "C", "FULL", Money.of("1", EUR), 550, "l", quantity=0)


def test_the_maximum_per_performance_is_enforced_as_lines_are_added() -> None:
    cart = Cart("c", "G1", EUR).with_lines([seat(1), seat(2)], limit=3)
    standing = CartLine(
        "L9", "P1", LineKind.STANDING, "FOSSE", "FULL", Money.of("30", EUR), 550, "x",
        zone_id="FOSSE", quantity=2,
    )  # fmt: skip
    with pytest.raises(TooManyTickets) as caught:
        cart.with_lines([standing], limit=3)
    assert caught.value.limit == 3
    assert cart.tickets_for("P1") == 2  # nothing was added
    other = cart.with_lines([seat(3, performance="P2")], limit=1)
    assert other.performances() == ("P1", "P2")


def test_tariff_change_and_removal() -> None:
    cart = Cart("c", "G1", EUR).with_lines([seat(1), seat(2)])
    cart = cart.with_tariff("L1", "YOUNG", Money.of("12.00", EUR))
    assert cart.line("L1").audience == "YOUNG" and cart.subtotal() == Money.of("37.00", EUR)
    assert [line.id for line in cart.without("L1").lines] == ["L2"]


def test_cash_gives_change_and_only_cash_does() -> None:
    plan = PaymentPlan(Money.of("52.00", EUR))
    with pytest.raises(TenderRefused, match="only cash"):
        plan.other(TenderMethod.CARD, Money.of("60.00", EUR))
    plan = plan.other(TenderMethod.VOUCHER, Money.of("20.00", EUR), "GIFT-1")
    plan = plan.cash(Money.of("50.00", EUR))
    assert plan.settled
    assert plan.tenders[-1].amount == Money.of("32.00", EUR)
    assert plan.tenders[-1].change == Money.of("18.00", EUR)
    with pytest.raises(TenderRefused):
        plan.exact_cash()  # nothing is due any more


tenders = st.lists(
    st.tuples(st.sampled_from(list(TenderMethod)), st.integers(-500, 20_000)), max_size=8
)


@given(due_minor=st.integers(1, 50_000), attempts=tenders)
def test_the_balance_never_goes_below_zero_and_is_what_was_not_paid(
    due_minor: int, attempts: list[tuple[TenderMethod, int]]
) -> None:
    plan = PaymentPlan(Money(due_minor, EUR))
    for method, minor in attempts:
        try:
            plan = plan.other(method, Money(minor, EUR))
        except TenderRefused:
            continue
    assert 0 <= plan.balance.minor <= due_minor
    assert plan.paid.minor + plan.balance.minor == due_minor
    change = sum(t.change.minor for t in plan.tenders)
    assert all(t.change.is_zero for t in plan.tenders if t.method is not TenderMethod.CASH)
    assert change >= 0


def test_an_order_is_made_only_from_a_paid_cart_and_its_totals_add_up() -> None:
    cart = Cart("c", "G1", EUR).with_lines([seat(1, "100.00"), seat(2, "25.00")])
    fee = Money.of("2.00", EUR)
    plan = PaymentPlan(due(cart, fee))
    with pytest.raises(NotPaid):
        make_order("o", cart, fee, 550, plan, [], session_id="s", operator_id="op", at=AT)
    with pytest.raises(EmptyCart):
        make_order("o", Cart("e", "G1", EUR), fee, 550, plan, [], session_id="s",
                   operator_id="op", at=AT)  # fmt: skip
    plan = plan.exact_cash()
    tickets = [
        Ticket(7, "B7", "L1", "P1", "CAT1", "FULL", Money.of("100.00", EUR), seat_id="S1"),
        Ticket(8, "B8", "L2", "P1", "CAT1", "FULL", Money.of("25.00", EUR), seat_id="S2"),
    ]
    order = make_order("o", cart, fee, 550, plan, tickets, session_id="s", operator_id="op", at=AT)
    assert order.total == Money.of("127.00", EUR) == plan.paid
    assert sum(v.gross.minor for v in order.vat) == order.total.minor
    record = sale_record(order)
    assert record["tickets"] == [7, 8] and record["total"] == {"minor": 12700, "currency": EUR}
    assert record["lines"][0]["seat"] == "row A seat 1"  # type: ignore[index]
