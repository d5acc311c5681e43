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
from pathlib import Path

from app.composition import Station, open_station, open_till
from app.config import ConfigError, load_station
from domain.errors import GuichetError

__all__ = ["EXIT_CANNOT_START", "Station", "main", "open_station", "open_till"]

log = logging.getLogger(__name__)
EXIT_CANNOT_START = 3  # the database or a device configuration cannot be used (2: bad input)


def _parse_globals(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="guichet", add_help=False)
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--demo", action="store_true")
    return parser.parse_known_args(argv)


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
    logging.getLogger("httpx").setLevel(logging.WARNING)  # not a line per request to the server
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
            "       guichet [--data-dir DIR] journal ... fiscal journal (guichet journal --help)\n"
            "       guichet [--data-dir DIR] till ...    till sessions, X and Z reports\n"
            "       guichet [--data-dir DIR] enroll URL CODE --ca FILE   enroll with a server\n"
            "       guichet [--data-dir DIR] sync status|upload          the server link"
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
    from app.station_after_sale import after_sale_services
    from app.ui.application import run_gui
    from app.ui.sale.sale_screen import CounterServices

    try:
        return run_gui(
            station.services,
            config.language,
            config.idle_lock_minutes,
            config.timezone,
            station.printing,
            station.devices,
            station.selling,
            station.syncing,
            after_sale_services(station, config),
            CounterServices(station.advantages, station.contacts)
            if station.advantages is not None and station.contacts is not None
            else None,
            station.options,  # expired by the window's chores while it runs (app.ui.chores)
        )
    finally:
        station.stop()


if __name__ == "__main__":
    raise SystemExit(main())
