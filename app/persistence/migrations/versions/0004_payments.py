"""Payment terminal results, saved before they are acknowledged.

Revision ID: 0004_payments
Revises: 0003_print_jobs
Create Date: 2026-11-24

``card_payments``: one row per card transaction the till asked for, with its state.
``terminal_results``: every status-information a terminal sent, append-only.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_payments"
down_revision = "0003_print_jobs"
branch_labels = None
depends_on = None

MOMENT = sa.String(length=32)  # app.persistence.types.UtcDateTime's storage


def upgrade() -> None:
    op.create_table(
        "card_payments",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("terminal", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("amount_currency", sa.String(length=3), nullable=False),
        sa.Column("reference", sa.String(length=200), nullable=True),
        sa.Column("original_receipt_no", sa.Integer(), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("created_at", MOMENT, nullable=False),
        sa.Column("sent_at", MOMENT, nullable=True),
        sa.Column("decided_at", MOMENT, nullable=True),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("result_code", sa.Integer(), nullable=True),
        sa.Column("trace", sa.Integer(), nullable=True),
        sa.Column("receipt_no", sa.Integer(), nullable=True),
        sa.Column("terminal_id", sa.String(length=16), nullable=True),
        sa.Column("card_name", sa.String(length=64), nullable=True),
        sa.Column("receipt_text", sa.Text(), nullable=True),
        sa.Column("reconciled", sa.Boolean(), nullable=False),
        sa.Column("closed_by", sa.String(length=64), nullable=True),
        sa.Column("supervisor_reference", sa.String(length=64), nullable=True),
        sa.CheckConstraint(
            "kind IN ('payment', 'refund', 'reversal')", name=op.f("ck_card_payments_kind")
        ),
        sa.CheckConstraint(
            "state IN ('pending', 'sent', 'approved', 'declined', 'unknown')",
            name=op.f("ck_card_payments_state"),
        ),
        sa.CheckConstraint("amount_minor > 0", name=op.f("ck_card_payments_positive_amount")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_card_payments")),
    )
    op.create_index(op.f("ix_card_payments_state"), "card_payments", ["state"], unique=False)
    op.create_table(
        "terminal_results",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("payment_id", sa.String(length=64), nullable=True),
        sa.Column("terminal", sa.String(length=64), nullable=False),
        sa.Column("command", sa.String(length=32), nullable=False),
        sa.Column("received_at", MOMENT, nullable=False),
        sa.Column("raw_hex", sa.Text(), nullable=False),
        sa.Column("result_code", sa.Integer(), nullable=False),
        sa.Column("result_text", sa.String(length=200), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=True),
        sa.Column("amount_currency", sa.String(length=3), nullable=True),
        sa.Column("trace", sa.Integer(), nullable=True),
        sa.Column("receipt_no", sa.Integer(), nullable=True),
        sa.Column("terminal_id", sa.String(length=16), nullable=True),
        sa.Column("terminal_time", sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(
            ["payment_id"],
            ["card_payments.id"],
            name=op.f("fk_terminal_results_payment_id_card_payments"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_terminal_results")),
    )
    op.create_index(
        op.f("ix_terminal_results_payment_id"), "terminal_results", ["payment_id"], unique=False
    )
    op.create_index(
        "ix_terminal_results_trace", "terminal_results", ["terminal_id", "trace"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_terminal_results_trace", table_name="terminal_results")
    op.drop_index(op.f("ix_terminal_results_payment_id"), table_name="terminal_results")
    op.drop_table("terminal_results")
    op.drop_index(op.f("ix_card_payments_state"), table_name="card_payments")
    op.drop_table("card_payments")
