"""Tables of advantages and promo codes (seed 004): the advantages, their single-use codes,
and the codes applied to a cart. Registered on `tables.Base`.

A single-use code row names the cart that took it (``cart_id``): the code is *used* once that
cart is paid, *held* while it is open, and free again if it was abandoned; a code row is never
deleted (the dashboard counts generated / available / used / invalidated).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.persistence.tables import CODE, CURRENCY, ID, NAME, Base
from app.persistence.types import UtcDateTime


class AdvantageRow(Base):
    __tablename__ = "advantages"
    __table_args__ = (
        CheckConstraint(
            "target IN ('public', 'contacts', 'partner', 'single_use', 'promo')", name="target"
        ),
    )

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(NAME)
    target: Mapped[str] = mapped_column(String(16))
    currency: Mapped[str] = mapped_column(CURRENCY)
    percent_bp: Mapped[int] = mapped_column(Integer)
    amount_off_minor: Mapped[int | None] = mapped_column(Integer)
    access_code: Mapped[str | None] = mapped_column(CODE, unique=True)
    channels: Mapped[str] = mapped_column(Text)  # JSON list
    starts_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    ends_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    quota: Mapped[int | None] = mapped_column(Integer)
    minimum_minor: Mapped[int | None] = mapped_column(Integer)
    performances: Mapped[str] = mapped_column(Text)  # JSON list
    contacts: Mapped[str] = mapped_column(Text)  # JSON list


class AdvantageCodeRow(Base):
    __tablename__ = "advantage_codes"

    code: Mapped[str] = mapped_column(CODE, primary_key=True)
    advantage_id: Mapped[str] = mapped_column(
        ForeignKey("advantages.id", ondelete="RESTRICT"), index=True
    )
    batch: Mapped[str] = mapped_column(ID, index=True)
    generated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    cart_id: Mapped[str | None] = mapped_column(ID)
    claimed_on_server: Mapped[int] = mapped_column(Integer, default=0)
    invalidated_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class CartAdvantageRow(Base):
    __tablename__ = "cart_advantages"

    cart_id: Mapped[str] = mapped_column(
        ForeignKey("carts.id", ondelete="CASCADE"), primary_key=True
    )
    advantage_id: Mapped[str] = mapped_column(
        ForeignKey("advantages.id", ondelete="RESTRICT"), primary_key=True
    )
    code: Mapped[str] = mapped_column(CODE)  # as applied: the shared or single-use code
    position: Mapped[int] = mapped_column(Integer)
