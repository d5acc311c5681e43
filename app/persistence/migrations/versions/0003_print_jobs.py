"""Print jobs and their states (tickets, receipts, reports).

Revision ID: 0003_print_jobs
Revises: 0002_operators_and_seat_states
Create Date: 2026-11-24
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0003_print_jobs"
down_revision = "0002_operators_and_seat_states"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
