"""Payment terminal results, saved before they are acknowledged.

Revision ID: 0004_payments
Revises: 0003_print_jobs
Create Date: 2026-11-24
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0004_payments"
down_revision = "0003_print_jobs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
