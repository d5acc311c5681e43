"""The sale's rows: carts, standing places, orders with their tickets and tenders, gift cards,
and the outbox. Everything here runs inside the caller's unit of work: a sale writes its
order, tickets, tenders and outbox row, and sells its seats, in one transaction.

Must not decide what may be sold or what it costs: `domain.availability`, `domain.pricing` and
`domain.orders` do.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, insert, or_, select, update
from sqlalchemy.orm import Session

from app.persistence.errors import NotFound
from app.persistence.tables import table_of
from app.persistence.tables_sales import (
    CartRow,
    GiftCardPaymentRow,
    GiftCardRow,
    OrderRow,
    OutboxRow,
    StandingHoldRow,
    TenderRow,
    TicketRow,
)
from domain.gift_cards import GiftCard
from domain.money import Money
from domain.orders import Cart, CartLine, LineKind, Order

_carts = table_of(CartRow)
_standing = table_of(StandingHoldRow)
_orders = table_of(OrderRow)
_tickets = table_of(TicketRow)
_tenders = table_of(TenderRow)
_gift_cards = table_of(GiftCardRow)
_gift_card_payments = table_of(GiftCardPaymentRow)
_outbox = table_of(OutboxRow)


def _line_json(line: CartLine) -> dict[str, Any]:
    return {
        "id": line.id,
        "performance_id": line.performance_id,
        "kind": line.kind.value,
        "category": line.category,
        "audience": line.audience,
        "unit_price": line.unit_price.minor,
        "vat_rate_bp": line.vat_rate_bp,
        "label": line.label,
        "seat_id": line.seat_id,
        "seat_label": line.seat_label,
        "zone_id": line.zone_id,
        "quantity": line.quantity,
        "hold": line.hold,
        **(
            {"discount": line.discount.minor, "discount_by": line.discount_by}
            if line.discount is not None
            else {}
        ),
    }


def _line(data: dict[str, Any], currency: str) -> CartLine:
    return CartLine(
        id=data["id"],
        performance_id=data["performance_id"],
        kind=LineKind(data["kind"]),
        category=data["category"],
        audience=data["audience"],
        unit_price=Money(data["unit_price"], currency),
        vat_rate_bp=data["vat_rate_bp"],
        label=data["label"],
        seat_id=data["seat_id"],
        seat_label=data["seat_label"],
        zone_id=data["zone_id"],
        quantity=data["quantity"],
        hold=data.get("hold", ""),
        discount=None if data.get("discount") is None else Money(data["discount"], currency),
        discount_by=data.get("discount_by", ""),
    )


class CartRepository:
    """Carts survive a crash: every change is saved in the unit of work that made it."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def save(self, cart: Cart, now: datetime) -> None:
        values = {
            "till": cart.till,
            "currency": cart.currency,
            "lines": json.dumps([_line_json(line) for line in cart.lines]),
            "updated_at": now,
            "hold_expires_at": cart.hold_expires_at,
        }
        changed = self._session.execute(
            update(_carts).where(_carts.c.id == cart.id, _carts.c.state == "open").values(values)
        )
        if changed.rowcount == 0:  # type: ignore[attr-defined]
            if self._session.scalar(select(_carts.c.state).where(_carts.c.id == cart.id)):
                raise NotFound("open cart", cart.id)  # paid or abandoned: never changed again
            self._session.execute(
                insert(_carts).values(id=cart.id, state="open", created_at=now, **values)
            )

    def get(self, cart_id: str) -> Cart:
        row = self._session.execute(
            select(_carts).where(_carts.c.id == cart_id, _carts.c.state == "open")
        ).first()
        if row is None:
            raise NotFound("open cart", cart_id)
        return self._cart(row)

    def open_for(self, till: str) -> Cart | None:
        """The till's open cart (the last one touched), e.g. after a restart."""
        row = self._session.execute(
            select(_carts)
            .where(_carts.c.till == till, _carts.c.state == "open")
            .order_by(_carts.c.updated_at.desc())
        ).first()
        return None if row is None else self._cart(row)

    def close(self, cart_id: str, state: str, now: datetime) -> None:
        """``paid`` or ``abandoned``: the cart is never changed again."""
        self._session.execute(
            update(_carts)
            .where(_carts.c.id == cart_id, _carts.c.state == "open")
            .values(state=state, updated_at=now)
        )

    def lapsed(self, now: datetime) -> list[Cart]:
        """Open carts whose holds lapsed before ``now``."""
        rows = self._session.execute(
            select(_carts).where(
                _carts.c.state == "open",
                _carts.c.hold_expires_at.is_not(None),
                _carts.c.hold_expires_at <= now,
            )
        )
        return [self._cart(row) for row in rows]

    @staticmethod
    def _cart(row: Any) -> Cart:
        return Cart(
            id=row.id,
            till=row.till,
            currency=row.currency,
            lines=tuple(_line(data, row.currency) for data in json.loads(row.lines)),
            hold_expires_at=row.hold_expires_at,
        )


