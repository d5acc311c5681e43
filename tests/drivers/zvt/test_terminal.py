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


def _sent(driver: ZvtTerminal, first: bytes) -> list[int]:
    """Indexes of the records the till wrote that start with ``first``."""
    records = driver.wire.records()
    return [i for i, r in enumerate(records) if r.direction == "out" and r.data.startswith(first)]


def _received(driver: ZvtTerminal, first: bytes) -> list[int]:
    records = driver.wire.records()
    return [i for i, r in enumerate(records) if r.direction == "in" and first in r.data]


@pytest.mark.parametrize(
    ("fault", "expected"),
    [
        # The approval stands: the terminal's last transaction is the one the till stored.
        ("approve_then_abort", PaymentOutcome.APPROVED),
        # The terminal cancelled it: its last transaction is the till's earlier one.
        ("approve_then_void", PaymentOutcome.DECLINED),
    ],
)
def test_an_approved_then_aborted_payment_is_asked_of_the_terminal(
    tcp_terminal: Pair, fault: str, expected: PaymentOutcome
) -> None:
    driver, _journal = tcp_terminal
    assert driver.pay(request("p0", 400)).outcome is PaymentOutcome.APPROVED
    driver.simulator.fault = fault
    result = driver.pay(request("p1", 2500))
    assert result.outcome is expected, result.message
    assert result.reconciled and "approved, then aborted" in result.message
    abort = _received(driver, b"\x06\x1e")[-1]
    assert [i for i in _sent(driver, b"\x06\x20") if i > abort]  # a repeat receipt was asked


def test_display_fields_that_do_not_parse_never_decide_the_payment(tcp_terminal: Pair) -> None:
    driver, journal = tcp_terminal
    driver.simulator.fault = "odd_fields"
    result = driver.pay(request("p1", 1250))
    assert result.outcome is PaymentOutcome.APPROVED and not result.reconciled
    assert result.result is not None
    assert result.result.pan == "67?9********1234"
    assert result.result.card_name == "girocard"  # its trailing NUL dropped
    assert journal.results and not journal.acked_before_saving


def test_the_reconciliation_waits_for_a_busy_terminal_and_asks_again(tcp_terminal: Pair) -> None:
    driver, _journal = tcp_terminal
    driver.sleep = lambda seconds: None
    assert driver.pay(request("p0", 400)).outcome is PaymentOutcome.APPROVED
    driver.simulator.fault = "drop_after_approval"
    original = driver.reconcile

    def busy_first(req: PaymentRequest):  # the terminal is still busy at the first enquiry
        driver.simulator.fault = "busy_once"
        return original(req)

    driver.reconcile = busy_first  # type: ignore[method-assign]
    result = driver.pay(request("p1", 2500))
    assert result.outcome is PaymentOutcome.APPROVED, result.message
    assert len(_sent(driver, b"\x05\x01")) == 2  # asked, told "busy", asked again
    assert len(_sent(driver, b"\x06\x20")) == 1


def test_a_terminal_that_cannot_be_asked_leaves_the_payment_unknown(tcp_terminal: Pair) -> None:
    driver, _journal = tcp_terminal
    driver.sleep = lambda seconds: None
    driver.simulator.stop()
    stuck = PaymentRequest(
        "p1", TransactionKind.PAYMENT, Money(2500, "EUR"), sent_at=driver.clock()
    )
    result = driver.reconcile(stuck)
    assert result.outcome is PaymentOutcome.UNKNOWN
    assert "could not be asked" in result.message


def test_text_blocks_are_asked_for_in_the_registration_and_copies_kept_apart() -> None:
    from .conftest import make_terminal

    driver, _ = make_terminal(text_blocks=True)
    try:
        assert driver.simulator.text_blocks
        result = driver.pay(request("p1", 1250))
        assert _received(driver, b"\x06\xd3") and not _received(driver, b"\x06\xd1")
        assert result.receipt_lines[0] == "CUSTOMER COPY"
        assert result.merchant_lines[0] == "MERCHANT COPY"
    finally:
        driver.close()


def test_without_the_print_type_bit_nor_text_blocks_no_receipt_comes() -> None:
    from .conftest import make_terminal

    driver, _ = make_terminal(config_byte=0x3E)  # 0xBE without 80 "ECR print-type"
    try:
        result = driver.pay(request("p1", 1250))
        assert result.outcome is PaymentOutcome.APPROVED
        assert result.receipt_lines == () and not _received(driver, b"\x06\xd1")
    finally:
        driver.close()


@pytest.mark.parametrize(
    ("charset", "thanks"), [("iso-8859-1", "Danke schön"), ("cp437", "Danke sch÷n")]
)
def test_the_receipt_charset_is_the_terminals(charset: str, thanks: str) -> None:
    from .conftest import make_terminal

    # A terminal that sends ISO 8859-1: read as such only when configured so.
    driver, _ = make_terminal("sim://zvt?charset=latin-1", receipt_charset=charset)
    try:
        result = driver.pay(request("p1", 1250))
        assert thanks in result.receipt_lines
    finally:
        driver.close()
