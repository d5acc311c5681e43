"""A refund onto a credit balance (avoir) on the demo till's real database: the card is not
touched, a code is issued with the refund's value, journaled with the refund; the code is then
spent as a gift card tender, its balance going down and never below zero."""

from __future__ import annotations

import pytest

from app.services.selling import TenderNotValid
from domain.ledger import totals
from domain.money import Money
from domain.orders import PaymentPlan, TenderMethod
from tests.services.test_after_sale import (  # noqa: F401 (the fixtures)
    Till,
    _card_sale,
    _seats,
    template,
    till,
)


def _balance(station: Till, code: str) -> Money | None:
    with station.services.uow_factory(read_only=True) as uow:
        return uow.gift_cards.balance(code)


def test_a_refund_to_a_credit_balance_issues_a_code_spent_later_as_a_tender(
    till: Till,  # noqa: F811
) -> None:
    sale = _card_sale(till)
    back = sale.order.tickets[1]
    result = till.after.refund(
        sale.order.id, [back.number], "changed plans", till.operator("OP-CASHIER"), to_credit=True
    )
    code = result.credit_code
    assert code.startswith("AV-") and len(code) > 10
    assert result.voucher_back == back.price and result.card_back.is_zero
    assert result.cash_back.is_zero and till.drawer == []
    with till.services.uow_factory(read_only=True) as uow:
        assert uow.payments.for_reference(result.correction.id) == []  # the card untouched
    assert _balance(till, code) == back.price
    refund = till.journal()[-1]
    assert refund["type"] == "refund" and refund["credit_balance"] == code
    assert [(t["method"], t["reference"]) for t in refund["tenders"]] == [("voucher", code)]  # type: ignore[union-attr]
    assert "Avoir " + code in [p.method for p in till.after.receipt(result.correction.id).payments]
    # Spent later as a tender, like a gift card; too much is refused, nothing taken.
    view = till.selling.add_seats(
        till.selling.open_cart().cart.id, "P-MIS-3", _seats(till, "P-MIS-3", 2)
    )
    too_much = Money(back.price.minor + 1, "EUR")
    assert too_much.minor < view.due.minor
    plan = PaymentPlan(view.due).other(TenderMethod.VOUCHER, too_much, code).exact_cash()
    with pytest.raises(TenderNotValid):
        till.selling.complete(view.cart.id, plan, "OP-CASHIER")
    assert _balance(till, code) == back.price
    used = Money(min(back.price.minor, view.due.minor) - 100, "EUR")
    plan = PaymentPlan(view.due).other(TenderMethod.VOUCHER, used, code).exact_cash()
    till.selling.complete(view.cart.id, plan, "OP-CASHIER")
    assert _balance(till, code) == back.price - used
    # The ledger: the card keeps the whole sale; the vouchers' net is what was used less
    # what was issued (the credit still owed is the balance).
    report = totals(till.journal())
    assert report.tender("card") == sale.order.total
    assert report.tender("voucher") == used - back.price
    assert report.refunds.amount == back.price
