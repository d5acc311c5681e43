"""Print jobs and their states (tickets, receipts, reports).

Revision ID: 0003_print_jobs
Revises: 0002_operators_and_seat_states
Create Date: 2026-11-24

One row per piece of paper sent to a printer: queued before the first byte leaves, then sent,
confirmed, failed or unknown. Moments are UTC text (`UtcDateTime`, 32 characters).
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_print_jobs"
down_revision = "0002_operators_and_seat_states"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "print_jobs",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("printer", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("ticket_number", sa.Integer(), nullable=True),
        sa.Column("reprint_of", sa.String(length=64), nullable=True),
        sa.Column("resolution", sa.String(length=16), nullable=True),
        sa.Column("resolved_by", sa.String(length=200), nullable=True),
        sa.Column("resolved_at", sa.String(length=32), nullable=True),
        sa.CheckConstraint(
            "resolution IS NULL OR resolution IN ('reprinted', 'dismissed', 'printed')",
            name=op.f("ck_print_jobs_job_resolution"),
        ),
        sa.CheckConstraint(
            "state IN ('queued', 'sent', 'confirmed', 'failed', 'unknown')",
            name=op.f("ck_print_jobs_job_state"),
        ),
        sa.ForeignKeyConstraint(
            ["reprint_of"],
            ["print_jobs.id"],
            name=op.f("fk_print_jobs_reprint_of_print_jobs"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_jobs")),
    )
    with op.batch_alter_table("print_jobs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_print_jobs_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_print_jobs_printer"), ["printer"], unique=False)
        batch_op.create_index(batch_op.f("ix_print_jobs_state"), ["state"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("print_jobs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_print_jobs_state"))
        batch_op.drop_index(batch_op.f("ix_print_jobs_printer"))
        batch_op.drop_index(batch_op.f("ix_print_jobs_created_at"))
    op.drop_table("print_jobs")
