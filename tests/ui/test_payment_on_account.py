"""The payment panel's waiting account (Shift+F11) on the real demo station: the company's
field proposes the companies known already, Shift+F11 with no company asks for one, and a
company named pays what is still due on its account: the sale's tender, the account's balance
the receipt and the supervisor's X report name it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.main import Station
from app.services import till_reports
from app.services.accounts import account_balances
from app.services.contacts import ContactServices
from domain.money import Money

from .test_sale_counter_speed import station  # noqa: F401
from .test_sale_screen import _at_payment


def test_shift_f11_pays_the_rest_on_the_named_companys_account(
    qtbot: QtBot,
    station: Station,  # noqa: F811
) -> None:
    services = station.services
    ContactServices(services.uow_factory, services.clock).create("Ana", company="Zenith Events")
    _sale, panel = _at_payment(qtbot, station)
    assert panel.companies.stringList() == ["Zenith Events"]
    qtbot.keyClick(panel.amount, Qt.Key.Key_F11, Qt.KeyboardModifier.ShiftModifier)
    assert "Type the company" in panel.message.text()
    assert panel.plan is not None and panel.plan.tenders == ()
    qtbot.keyClicks(panel.amount, "10")
    qtbot.keyClick(panel.amount, Qt.Key.Key_F5)  # 10.00 in cash first
    qtbot.keyClicks(panel.company, "Zenith  Events", delay=60)  # typed, not a scan
    qtbot.keyClick(panel.company, Qt.Key.Key_F11, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: panel.result is not None)
    order = panel.result.order
    on_account = order.tenders[1]
    assert (on_account.method.value, on_account.reference) == ("other", "account:Zenith Events")
    assert on_account.amount == order.total - Money.of("10.00", "EUR")
    assert panel.tenders.item(1).text().startswith("On account of Zenith Events: ")
    assert account_balances(services.uow_factory, "G1") == {"Zenith Events": on_account.amount}
    receipt = station.selling.receipt(order.id)
    assert [p.method for p in receipt.payments] == ["Espèces", "Compte d'attente Zenith Events"]
    x_report = till_reports.report_page(services.x_report(), "G1", "Europe/Paris", "en")
    assert "Waiting account Zenith Events" in till_reports.report_text(x_report)  # F10, Alt+X


def test_enter_in_the_company_field_pays_on_account_never_more_than_is_due(
    qtbot: QtBot,
    station: Station,  # noqa: F811
) -> None:
    _sale, panel = _at_payment(qtbot, station)
    assert panel.plan is not None
    qtbot.keyClicks(panel.amount, "9999")
    qtbot.keyClicks(panel.company, "Acme SA", delay=60)  # typed, not a scan
    qtbot.keyClick(panel.company, Qt.Key.Key_Return)
    assert "only cash gives change" in panel.message.text()
    assert panel.plan.tenders == () and panel.company.text() == "Acme SA"
    panel.amount.clear()
    qtbot.keyClick(panel.company, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.result is not None)
    assert [t.reference for t in panel.result.order.tenders] == ["account:Acme SA"]
