"""Tables of customers at the counter: contacts and the order each is attached to.
Registered on `tables.Base`.

An order's contact is a link outside the order's document and the journal: erasing a contact
(GDPR) empties its row's personal fields and leaves the link, the order and the journal as
they were.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.persistence.tables import ID, NAME, Base
from app.persistence.types import UtcDateTime


class ContactRow(Base):
    __tablename__ = "contacts"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(NAME)
    email: Mapped[str] = mapped_column(NAME, index=True)
    phone: Mapped[str] = mapped_column(String(40))
    company: Mapped[str] = mapped_column(NAME)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    erased_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class OrderContactRow(Base):
    __tablename__ = "order_contacts"

    order_id: Mapped[str] = mapped_column(
        ForeignKey("orders.id", ondelete="RESTRICT"), primary_key=True
    )
    contact_id: Mapped[str] = mapped_column(
        ForeignKey("contacts.id", ondelete="RESTRICT"), index=True
    )
