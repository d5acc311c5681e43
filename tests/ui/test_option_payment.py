"""A validated option picked up on the orders screen (F2, scan of its file number) is paid on
the sale's payment panel, with any tender: here on the demo's card terminal (the ZVT
simulator), the sale journaled with its card tender and the option ordered; Esc before
anything is paid leaves the option validated with its places held until its expiry."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.main import Station
from app.services.after_sale import AfterSaleServices
from app.services.contacts import ContactServices
from app.services.options import OptionServices
from domain.options import Option, OptionState
from domain.orders import TenderMethod

from .test_orders_screen import _find, _orders, station  # noqa: F401

Built = tuple[Station, AfterSaleServices]


def _validated(built: Station, file_number: str) -> tuple[OptionServices, Option]:
    uow, clock = built.services.uow_factory, built.services.clock
    options = OptionServices(uow, clock, "G1", built.selling)
    contact = ContactServices(uow, clock).create("Blanche Dainville").id
    option = options.create_direct(contact, "P-MIS-2", {"CAT2": 2},
                                   clock.now() + timedelta(days=3), file_number)  # fmt: skip
    return options, options.validate(option.id)


@pytest.mark.timeout(90)
def test_a_scanned_option_is_paid_by_card_on_the_payment_panel(
    qtbot: QtBot,
    station: Built,  # noqa: F811
) -> None:
    built, after = station
    options, option = _validated(built, "GRP-7")
    _, screen = _orders(qtbot, built, after)
    _find(qtbot, screen, "GRP-7")  # the scan: nothing sold here by that number, an option
    panel = screen.option_payment
    assert panel is not None
    qtbot.waitUntil(lambda: panel.isVisible() and panel.ready, timeout=20_000)
    assert panel.plan is not None and panel.plan.due == options.due(option.id).due
    qtbot.keyClick(panel.amount, Qt.Key.Key_F6)  # the card, on the terminal
    qtbot.waitUntil(lambda: panel.result is not None, timeout=30_000)
    assert options.get(option.id).state is OptionState.ORDERED
    with built.services.uow_factory(read_only=True) as uow:
        sales = [dict(e.record) for e in uow.journal.entries("G1") if e.record["type"] == "sale"]
    assert [t["method"] for t in sales[-1]["tenders"]] == [TenderMethod.CARD.value]
    qtbot.keyClick(panel.next_button, Qt.Key.Key_Return)  # the next pick-up
    qtbot.waitUntil(lambda: not panel.isVisible())
    assert f"Option {option.id} paid" in screen.message.text()
    assert screen.pick_up is not None and screen.pick_up.query.hasFocus()


@pytest.mark.timeout(90)
def test_esc_leaves_the_option_validated_with_its_places_held(
    qtbot: QtBot,
    station: Built,  # noqa: F811
) -> None:
    built, after = station
    options, option = _validated(built, "GRP-8")
    cart = options.cart_of(option.id)
    held_until = built.selling.cart(cart).cart.hold_expires_at
    _, screen = _orders(qtbot, built, after)
    _find(qtbot, screen, "GRP-8")
    panel = screen.option_payment
    assert panel is not None
    qtbot.waitUntil(lambda: panel.isVisible() and panel.ready, timeout=20_000)
    qtbot.keyClick(panel.amount, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not panel.isVisible())
    assert "stays validated" in screen.message.text()
    assert options.get(option.id).state is OptionState.VALIDATED
    # The payment's start did not cut the option's hold down to a sale's 15 minutes.
    assert built.selling.cart(cart).cart.hold_expires_at == held_until
    assert len(built.selling.cart(cart).cart.lines) == 2
