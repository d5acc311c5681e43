"""The till killed (SIGKILL) after the card terminal refunded the card and before the refund
was recorded: at the next start the till records it (the card was credited: the money, the
seats and the journal must agree) and says so; the card is not refunded twice."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.config import load_station
from app.main import open_station
from app.services.after_sale import BarcodeVoided
from app.services.journal import verify_journal
from app.services.payments import PaymentState
from app.station_after_sale import after_sale_services
from domain.ledger import totals
from drivers.payment import TransactionKind
from tests.fakes import FixedClock

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.timeout(120)
def test_killed_between_the_terminals_approval_and_the_commit_the_refund_is_recorded_at_restart(
    tmp_path: Path,
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tests.services.crash_refund", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert done.returncode == -9, done.stderr[-2000:]  # killed, not ended
    said = json.loads(done.stdout.splitlines()[-1])
    config = load_station(tmp_path, demo=True)
    station = open_station(config, FixedClock())
    try:
        services = station.services
        with services.uow_factory(read_only=True) as uow:
            [pending] = uow.after_sale.pending_corrections("G1")  # killed: not recorded
            [card] = uow.payments.for_reference(pending.id)
        assert card.kind is TransactionKind.REFUND and card.state is PaymentState.APPROVED
        after = after_sale_services(station, config)
        [recovered] = after.recovered
        assert recovered.outcome == "completed"  # the till says what happened
        assert "refunded the card before the till stopped" in recovered.message
        with services.uow_factory(read_only=True) as uow:
            assert uow.after_sale.pending_corrections("G1") == []
            assert len(uow.payments.for_reference(pending.id)) == 1  # refunded once
            records = [dict(e.record) for e in uow.journal.entries("G1")]
            owners = uow.seat_states.owners("P-MIS-2", services.clock.now())
        assert [r["type"] for r in records].count("refund") == 1
        assert totals(records).refunds.amount.minor == said["price"]
        assert said["seat"] not in owners  # back on sale
        with pytest.raises(BarcodeVoided):
            after.check_barcode(said["barcode"])
        assert after_sale_services(station, config).recovered == []  # once, not at every start
        assert verify_journal(services.uow_factory, "G1").ok
    finally:
        station.stop()
