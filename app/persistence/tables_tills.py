"""Tables of the till sessions and of the cash counted in them.

``till_sessions``: one row per session of a till, open or closed; a partial unique index lets a
till have only one open session, whatever the code above it does. ``till_session_counts``: the
coins and notes counted for a session (``kind`` 'float' at opening). A session is 'open', then
'counted' once the cashier's blind count is in (still the till's one session: the index covers
both), then 'closed' by the supervisor. ``open_seq``: the seq of its "session_open" journal
entry, where the ledger starts reading it. ``till_session_declarations``: each blind count
(numbered, a recount is the next number) as its journal record's JSON. Registered on
`tables.Base`; no rule of the box office here.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.persistence.tables import CURRENCY, ID, Base
from app.persistence.types import UtcDateTime

TILL = String(40)  # as ticket_sequences.till: the point of sale's code


class TillSessionRow(Base):
    __tablename__ = "till_sessions"
    __table_args__ = (
        CheckConstraint("state IN ('open', 'counted', 'closed')", name="state"),
        CheckConstraint("float_minor >= 0", name="float_not_negative"),
        Index(
            "ux_till_sessions_one_open_per_till",
            "till",
            unique=True,
            sqlite_where=text("state IN ('open', 'counted')"),
        ),
    )

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    till: Mapped[str] = mapped_column(TILL)
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime)
    opened_by: Mapped[str] = mapped_column(ID)  # the operator's id
    state: Mapped[str] = mapped_column(String(16))
    float_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(CURRENCY)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    open_seq: Mapped[int | None] = mapped_column(Integer)
    closed_by: Mapped[str | None] = mapped_column(ID)


class TillSessionCountRow(Base):
    __tablename__ = "till_session_counts"
    __table_args__ = (
        CheckConstraint("kind IN ('float')", name="kind"),
        CheckConstraint("denomination_minor > 0", name="positive_denomination"),
        CheckConstraint("count >= 0", name="count_not_negative"),
    )

    session_id: Mapped[str] = mapped_column(
        ForeignKey("till_sessions.id", ondelete="RESTRICT"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    denomination_minor: Mapped[int] = mapped_column(Integer, primary_key=True)
    count: Mapped[int] = mapped_column(Integer)


class TillSessionDeclarationRow(Base):
    __tablename__ = "till_session_declarations"
    __table_args__ = (CheckConstraint("number > 0", name="positive_number"),)

    session_id: Mapped[str] = mapped_column(
        ForeignKey("till_sessions.id", ondelete="RESTRICT"), primary_key=True
    )
    number: Mapped[int] = mapped_column(Integer, primary_key=True)
    declared_at: Mapped[datetime] = mapped_column(UtcDateTime)
    declared_by: Mapped[str] = mapped_column(ID)
    record: Mapped[str] = mapped_column(Text)  # the "session_count" journal record, as JSON
