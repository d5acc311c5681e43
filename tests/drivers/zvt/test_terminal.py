"""The driver against the simulator, over TCP and a pseudo-terminal: every command, every fault."""

from __future__ import annotations

import threading
import time

import pytest

from domain.money import Money
from drivers.base import DeviceState
from drivers.payment import PaymentOutcome, PaymentRequest, TransactionKind
from drivers.zvt.terminal import ZvtTerminal

from .conftest import RecordingJournal

Pair = tuple[ZvtTerminal, RecordingJournal]


def request(pid: str, minor: int, kind: TransactionKind = TransactionKind.PAYMENT, receipt=None):
    return PaymentRequest(pid, kind, Money(minor, "EUR"), receipt)


def test_an_approved_payment_is_saved_before_its_acknowledgement(terminal: Pair) -> None:
    driver, journal = terminal
    progress: list[str] = []
    result = driver.pay(request("p1", 1250), lambda code, text: progress.append(text))
    assert result.outcome is PaymentOutcome.APPROVED
    assert result.result is not None and result.result.amount == Money(1250, "EUR")
    assert journal.sent == ["p1"]
    assert [(pid, cmd) for pid, cmd, _ in journal.results] == [("p1", "payment")]
    assert not journal.acked_before_saving
    assert progress == ["insert card", "please watch the PIN pad", "waiting for the card issuer"]
    assert "AMOUNT 12,50 EUR" in result.receipt_lines
    assert driver.state is DeviceState.IDLE


def test_a_declined_payment(terminal: Pair) -> None:
    driver, journal = terminal
    result = driver.pay(request("p1", 1013))
    assert result.outcome is PaymentOutcome.DECLINED
    assert "declined" in result.message
    assert journal.results[0][2].result_code == 0x05


def test_refund_reversal_and_end_of_day_totals(terminal: Pair) -> None:
    driver, _journal = terminal
    paid = driver.pay(request("p1", 3000))
    assert paid.outcome is PaymentOutcome.APPROVED and paid.result is not None
    second = driver.pay(request("p2", 500))
    refund = driver.refund(request("r1", 700, TransactionKind.REFUND))
    assert refund.outcome is PaymentOutcome.APPROVED
    assert second.result is not None
    reversal = driver.reverse(
        request("v1", 500, TransactionKind.REVERSAL, second.result.receipt_no)
    )
    assert reversal.outcome is PaymentOutcome.APPROVED
    again = driver.reverse(request("v2", 500, TransactionKind.REVERSAL, second.result.receipt_no))
    assert again.outcome is PaymentOutcome.DECLINED
    totals = driver.end_of_day()
    assert totals.approved
    assert totals.total == Money(3000 - 700, "EUR")
    assert "END OF DAY" in totals.receipt_lines
    assert driver.end_of_day().total == Money(0, "EUR")  # the batch was closed


def test_status_and_diagnosis(terminal: Pair) -> None:
    driver, _ = terminal
    status = driver.status()
    assert status.ready and status.software_version == "GUICHET-SIM 1.0"
    assert driver.diagnosis().ready


def test_abort_while_the_customer_is_at_the_card_reader(tcp_terminal: Pair) -> None:
    driver, _journal = tcp_terminal
    driver.simulator.card_delay = 1.0
    threading.Timer(0.3, driver.abort).start()
    result = driver.pay(request("p1", 1000))
    assert result.outcome is PaymentOutcome.DECLINED
    assert "aborted" in result.message
    assert driver.simulator.last is None  # nothing was booked


def test_the_result_is_not_acknowledged_when_it_cannot_be_saved(tcp_terminal: Pair) -> None:
    driver, journal = tcp_terminal
    journal.fail_next = True
    result = driver.pay(request("p1", 1000))
    assert result.outcome is PaymentOutcome.UNKNOWN
    assert "could not save" in result.message
    records = driver.wire.records()
    result_at = max(i for i, r in enumerate(records) if r.data.startswith(b"\x04\x0f"))
    assert not [r for r in records[result_at + 1 :] if r.direction == "out"]
    assert driver.simulator.last is not None  # the terminal booked it: it must not be retried


@pytest.mark.parametrize(
    ("fault", "expected"),
    [
        ("drop_after_approval", PaymentOutcome.APPROVED),
        ("drop_after_result", PaymentOutcome.APPROVED),
        # Never acknowledged: a same-amount transaction may be another till's (shared
        # terminal), so the approval is not provably this one.
        ("garbage", PaymentOutcome.UNKNOWN),
        ("slow", PaymentOutcome.UNKNOWN),
        ("never_ack", PaymentOutcome.DECLINED),
    ],
)
def test_fault_scripts_end_in_the_true_outcome(
    tcp_terminal: Pair, fault: str, expected: PaymentOutcome
) -> None:
    driver, _journal = tcp_terminal
    driver.simulator.slow_delay = 1.0
    assert driver.pay(request("p0", 400)).outcome is PaymentOutcome.APPROVED  # an older one
    driver.simulator.fault = fault
    result = driver.pay(request("p1", 2500))
    assert result.outcome is expected, result.message
    terminal_says = driver.simulator.last
    assert terminal_says is not None
    if expected is PaymentOutcome.DECLINED:
        assert terminal_says.minor == 400  # the terminal never performed it
    else:
        assert terminal_says.minor == 2500 and terminal_says.approved
    if fault != "drop_after_result":
        assert result.reconciled
    # The terminal is usable again afterwards.
    assert driver.pay(request("p2", 100)).outcome is PaymentOutcome.APPROVED


def test_a_payment_declined_then_lost_stays_declined(tcp_terminal: Pair) -> None:
    driver, _ = tcp_terminal
    driver.simulator.fault = "drop_after_result"
    result = driver.pay(request("p1", 2513))
    assert result.outcome is PaymentOutcome.DECLINED


@pytest.mark.parametrize("fault", ["nak", "bad_crc"])
def test_serial_line_errors_are_repeated(fault: str) -> None:
    from .conftest import make_terminal

    driver, _ = make_terminal("sim://zvt?line=serial")
    try:
        driver.simulator.fault = fault
        result = driver.pay(request("p1", 1250))
        assert result.outcome is PaymentOutcome.APPROVED
        assert result.reconciled is False
    finally:
        driver.close()


def test_an_unreachable_terminal_charges_nothing() -> None:
    from drivers.base import Role
    from drivers.config import DeviceConfig

    driver = ZvtTerminal(
        DeviceConfig(
            "card", Role.PAYMENT_TERMINAL, "zvt", "tcp://127.0.0.1:9", {"connect_timeout": 0.5}
        )
    )
    driver.journal = RecordingJournal()
    driver.open()
    with pytest.raises(Exception, match="connect"):
        driver.claim()
    driver._claimed = True  # as the station does: enabled, link to be made on use
    driver.enable()
    started = time.monotonic()
    result = driver.pay(request("p1", 100))
    assert result.outcome is PaymentOutcome.DECLINED
    assert "nothing was charged" in result.message
    assert time.monotonic() - started < 3
