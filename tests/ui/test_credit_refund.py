"""F2: a refund ticked "to a credit balance" goes onto a new avoir code, said on the screen; the
card is not touched and the code holds the ticket's price."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.main import Station
from app.services.after_sale import AfterSaleServices

from .test_orders_screen import _find, _orders, _sale, _tick, station  # noqa: F401


@pytest.mark.timeout(60)
def test_a_refund_to_a_credit_balance_shows_its_code(
    qtbot: QtBot,
    station: tuple[Station, AfterSaleServices],  # noqa: F811
) -> None:
    built, after = station
    sale = _sale(built, card=True)
    _, screen = _orders(qtbot, built, after)
    _find(qtbot, screen, f"G1-{sale.device_seq:06d}")
    qtbot.waitUntil(lambda: screen.view is not None)
    _tick(screen, 1)
    screen.reason.setText("changed plans")
    screen.to_credit.setChecked(True)
    qtbot.keyClick(screen.reason, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "credit balance AV-" in screen.message.text(), timeout=20_000)
    assert "to the card" not in screen.message.text() and not screen.to_credit.isChecked()
    code = screen.message.text().split("credit balance ")[1].split(" ")[0]
    with built.services.uow_factory(read_only=True) as uow:
        assert uow.gift_cards.balance(code) == sale.order.tickets[1].price
