"""``guichet journal ...``: the till's fiscal journal.

``verify``
    Check the hash chain of this station's till (``point_of_sale`` in station.toml); a break
    found is journaled as an "integrity_defect" entry naming its seq (once per defect).
``verify FILE.zip``
    Check an archive alone: no station, no database, any machine.
``export FILE``
    Write the entries as JSON Lines, as stored.
``export --day 2026-03-10 FILE.csv``
    The accounting export of one day: per tender and per VAT rate, net, VAT and gross.
``settlement [--performance ID] [FILE.csv]``
    Per performance and tariff: tickets sold, gross, VAT.
``close [--daily] [--monthly] [--yearly]``
    Close every due fiscal period (all three frequencies unless some are named).
``closures [--daily] [--monthly] [--yearly]``
    List the closures written: number, period, seqs covered, period and perpetual totals.
``archive --period 2026 FILE.zip``
    The signed archive of a year or a month.

Exports, closures and archives are journaled too.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli.common import EXIT_INVALID, EXIT_OK

NAME = "journal"
EXIT_BROKEN = 1  # the chain does not verify


def add_parser(commands: Any) -> None:
    journal = commands.add_parser("journal", help="the till's fiscal journal")
    actions = journal.add_subparsers(dest="journal_command", required=True, metavar="ACTION")

    check = actions.add_parser(
        "verify",
        help="check the hash chain (or an archive FILE.zip alone); print the last seq and hash",
    )
    check.add_argument("archive", type=Path, nargs="?", metavar="FILE.zip")
    check.set_defaults(handler=_verify)

    export = actions.add_parser(
        "export", help="write the entries as JSON Lines, or with --day a day's accounting CSV"
    )
    export.add_argument("--day", metavar="YYYY-MM-DD", help="the accounting CSV of this day")
    export.add_argument("file", type=Path, metavar="FILE")
    export.set_defaults(handler=_export)

    settle = actions.add_parser(
        "settlement", help="per performance and tariff: tickets sold, gross, VAT"
    )
    settle.add_argument("--performance", metavar="ID", help="only this performance")
    settle.add_argument("file", type=Path, nargs="?", metavar="FILE.csv", help="write CSV here")
    settle.set_defaults(handler=_settlement)

    close = actions.add_parser("close", help="close every due daily, monthly, yearly period")
    for frequency in ("daily", "monthly", "yearly"):
        close.add_argument(f"--{frequency}", action="store_true", help=f"the {frequency} ones")
    close.set_defaults(handler=_close)

    listing = actions.add_parser("closures", help="list the fiscal closures and their totals")
    for frequency in ("daily", "monthly", "yearly"):
        listing.add_argument(f"--{frequency}", action="store_true", help=f"the {frequency} ones")
    listing.set_defaults(handler=_closures)

    archive = actions.add_parser("archive", help="write the signed archive of a year or month")
    archive.add_argument("--period", required=True, metavar="YYYY[-MM]")
    archive.add_argument("file", type=Path, metavar="FILE.zip")
    archive.set_defaults(handler=_archive)


def _clock() -> Any:
    """The system clock (a test pins its own here)."""
    from app.services.clock import SystemClock

    return SystemClock()


def _station(args: argparse.Namespace) -> Any:
    from app.config import ConfigError, load_station

    try:
        return load_station(args.data_dir, demo=args.demo)
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return None


_FAILED: Any = object()  # what `_on_station` returns after saying why it could not


def _on_station(
    args: argparse.Namespace, work: Callable[[Any, Any], Any], writes: Path | None = None
) -> Any:
    """``work(config, database)`` on this station's database (closed after); `_FAILED` after
    printing why when station.toml cannot be read or ``writes`` cannot be written."""
    from app.persistence import open_database

    config = _station(args)
    if config is None:
        return _FAILED
    database = open_database(config.database_path)
    try:
        return work(config, database)
    except OSError as error:
        print(f"error: cannot write {writes}: {error.strerror or error}", file=sys.stderr)
        return _FAILED
    finally:
        database.close()


def _period(text: str) -> Any:
    """The period named on the command line, or `_FAILED` after saying what is wrong."""
    from domain.periods import InvalidPeriod, Period

    try:
        return Period.parse(text)
    except InvalidPeriod as error:
        print(f"error: {error}", file=sys.stderr)
        return _FAILED


def _zone(config: Any) -> Any:
    from zoneinfo import ZoneInfo

    return ZoneInfo(config.timezone)


def _verify(args: argparse.Namespace) -> int:
    if args.archive is not None:
        return _verify_archive(args.archive)
    from app.services.journal import verify_and_record

    till = ""

    def work(config: Any, database: Any) -> Any:
        nonlocal till
        till = config.point_of_sale
        return verify_and_record(database.unit_of_work, _clock(), till)

    report = _on_station(args, work)
    if report is _FAILED:
        return EXIT_INVALID
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


def _verify_archive(path: Path) -> int:
    from app.services.archive import verify_archive_file

    if not path.is_file():
        print(f"error: {path} is not a file", file=sys.stderr)
        return EXIT_INVALID
    report = verify_archive_file(path)
    manifest = report.manifest
    if not report.ok:
        print(f"BROKEN: archive {path}:")
        for problem in report.problems:
            print(f"  {problem}")
        return EXIT_BROKEN
    print(
        f"OK: archive {path}: till {manifest['till']}, period {manifest['period']}, "
        f"{report.entries} entries (seq {manifest['first_seq']} to {manifest['last_seq']}), "
        f"{report.closures} closures, last hash {manifest['last_hash']}, "
        f"signed by key {report.key_fingerprint}"
    )
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from app.services.accounting import export_day
    from app.services.journal import export_journal
    from domain.periods import Frequency

    path: Path = args.file
    day = None if args.day is None else _period(args.day)
    if day is _FAILED:
        return EXIT_INVALID
    if day is not None and day.frequency is not Frequency.DAILY:
        print(f"error: --day takes a day (2026-03-10), not {args.day!r}", file=sys.stderr)
        return EXIT_INVALID

    def work(config: Any, database: Any) -> str:
        till = config.point_of_sale
        if day is None:
            count = export_journal(database.unit_of_work, till, path, _clock())
            return f"exported {count} entries of till {till} to {path}"
        rows = export_day(database.unit_of_work, _clock(), till, _zone(config), day, path)
        return f"exported the accounting of {day} ({rows} rows) of till {till} to {path}"

    said = _on_station(args, work, path)
    if said is _FAILED:
        return EXIT_INVALID
    print(said)
    return EXIT_OK


def _settlement(args: argparse.Namespace) -> int:
    from app.services.accounting import settlement, write_settlement

    def work(config: Any, database: Any) -> Any:
        rows = settlement(database.unit_of_work, config.point_of_sale, args.performance)
        if args.file is not None:
            write_settlement(database.unit_of_work, _clock(), config.point_of_sale, rows, args.file)
        return rows

    rows = _on_station(args, work, args.file)
    if rows is _FAILED:
        return EXIT_INVALID
    for row in rows:
        print(
            f"{row.performance}\t{row.label}\t{row.tariff}\t{row.tickets}\t"
            f"{row.gross.to_decimal()}\t{row.vat.to_decimal()}"
        )
    if args.file is not None:
        print(f"wrote the settlement ({len(rows)} rows) to {args.file}")
    return EXIT_OK


def _close(args: argparse.Namespace) -> int:
    from app.services.closures import ALL, close_due

    chosen = [f for f in ALL if getattr(args, f.value)] or list(ALL)
    written = _on_station(
        args,
        lambda config, database: close_due(
            database.unit_of_work, _clock(), config.point_of_sale, _zone(config), chosen
        ),
    )
    if written is _FAILED:
        return EXIT_INVALID
    for closure in written:
        print(
            f"closed {closure.frequency.value} {closure.period} (n° {closure.number}, "
            f"seq {closure.first_seq} to {closure.last_seq}): perpetual total "
            f"{closure.perpetual.to_decimal()} {closure.perpetual.currency}"
        )
    if not written:
        names = ", ".join(f.value for f in chosen)
        print(f"nothing to close ({names}): every ended period is closed")
    return EXIT_OK


def _closures(args: argparse.Namespace) -> int:
    from app.services.closures import ALL, closure_entry

    chosen = [f for f in ALL if getattr(args, f.value)] or list(ALL)

    def work(config: Any, database: Any) -> list[tuple[Any, dict[str, Any]]]:
        till = config.point_of_sale
        with database.unit_of_work(read_only=True) as uow:
            return [
                (c, closure_entry(uow, till, c))
                for c in uow.journal.closures(till)
                if c.frequency in chosen
            ]

    found = _on_station(args, work)
    if found is _FAILED:
        return EXIT_INVALID
    for closure, record in found:
        period_total = record.get("period_total", {})
        print(
            f"{closure.frequency.value}\tn° {closure.number}\t{closure.period}\t"
            f"seq {closure.first_seq}-{closure.last_seq}\t"
            f"period {_major(period_total)}\tperpetual {closure.perpetual.to_decimal()} "
            f"{closure.perpetual.currency}\tjournal seq {closure.seq}"
        )
    if not found:
        print("no closure yet")
    return EXIT_OK


def _major(money: Any) -> str:
    from domain.money import Money

    return str(Money(int(money["minor"]), str(money["currency"])).to_decimal())


def _archive(args: argparse.Namespace) -> int:
    from app.services.archive import archive_period
    from domain.periods import Frequency

    period = _period(args.period)
    if period is _FAILED:
        return EXIT_INVALID
    if period.frequency is Frequency.DAILY:
        print("error: an archive holds a year (2026) or a month (2026-03)", file=sys.stderr)
        return EXIT_INVALID
    done = _on_station(
        args,
        lambda config, database: archive_period(
            database.unit_of_work,
            _clock(),
            config.point_of_sale,
            _zone(config),
            config.data_dir,
            period,
            args.file,
        ),
        args.file,
    )
    if done is _FAILED:
        return EXIT_INVALID
    print(
        f"archived {period} to {done.path}: {done.entries} entries (seq {done.first_seq} to "
        f"{done.last_seq}), {done.closures} closures; manifest SHA-256 {done.manifest_sha256} "
        f"(journal seq {done.journal_seq})"
    )
    return EXIT_OK
