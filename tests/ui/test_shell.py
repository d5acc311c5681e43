"""The client shell as a cashier meets it: log in with a PIN, refused with a wrong one, lock,
find a performance and open its page with the counts per seat state."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.config import load_station
from app.main import open_station, open_till
from app.ui.application import apply_style, build_main_window, stop_on_signals
from app.ui.main_window import MainWindow
from app.ui.translation import set_language
from domain.operators import Screen
from tests.fakes import PINNED_MOMENT, FixedClock


def make_window(
    qtbot: QtBot, data_dir: Path, idle_minutes: float = 5, clock: FixedClock | None = None
) -> MainWindow:
    config = load_station(data_dir)
    services = open_till(config, clock or FixedClock())
    window = build_main_window(services, "en", idle_minutes, config.timezone)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.login.operator_box.count() == 3)
    return window


def pick_operator(window: MainWindow, name: str) -> None:
    box = window.login.operator_box
    for index in range(box.count()):
        if box.itemData(index).name == name:
            box.setCurrentIndex(index)
            return
    raise AssertionError(f"{name} is not offered at login")


def log_in(qtbot: QtBot, window: MainWindow, name: str, pin: str) -> None:
    pick_operator(window, name)
    qtbot.keyClicks(window.login.pin_field, pin)
    qtbot.keyClick(window.login.pin_field, Qt.Key.Key_Return)


def test_right_pin_logs_in_and_offers_the_cashier_screens(qtbot: QtBot, demo_dir: Path) -> None:
    window = make_window(qtbot, demo_dir)
    log_in(qtbot, window, "Camille Martin", "1234")
    qtbot.waitUntil(lambda: window.operator is not None)
    assert window.operator.name == "Camille Martin"
    assert window.work is not None
    assert list(window.work.screens) == [Screen.PERFORMANCES, Screen.TILL_SESSION]
    assert "Camille Martin" in window.status_operator.text()


def test_wrong_pin_is_refused_and_counted(qtbot: QtBot, demo_dir: Path) -> None:
    window = make_window(qtbot, demo_dir)
    log_in(qtbot, window, "Camille Martin", "9999")
    qtbot.waitUntil(lambda: "Wrong PIN" in window.login.message.text())
    assert window.operator is None
    assert window.work is None
    assert window.login.message.text().endswith("4")
    assert window.login.pin_field.text() == ""


def test_five_wrong_pins_lock_the_operator_even_with_the_right_pin(
    qtbot: QtBot, demo_dir: Path
) -> None:
    window = make_window(qtbot, demo_dir)
    for _attempt in range(5):
        log_in(qtbot, window, "Camille Martin", "0000")
        qtbot.waitUntil(
            lambda: (
                window.login.login_button.isEnabled()
                and window.login.message.text() not in ("", "Checking…")
            )
        )
    log_in(qtbot, window, "Camille Martin", "1234")
    qtbot.waitUntil(lambda: "is locked for" in window.login.message.text())
    assert window.operator is None


def test_roles_get_their_screens(qtbot: QtBot, demo_dir: Path) -> None:
    window = make_window(qtbot, demo_dir)
    log_in(qtbot, window, "Sacha Petit", "9012")
    qtbot.waitUntil(lambda: window.operator is not None)
    assert Screen.PLANS in window.work.screens
    assert Screen.OPERATORS not in window.work.screens
    window.lock()
    assert window.operator is None and window.work is None
    qtbot.waitUntil(lambda: window.login.operator_box.currentData().name == "Sacha Petit")
    log_in(qtbot, window, "Jules Bernard", "5678")
    qtbot.waitUntil(lambda: window.operator is not None)
    assert Screen.OPERATORS in window.work.screens
    assert Screen.PLANS not in window.work.screens


def test_idle_till_locks_itself(qtbot: QtBot, demo_dir: Path) -> None:
    window = make_window(qtbot, demo_dir, idle_minutes=0.005)  # 0.3 s
    log_in(qtbot, window, "Camille Martin", "1234")
    qtbot.waitUntil(lambda: window.operator is not None)
    qtbot.waitUntil(lambda: window.operator is None, timeout=5000)
    assert window.stack.currentWidget() is window.login


def test_cashier_opens_a_performance_and_sees_its_counts(qtbot: QtBot, demo_dir: Path) -> None:
    window = make_window(qtbot, demo_dir)
    log_in(qtbot, window, "Camille Martin", "1234")
    qtbot.waitUntil(lambda: window.work is not None)
    listing = window.work.performance_list
    qtbot.waitUntil(lambda: listing.table.rowCount() > 0)
    row = next(
        r
        for r in range(listing.table.rowCount())
        if listing.table.item(r, 1).text() == "Le Misanthrope"
    )
    listing.table.setCurrentCell(row, 0)
    listing.table.setFocus()
    qtbot.keyClick(listing.table, Qt.Key.Key_Return)
    page = window.work.performance_page
    qtbot.waitUntil(lambda: page.page is not None)
    counts = page.page.counts
    assert page.title.text() == "Le Misanthrope"
    assert 1200 <= counts.total <= 1600
    assert counts.invalid == 1
    assert counts.blocked == 4
    assert counts.sold > 0 and counts.free > 0
    assert counts.total == (
        counts.free + counts.held + counts.blocked + counts.reserved + counts.sold + counts.invalid
    )
    assert page.count_labels["sold"].text() == str(counts.sold)
    assert page.count_labels["total"].text() == str(counts.total)
    assert page.categories.rowCount() == 4  # Cat 1, Cat 2, Cat 3, PMR
    assert page.sale_state.text() == "On sale at this till."
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert window.work.screens[Screen.PERFORMANCES].currentWidget() is listing


def test_event_filter_narrows_the_list(qtbot: QtBot, demo_dir: Path) -> None:
    window = make_window(qtbot, demo_dir)
    log_in(qtbot, window, "Camille Martin", "1234")
    qtbot.waitUntil(lambda: window.work is not None)
    listing = window.work.performance_list
    qtbot.waitUntil(lambda: listing.event_box.count() == 6)  # "all" and five events
    qtbot.waitUntil(lambda: listing.table.rowCount() >= 10)
    listing.event_box.setCurrentIndex(listing.event_box.findText("Carmen"))
    qtbot.waitUntil(lambda: listing.table.rowCount() == 3)
    assert {listing.table.item(r, 1).text() for r in range(3)} == {"Carmen"}


def test_language_chosen_at_login_translates_the_screen(qtbot: QtBot, demo_dir: Path) -> None:
    window = make_window(qtbot, demo_dir)
    try:
        window.login.language_box.setCurrentIndex(window.login.language_box.findData("fr"))
        assert window.login.login_button.text() == "Se connecter"
        assert "caissier" in window.login.operator_box.currentText()
        log_in(qtbot, window, "Camille Martin", "0000")
        qtbot.waitUntil(lambda: "Code PIN erroné" in window.login.message.text())
    finally:
        window.login.language_box.setCurrentIndex(window.login.language_box.findData("en"))
    assert window.login.login_button.text() == "Log in"


def test_a_pin_typed_as_fast_as_can_be_logs_in(qtbot: QtBot, demo_dir: Path) -> None:
    """Keys through the window, as a keyboard delivers them: the scan detector sees each one at
    the window and at the PIN field, and the Enter at every parent too."""
    window = make_window(qtbot, demo_dir)
    window.scans.wedge.clock = lambda: 0.0  # no time between keys: faster than any scanner
    window.activateWindow()
    pick_operator(window, "Camille Martin")
    window.login.pin_field.setFocus()
    qtbot.waitUntil(window.login.pin_field.hasFocus)
    handle = window.windowHandle()
    for digit in "1234":
        QTest.keyClick(handle, ord(digit), Qt.KeyboardModifier.NoModifier)
    QTest.keyClick(handle, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.operator is not None)
    assert window.operator.name == "Camille Martin"
    assert window.last_scan is None


def _wait_for_answer(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(
        lambda: (
            window.login.login_button.isEnabled()
            and window.login.message.text() not in ("", "Checking…")
        )
    )


def test_the_lock_shows_the_time_left_to_the_second(qtbot: QtBot, demo_dir: Path) -> None:
    # 10:00:00 in Paris, the demo's time zone, told in UTC as the system clock tells it
    clock = FixedClock(PINNED_MOMENT.astimezone(UTC))
    window = make_window(qtbot, demo_dir, clock=clock)
    for left in "4321":
        log_in(qtbot, window, "Camille Martin", "0000")
        _wait_for_answer(qtbot, window)
        assert window.login.message.text().endswith(left)  # the fourth does not lock
        clock.advance(timedelta(seconds=1))
    log_in(qtbot, window, "Camille Martin", "0000")  # the fifth, at 10:00:04
    qtbot.waitUntil(lambda: "is locked for" in window.login.message.text())
    message = window.login.message
    assert "1 min 00 s more (until 10:01:04)" in message.text()
    clock.advance(timedelta(seconds=15, milliseconds=500))
    window.login.show_lock()  # what its one-second timer does
    assert "45 s more (until 10:01:04)" in message.text()
    clock.advance(timedelta(seconds=44, milliseconds=500))
    window.login.show_lock()
    assert message.text() == "The lock has ended: type the PIN again."
    log_in(qtbot, window, "Camille Martin", "1234")
    qtbot.waitUntil(lambda: window.operator is not None)


def test_a_message_goes_when_another_operator_is_picked(qtbot: QtBot, demo_dir: Path) -> None:
    window = make_window(qtbot, demo_dir)
    log_in(qtbot, window, "Camille Martin", "0000")
    qtbot.waitUntil(lambda: "Wrong PIN" in window.login.message.text())
    qtbot.keyClicks(window.login.pin_field, "12")
    pick_operator(window, "Jules Bernard")
    assert window.login.message.text() == ""
    assert window.login.pin_field.text() == ""


def test_a_lock_message_goes_when_another_operator_is_picked(qtbot: QtBot, demo_dir: Path) -> None:
    clock = FixedClock()
    window = make_window(qtbot, demo_dir, clock=clock)
    for _attempt in range(5):
        log_in(qtbot, window, "Camille Martin", "0000")
        _wait_for_answer(qtbot, window)
    assert "is locked for" in window.login.message.text()
    pick_operator(window, "Jules Bernard")
    window.login.show_lock()  # a tick of the countdown must not bring it back
    assert window.login.message.text() == ""


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    """The till's style sheet, as the client has it: it decides how large everything is."""
    apply_style(qapp)
    try:
        yield
    finally:
        qapp.setStyleSheet("")


