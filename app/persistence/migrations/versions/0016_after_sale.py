"""After the sale: corrections (refunds, cancellations) and reprints as DUPLICATA; why a void
ticket is void.

Revision ID: 0016_after_sale
Revises: 0015_till_session_close
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0016_after_sale"
down_revision = "0015_till_session_close"
branch_labels = None
depends_on = None

MOMENT = sa.String(length=32)  # app.persistence.types.UtcDateTime's storage


def upgrade() -> None:
    op.create_table(
        "corrections",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("till", sa.String(length=40), nullable=False),
        sa.Column("order_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("tickets", sa.Text(), nullable=False),
        sa.Column("total_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("operator_id", sa.String(length=64), nullable=False),
        sa.Column("approved_by", sa.String(length=64), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("created_at", MOMENT, nullable=False),
        sa.Column("decided_at", MOMENT, nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("journal_seq", sa.Integer(), nullable=True),
        sa.CheckConstraint("kind IN ('cancellation', 'refund')", name=op.f("ck_corrections_kind")),
        sa.CheckConstraint(
            "state IN ('pending', 'done', 'abandoned')", name=op.f("ck_corrections_state")
        ),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["orders.id"],
            name=op.f("fk_corrections_order_id_orders"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_corrections")),
    )
    with op.batch_alter_table("corrections", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_corrections_order_id"), ["order_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_corrections_state"), ["state"], unique=False)
    op.create_table(
        "reprints",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("till", sa.String(length=40), nullable=False),
        sa.Column("order_id", sa.String(length=64), nullable=False),
        sa.Column("ticket_number", sa.Integer(), nullable=False),
        sa.Column("old_barcode", sa.String(length=40), nullable=False),
        sa.Column("new_barcode", sa.String(length=40), nullable=False),
        sa.Column("operator_id", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", MOMENT, nullable=False),
        sa.Column("journal_seq", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["orders.id"],
            name=op.f("fk_reprints_order_id_orders"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reprints")),
        sa.UniqueConstraint("old_barcode", name=op.f("uq_reprints_old_barcode")),
    )
    with op.batch_alter_table("reprints", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reprints_order_id"), ["order_id"], unique=False)
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("void_reason", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("correction_id", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_column("correction_id")
        batch_op.drop_column("void_reason")
    with op.batch_alter_table("reprints", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reprints_order_id"))
    op.drop_table("reprints")
    with op.batch_alter_table("corrections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_corrections_state"))
        batch_op.drop_index(batch_op.f("ix_corrections_order_id"))
    op.drop_table("corrections")
