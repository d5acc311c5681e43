"""The exchange from the orders screen (F2, Ctrl+E) on the real demo station: a ticket of a
cash sale exchanged for a seat of another date, the new seat picked best available into the
till's cart, the difference paid in cash; too little cash refused with nothing exchanged; Esc
gives the picked seat back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.main import Station
from app.services.after_sale import AfterSaleServices
from app.ui.orders.orders_screen import OrdersScreen

from .test_orders_screen import _find, _orders, _sale, _tick, station  # noqa: F401

Built = tuple[Station, AfterSaleServices]


def _start(qtbot: QtBot, screen: OrdersScreen, number: str) -> None:
    _find(qtbot, screen, number)
    qtbot.waitUntil(lambda: screen.view is not None)
    _tick(screen, 1)
    screen.reason.setText("another date")
    qtbot.keyClick(screen.reason, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    panel = screen.exchange_panel
    assert panel is not None
    qtbot.waitUntil(lambda: panel.performance.count() > 0 and panel.tariff.count() > 0)
    panel.performance.setCurrentIndex(panel.performance.findData("P-MIS-3"))
    qtbot.waitUntil(lambda: panel.tariff.count() > 0)
    panel.tariff.setCurrentIndex(0)
    panel.count.setValue(2)
    panel.pick()
    qtbot.waitUntil(lambda: "Ctrl+E exchanges" in panel.summary.text(), timeout=20_000)


@pytest.mark.timeout(90)
def test_ctrl_e_exchanges_a_ticket_for_two_seats_of_another_date_paying_in_cash(
    qtbot: QtBot,
    station: Built,  # noqa: F811
) -> None:
    built, after = station
    sale = _sale(built, card=False)
    _, screen = _orders(qtbot, built, after)
    _start(qtbot, screen, f"G1-{sale.device_seq:06d}")
    panel = screen.exchange_panel
    assert panel is not None and panel.plan is not None
    assert "pays" in panel.summary.text() and panel.plan.to_pay.minor > 0
    # Too little cash: refused, nothing exchanged, the panel still there.
    panel.cash.setText("0.01")
    qtbot.keyClick(panel.cash, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Nothing was exchanged" in panel.summary.text())
    assert panel.isVisible()
    assert [t.state for t in after.order(sale.order.id).tickets] == ["valid", "valid"]
    panel.cash.clear()  # empty: the exact amount
    qtbot.keyClick(panel.cash, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Exchanged" in screen.message.text(), timeout=20_000)
    assert "2 new tickets" in screen.message.text() and not panel.isVisible()
    qtbot.waitUntil(lambda: screen.tickets.topLevelItem(1).text(5) == "exchanged")
    with built.services.uow_factory(read_only=True) as uow:
        records = [dict(e.record) for e in uow.journal.entries("G1")]
    # The print worker journals each ticket printed whenever it gets to it.
    refund, new_sale = [r for r in records if r["type"] != "print"][-2:]
    assert (refund["type"], new_sale["type"]) == ("refund", "sale")
    assert refund["exchange"] == new_sale["exchange"]


@pytest.mark.timeout(90)
def test_esc_gives_the_picked_seats_back_and_changes_nothing(
    qtbot: QtBot,
    station: Built,  # noqa: F811
) -> None:
    built, after = station
    sale = _sale(built, card=False)
    _, screen = _orders(qtbot, built, after)
    _start(qtbot, screen, str(sale.order.tickets[0].number))
    panel = screen.exchange_panel
    assert panel is not None
    qtbot.keyClick(panel.cash, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: "No exchange" in screen.message.text())
    qtbot.waitUntil(lambda: not built.selling.open_cart().cart.lines)
    assert [t.state for t in after.order(sale.order.id).tickets] == ["valid", "valid"]
