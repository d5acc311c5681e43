"""Card payments through the till's database: saved before acknowledged, reconciled after a
restart, blocked while open, closed only by a supervisor with the terminal's reference."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.persistence import Database, open_database
from app.services import payments
from app.services.payments import PaymentState
from domain.errors import DomainError
from domain.money import Money
from domain.operators import Operator, Role
from drivers.base import Role as DeviceRole
from drivers.config import DeviceConfig
from drivers.payment import PaymentOutcome, TransactionKind
from drivers.zvt.terminal import ZvtTerminal

FAST = {"ack_timeout": 0.5, "answer_timeout": 2, "reconnect_attempts": 4, "reconnect_pause": 0.2}


class Clock:
    def now(self) -> datetime:
        return datetime.now(UTC)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "till.sqlite3")
    try:
        yield database
    finally:
        database.close()


@pytest.fixture
def terminal() -> Iterator[ZvtTerminal]:
    device = ZvtTerminal(
        DeviceConfig("card", DeviceRole.PAYMENT_TERMINAL, "zvt", "sim://zvt", FAST)
    )
    device.open()
    device.claim()
    device.enable()
    try:
        yield device
    finally:
        device.close()


def test_a_payment_is_stored_with_every_terminal_result(
    db: Database, terminal: ZvtTerminal
) -> None:
    payment, result = payments.run(
        db.unit_of_work, Clock(), terminal, TransactionKind.PAYMENT, Money(1250, "EUR"), "sale-1"
    )
    assert result.outcome is PaymentOutcome.APPROVED
    assert payment.state is PaymentState.APPROVED
    assert payment.sent_at is not None and payment.trace == result.result.trace
    assert "CARD PAYMENT" in (payment.receipt_text or "")
    with db.unit_of_work() as uow:
        stored = uow.payments.last_result(payment.id)
    assert stored is not None and stored.approved and stored.amount == Money(1250, "EUR")


def test_a_restart_mid_payment_is_settled_by_asking_the_terminal(
    db: Database, terminal: ZvtTerminal
) -> None:
    clock = Clock()
    payments.run(db.unit_of_work, clock, terminal, TransactionKind.PAYMENT, Money(300, "EUR"))
    # The till wrote the command and died before any answer: the terminal approved it.
    lost = payments.start(
        db.unit_of_work, clock, "card", TransactionKind.PAYMENT, Money(4200, "EUR"), "sale-2"
    )
    terminal.simulator.fault = "drop_after_approval"
    from drivers.zvt import apdu as z

    terminal._ensure_link()
    terminal._link.send(z.authorisation(4200, "EUR"), 1)
    payments.DatabaseJournal(db.unit_of_work, clock, "card").mark_sent(lost.id, clock.now())
    terminal._drop_link()
    # A second one was only committed, never written: it must come back as not performed.
    never_sent = payments.start(
        db.unit_of_work, clock, "card", TransactionKind.PAYMENT, Money(999, "EUR"), "sale-3"
    )
    import time

    time.sleep(0.3)  # the terminal finishes the payment with the customer
    with pytest.raises(payments.PaymentStillOpen):
        payments.start(
            db.unit_of_work, clock, "card", TransactionKind.PAYMENT, Money(1, "EUR"), "sale-2"
        )
    settled = {p.id: p for p in payments.reconcile_open(db.unit_of_work, clock, terminal)}
    assert settled[lost.id].state is PaymentState.APPROVED
    assert settled[lost.id].reconciled
    # The terminal's last transaction now belongs to sale-2: the 999 one was never performed.
    assert settled[never_sent.id].state is PaymentState.DECLINED
    assert payments.open_payments(db.unit_of_work) == []


def test_only_a_supervisor_closes_an_unknown_payment(db: Database) -> None:
    clock = Clock()
    payment = payments.start(
        db.unit_of_work, clock, "card", TransactionKind.PAYMENT, Money(500, "EUR"), "sale-9"
    )
    from drivers.payment import PaymentResult

    payments.finish(
        db.unit_of_work, clock, PaymentResult(payment.id, PaymentOutcome.UNKNOWN, "lost")
    )
    cashier = Operator("c", "camille", "Camille", Role.CASHIER, "x")
    supervisor = Operator("s", "jules", "Jules", Role.SUPERVISOR, "x")
    with pytest.raises(payments.NotSupervisor):
        payments.close_unknown(db.unit_of_work, clock, cashier, payment.id, True, "B 0042")
    with pytest.raises(DomainError, match="reference"):
        payments.close_unknown(db.unit_of_work, clock, supervisor, payment.id, True, "  ")
    closed = payments.close_unknown(db.unit_of_work, clock, supervisor, payment.id, True, "B 0042")
    assert closed.state is PaymentState.APPROVED
    assert (closed.closed_by, closed.supervisor_reference) == ("s", "B 0042")
    with pytest.raises(payments.PaymentNotUnknown):
        payments.close_unknown(db.unit_of_work, clock, supervisor, payment.id, False, "B 0042")


def test_payments_a_crash_left_open_are_settled_when_the_station_starts(db: Database) -> None:
    from app.services.devices import DevicesService
    from drivers.station import DeviceStation

    clock = Clock()
    config = DeviceConfig("card", DeviceRole.PAYMENT_TERMINAL, "zvt", "sim://zvt", FAST)
    station = DeviceStation([config], poll_interval=0)
    try:
        devices = DevicesService(station, db.unit_of_work, clock)
        done, _result = devices.test_payment("card", Money(500, "EUR"))
        assert done.state is PaymentState.APPROVED
        # Committed, then the till died before a byte went to the terminal.
        lost = payments.start(
            db.unit_of_work, clock, "card", TransactionKind.PAYMENT, Money(700, "EUR"), "sale-9"
        )
        assert [p.id for p in payments.open_payments(db.unit_of_work)] == [lost.id]

        futures = devices.reconcile_at_start()
        assert len(futures) == 1
        settled = {p.id: p for p in futures[0].result(timeout=30)}
        # The terminal's last transaction is the 5.00 one the till knows: 7.00 never happened.
        assert settled[lost.id].state is PaymentState.DECLINED
        assert payments.open_payments(db.unit_of_work) == []
    finally:
        station.stop()
