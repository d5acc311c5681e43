"""The counter sale: carts, standing places, orders with tickets and tenders, gift cards, the
outbox; the tariffs a channel sells, its hold time and other tenders; the VAT rate of a grid.

Revision ID: 0009_sales
Revises: 0008_till_sessions
Create Date: 2026-12-01

Existing channels sell every tariff of their grids, hold seats 15 minutes and take cheques;
existing price grids are at the French 5.5 % for shows.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_sales"
down_revision = "0008_till_sessions"
branch_labels = None
depends_on = None

MOMENT = sa.String(length=32)  # app.persistence.types.UtcDateTime's storage


def upgrade() -> None:
    op.create_table('carts',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('till', sa.String(length=40), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('lines', sa.Text(), nullable=False),
    sa.Column('created_at', MOMENT, nullable=False),
    sa.Column('updated_at', MOMENT, nullable=False),
    sa.Column('hold_expires_at', MOMENT, nullable=True),
    sa.CheckConstraint("state IN ('open', 'paid', 'abandoned')", name=op.f('ck_carts_state')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_carts'))
    )
    with op.batch_alter_table('carts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_carts_till'), ['till'], unique=False)

    op.create_table('gift_cards',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('balance_minor', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.CheckConstraint('balance_minor >= 0', name=op.f('ck_gift_cards_balance')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_gift_cards'))
    )
    op.create_table('orders',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('till', sa.String(length=40), nullable=False),
    sa.Column('device_seq', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.String(length=64), nullable=False),
    sa.Column('operator_id', sa.String(length=64), nullable=False),
    sa.Column('at', MOMENT, nullable=False),
    sa.Column('total_minor', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('document', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_orders')),
    sa.UniqueConstraint('till', 'device_seq', name=op.f('uq_orders_till_device_seq'))
    )
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_orders_at'), ['at'], unique=False)

    op.create_table('outbox',
    sa.Column('till', sa.String(length=40), nullable=False),
    sa.Column('device_seq', sa.Integer(), nullable=False),
    sa.Column('message_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('created_at', MOMENT, nullable=False),
    sa.Column('acked_at', MOMENT, nullable=True),
    sa.PrimaryKeyConstraint('till', 'device_seq', name=op.f('pk_outbox')),
    sa.UniqueConstraint('message_id', name=op.f('uq_outbox_message_id'))
    )
    op.create_table('tenders',
    sa.Column('order_id', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=16), nullable=False),
    sa.Column('amount_minor', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('reference', sa.String(length=80), nullable=False),
    sa.Column('given_minor', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_tenders_order_id_orders'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('order_id', 'position', name=op.f('pk_tenders'))
    )
    op.create_table('standing_holds',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('performance_id', sa.String(length=64), nullable=False),
    sa.Column('zone_id', sa.String(length=64), nullable=False),
    sa.Column('owner', sa.String(length=80), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('places', sa.Integer(), nullable=False),
    sa.Column('expires_at', MOMENT, nullable=True),
    sa.CheckConstraint("state IN ('held', 'sold')", name=op.f('ck_standing_holds_state')),
    sa.CheckConstraint('places > 0', name=op.f('ck_standing_holds_places')),
    sa.ForeignKeyConstraint(['performance_id'], ['performances.id'], name=op.f('fk_standing_holds_performance_id_performances'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_standing_holds'))
    )
    with op.batch_alter_table('standing_holds', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_standing_holds_owner'), ['owner'], unique=False)
        batch_op.create_index('ix_standing_holds_zone', ['performance_id', 'zone_id'], unique=False)

    op.create_table('tickets',
    sa.Column('barcode', sa.String(length=40), nullable=False),
    sa.Column('till', sa.String(length=40), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.String(length=64), nullable=False),
    sa.Column('performance_id', sa.String(length=64), nullable=False),
    sa.Column('seat_id', sa.String(length=64), nullable=True),
    sa.Column('zone_id', sa.String(length=64), nullable=True),
    sa.Column('category', sa.String(length=64), nullable=False),
    sa.Column('audience', sa.String(length=64), nullable=False),
    sa.Column('price_minor', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.CheckConstraint("state IN ('valid', 'void')", name=op.f('ck_tickets_state')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_tickets_order_id_orders'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['performance_id'], ['performances.id'], name=op.f('fk_tickets_performance_id_performances'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('barcode', name=op.f('pk_tickets')),
    sa.UniqueConstraint('till', 'number', name=op.f('uq_tickets_till_number'))
    )
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tickets_order_id'), ['order_id'], unique=False)

    with op.batch_alter_table('price_grids', schema=None) as batch_op:
        batch_op.add_column(sa.Column('vat_rate_bp', sa.Integer(), server_default='550', nullable=False))

    with op.batch_alter_table('sales_channels', schema=None) as batch_op:
        batch_op.add_column(sa.Column('audiences', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('hold_minutes', sa.Integer(), server_default='15', nullable=False))
        batch_op.add_column(sa.Column('other_tenders', sa.Text(), server_default='cheque', nullable=False))


def downgrade() -> None:

    with op.batch_alter_table('sales_channels', schema=None) as batch_op:
        batch_op.drop_column('other_tenders')
        batch_op.drop_column('hold_minutes')
        batch_op.drop_column('audiences')

    with op.batch_alter_table('price_grids', schema=None) as batch_op:
        batch_op.drop_column('vat_rate_bp')

    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tickets_order_id'))

    op.drop_table('tickets')
    with op.batch_alter_table('standing_holds', schema=None) as batch_op:
        batch_op.drop_index('ix_standing_holds_zone')
        batch_op.drop_index(batch_op.f('ix_standing_holds_owner'))

    op.drop_table('standing_holds')
    op.drop_table('tenders')
    op.drop_table('outbox')
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_orders_at'))

    op.drop_table('orders')
    op.drop_table('gift_cards')
    with op.batch_alter_table('carts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_carts_till'))

    op.drop_table('carts')
