"""Options at the till (seed 001): an option for a contact, its quantities, state and cart.

Revision ID: 0019_options
Revises: 0018_contacts
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0019_options"
down_revision = "0018_contacts"
branch_labels = None
depends_on = None

MOMENT = sa.String(length=32)  # app.persistence.types.UtcDateTime's storage


def upgrade() -> None:
    op.create_table(
        "options",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("contact_id", sa.String(length=64), nullable=False),
        sa.Column("performance_id", sa.String(length=64), nullable=False),
        sa.Column("requested", sa.Text(), nullable=False),
        sa.Column("placed", sa.Text(), nullable=False),
        sa.Column("expires_at", MOMENT, nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("file_number", sa.String(length=40), nullable=False),
        sa.Column("order_id", sa.String(length=64), nullable=False),
        sa.Column("cart_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", MOMENT, nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_options_contact_id_contacts"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_options")),
    )
    with op.batch_alter_table("options", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_options_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_options_state"), ["state"], unique=False)
        batch_op.create_index(batch_op.f("ix_options_file_number"), ["file_number"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("options", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_options_file_number"))
        batch_op.drop_index(batch_op.f("ix_options_state"))
        batch_op.drop_index(batch_op.f("ix_options_contact_id"))
    op.drop_table("options")
