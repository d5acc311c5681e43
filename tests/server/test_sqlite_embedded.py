"""The embedded default: the same server on SQLite, over TLS, enrolls a till, holds, sells
and takes uploads."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from server.database import sqlite_url
from server.tls import TlsFiles
from tests.fakes import PINNED_MOMENT, FixedClock
from tests.server.conftest import RunningServer, enroll_till, sellable_seats, start_server
from tests.server.helpers import error, ok


@pytest.fixture
def embedded(tmp_path: Path, tls_files: TlsFiles) -> Iterator[RunningServer]:
    server, thread = start_server(
        sqlite_url(tmp_path / "server.sqlite3"), tls_files, FixedClock(PINNED_MOMENT)
    )
    yield server
    thread.stop()
    server.engine.dispose()


def test_the_embedded_server_sells_and_ingests(embedded: RunningServer) -> None:
    till, other = enroll_till(embedded), enroll_till(embedded)
    seats = sellable_seats(embedded, "P-MIS-2", 3)
    hold = ok(
        till.http.post(
            "/v1/holds",
            headers={"Idempotency-Key": str(uuid.uuid4())},
            json={"performance_id": "P-MIS-2", "seats": seats[:1]},
        )
    )
    line = {"performance_id": "P-MIS-2", "audience": "FULL", "seat_id": seats[0]}
    error(
        other.http.post("/v1/sales", json={"sale_id": str(uuid.uuid4()), "lines": [line]}),
        409,
        "seats_unavailable",
    )
    ok(
        till.http.post(
            "/v1/sales",
            json={
                "sale_id": str(uuid.uuid4()),
                "lines": [line],
                "hold_tokens": [hold["hold_token"]],
            },
        )
    )
    lease_id = till.lease("P-MIS-2", seats[1:])
    events = [till.sale_event("P-MIS-2", [seat], lease_id=lease_id) for seat in seats[1:]]
    body = ok(till.upload(events))
    assert [r["result"] for r in body["results"]] == ["stored", "stored"]
    assert not any(r["incident"] for r in body["results"])
    assert [r["result"] for r in ok(till.upload(events))["results"]] == ["duplicate"] * 2
    changes = ok(other.http.get("/v1/sync/changes", params={"cursor": 0}))
    assert changes["changes"]
    till.http.close()
    other.http.close()
