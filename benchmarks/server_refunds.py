"""What the server's after-sale effects cost at ingest, against PostgreSQL, in-process (no TLS,
no HTTP: `server.ingest.ingest` itself, as ``POST /v1/sync/events`` calls it).

    .venv/bin/python benchmarks/server_refunds.py [--sales 2000] [--batch 200]

One till uploads ``--sales`` offline sales of one seat each (a sale record naming its seat and
its ``barcodes``), then as many reprints (a new barcode each, the old one void), then as many
refunds (each frees its seat, voids the DUPLICATA's barcode), in batches of ``--batch``
events: events per second of each kind, and the seats free again afterwards (must be
``--sales``). The database ``guichet_bench_<random>`` on
127.0.0.1:5432 is created for the run and dropped. Prints JSON; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import secrets
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select

from benchmarks.server import HOST, _add_performance, _admin, _setup
from domain.journal import Head, JournalEntry, chain_next
from server import devices
from server import tables as t
from server.catalog import Catalog
from server.database import make_engine, write
from server.ingest import ingest

PERFORMANCE = "P-REFUNDS"


def _events(kind: str, records: list[dict[str, Any]], ids: list[str], first: int, head: Any) -> Any:
    events = []
    for offset, (record, event_id) in enumerate(zip(records, ids, strict=True)):
        head = entry = chain_next(head, record)
        events.append(
            {
                "device_seq": first + offset,
                "event_id": event_id,
                "kind": kind,
                "record": record,
                "journal": {"seq": entry.seq, "prev_hash": entry.prev_hash, "hash": entry.hash},
            }
        )
    return events, head


def _upload(engine: Any, device_id: str, events: list[Any], batch: int) -> float:
    catalog = Catalog()
    began = time.perf_counter()
    for start in range(0, len(events), batch):
        ingest(engine, catalog, device_id, events[start : start + batch], [], datetime.now(UTC))
    return round(len(events) / (time.perf_counter() - began), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sales", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=200)
    args = parser.parse_args()
    dbname = f"guichet_bench_{secrets.token_hex(4)}"
    with _admin() as admin:
        admin.execute(f'CREATE DATABASE "{dbname}"')
    url = f"postgresql+psycopg://postgres@{HOST}/{dbname}"
    try:
        now = datetime.now(UTC)
        _setup(url, now)
        seats = _add_performance(url, PERFORMANCE, args.sales, now)[: args.sales]
        engine = make_engine(url)
        with write(engine) as conn:
            code = devices.add_device(conn, "BENCH", "GUICHET", None, now)
            device, _token = devices.enroll(conn, code, now)
        at = now.isoformat()
        sales = [str(uuid.uuid4()) for _ in seats]
        barcodes = [secrets.token_hex(10).upper() for _ in seats]
        head: JournalEntry | Head | None = None
        sold, head = _events(
            "sale",
            [
                {
                    "type": "sale",
                    "sale": sale,
                    "at": at,
                    "till": "BENCH",
                    "lines": [{"performance": PERFORMANCE, "seat": seat, "quantity": 1}],
                    "total": {"minor": 2500, "currency": "EUR"},
                    "tickets": [1],
                    "barcodes": [barcode],
                }
                for sale, seat, barcode in zip(sales, seats, barcodes, strict=True)
            ],
            sales,
            1,
            head,
        )
        reprints, head = _events(
            "reprint",
            [
                {
                    "type": "reprint",
                    "at": at,
                    "till": "BENCH",
                    "sale": sale,
                    "ticket": 1,
                    "barcode": secrets.token_hex(10).upper(),
                    "voided_barcode": barcode,
                }
                for sale, barcode in zip(sales, barcodes, strict=True)
            ],
            [str(uuid.uuid4()) for _ in seats],
            len(seats) + 1,
            head,
        )
        refunds = [str(uuid.uuid4()) for _ in seats]
        refunded, _head = _events(
            "refund",
            [
                {
                    "type": "refund",
                    "at": at,
                    "till": "BENCH",
                    "correction": refund,
                    "sale": sale,
                    "original_tickets": [1],
                    "total": {"minor": 2500, "currency": "EUR"},
                    "returned_places": [
                        {"performance": PERFORMANCE, "seat": seat, "zone": None, "places": None}
                    ],
                }
                for refund, sale, seat in zip(refunds, sales, seats, strict=True)
            ],
            refunds,
            2 * len(seats) + 1,
            head,
        )
        figures: dict[str, Any] = {"sales": len(seats), "batch": args.batch}
        figures["sale_events_per_second"] = _upload(engine, device.id, sold, args.batch)
        figures["reprint_events_per_second"] = _upload(engine, device.id, reprints, args.batch)
        figures["refund_events_per_second"] = _upload(engine, device.id, refunded, args.batch)
        with engine.connect() as conn:
            figures["seats_free_after"] = conn.scalar(
                select(func.count())
                .select_from(t.seat_inventory)
                .where(
                    t.seat_inventory.c.performance_id == PERFORMANCE,
                    t.seat_inventory.c.state == "free",
                )
            )
            figures["void_barcodes"] = conn.scalar(
                select(func.count()).select_from(t.ticket).where(t.ticket.c.state == "void")
            )  # must be 2 x --sales: the original and the DUPLICATA of each
        engine.dispose()
        print(json.dumps(figures, indent=2))
    finally:
        with _admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')


if __name__ == "__main__":
    main()
