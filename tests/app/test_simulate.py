"""`guichet simulate sales` drives the real sale use cases: every sale lands whole — order,
tickets, journal entry and outbox message — and the journal verifies."""

from __future__ import annotations

import random
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.cli import run_cli
from app.config import load_station
from app.main import open_station
from app.services.simulation import simulate_sales
from app.services.tills import ensure_demo_session
from tests.fakes import FixedClock


def test_random_sales_land_whole_and_repeat_for_a_seed(tmp_path: Path) -> None:
    outcomes = []
    for run in ("a", "b"):
        station = open_station(load_station(tmp_path / run, demo=True), FixedClock())
        try:
            session = ensure_demo_session(
                station.services.uow_factory, station.services.clock, "G1"
            )
            report = simulate_sales(
                station.services,
                station.selling,
                12,
                session.opened_by,
                random.Random(7),
                ZoneInfo("Europe/Paris"),
            )
            with station.services.uow_factory(read_only=True) as uow:
                outbox = uow.sales.outbox("G1")
                assert uow.sales.order_count("G1") == report.sales
            assert [seq for seq, _, _ in outbox] == list(range(1, report.sales + 1))
            assert report.sales + report.refused == 12 and report.sales >= 10
            numbers = [t.number for r in report.results for t in r.order.tickets]
            assert numbers == list(range(1, report.tickets + 1))  # continuous per till
            outcomes.append([(len(r.order.tickets), r.order.total) for r in report.results])
        finally:
            station.stop()
    assert outcomes[0] == outcomes[1]  # the same seed, the same sales


def test_the_command_reports_and_the_journal_verifies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--demo", "--data-dir", str(tmp_path)]
    assert run_cli([*data, "simulate", "sales", "--count", "3", "--seed", "1"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^\d+ sales, \d+ tickets, \d+ carts given up in ", out, re.M), out
    assert run_cli([*data, "journal", "verify"]) == 0
    assert "OK" in capsys.readouterr().out
    assert run_cli([*data, "simulate", "sales", "--count", "0"]) == 2
