"""Operators, booked seat states and settings; per-order maximum and start index on performances.

Revision ID: 0002_operators_and_seat_states
Revises: 0001_venues_and_catalog
Create Date: 2026-11-24

`performances` gains ``max_tickets`` (nullable: existing performances have no limit) and an
index on ``starts_at`` for the performance list. Batch mode keeps every row: it alters in place
where SQLite can and copies the table where it cannot.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_operators_and_seat_states"
down_revision = "0001_venues_and_catalog"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "operators",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("login", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("pin_hash", sa.String(length=255), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.String(length=32), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operators")),
        sa.UniqueConstraint("login", name=op.f("uq_operators_login")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=128), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "performance_seat_states",
        sa.Column("performance_id", sa.String(length=64), nullable=False),
        sa.Column("seat_id", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.CheckConstraint(
            "state IN ('held', 'reserved', 'sold')",
            name=op.f("ck_performance_seat_states_booked_state"),
        ),
        sa.ForeignKeyConstraint(
            ["performance_id"],
            ["performances.id"],
            name=op.f("fk_performance_seat_states_performance_id_performances"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "performance_id", "seat_id", name=op.f("pk_performance_seat_states")
        ),
    )
    with op.batch_alter_table("performances", schema=None) as batch_op:
        batch_op.add_column(sa.Column("max_tickets", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_performances_starts_at"), ["starts_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("performances", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_performances_starts_at"))
        batch_op.drop_column("max_tickets")
    op.drop_table("settings")
    op.drop_table("performance_seat_states")
    op.drop_table("operators")
