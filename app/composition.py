"""The till's composition, without a screen: its database and use cases (`open_till`), then
its devices, printers and the sale on top (`open_station`). The client (`app.main`) and the
technician's commands build the till through here; nothing here imports Qt. What the station
does by itself while the client runs (options past their expiry, codes of abandoned carts) is
scheduled by `app.ui.chores`, on the use cases built here.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from app.config import STATION_FILE, StationConfig
from drivers.base import Role

if TYPE_CHECKING:
    from app.services.advantages import AdvantageServices
    from app.services.contacts import ContactServices
    from app.services.devices import DevicesService
    from app.services.options import OptionServices
    from app.services.ports import UnitOfWorkFactory
    from app.services.printing import PrinterStation, PrintingServices
    from app.services.selling import SellingServices
    from app.services.syncing import FeedLane, NetworkLane, SyncServices
    from app.services.till import TillServices
    from domain.clock import Clock
    from drivers.config import DeviceConfig
    from drivers.station import DeviceStation

log = logging.getLogger(__name__)

_PRINTER_ROLES = (Role.TICKET_PRINTER, Role.RECEIPT_PRINTER)


def open_till(config: StationConfig, clock: Clock | None = None) -> TillServices:
    """The till's use cases over its database, migrated; a demo station's new database gets
    the demo catalog, venues and operators.

    `clock` is the one clock every use case reads; the system clock unless a test pins one."""
    from app.persistence import open_database
    from app.services.auth import Argon2PinHasher
    from app.services.clock import SystemClock
    from app.services.demo import load_demo
    from app.services.journal import record_startup
    from app.services.till import TillServices

    database = open_database(config.database_path)
    hasher = Argon2PinHasher()
    clock = clock or SystemClock()
    if config.demo:
        load_demo(database.unit_of_work, hasher, clock)
    record_startup(database.unit_of_work, clock, config.point_of_sale, _settings_hash(config))
    _recover_session(database.unit_of_work, config.point_of_sale)
    services = TillServices(
        database.unit_of_work, hasher, clock, config.point_of_sale, config.timezone
    )
    services.close_fiscal_periods()  # every fiscal period ended since the last run
    return services


def _settings_hash(config: StationConfig) -> str:
    """The SHA-256 of station.toml, journaled at each start-up (a change is an event)."""
    try:
        return hashlib.sha256((config.data_dir / STATION_FILE).read_bytes()).hexdigest()
    except OSError:
        return ""


def _recover_session(uow_factory: UnitOfWorkFactory, till: str) -> None:
    """The session the last run left (a crash, a quit) carries on: said in the log."""
    from app.services.tills import recover_at_start

    found = recover_at_start(uow_factory, till)
    if found is None:
        return
    if found.sealed:
        log.warning("till session %s: its close was journaled; it is sealed now", found.session.id)
    else:
        log.info(
            "till session %s carries on (%s since %s)",
            found.session.id,
            found.session.state.value,
            found.session.opened_at.isoformat(),
        )


@dataclass
class Station:
    """The till's use cases and its devices, each physical device on its own worker thread;
    the printers' print queues and job journal on top of their devices."""

    services: TillServices
    printing: PrintingServices
    devices: DevicesService
    printers: PrinterStation
    device_station: DeviceStation
    selling: SellingServices
    syncing: SyncServices
    network: NetworkLane  # uploads to the central server, when the till is enrolled
    feed: FeedLane  # the server's catalog and seat changes, long-polled
    database_path: Path | None = None  # whose writer lock this station holds
    advantages: AdvantageServices | None = None  # the cart's promo and advantage codes
    contacts: ContactServices | None = None  # the customer at the counter
    options: OptionServices | None = None  # options at the till (expired ones at the start)

    def stop(self) -> None:
        from app.persistence.writer_lock import release_writer_lock

        self.feed.stop()
        self.network.stop()
        self.device_station.stop()  # finishes queued print jobs, then closes every device
        if self.database_path is not None:
            release_writer_lock(self.database_path)


def _device_configs(config: StationConfig) -> list[DeviceConfig]:
    from app.services.devices import station_configs

    configs = station_configs(dict(config.devices))
    printed = str(config.data_dir / "printed")
    # Simulated printers keep the pictures of what they printed beside the database.
    return [
        replace(c, options={"output_dir": printed, **c.options})
        if c.scheme == "sim" and c.role in _PRINTER_ROLES
        else c
        for c in configs
    ]


def open_station(config: StationConfig, clock: Clock | None = None) -> Station:
    """The running till: its use cases, devices, printers and network lanes. It is the one
    writer of its database: a second instance on it gets `DatabaseInUse` before it writes
    anything. The options that expired while it was stopped give their places back here;
    while it runs, the client's chores (`app.ui.chores`) do that and the rest."""
    from app.persistence.writer_lock import hold_writer_lock
    from app.services.advantages import AdvantageServices, ServerCodeClaims
    from app.services.contacts import ContactServices
    from app.services.devices import DevicesService
    from app.services.feed import CatalogFeed
    from app.services.options import OptionServices
    from app.services.printing import PrinterStation, PrintingServices
    from app.services.selling import SellingServices
    from app.services.server_inventory import ServerInventory
    from app.services.syncing import FeedLane, NetworkLane, SyncServices
    from app.services.tickets import sale_ticket_printer
    from drivers.station import DeviceStation

    hold_writer_lock(config.database_path)
    services = open_till(config, clock)
    device_station = DeviceStation(_device_configs(config))
    printers = PrinterStation(devices=device_station)
    printing = PrintingServices(
        services.uow_factory, printers, services.clock, config.point_of_sale
    )
    recovered = printing.recover_unfinished()
    if recovered:
        log.warning(
            "%d print job(s) left unfinished by the last run now wait for a decision", recovered
        )
    devices = DevicesService(
        device_station, services.uow_factory, services.clock, config.point_of_sale
    )
    syncing = SyncServices(services.uow_factory, services.clock, config.point_of_sale)
    network = NetworkLane(syncing)
    feed = FeedLane(
        syncing, CatalogFeed(services.uow_factory, services.clock, config.point_of_sale).pull_once
    )
    selling = SellingServices(
        services.uow_factory,
        services.clock,
        config.point_of_sale,
        lambda: services.till().channel.code,
        inventory=ServerInventory(syncing.link),  # the till's own until it is enrolled
        print_tickets=sale_ticket_printer(printing),
        print_receipt=printing.print_receipt,
        dispatch=printing.dispatch,
        open_drawer=devices.open_drawer_for_sale,
        receipt_always=config.receipt_always,
        recorded=network.wake,  # a sale goes up at once when the server is there
    )
    # An enrolled till claims single-use codes on the server; one on its own, in its database.
    link = syncing.link()
    advantages = AdvantageServices(
        services.uow_factory,
        services.clock,
        lambda: services.till().channel.code,
        claims=None if link is None else ServerCodeClaims(syncing.link),
    )
    options = OptionServices(services.uow_factory, services.clock, config.point_of_sale, selling)
    expired = options.expire_due()  # while the till was stopped; then `app.ui.chores`
    if expired:
        log.info("%d option(s) expired while the till was stopped: places on sale", len(expired))
    device_station.start()
    devices.reconcile_at_start()  # card payments a crash left open: asked, never guessed
    network.start()
    feed.start()
    return Station(
        services,
        printing,
        devices,
        printers,
        device_station,
        selling,
        syncing,
        network,
        feed,
        config.database_path,
        advantages,
        ContactServices(services.uow_factory, services.clock, services.hasher),
        options,
    )
