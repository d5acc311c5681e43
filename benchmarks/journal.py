"""Fiscal journal figures: appending entries to a real till database (one durable transaction
per entry, as a sale does, and in batches) and a full verify of the chain.

    .venv/bin/python benchmarks/journal.py [--entries 100000] [--single 2000] [--batch 1000]

The per-entry run commits each append with synchronous=FULL, so it measures the disk's fsync
as much as the chain; it is timed over ``--single`` entries and scaled to ``--entries``. The
batched run appends all ``--entries``, which the verify then walks. Prints JSON; asserts
nothing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.persistence import open_database
from app.services.journal import verify_journal

START = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def _sale(n: int) -> dict[str, object]:
    """A sale record of the size the till writes: two tickets, one tender."""
    return {
        "type": "sale",
        "at": (START + timedelta(seconds=n)).isoformat(),
        "till": "G1",
        "operator": {"login": "camille", "name": "Camille Martin"},
        "lines": [
            {
                "label": "Plein tarif",
                "performance": "Le Misanthrope, 2026-03-14 20:00",
                "seat": f"Orchestre B{k + 1}",
                "unit_minor": 3200,
                "vat_rate": "5.5",
                "amount_minor": 3200,
                "currency": "EUR",
            }
            for k in range(2)
        ],
        "tenders": [{"method": "cash", "amount_minor": 6400, "currency": "EUR"}],
        "tickets": [f"G1-{2 * n + 1:08d}", f"G1-{2 * n + 2:08d}"],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--single", type=int, default=2_000)
    parser.add_argument("--batch", type=int, default=1_000)
    args = parser.parse_args()
    figures: dict[str, object] = {"entries": args.entries}
    with tempfile.TemporaryDirectory() as folder:
        with open_database(Path(folder) / "single.sqlite3") as db:
            samples = []
            for n in range(args.single):
                started = time.perf_counter()
                with db.unit_of_work() as uow:
                    uow.journal.append("G1", _sale(n))
                    uow.commit()
                samples.append((time.perf_counter() - started) * 1000)
            samples.sort()
            figures["one_transaction_per_entry"] = {
                "entries_timed": args.single,
                "median_ms": round(statistics.median(samples), 3),
                "p95_ms": round(samples[int(len(samples) * 0.95) - 1], 3),
                "entries_per_s": round(args.single / (sum(samples) / 1000)),
                "projected_s_for_entries": round(
                    sum(samples) / 1000 * args.entries / args.single, 1
                ),
            }
        with open_database(Path(folder) / "batched.sqlite3") as db:
            started = time.perf_counter()
            for first in range(0, args.entries, args.batch):
                with db.unit_of_work() as uow:
                    for n in range(first, min(first + args.batch, args.entries)):
                        uow.journal.append("G1", _sale(n))
                    uow.commit()
            seconds = time.perf_counter() - started
            figures["batched_append"] = {
                "batch": args.batch,
                "seconds": round(seconds, 2),
                "entries_per_s": round(args.entries / seconds),
            }
            started = time.perf_counter()
            report = verify_journal(db.unit_of_work, "G1")
            seconds = time.perf_counter() - started
            figures["full_verify"] = {
                "ok": report.ok,
                "count": report.count,
                "seconds": round(seconds, 2),
                "entries_per_s": round(report.count / seconds),
            }
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
