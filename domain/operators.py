"""Operators, their roles and what each role may open; the PIN lockout rule.

Hashing the PIN is not done here (it is I/O-free but slow and library-bound): the services
layer hashes and verifies, then asks this module what the attempt means.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from domain.errors import OperatorLocked

MAX_PIN_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=1)


class Role(enum.Enum):
    CASHIER = "cashier"
    SUPERVISOR = "supervisor"
    TECHNICIAN = "technician"


class Screen(enum.Enum):
    """The screens of the client, offered according to the operator's role."""

    PERFORMANCES = "performances"
    OPERATORS = "operators"
    PLANS = "plans"
    PRINTERS = "printers"
    DEVICES = "devices"
    TILL_SESSION = "till_session"
    SERVER = "server"  # the link with the central server
    ORDERS = "orders"  # F2: find an order, refund, reprint as DUPLICATA


SCREENS_BY_ROLE: dict[Role, tuple[Screen, ...]] = {
    # Cashiers move cash in and out and count their drawer blind at the close: F10.
    Role.CASHIER: (Screen.PERFORMANCES, Screen.TILL_SESSION, Screen.ORDERS),
    # Supervisors settle card payments whose outcome stayed unknown: the devices screen.
    # Supervisors open the till (DOMAIN.md): the till session screen, F10.
    Role.SUPERVISOR: (
        Screen.PERFORMANCES,
        Screen.TILL_SESSION,
        Screen.ORDERS,
        Screen.OPERATORS,
        Screen.DEVICES,
    ),
    Role.TECHNICIAN: (
        Screen.DEVICES,
        Screen.PRINTERS,
        Screen.SERVER,
        Screen.PLANS,
        Screen.PERFORMANCES,
    ),
}


def screens_for(role: Role) -> tuple[Screen, ...]:
    return SCREENS_BY_ROLE[role]


def may_unlock(by: Operator) -> bool:
    """Who may lift another operator's PIN lock: an active supervisor, nobody else."""
    return by.active and by.role is Role.SUPERVISOR


@dataclass(frozen=True, slots=True)
class Operator:
    id: str
    login: str
    name: str
    role: Role
    pin_hash: str
    failed_attempts: int = 0
    locked_until: datetime | None = None
    active: bool = True

    def is_locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def check_not_locked(self, now: datetime) -> None:
        if self.locked_until is not None and now < self.locked_until:
            raise OperatorLocked(self.locked_until)

    def after_failure(self, now: datetime) -> Operator:
        """The operator after a wrong PIN: the fifth in a row locks for a minute."""
        attempts = self.failed_attempts + 1
        if attempts >= MAX_PIN_ATTEMPTS:
            return replace(self, failed_attempts=0, locked_until=now + LOCKOUT)
        return replace(self, failed_attempts=attempts)

    def after_success(self) -> Operator:
        return replace(self, failed_attempts=0, locked_until=None)

    def unlocked(self) -> Operator:
        """A supervisor lifts the lock."""
        return replace(self, failed_attempts=0, locked_until=None)

    @property
    def attempts_left(self) -> int:
        return MAX_PIN_ATTEMPTS - self.failed_attempts
