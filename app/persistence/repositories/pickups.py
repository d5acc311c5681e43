"""Orders placed elsewhere for pick-up, as the feed brings them and this till collects them.
Must not decide whether an order may be collected: `domain.pickups` does."""

from __future__ import annotations

import json

from sqlalchemy import delete, insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.persistence.errors import NotFound
from app.persistence.tables import table_of
from app.persistence.tables_pickups import PickupOrderRow, PickupTicketRow
from domain.pickups import PickupOrder, PickupState
from sync import catalog as codec

_orders = table_of(PickupOrderRow)
_tickets = table_of(PickupTicketRow)


def _order(document: str) -> PickupOrder:
    return codec.pickup_order_of(json.loads(document))


def _key(text: str) -> str:
    """What a number is matched by: spaces gone, upper case."""
    return "".join(text.split()).upper()


class PickupRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def put(self, order: PickupOrder) -> None:
        """Store the order as it is now (a new one, or its new state)."""
        values = {
            "sale_id": order.sale_id,
            "customer": order.customer,
            "state": order.state.value,
            "placed_at": order.placed_at,
            "document": json.dumps(codec.pickup_order(order), ensure_ascii=False),
            "contact_number": _key(order.contact_number),
            "file_number": _key(order.file_number),
        }
        statement = sqlite_insert(_orders).values(number=order.number, **values)
        self._session.execute(
            statement.on_conflict_do_update(
                index_elements=["number"], set_={k: statement.excluded[k] for k in values}
            )
        )
        self._session.execute(delete(_tickets).where(_tickets.c.number == order.number))
        if order.tickets:
            self._session.execute(
                insert(_tickets),
                [{"barcode": t.barcode, "number": order.number} for t in order.tickets],
            )

    def get(self, number: str) -> PickupOrder | None:
        document = self._session.scalar(
            select(_orders.c.document).where(_orders.c.number == number)
        )
        return None if document is None else _order(document)

    def require(self, number: str) -> PickupOrder:
        found = self.get(number)
        if found is None:
            raise NotFound("order for pick-up", number)
        return found

    def find(self, text: str) -> list[PickupOrder]:
        """By order number, a ticket's barcode, a back-office option's contact or file number
        (exact, case and spaces ignored), else by the customer's name (its start, case
        ignored): newest first, at most 20."""
        wanted = _key(text)
        if not wanted:
            return []
        by_barcode = select(_tickets.c.number).where(_tickets.c.barcode == wanted)
        rows = self._session.scalars(
            select(_orders.c.document).where(
                (_orders.c.number == wanted)
                | _orders.c.number.in_(by_barcode)
                | (_orders.c.contact_number == wanted)
                | (_orders.c.file_number == wanted)
            )
        ).all()
        if not rows:
            name = " ".join(text.split())
            rows = self._session.scalars(
                select(_orders.c.document)
                .where(_orders.c.customer.ilike(f"{name}%"))
                .order_by(_orders.c.placed_at.desc())
                .limit(20)
            ).all()
        return [_order(d) for d in rows]

    def waiting(self) -> list[PickupOrder]:
        rows = self._session.scalars(
            select(_orders.c.document)
            .where(_orders.c.state == PickupState.WAITING.value)
            .order_by(_orders.c.placed_at)
        )
        return [_order(d) for d in rows]
