"""``guichet devices list|discover|status|test DEVICE``: the station's devices from a shell.

The devices come from station.toml's ``[devices]`` table (the demo's simulators when it has
none). ``test`` runs the role's test action: a test payment (or ``--action refund`` /
``end-of-day`` / ``status`` / ``diagnosis``) on a payment terminal, kick and sensor on a
drawer, ``--text`` on a display, a scan on a scanner. Card results are saved in the till's
database like any payment. Exit code 0 when the action worked, 1 when the device refused or
failed, 2 for bad arguments or configuration.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tomllib
from typing import Any

from app.cli.common import EXIT_INVALID, EXIT_OK

NAME = "devices"
EXIT_FAILED = 1


def add_parser(commands: Any) -> None:
    devices = commands.add_parser("devices", help="payment terminal, drawer, display, scanners")
    actions = devices.add_subparsers(dest="devices_command", required=True, metavar="ACTION")
    actions.add_parser("list", help="the configured devices").set_defaults(handler=_list)
    found = actions.add_parser("discover", help="serial ports, USB devices, answering TCP ports")
    found.add_argument("--host", action="append", default=[], help="a host to probe (repeat)")
    found.set_defaults(handler=_discover)
    actions.add_parser("status", help="open every device and show its state").set_defaults(
        handler=_status
    )
    test = actions.add_parser("test", help="run a device's test action")
    test.add_argument("device", metavar="DEVICE")
    test.add_argument(
        "--action",
        default=None,
        choices=[
            "payment",
            "refund",
            "end-of-day",
            "status",
            "diagnosis",
            "kick",
            "sensor",
            "display",
            "scan",
        ],
    )
    test.add_argument("--amount", default="1.00", help="card test amount (default 1.00)")
    test.add_argument("--text", default="Guichet|test display", help="LINE1|LINE2")
    test.set_defaults(handler=_test)


def _station(args: argparse.Namespace) -> tuple[Any, Any]:
    from app.config import load_station
    from app.services.devices import station_configs
    from drivers.station import DeviceStation

    config = load_station(args.data_dir, demo=args.demo)
    path = config.data_dir / "station.toml"
    table = tomllib.loads(path.read_text(encoding="utf-8")).get("devices")
    return config, DeviceStation(station_configs(table), poll_interval=0)


def _fail(message: str, code: int = EXIT_INVALID) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


def _list(args: argparse.Namespace) -> int:
    from drivers.errors import DeviceError

    try:
        _config, station = _station(args)
    except (DeviceError, OSError, tomllib.TOMLDecodeError) as error:
        return _fail(str(error))
    for name in station.names():
        c = station.config(name)
        print(f"{name:<18} {c.role.value:<18} {c.driver:<16} {c.uri}")
    station.stop()
    return EXIT_OK


def _discover(args: argparse.Namespace) -> int:
    from drivers.discovery import discover

    for found in discover(args.host):
        suggestion = f"  -> driver {found.driver} ({found.role})" if found.driver else ""
        print(f"{found.kind:<7} {found.address or '-':<40} {found.description}{suggestion}")
        if found.warning:
            print(f"        {found.warning}")
    return EXIT_OK


def _status(args: argparse.Namespace) -> int:
    import time

    from drivers.base import DeviceState
    from drivers.errors import DeviceError

    try:
        _config, station = _station(args)
    except (DeviceError, OSError, tomllib.TOMLDecodeError) as error:
        return _fail(str(error))
    station.start()
    for name in station.names():  # wait for each worker to start its device; ask printers
        with contextlib.suppress(DeviceError, TimeoutError):
            station.call(name, _ask_printer, 30)
    time.sleep(0.05)
    bad = False
    for s in station.status():
        bad |= s.state is DeviceState.ERROR
        detail = s.error or s.detail
        print(f"{s.name:<18} {s.role.value:<18} {s.state.value:<7} {detail}")
    station.stop()
    return EXIT_FAILED if bad else EXIT_OK


def _ask_printer(device: Any) -> None:
    """A printer's state comes from its status, not from a connection that opened; the
    driver's dialogue has its own overall deadline (a line that streams reads as garbled)."""
    from drivers.printers.base import Printer

    if isinstance(device, Printer):
        device.status()


def _default_action(role: Any) -> str:
    from drivers.base import Role

    return {
        Role.PAYMENT_TERMINAL: "payment",
        Role.CASH_DRAWER: "kick",
        Role.LINE_DISPLAY: "display",
        Role.SCANNER: "scan",
    }.get(role, "status")


def _test(args: argparse.Namespace) -> int:
    from app.persistence import open_database
    from app.services.clock import SystemClock
    from app.services.devices import DevicesService
    from domain.errors import DomainError
    from domain.money import Money
    from drivers.errors import DeviceError

    try:
        config, station = _station(args)
        device_config = station.config(args.device)
    except (DeviceError, OSError, tomllib.TOMLDecodeError) as error:
        return _fail(str(error))
    action = args.action or _default_action(device_config.role)
    database = open_database(config.database_path)
    service = DevicesService(station, database.unit_of_work, SystemClock(), config.point_of_sale)
    try:
        return _run_action(service, args, action, Money)
    except (DeviceError, DomainError) as error:
        return _fail(f"{args.device}: {error}", EXIT_FAILED)
    finally:
        station.stop()
        database.close()


def _run_action(service: Any, args: argparse.Namespace, action: str, money: Any) -> int:
    name = args.device
    if action in ("payment", "refund"):
        amount = money.of(args.amount, "EUR")
        run = service.test_payment if action == "payment" else service.test_refund
        payment, result = run(name, amount)
        print(f"{action} {args.amount} EUR: {result.outcome.value} ({result.message})")
        if result.result is not None:
            r = result.result
            print(f"  trace {r.trace}  receipt {r.receipt_no}  terminal {r.terminal_id}")
        for line in result.receipt_lines:
            print(f"  | {line}")
        print(f"  saved as card payment {payment.id} ({payment.state.value})")
        return EXIT_OK if result.outcome.value == "approved" else EXIT_FAILED
    if action == "end-of-day":
        totals = service.end_of_day(name)
        total = "-" if totals.total is None else f"{totals.total.minor / 100:.2f}"
        print(f"end-of-day: {totals.message}; {totals.count} transaction(s), total {total}")
        for line in totals.receipt_lines:
            print(f"  | {line}")
        return EXIT_OK if totals.approved else EXIT_FAILED
    if action in ("status", "diagnosis"):
        status = service.terminal_status(name) if action == "status" else service.diagnosis(name)
        version = f" ({status.software_version})" if status.software_version else ""
        print(f"{action}: {status.message}{version}")
        return EXIT_OK if status.ready else EXIT_FAILED
    if action == "kick":
        check = service.kick_drawer(name)
        print(f"drawer kicked; sensor says {'open' if check.is_open else 'closed'}")
        return EXIT_OK if check.is_open else EXIT_FAILED
    if action == "sensor":
        print(f"drawer {'open' if service.drawer_sensor(name) else 'closed'}")
        return EXIT_OK
    if action == "display":
        first, _, second = args.text.partition("|")
        shown = service.display_text(name, first, second)
        print(f"display shows: [{shown[0]:<20}] [{shown[1]:<20}]")
        return EXIT_OK
    import threading

    got: list[str] = []
    arrived = threading.Event()

    def scanned(code: str, source: str) -> None:
        got.append(code)
        arrived.set()

    service.station.add_scan_listener(scanned)
    service.scan_test(name)
    if not arrived.wait(5):
        print("no scan arrived within 5 s")
        return EXIT_FAILED
    print(f"scan received: {got[0]}")
    return EXIT_OK