@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_a_long_message_covers_nothing_on_the_login_screen(
    qtbot: QtBot, demo_dir: Path, styled: None, language: str
) -> None:
    window = make_window(qtbot, demo_dir)
    login = window.login
    try:
        login.language_box.setCurrentIndex(login.language_box.findData(language))
        log_in(qtbot, window, "Camille Martin", "0000")
        _wait_for_answer(qtbot, window)
        login.message.setText(login.message.text() + " " + login.message.text())  # two, three lines
        qtbot.wait(20)  # the layout settles
        parts = [login.operator_box, login.pin_field, login.language_box, login.login_button]
        parts.append(login.message)
        for index, part in enumerate(parts):
            assert part.isVisible()
            for other in parts[index + 1 :]:
                assert not part.geometry().intersects(other.geometry()), (part, other)
        assert login.pin_field.height() >= 44
        assert login.message.height() >= login.message.heightForWidth(login.message.width())
        # the operator's name and role, and the PIN's hint, are not cut
        box = login.operator_box
        assert box.width() >= box.fontMetrics().horizontalAdvance(box.currentText()) + 30
        field = login.pin_field
        assert field.width() > field.fontMetrics().horizontalAdvance(field.placeholderText())
    finally:
        login.language_box.setCurrentIndex(login.language_box.findData("en"))


