"""The card payments that put value on a gift card, so one approved before a stop is found.

Revision ID: 0023_gift_card_payments
Revises: 0022_pickup_option_numbers
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0023_gift_card_payments"
down_revision = "0022_pickup_option_numbers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gift_card_payments",
        sa.Column("payment_id", sa.String(length=64), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("payment_id", name=op.f("pk_gift_card_payments")),
    )


def downgrade() -> None:
    op.drop_table("gift_card_payments")
