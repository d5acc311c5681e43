"""options taken in the back office for groups, their places held until their expiry

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 18:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MOMENT = sa.DateTime(timezone=True)  # server.tables.UtcDateTime


def upgrade() -> None:
    op.create_table(
        "group_option",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("channel", sa.String(length=40), nullable=False),
        sa.Column("customer", sa.String(length=200), nullable=False),
        sa.Column("contact_number", sa.String(length=40), nullable=False),
        sa.Column("file_number", sa.String(length=40), nullable=False),
        sa.Column("performance_id", sa.String(length=100), nullable=False),
        sa.Column("lines", sa.Text(), nullable=False),
        sa.Column("hold_token", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("until", MOMENT, nullable=False),
        sa.Column("pickup_number", sa.String(length=40), nullable=True),
        sa.Column("created_at", MOMENT, nullable=False),
        sa.CheckConstraint(
            "state IN ('placed', 'validated', 'cancelled')", name=op.f("ck_group_option_state")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_option")),
    )


def downgrade() -> None:
    op.drop_table("group_option")
