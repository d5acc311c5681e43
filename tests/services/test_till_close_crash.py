"""The till killed (SIGKILL) during a till session's close: inside the blind count's
transaction, inside the supervisor close's, just after it. After a restart the session is
there, in the state of the last commit; closing it again (or not) counts nothing twice; the
Z report equals the X report taken before the kill; the journal verifies."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.config import load_station
from app.main import open_station
from app.services.journal import verify_journal
from domain import ledger
from domain.till import CashCount, SessionState
from tests.fakes import FixedClock

ROOT = Path(__file__).resolve().parents[2]


def _killed_at(step: str, data_dir: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.services.crash_close", str(data_dir), step],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == -9, done.stderr[-2000:]  # killed, not ended
    said: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return said


def _kinds(station: object, session: str) -> list[str]:
    services = station.services  # type: ignore[attr-defined]
    with services.uow_factory(read_only=True) as uow:
        return [
            str(e.record["type"])
            for e in uow.journal.entries("G1")
            if e.record.get("session") == session
        ]


@pytest.mark.timeout(180)
@pytest.mark.parametrize("step", ["in_count", "in_close", "after_close"])
def test_killed_during_the_close_the_session_is_recovered_and_counted_once(
    tmp_path: Path, step: str
) -> None:
    said = _killed_at(step, tmp_path)
    session_id = str(said["session"])
    station = open_station(load_station(tmp_path, demo=True), FixedClock())
    try:
        services = station.services
        with services.uow_factory(read_only=True) as uow:
            supervisor = uow.operators.get(uow.till_sessions.get(session_id).opened_by)
            state = uow.till_sessions.get(session_id).state
        kinds = _kinds(station, session_id)
        if step == "in_count":  # the count never committed: the session is open, uncounted
            assert state is SessionState.OPEN and "session_count" not in kinds
            x = services.x_report().totals
            assert ledger.totals_record(x) == said["x"]
            others = {k: v for k, v in x.expected().items() if k != "cash"}
            services.declare_count(
                supervisor, CashCount.of("EUR", {1: x.expected_cash.minor}), others
            )
            services.close_session(supervisor, 1, {})
        elif step == "in_close":  # counted, not closed: the supervisor closes it now
            assert state is SessionState.COUNTED
            assert kinds.count("session_count") == 1 and "session_close" not in kinds
            review = services.review_close(supervisor)
            assert ledger.totals_record(review.totals) == said["x"]
            services.close_session(supervisor, 1, {"cash": "a coin given twice as change"})
        else:  # closed before the kill: nothing to do, nothing done twice
            assert state is SessionState.CLOSED and services.current_session() is None
        kinds = _kinds(station, session_id)
        assert kinds.count("session_close") == 1
        assert kinds.count("sale") == 3 and kinds.count("cash_out") == 1
        z = services.z_report(session_id)
        assert ledger.totals_record(z.totals) == said["x"]  # nothing counted twice
        assert z.close is not None and z.close["totals"] == said["x"]
        assert verify_journal(services.uow_factory, "G1").ok
    finally:
        station.stop()
