"""Tables of the print jobs: every ticket, receipt, report or test page sent to a printer,
with its state. Registered on `tables.Base`.

A job row is written (queued) before any byte leaves, and its document is kept as JSON so a
failed or unknown job can be printed again (a ticket as DUPLICATA) after a person decides.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.persistence.tables import ID, Base
from app.persistence.types import UtcDateTime


class PrintJobRow(Base):
    __tablename__ = "print_jobs"
    __table_args__ = (
        CheckConstraint(
            "state IN ('queued', 'sent', 'confirmed', 'failed', 'unknown')", name="job_state"
        ),
        CheckConstraint(
            "resolution IS NULL OR resolution IN ('reprinted', 'dismissed', 'printed')",
            name="job_resolution",
        ),
    )

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    printer: Mapped[str] = mapped_column(String(64), index=True)  # device name in station.toml
    kind: Mapped[str] = mapped_column(String(16))  # ticket, receipt, report, test
    label: Mapped[str] = mapped_column(String(200))  # what the person sees in the job list
    document: Mapped[str] = mapped_column(Text)  # JSON, see printing.serialize
    state: Mapped[str] = mapped_column(String(16), index=True)
    detail: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ticket_number: Mapped[int | None] = mapped_column(Integer)
    reprint_of: Mapped[str | None] = mapped_column(ForeignKey("print_jobs.id", ondelete="RESTRICT"))
    resolution: Mapped[str | None] = mapped_column(String(16))  # decision on failed/unknown
    resolved_by: Mapped[str | None] = mapped_column(String(200))
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
