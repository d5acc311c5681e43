"""Till session figures: the Z report of a session of 5,000 sales — the ledger over its journal
records (read from a real till database, and in memory), the report page, the PDF and the
receipt printer's ESC/POS bytes.

    .venv/bin/python benchmarks/till.py [--sales 5000] [--runs 5] [--only z_report]

A list of independent sections (`SECTIONS`), each a function returning a dict of figures;
``--only NAME`` runs one. Prints JSON; asserts nothing but that the Z equals the X taken just
before the close.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.config import load_station
from app.main import open_till
from app.services import journal, till_reports
from app.services.till import TillServices
from domain import ledger
from domain.money import Money
from domain.operators import Role
from domain.orders import (
    Cart,
    CartLine,
    LineKind,
    PaymentPlan,
    TenderMethod,
    Ticket,
    due,
    make_order,
    sale_record,
)
from domain.till import CashCount
from printing import escpos

FLOAT = CashCount.of("EUR", {5000: 2, 1000: 5})
SHOWS = ("Le Misanthrope", "Carmen", "Les Fables", "Nuits électro", "Tartuffe")
BATCH = 1_000  # records per transaction when filling the journal


def _median(run: Callable[[], Any], runs: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def _sales(services: TillServices, session: str, count: int) -> None:
    """``count`` sales of one to four tickets, over five performances and three tenders, and
    one cancellation in fifty, appended to the journal as the sale use case writes them."""
    rng = random.Random(11)
    ticket, moment = 1, services.clock.now()
    records: list[dict[str, object]] = []
    for n in range(count):
        seats = rng.randint(1, 4)
        lines = [
            CartLine(
                f"L{k}", f"P{rng.randrange(len(SHOWS))}", LineKind.SEAT, "CAT1", "FULL",
                Money(rng.choice((1500, 2500, 3200, 4800)), "EUR"), 550,
                SHOWS[k % len(SHOWS)], seat_id=f"S{ticket + k}",
            )
            for k in range(seats)
        ]  # fmt: skip
        cart = Cart(f"c{n}", "G1", "EUR").with_lines(lines)
        plan = PaymentPlan(due(cart, Money(100, "EUR")))
        method = rng.choice((TenderMethod.CASH, TenderMethod.CARD, TenderMethod.VOUCHER))
        plan = plan.exact_cash() if method is TenderMethod.CASH else plan.other(method, plan.due)
        issued = [
            Ticket(ticket + k, f"B{ticket + k}", x.id, x.performance_id, "CAT1", "FULL",
                   x.unit_price, seat_id=x.seat_id)
            for k, x in enumerate(lines)
        ]  # fmt: skip
        ticket += seats
        moment += timedelta(seconds=7)
        order = make_order(
            f"sale-{n}", cart, Money(100, "EUR"), 2000, plan, issued, session_id=session,
            operator_id="bench", at=moment,
        )  # fmt: skip
        record = sale_record(order)
        records.append(record)
        if n % 50 == 49:
            records.append(
                ledger.correction_record(
                    ledger.CANCELLATION, record, correction_id=f"x{n}", at=moment,
                    session=session, operator="bench", reason="wrong seats",
                )
            )  # fmt: skip
    for start in range(0, len(records), BATCH):
        with services.uow_factory() as uow:
            for record in records[start : start + BATCH]:
                journal.record(uow, "G1", record)
            uow.commit()


def z_report(args: argparse.Namespace) -> dict[str, object]:
    """The Z of a session of ``--sales`` sales, from a real till database."""
    with tempfile.TemporaryDirectory() as folder:
        services = open_till(load_station(Path(folder), demo=True))
        card = next(c for c in services.operators() if c.role is Role.SUPERVISOR)
        with services.uow_factory(read_only=True) as uow:
            supervisor = uow.operators.get(card.id)
        session = services.open_session(supervisor, FLOAT).session
        started = time.perf_counter()
        _sales(services, session.id, args.sales)
        filled = time.perf_counter() - started
        services.move_cash(supervisor, ledger.CASH_OUT, Money(5000, "EUR"), "to the safe")
        x = services.x_report().totals
        others = {k: v for k, v in x.expected().items() if k != "cash"}
        services.declare_count(supervisor, CashCount.of("EUR", {1: x.expected_cash.minor}), others)
        services.close_session(supervisor, 1, {})
        read, z = _median(lambda: services.z_report(session.id), args.runs)
        assert z.totals == x, "the Z differs from the X before the close"
        with services.uow_factory(read_only=True) as uow:
            records = [e.record for e in uow.journal.entries("G1")]
        selection = ledger.Selection(session=session.id)
        in_memory, _ = _median(lambda: ledger.totals(records, selection), args.runs)
        name, names = till_reports.till_name_and_names(services.uow_factory, "G1")
        paged, page = _median(
            lambda: till_reports.report_page(z, name, "Europe/Paris", "fr", names), args.runs
        )
        rendered, pdf = _median(lambda: till_reports.report_pdf(z, name, "Europe/Paris"), args.runs)
        roll = till_reports.report_page(z, name, "Europe/Paris", "fr", names, 22)
        receipt, data = _median(lambda: escpos.render_report(roll), args.runs)
        return {
            "sales": z.totals.sales.count,
            "cancellations": z.totals.cancellations.count,
            "tickets": z.totals.tickets_issued,
            "journal_records": len(records),
            "fill_journal_s": round(filled, 3),
            "z_from_database_ms": round(read * 1000, 1),
            "ledger_in_memory_ms": round(in_memory * 1000, 1),
            "report_page_ms": round(paged * 1000, 2),
            "pdf_render_ms": round(rendered * 1000, 1),
            "pdf_bytes": len(pdf),
            "pdf_rows": len(page.rows),
            "escpos_render_ms": round(receipt * 1000, 1),
            "escpos_bytes": len(data),
            "runs": args.runs,
        }


# Independent sections: each takes the arguments and returns its figures.
SECTIONS: dict[str, Callable[[argparse.Namespace], dict[str, object]]] = {
    "z_report": z_report,
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sales", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", choices=sorted(SECTIONS), default=None)
    args = parser.parse_args()
    results = []
    for name, section in SECTIONS.items():
        if args.only is not None and name != args.only:
            continue
        results.append({"section": name, **section(args)})
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
