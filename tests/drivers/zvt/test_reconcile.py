"""The reconciliation rules: only what identifies this transaction moves it out of UNKNOWN.

Scenarios from the fault injection of issue 8 §7: trace numbers that restart, a stuck payment
settled after a later one, and a shared terminal whose other till made a payment of the same
amount.
"""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from domain.money import Money
from drivers.payment import (
    PaymentOutcome,
    PaymentRequest,
    StoredResult,
    TerminalResult,
    TransactionKind,
)
from drivers.zvt.reconcile import Evidence, judge, terminal_moment

BERLIN = ZoneInfo("Europe/Berlin")
SENT = datetime(2026, 11, 24, 13, 30, tzinfo=UTC)  # 14:30 in Berlin
ACCEPTED = SENT + timedelta(seconds=1)
REQUEST = PaymentRequest(
    "p1", TransactionKind.PAYMENT, Money(2500, "EUR"), sent_at=SENT, accepted_at=ACCEPTED
)


def last(
    minor: int = 2500, when: str | None = "1124 143105", code: int | None = 0, trace: int = 8
) -> TerminalResult:
    return TerminalResult(code, "x", Money(minor, "EUR"), trace, 3, "52500001", terminal_time=when)


# The till's previous transaction with this terminal: trace 7, the terminal's clock in step.
PREVIOUS = StoredResult(
    last(400, "1124 142000", trace=7), datetime(2026, 11, 24, 13, 20, tzinfo=UTC), "p0", SENT
)


def verdict(
    result: TerminalResult | None,
    same: StoredResult | None = None,
    previous: StoredResult | None = PREVIOUS,
    request: PaymentRequest = REQUEST,
) -> PaymentOutcome:
    evidence = Evidence(same, previous)
    return judge(request, result, evidence, BERLIN, SENT + timedelta(minutes=2))[0]


def test_ours_approved_or_declined() -> None:
    assert verdict(last()) is PaymentOutcome.APPROVED
    assert verdict(last(code=0x05)) is PaymentOutcome.DECLINED


def test_our_own_stored_result_decides() -> None:
    mine = StoredResult(last(), SENT + timedelta(seconds=30), "p1", SENT)
    assert verdict(last(), same=mine) is PaymentOutcome.APPROVED


def test_an_earlier_transaction_of_this_till_means_ours_was_not_performed() -> None:
    earlier = StoredResult(last(), SENT - timedelta(minutes=1), "p0", SENT - timedelta(minutes=2))
    assert verdict(last(), same=earlier) is PaymentOutcome.DECLINED
    assert verdict(last(when="1124 120000")) is PaymentOutcome.DECLINED


def test_a_later_payment_of_this_till_proves_nothing_about_a_stuck_one() -> None:
    # Killed during an 8.00 payment the terminal approved, paid again, restarted: the
    # terminal's last transaction is the later one. The 8.00 is not "declined".
    later = StoredResult(last(), SENT + timedelta(minutes=1), "p2", SENT + timedelta(minutes=1))
    assert verdict(last(), same=later) is PaymentOutcome.UNKNOWN


def test_restarted_trace_numbers_are_not_taken_for_a_known_transaction() -> None:
    # Same trace as the previous one after a restart of the terminal's numbering: not ours,
    # not provably another: unknown.
    assert verdict(last(trace=7)) is PaymentOutcome.UNKNOWN
    assert verdict(last(trace=1)) is PaymentOutcome.UNKNOWN


def test_a_shared_terminal_never_settles_an_unacknowledged_payment_as_approved() -> None:
    # Another till's payment of the same amount, within minutes: our command was never
    # acknowledged, so the terminal may never have taken it.
    never_accepted = PaymentRequest("p1", TransactionKind.PAYMENT, Money(2500, "EUR"), sent_at=SENT)
    assert verdict(last(), request=never_accepted) is PaymentOutcome.UNKNOWN
    # Another transaction between the till's previous one and this: trace 9, not 8.
    assert verdict(last(trace=9)) is PaymentOutcome.UNKNOWN


def test_the_measured_clock_offset_tightens_the_window() -> None:
    # The terminal's clock runs 5 minutes ahead (measured on the previous transaction): its
    # last transaction stamped 14:33 happened at 14:28 on the till's clock, before ours.
    ahead = StoredResult(
        last(400, "1124 142500", trace=7), datetime(2026, 11, 24, 13, 20, tzinfo=UTC), "p0", SENT
    )
    assert verdict(last(when="1124 143300"), previous=ahead) is PaymentOutcome.DECLINED
    assert verdict(last(when="1124 143600"), previous=ahead) is PaymentOutcome.APPROVED


def test_anything_unproven_stays_unknown() -> None:
    assert verdict(None) is PaymentOutcome.UNKNOWN
    assert verdict(last(code=None)) is PaymentOutcome.UNKNOWN  # result code unreadable
    assert verdict(last(minor=999)) is PaymentOutcome.UNKNOWN
    assert verdict(last(when=None)) is PaymentOutcome.UNKNOWN
    assert verdict(last(when="1124 235900")) is PaymentOutcome.UNKNOWN  # clock far ahead
    assert verdict(last(), previous=None) is PaymentOutcome.UNKNOWN  # no sequence to check


def test_the_terminal_year_is_the_nearest_one() -> None:
    new_year = datetime(2027, 1, 1, 0, 5, tzinfo=BERLIN)
    assert terminal_moment("1231 235900", new_year, BERLIN) == datetime(
        2026, 12, 31, 23, 59, tzinfo=BERLIN
    )
    assert terminal_moment("garbage", new_year, BERLIN) is None
