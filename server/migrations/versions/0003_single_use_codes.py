"""single-use advantage codes, claimed by one sale at most across every till

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 08:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "single_use_code",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("advantage", sa.String(length=64), nullable=False),
        sa.Column("batch", sa.String(length=64), nullable=False),
        sa.Column("generated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("sale_id", sa.String(length=64), nullable=True),
        sa.Column("device_id", sa.String(length=64), nullable=True),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "state IN ('available', 'used', 'invalidated')", name=op.f("ck_single_use_code_state")
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_single_use_code")),
    )
    op.create_index(
        op.f("ix_single_use_code_advantage"), "single_use_code", ["advantage"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_single_use_code_advantage"), table_name="single_use_code")
    op.drop_table("single_use_code")
