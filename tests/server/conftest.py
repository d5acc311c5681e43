"""The central server under test: real PostgreSQL, real uvicorn over TLS on loopback, the real
httpx client trusting only the test CA.

Each test run creates its own database ``guichet_test_<random>`` on the PostgreSQL at
127.0.0.1:5432 (trust auth; ``.ci/run`` starts it) and drops it at the end. Without PostgreSQL
these tests fail, saying so: they never skip. The server's clock is a `FixedClock`; a test
may move it and the `clock` fixture puts it back.
"""

from __future__ import annotations

import getpass
import itertools
import secrets
import socket
import ssl
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
import uvicorn
from sqlalchemy import Engine, func, select

from domain.availability import may_sell_contingent
from domain.journal import Head, JournalEntry, chain_next
from planfiles.demo_catalog import load_demo_catalog
from server import devices
from server import tables as t
from server.api import create_app
from server.catalog import load_demo
from server.database import make_engine, migrate, write
from server.tls import TlsFiles, init_tls
from tests.fakes import PINNED_MOMENT, FixedClock

PG_HOST = "127.0.0.1"
PG_PORT = 5432


def _admin_connection() -> psycopg.Connection[Any]:
    problems = []
    for user in ("postgres", getpass.getuser()):
        try:
            return psycopg.connect(
                host=PG_HOST,
                port=PG_PORT,
                user=user,
                dbname="test",
                autocommit=True,
                connect_timeout=5,
            )
        except psycopg.OperationalError as exc:
            problems.append(f"{user}: {exc}")
    pytest.fail(
        "the server tests need PostgreSQL on 127.0.0.1:5432 (trust auth, database `test`); "
        "start it with .ci/run or `pg_ctlcluster --skip-systemctl-redirect 15 main start`. "
        + " / ".join(problems),
        pytrace=False,
    )


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    name = f"guichet_test_{secrets.token_hex(4)}"
    with _admin_connection() as admin:
        user = admin.info.user
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+psycopg://{user}@{PG_HOST}:{PG_PORT}/{name}"
    finally:
        with _admin_connection() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> TlsFiles:
    # Certificates are checked against the real time by OpenSSL: issued for a window around
    # it, they hold whatever the test clock says.
    return init_tls(tmp_path_factory.mktemp("tls"), datetime.now(UTC))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class RunningServer:
    base_url: str
    engine: Engine
    clock: FixedClock
    ca: Path
    port: int
    handed_out: set[tuple[str, str]] = field(default_factory=set)

    def context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.ca))

    def head(self) -> int:
        """The change log's last seq: a cursor that is never too old."""
        with self.engine.connect() as conn:
            return int(conn.scalar(select(func.max(t.change_log.c.seq))) or 0)

    def client(self, token: str | None = None, **kwargs: Any) -> httpx.Client:
        headers = {"Authorization": f"Device {token}"} if token else {}
        return httpx.Client(
            base_url=self.base_url, verify=self.context(), headers=headers, timeout=30, **kwargs
        )


class ServerThread:
    def __init__(self, app: Any, port: int, tls: TlsFiles) -> None:
        config = uvicorn.Config(
            app,
            host="127.0.0.1",
            port=port,
            ssl_certfile=str(tls.cert),
            ssl_keyfile=str(tls.key),
            log_level="warning",
            lifespan="off",
        )
        config.load()
        # No TLS 1.3 session tickets: after the handshake, what the server sends is its
        # answer, which the fault proxy can then lose without mistaking a ticket for it (a
        # slow ticket taken for the answer cut the request before the server read it).
        config.ssl.num_tickets = 0  # type: ignore[union-attr]
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> None:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)


def start_server(url: str, tls: TlsFiles, clock: FixedClock) -> tuple[RunningServer, ServerThread]:
    engine = make_engine(url)
    migrate(engine)
    with write(engine) as conn:
        load_demo(conn, clock.now())
    port = free_port()
    thread = ServerThread(create_app(engine, clock, tls.ca_cert.read_text()), port, tls)
    thread.start()
    return RunningServer(f"https://localhost:{port}", engine, clock, tls.ca_cert, port), thread


@pytest.fixture(scope="session")
def running(pg_url: str, tls_files: TlsFiles) -> Iterator[RunningServer]:
    server, thread = start_server(pg_url, tls_files, FixedClock(PINNED_MOMENT))
    yield server
    thread.stop()
    server.engine.dispose()


