"""After-sale figures, printed as JSON (plain timers; not a test).

- ``find_ms``: F2 on a till holding ``--orders`` two-ticket sales: an order number, a ticket
  number and a barcode, each found with its tickets, tenders, prints and journal entries
  (indexed look-ups: it should not grow with the till's history), median and p95.
- ``refund_ms``: the cash refund of one ticket (plan, pending correction, tickets voided,
  the seat back on sale, journal entry and outbox event: two write transactions).
- ``reprint_ms``: a reprint as DUPLICATA (new barcode, old voided, journal and outbox), without
  a printer.

Run: ``.venv/bin/python benchmarks/after_sale.py [--orders 2000] [--runs 100]``.
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
from app.services.after_sale import AfterSaleServices
from app.services.clock import SystemClock
from app.services.selling import SaleResult, SellingServices
from app.services.tills import ensure_demo_session
from domain.orders import PaymentPlan


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def _figures(values: list[float]) -> dict[str, float]:
    return {"median": round(statistics.median(values), 2), "p95": round(_p95(values), 2)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="guichet-after-sale-bench-"))
    services = open_till(load_station(folder, demo=True), SystemClock())
    ensure_demo_session(services.uow_factory, services.clock, "G1")
    selling = SellingServices(services.uow_factory, services.clock, "G1", lambda: "GUICHET")
    after = AfterSaleServices(services.uow_factory, services.clock, "G1", services.hasher)
    performances = ["P-MIS-2", "P-MIS-3", "P-MIS-4", "P-CAR-2"]
    sales: list[SaleResult] = []
    for index in range(args.orders):
        performance = performances[index % len(performances)]
        plan = services.performance_view(performance).plan
        free = [plan.seat_ids[i] for i in range(len(plan.seat_ids)) if plan.sellable[i]]
        if len(free) < 2:
            break
        view = selling.add_seats(selling.open_cart().cart.id, performance, free[:2])
        sales.append(
            selling.complete(view.cart.id, PaymentPlan(view.due).exact_cash(), "OP-CASHIER")
        )
    rng = random.Random(1)
    with services.uow_factory(read_only=True) as uow:
        cashier = uow.operators.get("OP-SUPERVISOR")
    find: list[float] = []
    refund: list[float] = []
    reprint: list[float] = []
    for sale in rng.sample(sales, min(args.runs, len(sales))):
        for text in (f"G1-{sale.device_seq:06d}", str(sale.order.tickets[0].number),
                     sale.order.tickets[1].barcode):  # fmt: skip
            started = time.perf_counter()
            after.find(text)
            find.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        after.reprint(sale.order.id, sale.order.tickets[1].number, "damaged", cashier)
        reprint.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        after.refund(sale.order.id, [sale.order.tickets[0].number], "bench", cashier)
        refund.append((time.perf_counter() - started) * 1000)
    print(
        json.dumps(
            {
                "orders": len(sales),
                "runs": len(refund),
                "find_ms": _figures(find),
                "refund_ms": _figures(refund),
                "reprint_ms": _figures(reprint),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
