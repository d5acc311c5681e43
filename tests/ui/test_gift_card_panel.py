"""F2's gift card row: a new card sold for cash (its code then shown and its balance read), a
top-up, and an unknown card or a wrong amount refused with nothing done."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.main import Station
from app.services.after_sale import AfterSaleServices
from domain.money import Money

from .test_orders_screen import _orders, station  # noqa: F401


@pytest.mark.timeout(60)
def test_a_gift_card_sold_topped_up_and_its_balance_read(
    qtbot: QtBot,
    station: tuple[Station, AfterSaleServices],  # noqa: F811
) -> None:
    built, after = station
    _, screen = _orders(qtbot, built, after)
    panel = screen.gift_cards
    panel.amount.setText("50")
    panel.cash.setText("60")
    qtbot.keyClick(panel.cash, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "sold" in screen.message.text())
    assert "GIVE" in screen.message.text()  # the change
    code = panel.code.text()
    assert code.startswith("GC-")
    with built.services.uow_factory(read_only=True) as uow:
        assert uow.gift_cards.balance(code) == Money.of("50", "EUR")
    panel.amount.setText("10,50")
    panel.cash.clear()
    qtbot.keyClick(panel.cash, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "topped up" in screen.message.text())
    panel.balance()
    qtbot.waitUntil(lambda: "holds" in screen.message.text())
    assert "to spend until" in screen.message.text()
    panel.code.setText("GIFT-2025-0009")  # the demo's card that lapsed yesterday
    panel.balance()
    qtbot.waitUntil(lambda: "expired on" in screen.message.text())
    assert "€30.00" in screen.message.text().replace("\u00a0", " ")
    # Bad input: nothing done.
    panel.code.setText("GC-NOSUCH")
    panel.amount.setText("5")
    qtbot.keyClick(panel.cash, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "No gift card GC-NOSUCH" in screen.message.text())
    assert "Nothing was done" in screen.message.text()
    panel.amount.setText("abc")
    qtbot.keyClick(panel.cash, Qt.Key.Key_Return)
    assert "not an amount" in screen.message.text()
    with built.services.uow_factory(read_only=True) as uow:
        assert uow.gift_cards.balance(code) == Money.of("60.50", "EUR")


@pytest.mark.timeout(60)
def test_a_gift_card_sold_by_card_on_the_demo_terminal(
    qtbot: QtBot,
    station: tuple[Station, AfterSaleServices],  # noqa: F811
) -> None:
    built, after = station
    _, screen = _orders(qtbot, built, after)
    panel = screen.gift_cards
    assert panel.card_button.isVisible()
    panel.amount.setText("35")
    qtbot.mouseClick(panel.card_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "sold" in screen.message.text(), timeout=30_000)
    code = panel.code.text()
    assert code.startswith("GC-") and "GIVE" not in screen.message.text()  # no change
    with built.services.uow_factory(read_only=True) as uow:
        assert uow.gift_cards.balance(code) == Money.of("35", "EUR")
        record = [e.record for e in uow.journal.entries("G1")][-1]
    assert record["tenders"][0]["method"] == "card"  # type: ignore[index]
