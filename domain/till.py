"""Till sessions: the cash float counted by denomination, and who may open a session when.

A till sells only inside an open session; a till has at most one open session at a time (the
database enforces it too). A session opens with a float counted coin by coin and note by note,
whose total is the cash the drawer starts with.

A session closes in two steps. The **blind count**: the cashier declares the cash counted by
denomination, the card total (the terminal's end-of-day, when there is one), the vouchers and
the cheques, without seeing what the till expects; the session is then ``COUNTED``: nothing
more is sold or moved in it. The **supervisor close**: expected (from `domain.ledger`) against
declared per tender; each variance needs a reason; a recount is a new blind count (numbered),
the last one is what the supervisor closes on. No I/O and no clock: the caller passes the
moment and the session id.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from domain.errors import (
    FloatNotAllowed,
    InvalidCashCount,
    InvalidCashMovement,
    NoOpenSession,
    NotAllowedToClose,
    NotAllowedToOpen,
    NotCounted,
    SessionAlreadyOpen,
    SessionBeingClosed,
    StaleCount,
    VarianceNeedsReason,
)
from domain.money import Money
from domain.operators import Operator, Role

# Denominations in minor units, smallest first: the euro's eight coins and seven notes.
EUR_COINS: tuple[int, ...] = (1, 2, 5, 10, 20, 50, 100, 200)
EUR_NOTES: tuple[int, ...] = (500, 1000, 2000, 5000, 10000, 20000, 50000)
DENOMINATIONS: dict[str, tuple[int, ...]] = {"EUR": EUR_COINS + EUR_NOTES}

# Who opens a till (DOMAIN.md, "Who uses the till": the supervisor opens and closes tills).
ROLES_THAT_OPEN: frozenset[Role] = frozenset({Role.SUPERVISOR})
ROLES_THAT_CLOSE: frozenset[Role] = frozenset({Role.SUPERVISOR})
# Who sells, moves cash and counts the drawer blind at the end.
ROLES_THAT_COUNT: frozenset[Role] = frozenset({Role.CASHIER, Role.SUPERVISOR})

# The tenders a blind count declares, by their ledger key (`domain.ledger.TenderTotal.key`).
CASH = "cash"
CARD = "card"
VOUCHER = "voucher"
CHEQUE = "cheque"
DECLARED_TENDERS: tuple[str, ...] = (CASH, CARD, VOUCHER, CHEQUE)


def denominations(currency: str) -> tuple[int, ...]:
    """The coins and notes of ``currency`` in minor units, smallest first."""
    try:
        return DENOMINATIONS[currency]
    except KeyError:
        raise InvalidCashCount(f"no denominations known for {currency!r}") from None


def is_coin(currency: str, denomination: int) -> bool:
    return currency == "EUR" and denomination in EUR_COINS


@dataclass(frozen=True, slots=True)
class CashCount:
    """How many of each coin and note: ``(denomination_minor, count)`` pairs, smallest first,
    without zero counts (so two counts of the same cash are equal). Build it with `of`."""

    currency: str
    counts: tuple[tuple[int, int], ...] = ()

    def __post_init__(self) -> None:
        known = denominations(self.currency)
        seen: set[int] = set()
        for denomination, count in self.counts:
            if denomination not in known:
                raise InvalidCashCount(
                    f"{denomination} is not a {self.currency} coin or note (in minor units)"
                )
            if isinstance(count, bool) or not isinstance(count, int):
                raise InvalidCashCount(f"a count is a whole number, not {count!r}")
            if count < 0:
                raise InvalidCashCount(f"a count cannot be negative ({count} × {denomination})")
            if denomination in seen:
                raise InvalidCashCount(f"{denomination} is counted twice")
            seen.add(denomination)
        cleaned = tuple(sorted((d, c) for d, c in self.counts if c))
        object.__setattr__(self, "counts", cleaned)

    @classmethod
    def of(cls, currency: str, counts: Mapping[int, int]) -> CashCount:
        return cls(currency, tuple(counts.items()))

    @classmethod
    def empty(cls, currency: str) -> CashCount:
        return cls(currency)

    def count(self, denomination: int) -> int:
        return dict(self.counts).get(denomination, 0)

    def as_dict(self) -> dict[int, int]:
        return dict(self.counts)

    def total(self) -> Money:
        return Money(sum(d * c for d, c in self.counts), self.currency)


class SessionState(enum.Enum):
    OPEN = "open"
    COUNTED = "counted"  # the cashier's blind count is in; the supervisor has not closed yet
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class TillSession:
    id: str
    till: str
    opened_at: datetime
    opened_by: str  # the operator's id
    float_count: CashCount
    state: SessionState = SessionState.OPEN
    closed_at: datetime | None = None

    def __post_init__(self) -> None:
        if self.opened_at.tzinfo is None:
            raise ValueError("a session's opening time is timezone-aware")

    @property
    def is_open(self) -> bool:
        return self.state is SessionState.OPEN

    @property
    def is_current(self) -> bool:
        """Open or counted: the till's session until the supervisor closes it."""
        return self.state is not SessionState.CLOSED

    def check_open(self) -> None:
        """Refuse a sale or a cash movement once the count is in, or after the close."""
        if self.state is SessionState.COUNTED:
            raise SessionBeingClosed(self.till, self.id)
        if self.state is SessionState.CLOSED:
            raise NoOpenSession(self.till)


