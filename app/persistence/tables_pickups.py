"""Tables of orders placed elsewhere for pick-up at the till (`domain.pickups`), as the
catalog feed brings them. Registered on `tables.Base`.

``document`` is the order as the feed sent it (``sync.catalog.pickup_order``'s JSON, with the
state this till knows); ``pickup_tickets`` indexes its barcodes for a scan.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.persistence.tables import ID, NAME, Base
from app.persistence.types import UtcDateTime


class PickupOrderRow(Base):
    __tablename__ = "pickup_orders"

    number: Mapped[str] = mapped_column(String(40), primary_key=True)
    sale_id: Mapped[str] = mapped_column(ID)
    customer: Mapped[str] = mapped_column(NAME, index=True)
    state: Mapped[str] = mapped_column(String(12), index=True)
    placed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    document: Mapped[str] = mapped_column(Text)
    # A back-office option's contact and file numbers, upper case ("" else; added by 0022).
    contact_number: Mapped[str] = mapped_column(String(40), index=True, default="")
    file_number: Mapped[str] = mapped_column(String(40), index=True, default="")


class PickupTicketRow(Base):
    __tablename__ = "pickup_tickets"

    barcode: Mapped[str] = mapped_column(String(40), primary_key=True)
    number: Mapped[str] = mapped_column(
        ForeignKey("pickup_orders.number", ondelete="CASCADE"), index=True
    )
