"""``guichet journal close``, ``archive``, ``export --day`` and ``settlement`` on a demo till
that sold once; the closures of the days it was used are written when it starts again."""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path

import pytest

from app.cli import run_cli
from app.config import load_station
from app.main import open_station, open_till
from app.services.tills import ensure_demo_session
from domain.money import Money
from domain.orders import PaymentPlan
from tests.fakes import FixedClock


@pytest.fixture
def till_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A demo till that sold two seats for cash on 10 March; the CLI's clock a day later."""
    clock = FixedClock()
    station = open_station(load_station(tmp_path, demo=True), clock)
    try:
        ensure_demo_session(station.services.uow_factory, clock, "G1")
        plan = station.services.performance_view("P-MIS-2").plan
        seats = [plan.seat_ids[i] for i in range(len(plan.seat_ids)) if plan.sellable[i]][:2]
        selling = station.selling
        view = selling.add_seats(selling.open_cart().cart.id, "P-MIS-2", seats)
        selling.complete(view.cart.id, PaymentPlan(view.due).exact_cash(), "OP-CASHIER")
    finally:
        station.stop()
    later = FixedClock(clock.now() + timedelta(days=1))
    monkeypatch.setattr("app.cli.journal._clock", lambda: later)
    return tmp_path


def journal(till_dir: Path, *args: str) -> int:
    return run_cli(["--data-dir", str(till_dir), "--demo", "journal", *args])


def test_close_closes_the_ended_day_once(
    till_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert journal(till_dir, "close", "--daily") == 0
    out = capsys.readouterr().out
    assert "closed daily 2026-03-10 (n° 1, seq 1 to" in out and "perpetual total" in out
    assert journal(till_dir, "close", "--daily") == 0
    assert "nothing to close (daily)" in capsys.readouterr().out
    assert journal(till_dir, "closures") == 0
    (listed,) = capsys.readouterr().out.splitlines()
    assert listed.startswith("daily\tn° 1\t2026-03-10\tseq 1-")
    assert "\tperpetual " in listed and listed.split("\t")[4].startswith("period ")
    assert journal(till_dir, "verify") == 0


def test_a_restart_the_next_day_closes_the_day_by_itself(till_dir: Path) -> None:
    services = open_till(load_station(till_dir, demo=True), FixedClock(
        FixedClock().now() + timedelta(days=1)))  # fmt: skip
    closed = services.close_fiscal_periods()
    assert closed == []  # already closed at start-up
    with services.uow_factory(read_only=True) as uow:
        assert [str(c.period) for c in uow.journal.closures("G1")] == ["2026-03-10"]


def test_archive_then_verify_the_zip(
    till_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = till_dir / "2026-03.zip"
    assert journal(till_dir, "archive", "--period", "2026-03", str(target)) == 3
    assert "2026-03 has not ended yet" in capsys.readouterr().err
    april = FixedClock(FixedClock().now() + timedelta(days=30))
    monkeypatch.setattr("app.cli.journal._clock", lambda: april)
    assert journal(till_dir, "archive", "--period", "2026-03", str(target)) == 0
    assert "archived 2026-03 to" in capsys.readouterr().out
    assert journal(till_dir, "verify", str(target)) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"OK: archive {target}: till G1, period 2026-03")
    assert journal(till_dir, "archive", "--period", "2026-03-10", str(target)) == 2
    assert journal(till_dir, "archive", "--period", "March", str(target)) == 2
    assert "is not a period" in capsys.readouterr().err


def test_the_days_export_and_the_settlement_agree(
    till_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = till_dir / "day.csv"
    assert journal(till_dir, "export", "--day", "2026-03-10", str(export)) == 0
    with export.open(encoding="utf-8") as written:
        rows = list(csv.DictReader(written))
    total = next(r for r in rows if r["section"] == "total")
    cash = next(r for r in rows if r["section"] == "tender")
    assert cash["tender"] == "cash" and cash["gross"] == total["gross"]
    settled = till_dir / "settlement.csv"
    assert journal(till_dir, "settlement", "--performance", "P-MIS-2", str(settled)) == 0
    with settled.open(encoding="utf-8") as written:
        lines = list(csv.DictReader(written))
    assert sum(int(r["tickets"]) for r in lines) == 2
    gross = sum((Money.of(r["gross"], "EUR") for r in lines), Money.zero("EUR"))
    assert Money.zero("EUR") < gross <= Money.of(total["gross"], "EUR")  # the fee apart
    assert journal(till_dir, "export", "--day", "2026-03", str(export)) == 2
    assert journal(till_dir, "export", "--day", "2026-13-01", str(export)) == 2
    assert "'2026-13-01' is not a period" in capsys.readouterr().err
