"""Deciding what became of a transaction whose answer was lost, from the terminal's last one.

After a dropped link or a restart mid-payment the driver asks the terminal to repeat its last
receipt and hands it here with what the till's journal knows. Only what identifies *this*
transaction moves it out of UNKNOWN; a terminal may restart its trace numbers, and one terminal
may serve several tills. The rules, in order:

1. no last transaction, or one whose result code cannot be read: unknown;
2. the last transaction is one the till stored for this very payment: its result decides;
3. it is one the till stored for another payment sent *before* this one: this one is not the
   terminal's last, so it was not performed (declined); for a payment sent *after* this one it
   proves nothing (unknown);
4. its clock (corrected by the offset the till measured on its previous transaction with this
   terminal) says it happened before this one was sent: this one was not performed, declined;
5. otherwise it is ours only if every piece of evidence agrees: the same amount, the terminal
   acknowledged our command, the terminal's clock within the window since then, and the trace
   number right after the one of the till's previous transaction with this terminal (nothing
   came between). Then its result code decides; anything less stays unknown.

Pure: no I/O, no clock call (``now`` is passed in).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from drivers.payment import PaymentOutcome, PaymentRequest, StoredResult, TerminalResult

# Terminal clocks drift and are set by hand; beyond this, "earlier" or "later" means it.
CLOCK_TOLERANCE = timedelta(minutes=10)
# Once the terminal's offset from the till's clock is measured, only the seconds between its
# stamp and the till's reading remain uncertain.
MEASURED_TOLERANCE = timedelta(minutes=1)


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the till's journal says about the terminal's last transaction."""

    same: StoredResult | None = None  # the till's own record of that very transaction
    previous: StoredResult | None = None  # the till's last one with this terminal before ours


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


def _clock_offset(previous: StoredResult | None, zone: ZoneInfo) -> timedelta | None:
    """How far the terminal's clock was ahead of the till's at the previous transaction."""
    if previous is None or previous.result.terminal_time is None:
        return None
    moment = terminal_moment(previous.result.terminal_time, previous.received_at, zone)
    return None if moment is None else moment - previous.received_at


def _verdict(last: TerminalResult, why: str) -> tuple[PaymentOutcome, str]:
    if last.approved:
        return (
            PaymentOutcome.APPROVED,
            f"the terminal confirms this transaction was approved ({why})",
        )
    return PaymentOutcome.DECLINED, f"the terminal confirms this transaction failed: {last.text}"


def judge(
    request: PaymentRequest,
    last: TerminalResult | None,
    evidence: Evidence,
    zone: ZoneInfo,
    now: datetime,
) -> tuple[PaymentOutcome, str]:
    """(outcome, reason) for ``request`` given the terminal's last transaction ``last``."""
    unknown = PaymentOutcome.UNKNOWN
    if last is None:
        return unknown, "the terminal shows no last transaction"
    if not last.decisive:
        return unknown, "the terminal's last transaction has no readable result"
    same, sent = evidence.same, request.sent_at
    if same is not None:
        if same.payment_id == request.payment_id:
            return _verdict(last, "its last transaction is this one")
        if same.payment_sent_at is not None and sent is not None and same.payment_sent_at < sent:
            return (
                PaymentOutcome.DECLINED,
                "the terminal's last transaction is an earlier one of this till: "
                "this one was not performed",
            )
        return unknown, (
            "the terminal's last transaction is another one the till knows, made after this "
            "one: the terminal can no longer say what became of this one"
        )
    moment = (
        None
        if last.terminal_time is None or sent is None
        else terminal_moment(last.terminal_time, sent, zone)
    )
    if moment is None or sent is None:
        return unknown, "the terminal's last transaction has no time to compare"
    offset = _clock_offset(evidence.previous, zone)
    tolerance = CLOCK_TOLERANCE if offset is None else MEASURED_TOLERANCE
    corrected = moment if offset is None else moment - offset
    if corrected < sent - tolerance:
        return (
            PaymentOutcome.DECLINED,
            "the terminal's last transaction happened before this one was sent: "
            "this one was not performed",
        )
    if corrected > now + tolerance:
        return unknown, "the terminal's clock is ahead of the till's"
    if last.amount != request.amount:
        return unknown, "the terminal's last transaction has another amount"
    if request.accepted_at is None:
        return unknown, (
            "the terminal never acknowledged this command: a transaction of the same amount "
            "may be another till's"
        )
    previous = evidence.previous
    if previous is None or previous.result.trace is None or last.trace is None:
        return unknown, "no earlier transaction of this till to check the trace numbers against"
    if previous.result.terminal_id != last.terminal_id:
        return unknown, "the terminal's last transaction comes from another terminal id"
    if last.trace != previous.result.trace + 1:
        return unknown, (
            "the trace numbers leave room for another transaction (or restarted): "
            "not provably this one"
        )
    return _verdict(last, "same amount, right after the till's previous transaction")
