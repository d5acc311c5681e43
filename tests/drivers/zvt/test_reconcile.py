"""The reconciliation rules: only proof moves a lost transaction out of UNKNOWN."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from domain.money import Money
from drivers.payment import PaymentOutcome, PaymentRequest, TerminalResult, TransactionKind
from drivers.zvt.reconcile import judge, terminal_moment

BERLIN = ZoneInfo("Europe/Berlin")
SENT = datetime(2026, 11, 24, 13, 30, tzinfo=UTC)  # 14:30 in Berlin
REQUEST = PaymentRequest("p1", TransactionKind.PAYMENT, Money(2500, "EUR"), sent_at=SENT)


def last(minor: int = 2500, when: str | None = "1124 143105", code: int = 0) -> TerminalResult:
    return TerminalResult(code, "x", Money(minor, "EUR"), 7, 3, "52500001", terminal_time=when)


def verdict(result: TerminalResult | None, known: bool = False) -> PaymentOutcome:
    return judge(REQUEST, result, known, BERLIN, SENT + timedelta(minutes=2))[0]


def test_ours_approved_or_declined() -> None:
    assert verdict(last()) is PaymentOutcome.APPROVED
    assert verdict(last(code=0x05)) is PaymentOutcome.DECLINED


def test_an_earlier_transaction_means_ours_was_not_performed() -> None:
    assert verdict(last(), known=True) is PaymentOutcome.DECLINED
    assert verdict(last(when="1124 120000")) is PaymentOutcome.DECLINED


def test_anything_unproven_stays_unknown() -> None:
    assert verdict(None) is PaymentOutcome.UNKNOWN
    assert verdict(last(minor=999)) is PaymentOutcome.UNKNOWN
    assert verdict(last(when=None)) is PaymentOutcome.UNKNOWN
    assert verdict(last(when="1124 235900")) is PaymentOutcome.UNKNOWN  # clock far ahead


def test_the_terminal_year_is_the_nearest_one() -> None:
    new_year = datetime(2027, 1, 1, 0, 5, tzinfo=BERLIN)
    assert terminal_moment("1231 235900", new_year, BERLIN) == datetime(
        2026, 12, 31, 23, 59, tzinfo=BERLIN
    )
    assert terminal_moment("garbage", new_year, BERLIN) is None
