"""Card payments through the till's database: saved before acknowledged, reconciled after a
restart from what identifies each transaction (never a guess), blocked while open, closed only
by a supervisor with the terminal's reference. The till, the driver and the simulated terminal
share one pinned clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

from app.persistence import Database, open_database
from app.services import payments
from app.services.payments import PaymentState
from domain.errors import DomainError
from domain.money import Money
from domain.operators import Operator, Role
from drivers.base import Role as DeviceRole
from drivers.config import DeviceConfig
from drivers.payment import PaymentOutcome, PaymentResult, TerminalResult, TransactionKind
from drivers.zvt import apdu as z
from drivers.zvt.terminal import ZvtTerminal
from tests.fakes import FixedClock

FAST = {"ack_timeout": 0.5, "answer_timeout": 2, "reconnect_attempts": 4, "reconnect_pause": 0.2}
EUR = "EUR"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "till.sqlite3")
    try:
        yield database
    finally:
        database.close()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


def _terminal(clock: FixedClock, name: str = "card") -> ZvtTerminal:
    device = ZvtTerminal(DeviceConfig(name, DeviceRole.PAYMENT_TERMINAL, "zvt", "sim://zvt", FAST))
    device.clock = clock.now
    device.open()
    device.simulator.clock = clock.now
    device.claim()
    device.enable()
    return device


@pytest.fixture
def terminal(clock: FixedClock) -> Iterator[ZvtTerminal]:
    device = _terminal(clock)
    try:
        yield device
    finally:
        device.close()


def pay(db: Database, clock: FixedClock, terminal: ZvtTerminal, minor: int, ref: str | None = None):
    clock.advance(timedelta(minutes=1))
    return payments.run(
        db.unit_of_work, clock, terminal, TransactionKind.PAYMENT, Money(minor, EUR), ref
    )


def die_during(
    db: Database, clock: FixedClock, terminal: ZvtTerminal, minor: int, ref: str, accepted: bool
) -> payments.CardPayment:
    """The till commits a payment, marks it sent, writes it, (sees it accepted,) and dies; the
    terminal goes on with the customer and approves it."""
    clock.advance(timedelta(minutes=1))
    lost = payments.start(
        db.unit_of_work, clock, "card", TransactionKind.PAYMENT, Money(minor, EUR), ref
    )
    journal = payments.DatabaseJournal(db.unit_of_work, clock, "card")
    terminal.simulator.fault = "drop_after_approval"
    terminal._ensure_link()
    journal.mark_sent(lost.id, clock.now())
    terminal._link.send(z.authorisation(minor, EUR), 1)
    if accepted:
        assert terminal._link.receive(1).is_ack
        journal.mark_accepted(lost.id, clock.now())
    terminal._drop_link()
    wait_for_the_terminal(terminal, minor)
    return lost


def wait_for_the_terminal(terminal: ZvtTerminal, minor: int) -> None:
    import time

    for _ in range(100):
        last = terminal.simulator.last
        if last is not None and last.minor == minor:
            return
        time.sleep(0.02)
    raise AssertionError("the simulated terminal did not finish the payment")


def sent_with_result(db: Database, clock: FixedClock, result: TerminalResult) -> None:
    """A 7.00 payment sent, whose result was stored; then the till died."""
    payment = payments.start(
        db.unit_of_work, clock, "card", TransactionKind.PAYMENT, Money(700, EUR)
    )
    journal = payments.DatabaseJournal(db.unit_of_work, clock, "card")
    journal.mark_sent(payment.id, clock.now())
    journal.record_result(payment.id, "payment", bytes.fromhex("04 0f 02 27 00"), result)


def repeat_receipts_asked(terminal: ZvtTerminal) -> int:
    return sum(
        1 for r in terminal.wire.records() if r.direction == "out" and r.data[:2] == b"\x06\x20"
    )


def test_a_payment_is_stored_with_every_terminal_result(
    db: Database, clock: FixedClock, terminal: ZvtTerminal
) -> None:
    payment, result = pay(db, clock, terminal, 1250, "sale-1")
    assert result.outcome is PaymentOutcome.APPROVED
    assert payment.state is PaymentState.APPROVED
    assert payment.sent_at == clock.now() and payment.accepted_at == clock.now()
    assert result.result is not None and payment.trace == result.result.trace
    assert "CUSTOMER COPY" in (payment.receipt_text or "")
    assert "MERCHANT COPY" in (payment.merchant_receipt_text or "")
    assert "MERCHANT COPY" not in (payment.receipt_text or "")
    with db.unit_of_work() as uow:
        stored = uow.payments.last_result(payment.id)
    assert stored is not None and stored.approved and stored.amount == Money(1250, EUR)


def test_a_restart_mid_payment_is_settled_by_asking_the_terminal(
    db: Database, clock: FixedClock, terminal: ZvtTerminal
) -> None:
    pay(db, clock, terminal, 300)  # the till's previous transaction with this terminal
    lost = die_during(db, clock, terminal, 4200, "sale-2", accepted=True)
    # A second one was only committed, never marked sent: it was never written.
    never_sent = payments.start(
        db.unit_of_work, clock, "card", TransactionKind.PAYMENT, Money(999, EUR), "sale-3"
    )
    with pytest.raises(payments.PaymentStillOpen):
        payments.start(
            db.unit_of_work, clock, "card", TransactionKind.PAYMENT, Money(1, EUR), "sale-2"
        )
    clock.advance(timedelta(minutes=1))
    settled = {p.id: p for p in payments.reconcile_open(db.unit_of_work, clock, terminal)}
    assert settled[lost.id].state is PaymentState.APPROVED
    assert settled[lost.id].reconciled and settled[lost.id].trace == terminal.simulator.last.trace
    assert settled[never_sent.id].state is PaymentState.DECLINED
    assert repeat_receipts_asked(terminal) == 1  # only the sent one was asked of the terminal
    assert payments.open_payments(db.unit_of_work) == []


def test_a_stuck_payment_is_not_declined_because_a_later_one_was_made(
    db: Database, clock: FixedClock, terminal: ZvtTerminal
) -> None:
    # Kill the client during an 8.00 payment the terminal approves, pay again, restart.
    pay(db, clock, terminal, 300)
    stuck = die_during(db, clock, terminal, 800, "sale-8", accepted=True)
    pay(db, clock, terminal, 500, "sale-5")
    clock.advance(timedelta(minutes=1))
    (settled,) = payments.reconcile_open(db.unit_of_work, clock, terminal)
    assert settled.id == stuck.id
    assert settled.state is PaymentState.UNKNOWN  # charged in truth: never "declined"


def test_a_shared_terminal_never_settles_a_payment_it_did_not_accept(
    db: Database, clock: FixedClock, terminal: ZvtTerminal
) -> None:
    pay(db, clock, terminal, 300)
    # This till's command was written but never acknowledged; meanwhile another till on the
    # same terminal is charged the same amount.
    clock.advance(timedelta(minutes=1))
    mine = payments.start(
        db.unit_of_work, clock, "card", TransactionKind.PAYMENT, Money(2500, EUR), "s"
    )
    payments.DatabaseJournal(db.unit_of_work, clock, "card").mark_sent(mine.id, clock.now())
    terminal._drop_link()
    other_till = ZvtTerminal(
        DeviceConfig("other", DeviceRole.PAYMENT_TERMINAL, "zvt", terminal.uri, FAST)
    )
    other_till.clock = clock.now
    other_db = open_database(Path(str(db.path) + ".other"))
    try:
        other_till.open()
        other_till.claim()
        other_till.enable()
        other, _ = payments.run(
            other_db.unit_of_work, clock, other_till, TransactionKind.PAYMENT, Money(2500, EUR)
        )
        assert other.state is PaymentState.APPROVED
    finally:
        other_till.close()
        other_db.close()
    (settled,) = payments.reconcile_open(db.unit_of_work, clock, terminal)
    assert settled.state is PaymentState.UNKNOWN  # never "approved" from the other till's


def test_a_result_stored_before_the_break_is_used_without_asking(
    db: Database, clock: FixedClock, terminal: ZvtTerminal
) -> None:
    # The terminal has no transaction to show (asking it would leave the payment unknown),
    # but the till stored the approval before it died.
    approved = TerminalResult(
        0, "approved", Money(700, EUR), 12, 4, "52500001", terminal_time="0310 100000"
    )
    sent_with_result(db, clock, approved)
    (settled,) = payments.reconcile_open(db.unit_of_work, clock, terminal)
    assert settled.state is PaymentState.APPROVED and settled.trace == 12
    assert repeat_receipts_asked(terminal) == 0


def test_a_stored_result_without_a_readable_code_is_asked_of_the_terminal(
    db: Database, clock: FixedClock, terminal: ZvtTerminal
) -> None:
    sent_with_result(db, clock, TerminalResult(None, "the result code could not be read"))
    (settled,) = payments.reconcile_open(db.unit_of_work, clock, terminal)
    assert settled.state is PaymentState.UNKNOWN  # the terminal shows nothing to prove it
    assert repeat_receipts_asked(terminal) == 1


@pytest.mark.parametrize("amount", ["1e400", "1000000000000"])
def test_an_amount_the_terminal_cannot_take_is_refused_before_anything_is_recorded(
    db: Database, clock: FixedClock, terminal: ZvtTerminal, amount: str
) -> None:
    with pytest.raises(payments.PaymentError, match="too large"):
        payments.run(
            db.unit_of_work, clock, terminal, TransactionKind.PAYMENT, Money.of(amount, EUR)
        )
    assert payments.recent(db.unit_of_work) == []
    assert terminal.simulator.last is None


class _DiskFullOnDecide:
    """The till's database, which fills up once the terminal has answered."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def __call__(self, **kwargs: Any) -> Any:
        uow = self.db.unit_of_work(**kwargs)

        class Failing:
            def __enter__(self) -> Any:
                inner = uow.__enter__()

                def decide(*args: Any) -> None:
                    raise OperationalError("UPDATE card_payments", {}, Exception("disk full"))

                inner.payments.decide = decide
                return inner

            def __exit__(self, *exc: Any) -> None:
                uow.__exit__(*exc)

        return Failing()


