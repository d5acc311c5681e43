"""The till session screen (F10): a supervisor counts the float from the keyboard and opens
the session; the total is right to the cent; a second opening is refused in words."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.config import load_station
from app.main import open_till
from app.services.till import TillServices
from app.ui.application import build_main_window
from app.ui.main_window import MainWindow
from app.ui.tasks import Lane
from app.ui.till.session_screen import TillSessionScreen
from domain.money import Money
from domain.operators import Operator, Role, Screen
from domain.till import CashCount
from tests.fakes import FixedClock


@pytest.fixture
def services(demo_dir: Path) -> TillServices:
    return open_till(load_station(demo_dir), FixedClock())


def _operator(services: TillServices, role: Role) -> Operator:
    card = next(c for c in services.operators() if c.role is role)
    with services.uow_factory(read_only=True) as uow:
        return uow.operators.get(card.id)


def _window(qtbot: QtBot, services: TillServices, demo_dir: Path) -> MainWindow:
    config = load_station(demo_dir)
    window = build_main_window(services, "en", 5, config.timezone)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.login.operator_box.count() == 3)
    return window


def _log_in(qtbot: QtBot, window: MainWindow, name: str, pin: str) -> None:
    box = window.login.operator_box
    box.setCurrentIndex(next(i for i in range(box.count()) if box.itemData(i).name == name))
    qtbot.keyClicks(window.login.pin_field, pin)
    qtbot.keyClick(window.login.pin_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.work is not None)


def _type(qtbot: QtBot, text: str) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClicks(focused, text)


def _tab(qtbot: QtBot, times: int = 1) -> None:
    for _ in range(times):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)


def test_a_supervisor_opens_a_session_with_a_counted_float_from_the_keyboard(
    qtbot: QtBot, services: TillServices, demo_dir: Path
) -> None:
    window = _window(qtbot, services, demo_dir)
    _log_in(qtbot, window, "Jules Bernard", "5678")
    assert window.work is not None
    qtbot.keyClick(window.work.nav, Qt.Key.Key_F10)
    screen = window.work.screens[Screen.TILL_SESSION]
    assert isinstance(screen, TillSessionScreen)
    qtbot.waitUntil(lambda: screen.form.isVisible())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.counts[1])
    # 3 × 0.01, 0 × 0.02, 1 × 0.05, 4 × 0.10, then 2 × 2.00 and 3 × 20.00 = 64.48
    _type(qtbot, "3")
    _tab(qtbot, 2)
    _type(qtbot, "1")
    _tab(qtbot)
    _type(qtbot, "4")
    _tab(qtbot, 4)
    _type(qtbot, "2")
    _tab(qtbot, 3)
    _type(qtbot, "3")
    assert screen.counted() == CashCount.of("EUR", {1: 3, 5: 1, 10: 4, 200: 2, 2000: 3})
    assert screen.total.text() == "Float: €64.48"
    _type(qtbot, "\r")  # Enter opens
    qtbot.waitUntil(lambda: not screen.form.isVisible())
    session = services.current_session()
    assert session is not None
    assert session.float_count.total() == Money.of("64.48", "EUR")
    assert session.opened_by == _operator(services, Role.SUPERVISOR).id
    assert screen.message.text() == "Session opened with a float of €64.48."
    assert "Jules Bernard" in screen.status.text() and "€64.48" in screen.status.text()


def test_a_second_opening_is_refused_with_a_clear_message(
    qtbot: QtBot, services: TillServices
) -> None:
    lane = Lane("database")
    supervisor = _operator(services, Role.SUPERVISOR)
    screen = TillSessionScreen(services, lane, supervisor)
    qtbot.addWidget(screen)
    screen.show()
    screen.load()
    qtbot.waitUntil(lambda: screen.form.isVisible())
    # Meanwhile the same till's session is opened elsewhere (another window on this database).
    services.open_session(supervisor, CashCount.of("EUR", {5000: 2}))
    screen.counts[1000].setValue(5)
    qtbot.mouseClick(screen.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "already open" in screen.message.text())
    assert screen.message.text() == (
        "A session is already open on this till: it was not opened a second time, "
        "and the open one is unchanged."
    )
    qtbot.waitUntil(lambda: not screen.form.isVisible())
    assert "€100.00" in screen.status.text()
    session = services.current_session()
    assert session is not None and session.float_count.total() == Money.of("100.00", "EUR")
    lane.shutdown()


def test_a_cashier_s_f10_shows_the_till_screen_without_the_float_form(
    qtbot: QtBot, services: TillServices, demo_dir: Path
) -> None:
    window = _window(qtbot, services, demo_dir)
    _log_in(qtbot, window, "Camille Martin", "1234")
    assert window.work is not None
    qtbot.keyClick(window.work.nav, Qt.Key.Key_F10)
    screen = window.work.screens[Screen.TILL_SESSION]  # to move cash and count blind
    assert isinstance(screen, TillSessionScreen)
    assert window.work.stack.currentWidget() is screen
    qtbot.waitUntil(lambda: "supervisor must open" in screen.status.text())
    assert not screen.form.isVisible()


def test_a_cashier_is_told_a_supervisor_must_open(qtbot: QtBot, services: TillServices) -> None:
    lane = Lane("database")
    screen = TillSessionScreen(services, lane, _operator(services, Role.CASHIER))
    qtbot.addWidget(screen)
    screen.load()
    qtbot.waitUntil(lambda: "supervisor must open" in screen.status.text())
    assert not screen.form.isVisible()
    lane.shutdown()
