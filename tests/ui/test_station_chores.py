"""The station's chores on the real demo station (`app.ui.chores`): an option past its expiry
is expired by the window's periodic round, its places are on sale again and the options panel
shows it expired; one that expired while the till was stopped is expired as the station is
built; training mode expires options the same way."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.config import StationConfig, load_station
from app.main import Station, open_station
from app.services.contacts import ContactServices
from app.services.options import OptionServices
from app.services.tills import ensure_demo_session
from app.station_after_sale import after_sale_services
from app.ui.application import build_main_window
from app.ui.main_window import MainWindow
from app.ui.orders.orders_screen import OrdersScreen
from domain.operators import Screen
from domain.options import Option, OptionState
from tests.fakes import FixedClock

from .test_shell import log_in

PERFORMANCE = "P-MIS-2"


@pytest.fixture
def config(tmp_path: Path) -> StationConfig:
    return load_station(tmp_path / "till", demo=True)


@pytest.fixture
def station(config: StationConfig) -> Iterator[Station]:
    built = open_station(config, FixedClock())
    ensure_demo_session(built.services.uow_factory, built.services.clock, "G1")
    yield built
    built.stop()


def _options(station: Station) -> OptionServices:
    assert station.options is not None
    return station.options


def _sellable(station: Station) -> int:
    return sum(station.services.performance_view(PERFORMANCE).plan.sellable)


def _option(station: Station, hours: int = 3) -> Option:
    """Two places of tomorrow's performance, held until ``hours`` from now."""
    clock = station.services.clock
    contact = ContactServices(station.services.uow_factory, clock).create("Blanche Dainville")
    expires = clock.now() + timedelta(hours=hours)
    return _options(station).create_direct(contact.id, PERFORMANCE, {"CAT2": 2}, expires)


def _window(qtbot: QtBot, station: Station, config: StationConfig) -> MainWindow:
    window = build_main_window(
        station.services, "en", 5, "Europe/Paris", station.printing, station.devices,
        station.selling, station.syncing, after_sale_services(station, config),
        options=station.options,
    )  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.login.operator_box.count() == 3)
    qtbot.waitUntil(lambda: not window.chores.busy)  # the start's round
    return window


@pytest.mark.timeout(60)
def test_the_windows_chores_expire_an_option_past_its_expiry_and_the_panel_shows_it(
    qtbot: QtBot, station: Station, config: StationConfig
) -> None:
    before = _sellable(station)
    option = _option(station)
    assert _sellable(station) == before - 2
    window = _window(qtbot, station, config)
    assert window.chores.timer.isActive()  # periodic, logged in or not
    log_in(qtbot, window, "Camille Martin", "1234")
    qtbot.waitUntil(lambda: window.work is not None)
    assert window.work is not None
    qtbot.keyClick(window.work.nav, Qt.Key.Key_F2)
    screen = window.work.screens[Screen.ORDERS]
    assert isinstance(screen, OrdersScreen) and screen.options is not None
    panel = screen.options
    qtbot.waitUntil(lambda: panel.listing.count() == 1)
    assert "placed" in panel.listing.item(0).text()

    window.chores.run()  # a round before the expiry changes nothing
    qtbot.waitUntil(lambda: not window.chores.busy)
    assert _options(station).get(option.id).state is OptionState.PLACED
    assert _sellable(station) == before - 2

    station.services.clock.advance(timedelta(hours=3))  # FixedClock: the expiry is reached
    window.chores.run()  # what the timer calls every minute
    qtbot.waitUntil(lambda: "expired" in panel.listing.item(0).text())
    assert _options(station).get(option.id).state is OptionState.EXPIRED
    assert [o.id for o in window.chores.expired] == [option.id]
    assert _sellable(station) == before  # the places are on sale again
    window.chores.run()  # the next round has nothing left to expire
    qtbot.waitUntil(lambda: not window.chores.busy)
    assert window.chores.expired == []


@pytest.mark.timeout(60)
def test_an_option_that_expired_while_the_till_was_stopped_is_expired_at_the_start(
    config: StationConfig,
) -> None:
    clock = FixedClock()
    first = open_station(config, clock)
    try:
        before = _sellable(first)
        option = _option(first, hours=1)
        assert _sellable(first) == before - 2
    finally:
        first.stop()
    clock.advance(timedelta(hours=2))
    again = open_station(config, clock)
    try:
        assert _options(again).get(option.id).state is OptionState.EXPIRED
        assert _sellable(again) == before
    finally:
        again.stop()


@pytest.mark.timeout(60)
def test_in_training_mode_the_chores_expire_real_options_and_give_their_places_back(
    qtbot: QtBot, station: Station, config: StationConfig
) -> None:
    before = _sellable(station)
    option = _option(station)  # a real option, made before the training
    services = station.services
    with services.uow_factory(read_only=True) as uow:
        supervisor = uow.operators.get("OP-SUPERVISOR")
    services.start_training(supervisor)
    window = _window(qtbot, station, config)
    services.clock.advance(timedelta(hours=3))
    window.chores.run()
    qtbot.waitUntil(lambda: bool(window.chores.expired))
    assert _options(station).get(option.id).state is OptionState.EXPIRED
    assert _sellable(station) == before
