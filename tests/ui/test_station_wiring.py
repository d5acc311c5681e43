"""The whole station as `guichet` builds it: simulated devices behind the real drivers, the
technician's device screens, and scans reaching the one handler."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from pytestqt.qtbot import QtBot

from app.config import load_station
from app.main import Station, open_station
from app.services.payments import PaymentState
from app.ui.application import build_main_window
from app.ui.devices.devices_screen import DevicesScreen
from app.ui.main_window import MainWindow
from app.ui.printers.printers_screen import PrintersScreen
from app.ui.tasks import gui_listener
from domain.money import Money
from domain.operators import Screen
from drivers.base import ListenerGone
from tests.fakes import FixedClock

from .test_shell import log_in


@pytest.fixture
def station(demo_dir: Path) -> Iterator[Station]:
    built = open_station(load_station(demo_dir), FixedClock())
    yield built
    built.stop()


def window_for(qtbot: QtBot, station: Station, data_dir: Path) -> MainWindow:
    config = load_station(data_dir)
    window = build_main_window(
        station.services, "en", 5, config.timezone, station.printing, station.devices
    )
    station.device_station.add_scan_listener(window.scans.from_device)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.login.operator_box.count() == 3)
    return window


def test_the_demo_station_has_every_device_role(station: Station) -> None:
    assert set(station.printers.configs) == {"tickets", "receipts"}
    assert set(station.device_station.names()) == {
        "tickets",
        "receipts",
        "card",
        "drawer",
        "display",
        "scanner",
    }
    assert station.printers.devices is station.device_station  # one set of device threads


def test_technician_gets_the_device_screens(qtbot: QtBot, station: Station, demo_dir: Path) -> None:
    window = window_for(qtbot, station, demo_dir)
    log_in(qtbot, window, "Sacha Petit", "9012")
    qtbot.waitUntil(lambda: window.work is not None)
    assert list(window.work.screens)[:2] == [Screen.DEVICES, Screen.PRINTERS]
    titles = [window.work.nav.item(i).text() for i in range(window.work.nav.count())]
    assert titles[:2] == ["Devices", "Printers"]


def test_supervisor_gets_the_devices_screen_to_settle_payments(
    qtbot: QtBot, station: Station, demo_dir: Path
) -> None:
    window = window_for(qtbot, station, demo_dir)
    log_in(qtbot, window, "Jules Bernard", "5678")
    qtbot.waitUntil(lambda: window.work is not None)
    assert Screen.DEVICES in window.work.screens
    assert Screen.PRINTERS not in window.work.screens


def test_a_scan_from_a_device_reaches_the_main_window(
    qtbot: QtBot, station: Station, demo_dir: Path
) -> None:
    window = window_for(qtbot, station, demo_dir)
    log_in(qtbot, window, "Camille Martin", "1234")
    qtbot.waitUntil(lambda: window.work is not None)
    station.device_station._on_scan("3760123456789", "scanner")  # as the serial scanner does
    qtbot.waitUntil(lambda: window.last_scan == "3760123456789")
    assert "3760123456789" in window.statusBar().currentMessage()


def _lock_with_ctrl_l(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    assert window.work is not None
    qtbot.keyClick(window.work.nav, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.operator is None)
    # The locked operator's screens are really gone, as after a while at a real till.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _devices_screen(qtbot: QtBot, window: MainWindow) -> DevicesScreen:
    qtbot.waitUntil(lambda: window.work is not None)
    assert window.work is not None
    screen = window.work.screens[Screen.DEVICES]
    assert isinstance(screen, DevicesScreen)
    window.work.nav.setCurrentRow(list(window.work.screens).index(Screen.DEVICES))
    return screen


def _act(qtbot: QtBot, screen: DevicesScreen, device: str, action: str, expect: str) -> str:
    screen.select(device)
    assert screen.buttons[action].isEnabled()
    screen.buttons[action].click()
    # Progress lines are appended to "Working…"; the outcome replaces them.
    qtbot.waitUntil(lambda: not screen.result.toPlainText().startswith("Working…"), timeout=20_000)
    text = screen.result.toPlainText()
    assert expect in text
    return text


def test_devices_work_and_tell_the_truth_after_a_lock_and_a_change_of_operator(
    qtbot: QtBot, station: Station, demo_dir: Path
) -> None:
    window = window_for(qtbot, station, demo_dir)
    log_in(qtbot, window, "Sacha Petit", "9012")  # builds a devices and a printers screen
    _devices_screen(qtbot, window)
    _lock_with_ctrl_l(qtbot, window)

    log_in(qtbot, window, "Jules Bernard", "5678")
    screen = _devices_screen(qtbot, window)
    screen.amount.setText("4.20")
    paid = _act(qtbot, screen, "card", "payment", "Approved")
    assert "The customer was charged" in paid
    payment = station.devices.recent_payments(1)[0]
    assert (payment.amount, payment.state) == (Money(420, "EUR"), PaymentState.APPROVED)
    kicked = _act(qtbot, screen, "drawer", "kick", "drawer sensor says")
    assert "open" in kicked and "Nothing was changed" not in kicked
    drawer = station.device_station.device("drawer")
    assert drawer is not None and drawer.is_open()  # a kick that really opened it
    _lock_with_ctrl_l(qtbot, window)

    log_in(qtbot, window, "Sacha Petit", "9012")
    qtbot.waitUntil(lambda: window.work is not None)
    assert window.work is not None
    printers = window.work.screens[Screen.PRINTERS]
    assert isinstance(printers, PrintersScreen)
    window.work.nav.setCurrentRow(list(window.work.screens).index(Screen.PRINTERS))
    printers.test_button.click()

    def finished() -> bool:
        jobs = station.printing.recent_jobs(1)
        return bool(jobs) and jobs[0].state in ("confirmed", "failed", "unknown")

    qtbot.waitUntil(finished, timeout=20_000)
    job = station.printing.recent_jobs(1)[0]
    assert job.state == "confirmed", job.detail
    assert not job.awaiting_decision
    qtbot.waitUntil(lambda: printers.job_table.rowCount() >= 1)
    qtbot.waitUntil(lambda: "printed" in printers.job_table.item(0, 3).text())
    assert "reprint or dismiss" not in printers.job_table.item(0, 3).text()


def test_a_gui_listener_delivers_on_the_gui_thread_and_is_gone_with_its_owner(
    qtbot: QtBot,
) -> None:
    owner = QObject()
    heard: list[tuple[tuple[object, ...], bool]] = []
    listen = gui_listener(
        owner,
        lambda *args: heard.append((args, threading.current_thread() is threading.main_thread())),
    )
    device_thread = threading.Thread(target=listen, args=("card", 2))
    device_thread.start()
    device_thread.join(5)
    qtbot.waitUntil(lambda: heard == [(("card", 2), True)])
    owner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    with pytest.raises(ListenerGone):
        listen("card", 3)


def test_the_status_bar_says_a_till_without_a_server_sells_on_its_own(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from app.services.syncing import SyncStatus
    from tests.ui.test_sale_counter_speed import sale_window

    built = open_station(load_station(tmp_path / "till", demo=True), FixedClock())
    try:
        window = sale_window(qtbot, built)
        label = window.status_sync
        assert label is not None
        qtbot.waitUntil(lambda: label.status is not None)
        assert label.text() == "Stand-alone till: no server"
        moment = built.services.clock.now()
        label.show_status(SyncStatus(enrolled=True, online=True, queued=2, catalog_at=moment))
        assert label.text() == "Server: online · 2 to upload · catalog of 10:00"
        label.show_status(
            SyncStatus(enrolled=True, queued=3, last_contact_at=moment, last_error="refused")
        )
        assert label.text() == "Server: offline since 10:00 · 3 to upload"
        assert label.toolTip() == "refused"
    finally:
        built.stop()


def test_the_technician_sees_the_server_link(qtbot: QtBot, tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from app.services.syncing import LeaseSummary, SyncStatus
    from app.ui.server_link import ServerLinkScreen
    from tests.ui.test_sale_counter_speed import sale_window

    built = open_station(load_station(tmp_path / "till", demo=True), FixedClock())
    try:
        window = sale_window(qtbot, built)
        log_in(qtbot, window, "Sacha Petit", "9012")
        qtbot.waitUntil(lambda: window.work is not None)
        assert window.work is not None
        screen = window.work.screens[Screen.SERVER]
        assert isinstance(screen, ServerLinkScreen)
        screen.load()
        qtbot.waitUntil(lambda: screen.state.text().startswith("Not enrolled"))
        assert not screen.upload_button.isEnabled()
        screen.show_status(
            SyncStatus(
                enrolled=True,
                online=False,
                queued=4,
                server_url="https://guichet.local:8443",
                name="G1",
                fingerprint="ab" * 32,
                last_error="the server cannot be reached: refused",
                leases=(
                    LeaseSummary(
                        "L1",
                        "Carmen",
                        datetime(2026, 3, 17, 18, 30, tzinfo=UTC),
                        ("Parterre - A - 1", "Parterre - A - 2", "Parterre - A - 3", "P - A - 4"),
                        (("Gradins", 10),),
                        datetime(2026, 3, 17, 18, 30, tzinfo=UTC),
                        "active",
                    ),
                ),
            )
        )
        assert screen.fields["leases"].text() == (
            "Carmen, Tuesday, 17 March 2026, 19:30: 4 seat(s) (Parterre - A - 1,"
            " Parterre - A - 2, Parterre - A - 3, …), 10 × Gradins;"
            " until Tuesday, 17 March 2026, 19:30"
        )
        assert screen.state.text().startswith("Offline")
        assert screen.fields["fingerprint"].text() == "ab" * 32
        assert screen.fields["queued"].text() == "4"
        assert screen.upload_button.isEnabled()
    finally:
        built.stop()
