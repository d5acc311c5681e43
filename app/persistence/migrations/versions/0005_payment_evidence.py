"""Card payments keep what identifies their terminal transaction; results keep unreadable codes.

Revision ID: 0005_payment_evidence
Revises: 0004_payments
Create Date: 2026-12-01

``card_payments`` gains ``accepted_at`` (when the terminal acknowledged the command: the
evidence that it took this transaction on, for reconciliation) and ``merchant_receipt_text``
(the merchant's copy, kept apart from the customer's ``receipt_text``).
``terminal_results.result_code`` may be NULL: a result whose code could not be read is stored
all the same (its raw bytes), and decides nothing.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_payment_evidence"
down_revision = "0004_payments"
branch_labels = None
depends_on = None

MOMENT = sa.String(length=32)  # app.persistence.types.UtcDateTime's storage


def upgrade() -> None:
    with op.batch_alter_table("card_payments") as batch:
        batch.add_column(sa.Column("accepted_at", MOMENT, nullable=True))
        batch.add_column(sa.Column("merchant_receipt_text", sa.Text(), nullable=True))
    with op.batch_alter_table("terminal_results") as batch:
        batch.alter_column("result_code", existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    with op.batch_alter_table("terminal_results") as batch:
        batch.alter_column("result_code", existing_type=sa.Integer(), nullable=False)
    with op.batch_alter_table("card_payments") as batch:
        batch.drop_column("merchant_receipt_text")
        batch.drop_column("accepted_at")
