"""The catalog feed's bookkeeping on the till: entity versions and the till's leases.

Revision ID: 0011_catalog_feed
Revises: 0010_sync_link
Create Date: 2026-12-02

``sync_entity_versions``: the version of each catalog entity the feed wrote (or deleted), so
that an older copy never overwrites a newer one. ``sync_leases``: the till's leases as the
server last described them. Additive: nothing existing changes.
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_catalog_feed"
down_revision = "0010_sync_link"
branch_labels = None
depends_on = None

MOMENT = sa.String(length=32)  # app.persistence.types.UtcDateTime's storage


def upgrade() -> None:
    op.create_table(
        "sync_entity_versions",
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("live", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "entity_id", name=op.f("pk_sync_entity_versions")),
    )
    op.create_table(
        "sync_leases",
        sa.Column("lease_id", sa.String(length=100), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("performance_id", sa.String(length=64), nullable=False),
        sa.Column("seats", sa.Text(), nullable=False),
        sa.Column("places", sa.Text(), nullable=False),
        sa.Column("sell_until", MOMENT, nullable=False),
        sa.PrimaryKeyConstraint("lease_id", name=op.f("pk_sync_leases")),
    )
    op.create_index(
        op.f("ix_sync_leases_performance_id"), "sync_leases", ["performance_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_sync_leases_performance_id"), table_name="sync_leases")
    op.drop_table("sync_leases")
    op.drop_table("sync_entity_versions")
