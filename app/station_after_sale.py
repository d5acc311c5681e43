"""Find, refunds and reprints (`app.services.after_sale`) built on a running station: its
terminal for card refunds, its drawer for cash, its ticket printer for DUPLICATA, its network
lane to upload the corrections. Kept beside `app.composition` (which builds the station) so the
station's wiring stays in one place; `after_sale_services` also finishes what a crash left
between the card terminal and the commit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drivers.base import Role

if TYPE_CHECKING:
    from app.composition import Station
    from app.config import StationConfig
    from app.services.after_sale import AfterSaleServices


def after_sale_services(station: Station, config: StationConfig) -> AfterSaleServices:
    """The station's after-sale use cases; the refunds and card-paid exchanges a stopped till
    left pending are settled here (`AfterSaleServices.recover_at_start`,
    `ExchangeServices.recover_at_start`; what they did in ``recovered``)."""
    from app.services.after_sale import AfterSaleServices
    from app.services.exchanges import ExchangeServices
    from app.services.gift_cards import gift_cards_of
    from app.services.pickups import PickupServices
    from app.services.server_inventory import ServerInventory
    from domain.money import Money

    threshold = config.refund_approval_above
    devices, printing, services = station.devices, station.printing, station.services
    has_terminal = devices.device_for(Role.PAYMENT_TERMINAL) is not None
    has_printer = printing.station.for_purpose("tickets", quiet=True) is not None
    after_sale = AfterSaleServices(
        services.uow_factory,
        services.clock,
        config.point_of_sale,
        services.hasher,
        inventory=ServerInventory(station.syncing.link),
        card=devices.correction_payment if has_terminal else None,
        refund_approval_above=Money.of(threshold, "EUR") if threshold else None,
        open_drawer=devices.open_drawer_for_sale,
        queue_duplicate=printing.queue_duplicate if has_printer else None,
        dispatch=printing.dispatch,
        recorded=station.network.wake,
        print_receipt=printing.print_receipt
        if printing.station.for_purpose("receipts", quiet=True)
        else None,
        pickups=PickupServices(
            services.uow_factory,
            services.clock,
            config.point_of_sale,
            queue_tickets=printing.queue_numbered_tickets,
            dispatch=printing.dispatch,
            uploaded=station.network.wake,
            card=devices.correction_payment if has_terminal else None,
            open_drawer=devices.open_drawer_for_sale,
        )
        if has_printer
        else None,
    )
    after_sale.recover_at_start()
    # An exchange paid by card that the stop left pending: finished or given up, said the same way.
    after_sale.recovered += ExchangeServices(station.selling, after_sale).recover_at_start()
    # A gift card paid by card whose entry the stop left unwritten: the card gets it now.
    after_sale.recovered += gift_cards_of(after_sale).recover_at_start()
    return after_sale
