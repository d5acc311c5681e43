"""Guichet's command line, for technicians: ``guichet [--data-dir DIR] COMMAND ...``.

`app.main` calls `is_cli_command` on its arguments and, if true, `run_cli` instead of starting
the Qt application. One module per command (`app.cli.plan`, ...), each with ``NAME`` and
``add_parser(commands)``; list it in ``_COMMAND_MODULES``. Nothing here imports PySide6: commands
import the services and the database lazily, inside the handler that needs them.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from app.cli.common import EXIT_FAILED, EXIT_INVALID, EXIT_OK
from domain.errors import GuichetError

_COMMAND_MODULES = (
    "app.cli.plan",
    "app.cli.devices",
    "app.cli.printer",
    "app.cli.journal",
    "app.cli.till",
    "app.cli.simulate",
    "app.cli.enroll",
    "app.cli.sync",
    "app.cli.contact",
    "app.cli.advantage",
    "app.cli.account",
)
COMMANDS = frozenset(m.rsplit(".", 1)[1] for m in _COMMAND_MODULES)

__all__ = ["COMMANDS", "EXIT_INVALID", "EXIT_OK", "build_parser", "is_cli_command", "run_cli"]


def is_cli_command(argv: Sequence[str]) -> bool:
    """True if `argv` (without the program name) asks for a command-line subcommand.

    Global options (``--data-dir DIR``, ``--data-dir=DIR``, ``--demo``) may come first.
    """
    rest = list(argv)
    while rest:
        if rest[0] == "--data-dir":
            rest = rest[2:]
        elif rest[0] == "--demo" or rest[0].startswith("--data-dir="):
            rest = rest[1:]
        else:
            break
    return bool(rest) and rest[0] in COMMANDS


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="guichet", description="Guichet technician commands.")
    parser.add_argument(
        "--data-dir", type=Path, default=None, metavar="DIR", help="Guichet's data directory"
    )
    parser.add_argument(
        "--demo", action="store_true", help="the embedded demo's station and data directory"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in _COMMAND_MODULES:
        importlib.import_module(name).add_parser(commands)
    return parser


def run_cli(argv: Sequence[str]) -> int:
    """Runs one command; returns the process exit code (0 success, 2 bad file or arguments)."""
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as stop:  # argparse prints its own message (or --help)
        return stop.code if isinstance(stop.code, int) else EXIT_INVALID
    handler = args.handler
    try:
        code: int = handler(args)
    except GuichetError as error:  # e.g. the database cannot be used: say so, no traceback
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED
    return code
