"""The till's link with the central server: one row, written at enrollment, then the sync's
progress (what the server acknowledged, the catalog cursor, the last contact and error).
Registered on `tables.Base`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.persistence.tables import Base
from app.persistence.types import UtcDateTime


class SyncLinkRow(Base):
    __tablename__ = "sync_link"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    server_url: Mapped[str] = mapped_column(String(400))
    device_id: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(100))
    token: Mapped[str] = mapped_column(String(200))
    ca_pem: Mapped[str] = mapped_column(Text)
    channel: Mapped[str] = mapped_column(String(40))
    enrolled_at: Mapped[datetime] = mapped_column(UtcDateTime)
    acked_through_seq: Mapped[int] = mapped_column(Integer, default=0)
    journal_verified_through: Mapped[int] = mapped_column(Integer, default=0)
    catalog_cursor: Mapped[int | None] = mapped_column(Integer)
    catalog_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_contact_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    server_time_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # its clock then
    last_error: Mapped[str] = mapped_column(Text, default="")
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class SyncEntityVersionRow(Base):
    """The version of each catalog entity the feed wrote on this till (``live`` False: a
    tombstone deleted it), so that an older copy never overwrites a newer one."""

    __tablename__ = "sync_entity_versions"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    live: Mapped[bool] = mapped_column(Boolean, default=True)


class SyncLeaseRow(Base):
    """This till's leases from the server, as the feed last gave them: ``seats`` and
    ``places`` are JSON lists."""

    __tablename__ = "sync_leases"

    lease_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    epoch: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16))
    performance_id: Mapped[str] = mapped_column(String(64), index=True)
    seats: Mapped[str] = mapped_column(Text)
    places: Mapped[str] = mapped_column(Text)
    sell_until: Mapped[datetime] = mapped_column(UtcDateTime)
