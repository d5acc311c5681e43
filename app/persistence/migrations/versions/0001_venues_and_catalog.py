"""Venues, catalog, channels, logical layouts and performances.

Revision ID: 0001_venues_and_catalog
Revises:
Create Date: 2026-11-24

Hand-reviewed from autogenerate. Column types are spelled out here (moments are 32-character
UTC text, see app/persistence/types.py) so that this revision does not change when the models do.
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_venues_and_catalog"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audience_subcategories",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_audience_subcategories")),
    )
    op.create_table(
        "delivery_modes",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("fee_minor", sa.Integer(), nullable=False),
        sa.Column("fee_currency", sa.String(length=3), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_delivery_modes")),
    )
    op.create_table(
        "organizers",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organizers")),
    )
    op.create_table(
        "price_grids",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_price_grids")),
    )
    op.create_table(
        "sales_channels",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("sells_no_contingent", sa.Boolean(), nullable=False),
        sa.Column("cash_float_allowed", sa.Boolean(), nullable=False),
        sa.Column("contact_origin_mandatory", sa.Boolean(), nullable=False),
        sa.Column("default_seat_search", sa.String(length=32), nullable=False),
        sa.Column("max_tickets_per_performance", sa.Integer(), nullable=True),
        sa.Column("fee_cap_minor", sa.Integer(), nullable=True),
        sa.Column("fee_cap_currency", sa.String(length=3), nullable=True),
        sa.CheckConstraint(
            "(fee_cap_minor IS NULL) = (fee_cap_currency IS NULL)",
            name=op.f("ck_sales_channels_fee_cap_whole"),
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_sales_channels")),
    )
    op.create_table(
        "sites",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sites")),
    )
    op.create_table(
        "channel_delivery_modes",
        sa.Column("channel_code", sa.String(length=64), nullable=False),
        sa.Column("delivery_mode_code", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["channel_code"],
            ["sales_channels.code"],
            name=op.f("fk_channel_delivery_modes_channel_code_sales_channels"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["delivery_mode_code"],
            ["delivery_modes.code"],
            name=op.f("fk_channel_delivery_modes_delivery_mode_code_delivery_modes"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint(
            "channel_code", "delivery_mode_code", name=op.f("pk_channel_delivery_modes")
        ),
    )
    op.create_table(
        "halls",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("site_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["site_id"], ["sites.id"], name=op.f("fk_halls_site_id_sites"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_halls")),
        sa.UniqueConstraint("site_id", "name", name=op.f("uq_halls_site_id_name")),
    )
    with op.batch_alter_table("halls", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_halls_site_id"), ["site_id"], unique=False)

    op.create_table(
        "points_of_sale",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("channel_code", sa.String(length=64), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["channel_code"],
            ["sales_channels.code"],
            name=op.f("fk_points_of_sale_channel_code_sales_channels"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_points_of_sale")),
    )
    with op.batch_alter_table("points_of_sale", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_points_of_sale_channel_code"), ["channel_code"], unique=False
        )

    op.create_table(
        "prices",
        sa.Column("grid_id", sa.String(length=64), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.Column("audience", sa.String(length=64), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("amount_currency", sa.String(length=3), nullable=False),
        sa.ForeignKeyConstraint(
            ["audience"],
            ["audience_subcategories.code"],
            name=op.f("fk_prices_audience_audience_subcategories"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["grid_id"],
            ["price_grids.id"],
            name=op.f("fk_prices_grid_id_price_grids"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("grid_id", "category", "audience", name=op.f("pk_prices")),
    )
    op.create_table(
        "seasons",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("organizer_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organizer_id"],
            ["organizers.id"],
            name=op.f("fk_seasons_organizer_id_organizers"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seasons")),
    )
    with op.batch_alter_table("seasons", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_seasons_organizer_id"), ["organizer_id"], unique=False)

    op.create_table(
        "activities",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("season_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["season_id"],
            ["seasons.id"],
            name=op.f("fk_activities_season_id_seasons"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activities")),
    )
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_activities_season_id"), ["season_id"], unique=False)

    op.create_table(
        "physical_layouts",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("hall_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("width", sa.Float(), nullable=False),
        sa.Column("height", sa.Float(), nullable=False),
        sa.Column("focal_x", sa.Float(), nullable=True),
        sa.Column("focal_y", sa.Float(), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["hall_id"],
            ["halls.id"],
            name=op.f("fk_physical_layouts_hall_id_halls"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_physical_layouts")),
    )
    with op.batch_alter_table("physical_layouts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_physical_layouts_hall_id"), ["hall_id"], unique=False)

    op.create_table(
        "events",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("activity_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activities.id"],
            name=op.f("fk_events_activity_id_activities"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_activity_id"), ["activity_id"], unique=False)

    op.create_table(
        "logical_layouts",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("season_id", sa.String(length=64), nullable=False),
        sa.Column("physical_layout_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["physical_layout_id"],
            ["physical_layouts.id"],
            name=op.f("fk_logical_layouts_physical_layout_id_physical_layouts"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["season_id"],
            ["seasons.id"],
            name=op.f("fk_logical_layouts_season_id_seasons"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_logical_layouts")),
    )
    with op.batch_alter_table("logical_layouts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_logical_layouts_physical_layout_id"),
            ["physical_layout_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_logical_layouts_season_id"), ["season_id"], unique=False
        )

    op.create_table(
        "seats",
        sa.Column("layout_id", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("seat_id", sa.String(length=64), nullable=False),
        sa.Column("zone", sa.String(length=64), nullable=False),
        sa.Column("block", sa.String(length=64), nullable=False),
        sa.Column("row_label", sa.String(length=32), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("x", sa.Float(), nullable=False),
        sa.Column("y", sa.Float(), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=True),
        sa.Column("flags", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["layout_id"],
            ["physical_layouts.id"],
            name=op.f("fk_seats_layout_id_physical_layouts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("layout_id", "position", name=op.f("pk_seats")),
        sa.UniqueConstraint("layout_id", "seat_id", name=op.f("uq_seats_layout_id_seat_id")),
    )
    op.create_table(
        "contingents",
        sa.Column("layout_id", sa.String(length=64), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("colour", sa.String(length=16), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("exclusive", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["layout_id"],
            ["logical_layouts.id"],
            name=op.f("fk_contingents_layout_id_logical_layouts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("layout_id", "code", name=op.f("pk_contingents")),
    )
    op.create_table(
        "logical_categories",
        sa.Column("layout_id", sa.String(length=64), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("colour", sa.String(length=16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["layout_id"],
            ["logical_layouts.id"],
            name=op.f("fk_logical_categories_layout_id_logical_layouts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("layout_id", "code", name=op.f("pk_logical_categories")),
    )
    op.create_table(
        "performances",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("hall_id", sa.String(length=64), nullable=False),
        sa.Column("logical_layout_id", sa.String(length=64), nullable=False),
        sa.Column("price_grid_id", sa.String(length=64), nullable=False),
        sa.Column("starts_at", sa.String(length=32), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("booking_fee_minor", sa.Integer(), nullable=True),
        sa.Column("booking_fee_currency", sa.String(length=3), nullable=True),
        sa.CheckConstraint(
            "(booking_fee_minor IS NULL) = (booking_fee_currency IS NULL)",
            name=op.f("ck_performances_booking_fee_whole"),
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_performances_event_id_events"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["hall_id"],
            ["halls.id"],
            name=op.f("fk_performances_hall_id_halls"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["logical_layout_id"],
            ["logical_layouts.id"],
            name=op.f("fk_performances_logical_layout_id_logical_layouts"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["price_grid_id"],
            ["price_grids.id"],
            name=op.f("fk_performances_price_grid_id_price_grids"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_performances")),
    )
    with op.batch_alter_table("performances", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_performances_event_id"), ["event_id"], unique=False)

    op.create_table(
        "contingent_channels",
        sa.Column("layout_id", sa.String(length=64), nullable=False),
        sa.Column("contingent_code", sa.String(length=64), nullable=False),
        sa.Column("channel_code", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["channel_code"],
            ["sales_channels.code"],
            name=op.f("fk_contingent_channels_channel_code_sales_channels"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["layout_id", "contingent_code"],
            ["contingents.layout_id", "contingents.code"],
            name="fk_contingent_channels_contingent_contingents",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "layout_id", "contingent_code", "channel_code", name=op.f("pk_contingent_channels")
        ),
    )
    op.create_table(
        "logical_ga_categories",
        sa.Column("layout_id", sa.String(length=64), nullable=False),
        sa.Column("ga_zone_id", sa.String(length=64), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["layout_id", "category"],
            ["logical_categories.layout_id", "logical_categories.code"],
            name="fk_logical_ga_categories_category_logical_categories",
        ),
        sa.ForeignKeyConstraint(
            ["layout_id"],
            ["logical_layouts.id"],
            name=op.f("fk_logical_ga_categories_layout_id_logical_layouts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("layout_id", "ga_zone_id", name=op.f("pk_logical_ga_categories")),
    )
    op.create_table(
        "logical_seats",
        sa.Column("layout_id", sa.String(length=64), nullable=False),
        sa.Column("seat_id", sa.String(length=64), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=True),
        sa.Column("contingent", sa.String(length=64), nullable=True),
        sa.Column("blocked", sa.Boolean(), nullable=False),
        sa.Column("invalidated", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["layout_id", "category"],
            ["logical_categories.layout_id", "logical_categories.code"],
            name="fk_logical_seats_category_logical_categories",
        ),
        sa.ForeignKeyConstraint(
            ["layout_id", "contingent"],
            ["contingents.layout_id", "contingents.code"],
            name="fk_logical_seats_contingent_contingents",
        ),
        sa.ForeignKeyConstraint(
            ["layout_id"],
            ["logical_layouts.id"],
            name=op.f("fk_logical_seats_layout_id_logical_layouts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("layout_id", "seat_id", name=op.f("pk_logical_seats")),
    )
    op.create_table(
        "performance_sale_windows",
        sa.Column("performance_id", sa.String(length=64), nullable=False),
        sa.Column("channel_code", sa.String(length=64), nullable=False),
        sa.Column("opens_at", sa.String(length=32), nullable=False),
        sa.Column("closes_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["channel_code"],
            ["sales_channels.code"],
            name=op.f("fk_performance_sale_windows_channel_code_sales_channels"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["performance_id"],
            ["performances.id"],
            name=op.f("fk_performance_sale_windows_performance_id_performances"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "performance_id", "channel_code", name=op.f("pk_performance_sale_windows")
        ),
    )


def downgrade() -> None:
    # Dropping a table drops its indexes with it.
    op.drop_table("performance_sale_windows")
    op.drop_table("logical_seats")
    op.drop_table("logical_ga_categories")
    op.drop_table("contingent_channels")
    op.drop_table("performances")
    op.drop_table("logical_categories")
    op.drop_table("contingents")
    op.drop_table("seats")
    op.drop_table("logical_layouts")
    op.drop_table("events")
    op.drop_table("physical_layouts")
    op.drop_table("activities")
    op.drop_table("seasons")
    op.drop_table("prices")
    op.drop_table("points_of_sale")
    op.drop_table("halls")
    op.drop_table("channel_delivery_modes")
    op.drop_table("sites")
    op.drop_table("sales_channels")
    op.drop_table("price_grids")
    op.drop_table("organizers")
    op.drop_table("delivery_modes")
    op.drop_table("audience_subcategories")