class StandingRepository:
    """Places of general-admission zones held by carts or sold; capacity is checked inside
    the caller's write transaction, so two carts never take the same last place."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def taken(self, performance_id: str, zone_id: str, now: datetime) -> int:
        """Places sold or held (holds not lapsed) in a zone."""
        return self._taken(now, _standing.c.performance_id == performance_id, zone_id)

    def _taken(self, now: datetime, scope: ColumnElement[bool], zone_id: str) -> int:
        found = self._session.scalar(
            select(func.coalesce(func.sum(_standing.c.places), 0)).where(
                scope,
                _standing.c.zone_id == zone_id,
                or_(
                    _standing.c.state == "sold",
                    _standing.c.expires_at.is_(None),
                    _standing.c.expires_at > now,
                ),
            )
        )
        return int(found or 0)

    def hold(
        self,
        performance_id: str,
        zone_id: str,
        owner: str,
        places: int,
        capacity: int,
        expires_at: datetime,
        now: datetime,
        lease_id: str | None = None,
    ) -> bool:
        """Hold ``places`` more for ``owner`` if the zone has them; False (nothing changed)
        when it does not. From a lease (``lease_id``), ``capacity`` is the lease's places in
        the zone and only what was held and sold from it counts."""
        scope = (
            _standing.c.performance_id == performance_id
            if lease_id is None
            else _standing.c.lease_id == lease_id
        )
        if self._taken(now, scope, zone_id) + places > capacity:
            return False
        self._session.execute(
            insert(_standing).values(
                performance_id=performance_id,
                zone_id=zone_id,
                owner=owner,
                state="held",
                places=places,
                expires_at=expires_at,
                lease_id=lease_id,
            )
        )
        return True

    def extend(self, owner: str, expires_at: datetime) -> None:
        self._session.execute(
            update(_standing)
            .where(_standing.c.owner == owner, _standing.c.state == "held")
            .values(expires_at=expires_at)
        )

    def release(self, owner: str, zone_id: str | None = None) -> int:
        query = _standing.delete().where(_standing.c.owner == owner, _standing.c.state == "held")
        if zone_id is not None:
            query = query.where(_standing.c.zone_id == zone_id)
        return int(self._session.execute(query).rowcount)  # type: ignore[attr-defined]

    def sell(self, owner: str, sale: str) -> int:
        result = self._session.execute(
            update(_standing)
            .where(_standing.c.owner == owner, _standing.c.state == "held")
            .values(state="sold", owner=sale, expires_at=None)
        )
        return int(result.rowcount)  # type: ignore[attr-defined]

    def unsell(self, sale: str, zone_id: str, places: int) -> bool:
        """Give back ``places`` of the places ``sale`` bought in a zone (a refund): they are on
        sale again. False (nothing changed) when the sale holds fewer there."""
        rows = self._session.execute(
            select(_standing.c.id, _standing.c.places)
            .where(
                _standing.c.owner == sale,
                _standing.c.zone_id == zone_id,
                _standing.c.state == "sold",
            )
            .order_by(_standing.c.id)
        ).all()
        if sum(row.places for row in rows) < places:
            return False
        left = places
        for row in rows:
            if left <= 0:
                break
            if row.places <= left:
                self._session.execute(_standing.delete().where(_standing.c.id == row.id))
                left -= row.places
            else:
                self._session.execute(
                    update(_standing)
                    .where(_standing.c.id == row.id)
                    .values(places=row.places - left)
                )
                left = 0
        return True


class SaleRepository:
    """Orders, written once: the order, its tickets and tenders, and its outbox message."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def next_device_seq(self, till: str) -> int:
        """The till's next gap-free sequence number (the write lock is held: no race)."""
        last = self._session.scalar(
            select(func.max(_outbox.c.device_seq)).where(_outbox.c.till == till)
        )
        return int(last or 0) + 1

    def add(self, order: Order, device_seq: int, document: dict[str, Any]) -> None:
        self._session.execute(
            insert(_orders).values(
                id=order.id,
                till=order.till,
                device_seq=device_seq,
                session_id=order.session_id,
                operator_id=order.operator_id,
                at=order.at,
                total_minor=order.total.minor,
                currency=order.total.currency,
                document=json.dumps(document, ensure_ascii=False, sort_keys=True),
            )
        )
        if order.tickets:
            self._session.execute(
                insert(_tickets),
                [
                    {
                        "barcode": t.barcode,
                        "till": order.till,
                        "number": t.number,
                        "order_id": order.id,
                        "performance_id": t.performance_id,
                        "seat_id": t.seat_id,
                        "zone_id": t.zone_id,
                        "category": t.category,
                        "audience": t.audience,
                        "price_minor": t.price.minor,
                        "currency": t.price.currency,
                        "state": "valid",
                    }
                    for t in order.tickets
                ],
            )
        self._session.execute(
            insert(_tenders),
            [
                {
                    "order_id": order.id,
                    "position": position,
                    "method": t.method.value,
                    "amount_minor": t.amount.minor,
                    "currency": t.amount.currency,
                    "reference": t.reference,
                    "given_minor": None if t.given is None else t.given.minor,
                }
                for position, t in enumerate(order.tenders)
            ],
        )

    def add_outbox(
        self,
        till: str,
        device_seq: int,
        message_id: str,
        kind: str,
        payload: dict[str, Any],
        now: datetime,
        journal_seq: int | None = None,
    ) -> None:
        self._session.execute(
            insert(_outbox).values(
                journal_seq=journal_seq,
                till=till,
                device_seq=device_seq,
                message_id=message_id,
                kind=kind,
                payload=json.dumps(payload, ensure_ascii=False, sort_keys=True),
                created_at=now,
            )
        )

    def document(self, order_id: str) -> dict[str, Any]:
        text = self._session.scalar(select(_orders.c.document).where(_orders.c.id == order_id))
        if text is None:
            raise NotFound("order", order_id)
        found: dict[str, Any] = json.loads(text)
        return found

    def order_count(self, till: str) -> int:
        return int(self._session.scalar(select(func.count()).where(_orders.c.till == till)) or 0)

    def barcode_taken(self, barcode: str) -> bool:
        """A barcode a ticket has, or had before a reprint voided it: never issued again."""
        from app.persistence.tables_after_sale import ReprintRow

        voided = table_of(ReprintRow)
        return (
            self._session.scalar(select(_tickets.c.barcode).where(_tickets.c.barcode == barcode))
            is not None
            or self._session.scalar(
                select(voided.c.old_barcode).where(voided.c.old_barcode == barcode)
            )
            is not None
        )

    def journal_seq_of(self, message_id: str) -> int | None:
        """The journal entry of an outbox event (a sale's, by its UUID)."""
        seq = self._session.scalar(
            select(_outbox.c.journal_seq).where(_outbox.c.message_id == message_id)
        )
        return None if seq is None else int(seq)

    def outbox(self, till: str) -> list[tuple[int, str, str]]:
        """(device_seq, message_id, kind) of the till's messages, in order."""
        rows = self._session.execute(
            select(_outbox.c.device_seq, _outbox.c.message_id, _outbox.c.kind)
            .where(_outbox.c.till == till)
            .order_by(_outbox.c.device_seq)
        )
        return [(seq, message, kind) for seq, message, kind in rows]


class GiftCardRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, code: str, balance: Money, valid_until: datetime | None = None) -> None:
        self._session.execute(
            insert(_gift_cards).values(
                code=code,
                balance_minor=balance.minor,
                currency=balance.currency,
                valid_until=valid_until,
            )
        )

    def get(self, code: str) -> GiftCard | None:
        row = self._session.execute(
            select(
                _gift_cards.c.balance_minor, _gift_cards.c.currency, _gift_cards.c.valid_until
            ).where(_gift_cards.c.code == code)
        ).first()
        return None if row is None else GiftCard(code, Money(row[0], row[1]), row[2])

    def balance(self, code: str) -> Money | None:
        card = self.get(code)
        return None if card is None else card.balance

    def paid_with(self, payment_id: str) -> bool:
        """Did this card payment put value on a gift card already?"""
        found = self._session.scalar(
            select(_gift_card_payments.c.code).where(
                _gift_card_payments.c.payment_id == payment_id
            )
        )
        return found is not None

    def add_payment(self, payment_id: str, code: str) -> None:
        self._session.execute(insert(_gift_card_payments).values(payment_id=payment_id, code=code))

    def renew(self, code: str, valid_until: datetime) -> None:
        """The card may be spent until ``valid_until`` (a top-up's new year), never less."""
        self._session.execute(
            update(_gift_cards)
            .where(
                _gift_cards.c.code == code,
                or_(_gift_cards.c.valid_until.is_(None), _gift_cards.c.valid_until < valid_until),
            )
            .values(valid_until=valid_until)
        )

    def credit(self, code: str, amount: Money) -> bool:
        """Put ``amount`` back on the card (a refund of what it paid); False for a card that
        is not there (or in another currency)."""
        result = self._session.execute(
            update(_gift_cards)
            .where(_gift_cards.c.code == code, _gift_cards.c.currency == amount.currency)
            .values(balance_minor=_gift_cards.c.balance_minor + amount.minor)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    def spend(self, code: str, amount: Money, now: datetime) -> bool:
        """Take ``amount`` off the card if its balance covers it and it is still valid at
        ``now`` (one conditional update)."""
        result = self._session.execute(
            update(_gift_cards)
            .where(
                _gift_cards.c.code == code,
                _gift_cards.c.currency == amount.currency,
                _gift_cards.c.balance_minor >= amount.minor,
                or_(_gift_cards.c.valid_until.is_(None), _gift_cards.c.valid_until > now),
            )
            .values(balance_minor=_gift_cards.c.balance_minor - amount.minor)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]
