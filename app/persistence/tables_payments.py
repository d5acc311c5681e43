"""Tables of the card payments and of every result a payment terminal sent.

``card_payments`` holds one row per transaction the till asked for (payment, refund,
reversal) and its state: pending → sent → approved / declined / unknown. ``terminal_results``
is append-only: each status-information of a terminal, stored (raw bytes in hex and the fields
read from them) before the terminal gets its acknowledgement; a result whose code could not be
read is stored too, with a NULL code. Registered on `tables.Base`; no
rule of the box office here.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.persistence.tables import CURRENCY, ID, Base
from app.persistence.types import UtcDateTime

PAYMENT_STATES = ("pending", "sent", "approved", "declined", "unknown")
PAYMENT_KINDS = ("payment", "refund", "reversal")


class CardPaymentRow(Base):
    __tablename__ = "card_payments"
    __table_args__ = (
        CheckConstraint(
            "state IN ('pending', 'sent', 'approved', 'declined', 'unknown')", name="state"
        ),
        CheckConstraint("kind IN ('payment', 'refund', 'reversal')", name="kind"),
        CheckConstraint("amount_minor > 0", name="positive_amount"),
    )

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    terminal: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    amount_minor: Mapped[int] = mapped_column(Integer)
    amount_currency: Mapped[str] = mapped_column(CURRENCY)
    reference: Mapped[str | None] = mapped_column(String(200))
    original_receipt_no: Mapped[int | None] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    accepted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # the terminal took it on
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    message: Mapped[str] = mapped_column(Text, default="")
    result_code: Mapped[int | None] = mapped_column(Integer)
    trace: Mapped[int | None] = mapped_column(Integer)
    receipt_no: Mapped[int | None] = mapped_column(Integer)
    terminal_id: Mapped[str | None] = mapped_column(String(16))
    card_name: Mapped[str | None] = mapped_column(String(64))
    receipt_text: Mapped[str | None] = mapped_column(Text)  # the customer's copy
    merchant_receipt_text: Mapped[str | None] = mapped_column(Text)
    reconciled: Mapped[bool] = mapped_column(Boolean, default=False)
    closed_by: Mapped[str | None] = mapped_column(ID)  # the supervisor who closed it
    supervisor_reference: Mapped[str | None] = mapped_column(String(64))


class TerminalResultRow(Base):
    __tablename__ = "terminal_results"
    __table_args__ = (Index("ix_terminal_results_trace", "terminal_id", "trace"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    payment_id: Mapped[str | None] = mapped_column(
        ForeignKey("card_payments.id", ondelete="RESTRICT"), index=True
    )
    terminal: Mapped[str] = mapped_column(String(64))
    command: Mapped[str] = mapped_column(String(32))
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    raw_hex: Mapped[str] = mapped_column(Text)
    result_code: Mapped[int | None] = mapped_column(Integer)  # NULL: could not be read
    result_text: Mapped[str] = mapped_column(String(200))
    amount_minor: Mapped[int | None] = mapped_column(Integer)
    amount_currency: Mapped[str | None] = mapped_column(CURRENCY)
    trace: Mapped[int | None] = mapped_column(Integer)
    receipt_no: Mapped[int | None] = mapped_column(Integer)
    terminal_id: Mapped[str | None] = mapped_column(String(16))
    terminal_time: Mapped[str | None] = mapped_column(String(16))
