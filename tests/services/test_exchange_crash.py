"""The till killed (SIGKILL) during an exchange whose difference is paid by card: after the
terminal approved it, the next start records the exchange (the card is not charged again, the
old barcode is void, the new seats are sold and their tickets queued); before the card was
asked for, the next start gives the exchange up (the old ticket valid, the new seats on sale
again). The journal verifies either way."""

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
from tests.fakes import FixedClock

ROOT = Path(__file__).resolve().parents[2]


def _killed_at(step: str, data_dir: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.services.crash_exchange", str(data_dir), step],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert done.returncode == -9, done.stderr[-2000:]  # killed, not ended
    said: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return said


@pytest.mark.timeout(120)
def test_killed_after_the_card_paid_the_difference_the_exchange_is_recorded_at_restart(
    tmp_path: Path,
) -> None:
    said = _killed_at("after_card", tmp_path)
    config = load_station(tmp_path, demo=True)
    station = open_station(config, FixedClock())
    try:
        services = station.services
        with services.uow_factory(read_only=True) as uow:
            [pending] = uow.after_sale.pending_corrections("G1")  # killed: not recorded
            [card] = uow.payments.for_reference(pending.id)
        assert card.state is PaymentState.APPROVED and card.amount.minor == said["to_pay"]
        after = after_sale_services(station, config)
        assert [r.outcome for r in after.recovered] == ["exchanged"]
        with services.uow_factory(read_only=True) as uow:
            assert uow.after_sale.pending_corrections("G1") == []
            assert len(uow.payments.for_reference(pending.id)) == 1  # charged once
            records = [dict(e.record) for e in uow.journal.entries("G1")]
            owners = uow.seat_states.owners("P-MIS-3", services.clock.now())
            assert uow.carts.open_for("G1") is None  # the exchange's cart was sold
        assert [r["type"] for r in records if r["type"] in ("sale", "refund")] == [
            "sale", "refund", "sale",
        ]  # fmt: skip
        refund, new_sale = records[-2:]
        assert refund["exchange"] == new_sale["exchange"]
        assert all(seat in owners for seat in said["seats"])  # type: ignore[union-attr]
        with pytest.raises(BarcodeVoided):
            after.check_barcode(str(said["barcode"]))
        assert verify_journal(services.uow_factory, "G1").ok
    finally:
        station.stop()


@pytest.mark.timeout(120)
def test_killed_before_the_card_was_asked_for_the_exchange_is_given_up_at_restart(
    tmp_path: Path,
) -> None:
    said = _killed_at("before_card", tmp_path)
    config = load_station(tmp_path, demo=True)
    station = open_station(config, FixedClock())
    try:
        services = station.services
        after = after_sale_services(station, config)
        assert [r.outcome for r in after.recovered] == ["exchange_abandoned"]
        with services.uow_factory(read_only=True) as uow:
            assert uow.after_sale.pending_corrections("G1") == []
            records = [dict(e.record) for e in uow.journal.entries("G1")]
            owners = uow.seat_states.owners("P-MIS-3", services.clock.now())
            assert uow.carts.open_for("G1") is None  # its seats went back on sale
        assert [r["type"] for r in records if r["type"] in ("sale", "refund")] == ["sale"]
        assert not any(seat in owners for seat in said["seats"])  # type: ignore[union-attr]
        assert after.check_barcode(str(said["barcode"])).number == said["ticket"]
        assert verify_journal(services.uow_factory, "G1").ok
    finally:
        station.stop()
