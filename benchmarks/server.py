"""Central server figures against PostgreSQL, over HTTPS on loopback.

    .venv/bin/python benchmarks/server.py [--tills 32] [--duration 60] [--seats 10000]
                                          [--workers 1] [--http-only 10] [--offline 10000]
                                          [--snapshot-seats 100000]

1. ``--tills`` till processes sell 1–4 adjacent seats at a time (``POST /v1/sales``, real
   httpx, TLS, one kept-alive connection per till) on one hot performance of ``--seats``
   seats for ``--duration`` seconds, against ``--workers`` server processes: sales/s, p50/p99
   latency, and seats sold twice (counted from the answers and from the database; must be 0).
   A 10,000-seat performance runs short of seats within the minute at ~100 sales/s (the
   refusals that follow are cheaper): ``sales_per_second_first_half`` counts until half the
   seats are sold. Beside it, ``pgbench`` runs the same conditional UPDATE (one seat,
   ``state = 0`` → 1) with as many clients for as long, on the same server (once the seats
   are sold, nearly all of its updates change nothing and flush no WAL), and then the SQL of
   one sale itself (``pgbench_sale_transaction_tps``: what PostgreSQL alone gives it). Then the SQL
   statements one sale sends (``sql_per_sale``, counted in-process at psycopg's cursor, with
   the transactions' BEGIN and COMMIT), over 20 sales one after the other; and, for
   ``--http-only`` seconds, the same tills sending sales the protocol refuses (422 before any
   database work): the ceiling of TLS, HTTP and parsing alone on this machine.
2. ``--offline`` sales queued on one till, uploaded in batches of 200: seconds.
3. A catalog snapshot with a ``--snapshot-seats`` stadium to a new till: seconds and bytes.

Each run creates its own database ``guichet_bench_<random>`` on 127.0.0.1:5432 and drops it.
Prints JSON; asserts nothing. The machine is shared by client and server: read the figures as
orders of magnitude.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import random
import re
import secrets
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
import psycopg
from sqlalchemy import func, select

from domain.catalog import Performance, PerformanceState, PriceGrid, SaleWindow
from domain.configuration import LogicalLayout
from domain.journal import Head, JournalEntry, chain_next
from domain.money import Money
from planfiles.demo_catalog import load_demo_catalog
from resources.demo.stadium import stadium_layout
from server import devices
from server import tables as t
from server.catalog import demo_entities
from server.database import make_engine, migrate, write
from server.feed import FEED_LOCK, Changes, create_inventory, put_entity
from server.tls import init_tls
from sync import catalog as codec

HOST = "127.0.0.1"
HOT = "P-HOT"


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


def _admin() -> psycopg.Connection[Any]:
    return psycopg.connect(host=HOST, user="postgres", dbname="test", autocommit=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _add_performance(url: str, performance_id: str, seats: int, now: datetime) -> list[str]:
    """A performance on sale in a generated stadium of ``seats`` seats; its seat ids."""
    physical = stadium_layout(
        seats, layout_id=f"PL-{performance_id}", hall_id=f"H-{performance_id}"
    ).validated()
    logical = LogicalLayout.from_physical(f"LL-{performance_id}", "bench", "SEASON-1", physical)
    grid = PriceGrid(
        f"G-{performance_id}",
        "bench",
        "EUR",
        {(c.code, "FULL"): Money(2500, "EUR") for c in physical.categories},
    )
    performance = Performance(
        id=performance_id,
        event_id="EV-BENCH",
        hall_id=physical.hall_id,
        logical_layout_id=logical.id,
        price_grid_id=grid.id,
        starts_at=now + timedelta(days=2),
        state=PerformanceState.ON_SALE,
        sale_windows={"GUICHET": SaleWindow(now - timedelta(days=1), now + timedelta(days=1))},
    )
    engine = make_engine(url)
    with write(engine) as conn:
        changes = Changes()
        for entity, key, data in [
            (codec.PHYSICAL_LAYOUT, physical.id, codec.physical_layout(physical)),
            (codec.LOGICAL_LAYOUT, logical.id, codec.logical_layout(logical)),
            (codec.PRICE_GRID, grid.id, codec.price_grid(grid)),
            (codec.PERFORMANCE, performance.id, codec.performance(performance)),
        ]:
            put_entity(conn, changes, entity, key, data, now)
        create_inventory(
            conn, changes, performance.id, (s.id for s in physical.seats), (), (), {}, ""
        )
        changes.flush(conn, now)
    engine.dispose()
    return [s.id for s in physical.seats]


def _setup(url: str, now: datetime) -> None:
    engine = make_engine(url)
    migrate(engine)
    demo = load_demo_catalog(now.date())
    with write(engine) as conn:  # the demo's channels and season, without its inventory
        changes = Changes()
        for entity, key, data in demo_entities(demo):
            if entity in (codec.CHANNEL, codec.SEASON, codec.ORGANIZER):
                put_entity(conn, changes, entity, key, data, now)
        changes.flush(conn, now)
    engine.dispose()


def _tokens(url: str, count: int) -> list[tuple[str, str]]:
    engine = make_engine(url)
    found = []
    with write(engine) as conn:
        for index in range(count):
            name = f"B{index}-{secrets.token_hex(2)}"
            code = devices.add_device(conn, name, "GUICHET", None, datetime.now(UTC))
            _device, token = devices.enroll(conn, code, datetime.now(UTC))
            found.append((name, token))
    engine.dispose()
    return found


def _serve(data_dir: Path, url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    """``guichet-server serve --workers N`` on this data folder and database."""
    command = [sys.executable, "-m", "server.cli", "--data-dir", str(data_dir)]
    command += ["--database-url", url, "serve", "--host", HOST, "--port", str(port)]
    command += ["--workers", str(workers), "--log-level", "warning"]
    return subprocess.Popen(command, cwd=Path(__file__).resolve().parents[1])


def _wait_up(base: str, ca: str) -> None:
    deadline = time.monotonic() + 30
    with httpx.Client(verify=ssl.create_default_context(cafile=ca)) as http:
        while True:
            try:
                http.get(f"{base}/openapi.json")
                return
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)


def _client(base: str, ca: str, token: str) -> httpx.Client:
    """A till's client: trusts the bench's CA, keeps its connection alive between requests."""
    context = ssl.create_default_context(cafile=ca)
    return httpx.Client(
        base_url=base, verify=context, timeout=30, headers={"Authorization": f"Device {token}"}
    )


def _till(
    base: str, ca: str, token: str, seat_ids: list[str], seconds: float, seed: int, out: Any
) -> None:
    rng = random.Random(seed)
    latencies: list[float] = []
    sold: list[str] = []
    sales: list[tuple[float, int]] = []  # (monotonic time of the answer, seats)
    refused = 0
    with _client(base, ca, token) as http:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            size = rng.randint(1, 4)
            start = rng.randrange(0, len(seat_ids) - size)
            seats = seat_ids[start : start + size]
            body = {
                "sale_id": str(uuid.uuid4()),
                "lines": [{"performance_id": HOT, "audience": "FULL", "seat_id": s} for s in seats],
            }
            began = time.perf_counter()
            response = http.post("/v1/sales", json=body)
            latencies.append(time.perf_counter() - began)
            if response.status_code == 200:
                sold.extend(seats)
                sales.append((time.monotonic(), len(seats)))
            else:
                refused += 1
    out.put({"latencies": latencies, "sold": sold, "sales": sales, "refused": refused})


def _till_http_only(base: str, ca: str, token: str, seconds: float, out: Any) -> None:
    """A till sending sales the protocol refuses (422 before any database work): what TLS,
    HTTP and request parsing alone cost, for comparison."""
    latencies: list[float] = []
    with _client(base, ca, token) as http:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            began = time.perf_counter()
            http.post("/v1/sales", json={"sale_id": "not-a-uuid", "lines": []})
            latencies.append(time.perf_counter() - began)
    out.put(latencies)


def _http_only(base: str, ca: str, tokens: list[tuple[str, str]], seconds: int) -> dict[str, Any]:
    out: Any = multiprocessing.Queue()
    tills = [
        multiprocessing.Process(target=_till_http_only, args=(base, ca, token, seconds, out))
        for _, token in tokens
    ]
    began = time.perf_counter()
    for till in tills:
        till.start()
    latencies = sorted(x for _ in tills for x in out.get())
    elapsed = time.perf_counter() - began
    for till in tills:
        till.join()
    return {
        "seconds": round(elapsed, 1),
        "requests_per_second": round(len(latencies) / elapsed, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 1),
    }


def _first_half_rate(results: list[dict[str, Any]], began: float, seats: int) -> float | None:
    """Sales per second from the start until half the seats were sold (None: fewer were)."""
    sales = sorted(x for r in results for x in r["sales"])
    taken = 0
    for count, (at, size) in enumerate(sales, start=1):
        taken += size
        if taken >= seats / 2:
            return round(count / (at - began), 1)
    return None


def _sql_per_sale(url: str, sales: int = 20) -> dict[str, Any]:
    """The statements of ``sales`` sales of 1-4 seats one after the other on a performance of
    their own, in this process (the app driven in-process, no TLS), counted where psycopg
    sends them; after one sale that warms the catalog cache."""
    from fastapi.testclient import TestClient
    from sqlalchemy import event

    from server.api import create_app

    seat_ids = _add_performance(url, "P-SQL", 5 * (sales + 1), datetime.now(UTC))
    [(_, token)] = _tokens(url, 1)
    engine = make_engine(url)
    counts = {"statements": 0, "transactions": 0}
    original = psycopg.Cursor.execute, psycopg.Cursor.executemany

    def execute(self: Any, *args: Any, **kwargs: Any) -> Any:
        counts["statements"] += 1
        return original[0](self, *args, **kwargs)

    def executemany(self: Any, *args: Any, **kwargs: Any) -> Any:
        counts["statements"] += 1
        return original[1](self, *args, **kwargs)

    @event.listens_for(engine, "begin")
    def _began(_conn: Any) -> None:
        counts["transactions"] += 1

    client = TestClient(create_app(engine, SystemClock(), ""))

    def sell(index: int) -> bool:
        seats = seat_ids[5 * index : 5 * index + 1 + index % 4]
        body = {
            "sale_id": str(uuid.uuid4()),
            "lines": [{"performance_id": "P-SQL", "audience": "FULL", "seat_id": s} for s in seats],
        }
        response = client.post("/v1/sales", json=body, headers={"Authorization": f"Device {token}"})
        return response.status_code == 200

    sell(sales)  # the catalog cache warms up
    counts["transactions"] = 0
    made = 0
    psycopg.Cursor.execute, psycopg.Cursor.executemany = execute, executemany  # type: ignore[method-assign]
    try:
        for index in range(sales):
            made += sell(index)
    finally:
        psycopg.Cursor.execute, psycopg.Cursor.executemany = original  # type: ignore[method-assign]
        engine.dispose()
    if not made:
        return {"sales": 0}
    return {
        "sales": made,
        "statements_per_sale": round(counts["statements"] / made, 1),
        "transactions_per_sale": round(counts["transactions"] / made, 1),
        # each transaction adds its BEGIN and COMMIT to the statements
        "sql_per_sale": round((counts["statements"] + 2 * counts["transactions"]) / made, 1),
    }


def _run_pgbench(dbname: str, clients: int, seconds: int, script: str) -> float | None:
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as file:
        file.write(script)
    command = ["pgbench", "-n", "-M", "prepared", "-c", str(clients), "-j", "2"]
    command += ["-T", str(seconds), "-h", HOST, "-U", "postgres", "-f", file.name, dbname]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    found = re.search(r"tps = ([0-9.]+)", result.stdout)
    if found is None:
        print(f"pgbench failed: {result.stderr[-2000:]}", file=sys.stderr)
    return float(found.group(1)) if found else None


def _pgbench(dbname: str, clients: int, seconds: int, seats: int) -> float | None:
    with psycopg.connect(host=HOST, user="postgres", dbname=dbname, autocommit=True) as conn:
        conn.execute(
            "CREATE TABLE bench_seat (perf int, seat int, state int, PRIMARY KEY (perf, seat))"
        )
        conn.execute(
            "INSERT INTO bench_seat SELECT 1, g, 0 FROM generate_series(1, %s) g", (seats,)
        )
    return _run_pgbench(
        dbname,
        clients,
        seconds,
        f"\\set s random(1, {seats})\n"
        "UPDATE bench_seat SET state = 1 WHERE perf = 1 AND seat = :s AND state = 0;\n",
    )


def _pgbench_sale(url: str, dbname: str, clients: int, seconds: int) -> float | None:
    """pgbench running the statements of one online sale of one seat, as the server sends
    them (``sql_per_sale``), on the server's own tables: the token, the catalog versions, the
    sale row, lapsed holds, the seat, its sold_seat row, then the feed lock, the change-log
    entry and COMMIT in one pipeline (as `server.feed.Changes.commit` sends them). The seat
    is taken whatever its state and its sold_seat row is not live, so the writes go on after
    the performance sold out: what PostgreSQL alone gives this transaction."""
    [(_, token)] = _tokens(url, 1)
    with psycopg.connect(host=HOST, user="postgres", dbname=dbname, autocommit=True) as conn:
        device = conn.execute(
            "SELECT device_id FROM device_token WHERE token_hash = %s",
            (hashlib.sha256(token.encode()).hexdigest(),),
        ).fetchone()
        assert device is not None
        conn.execute(
            "CREATE TABLE pgb_seat AS SELECT row_number() OVER (ORDER BY seat_id) AS n, seat_id "
            "FROM seat_inventory WHERE performance_id = %s",
            (HOT,),
        )
        conn.execute("ALTER TABLE pgb_seat ADD PRIMARY KEY (n)")
        count = conn.execute("SELECT count(*) FROM pgb_seat").fetchone()
    assert count is not None
    keys = ", ".join(
        f"('{entity}', '{key}')"
        for entity, key in [
            (codec.PERFORMANCE, HOT),
            (codec.CHANNEL, "GUICHET"),
            (codec.LOGICAL_LAYOUT, f"LL-{HOT}"),
            (codec.PHYSICAL_LAYOUT, f"PL-{HOT}"),
            (codec.PRICE_GRID, f"G-{HOT}"),
        ]
    )
    document = json.dumps({"sale_id": "x" * 36, "lines": [{"x": "y" * 300}]})
    script = f"""\\set s random(1, {count[0]})