@pytest.fixture
def server(running: RunningServer) -> Iterator[RunningServer]:
    """The running server with its clock put back after the test."""
    yield running
    running.clock.moment = PINNED_MOMENT


@pytest.fixture
def clock(server: RunningServer) -> FixedClock:
    return server.clock


DEMO = load_demo_catalog(PINNED_MOMENT.date())
_names = itertools.count(1)


def sellable_seats(server: RunningServer, performance_id: str, count: int) -> list[str]:
    """``count`` seats of the performance no other test has used, free in the central pool
    and sellable by the box office (no contingent of another channel)."""
    performance = next(p for p in DEMO.performances if p.id == performance_id)
    layout = next(x for x in DEMO.logical_layouts if x.id == performance.logical_layout_id)
    channel = next(c for c in DEMO.channels if c.code == "GUICHET")
    with server.engine.connect() as conn:
        free = (
            conn.execute(
                select(t.seat_inventory.c.seat_id)
                .where(
                    t.seat_inventory.c.performance_id == performance_id,
                    t.seat_inventory.c.state == "free",
                    t.seat_inventory.c.lease_id.is_(None),
                )
                .order_by(t.seat_inventory.c.seat_id)
            )
            .scalars()
            .all()
        )
    chosen = []
    for seat_id in free:
        key = (performance_id, seat_id)
        if key in server.handed_out or not may_sell_contingent(channel, layout, seat_id):
            continue
        server.handed_out.add(key)
        chosen.append(seat_id)
        if len(chosen) == count:
            return chosen
    raise AssertionError(f"not enough free seats left in {performance_id}")


@dataclass
class Till:
    """An enrolled till: its token, an httpx client, and its own journal chain and outbox
    sequence, to build events the way the till's outbox has them."""

    server: RunningServer
    name: str
    device_id: str
    token: str
    http: httpx.Client
    head: JournalEntry | Head | None = None
    device_seq: int = 0

    def journal(self, record: dict[str, Any]) -> JournalEntry:
        entry = chain_next(self.head, record)
        self.head = entry
        return entry

    def sale_record(
        self, lines: list[dict[str, Any]], sale_id: str | None = None, as_till: str | None = None
    ) -> dict[str, Any]:
        total = sum(int(x.get("amount", {}).get("minor", 0)) for x in lines)
        return {
            "type": "sale",
            "sale": sale_id or str(uuid.uuid4()),
            "at": self.server.clock.now().isoformat(),
            "till": as_till or self.name,
            "session": "S-1",
            "operator": "OP-1",
            "lines": lines,
            "fee": {"minor": 0, "currency": "EUR", "vat_rate_bp": 2000},
            "vat": [],
            "total": {"minor": total, "currency": "EUR"},
            "tenders": [
                {"method": "cash", "amount": {"minor": total, "currency": "EUR"}, "reference": ""}
            ],
            "tickets": [],
        }

    def sale_event(
        self,
        performance_id: str,
        seats: list[str] = (),  # type: ignore[assignment]
        *,
        places: tuple[str, int] | None = None,
        lease_id: str | None = None,
        as_till: str | None = None,
        training: bool = False,
    ) -> dict[str, Any]:
        """The outbox row and journal link of a sale of these seats (or places), next in
        this till's sequence; ``training``: made in training mode (`domain.training`)."""
        lines = [
            {
                "label": "Le Misanthrope",
                "performance": performance_id,
                "seat": seat,
                "category": "CAT1",
                "tariff": "FULL",
                "quantity": 1,
                "unit_price": {"minor": 3500, "currency": "EUR"},
                "vat_rate_bp": 550,
                "amount": {"minor": 3500, "currency": "EUR"},
            }
            for seat in seats
        ]
        if places is not None:
            lines.append(
                {
                    "label": "Fosse",
                    "performance": performance_id,
                    "seat": places[0],
                    "category": "FOSSE",
                    "tariff": "FULL",
                    "quantity": places[1],
                    "unit_price": {"minor": 4500, "currency": "EUR"},
                    "vat_rate_bp": 550,
                    "amount": {"minor": 4500 * places[1], "currency": "EUR"},
                }
            )
        record = self.sale_record(lines, as_till=as_till)
        if training:  # as domain.training.marked puts it in the hashed record
            record |= {"training": True, "supervisor": {"login": "jules", "name": "Jules"}}
        return self.outbox_event(record, lease_id=lease_id)

    def outbox_event(self, record: dict[str, Any], lease_id: str | None = None) -> dict[str, Any]:
        """What the till's sender makes of an outbox row (its next ``device_seq``, the
        sale's UUID, kind "sale", the record) once the record is in its journal."""
        entry = self.journal(record)
        self.device_seq += 1
        event: dict[str, Any] = {
            "device_seq": self.device_seq,
            "event_id": record["sale"],
            "kind": "sale",
            "record": record,
            "journal": {"seq": entry.seq, "prev_hash": entry.prev_hash, "hash": entry.hash},
        }
        if lease_id is not None:
            event["lease_id"] = lease_id
            event["lease_epoch"] = 1
        return event

    def lease(
        self,
        performance_id: str,
        seats: list[str] = (),  # type: ignore[assignment]
        places: list[dict[str, Any]] = (),  # type: ignore[assignment]
        hours: int = 4,
    ) -> str:
        """Lease these seats (or places) to this till; the lease id."""
        response = self.http.post(
            "/v1/leases",
            headers={"Idempotency-Key": str(uuid.uuid4())},
            json={
                "performance_id": performance_id,
                "seats": list(seats),
                "places": list(places),
                "sell_until": (self.server.clock.now() + timedelta(hours=hours)).isoformat(),
            },
        )
        assert response.status_code == 200, response.text
        return str(response.json()["lease_id"])

    def leased_sale(self, performance_id: str, count: int = 1) -> dict[str, Any]:
        """A sale of ``count`` fresh seats leased to this till first: no incident."""
        seats = sellable_seats(self.server, performance_id, count)
        return self.sale_event(performance_id, seats, lease_id=self.lease(performance_id, seats))

    def ping(self) -> httpx.Response:
        """A cheap authenticated request."""
        return self.http.get("/v1/sync/changes", params={"cursor": self.server.head(), "limit": 1})

    def upload(self, events: list[dict[str, Any]], **extra: Any) -> httpx.Response:
        return self.http.post("/v1/sync/events", json={"events": events, **extra})


