"""The orders screen (F2) on the real demo station: an order found by its number, one ticket
of a two-ticket card sale refunded to the (simulated) card, a supervisor's PIN above the
threshold (a wrong one refused, nothing done), a reprint as DUPLICATA whose old barcode a scan
from any screen then finds void."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.config import load_station
from app.main import Station, open_station
from app.services.after_sale import AfterSaleServices
from app.services.selling import SaleResult
from app.services.tills import ensure_demo_session
from app.station_after_sale import after_sale_services
from app.ui.application import build_main_window
from app.ui.main_window import MainWindow
from app.ui.orders.orders_screen import OrdersScreen
from domain.money import Money
from domain.operators import Screen
from domain.orders import PaymentPlan
from drivers.base import Role
from tests.fakes import FixedClock

from .test_shell import log_in


@pytest.fixture
def station(tmp_path: Path) -> Iterator[tuple[Station, AfterSaleServices]]:
    config = load_station(tmp_path / "till", demo=True)
    built = open_station(config, FixedClock())
    ensure_demo_session(built.services.uow_factory, built.services.clock, "G1")
    yield built, after_sale_services(built, config)
    built.stop()


def _sale(station: Station, card: bool) -> SaleResult:
    selling, services = station.selling, station.services
    plan = services.performance_view("P-MIS-2").plan
    seats = [plan.seat_ids[i] for i in range(len(plan.seat_ids)) if plan.sellable[i]][:2]
    view = selling.begin_payment(
        selling.add_seats(selling.open_cart().cart.id, "P-MIS-2", seats).cart.id
    )
    if card:
        terminal = station.devices.device_for(Role.PAYMENT_TERMINAL)
        assert terminal is not None
        station.devices.sale_payment(terminal, view.due, view.cart.id)
        return selling.complete(view.cart.id, selling.resume_payment(view.cart.id), "OP-CASHIER")
    return selling.complete(view.cart.id, PaymentPlan(view.due).exact_cash(), "OP-CASHIER")


def _orders(qtbot: QtBot, station: Station, after: AfterSaleServices, who: str = "Camille Martin",
            pin: str = "1234") -> tuple[MainWindow, OrdersScreen]:  # fmt: skip
    window = build_main_window(
        station.services, "en", 5, "Europe/Paris", station.printing, station.devices,
        station.selling, station.syncing, after,
    )  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.login.operator_box.count() == 3)
    log_in(qtbot, window, who, pin)
    qtbot.waitUntil(lambda: window.work is not None)
    assert window.work is not None
    qtbot.keyClick(window.work.nav, Qt.Key.Key_F2)
    screen = window.work.screens[Screen.ORDERS]
    assert isinstance(screen, OrdersScreen)
    qtbot.waitUntil(lambda: window.work.stack.currentWidget() is screen)  # type: ignore[union-attr]
    return window, screen


def _find(qtbot: QtBot, screen: OrdersScreen, text: str) -> None:
    screen.search.clear()
    qtbot.keyClicks(screen.search, text)
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)


def _tick(screen: OrdersScreen, row: int) -> None:
    screen.tickets.topLevelItem(row).setCheckState(0, Qt.CheckState.Checked)


@pytest.mark.timeout(90)
def test_f2_finds_the_order_and_refunds_one_ticket_to_the_card(
    qtbot: QtBot, station: tuple[Station, AfterSaleServices]
) -> None:
    built, after = station
    sale = _sale(built, card=True)
    window, screen = _orders(qtbot, built, after)
    number = f"G1-{sale.device_seq:06d}"
    _find(qtbot, screen, number)
    qtbot.waitUntil(lambda: screen.view is not None)
    assert number in screen.header.text()
    assert screen.tickets.topLevelItemCount() == 2
    assert "Card" in screen.tenders.text()
    qtbot.keyClick(screen.search, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert "Tick the tickets" in screen.message.text()  # nothing ticked: nothing done
    screen.tickets.setFocus()  # keyboard only: Down to the second ticket, Space ticks it
    screen.tickets.setCurrentItem(screen.tickets.topLevelItem(0))
    qtbot.keyClick(screen.tickets, Qt.Key.Key_Down)
    qtbot.keyClick(screen.tickets, Qt.Key.Key_Space)
    assert screen.ticked() == [sale.order.tickets[1].number]
    qtbot.keyClick(screen.tickets, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert "Say why" in screen.message.text()
    screen.reason.setText("lost")
    qtbot.keyClick(screen.reason, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Refunded" in screen.message.text(), timeout=30_000)
    assert "to the card" in screen.message.text()
    qtbot.keyClick(screen.search, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "receipt is printing" in screen.message.text())
    qtbot.waitUntil(lambda: screen.tickets.topLevelItem(1).text(5) == "refunded")
    assert screen.tickets.topLevelItem(0).text(5) == "valid"
    assert "refund" in " ".join(
        screen.history.item(i).text() for i in range(screen.history.count())
    )
    # The refunded ticket's barcode, scanned from any screen, is said to be void.
    window.work.nav.setCurrentRow(0)  # type: ignore[union-attr]
    window.scans.from_device(sale.order.tickets[1].barcode, "test")
    qtbot.waitUntil(lambda: "VOID barcode" in screen.message.text())
    assert "refunded" in screen.message.text() and screen.isVisible()


@pytest.mark.timeout(60)
def test_above_the_threshold_a_wrong_supervisor_pin_does_nothing_the_right_one_refunds(
    qtbot: QtBot, station: tuple[Station, AfterSaleServices]
) -> None:
    built, after = station
    after.refund_approval_above = Money.of("10.00", "EUR")
    sale = _sale(built, card=False)
    _, screen = _orders(qtbot, built, after)
    _find(qtbot, screen, str(sale.order.tickets[0].number))
    qtbot.waitUntil(lambda: screen.view is not None)
    _tick(screen, 0)
    screen.reason.setText("ill")  # typed, not in a scanner's burst
    screen.refund()
    qtbot.waitUntil(screen.approval.isVisible)
    assert "supervisor approves" in screen.message.text()
    screen.pin.setText("0000")
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Wrong PIN" in screen.message.text())
    assert "Nothing was done" in screen.message.text() and screen.approval.isVisible()
    assert screen.view is not None and screen.view.tickets[0].state == "valid"
    screen.pin.setText("5678")
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "GIVE" in screen.message.text(), timeout=20_000)
    qtbot.waitUntil(lambda: screen.tickets.topLevelItem(0).text(5) == "refunded")


@pytest.mark.timeout(60)
def test_a_supervisor_reprints_a_duplicata_and_the_old_barcode_is_then_refused(
    qtbot: QtBot, station: tuple[Station, AfterSaleServices]
) -> None:
    built, after = station
    sale = _sale(built, card=False)
    old = sale.order.tickets[0].barcode
    _, screen = _orders(qtbot, built, after, "Jules Bernard", "5678")
    _find(qtbot, screen, old)
    qtbot.waitUntil(lambda: screen.view is not None)
    screen.reason.setText("damaged")
    qtbot.keyClick(screen.reason, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: "DUPLICATA" in screen.message.text())
    qtbot.waitUntil(lambda: "DUPLICATA" in screen.tickets.topLevelItem(0).text(5))
    jobs = [j for j in built.printing.recent_jobs(10) if j.label.endswith("(DUPLICATA)")]
    assert len(jobs) == 1
    _find(qtbot, screen, old)
    qtbot.waitUntil(lambda: "VOID barcode" in screen.message.text())
    assert "DUPLICATA" in screen.message.text()


def test_refusals_of_a_refund_are_said_in_the_cashiers_language(qtbot: QtBot) -> None:
    from app.services.after_sale import RefundOutcomeUnknown
    from app.ui.errors import message_for
    from app.ui.translation import set_language
    from domain.refunds import AlreadyRefunded

    try:
        set_language("fr")
        assert message_for(AlreadyRefunded([3, 4])) == (
            "Déjà remboursé : billet(s) 3, 4. Rien n'a été fait."
        )
        assert "Ne remboursez pas à nouveau" in message_for(RefundOutcomeUnknown("c", "x"))
    finally:
        set_language("en")
    assert message_for(AlreadyRefunded([3])).startswith("Already given back: ticket(s) 3.")


@pytest.mark.timeout(60)
def test_the_screen_says_what_the_start_up_did_with_a_refund_a_crash_left(
    qtbot: QtBot, station: tuple[Station, AfterSaleServices]
) -> None:
    from app.services.after_sale import Recovered

    built, after = station
    after.recovered = [
        Recovered("c1", "G1-000004", "completed", "", Money.of("12.00", "EUR")),
        Recovered("c2", "G1-000007", "waiting", ""),
    ]
    _, screen = _orders(qtbot, built, after)
    text = screen.message.text()
    assert "Order G1-000004: the card terminal had refunded the card" in text
    assert "GIVE €12.00 IN CASH" in text
    assert "Order G1-000007: a card refund's outcome is unknown" in text


@pytest.mark.timeout(60)
def test_a_refund_to_a_credit_balance_shows_its_code(
    qtbot: QtBot,
    station: tuple[Station, AfterSaleServices],
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
