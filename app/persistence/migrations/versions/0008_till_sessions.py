"""Till sessions, opened with a float counted by denomination.

Revision ID: 0008_till_sessions
Revises: 0007_journal
Create Date: 2026-12-08

``till_sessions``: one row per session of a till; a partial unique index allows one open
session per till. ``till_session_counts``: the coins and notes counted in a session ('float' at
opening).
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_till_sessions"
down_revision = "0007_journal"
branch_labels = None
depends_on = None

MOMENT = sa.String(length=32)  # app.persistence.types.UtcDateTime's storage


def upgrade() -> None:
    op.create_table(
        "till_sessions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("till", sa.String(length=40), nullable=False),
        sa.Column("opened_at", MOMENT, nullable=False),
        sa.Column("opened_by", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("float_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("closed_at", MOMENT, nullable=True),
        sa.CheckConstraint("state IN ('open', 'closed')", name=op.f("ck_till_sessions_state")),
        sa.CheckConstraint("float_minor >= 0", name=op.f("ck_till_sessions_float_not_negative")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_till_sessions")),
    )
    op.create_index(
        "ux_till_sessions_one_open_per_till",
        "till_sessions",
        ["till"],
        unique=True,
        sqlite_where=sa.text("state = 'open'"),
    )
    op.create_table(
        "till_session_counts",
        sa.Column("session_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("denomination_minor", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.CheckConstraint("kind IN ('float')", name=op.f("ck_till_session_counts_kind")),
        sa.CheckConstraint(
            "denomination_minor > 0", name=op.f("ck_till_session_counts_positive_denomination")
        ),
        sa.CheckConstraint("count >= 0", name=op.f("ck_till_session_counts_count_not_negative")),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["till_sessions.id"],
            name=op.f("fk_till_session_counts_session_id_till_sessions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint(
            "session_id", "kind", "denomination_minor", name=op.f("pk_till_session_counts")
        ),
    )


def downgrade() -> None:
    op.drop_table("till_session_counts")
    op.drop_index("ux_till_sessions_one_open_per_till", table_name="till_sessions")
    op.drop_table("till_sessions")
