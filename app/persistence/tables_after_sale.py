"""Tables of what happens after the sale: corrections (refunds and cancellations) and reprints
as DUPLICATA. Registered on `tables.Base`.

A correction row is written *pending* before any card is refunded (its planned record in
``document``), and becomes *done* in the transaction that voids its tickets, puts their seats
back on sale and journals it, or *abandoned* when nothing was given back. A reprint row keeps
the barcode it voided, so a scan of it is refused (and said why) for ever.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.persistence.tables import CURRENCY, ID, Base
from app.persistence.types import UtcDateTime


class CorrectionRow(Base):
    __tablename__ = "corrections"
    __table_args__ = (
        CheckConstraint("state IN ('pending', 'done', 'abandoned')", name="state"),
        CheckConstraint("kind IN ('cancellation', 'refund')", name="kind"),
    )

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    till: Mapped[str] = mapped_column(String(40))
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16), index=True)
    tickets: Mapped[str] = mapped_column(Text)  # the original's ticket numbers, JSON
    total_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(CURRENCY)
    operator_id: Mapped[str] = mapped_column(ID)
    approved_by: Mapped[str | None] = mapped_column(ID)
    reason: Mapped[str] = mapped_column(Text)
    document: Mapped[str] = mapped_column(Text)  # the record (planned, then as journaled)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    detail: Mapped[str] = mapped_column(Text, default="")
    journal_seq: Mapped[int | None] = mapped_column(Integer)


class ReprintRow(Base):
    __tablename__ = "reprints"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    till: Mapped[str] = mapped_column(String(40))
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id", ondelete="RESTRICT"), index=True)
    ticket_number: Mapped[int] = mapped_column(Integer)
    old_barcode: Mapped[str] = mapped_column(String(40), unique=True)
    new_barcode: Mapped[str] = mapped_column(String(40))
    operator_id: Mapped[str] = mapped_column(ID)
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    journal_seq: Mapped[int | None] = mapped_column(Integer)