BEGIN;
SELECT t.valid_until, t.pending, d.id, d.name, d.channel, d.acked_seq, d.revoked_at
  FROM device_token t JOIN device d ON d.id = t.device_id
  WHERE t.token_hash = '{hashlib.sha256(token.encode()).hexdigest()}';
SELECT entity, entity_id, version FROM catalog_entity
  WHERE (entity, entity_id) IN ({keys}) AND data IS NOT NULL;
INSERT INTO sale (id, device_id, source, request_hash, total_minor, currency, document,
  created_at) VALUES (gen_random_uuid()::text, '{device[0]}', 'online', 'h', 2500, 'EUR',
  '{document}', now()) ON CONFLICT DO NOTHING RETURNING id \\gset
SELECT token FROM hold WHERE performance_id = '{HOT}' AND state = 'active'
  AND expires_at <= now();
UPDATE seat_inventory SET state = 'sold', sale_id = :id, hold_token = NULL,
  hold_expires_at = NULL, version = version + 1
  WHERE performance_id = '{HOT}' AND seat_id = (SELECT seat_id FROM pgb_seat WHERE n = :s)
  AND lease_id IS NULL RETURNING seat_id;
INSERT INTO sold_seat (sale_id, performance_id, seat_id, live)
  SELECT :id, '{HOT}', seat_id, false FROM pgb_seat WHERE n = :s;