def enroll_till(server: RunningServer, name: str | None = None) -> Till:
    name = name or f"T{next(_names)}-{secrets.token_hex(2)}"
    with write(server.engine) as conn:
        code = devices.add_device(conn, name, "GUICHET", "G1", server.clock.now())
    with server.client() as anonymous:
        response = anonymous.post("/v1/devices/enroll", json={"code": code})
    assert response.status_code == 200, response.text
    body = response.json()
    return Till(server, name, body["device_id"], body["token"], server.client(body["token"]))


@pytest.fixture
def till(server: RunningServer) -> Iterator[Till]:
    made = enroll_till(server)
    yield made
    made.http.close()


@pytest.fixture
def other_till(server: RunningServer) -> Iterator[Till]:
    made = enroll_till(server)
    yield made
    made.http.close()


# --- the invariants I1–I7 after every till-facing test (tests/server/invariants.py) ------

# the tills of test_till_upload, test_till_feed and test_fault_scenarios (demo_till), and of
# test_till_online (two_tills)
TILL_FIXTURES = ("demo_till", "two_tills")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    if report.when == "call":
        item.stash[_CALL_FAILED] = report.failed
    return report


_CALL_FAILED = pytest.StashKey[bool]()


@pytest.fixture(autouse=True)
def _invariants_after_the_test(request: pytest.FixtureRequest) -> Iterator[None]:
    """After a test that used demo tills: each till gets its network back and uploads what it
    has (a revoked one cannot: then only what it had acknowledged must be on the server), and
    `check_invariants` looks at the server and the tills' databases."""
    names = [name for name in TILL_FIXTURES if name in request.fixturenames]
    if not names:
        yield
        return
    from tests.server.invariants import check_invariants, settle

    server: RunningServer = request.getfixturevalue("server")
    tills: list[Any] = []
    for name in names:
        value = request.getfixturevalue(name)
        tills += list(value) if isinstance(value, tuple) else [value]
    yield
    if request.node.stash.get(_CALL_FAILED, True):
        return  # the test said what went wrong already
    synced = settle(server.base_url, tills)
    check_invariants(server.engine, tills, synced=synced)
