"""Operators logging in and out: PIN check with a slow salted hash, lockout after wrong PINs.

The lockout rule is the domain's (domain/operators.py); this module hashes, stores and decides
in one transaction per attempt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import argon2

from app.services import journal
from app.services.changes import Changes
from app.services.ports import Clock, PinHasher, UnitOfWork, UnitOfWorkFactory
from domain.errors import OperatorError, WrongPin
from domain.operators import Operator, Role, may_unlock


class Argon2PinHasher:
    """Argon2id, salted per PIN. Short PINs need a slow hash; the lockout does the rest."""

    def __init__(self, time_cost: int = 3, memory_cost: int = 64 * 1024) -> None:
        self._hasher = argon2.PasswordHasher(time_cost=time_cost, memory_cost=memory_cost)

    def hash(self, pin: str) -> str:
        return self._hasher.hash(pin)

    def verify(self, pin_hash: str, pin: str) -> bool:
        try:
            return self._hasher.verify(pin_hash, pin)
        except argon2.exceptions.VerificationError:
            return False
        except argon2.exceptions.InvalidHashError:
            return False


@dataclass(frozen=True, slots=True)
class OperatorCard:
    """What the login screen shows of an operator: never the hash."""

    id: str
    name: str
    role: Role
    locked_until: datetime | None


class UnknownOperator(OperatorError):
    pass


def _card(operator: Operator) -> OperatorCard:
    return OperatorCard(operator.id, operator.name, operator.role, operator.locked_until)


def _get(uow: UnitOfWork, operator_id: str) -> Operator:
    try:
        operator: Operator = uow.operators.get(operator_id)
    except LookupError:
        raise UnknownOperator(operator_id) from None
    return operator


def list_operators(uow_factory: UnitOfWorkFactory) -> list[OperatorCard]:
    with uow_factory(read_only=True) as uow:
        return [_card(o) for o in uow.operators.list() if o.active]


def log_in(
    uow_factory: UnitOfWorkFactory,
    hasher: PinHasher,
    clock: Clock,
    operator_id: str,
    pin: str,
    till: str,
) -> Operator:
    """The operator when the PIN is right (journaled as a "login" of ``till`` in the same
    transaction); WrongPin or OperatorLocked otherwise.

    A wrong PIN is recorded even though the login fails: the count must survive a restart.
    """
    return check_pin(
        uow_factory,
        hasher,
        clock,
        operator_id,
        pin,
        lambda uow, operator, now: journal.record(
            uow, till, _operator_event("login", operator, now)
        ),
    )


def check_pin(
    uow_factory: UnitOfWorkFactory,
    hasher: PinHasher,
    clock: Clock,
    operator_id: str,
    pin: str,
    on_success: Callable[[UnitOfWork, Operator, datetime], object] | None = None,
) -> Operator:
    """The operator when the PIN is right (``on_success`` runs in the same transaction: the
    login's journal entry); WrongPin or OperatorLocked otherwise, the attempt counted, as
    at the login (a supervisor's approval counts the same way)."""
    now = clock.now()
    with uow_factory() as uow:
        operator = _get(uow, operator_id)
        if not operator.active:
            raise UnknownOperator(operator_id)
        operator.check_not_locked(now)
        if _verifies(hasher, operator.pin_hash, pin):
            operator = operator.after_success()
            uow.operators.save(operator)
            if on_success is not None:
                on_success(uow, operator, now)
            uow.commit()
            return operator
        operator = operator.after_failure(now)
        uow.operators.save(operator)
        uow.commit()
    operator.check_not_locked(now)
    raise WrongPin(operator.attempts_left)


def log_out(uow_factory: UnitOfWorkFactory, clock: Clock, operator: Operator, till: str) -> None:
    """The operator leaves the till (logs out or locks it): journaled as a "logout"."""
    with uow_factory() as uow:
        journal.record(uow, till, _operator_event("logout", operator, clock.now()))
        uow.commit()


def _operator_event(kind: str, operator: Operator, now: datetime) -> dict[str, object]:
    """The journal's record of a login or logout: the operator by login and name, not by id."""
    return {
        "type": kind,
        "at": now.isoformat(),
        "operator": {"login": operator.login, "name": operator.name, "role": operator.role.value},
    }


def _verifies(hasher: PinHasher, pin_hash: str, pin: str) -> bool:
    """Whether ``pin`` is the operator's. Text that is not valid Unicode (a lone surrogate) is
    no one's PIN: it is a wrong PIN and counts as one, where the hasher's encoding error used
    to escape before the attempt was recorded."""
    try:
        pin.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return hasher.verify(pin_hash, pin)


def unlock_operator(uow_factory: UnitOfWorkFactory, by: Operator, operator_id: str) -> Changes:
    """A supervisor lifts a PIN lock: one who still is, by the stored record, not by the
    session's copy (the role may have changed or the supervisor left since logging in)."""
    with uow_factory() as uow:
        if not may_unlock(_get(uow, by.id)):
            raise OperatorError("only a supervisor can unlock an operator")
        uow.operators.save(_get(uow, operator_id).unlocked())
        uow.commit()
    return Changes(operators=True)
