"""Operators: login, role, PIN hash and lockout state.

Stores what `domain.operators` decides (failed attempts, lock); never hashes or checks PINs.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, insert, select, update
from sqlalchemy.orm import Session

from app.persistence.errors import NotFound
from app.persistence.tables import OperatorRow, table_of
from domain.operators import Operator, Role

_operators = table_of(OperatorRow)


def _values(operator: Operator) -> dict[str, Any]:
    return {
        "login": operator.login,
        "name": operator.name,
        "role": operator.role.value,
        "pin_hash": operator.pin_hash,
        "failed_attempts": operator.failed_attempts,
        "locked_until": operator.locked_until,
        "active": operator.active,
    }


def _operator(row: Row[Any]) -> Operator:
    return Operator(
        id=row.id,
        login=row.login,
        name=row.name,
        role=Role(row.role),
        pin_hash=row.pin_hash,
        failed_attempts=row.failed_attempts,
        locked_until=row.locked_until,
        active=row.active,
    )


class OperatorRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, operator: Operator) -> None:
        self._session.execute(insert(_operators).values(id=operator.id, **_values(operator)))

    def get(self, operator_id: str) -> Operator:
        row = self._session.execute(
            select(_operators).where(_operators.c.id == operator_id)
        ).first()
        if row is None:
            raise NotFound("operator", operator_id)
        return _operator(row)

    def by_login(self, login: str) -> Operator | None:
        row = self._session.execute(select(_operators).where(_operators.c.login == login)).first()
        return None if row is None else _operator(row)

    def list(self, include_inactive: bool = True) -> list[Operator]:
        query = select(_operators).order_by(_operators.c.name, _operators.c.login)
        if not include_inactive:
            query = query.where(_operators.c.active.is_(True))
        return [_operator(r) for r in self._session.execute(query)]

    def save(self, operator: Operator) -> None:
        """Store every field of an existing operator (failed attempts, lock, role...)."""
        result = self._session.execute(
            update(_operators).where(_operators.c.id == operator.id).values(**_values(operator))
        )
        if result.rowcount == 0:  # type: ignore[attr-defined]
            raise NotFound("operator", operator.id)
