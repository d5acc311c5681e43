"""Counter speed (UX.md): from the performance page, 2 seats by best available, full price,
exact cash, tickets printed — at most 6 actions, from the keyboard alone. Every action is a
key press sent to the widget that has the focus: the test never clicks, never moves the focus."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.config import load_station
from app.main import Station, open_station
from app.services.tills import ensure_demo_session
from app.ui.application import build_main_window
from app.ui.main_window import MainWindow
from app.ui.sale.sale_screen import SaleScreen
from tests.fakes import FixedClock

from .test_shell import log_in

COUNTER_SPEED_LIMIT = 6


@pytest.fixture
def station(tmp_path: Path) -> Iterator[Station]:
    built = open_station(load_station(tmp_path / "till", demo=True), FixedClock())
    yield built
    built.stop()


def sale_window(qtbot: QtBot, station: Station, language: str = "en") -> MainWindow:
    window = build_main_window(
        station.services,
        language,
        5,
        "Europe/Paris",
        station.printing,
        station.devices,
        station.selling,
        station.syncing,
    )
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.login.operator_box.count() == 3)
    return window


def open_performance(qtbot: QtBot, window: MainWindow, event: str) -> SaleScreen:
    """The cashier logs in and opens the performance's page (not counted: the count starts
    on the performance page)."""
    log_in(qtbot, window, "Camille Martin", "1234")
    qtbot.waitUntil(lambda: window.work is not None)
    assert window.work is not None
    listing = window.work.performance_list
    qtbot.waitUntil(lambda: listing.table.rowCount() > 0)
    row = next(
        r for r in range(listing.table.rowCount()) if listing.table.item(r, 1).text() == event
    )
    listing.table.setCurrentCell(row, 0)
    listing.table.setFocus()
    qtbot.keyClick(listing.table, Qt.Key.Key_Return)
    sale = window.work.sale_screen
    assert sale is not None
    qtbot.waitUntil(lambda: sale.page.plan is not None and sale.view is not None)
    qtbot.waitUntil(sale.page.best_button.isEnabled)
    return sale


class Keyboard:
    """Key presses sent where the focus is, counted."""

    def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
        self.qtbot = qtbot
        self.window = window
        self.count = 0

    def press(self, key: Qt.Key) -> None:
        target = QApplication.focusWidget() or self.window
        self.qtbot.keyClick(target, key)
        self.count += 1


def _until(condition, timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError("timed out")
        QApplication.processEvents()
        time.sleep(0.02)


def test_two_seats_best_available_full_price_exact_cash_in_at_most_six_keys(
    qtbot: QtBot, station: Station
) -> None:
    services = station.services
    ensure_demo_session(services.uow_factory, services.clock, "G1")
    window = sale_window(qtbot, station)
    sale = open_performance(qtbot, window, "Le Misanthrope")
    keys = Keyboard(qtbot, window)

    keys.press(Qt.Key.Key_F3)  # best available, 2 seats (the page's default quantity)
    assert len(sale.page.seat_map.selected_ids()) == 2
    keys.press(Qt.Key.Key_Return)  # into the cart, held
    qtbot.waitUntil(lambda: sale.view is not None and len(sale.view.cart.lines) == 2)
    assert {line.audience for line in sale.view.cart.lines} == {"FULL"}  # full price first
    keys.press(Qt.Key.Key_F12)  # the payment panel
    qtbot.waitUntil(lambda: sale.payment.ready)
    keys.press(Qt.Key.Key_Return)  # exact cash: the sale is recorded
    qtbot.waitUntil(lambda: sale.payment.result is not None, timeout=10_000)
    result = sale.payment.result
    assert result is not None
    assert "2 ticket(s) printing" in sale.payment.message.text()
    keys.press(Qt.Key.Key_Return)  # the next customer
    qtbot.waitUntil(lambda: sale.view is not None and not sale.view.cart.lines)
    assert sale.modes.currentWidget() is sale.selling_view

    assert keys.count <= COUNTER_SPEED_LIMIT
    assert keys.count == 5  # F3, Enter, F12, Enter (exact cash), Enter (next customer)
    with services.uow_factory(read_only=True) as uow:
        assert uow.sales.order_count("G1") == 1
    assert len(result.order.tickets) == 2
    assert len(result.print_jobs) == 2

    def printed() -> bool:
        states = {j.id: j.state for j in station.printing.recent_jobs(10)}
        return all(states.get(job) == "confirmed" for job in result.print_jobs)

    _until(printed)
    window.close()