def may_open_session(operator: Operator) -> bool:
    return operator.active and operator.role in ROLES_THAT_OPEN


def open_session(
    session_id: str,
    till: str,
    opened_at: datetime,
    operator: Operator,
    float_count: CashCount,
    current: TillSession | None,
    float_allowed: bool = True,
) -> TillSession:
    """A new open session of ``till``; ``current`` is the till's open session, if any.

    Refused: an operator who may not open a till, a second open session on one till, a float
    other than zero where the channel allows no float.
    """
    if not may_open_session(operator):
        raise NotAllowedToOpen(operator.role.value if operator.active else "inactive operator")
    if current is not None and current.is_current and current.till == till:
        raise SessionAlreadyOpen(till, current.id)
    if not float_allowed and not float_count.total().is_zero:
        raise FloatNotAllowed(till)
    return TillSession(
        id=session_id,
        till=till,
        opened_at=opened_at,
        opened_by=operator.id,
        float_count=float_count,
    )


# --- cash in and out ------------------------------------------------------------------------


def check_cash_movement(
    session: TillSession, operator: Operator, amount: Money, reason: str
) -> str:
    """A cash in or out of ``amount`` in ``session``: refused when the session is counted or
    closed, the amount is not more than zero, the reason is blank. The reason, stripped."""
    session.check_open()
    if not (operator.active and operator.role in ROLES_THAT_COUNT):
        raise InvalidCashMovement(f"a {operator.role.value} does not move cash in a till")
    if amount.minor <= 0:
        raise InvalidCashMovement("a cash movement is of more than zero")
    if amount.currency != session.float_count.currency:
        raise InvalidCashMovement(f"this till counts in {session.float_count.currency}")
    cleaned = " ".join(reason.split())
    if not cleaned:
        raise InvalidCashMovement("a cash movement needs a reason")
    return cleaned


# --- the blind count --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BlindCount:
    """What the cashier counted, without seeing what was expected. ``number``: 1, then one
    more per recount. ``others``: the declared total per other tender ("card", "voucher",
    "cheque"), sorted, zeros kept. ``terminal``: the card terminal's end-of-day total, when it
    was asked (the card figure is checked against it)."""

    session_id: str
    number: int
    at: datetime
    by: str  # the operator's id
    by_name: str
    cash: CashCount
    others: tuple[tuple[str, Money], ...]
    terminal: Money | None = None

    def declared(self) -> dict[str, Money]:
        """Per tender, what was declared: cash (the count's total) first."""
        return {CASH: self.cash.total(), **dict(self.others)}

    @property
    def terminal_disagrees(self) -> bool:
        """The card total declared is not what the terminal's end-of-day said."""
        card = dict(self.others).get(CARD, Money.zero(self.cash.currency))
        return self.terminal is not None and self.terminal != card


def blind_count(
    session: TillSession,
    last: BlindCount | None,
    at: datetime,
    operator: Operator,
    cash: CashCount,
    others: Mapping[str, Money],
    terminal: Money | None = None,
) -> BlindCount:
    """The cashier's count of an open session, or a recount of a counted one (``last``: its
    last count). Refused on a closed session, from an operator who does not count, with an
    amount below zero or in another currency."""
    if session.state is SessionState.CLOSED:
        raise NoOpenSession(session.till)
    if not (operator.active and operator.role in ROLES_THAT_COUNT):
        raise InvalidCashCount(f"a {operator.role.value} does not count a till")
    currency = session.float_count.currency
    if cash.currency != currency:
        raise InvalidCashCount(f"this till counts in {currency}, not {cash.currency}")
    for key, amount in others.items():
        if not key or key == CASH:
            raise InvalidCashCount(f"not a tender to declare apart from the cash: {key!r}")
        if amount.currency != currency or amount.minor < 0:
            raise InvalidCashCount(f"the {key} total is zero or more, in {currency}")
    if terminal is not None and terminal.currency != currency:
        raise InvalidCashCount(f"the terminal's total is not in {currency}")
    number = 1 if last is None else last.number + 1
    return BlindCount(
        session_id=session.id,
        number=number,
        at=at,
        by=operator.id,
        by_name=operator.name,
        cash=cash,
        others=tuple(sorted(others.items())),
        terminal=terminal,
    )


def counted(session: TillSession) -> TillSession:
    """The session once its count is in: no more sales."""
    if session.state is SessionState.CLOSED:
        raise NoOpenSession(session.till)
    return replace(session, state=SessionState.COUNTED)


