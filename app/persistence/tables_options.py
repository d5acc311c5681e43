"""Tables of options at the till (seed 001). Registered on `tables.Base`.

An option's places are held by its own cart (``cart_id``): the sale's holds, until the
option's expiry, so the inventory never sees an option, only a cart. The quantities are
JSON objects ``{category: count}``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.persistence.tables import ID, Base
from app.persistence.types import UtcDateTime


class OptionRow(Base):
    __tablename__ = "options"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    contact_id: Mapped[str] = mapped_column(
        ForeignKey("contacts.id", ondelete="RESTRICT"), index=True
    )
    performance_id: Mapped[str] = mapped_column(ID)
    requested: Mapped[str] = mapped_column(Text)
    placed: Mapped[str] = mapped_column(Text)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    state: Mapped[str] = mapped_column(String(20), index=True)
    file_number: Mapped[str] = mapped_column(String(40), index=True)
    order_id: Mapped[str] = mapped_column(ID)
    cart_id: Mapped[str] = mapped_column(ID)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