@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_every_screen_fits_a_1366_by_768_screen(
    qtbot: QtBot, demo_dir: Path, styled: None, language: str
) -> None:
    """Each role's screens, devices included, in each language, with the till's style sheet:
    the window never asks for more than 1366×768 (the Devices screen asked 1,665 px in German),
    and the receipt reference of an unknown card payment is wide enough to type in."""
    station = open_station(load_station(demo_dir), FixedClock())
    config = load_station(demo_dir)
    window = build_main_window(
        station.services, language, 5, config.timezone, station.printing, station.devices
    )
    qtbot.addWidget(window)
    try:
        window.show()
        qtbot.waitUntil(lambda: window.login.operator_box.count() == 3)
        assert window.minimumSizeHint().width() <= 1366
        for name, pin in (("Sacha Petit", "9012"), ("Jules Bernard", "5678")):
            log_in(qtbot, window, name, pin)
            qtbot.waitUntil(lambda: window.work is not None)
            work = window.work
            for row in range(work.nav.count()):
                work.nav.setCurrentRow(row)
                size = window.minimumSizeHint()
                screen = work.nav.item(row).text()
                assert size.width() <= 1366, (screen, size)
                assert size.height() <= 768, (screen, size)
            devices = work.screens[Screen.DEVICES]
            window.resize(1366, 768)
            work.nav.setCurrentRow(list(work.screens).index(Screen.DEVICES))
            qtbot.waitUntil(devices.isVisible)
            assert devices.reference.width() >= 200
            window.lock()
            qtbot.waitUntil(lambda: window.login.operator_box.count() == 3)
    finally:
        window.close()
        set_language("en")
        station.stop()


