"""orders for pick-up paid at the box office: what is due, what the collecting till took

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 18:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("pickup_order", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("due_minor", sa.BigInteger(), server_default=sa.text("0"), nullable=False)
        )
        batch_op.add_column(sa.Column("paid_minor", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("paid_tenders", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("pickup_order", schema=None) as batch_op:
        batch_op.drop_column("paid_tenders")
        batch_op.drop_column("paid_minor")
        batch_op.drop_column("due_minor")