# --- the supervisor close ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Variance:
    """One tender: what the ledger expects, what was declared, and why they differ."""

    tender: str
    expected: Money
    declared: Money
    reason: str = ""

    @property
    def difference(self) -> Money:
        """Declared less expected: negative is a shortfall, positive a surplus."""
        return self.declared - self.expected

    @property
    def is_zero(self) -> bool:
        return self.difference.is_zero


def _tender_order(key: str) -> tuple[int, str]:
    known = DECLARED_TENDERS.index(key) if key in DECLARED_TENDERS else len(DECLARED_TENDERS)
    return (known, key)


def variances(expected: Mapping[str, Money], declared: Mapping[str, Money]) -> tuple[Variance, ...]:
    """Expected against declared for every tender either names (a tender missing on one side
    is zero there): cash, card, voucher, cheque, then the others by name."""
    currency = next(iter(expected.values() or declared.values())).currency
    zero = Money.zero(currency)
    keys = sorted(set(expected) | set(declared), key=_tender_order)
    return tuple(Variance(k, expected.get(k, zero), declared.get(k, zero)) for k in keys)


def may_close_session(operator: Operator) -> bool:
    return operator.active and operator.role in ROLES_THAT_CLOSE


def close_session(
    session: TillSession,
    last: BlindCount | None,
    reviewed: int,
    at: datetime,
    operator: Operator,
    found: tuple[Variance, ...],
    reasons: Mapping[str, str],
) -> tuple[TillSession, tuple[Variance, ...]]:
    """The supervisor seals a counted session: the session closed and the variances with
    their reasons. ``reviewed``: the count number the supervisor looked at (a recount made
    since is refused with `StaleCount`). Every variance other than zero needs a reason
    (`VarianceNeedsReason` names the tenders without one)."""
    if not may_close_session(operator):
        raise NotAllowedToClose(operator.role.value if operator.active else "inactive operator")
    if session.state is SessionState.CLOSED:
        raise NoOpenSession(session.till)
    if session.state is not SessionState.COUNTED or last is None:
        raise NotCounted(session.id)
    if last.number != reviewed:
        raise StaleCount(reviewed, last.number)
    explained = tuple(replace(v, reason=" ".join(reasons.get(v.tender, "").split())) for v in found)
    missing = tuple(v.tender for v in explained if not v.is_zero and not v.reason)
    if missing:
        raise VarianceNeedsReason(missing)
    closed = replace(session, state=SessionState.CLOSED, closed_at=at)
    return closed, explained


# --- the records of a close ------------------------------------------------------------------


def _money(amount: Money) -> dict[str, object]:
    return {"minor": amount.minor, "currency": amount.currency}


def _read_money(value: object) -> Money:
    if not isinstance(value, Mapping):
        raise InvalidCashCount(f"not money: {value!r}")
    minor, currency = value.get("minor", value.get("amount_minor")), value.get("currency")
    if not isinstance(minor, int) or not isinstance(currency, str):
        raise InvalidCashCount(f"not money: {value!r}")
    return Money(minor, currency)


def count_record(count: BlindCount, till: str) -> dict[str, object]:
    """The journal's "session_count" record of a blind count (and what storage keeps)."""
    return {
        "type": "session_count",
        "at": count.at.isoformat(),
        "till": till,
        "session": count.session_id,
        "number": count.number,
        "operator": count.by_name,
        "operator_id": count.by,
        "cash": _money(count.cash.total()),
        "counts": [{"denomination_minor": d, "count": c} for d, c in count.cash.counts],
        "declared": [{"tender": k, "amount": _money(v)} for k, v in count.others],
        "terminal": None if count.terminal is None else _money(count.terminal),
    }


def count_from_record(record: Mapping[str, object]) -> BlindCount:
    """The blind count a "session_count" record holds (`count_record` read back)."""
    cash = _read_money(record["cash"])
    counts = record.get("counts")
    declared = record.get("declared")
    assert isinstance(counts, list) and isinstance(declared, list)
    at = record["at"]
    assert isinstance(at, str)
    terminal = record.get("terminal")
    return BlindCount(
        session_id=str(record["session"]),
        number=int(str(record["number"])),
        at=datetime.fromisoformat(at),
        by=str(record["operator_id"]),
        by_name=str(record["operator"]),
        cash=CashCount(
            cash.currency, tuple((int(c["denomination_minor"]), int(c["count"])) for c in counts)
        ),
        others=tuple((str(d["tender"]), _read_money(d["amount"])) for d in declared),
        terminal=None if terminal is None else _read_money(terminal),
    )


def variance_records(found: tuple[Variance, ...]) -> list[dict[str, object]]:
    return [
        {
            "tender": v.tender,
            "expected": _money(v.expected),
            "declared": _money(v.declared),
            "difference": _money(v.difference),
            "reason": v.reason,
        }
        for v in found
    ]
