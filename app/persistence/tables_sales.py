"""Tables of the counter sale: carts (which survive a crash), standing places held or sold,
orders with their tickets and tenders, gift cards, and the outbox of messages for the server.

An order is written once and never updated (its ``document`` is the order as paid); what
happens later (a refund, a reprint) is a new row elsewhere. Registered on `tables.Base`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.persistence.tables import CURRENCY, ID, Base
from app.persistence.types import UtcDateTime


class CartRow(Base):
    """A cart being sold at a till; ``lines`` is its lines as JSON."""

    __tablename__ = "carts"
    __table_args__ = (CheckConstraint("state IN ('open', 'paid', 'abandoned')", name="state"),)

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    till: Mapped[str] = mapped_column(String(40), index=True)
    state: Mapped[str] = mapped_column(String(16))
    currency: Mapped[str] = mapped_column(CURRENCY)
    lines: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    hold_expires_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class StandingHoldRow(Base):
    """Places of a general-admission zone held by a cart or sold to an order."""

    __tablename__ = "standing_holds"
    __table_args__ = (
        CheckConstraint("state IN ('held', 'sold')", name="state"),
        CheckConstraint("places > 0", name="places"),
        Index("ix_standing_holds_zone", "performance_id", "zone_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    performance_id: Mapped[str] = mapped_column(ForeignKey("performances.id", ondelete="CASCADE"))
    zone_id: Mapped[str] = mapped_column(String(64))
    owner: Mapped[str] = mapped_column(String(80), index=True)
    state: Mapped[str] = mapped_column(String(16))
    places: Mapped[int] = mapped_column(Integer)
    expires_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    lease_id: Mapped[str | None] = mapped_column(String(100))  # places from this lease


class OrderRow(Base):
    __tablename__ = "orders"
    __table_args__ = (UniqueConstraint("till", "device_seq"),)

    id: Mapped[str] = mapped_column(ID, primary_key=True)  # the sale's UUID
    till: Mapped[str] = mapped_column(String(40))
    device_seq: Mapped[int] = mapped_column(Integer)
    session_id: Mapped[str] = mapped_column(ID)
    operator_id: Mapped[str] = mapped_column(ID)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    total_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(CURRENCY)
    document: Mapped[str] = mapped_column(Text)  # the order as paid, JSON


class TicketRow(Base):
    __tablename__ = "tickets"
    __table_args__ = (
        UniqueConstraint("till", "number"),
        CheckConstraint("state IN ('valid', 'void')", name="state"),
    )

    barcode: Mapped[str] = mapped_column(String(40), primary_key=True)
    till: Mapped[str] = mapped_column(String(40))
    number: Mapped[int] = mapped_column(Integer)
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id", ondelete="RESTRICT"), index=True)
    performance_id: Mapped[str] = mapped_column(ForeignKey("performances.id", ondelete="RESTRICT"))
    seat_id: Mapped[str | None] = mapped_column(String(64))
    zone_id: Mapped[str | None] = mapped_column(String(64))
    category: Mapped[str] = mapped_column(String(64))
    audience: Mapped[str] = mapped_column(String(64))
    price_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(CURRENCY)
    state: Mapped[str] = mapped_column(String(16))
    # Why a void ticket is void ("refunded", "cancelled") and by which correction.
    void_reason: Mapped[str | None] = mapped_column(String(16))
    correction_id: Mapped[str | None] = mapped_column(ID)


class TenderRow(Base):
    __tablename__ = "tenders"

    order_id: Mapped[str] = mapped_column(
        ForeignKey("orders.id", ondelete="RESTRICT"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    method: Mapped[str] = mapped_column(String(16))
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(CURRENCY)
    reference: Mapped[str] = mapped_column(String(80))
    given_minor: Mapped[int | None] = mapped_column(Integer)


class GiftCardRow(Base):
    """A gift card (voucher): a balance the till spends as a tender, until ``valid_until``
    (`domain.gift_cards`; None: a card from before validity was recorded, added by 0021)."""

    __tablename__ = "gift_cards"
    __table_args__ = (CheckConstraint("balance_minor >= 0", name="balance"),)

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    balance_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(CURRENCY)
    valid_until: Mapped[datetime | None] = mapped_column(UtcDateTime)


class GiftCardPaymentRow(Base):
    """A card payment that put value on a gift card (its sale or top-up, written with it):
    an approved payment not here was never recorded (`GiftCardServices.recover_at_start`)."""

    __tablename__ = "gift_card_payments"

    payment_id: Mapped[str] = mapped_column(ID, primary_key=True)
    code: Mapped[str] = mapped_column(String(40))


class OutboxRow(Base):
    """A message for the central server, in the till's gap-free ``device_seq`` order; the
    sync issue's sender drains it. Never deleted before the server acknowledged it."""

    __tablename__ = "outbox"
    __table_args__ = (UniqueConstraint("message_id"),)

    till: Mapped[str] = mapped_column(String(40), primary_key=True)
    device_seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_id: Mapped[str] = mapped_column(ID)  # the sale's UUID
    kind: Mapped[str] = mapped_column(String(32))
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    acked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    journal_seq: Mapped[int | None] = mapped_column(Integer)  # the event's journal entry
