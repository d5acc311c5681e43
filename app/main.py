"""Composition root: reads station.toml, opens the database (migrating it), loads the demo into
a fresh database when this station is the demo, builds the devices, wires the use cases and
starts Qt — or runs a technician's command.

`guichet` starts the client; `guichet --demo` the embedded demo (its own data folder, simulated
devices); `guichet plan|printer|devices ...` run without a screen.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from app.config import ConfigError, StationConfig, load_station

if TYPE_CHECKING:
    from app.services.devices import DevicesService
    from app.services.printing import PrinterStation, PrintingServices
    from app.services.selling import SellingServices
    from app.services.till import TillServices
    from domain.clock import Clock
    from drivers.config import DeviceConfig
    from drivers.station import DeviceStation

from domain.errors import GuichetError
from drivers.base import Role

log = logging.getLogger(__name__)

_PRINTER_ROLES = (Role.TICKET_PRINTER, Role.RECEIPT_PRINTER)
EXIT_CANNOT_START = 3  # the database or a device configuration cannot be used (2: bad input)


def _parse_globals(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="guichet", add_help=False)
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--demo", action="store_true")
    return parser.parse_known_args(argv)


def open_till(config: StationConfig, clock: Clock | None = None) -> TillServices:
    """The till's use cases over its database, migrated; a demo station's new database gets
    the demo catalog, venues and operators.

    `clock` is the one clock every use case reads; the system clock unless a test pins one."""
    from app.persistence import open_database
    from app.services.auth import Argon2PinHasher
    from app.services.clock import SystemClock
    from app.services.demo import load_demo
    from app.services.journal import record_startup
    from app.services.till import TillServices

    database = open_database(config.database_path)
    hasher = Argon2PinHasher()
    clock = clock or SystemClock()
    if config.demo:
        load_demo(database.unit_of_work, hasher, clock)
    record_startup(database.unit_of_work, clock, config.point_of_sale)
    return TillServices(database.unit_of_work, hasher, clock, config.point_of_sale)


@dataclass
class Station:
    """The till's use cases and its devices, each physical device on its own worker thread;
    the printers' print queues and job journal on top of their devices."""

    services: TillServices
    printing: PrintingServices
    devices: DevicesService
    printers: PrinterStation
    device_station: DeviceStation
    selling: SellingServices

    def stop(self) -> None:
        self.device_station.stop()  # finishes queued print jobs, then closes every device


def _device_configs(config: StationConfig) -> list[DeviceConfig]:
    from app.services.devices import station_configs

    configs = station_configs(dict(config.devices))
    printed = str(config.data_dir / "printed")
    # Simulated printers keep the pictures of what they printed beside the database.
    return [
        replace(c, options={"output_dir": printed, **c.options})
        if c.scheme == "sim" and c.role in _PRINTER_ROLES
        else c
        for c in configs
    ]


def open_station(config: StationConfig, clock: Clock | None = None) -> Station:
    from app.services.devices import DevicesService
    from app.services.printing import PrinterStation, PrintingServices
    from app.services.selling import SellingServices
    from app.services.tickets import sale_ticket_printer
    from drivers.station import DeviceStation

    services = open_till(config, clock)
    device_station = DeviceStation(_device_configs(config))
    printers = PrinterStation(devices=device_station)
    printing = PrintingServices(
        services.uow_factory, printers, services.clock, config.point_of_sale
    )
    recovered = printing.recover_unfinished()
    if recovered:
        log.warning(
            "%d print job(s) left unfinished by the last run now wait for a decision", recovered
        )
    devices = DevicesService(device_station, services.uow_factory, services.clock)
    selling = SellingServices(
        services.uow_factory,
        services.clock,
        config.point_of_sale,
        lambda: services.till().channel.code,
        print_tickets=sale_ticket_printer(printing),
        dispatch=printing.dispatch,
        open_drawer=devices.open_drawer_for_sale,
    )
    device_station.start()
    devices.reconcile_at_start()  # card payments a crash left open: asked, never guessed
    return Station(services, printing, devices, printers, device_station, selling)


def _cannot_start(error: GuichetError, language: str) -> int:
    """Say why on the terminal and, on a desktop, in a window: never a bare traceback."""
    log.debug("cannot start", exc_info=error)
    print(f"error: Guichet cannot start: {error}", file=sys.stderr)
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or sys.platform == "win32":
        from app.ui.application import show_cannot_start

        show_cannot_start(error, language)
    return EXIT_CANNOT_START


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("alembic").setLevel(logging.WARNING)  # migrations speak up when they fail
    from app.cli import is_cli_command, run_cli

    if is_cli_command(args):
        return run_cli(args)
    options, rest = _parse_globals(args)
    if rest and rest[0] in ("-h", "--help"):
        print(
            "usage: guichet [--data-dir DIR]            start the cashier client\n"
            "       guichet --demo [--data-dir DIR]     the client on the embedded demo\n"
            "       guichet [--data-dir DIR] plan ...    plan files (guichet plan --help)\n"
            "       guichet printer ...                  printers (guichet printer --help)\n"
            "       guichet [--data-dir DIR] devices ... devices (guichet devices --help)\n"
            "       guichet [--data-dir DIR] journal ... fiscal journal (guichet journal --help)"
        )
        return 0
    try:
        config = load_station(options.data_dir, demo=options.demo)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        station = open_station(config)
    except GuichetError as error:  # the database cannot be used, a device is misconfigured...
        return _cannot_start(error, config.language)
    from app.ui.application import run_gui

    try:
        return run_gui(
            station.services,
            config.language,
            config.idle_lock_minutes,
            config.timezone,
            station.printing,
            station.devices,
            station.selling,
        )
    finally:
        station.stop()


if __name__ == "__main__":
    raise SystemExit(main())
