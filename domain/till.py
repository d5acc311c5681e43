"""Till sessions: the cash float counted by denomination, and who may open a session when.

A till sells only inside an open session; a till has at most one open session at a time (the
database enforces it too). A session opens with a float counted coin by coin and note by note,
whose total is the cash the drawer starts with. Closing (blind count, variance, Z) is not here
yet. No I/O and no clock: the caller passes the moment and the session id.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from domain.errors import (
    FloatNotAllowed,
    InvalidCashCount,
    NotAllowedToOpen,
    SessionAlreadyOpen,
)
from domain.money import Money
from domain.operators import Operator, Role

# Denominations in minor units, smallest first: the euro's eight coins and seven notes.
EUR_COINS: tuple[int, ...] = (1, 2, 5, 10, 20, 50, 100, 200)
EUR_NOTES: tuple[int, ...] = (500, 1000, 2000, 5000, 10000, 20000, 50000)
DENOMINATIONS: dict[str, tuple[int, ...]] = {"EUR": EUR_COINS + EUR_NOTES}

# Who opens a till (DOMAIN.md, "Who uses the till": the supervisor opens and closes tills).
ROLES_THAT_OPEN: frozenset[Role] = frozenset({Role.SUPERVISOR})


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
    if current is not None and current.is_open and current.till == till:
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
