"""Advantages, their single-use codes and the codes applied to carts.

Must not decide whether a code may be used or what it takes off: `domain.advantages` does. A
code's state is read from the cart that took it: used once that cart is paid, held while it is
open (refused to any other cart), free again when it was abandoned.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, exists, func, insert, select, update
from sqlalchemy.orm import Session

from app.persistence.errors import NotFound
from app.persistence.tables import table_of
from app.persistence.tables_advantages import AdvantageCodeRow, AdvantageRow, CartAdvantageRow
from app.persistence.tables_sales import CartRow
from domain.advantages import Advantage, CodeState, SingleUseCode, Target
from domain.money import Money

_advantages = table_of(AdvantageRow)
_codes = table_of(AdvantageCodeRow)
_applied = table_of(CartAdvantageRow)
_carts = table_of(CartRow)
# Is the code still applied to the cart that took it (a code dropped from a changed cart is not)
_still_applied = (
    exists()
    .where(_applied.c.cart_id == _codes.c.cart_id, _applied.c.code == _codes.c.code)
    .label("applied")
)


def _advantage(row: Any) -> Advantage:
    return Advantage(
        id=row.id,
        name=row.name,
        target=Target(row.target),
        currency=row.currency,
        percent_bp=row.percent_bp,
        amount_off=None
        if row.amount_off_minor is None
        else Money(row.amount_off_minor, row.currency),
        access_code=row.access_code or "",
        channels=frozenset(json.loads(row.channels)),
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        quota=row.quota,
        minimum=None if row.minimum_minor is None else Money(row.minimum_minor, row.currency),
        performances=frozenset(json.loads(row.performances)),
        contacts=frozenset(json.loads(row.contacts)),
    )


class AdvantageRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, advantage: Advantage) -> None:
        self._session.execute(
            insert(_advantages).values(
                id=advantage.id,
                name=advantage.name,
                target=advantage.target.value,
                currency=advantage.currency,
                percent_bp=advantage.percent_bp,
                amount_off_minor=None
                if advantage.amount_off is None
                else advantage.amount_off.minor,
                access_code=advantage.access_code or None,
                channels=json.dumps(sorted(advantage.channels)),
                starts_at=advantage.starts_at,
                ends_at=advantage.ends_at,
                quota=advantage.quota,
                minimum_minor=None if advantage.minimum is None else advantage.minimum.minor,
                performances=json.dumps(sorted(advantage.performances)),
                contacts=json.dumps(sorted(advantage.contacts)),
            )
        )

    def get(self, advantage_id: str) -> Advantage:
        row = self._session.execute(
            select(_advantages).where(_advantages.c.id == advantage_id)
        ).first()
        if row is None:
            raise NotFound("advantage", advantage_id)
        return _advantage(row)

    def by_access_code(self, code: str) -> Advantage | None:
        row = self._session.execute(
            select(_advantages).where(_advantages.c.access_code == code)
        ).first()
        return None if row is None else _advantage(row)

    def list_all(self) -> list[Advantage]:
        rows = self._session.execute(select(_advantages).order_by(_advantages.c.name))
        return [_advantage(row) for row in rows]

    def uses(self, advantage_id: str) -> int:
        """Paid sales that used the advantage (its quota counts these)."""
        found = self._session.scalar(
            select(func.count())
            .select_from(_applied.join(_carts, _carts.c.id == _applied.c.cart_id))
            .where(_applied.c.advantage_id == advantage_id, _carts.c.state == "paid")
        )
        return int(found or 0)

    # --- single-use codes ------------------------------------------------------------------

    def add_codes(self, advantage_id: str, batch: str, codes: Sequence[str], now: datetime) -> None:
        if codes:
            self._session.execute(
                insert(_codes),
                [
                    {
                        "code": code,
                        "advantage_id": advantage_id,
                        "batch": batch,
                        "generated_at": now,
                        "claimed_on_server": 0,
                    }
                    for code in codes
                ],
            )

    def code_exists(self, code: str) -> bool:
        found = self._session.scalar(select(_codes.c.code).where(_codes.c.code == code))
        return found is not None or self.by_access_code(code) is not None

    def code(self, code: str) -> SingleUseCode | None:
        row = self._session.execute(
            select(_codes, _carts.c.state.label("cart_state"), _still_applied)
            .select_from(_codes.outerjoin(_carts, _carts.c.id == _codes.c.cart_id))
            .where(_codes.c.code == code)
        ).first()
        return None if row is None else _code(row)

    def codes_of(self, advantage_id: str) -> list[SingleUseCode]:
        rows = self._session.execute(
            select(_codes, _carts.c.state.label("cart_state"), _still_applied)
            .select_from(_codes.outerjoin(_carts, _carts.c.id == _codes.c.cart_id))
            .where(_codes.c.advantage_id == advantage_id)
            .order_by(_codes.c.code)
        )
        return [_code(row) for row in rows]

    def take_code(self, code: str, cart_id: str | None, claimed_on_server: bool) -> None:
        """The cart holding the code (``None``: free again)."""
        self._session.execute(
            update(_codes)
            .where(_codes.c.code == code)
            .values(cart_id=cart_id, claimed_on_server=int(claimed_on_server))
        )

    def invalidate(self, code: str, now: datetime) -> None:
        self._session.execute(
            update(_codes).where(_codes.c.code == code).values(invalidated_at=now)
        )

    # --- the codes applied to a cart -------------------------------------------------------

    def applied(self, cart_id: str) -> list[tuple[str, str]]:
        """``(advantage id, code)`` in the order they were applied."""
        rows = self._session.execute(
            select(_applied.c.advantage_id, _applied.c.code)
            .where(_applied.c.cart_id == cart_id)
            .order_by(_applied.c.position)
        )
        return [(row.advantage_id, row.code) for row in rows]

    def apply(self, cart_id: str, advantage_id: str, code: str) -> None:
        position = self._session.scalar(
            select(func.count()).select_from(_applied).where(_applied.c.cart_id == cart_id)
        )
        self._session.execute(
            insert(_applied).values(
                cart_id=cart_id, advantage_id=advantage_id, code=code, position=position or 0
            )
        )

    def unapply(self, cart_id: str, advantage_id: str) -> None:
        self._session.execute(
            delete(_applied).where(
                _applied.c.cart_id == cart_id, _applied.c.advantage_id == advantage_id
            )
        )

    def claimed_by_closed_carts(self) -> list[SingleUseCode]:
        """Codes claimed on the server by carts abandoned since, or dropped from their cart:
        to give back there (``cart_id``: the cart that claimed it)."""
        rows = self._session.execute(
            select(_codes, _carts.c.state.label("cart_state"), _still_applied)
            .select_from(_codes.join(_carts, _carts.c.id == _codes.c.cart_id))
            .where(_codes.c.claimed_on_server == 1)
        )
        return [
            SingleUseCode(row.code, row.advantage_id, CodeState.AVAILABLE, row.cart_id, True)
            for row in rows
            if row.cart_state == "abandoned" or not row.applied
        ]


def _code(row: Any) -> SingleUseCode:
    if row.invalidated_at is not None:
        state = CodeState.INVALIDATED
    elif row.cart_state in ("paid", "open") and row.applied:
        state = CodeState.USED  # held by an open cart: refused to any other
    else:
        state = CodeState.AVAILABLE  # its cart was abandoned, or dropped it
    cart = row.cart_id if state is CodeState.USED else None
    return SingleUseCode(row.code, row.advantage_id, state, cart, bool(row.claimed_on_server))
