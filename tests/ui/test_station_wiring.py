"""The whole station as `guichet` builds it: simulated devices behind the real drivers, the
technician's device screens, and scans reaching the one handler."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.config import load_station
from app.main import Station, open_station
from app.ui.application import build_main_window
from app.ui.main_window import MainWindow
from domain.operators import Screen
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
