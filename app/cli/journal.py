"""``guichet journal verify`` and ``guichet journal export FILE``: the till's fiscal journal.

Both read the journal of this station's till (``point_of_sale`` in station.toml) and change
nothing in the database.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.common import EXIT_INVALID, EXIT_OK, open_station

NAME = "journal"
EXIT_BROKEN = 1  # the chain does not verify


def add_parser(commands: Any) -> None:
    journal = commands.add_parser("journal", help="the till's fiscal journal")
    actions = journal.add_subparsers(dest="journal_command", required=True, metavar="ACTION")

    check = actions.add_parser("verify", help="check the hash chain; print the last seq and hash")
    check.set_defaults(handler=_verify)

    export = actions.add_parser("export", help="write the entries as JSON Lines, as stored")
    export.add_argument("file", type=Path, metavar="FILE")
    export.set_defaults(handler=_export)


def _verify(args: argparse.Namespace) -> int:
    from app.services.journal import verify_journal

    opened = open_station(args)
    if opened is None:
        return EXIT_INVALID
    database, till = opened
    try:
        report = verify_journal(database.unit_of_work, till)
    finally:
        database.close()
    if report.first_problem is not None:
        print(
            f"BROKEN: journal of till {till}: seq {report.first_problem.seq}: "
            f"{report.first_problem.what} ({report.count} entries verify before it)"
        )
        return EXIT_BROKEN
    print(
        f"OK: journal of till {till}: {report.count} entries, "
        f"last seq {report.last_seq}, last hash {report.last_hash}"
    )
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from app.services.journal import export_journal

    path: Path = args.file
    opened = open_station(args)
    if opened is None:
        return EXIT_INVALID
    database, till = opened
    try:
        count = export_journal(database.unit_of_work, till, path)
    except OSError as error:
        print(f"error: cannot write {path}: {error.strerror or error}", file=sys.stderr)
        return EXIT_INVALID
    finally:
        database.close()
    print(f"exported {count} entries of till {till} to {path}")
    return EXIT_OK
