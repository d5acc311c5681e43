"""Composition root: reads station.toml, opens the database (migrating it), loads the demo into
a fresh database, wires the use cases and starts Qt — or runs a technician's command.

`guichet` starts the client; `guichet plan check FILE` and friends run without a screen.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from app.config import ConfigError, StationConfig, load_station


def _parse_globals(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="guichet", add_help=False)
    parser.add_argument("--data-dir", type=Path, default=None)
    return parser.parse_known_args(argv)


def open_till(config: StationConfig):  # -> TillServices
    """The till's use cases over its database, migrated, with the demo loaded on first start."""
    from app.persistence import open_database
    from app.services.auth import Argon2PinHasher
    from app.services.demo import load_demo
    from app.services.till import SystemClock, TillServices

    database = open_database(config.database_path)
    hasher = Argon2PinHasher()
    clock = SystemClock()
    load_demo(database.unit_of_work, hasher, clock)
    return TillServices(database.unit_of_work, hasher, clock, config.point_of_sale)


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
            "       guichet [--data-dir DIR] plan ...    plan files (guichet plan --help)"
        )
        return 0
    try:
        config = load_station(options.data_dir)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    services = open_till(config)
    from app.ui.application import run_gui

    return run_gui(services, config.language, config.idle_lock_minutes, config.timezone)


if __name__ == "__main__":
    raise SystemExit(main())
