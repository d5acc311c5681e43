"""Customers at the counter: contacts and the order each is attached to.

Revision ID: 0018_contacts
Revises: 0017_advantages
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0018_contacts"
down_revision = "0017_advantages"
branch_labels = None
depends_on = None

MOMENT = sa.String(length=32)  # app.persistence.types.UtcDateTime's storage


def upgrade() -> None:
    op.create_table(
        "contacts",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("company", sa.String(length=200), nullable=False),
        sa.Column("created_at", MOMENT, nullable=False),
        sa.Column("erased_at", MOMENT, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contacts")),
    )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contacts_email"), ["email"], unique=False)
    op.create_table(
        "order_contacts",
        sa.Column("order_id", sa.String(length=64), nullable=False),
        sa.Column("contact_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_order_contacts_contact_id_contacts"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["orders.id"],
            name=op.f("fk_order_contacts_order_id_orders"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("order_id", name=op.f("pk_order_contacts")),
    )
    with op.batch_alter_table("order_contacts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_order_contacts_contact_id"), ["contact_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("order_contacts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_order_contacts_contact_id"))
    op.drop_table("order_contacts")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contacts_email"))
    op.drop_table("contacts")
