"""Till sessions close: a counted state, the blind counts, where the session starts in the journal.

Revision ID: 0015_till_session_close
Revises: 0014_journal_closures
Create Date: 2026-12-02

``till_sessions.state`` may be 'counted' (the cashier's blind count is in, the supervisor has
not closed yet); the one-session-per-till index covers 'open' and 'counted'. ``open_seq``: the
seq of the session's "session_open" entry (NULL for sessions opened before: read from seq 1).
``closed_by``: the supervisor who closed it. ``till_session_declarations``: each blind count,
numbered (a recount is the next number), as its journal record's JSON.
"""

import sqlalchemy as sa
from alembic import op

revision = "0015_till_session_close"
down_revision = "0014_journal_closures"
branch_labels = None
depends_on = None

MOMENT = sa.String(length=32)  # app.persistence.types.UtcDateTime's storage
INDEX = "ux_till_sessions_one_open_per_till"


def upgrade() -> None:
    op.drop_index(INDEX, table_name="till_sessions")
    with op.batch_alter_table("till_sessions", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_till_sessions_state"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_till_sessions_state"), "state IN ('open', 'counted', 'closed')"
        )
        batch_op.add_column(sa.Column("open_seq", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("closed_by", sa.String(length=64), nullable=True))
    op.create_index(
        INDEX,
        "till_sessions",
        ["till"],
        unique=True,
        sqlite_where=sa.text("state IN ('open', 'counted')"),
    )
    op.create_table(
        "till_session_declarations",
        sa.Column("session_id", sa.String(length=64), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("declared_at", MOMENT, nullable=False),
        sa.Column("declared_by", sa.String(length=64), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.CheckConstraint("number > 0", name=op.f("ck_till_session_declarations_positive_number")),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["till_sessions.id"],
            name=op.f("fk_till_session_declarations_session_id_till_sessions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("session_id", "number", name=op.f("pk_till_session_declarations")),
    )


def downgrade() -> None:
    op.drop_table("till_session_declarations")
    op.drop_index(INDEX, table_name="till_sessions")
    with op.batch_alter_table("till_sessions", schema=None) as batch_op:
        batch_op.drop_column("closed_by")
        batch_op.drop_column("open_seq")
        batch_op.drop_constraint(op.f("ck_till_sessions_state"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_till_sessions_state"), "state IN ('open', 'closed')"
        )
    op.create_index(
        INDEX, "till_sessions", ["till"], unique=True, sqlite_where=sa.text("state = 'open'")
    )
