"""``guichet printer test|status --printer URI``: a technician's test print and status query,
for remote help, without starting the client.

The URI is a device address (``tcp://10.0.0.192:9100``, ``serial:///dev/ttyUSB0?baudrate=9600``,
``usb://04b8:0202``) or a simulator (``sim://fgl``, ``sim://escpos``, whose pictures go to
``--out``). The driver comes from ``--driver`` or, for ``sim://``, from the URI. Prints the
outcome, the status and, with ``--hex``, the bytes on the wire. Exit codes: 0 printed / ready,
1 the printer is not ready or the outcome is unknown, 2 bad arguments. Stores no print job:
the client's own test print (technician screen) does.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from app.cli.common import EXIT_INVALID, EXIT_OK

NAME = "printer"
EXIT_NOT_READY = 1
_DRIVERS = ("escpos", "fgl")


def add_parser(commands: Any) -> None:
    printer = commands.add_parser("printer", help="ticket and receipt printers")
    actions = printer.add_subparsers(dest="printer_command", required=True, metavar="ACTION")
    for name, help_text, handler in (
        ("test", "print the test page and report what became of it", _test),
        ("status", "ask the printer for its status", _status),
    ):
        action = actions.add_parser(name, help=help_text)
        action.add_argument(
            "--printer",
            required=True,
            metavar="URI",
            help="tcp://HOST:9100, serial://PORT?baudrate=N, usb://VID:PID, "
            "sim://fgl or sim://escpos",
        )
        action.add_argument(
            "--driver",
            choices=_DRIVERS,
            default=None,
            help="protocol (default: from sim://, else escpos)",
        )
        action.add_argument("--model", default=None, help="printer model, e.g. TM-T88V, FGL46")
        action.add_argument("--code-page", default=None, help="CP858 or CP1252 (ESC/POS)")
        action.add_argument(
            "--timeout",
            type=float,
            default=10.0,
            metavar="SECONDS",
            help="how long to wait for the printer's confirmation",
        )
        action.add_argument(
            "--out",
            type=Path,
            default=None,
            metavar="DIR",
            help="where a simulator writes its pictures",
        )
        action.add_argument("--hex", action="store_true", help="show the bytes on the wire")
        action.set_defaults(handler=handler)


def _printer(args: argparse.Namespace) -> Any:
    from drivers import registry
    from drivers.base import Role
    from drivers.config import SCHEMES, DeviceConfig

    uri: str = args.printer
    parts = urlsplit(uri)
    if parts.scheme not in SCHEMES:
        raise ValueError(f"{uri}: the address must start with one of {', '.join(SCHEMES)}://")
    driver = args.driver
    if driver is None:
        driver = (parts.netloc or parts.path.strip("/")) if parts.scheme == "sim" else "escpos"
    if driver not in _DRIVERS:
        raise ValueError(f"{uri}: unknown printer protocol {driver!r}")
    options: dict[str, Any] = {"confirm_timeout": args.timeout}
    if args.model:
        options["model"] = args.model
    if args.code_page:
        options["code_page"] = args.code_page
    if args.out is not None:
        options["output_dir"] = str(args.out)
    role = Role.TICKET_PRINTER if driver == "fgl" else Role.RECEIPT_PRINTER
    return registry.create(DeviceConfig("cli", role, driver, uri, options))


def _wire(printer: Any) -> None:
    for record in printer.wire_log.records():
        arrow = ">>" if record.direction == "out" else "<<"
        data = record.data if len(record.data) <= 64 else record.data[:64]
        more = f" … ({len(record.data)} bytes)" if len(record.data) > 64 else ""
        print(f"{arrow} {data.hex(' ')}{more}")


def _test(args: argparse.Namespace) -> int:
    from drivers.errors import DeviceError
    from drivers.printers.base import JobState
    from printing import escpos, fgl
    from printing.errors import RenderError

    try:
        printer = _printer(args)
        if printer.protocol == "fgl":
            data = fgl.render_test_page(fgl.model(printer.model), "guichet printer test")
        else:
            data = escpos.render_test_page(
                escpos.model(printer.model, printer.options.get("code_page")),
                "guichet printer test",
            )
    except (ValueError, DeviceError, RenderError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_INVALID
    try:
        outcome = printer.print_job(data)
        print(
            f"test print on {printer.address}: {outcome.state.value}"
            + (f" ({outcome.detail})" if outcome.detail else "")
        )
        if printer.last_status is not None:
            print(f"status: {printer.last_status.summary()}")
        if printer.simulator is not None:
            for path in printer.simulator.pages.paths():
                print(f"printed: {path}")
        if args.hex:
            _wire(printer)
    finally:
        printer.close()
    return EXIT_OK if outcome.state is JobState.CONFIRMED else EXIT_NOT_READY


def _status(args: argparse.Namespace) -> int:
    from drivers.errors import DeviceError

    try:
        printer = _printer(args)
    except (ValueError, DeviceError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_INVALID
    try:
        status = printer.status()
    except DeviceError as error:
        print(f"{printer.address}: {error}", file=sys.stderr)
        if args.hex:
            _wire(printer)
        printer.close()
        return EXIT_NOT_READY
    print(f"{printer.address} ({printer.protocol}, {printer.model}): {status.summary()}")
    if args.hex:
        _wire(printer)
    printer.close()
    return EXIT_OK if status.ready else EXIT_NOT_READY
