"""after-sale corrections: refunded seats and places, ticket barcodes

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 07:55:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sold_seat") as batch:
        batch.add_column(sa.Column("refunded_by", sa.String(length=64), nullable=True))
    with op.batch_alter_table("sold_places") as batch:
        batch.add_column(
            sa.Column("refunded", sa.Integer(), server_default=sa.text("0"), nullable=False)
        )
        batch.create_check_constraint("refunded", "refunded >= 0 AND refunded <= count")
    op.create_table(
        "ticket",
        sa.Column("barcode", sa.String(length=40), nullable=False),
        sa.Column("sale_id", sa.String(length=64), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("reason", sa.String(length=12), nullable=True),
        sa.Column("replaced_by", sa.String(length=40), nullable=True),
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("barcode", name=op.f("pk_ticket")),
    )
    op.create_index(op.f("ix_ticket_sale_id"), "ticket", ["sale_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_ticket_sale_id"), table_name="ticket")
    op.drop_table("ticket")
    with op.batch_alter_table("sold_places") as batch:
        batch.drop_constraint("ck_sold_places_refunded", type_="check")
        batch.drop_column("refunded")
    with op.batch_alter_table("sold_seat") as batch:
        batch.drop_column("refunded_by")
