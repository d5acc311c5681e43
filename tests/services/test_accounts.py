"""A company's waiting account on the demo till's real database: two tickets paid on account,
one refunded back to the account (no cash), the balance per company read from the journal and
the X report's tender row for that company."""

from __future__ import annotations

import pytest

from app.services.accounts import account_balances
from app.services.selling import TenderNotValid
from domain.accounts import reference
from domain.orders import PaymentPlan, TenderMethod
from tests.services.test_after_sale import (  # noqa: F401 (the fixtures)
    Till,
    _seats,
    template,
    till,
)


def test_sold_on_account_refunded_to_the_account(till: Till) -> None:  # noqa: F811
    view = till.selling.add_seats(
        till.selling.open_cart().cart.id, "P-MIS-2", _seats(till, "P-MIS-2", 2)
    )
    with pytest.raises(TenderNotValid):  # an "other" tender no channel takes, no company
        till.selling.complete(
            view.cart.id,
            PaymentPlan(view.due).other(TenderMethod.OTHER, view.due, "account:"),
            "OP-CASHIER",
        )
    plan = PaymentPlan(view.due).other(TenderMethod.OTHER, view.due, reference("Acme SA"))
    sale = till.selling.complete(view.cart.id, plan, "OP-CASHIER")
    assert account_balances(till.services.uow_factory, "G1") == {"Acme SA": view.due}
    back = sale.order.tickets[1]
    result = till.after.refund(sale.order.id, [back.number], "x", till.operator("OP-CASHIER"))
    assert result.cash_back.is_zero and till.drawer == []  # back to the account, not cash
    owed = view.due - back.price
    assert account_balances(till.services.uow_factory, "G1") == {"Acme SA": owed}
    receipt = till.selling.receipt(sale.order.id)
    assert [p.method for p in receipt.payments] == ["Compte d'attente Acme SA"]
    x = till.services.x_report().totals
    assert x.tender("account:Acme SA") == owed and x.tender("cash").is_zero
