"""The embedded demo: a fresh till database gets Le Théâtre (with its Studio), a concert hall,
a season of performances, the box-office channel with its points of sale, gift cards, three
operators, and a promo code, single-use codes and a contact (`planfiles.demo_advantages`).

What the demo is comes from `planfiles.demo_catalog` (resources/demo/catalog.json and the plan
files beside it), the same reading the demo server loads; this module only writes it into the
till's database, once, in one transaction. Dates are counted in days from the first start so
the demo is always on sale.
"""

from __future__ import annotations

from datetime import timedelta

from app.services.ports import Clock, PinHasher, UnitOfWorkFactory
from domain.operators import Operator
from planfiles.demo_advantages import (
    DEMO_ADVANTAGES,
    DEMO_CODE_BATCH,
    DEMO_CODES,
    DEMO_CONTACT,
    DEMO_SINGLE_USE,
)
from planfiles.demo_catalog import demo_today, load_demo_catalog

DEMO_FLAG = "demo_loaded_on"
# The owner of the seats the demo books: sales, options and carts of other channels.
DEMO_OWNER = "demo:other-channels"


def is_loaded(uow_factory: UnitOfWorkFactory) -> bool:
    with uow_factory(read_only=True) as uow:
        return uow.settings.get(DEMO_FLAG) is not None


def load_demo(uow_factory: UnitOfWorkFactory, hasher: PinHasher, clock: Clock) -> bool:
    """Fill an empty database with the demo; False (and nothing done) if it is there already."""
    if is_loaded(uow_factory):
        return False
    demo = load_demo_catalog(demo_today(clock.now()))
    with uow_factory() as uow:
        for site in demo.sites:
            uow.venues.add_site(site)
        for hall in demo.halls:
            uow.venues.add_hall(hall)
        for layout in demo.physical_layouts:
            uow.venues.add_physical_layout(layout)
        uow.catalog.add_organizer(demo.organizer)
        uow.catalog.add_season(demo.season)
        for activity in demo.activities:
            uow.catalog.add_activity(activity)
        for audience in demo.audiences:
            uow.catalog.add_audience(audience)
        for grid in demo.price_grids:
            uow.catalog.add_price_grid(grid)
        for mode in demo.delivery_modes:
            uow.catalog.add_delivery_mode(mode)
        for channel in demo.channels:
            uow.channels.add_channel(channel)
        for point in demo.points_of_sale:
            uow.channels.add_point_of_sale(point)
        for configured in demo.logical_layouts:
            uow.configurations.add(configured)
        for event in demo.events:
            uow.catalog.add_event(event)
        for performance in demo.performances:
            uow.catalog.add_performance(performance)
            for state, seats in demo.booked.get(performance.id, {}).items():
                uow.seat_states.seed(performance.id, list(seats), state, DEMO_OWNER)
        for operator in demo.operators:
            uow.operators.add(
                Operator(operator.id, operator.login, operator.name, operator.role,
                         hasher.hash(operator.pin))
            )  # fmt: skip
        for code, balance, days in demo.gift_cards:
            uow.gift_cards.add(code, balance, clock.now() + timedelta(days=days))
        # Seed 004: the promo code BIENVENUE, the single-use codes MERCI-0001…, a contact.
        for advantage in DEMO_ADVANTAGES:
            uow.advantages.add(advantage)
        uow.advantages.add_codes(DEMO_SINGLE_USE.id, DEMO_CODE_BATCH, DEMO_CODES, clock.now())
        uow.contacts.add(DEMO_CONTACT, clock.now())
        uow.settings.set(DEMO_FLAG, demo.today.isoformat())
        uow.commit()
    return True
