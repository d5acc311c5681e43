"""The till's link with the central server, and each outbox event's journal entry.

Revision ID: 0010_sync_link
Revises: 0009_sales
Create Date: 2026-12-01

``sync_link``: one row once the till is enrolled (server, token, CA, progress of the sync).
``outbox.journal_seq``: the journal entry of the event, which the upload sends with it;
filled for the events already there from their sale's entry.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_sync_link"
down_revision = "0009_sales"
branch_labels = None
depends_on = None

MOMENT = sa.String(length=32)  # app.persistence.types.UtcDateTime's storage


def upgrade() -> None:
    op.create_table(
        "sync_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("server_url", sa.String(length=400), nullable=False),
        sa.Column("device_id", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("token", sa.String(length=200), nullable=False),
        sa.Column("ca_pem", sa.Text(), nullable=False),
        sa.Column("channel", sa.String(length=40), nullable=False),
        sa.Column("enrolled_at", MOMENT, nullable=False),
        sa.Column("acked_through_seq", sa.Integer(), nullable=False),
        sa.Column("journal_verified_through", sa.Integer(), nullable=False),
        sa.Column("catalog_cursor", sa.Integer(), nullable=True),
        sa.Column("catalog_at", MOMENT, nullable=True),
        sa.Column("last_contact_at", MOMENT, nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_sync_link_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_link")),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("journal_seq", sa.Integer(), nullable=True))
    # The canonical JSON of a sale's record holds "sale":"<its id>" exactly once.
    op.execute(
        """
        UPDATE outbox SET journal_seq = (
            SELECT j.seq FROM journal_entries AS j
            WHERE j.till = outbox.till
              AND j.record LIKE '%"sale":"' || outbox.message_id || '"%'
            ORDER BY j.seq LIMIT 1
        )
        """
    )


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("journal_seq")
    op.drop_table("sync_link")
