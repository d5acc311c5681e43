"""The till killed (SIGKILL) between "card approved" and "tickets printed": after a restart
nothing is lost, nothing is charged or sold twice, and the journal verifies."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.config import load_station
from app.main import open_station
from app.services.journal import verify_journal
from tests.fakes import FixedClock

ROOT = Path(__file__).resolve().parents[2]


def _killed_at(step: str, data_dir: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.services.crash_sale", str(data_dir), step],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == -9, done.stderr[-2000:]  # killed, not ended
    said: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    assert said["outcome"] == "approved"
    return said


@pytest.mark.timeout(120)
def test_killed_after_the_card_was_approved_the_sale_completes_without_charging_again(
    tmp_path: Path,
) -> None:
    said = _killed_at("after_card", tmp_path)
    station = open_station(load_station(tmp_path, demo=True), FixedClock())
    try:
        selling, services = station.selling, station.services
        cart = selling.open_cart().cart  # the cart survived, with its held seats
        assert cart.id == said["cart"]
        assert [line.seat_id for line in cart.lines] == said["seats"]
        plan = selling.resume_payment(cart.id)
        assert plan.settled  # the approved card pays it: the customer is not charged again
        assert [t.reference for t in plan.tenders] == [said["payment"]]
        result = selling.complete(cart.id, plan, "OP-CASHIER")
        assert {t.seat_id for t in result.order.tickets} == set(said["seats"])  # type: ignore[arg-type]
        with services.uow_factory(read_only=True) as uow:
            assert uow.sales.order_count("G1") == 1
            assert len(uow.payments.for_reference(cart.id)) == 1
        assert verify_journal(services.uow_factory, "G1").ok
    finally:
        station.stop()


@pytest.mark.timeout(120)
def test_killed_after_the_commit_the_sale_stands_once_and_its_tickets_wait_for_a_decision(
    tmp_path: Path,
) -> None:
    said = _killed_at("after_commit", tmp_path)
    station = open_station(load_station(tmp_path, demo=True), FixedClock())
    try:
        services = station.services
        with services.uow_factory(read_only=True) as uow:
            assert uow.sales.order_count("G1") == 1
            assert uow.carts.open_for("G1") is None  # the paid cart is closed, not resold
        jobs = station.printing.recent_jobs(10)
        tickets = [j for j in jobs if j.kind == "ticket"]
        assert len(tickets) == 2  # both tickets' jobs are there: printed, or awaiting a decision
        assert all(j.state in ("confirmed", "unknown") for j in tickets), tickets
        assert verify_journal(services.uow_factory, "G1").ok
        new_cart = station.selling.open_cart().cart
        assert new_cart.id != said["cart"]
    finally:
        station.stop()


@pytest.mark.timeout(120)
def test_killed_after_a_ticket_came_out_but_before_it_was_marked_printed(
    tmp_path: Path,
) -> None:
    said = _killed_at("after_print", tmp_path)
    printed = sorted((tmp_path / "printed").glob("*.png"))
    assert printed  # the paper came out of the (simulated) printer
    station = open_station(load_station(tmp_path, demo=True), FixedClock())
    try:
        services = station.services
        with services.uow_factory(read_only=True) as uow:
            assert uow.sales.order_count("G1") == 1  # the sale stands, once
            assert len(uow.payments.for_reference(str(said["cart"]))) == 1  # charged once
            records = [e.record for e in uow.journal.entries("G1")]
        assert [r["type"] for r in records].count("sale") == 1
        assert [r for r in records if r["type"] == "print"] == []  # nothing counted as printed
        waiting = station.printing.jobs_awaiting_decision()
        assert [j.kind for j in waiting] == ["ticket", "ticket"]  # neither known to be printed
        assert all(j.detail.startswith("the till stopped while this job was") for j in waiting)
        assert verify_journal(services.uow_factory, "G1").ok
    finally:
        station.stop()
