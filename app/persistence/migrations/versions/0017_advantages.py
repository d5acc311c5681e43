"""Advantages and promo codes (seed 004): the advantages, their single-use codes and the codes
applied to a cart.

Revision ID: 0017_advantages
Revises: 0016_after_sale
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0017_advantages"
down_revision = "0016_after_sale"
branch_labels = None
depends_on = None

MOMENT = sa.String(length=32)  # app.persistence.types.UtcDateTime's storage


def upgrade() -> None:
    op.create_table(
        "advantages",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("target", sa.String(length=16), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("percent_bp", sa.Integer(), nullable=False),
        sa.Column("amount_off_minor", sa.Integer(), nullable=True),
        sa.Column("access_code", sa.String(length=64), nullable=True),
        sa.Column("channels", sa.Text(), nullable=False),
        sa.Column("starts_at", MOMENT, nullable=True),
        sa.Column("ends_at", MOMENT, nullable=True),
        sa.Column("quota", sa.Integer(), nullable=True),
        sa.Column("minimum_minor", sa.Integer(), nullable=True),
        sa.Column("performances", sa.Text(), nullable=False),
        sa.Column("contacts", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "target IN ('public', 'contacts', 'partner', 'single_use', 'promo')",
            name=op.f("ck_advantages_target"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_advantages")),
        sa.UniqueConstraint("access_code", name=op.f("uq_advantages_access_code")),
    )
    op.create_table(
        "advantage_codes",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("advantage_id", sa.String(length=64), nullable=False),
        sa.Column("batch", sa.String(length=64), nullable=False),
        sa.Column("generated_at", MOMENT, nullable=False),
        sa.Column("cart_id", sa.String(length=64), nullable=True),
        sa.Column("claimed_on_server", sa.Integer(), nullable=False),
        sa.Column("invalidated_at", MOMENT, nullable=True),
        sa.ForeignKeyConstraint(
            ["advantage_id"],
            ["advantages.id"],
            name=op.f("fk_advantage_codes_advantage_id_advantages"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_advantage_codes")),
    )
    with op.batch_alter_table("advantage_codes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_advantage_codes_advantage_id"), ["advantage_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_advantage_codes_batch"), ["batch"], unique=False)
    op.create_table(
        "cart_advantages",
        sa.Column("cart_id", sa.String(length=64), nullable=False),
        sa.Column("advantage_id", sa.String(length=64), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["advantage_id"],
            ["advantages.id"],
            name=op.f("fk_cart_advantages_advantage_id_advantages"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["cart_id"],
            ["carts.id"],
            name=op.f("fk_cart_advantages_cart_id_carts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("cart_id", "advantage_id", name=op.f("pk_cart_advantages")),
    )


def downgrade() -> None:
    op.drop_table("cart_advantages")
    with op.batch_alter_table("advantage_codes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_advantage_codes_batch"))
        batch_op.drop_index(batch_op.f("ix_advantage_codes_advantage_id"))
    op.drop_table("advantage_codes")
    op.drop_table("advantages")
