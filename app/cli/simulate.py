"""``guichet simulate sales --count N``: random counter sales through the real sale use cases
and the station's (simulated) devices, to fill a demo, for support and for benchmarks. It
needs an open till session and opens one on the demo station if there is none."""

from __future__ import annotations

import argparse
import random
import sys
import time
from typing import Any

from app.cli.common import EXIT_INVALID, EXIT_OK

NAME = "simulate"


def add_parser(commands: Any) -> None:
    simulate = commands.add_parser("simulate", help="random sales through the real use cases")
    actions = simulate.add_subparsers(dest="simulate_command", required=True, metavar="WHAT")
    sales = actions.add_parser("sales", help="make N random sales")
    sales.add_argument("--count", type=int, default=10, metavar="N")
    sales.add_argument("--seed", type=int, default=None, help="repeat the same sales")
    sales.add_argument(
        "--card", action="store_true", help="pay some by card on the station's terminal"
    )
    sales.set_defaults(handler=_sales)


def _sales(args: argparse.Namespace) -> int:
    from zoneinfo import ZoneInfo

    from app.composition import open_station
    from app.config import load_station
    from app.services.simulation import simulate_sales
    from app.services.tills import current_session, ensure_demo_session
    from domain.money import Money
    from drivers.base import Role
    from drivers.payment import PaymentOutcome

    if args.count < 1:
        print("error: --count must be at least 1", file=sys.stderr)
        return EXIT_INVALID
    config = load_station(args.data_dir, demo=args.demo)
    station = open_station(config)
    try:
        services = station.services
        till = config.point_of_sale
        session = current_session(services.uow_factory, till)
        if session is None:
            if not config.demo:
                print(
                    "error: no till session is open on this till: a supervisor opens one (F10)",
                    file=sys.stderr,
                )
                return EXIT_INVALID
            session = ensure_demo_session(services.uow_factory, services.clock, till)
        terminal = station.devices.device_for(Role.PAYMENT_TERMINAL) if args.card else None

        def pay_by_card(amount: Money, cart_id: str) -> str | None:
            assert terminal is not None
            payment, result = station.devices.sale_payment(terminal, amount, cart_id)
            return payment.id if result.outcome is PaymentOutcome.APPROVED else None

        started = time.perf_counter()
        report = simulate_sales(
            services,
            station.selling,
            args.count,
            session.opened_by,
            random.Random(args.seed),
            ZoneInfo(config.timezone),
            pay_by_card if terminal is not None else None,
        )
        seconds = time.perf_counter() - started
        tenders = ", ".join(f"{n} {method}" for method, n in sorted(report.tenders.items()))
        print(
            f"{report.sales} sales, {report.tickets} tickets, {report.refused} carts given up "
            f"in {seconds:.1f} s; tenders: {tenders or 'none'}"
        )
        if report.results:
            last = report.results[-1]
            print(f"last sale: {last.order.id} (outbox seq {last.device_seq})")
    finally:
        station.stop()
    return EXIT_OK
