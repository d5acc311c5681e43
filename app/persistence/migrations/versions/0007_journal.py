"""The till's fiscal journal: a hash chain of records per till, and its head.

Revision ID: 0007_journal
Revises: 0006_seat_owners_and_ticket_numbers
Create Date: 2026-12-08

``journal_entries`` holds each entry as chained (``record`` is the record's RFC 8785 canonical
JSON, the very text that was hashed); ``journal_heads`` the last seq and hash of each till,
written in the same transaction, so that removing the last entries is seen by a verify.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_journal"
down_revision = "0006_seat_owners_and_ticket_numbers"
branch_labels = None
depends_on = None

MOMENT = sa.String(length=32)  # app.persistence.types.UtcDateTime's storage


def upgrade() -> None:
    op.create_table(
        "journal_entries",
        sa.Column("till", sa.String(length=40), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.Column("at", MOMENT, nullable=False),
        sa.CheckConstraint("seq >= 1", name=op.f("ck_journal_entries_seq_positive")),
        sa.PrimaryKeyConstraint("till", "seq", name=op.f("pk_journal_entries")),
    )
    op.create_table(
        "journal_heads",
        sa.Column("till", sa.String(length=40), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.CheckConstraint("last_seq >= 1", name=op.f("ck_journal_heads_seq_positive")),
        sa.PrimaryKeyConstraint("till", name=op.f("pk_journal_heads")),
    )


def downgrade() -> None:
    op.drop_table("journal_heads")
    op.drop_table("journal_entries")
