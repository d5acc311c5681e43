"""Sale figures, printed as JSON (plain timers; not a test).

- ``commit_ms``: the durable commit of a 2-seat cash sale (`SellingServices.complete`: order,
  tickets, tenders, journal entry, outbox message, seats sold; WAL, synchronous=FULL), median
  and p95 over the runs.
- ``pay_to_bytes_ms``: from "pay" pressed to the ticket bytes ready for the printer lane,
  devices excluded: the commit with the tickets' print jobs queued in it, then the tickets'
  documents read back and rendered to Boca FGL bytes as the printer's thread does.

Run: ``.venv/bin/python benchmarks/sale.py [--runs 200]`` (the journal's figures:
``benchmarks/journal.py``).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.config import load_station
from app.main import open_till
from app.services.clock import SystemClock
from app.services.selling import SellingServices
from app.services.tickets import ticket_documents
from app.services.tills import ensure_demo_session
from domain.orders import PaymentPlan
from printing import fgl


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="guichet-sale-bench-"))
    services = open_till(load_station(folder, demo=True), SystemClock())
    ensure_demo_session(services.uow_factory, services.clock, "G1")
    model = fgl.model("FGL46")
    rendered: list[bytes] = []

    def render(uow, order, number):  # type: ignore[no-untyped-def]
        rendered.extend(fgl.render_ticket(d, model) for d in ticket_documents(uow, order, number))
        return []

    plain = SellingServices(services.uow_factory, services.clock, "G1", lambda: "GUICHET")
    printing = SellingServices(
        services.uow_factory, services.clock, "G1", lambda: "GUICHET", print_tickets=render
    )
    rng = random.Random(1)
    performances = ["P-MIS-2", "P-MIS-3", "P-MIS-4", "P-CAR-2"]
    free = {p: _free(services, p) for p in performances}
    figures: dict[str, object] = {"runs": args.runs, "python": sys.version.split()[0]}
    for name, selling in (("commit_ms", plain), ("pay_to_bytes_ms", printing)):
        times = []
        for _ in range(args.runs):
            performance = rng.choice([p for p in performances if len(free[p]) >= 2])
            seats = [free[performance].pop(), free[performance].pop()]
            view = selling.add_seats(selling.open_cart().cart.id, performance, seats)
            plan = PaymentPlan(view.due).exact_cash()
            started = time.perf_counter()
            selling.complete(view.cart.id, plan, "OP-CASHIER")
            times.append((time.perf_counter() - started) * 1000)
        figures[name] = {
            "median": round(statistics.median(times), 2),
            "p95": round(_p95(times), 2),
            "max": round(max(times), 2),
        }
    figures["ticket_bytes"] = len(rendered[-1]) if rendered else 0
    print(json.dumps(figures))


def _free(services, performance: str) -> list[str]:  # type: ignore[no-untyped-def]
    plan = services.performance_view(performance).plan
    return [plan.seat_ids[i] for i in range(len(plan.seat_ids)) if plan.sellable[i]]


if __name__ == "__main__":
    main()
