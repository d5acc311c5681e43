"""``guichet plan check FILE`` and ``guichet plan import FILE --hall NAME``: plan files."""

from __future__ import annotations

import argparse
import sys
import uuid
from pathlib import Path
from typing import Any

from app.cli.common import EXIT_INVALID, EXIT_OK, open_database
from planfiles import PlanError, format_summary, parse_plan, summarize

NAME = "plan"


def add_parser(commands: Any) -> None:
    plan = commands.add_parser("plan", help="seat plan files")
    plan_commands = plan.add_subparsers(dest="plan_command", required=True, metavar="ACTION")

    check = plan_commands.add_parser("check", help="validate a plan file and summarise it")
    check.add_argument("file", type=Path, metavar="FILE")
    check.set_defaults(handler=_plan_check)

    imp = plan_commands.add_parser("import", help="import a plan file as a hall's layout")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--hall", required=True, metavar="NAME", help="hall to import into")
    imp.add_argument("--site", default=None, metavar="NAME", help="site of the hall")
    imp.add_argument("--name", default=None, metavar="NAME", help="name of the new layout")
    imp.set_defaults(handler=_plan_import)


def _report(path: Path, error: PlanError) -> None:
    print(f"error: {path} is not a valid plan:", file=sys.stderr)
    for problem in error.problems:
        print(f"  {problem.place}: {problem.message}", file=sys.stderr)


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        print(f"error: cannot read {path}: {reason}", file=sys.stderr)
        return None


def _plan_check(args: argparse.Namespace) -> int:
    path: Path = args.file
    data = _read_bytes(path)
    if data is None:
        return EXIT_INVALID
    try:
        layout = parse_plan(data, layout_id=path.stem, hall_id="", source=str(path))
    except PlanError as error:
        _report(path, error)
        return EXIT_INVALID
    print(format_summary(summarize(layout)))
    return EXIT_OK


def _plan_import(args: argparse.Namespace) -> int:
    # Services and database are imported here, lazily, so that `plan check` needs neither.
    path: Path = args.file
    data = _read_bytes(path)
    if data is None:
        return EXIT_INVALID
    try:  # refuse a bad file before creating or migrating anything
        layout = parse_plan(
            data,
            layout_id=f"PL-{uuid.uuid4().hex[:12]}",
            hall_id="",
            name=args.name,
            source=str(path),
        )
    except PlanError as error:
        _report(path, error)
        return EXIT_INVALID
    from app.config import ConfigError, load_station
    from app.services.plans import HallNotFound, import_layout
    from domain.errors import VenueError

    try:
        config = load_station(args.data_dir, demo=args.demo)
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_INVALID
    database = open_database(config.database_path)
    try:
        result = import_layout(
            database.unit_of_work,
            layout,
            args.hall,
            site_name=args.site,
            timezone=config.timezone,
        )
    except (HallNotFound, VenueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_INVALID
    finally:
        database.close()
    new_hall = " (new hall)" if result.created_hall else ""
    print(
        f"imported {path} as layout {result.layout_id} of hall {result.hall_name!r}"
        f"{new_hall} at {result.site_name!r}: {result.seats:,} seats, "
        f"{result.standing_capacity:,} standing"
    )
    return EXIT_OK
