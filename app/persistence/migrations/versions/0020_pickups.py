"""Orders placed elsewhere (the web) for pick-up at the till, from the catalog feed.

Revision ID: 0020_pickups
Revises: 0019_options
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0020_pickups"
down_revision = "0019_options"
branch_labels = None
depends_on = None

MOMENT = sa.String(length=32)  # app.persistence.types.UtcDateTime's storage


def upgrade() -> None:
    op.create_table(
        "pickup_orders",
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("sale_id", sa.String(length=64), nullable=False),
        sa.Column("customer", sa.String(length=200), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("placed_at", MOMENT, nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("number", name=op.f("pk_pickup_orders")),
    )
    with op.batch_alter_table("pickup_orders", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pickup_orders_customer"), ["customer"], unique=False)
        batch_op.create_index(batch_op.f("ix_pickup_orders_state"), ["state"], unique=False)
    op.create_table(
        "pickup_tickets",
        sa.Column("barcode", sa.String(length=40), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["number"],
            ["pickup_orders.number"],
            name=op.f("fk_pickup_tickets_number_pickup_orders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("barcode", name=op.f("pk_pickup_tickets")),
    )
    with op.batch_alter_table("pickup_tickets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pickup_tickets_number"), ["number"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("pickup_tickets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pickup_tickets_number"))
    op.drop_table("pickup_tickets")
    with op.batch_alter_table("pickup_orders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pickup_orders_state"))
        batch_op.drop_index(batch_op.f("ix_pickup_orders_customer"))
    op.drop_table("pickup_orders")
