"""Standing places held or sold from a lease say which one.

Revision ID: 0013_standing_lease
Revises: 0012_server_time
Create Date: 2026-12-02

``standing_holds.lease_id``: the lease a standing line's places come from (NULL: the central
pool, or a till on its own). What a lease has left is its count less the places of its rows;
the feed's count of places taken elsewhere leaves them out (the server counts the lease whole).
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_standing_lease"
down_revision = "0012_server_time"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("standing_holds", schema=None) as batch_op:
        batch_op.add_column(sa.Column("lease_id", sa.String(length=100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("standing_holds", schema=None) as batch_op:
        batch_op.drop_column("lease_id")
