"""An index of the fiscal closures written into each till's journal.

Revision ID: 0014_journal_closures
Revises: 0013_standing_lease
Create Date: 2026-12-02

``journal_closures``: one row per daily, monthly or yearly closure, beside its journal entry
(the entry is what counts): the last closure of a frequency without walking the chain, and
unique keys that refuse a second closure of one period or a second closure number.
"""

import sqlalchemy as sa
from alembic import op

revision = "0014_journal_closures"
down_revision = "0013_standing_lease"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "journal_closures",
        sa.Column("till", sa.String(length=40), nullable=False),
        sa.Column("frequency", sa.String(length=10), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("first_seq", sa.Integer(), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.Column("perpetual_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.CheckConstraint("number >= 1", name=op.f("ck_journal_closures_number_positive")),
        sa.PrimaryKeyConstraint("till", "frequency", "number", name=op.f("pk_journal_closures")),
        sa.UniqueConstraint(
            "till", "frequency", "period", name=op.f("uq_journal_closures_till_frequency_period")
        ),
    )


def downgrade() -> None:
    op.drop_table("journal_closures")
