"""Deciding what became of a transaction whose answer was lost, from the terminal's last one.

After a dropped link or a restart mid-payment the driver asks the terminal to repeat its last
receipt and hands it here with what the till knows. The rules, in order:

1. the terminal has no last transaction to show: still unknown;
2. its last transaction is one the till already recorded for another payment: ours was never
   performed (it would be the last one), so declined;
3. its clock says it happened well before ours was sent: ours was not performed, declined;
4. a different amount, or no clock to compare: not ours, or not provably ours: still unknown;
5. otherwise it is ours: approved when its result code is 00, declined otherwise.

Pure: no I/O, no clock call (``now`` is passed in).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from drivers.payment import PaymentOutcome, PaymentRequest, TerminalResult

# Terminal clocks drift and are set by hand; beyond this, "earlier" or "later" means it.
CLOCK_TOLERANCE = timedelta(minutes=10)


def terminal_moment(text: str, near: datetime, zone: ZoneInfo) -> datetime | None:
    """The terminal's "MMDD HHMMSS" as an aware moment, in the year that puts it nearest
    ``near`` (the terminal does not send the year)."""
    try:
        day, clock = text.split()
        month, dom = int(day[:2]), int(day[2:])
        hour, minute, second = int(clock[:2]), int(clock[2:4]), int(clock[4:])
        local_near = near.astimezone(zone)
        candidates = []
        for year in (local_near.year - 1, local_near.year, local_near.year + 1):
            try:
                candidates.append(datetime(year, month, dom, hour, minute, second, tzinfo=zone))
            except ValueError:  # 29 February of a common year
                continue
    except (ValueError, IndexError):
        return None
    if not candidates:
        return None
    return min(candidates, key=lambda moment: abs(moment - near))


def judge(
    request: PaymentRequest,
    last: TerminalResult | None,
    already_known: bool,
    zone: ZoneInfo,
    now: datetime,
) -> tuple[PaymentOutcome, str]:
    """(outcome, reason) for ``request`` given the terminal's last transaction ``last``."""
    if last is None:
        return PaymentOutcome.UNKNOWN, "the terminal shows no last transaction"
    if already_known:
        return (
            PaymentOutcome.DECLINED,
            "the terminal's last transaction is an earlier one: this one was not performed",
        )
    sent = request.sent_at
    moment = (
        None
        if last.terminal_time is None or sent is None
        else terminal_moment(last.terminal_time, sent, zone)
    )
    if moment is not None and sent is not None and moment < sent - CLOCK_TOLERANCE:
        return (
            PaymentOutcome.DECLINED,
            "the terminal's last transaction happened before this one was sent: "
            "this one was not performed",
        )
    if last.amount != request.amount:
        return (
            PaymentOutcome.UNKNOWN,
            "the terminal's last transaction has another amount and is not known to the till",
        )
    if moment is None:
        return PaymentOutcome.UNKNOWN, "the terminal's last transaction has no time to compare"
    if moment > now + CLOCK_TOLERANCE:
        return PaymentOutcome.UNKNOWN, "the terminal's clock is ahead of the till's"
    if last.approved:
        return PaymentOutcome.APPROVED, "the terminal confirms this transaction was approved"
    return PaymentOutcome.DECLINED, f"the terminal confirms this transaction failed: {last.text}"
