"""The server's time at the till's last contact, for the till's estimate of it offline.

Revision ID: 0012_server_time
Revises: 0011_catalog_feed
Create Date: 2026-12-02

``sync_link.server_time_at``: what the server's clock said at ``last_contact_at``. Offline,
the till estimates the server's time from it (a clock moved back does not move the estimate
back, so it cannot re-open a lease's selling time).
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_server_time"
down_revision = "0011_catalog_feed"
branch_labels = None
depends_on = None

MOMENT = sa.String(length=32)  # app.persistence.types.UtcDateTime's storage


def upgrade() -> None:
    with op.batch_alter_table("sync_link", schema=None) as batch_op:
        batch_op.add_column(sa.Column("server_time_at", MOMENT, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_link", schema=None) as batch_op:
        batch_op.drop_column("server_time_at")
