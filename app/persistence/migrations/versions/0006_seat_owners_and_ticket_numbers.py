"""Seat states get an owner and an expiry; ticket numbers come from a per-till sequence.

Revision ID: 0006_seat_owners_and_ticket_numbers
Revises: 0005_payment_evidence
Create Date: 2026-12-01

``performance_seat_states`` gains ``owner`` (the cart, sale or lease that holds the seat; rows
of earlier versions become ``legacy``) and ``expires_at`` (when a hold lapses; NULL for a sale
or reservation). ``ticket_sequences`` holds the last ticket number of each till, taken from the
counter that earlier versions kept in ``settings`` and from the highest number ever printed.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_seat_owners_and_ticket_numbers"
down_revision = "0005_payment_evidence"
branch_labels = None
depends_on = None

MOMENT = sa.String(length=32)  # app.persistence.types.UtcDateTime's storage
_OLD_COUNTER = "printing.last_ticket_number."


def upgrade() -> None:
    with op.batch_alter_table("performance_seat_states") as batch:
        batch.add_column(
            sa.Column("owner", sa.String(length=80), nullable=False, server_default="legacy")
        )
        batch.add_column(sa.Column("expires_at", MOMENT, nullable=True))
        batch.create_index(batch.f("ix_performance_seat_states_owner"), ["owner"])
    op.create_table(
        "ticket_sequences",
        sa.Column("till", sa.String(length=40), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.CheckConstraint("last_number >= 0", name=op.f("ck_ticket_sequences_not_negative")),
        sa.PrimaryKeyConstraint("till", name=op.f("pk_ticket_sequences")),
    )
    op.execute(
        f"""
        INSERT INTO ticket_sequences (till, last_number)
        SELECT substr(key, {len(_OLD_COUNTER) + 1}),
               max(CAST(value AS INTEGER),
                   coalesce((SELECT max(ticket_number) FROM print_jobs), 0))
        FROM settings WHERE key LIKE '{_OLD_COUNTER}%'
        """
    )
    op.execute(f"DELETE FROM settings WHERE key LIKE '{_OLD_COUNTER}%'")


def downgrade() -> None:
    op.execute(
        f"""
        INSERT INTO settings (key, value)
        SELECT '{_OLD_COUNTER}' || till, CAST(last_number AS TEXT) FROM ticket_sequences
        """
    )
    op.drop_table("ticket_sequences")
    with op.batch_alter_table("performance_seat_states") as batch:
        batch.drop_index(batch.f("ix_performance_seat_states_owner"))
        batch.drop_column("expires_at")
        batch.drop_column("owner")
