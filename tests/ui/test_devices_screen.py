"""The devices console on a station of simulators: test payment and refund, end-of-day, drawer,
display, scan, wire log, and an unknown payment closed by a supervisor."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from pytestqt.qtbot import QtBot

from app.persistence import open_database
from app.services.devices import DevicesService
from app.ui import formatting
from app.ui.devices.devices_screen import DevicesScreen
from domain.money import Money
from domain.operators import Operator, Role
from drivers.config import parse_devices
from drivers.station import DeviceStation
from tests.fakes import FixedClock

DEVICES = {
    "card": {
        "role": "payment_terminal",
        "driver": "zvt",
        "uri": "sim://zvt",
        "options": {"ack_timeout": 0.5, "reconnect_attempts": 1, "reconnect_pause": 0.1},
    },
    "drawer": {"role": "cash_drawer", "driver": "drawer-escpos", "uri": "sim://drawer"},
    "display": {"role": "line_display", "driver": "display", "uri": "sim://display"},
    "scanner": {"role": "scanner", "driver": "scanner-serial", "uri": "sim://scanner"},
}
SUPERVISOR = Operator("sup", "jules", "Jules", Role.SUPERVISOR, "x")


@pytest.fixture
def screen(qtbot: QtBot, tmp_path: Path) -> Iterator[DevicesScreen]:
    database = open_database(tmp_path / "till.sqlite3")
    station = DeviceStation(parse_devices(DEVICES), poll_interval=0)
    station.start()
    for name in station.names():  # started on their workers: wait, so tests reach the simulators
        station.call(name, lambda device: device, 10)
    widget = DevicesScreen(DevicesService(station, database.unit_of_work, FixedClock()), SUPERVISOR)
    qtbot.addWidget(widget)
    widget.load()
    try:
        yield widget
    finally:
        station.stop()
        database.close()


def act(qtbot: QtBot, screen: DevicesScreen, device: str, action: str, expect: str) -> str:
    screen.select(device)
    screen.buttons[action].click()
    qtbot.waitUntil(lambda: expect in screen.result.toPlainText(), timeout=10_000)
    return screen.result.toPlainText()


def test_payment_refund_and_end_of_day(qtbot: QtBot, screen: DevicesScreen) -> None:
    screen.amount.setText("12,50")
    assert "CARD PAYMENT" in act(qtbot, screen, "card", "payment", "Approved")
    screen.amount.setText("2.50")
    assert "REFUND" in act(qtbot, screen, "card", "refund", "Approved")
    text = act(qtbot, screen, "card", "end_of_day", "End of day")
    assert "2 transaction(s)" in text and "10" in text
    qtbot.waitUntil(lambda: "06 01" in screen.wire.toPlainText(), timeout=2000)


def test_drawer_display_and_scanner(qtbot: QtBot, screen: DevicesScreen) -> None:
    assert "open" in act(qtbot, screen, "drawer", "kick", "sensor says")
    screen.line1.setText("Merci")
    screen.line2.setText("Au revoir")
    assert "[Au revoir" in act(qtbot, screen, "display", "display", "display shows")
    assert "3760123456789" in act(qtbot, screen, "scanner", "scan", "Scan sent")
    assert not screen.buttons["payment"].isEnabled()


def test_an_unknown_payment_is_shown_then_closed_by_a_supervisor(
    qtbot: QtBot, screen: DevicesScreen
) -> None:
    terminal = screen._services.station.device("card")
    terminal.simulator.fault = "never_ack"
    terminal.simulator.history.clear()
    screen.amount.setText("30.00")
    text = act(qtbot, screen, "card", "payment", "Unknown")
    assert "Do not take the payment again" in text
    qtbot.waitUntil(lambda: screen.payments.rowCount() == 1, timeout=5000)
    screen.reference.setText("")
    screen.close_button.click()
    qtbot.waitUntil(lambda: "refused" in screen.result.toPlainText(), timeout=5000)
    screen.reference.setText("TID 52500001 BELEG 0007")
    screen.close_button.click()
    qtbot.waitUntil(lambda: "Closed as declined" in screen.result.toPlainText(), timeout=5000)
    qtbot.waitUntil(lambda: screen.payments.rowCount() == 0, timeout=5000)


def test_a_payment_that_became_unknown_shows_at_once_in_the_supervisors_list(
    qtbot: QtBot, screen: DevicesScreen
) -> None:
    qtbot.waitUntil(lambda: "No card payment" in screen.payments_hint.text())
    services = screen._services
    terminal = services.station.device("card")
    terminal.simulator.fault = "never_ack"
    terminal.simulator.history.clear()
    # Started elsewhere (another screen, a sale's lane), not by this screen's buttons.
    worker = threading.Thread(target=services.test_payment, args=("card", Money(800, "EUR")))
    worker.start()
    qtbot.waitUntil(lambda: screen.payments.rowCount() == 1, timeout=10_000)
    worker.join(10)
    assert screen.payments.item(0, 2).text() == formatting.money(Money(800, "EUR"))
    assert screen.payments.item(0, 3).text() == "unknown"


def test_a_closed_screen_stops_listening_and_the_devices_carry_on(
    qtbot: QtBot, tmp_path: Path
) -> None:
    database = open_database(tmp_path / "till.sqlite3")
    station = DeviceStation(parse_devices({"drawer": DEVICES["drawer"]}), poll_interval=0)
    services = DevicesService(station, database.unit_of_work, FixedClock())
    try:
        closed = DevicesScreen(services, SUPERVISOR)
        closed.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        # The kick's events reach the closed screen's listener, which is dropped at the first.
        assert services.kick_drawer("drawer").is_open
        assert len(station._listeners) == 0
        services._payment_listeners.notify()  # as after a card payment
        assert len(services._payment_listeners) == 0
    finally:
        station.stop()
        database.close()


def _two_unknown_payments_second_chosen(
    qtbot: QtBot, screen: DevicesScreen
) -> tuple[tuple[str, str] | None, list[int]]:
    """Two payments left unknown, the second chosen; the list's reloads are counted."""
    terminal = screen._services.station.device("card")
    for euros in (5, 6):
        terminal.simulator.fault = "never_ack"
        terminal.simulator.history.clear()
        screen._services.test_payment("card", Money(euros * 100, "EUR"))
    qtbot.waitUntil(lambda: screen.payments.rowCount() == 2, timeout=10_000)
    screen.payments.selectRow(1)
    reloads: list[int] = []
    show = screen._show_payments
    screen._show_payments = lambda payments: (show(payments), reloads.append(len(payments)))
    return screen._selected_payment(), reloads


def test_the_payment_a_supervisor_chose_stays_chosen_when_the_list_reloads(
    qtbot: QtBot, screen: DevicesScreen
) -> None:
    chosen, reloads = _two_unknown_payments_second_chosen(qtbot, screen)
    screen._services._payment_listeners.notify()  # another payment was recorded meanwhile
    qtbot.waitUntil(lambda: reloads == [2], timeout=5000)
    assert screen._selected_payment() == chosen


def test_a_reload_while_the_supervisor_holds_ctrl_keeps_the_chosen_payment(
    qtbot: QtBot, screen: DevicesScreen
) -> None:
    chosen, reloads = _two_unknown_payments_second_chosen(qtbot, screen)
    # Ctrl held down (a shortcut on its way) when a payment recorded elsewhere reloads the list:
    # a reselection that read the keyboard toggled the chosen row off, and the close did nothing.
    qtbot.keyPress(screen.payments, Qt.Key.Key_Control, Qt.KeyboardModifier.ControlModifier)
    try:
        screen._services._payment_listeners.notify()
        qtbot.waitUntil(lambda: reloads == [2], timeout=5000)
        assert screen._selected_payment() == chosen
    finally:
        qtbot.keyRelease(screen.payments, Qt.Key.Key_Control)
