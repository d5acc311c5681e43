"""``guichet plan check FILE`` and ``guichet plan import FILE --hall NAME``: plan files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.common import EXIT_INVALID, EXIT_OK, open_database
from planfiles import PlanError

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
    if [p.place for p in error.problems] == [str(path)]:  # the file itself: absent, a FIFO...
        print(f"error: {_shown(path)}: {error.problems[0].message}", file=sys.stderr)
        return
    print(f"error: {_shown(path)} is not a valid plan:", file=sys.stderr)
    for problem in error.problems:
        print(f"  {problem.place}: {problem.message}", file=sys.stderr)


def _shown(value: object) -> str:
    """`value` for a terminal: a file name that is not UTF-8 holds lone surrogates."""
    return str(value).encode("utf-8", "backslashreplace").decode("utf-8")


def _plan_check(args: argparse.Namespace) -> int:
    from app.services.plans import check_plan_file

    path: Path = args.file
    try:
        report = check_plan_file(path)
    except PlanError as error:
        _report(path, error)
        return EXIT_INVALID
    print(report.text)
    return EXIT_OK


def _plan_import(args: argparse.Namespace) -> int:
    # Services and database are imported here, lazily, so that `plan check` needs neither.
    from app.services.plans import (
        AmbiguousHall,
        PlanImportError,
        import_layout,
        read_plan_for_import,
    )

    path: Path = args.file
    try:  # refuse a bad file before creating or migrating anything
        layout = read_plan_for_import(path, name=args.name)
    except PlanError as error:
        _report(path, error)
        return EXIT_INVALID
    except PlanImportError as error:
        print(f"error: {_shown(error)}", file=sys.stderr)
        return EXIT_INVALID
    from app.config import ConfigError, load_station

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
    except AmbiguousHall as error:
        print(f"error: {_shown(error)} with --site NAME", file=sys.stderr)
        return EXIT_INVALID
    except PlanImportError as error:
        print(f"error: {_shown(error)}", file=sys.stderr)
        return EXIT_INVALID
    finally:
        database.close()
    new = ", ".join(
        what
        for what, created in (("new hall", result.created_hall), ("new site", result.created_site))
        if created
    )
    print(
        f"imported {_shown(path)} as layout {result.layout_id} of hall {result.hall_name!r}"
        f"{f' ({new})' if new else ''} at {result.site_name!r}: "
        f"{result.seats:,} seats, {result.standing_capacity:,} standing"
    )
    return EXIT_OK
