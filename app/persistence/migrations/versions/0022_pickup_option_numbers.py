"""A back-office option picked up at the till is found by its contact's or file's number.

Revision ID: 0022_pickup_option_numbers
Revises: 0021_gift_card_validity
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0022_pickup_option_numbers"
down_revision = "0021_gift_card_validity"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The orders known before were web and telephone orders: they have neither number.
    with op.batch_alter_table("pickup_orders", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("contact_number", sa.String(length=40), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("file_number", sa.String(length=40), nullable=False, server_default="")
        )
        batch_op.create_index(
            batch_op.f("ix_pickup_orders_contact_number"), ["contact_number"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_pickup_orders_file_number"), ["file_number"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("pickup_orders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pickup_orders_file_number"))
        batch_op.drop_index(batch_op.f("ix_pickup_orders_contact_number"))
        batch_op.drop_column("file_number")
        batch_op.drop_column("contact_number")