@pytest.mark.timeout(120)
@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_ctrl_c_in_the_terminal_stops_the_client(tmp_path: Path, stop: signal.Signals) -> None:
    """The client as `scripts/demo` starts it, in a process of its own: Ctrl+C (or SIGTERM)
    closes it through the normal exit, devices stopped, instead of being ignored while Qt's
    event loop runs."""
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}
    client = subprocess.Popen(
        [sys.executable, "-m", "app.main", "--demo", "--data-dir", str(tmp_path / "till")],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output: list[str] = []
    try:
        assert client.stdout is not None
        for line in client.stdout:  # until the window is up
            output.append(line)
            if "client window shown" in line:
                break
        assert client.poll() is None, "".join(output)
        client.send_signal(stop)
        rest, _ = client.communicate(timeout=60)
    finally:
        if client.poll() is None:
            client.kill()
            client.wait()
    output.append(rest)
    log = "".join(output)
    assert client.returncode == 128 + signal.SIGINT, log
    assert f"client stopped by {stop.name}" in log
    assert "Traceback" not in log


def test_a_signal_just_before_the_event_loop_starts_still_stops_it(qtbot: QtBot) -> None:
    """Ctrl+C between the window's showing and the loop's start: a quit() called then would
    be ignored and the loop would run for ever behind a closed window."""
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    loop = QEventLoop()  # the application's loop behaves alike, and must not be ended here
    received, restore = stop_on_signals(window, loop.quit)
    fallback = QTimer()  # ends the loop if the signal did not: the test fails, not hangs
    fallback.setSingleShot(True)
    fell_back: list[bool] = []
    fallback.timeout.connect(lambda: (fell_back.append(True), loop.quit()))
    try:
        signal.raise_signal(signal.SIGINT)  # handled now, before the loop runs
        fallback.start(10_000)
        loop.exec()
    finally:
        fallback.stop()
        restore()
    assert received == [signal.SIGINT]
    assert fell_back == []
    assert not window.isVisible()


def test_locking_the_till_journals_the_log_out(qtbot: QtBot, demo_dir: Path) -> None:
    window = make_window(qtbot, demo_dir)
    log_in(qtbot, window, "Camille Martin", "1234")
    qtbot.waitUntil(lambda: window.operator is not None)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.operator is None)

    def types() -> list[str]:
        with window.services.uow_factory(read_only=True) as uow:
            return [e.record["type"] for e in uow.journal.entries("G1")]

    qtbot.waitUntil(lambda: types()[-2:] == ["login", "logout"])
