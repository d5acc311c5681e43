"""Gift cards and credit balances may be spent until a date (`domain.gift_cards`).

Revision ID: 0021_gift_card_validity
Revises: 0020_pickups
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0021_gift_card_validity"
down_revision = "0020_pickups"
branch_labels = None
depends_on = None

MOMENT = sa.String(length=32)  # app.persistence.types.UtcDateTime's storage


def upgrade() -> None:
    # Cards sold before it keep no date: they never lapse.
    with op.batch_alter_table("gift_cards", schema=None) as batch_op:
        batch_op.add_column(sa.Column("valid_until", MOMENT, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("gift_cards", schema=None) as batch_op:
        batch_op.drop_column("valid_until")
