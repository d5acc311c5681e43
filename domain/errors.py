"""The one error root, and the domain's error tree.

Every error Guichet raises on purpose descends from `GuichetError` (the domain's below, and
the devices', printing's, plan files', the database's and the use cases' in their packages),
and carries a stable ``error_code``: the UI's one error policy turns codes into translated
sentences; logs and support read the code. It is the class name in snake case unless the class
sets one.

GuichetError
└── DomainError
├── MoneyError
│   ├── CurrencyMismatch      two amounts in different currencies were combined
│   └── InvalidAmount         an amount that cannot be represented in minor units
├── VenueError
│   ├── DuplicateSeatId       a physical layout names the same seat twice
│   ├── UnknownSeat           a seat id that the layout does not have
│   ├── UnknownCategory       a category code that the layout does not define
│   ├── EmptyLayout           a layout without seats and without general-admission places
│   └── LayoutNotValidated    a logical layout over a physical layout not yet validated
├── ConfigurationError
│   ├── SeatHasContingent     invalidating a seat that has a contingent
│   ├── SeatInvalidated       acting on a seat that is invalidated
│   └── UnknownContingent     a contingent code the logical layout does not define
├── CatalogError
│   ├── NoPrice               the price grid has no price for a category and audience
│   └── UnknownDeliveryMode   a delivery mode the channel does not offer
├── OperatorError
│   ├── OperatorLocked        too many wrong PINs; locked until a time
│   └── WrongPin              the PIN does not match
└── TillError
    ├── InvalidCashCount      a negative count, or a denomination the currency does not have
    ├── FloatNotAllowed       a float counted on a channel whose tills take none
    ├── NotAllowedToOpen      an operator whose role may not open a till session
    ├── SessionAlreadyOpen    the till already has an open session
    ├── NoOpenSession         the till has no open session (no sale without one)
    ├── SessionBeingClosed    the session's count is in: no more sales or cash movements
    ├── NotAllowedToClose     only a supervisor closes a session
    ├── NotCounted            a supervisor close before the cashier's blind count
    ├── VarianceNeedsReason   a variance between expected and declared without a reason
    ├── StaleCount            the close names a count that is no longer the last one
    └── InvalidCashMovement   a cash in/out of nothing, or without a reason
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import ClassVar


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()


class GuichetError(Exception):
    """The root of every error Guichet raises on purpose; ``error_code`` is stable per class."""

    error_code: ClassVar[str] = "guichet_error"

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if "error_code" not in cls.__dict__:
            cls.error_code = _snake(cls.__name__.lstrip("_"))


class DomainError(GuichetError):
    """Base of every rule violation in the domain."""


class MoneyError(DomainError):
    pass


class CurrencyMismatch(MoneyError):
    def __init__(self, left: str, right: str) -> None:
        super().__init__(f"cannot combine {left} with {right}")
        self.left = left
        self.right = right


class InvalidAmount(MoneyError):
    pass


class VenueError(DomainError):
    pass


class DuplicateSeatId(VenueError):
    def __init__(self, seat_id: str) -> None:
        super().__init__(f"seat id {seat_id!r} is used more than once")
        self.seat_id = seat_id


class UnknownSeat(VenueError):
    def __init__(self, seat_ids: Iterable[str]) -> None:
        self.seat_ids = tuple(sorted(seat_ids))
        super().__init__(f"unknown seat(s): {', '.join(self.seat_ids[:10])}")


class UnknownCategory(VenueError):
    def __init__(self, code: str) -> None:
        super().__init__(f"unknown seat category {code!r}")
        self.code = code


class EmptyLayout(VenueError):
    pass


class LayoutNotValidated(VenueError):
    pass


class ConfigurationError(DomainError):
    pass


class SeatHasContingent(ConfigurationError):
    def __init__(self, seat_ids: Iterable[str]) -> None:
        self.seat_ids = tuple(sorted(seat_ids))
        super().__init__(
            "a seat that has a contingent cannot be invalidated: " + ", ".join(self.seat_ids[:10])
        )


class SeatInvalidated(ConfigurationError):
    def __init__(self, seat_ids: Iterable[str]) -> None:
        self.seat_ids = tuple(sorted(seat_ids))
        super().__init__("seat(s) invalidated: " + ", ".join(self.seat_ids[:10]))


class UnknownContingent(ConfigurationError):
    def __init__(self, code: str) -> None:
        super().__init__(f"unknown contingent {code!r}")
        self.code = code


class CatalogError(DomainError):
    pass


class NoPrice(CatalogError):
    def __init__(self, category: str, audience: str) -> None:
        super().__init__(f"no price for category {category!r} and audience {audience!r}")
        self.category = category
        self.audience = audience


class UnknownDeliveryMode(CatalogError):
    def __init__(self, code: str) -> None:
        super().__init__(f"delivery mode {code!r} is not offered")
        self.code = code


class OperatorError(DomainError):
    pass


class OperatorLocked(OperatorError):
    def __init__(self, until: datetime) -> None:
        super().__init__(f"operator locked until {until.isoformat()}")
        self.until = until


class WrongPin(OperatorError):
    def __init__(self, attempts_left: int) -> None:
        super().__init__(f"wrong PIN; {attempts_left} attempt(s) left")
        self.attempts_left = attempts_left


class TillError(DomainError):
    pass


class InvalidCashCount(TillError):
    pass


class FloatNotAllowed(TillError):
    def __init__(self, till: str) -> None:
        super().__init__(f"till {till!r} takes no cash float (its sales channel allows none)")
        self.till = till


class NotAllowedToOpen(TillError):
    def __init__(self, role: str) -> None:
        super().__init__(f"a {role} may not open a till session")
        self.role = role


class SessionAlreadyOpen(TillError):
    def __init__(self, till: str, session_id: str) -> None:
        super().__init__(f"till {till!r} already has an open session ({session_id})")
        self.till = till
        self.session_id = session_id


class NoOpenSession(TillError):
    def __init__(self, till: str) -> None:
        super().__init__(f"till {till!r} has no open session")
        self.till = till


class SessionBeingClosed(TillError):
    def __init__(self, till: str, session_id: str) -> None:
        super().__init__(
            f"till {till!r}: session {session_id} is being closed (its count is in); "
            "nothing more is sold or moved in it"
        )
        self.till = till
        self.session_id = session_id


class NotAllowedToClose(TillError):
    def __init__(self, role: str) -> None:
        super().__init__(f"a {role} may not close a till session")
        self.role = role


class NotCounted(TillError):
    def __init__(self, session_id: str) -> None:
        super().__init__(f"session {session_id} has no blind count yet: the cashier counts first")
        self.session_id = session_id


class VarianceNeedsReason(TillError):
    def __init__(self, tenders: tuple[str, ...]) -> None:
        super().__init__(f"a variance needs a reason: {', '.join(tenders)}")
        self.tenders = tenders


class StaleCount(TillError):
    def __init__(self, expected: int, found: int) -> None:
        super().__init__(f"count {expected} was reviewed but the last count is {found}")
        self.expected = expected
        self.found = found


class InvalidCashMovement(TillError):
    pass
