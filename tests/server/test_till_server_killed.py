"""The server process killed (SIGKILL) while a till uploads, then started again: the till
sends again what was not acknowledged, and every sale is on the server exactly once, with the
till's whole journal chain verified. A real `guichet-server demo` process (embedded SQLite,
TLS), not a thread."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from app.config import load_station
from app.main import open_till
from app.services.selling import SellingServices
from app.services.syncing import SyncServices
from app.services.tills import ensure_demo_session
from domain.orders import PaymentPlan
from server import tables as t
from tests.fakes import FixedClock

from .conftest import free_port
from .invariants import TillSide, check_invariants

SALES = 350  # four batches: the kill lands while some are still to go


def _server(folder: Path, port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "server.cli", "--data-dir", str(folder), "demo",
               "--port", str(port), "--till", "G1"]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise AssertionError("the server did not start")


@pytest.mark.timeout(180)
def test_a_server_killed_during_an_upload_loses_nothing_and_doubles_nothing(
    tmp_path: Path,
) -> None:
    port = free_port()
    server_dir = tmp_path / "server"
    server = _server(server_dir, port)
    try:
        clock = FixedClock()
        services = open_till(load_station(tmp_path / "till", demo=True), clock)
        ensure_demo_session(services.uow_factory, clock, "G1")
        selling = SellingServices(services.uow_factory, clock, "G1", lambda: "GUICHET")
        for _ in range(SALES):  # sold on the till's own, to go up in one long upload
            cart = selling.open_cart().cart.id
            view = selling.add_places(cart, "P-NEU-2", "FOSSE", 1)
            selling.complete(cart, PaymentPlan(view.due).exact_cash(), "OP")
        syncing = SyncServices(services.uow_factory, clock, "G1")
        enrollment = json.loads((server_dir / "demo-enrollment.json").read_text("utf-8"))
        syncing.enroll(enrollment["url"], enrollment["codes"]["G1"], enrollment["ca_pem"])

        first: list[object] = []
        uploading = threading.Thread(target=lambda: first.append(syncing.upload(seconds=20)))
        uploading.start()
        while syncing.status().queued == SALES and uploading.is_alive():
            time.sleep(0.005)  # until the first batch is acknowledged: mid-upload
        server.send_signal(signal.SIGKILL)
        server.wait(10)
        uploading.join(30)
        [interrupted] = first
        assert getattr(interrupted, "error", "")  # the upload was cut by the kill
        assert 0 < syncing.status().queued < SALES
        server = _server(server_dir, port)
        report = syncing.upload()
        assert report.error == "", report.error
        assert syncing.status().queued == 0
        engine = create_engine(f"sqlite:///{server_dir / 'server.sqlite3'}")
        with engine.connect() as conn:
            stored = conn.scalar(select(func.count()).select_from(t.device_event))
            distinct = conn.scalar(select(func.count(func.distinct(t.device_event.c.event_id))))
            verified = conn.scalar(select(t.device.c.journal_seq).where(t.device.c.name == "G1"))
        engine.dispose()
        assert stored == distinct == SALES
        with services.uow_factory(read_only=True) as uow:
            head = uow.journal.head("G1")
        assert head is not None and verified == head.seq
        with engine.connect() as conn:
            device_id = conn.scalar(select(t.device.c.id).where(t.device.c.name == "G1"))
        check_invariants(engine, [TillSide("G1", device_id, services.uow_factory)])
        engine.dispose()
    finally:
        server.kill()
        server.wait(10)
