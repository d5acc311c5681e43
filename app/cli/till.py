"""``guichet till ...``: the till's sessions and their reports, from the fiscal journal.

``sessions``
    The till's latest sessions: id, opened, state, closed.
``x-report [--pdf FILE]``
    The current session's totals so far (nothing is closed), on the terminal; as a PDF too.
``z-report SESSION|last [--pdf FILE]``
    A closed session's Z report (``last``: the latest closed one), on the terminal and as a
    PDF. Every figure is the ledger's, over the journal's records.

The words are the printed documents' language (``--language``, French by default).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from app.cli.common import EXIT_INVALID, EXIT_OK

NAME = "till"


def add_parser(commands: Any) -> None:
    till = commands.add_parser("till", help="the till's sessions, X and Z reports")
    actions = till.add_subparsers(dest="till_command", required=True, metavar="ACTION")
    listing = actions.add_parser("sessions", help="the till's latest sessions")
    listing.set_defaults(handler=_sessions)
    x = actions.add_parser("x-report", help="the open session's totals so far")
    x.add_argument("--pdf", type=Path, metavar="FILE", help="write the report as a PDF too")
    x.add_argument("--language", default="fr", choices=("fr", "en", "de"))
    x.set_defaults(handler=_x_report)
    z = actions.add_parser("z-report", help="a closed session's Z report")
    z.add_argument("session", metavar="SESSION", help="a session id, or 'last'")
    z.add_argument("--pdf", type=Path, metavar="FILE", help="write the report as a PDF too")
    z.add_argument("--language", default="fr", choices=("fr", "en", "de"))
    z.set_defaults(handler=_z_report)


def _open(args: argparse.Namespace) -> tuple[Any, Any] | None:
    from app.cli.common import open_database
    from app.config import ConfigError, load_station

    try:
        config = load_station(args.data_dir, demo=args.demo)
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return None
    return open_database(config.database_path), config


def _sessions(args: argparse.Namespace) -> int:
    from app.services.tills import sessions

    opened = _open(args)
    if opened is None:
        return EXIT_INVALID
    database, config = opened
    try:
        found = sessions(database.unit_of_work, config.point_of_sale)
    finally:
        database.close()
    zone = ZoneInfo(config.timezone)
    for s in found:
        closed = s.closed_at.astimezone(zone).isoformat() if s.closed_at else "-"
        opened_at = s.opened_at.astimezone(zone).isoformat()
        print(f"{s.id}  {s.state.value:<8} opened {opened_at}  closed {closed}")
    if not found:
        print(f"no session on till {config.point_of_sale}")
    return EXIT_OK


def _x_report(args: argparse.Namespace) -> int:
    from app.services.clock import SystemClock
    from app.services.tills import x_report

    opened = _open(args)
    if opened is None:
        return EXIT_INVALID
    database, config = opened
    try:
        report = x_report(database.unit_of_work, SystemClock(), config.point_of_sale)
        return _show(database, config, report, args)
    finally:
        database.close()


def _z_report(args: argparse.Namespace) -> int:
    from app.services.tills import sessions, z_report
    from domain.till import SessionState

    opened = _open(args)
    if opened is None:
        return EXIT_INVALID
    database, config = opened
    try:
        session_id = args.session
        if session_id == "last":
            closed = [
                s
                for s in sessions(database.unit_of_work, config.point_of_sale, 200)
                if s.state is SessionState.CLOSED
            ]
            if not closed:
                print(f"error: no closed session on till {config.point_of_sale}", file=sys.stderr)
                return EXIT_INVALID
            session_id = closed[0].id
        report = z_report(database.unit_of_work, session_id)
        return _show(database, config, report, args)
    finally:
        database.close()


def _show(database: Any, config: Any, report: Any, args: argparse.Namespace) -> int:
    from app.services import till_reports as reports

    name, names = reports.till_name_and_names(database.unit_of_work, config.point_of_sale)
    timezone = str(config.timezone)
    print(reports.report_text(reports.report_page(report, name, timezone, args.language, names)))
    if args.pdf is not None:
        path: Path = args.pdf
        try:
            path.write_bytes(reports.report_pdf(report, name, timezone, args.language, names))
        except OSError as error:
            print(f"error: cannot write {path}: {error.strerror or error}", file=sys.stderr)
            return EXIT_INVALID
        print(f"wrote {path}")
    return EXIT_OK