def test_an_approval_the_till_cannot_record_is_never_reported_as_nothing_changed(
    db: Database, clock: FixedClock, terminal: ZvtTerminal
) -> None:
    with pytest.raises(payments.PaymentNotRecorded) as raised:
        payments.run(
            _DiskFullOnDecide(db), clock, terminal, TransactionKind.PAYMENT, Money(900, EUR), "s"
        )
    assert raised.value.result is not None
    assert raised.value.result.outcome is PaymentOutcome.APPROVED
    assert "approved" in str(raised.value) and "Do not charge again" in str(raised.value)
    (still_open,) = payments.open_payments(db.unit_of_work)
    assert still_open.state is PaymentState.SENT  # open: it blocks a retry and is settled later
    with db.unit_of_work() as uow:
        assert uow.payments.last_result(still_open.id).approved  # saved before its ACK
    # When the database works again, the stored approval settles it.
    (settled,) = payments.reconcile_open(db.unit_of_work, clock, terminal)
    assert settled.state is PaymentState.APPROVED


def test_only_a_supervisor_closes_an_unknown_payment(db: Database, clock: FixedClock) -> None:
    payment = payments.start(
        db.unit_of_work, clock, "card", TransactionKind.PAYMENT, Money(500, EUR), "sale-9"
    )
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


