"""Options at the till and the cart holding each one's places. Must not decide an option's
transitions or what it holds: `domain.options` does."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.persistence.errors import NotFound
from app.persistence.tables import table_of
from app.persistence.tables_options import OptionRow
from domain.options import Option, OptionState

_options = table_of(OptionRow)


def _option(row: Any) -> Option:
    return Option(
        id=row.id,
        contact_id=row.contact_id,
        performance_id=row.performance_id,
        requested=json.loads(row.requested),
        placed=json.loads(row.placed),
        expires_at=row.expires_at,
        state=OptionState(row.state),
        file_number=row.file_number,
        order_id=row.order_id,
    )


def _values(option: Option) -> dict[str, Any]:
    return {
        "contact_id": option.contact_id,
        "performance_id": option.performance_id,
        "requested": json.dumps(dict(option.requested), sort_keys=True),
        "placed": json.dumps(dict(option.placed), sort_keys=True),
        "expires_at": option.expires_at,
        "state": option.state.value,
        "file_number": option.file_number,
        "order_id": option.order_id,
    }


class OptionRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, option: Option, cart_id: str, now: datetime) -> None:
        self._session.execute(
            insert(_options).values(
                id=option.id, cart_id=cart_id, created_at=now, **_values(option)
            )
        )

    def save(self, option: Option) -> None:
        self._session.execute(
            update(_options).where(_options.c.id == option.id).values(**_values(option))
        )

    def get(self, option_id: str) -> Option:
        row = self._session.execute(select(_options).where(_options.c.id == option_id)).first()
        if row is None:
            raise NotFound("option", option_id)
        return _option(row)

    def cart_of(self, option_id: str) -> str:
        found = self._session.execute(
            select(_options.c.cart_id).where(_options.c.id == option_id)
        ).scalar()
        if found is None:
            raise NotFound("option", option_id)
        return str(found)

    def of_cart(self, cart_id: str) -> Option | None:
        row = self._session.execute(select(_options).where(_options.c.cart_id == cart_id)).first()
        return None if row is None else _option(row)

    def all(self) -> list[Option]:
        rows = self._session.execute(
            select(_options).order_by(_options.c.created_at, _options.c.id)
        )
        return [_option(row) for row in rows]

    def in_states(self, states: frozenset[OptionState]) -> list[Option]:
        rows = self._session.execute(
            select(_options)
            .where(_options.c.state.in_([s.value for s in states]))
            .order_by(_options.c.expires_at, _options.c.id)
        )
        return [_option(row) for row in rows]
