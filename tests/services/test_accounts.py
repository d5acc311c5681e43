"""A company's waiting account on the demo till's real database: two tickets paid on account,
one refunded back to the account (no cash), the balance per company read from the journal and
the X report's tender row for that company."""

from __future__ import annotations

from pathlib import Path

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


def test_the_companies_proposed_are_the_accounts_then_the_contacts_companies(
    till: Till,  # noqa: F811
) -> None:
    from app.services.accounts import account_companies
    from app.services.contacts import ContactServices

    contacts = ContactServices(till.services.uow_factory, till.clock)
    contacts.create("Ana Diaz", company="  Zenith   Events ")
    contacts.create("Bo Li", company="acme sa")  # the same company as the account, once
    contacts.create("Cy Roe")  # no company
    view = till.selling.add_seats(
        till.selling.open_cart().cart.id, "P-MIS-2", _seats(till, "P-MIS-2", 1)
    )
    plan = PaymentPlan(view.due).other(TenderMethod.OTHER, view.due, reference("Acme SA"))
    till.selling.complete(view.cart.id, plan, "OP-CASHIER")
    assert account_companies(till.services.uow_factory, "G1") == ["Acme SA", "Zenith Events"]


def test_the_command_line_lists_what_each_account_owes(
    till: Till,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from app.cli import run_cli

    folder = str(tmp_path / "till")  # the fixture's station
    assert run_cli(["--data-dir", folder, "account", "balances"]) == 0
    assert "no company's waiting account owes anything" in capsys.readouterr().out
    for company, count in (("Acme SA", 1), ("Zenith Events", 2)):
        view = till.selling.add_seats(
            till.selling.open_cart().cart.id, "P-MIS-2", _seats(till, "P-MIS-2", count)
        )
        plan = PaymentPlan(view.due).other(TenderMethod.OTHER, view.due, reference(company))
        till.selling.complete(view.cart.id, plan, "OP-CASHIER")
    owed = account_balances(till.services.uow_factory, "G1")
    assert run_cli(["--data-dir", folder, "account", "balances"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("  ")[0].strip() for line in lines] == ["Zenith Events", "Acme SA", "total"]
    assert lines[0].endswith(f"{owed['Zenith Events'].to_decimal()} EUR")
    total = owed["Acme SA"] + owed["Zenith Events"]
    assert lines[2].endswith(f"{total.to_decimal()} EUR")