\\startpipeline
SELECT pg_advisory_xact_lock({FEED_LOCK});
INSERT INTO change_log (scope, entity, entity_id, version, op, data, committed_at)
  VALUES ('performance' || chr(58) || '{HOT}', 'seats', '{HOT}', 0, 'upsert',
  '{{"S": {{"state": "sold", "lease_id": null}}}}', now());
COMMIT;
\\endpipeline
"""
    # (chr(58) is ':', which pgbench would read as a variable)
    return _run_pgbench(dbname, clients, seconds, script.replace("\n  ", " "))


def _offline_upload(base: str, ca: str, url: str, count: int) -> dict[str, Any]:
    [(name, token)] = _tokens(url, 1)
    head: JournalEntry | Head | None = None
    events = []
    at = datetime.now(UTC).isoformat()
    for seq in range(1, count + 1):
        sale = str(uuid.uuid4())
        record = {
            "type": "sale",
            "sale": sale,
            "at": at,
            "till": name,
            "lines": [],
            "total": {"minor": 2500, "currency": "EUR"},
        }
        head = entry = chain_next(head, record)
        events.append(
            {
                "device_seq": seq,
                "event_id": sale,
                "kind": "sale",
                "record": record,
                "journal": {"seq": entry.seq, "prev_hash": entry.prev_hash, "hash": entry.hash},
            }
        )
    context = ssl.create_default_context(cafile=ca)
    began = time.perf_counter()
    with httpx.Client(
        base_url=base, verify=context, timeout=120, headers={"Authorization": f"Device {token}"}
    ) as http:
        acked = 0
        for start in range(0, count, 200):
            response = http.post("/v1/sync/events", json={"events": events[start : start + 200]})
            response.raise_for_status()
            acked = response.json()["acked_through_seq"]
    return {
        "events": count,
        "seconds": round(time.perf_counter() - began, 2),
        "acked_through_seq": acked,
    }


def _snapshot(base: str, ca: str, url: str, seats: int) -> dict[str, Any]:
    _add_performance(url, "P-STADIUM", seats, datetime.now(UTC))
    [(_, token)] = _tokens(url, 1)
    context = ssl.create_default_context(cafile=ca)
    with httpx.Client(
        base_url=base, verify=context, timeout=300, headers={"Authorization": f"Device {token}"}
    ) as http:
        began = time.perf_counter()
        response = http.get("/v1/sync/snapshot")
        response.raise_for_status()
        seconds = time.perf_counter() - began
    return {"stadium_seats": seats, "seconds": round(seconds, 2), "bytes": len(response.content)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tills", type=int, default=32)
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--seats", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument(
        "--http-only", type=int, default=10, help="seconds of refused requests (0: none)"
    )
    parser.add_argument("--offline", type=int, default=10_000)
    parser.add_argument("--snapshot-seats", type=int, default=100_000)
    args = parser.parse_args()

    dbname = f"guichet_bench_{secrets.token_hex(4)}"
    with _admin() as admin:
        admin.execute(f'CREATE DATABASE "{dbname}"')
    url = f"postgresql+psycopg://postgres@{HOST}/{dbname}"
    server = None
    try:
        now = datetime.now(UTC)
        _setup(url, now)
        seat_ids = _add_performance(url, HOT, args.seats, now)
        tokens = _tokens(url, args.tills)
        data_dir = Path(tempfile.mkdtemp())
        tls = init_tls(data_dir / "tls", now)
        port = _free_port()
        base = f"https://localhost:{port}"
        ca = str(tls.ca_cert)
        server = _serve(data_dir, url, port, args.workers)
        _wait_up(base, ca)

        out: Any = multiprocessing.Queue()
        tills = [
            multiprocessing.Process(
                target=_till, args=(base, ca, token, seat_ids, args.duration, index, out)
            )
            for index, (_, token) in enumerate(tokens)
        ]
        began = time.perf_counter()
        began_monotonic = time.monotonic()
        for till in tills:
            till.start()
        results = [out.get() for _ in tills]
        elapsed = time.perf_counter() - began
        for till in tills:
            till.join()
        latencies = sorted(x for r in results for x in r["latencies"])
        sold = [s for r in results for s in r["sold"]]
        sales = sum(len(r["latencies"]) for r in results) - sum(r["refused"] for r in results)
        engine = make_engine(url)
        with engine.connect() as conn:
            twice_in_db = conn.scalar(
                select(func.count()).select_from(
                    select(t.sold_seat.c.seat_id)
                    .where(t.sold_seat.c.performance_id == HOT, t.sold_seat.c.live)
                    .group_by(t.sold_seat.c.seat_id)
                    .having(func.count() > 1)
                    .subquery()
                )
            )
            sold_in_inventory = conn.scalar(
                select(func.count()).where(
                    t.seat_inventory.c.performance_id == HOT, t.seat_inventory.c.state == "sold"
                )
            )
        engine.dispose()
        hot = {
            "tills": args.tills,
            "seconds": round(elapsed, 1),
            "seats": args.seats,
            "attempts": len(latencies),
            "sales": sales,
            "workers": args.workers,
            "sales_per_second": round(sales / elapsed, 1),
            "sales_per_second_first_half": _first_half_rate(results, began_monotonic, args.seats),
            "attempts_per_second": round(len(latencies) / elapsed, 1),
            "p50_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
            "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1] * 1000, 1)
            if latencies
            else None,
            "seats_sold": len(sold),
            "seats_sold_in_inventory": sold_in_inventory,
            "seats_sold_twice": len(sold) - len(set(sold)),
            "seats_sold_twice_in_database": twice_in_db,
        }
        pgbench_tps = _pgbench(dbname, args.tills, args.duration, args.seats)
        pgbench_sale_tps = _pgbench_sale(url, dbname, args.tills, args.duration)
        figures = {
            "hot_performance": hot,
            "sql_per_sale": _sql_per_sale(url),
            "http_only_refused_before_the_database": _http_only(base, ca, tokens, args.http_only)
            if args.http_only
            else None,
            "pgbench_conditional_update_tps": pgbench_tps,
            "attempts_vs_pgbench": round(hot["attempts_per_second"] / pgbench_tps, 4)
            if pgbench_tps
            else None,
            "sales_vs_pgbench": round(hot["sales_per_second"] / pgbench_tps, 4)
            if pgbench_tps
            else None,
            "pgbench_sale_transaction_tps": pgbench_sale_tps,
            "attempts_vs_pgbench_sale": round(hot["attempts_per_second"] / pgbench_sale_tps, 3)
            if pgbench_sale_tps
            else None,
            "offline_upload": _offline_upload(base, ca, url, args.offline)
            if args.offline
            else None,
            "snapshot": _snapshot(base, ca, url, args.snapshot_seats)
            if args.snapshot_seats
            else None,
        }
        print(json.dumps(figures, indent=2))
    finally:
        if server is not None:
            server.terminate()
            server.wait(20)
        with _admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')


if __name__ == "__main__":
    main()