def test_payments_a_crash_left_open_are_settled_when_the_station_starts(
    db: Database, clock: FixedClock
) -> None:
    from app.services.devices import DevicesService
    from drivers.station import DeviceStation

    config = DeviceConfig("card", DeviceRole.PAYMENT_TERMINAL, "zvt", "sim://zvt", FAST)
    station = DeviceStation([config], poll_interval=0)
    try:
        devices = DevicesService(station, db.unit_of_work, clock)
        done, _result = devices.test_payment("card", Money(500, EUR))
        assert done.state is PaymentState.APPROVED
        # Committed, then the till died before a byte went to the terminal.
        lost = payments.start(
            db.unit_of_work, clock, "card", TransactionKind.PAYMENT, Money(700, EUR), "sale-9"
        )
        assert [p.id for p in payments.open_payments(db.unit_of_work)] == [lost.id]

        futures = devices.reconcile_at_start()
        assert len(futures) == 1
        settled = {p.id: p for p in futures[0].result(timeout=30)}
        assert settled[lost.id].state is PaymentState.DECLINED  # never sent: never charged
        assert payments.open_payments(db.unit_of_work) == []
    finally:
        station.stop()


def test_a_transaction_settled_by_reconciliation_is_known_to_the_next_one(
    db: Database, clock: FixedClock, terminal: ZvtTerminal
) -> None:
    pay(db, clock, terminal, 300)
    lost = die_during(db, clock, terminal, 4200, "sale-2", accepted=True)
    (settled,) = payments.reconcile_open(db.unit_of_work, clock, terminal)
    assert settled.id == lost.id and settled.state is PaymentState.APPROVED
    # Half a minute later another payment is marked sent, and the till dies before writing it:
    # the terminal's last transaction is the 42.00 the till now knows as sale-2's.
    clock.advance(timedelta(seconds=30))
    next_one = payments.start(
        db.unit_of_work, clock, "card", TransactionKind.PAYMENT, Money(1000, EUR), "sale-3"
    )
    payments.DatabaseJournal(db.unit_of_work, clock, "card").mark_sent(next_one.id, clock.now())
    (settled,) = payments.reconcile_open(db.unit_of_work, clock, terminal)
    assert settled.id == next_one.id and settled.state is PaymentState.DECLINED
