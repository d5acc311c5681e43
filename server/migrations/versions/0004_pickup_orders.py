"""orders placed elsewhere (the web shop) for pick-up at a till

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 11:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "pickup_order",
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("sale_id", sa.String(length=64), nullable=False),
        sa.Column("channel", sa.String(length=40), nullable=False),
        sa.Column("customer", sa.String(length=200), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("placed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("collected_by", sa.String(length=64), nullable=True),
        sa.Column("collected_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("collected_event", sa.String(length=64), nullable=True),
        sa.CheckConstraint(
            "state IN ('waiting', 'collected', 'cancelled')", name=op.f("ck_pickup_order_state")
        ),
        sa.ForeignKeyConstraint(
            ["sale_id"], ["sale.id"], name=op.f("fk_pickup_order_sale_id_sale")
        ),
        sa.PrimaryKeyConstraint("number", name=op.f("pk_pickup_order")),
        sa.UniqueConstraint("sale_id", name=op.f("uq_pickup_order_sale_id")),
    )


def downgrade() -> None:
    op.drop_table("pickup_order")
