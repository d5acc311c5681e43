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
import hashlib
import json
import random
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import rfc8785
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.config import load_station
from app.main import open_till
from app.services import journal, till_reports
from app.services.archive import verify_archive_file
from app.services.till import TillServices
from domain import archive, ledger
from domain.journal import GENESIS, JournalEntry, link_hash
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


def _synthetic_archive(path: Path, count: int) -> int:
    """A year's archive of ``count`` chained entries written straight in the archive format
    (sale records, and a daily closure every ``count // 365`` entries); its closures."""
    key = Ed25519PrivateKey.generate()
    template = json.loads(rfc8785.dumps(sale_record(_bench_order())))
    every = max(count // 365, 2)
    prev, closures = GENESIS, []
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        digest, first, last = hashlib.sha256(), None, None
        with z.open(archive.ENTRIES, "w", force_zip64=True) as out:
            for seq in range(1, count + 1):
                if seq % every == 0:
                    record = {"type": "closure", "at": template["at"], "last_seq": seq - 1,
                              "last_hash": prev, "number": seq // every}  # fmt: skip
                else:
                    record = {**template, "sale": f"s{seq:09d}"}
                # Texts and integers only: sorted compact JSON is their RFC 8785 form.
                text = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
                entry = JournalEntry(seq, prev, link_hash(prev, text.encode()), {}, text)
                line = archive.entry_line(entry)
                out.write(line)
                digest.update(line)
                if seq % every == 0:
                    closures.append(line)
                first, last, prev = first or entry, entry, entry.hash
        entries = archive.FileSummary(digest.hexdigest(), count)
        z.writestr(archive.CLOSURES, b"".join(closures))
        closed = archive.FileSummary(hashlib.sha256(b"".join(closures)).hexdigest(), len(closures))
        manifest = archive.build_manifest(
            till="G1", period="2026", timezone="Europe/Paris", first=first, last=last,
            entries=entries, closures=closed, software="bench", created_at=template["at"],
            fingerprint=archive.key_fingerprint(key.public_key()),
        )  # fmt: skip
        z.writestr(archive.MANIFEST, manifest)
        z.writestr(archive.SIGNATURE, key.sign(manifest))
        z.writestr(
            archive.PUBLIC_KEY,
            key.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo),
        )
    return len(closures)


def _bench_order() -> Any:
    lines = [CartLine("L1", "P1", LineKind.SEAT, "CAT1", "FULL", Money(2500, "EUR"), 550,
                      "Le Misanthrope", seat_id="S1")]  # fmt: skip
    cart = Cart("c", "G1", "EUR").with_lines(lines)
    plan = PaymentPlan(due(cart, Money(0, "EUR"))).exact_cash()
    ticket = Ticket(1, "B1", "L1", "P1", "CAT1", "FULL", Money(2500, "EUR"), seat_id="S1")
    return make_order("o", cart, Money(0, "EUR"), 2000, plan, [ticket], session_id="S",
                      operator_id="op", at=datetime(2026, 3, 10, 10, tzinfo=UTC))  # fmt: skip


def archive_verify(args: argparse.Namespace) -> dict[str, object]:
    """`guichet journal verify FILE.zip` on a year's archive of ``--entries`` entries."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "2026.zip"
        started = time.perf_counter()
        closures = _synthetic_archive(path, args.entries)
        built = time.perf_counter() - started
        started = time.perf_counter()
        report = verify_archive_file(path)
        verified = time.perf_counter() - started
        assert report.ok and report.entries == args.entries, report.problems[:3]
        return {
            "entries": args.entries,
            "closures": closures,
            "zip_mb": round(path.stat().st_size / 1e6, 1),
            "build_s": round(built, 1),
            "verify_s": round(verified, 2),
            "verify_entries_per_s": round(args.entries / verified),
        }


def startup_check(args: argparse.Namespace) -> dict[str, object]:
    """The start-up check of the chain's tail (`journal.TAIL_CHECKED` entries and the head)
    against a whole verify, on a till database of ``--journal`` entries."""
    with tempfile.TemporaryDirectory() as folder:
        services = open_till(load_station(Path(folder), demo=True))
        template = sale_record(_bench_order())
        for start in range(0, args.journal, BATCH):
            with services.uow_factory() as uow:
                for n in range(start, min(start + BATCH, args.journal)):
                    journal.record(uow, "G1", {**template, "sale": f"s{n}"})
                uow.commit()
        tail, problem = _median(
            lambda: journal.check_tail(services.uow_factory, "G1", journal.TAIL_CHECKED), args.runs
        )
        whole, report = _median(lambda: journal.verify_journal(services.uow_factory, "G1"), 1)
        assert problem is None and report.ok
        per_entry = whole / report.count
        return {
            "journal_entries": report.count,
            "tail_checked": journal.TAIL_CHECKED,
            "tail_check_ms": round(tail * 1000, 1),
            "full_verify_s": round(whole, 2),
            "full_verify_of_1m_estimate_s": round(per_entry * 1_000_000, 1),
        }


# Independent sections: each takes the arguments and returns its figures.
SECTIONS: dict[str, Callable[[argparse.Namespace], dict[str, object]]] = {
    "z_report": z_report,
    "archive_verify": archive_verify,
    "startup_check": startup_check,
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sales", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--entries", type=int, default=1_000_000, help="in the archive")
    parser.add_argument("--journal", type=int, default=50_000, help="for the start-up check")
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
