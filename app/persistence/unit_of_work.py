"""The unit of work: one database transaction and the repositories that work inside it.

Use it as a context manager and commit explicitly::

    with db.unit_of_work() as uow:
        uow.operators.save(operator)
        uow.commit()

Leaving the block without `commit` (or by an exception) rolls everything back. A unit of work
belongs to one thread (the database lane) and must not outlive its ``with`` block; what its
repositories return are frozen domain objects, safe to hand to any thread.
"""

from __future__ import annotations

import sqlite3
from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.persistence.errors import DatabaseReadOnly, unavailable_kind
from app.persistence.repositories.advantages import AdvantageRepository
from app.persistence.repositories.after_sale import AfterSaleRepository
from app.persistence.repositories.catalog import CatalogRepository
from app.persistence.repositories.channels import ChannelRepository
from app.persistence.repositories.configurations import ConfigurationRepository
from app.persistence.repositories.contacts import ContactRepository
from app.persistence.repositories.feed import FeedRepository
from app.persistence.repositories.journal import JournalRepository
from app.persistence.repositories.operators import OperatorRepository
from app.persistence.repositories.options import OptionRepository
from app.persistence.repositories.payments import PaymentRepository
from app.persistence.repositories.pickups import PickupRepository
from app.persistence.repositories.print_jobs import PrintJobRepository
from app.persistence.repositories.sales import (
    CartRepository,
    GiftCardRepository,
    SaleRepository,
    StandingRepository,
)
from app.persistence.repositories.seat_states import SeatStateRepository
from app.persistence.repositories.settings import SettingsRepository
from app.persistence.repositories.sync_link import SyncLinkRepository
from app.persistence.repositories.ticket_numbers import TicketNumberRepository
from app.persistence.repositories.till_sessions import TillSessionRepository
from app.persistence.repositories.venues import VenueRepository
from app.services import ports


class UnitOfWorkClosed(RuntimeError):
    """The unit of work was used outside its ``with`` block."""


class UnitOfWork:
    venues: VenueRepository
    configurations: ConfigurationRepository
    catalog: CatalogRepository
    channels: ChannelRepository
    seat_states: SeatStateRepository
    operators: OperatorRepository
    settings: SettingsRepository
    payments: PaymentRepository
    print_jobs: PrintJobRepository
    ticket_numbers: TicketNumberRepository
    till_sessions: TillSessionRepository
    journal: JournalRepository
    carts: CartRepository
    standing: StandingRepository
    sales: SaleRepository
    gift_cards: GiftCardRepository
    after_sale: AfterSaleRepository
    sync: SyncLinkRepository
    feed: FeedRepository
    advantages: AdvantageRepository
    contacts: ContactRepository
    options: OptionRepository
    pickups: PickupRepository

    def __init__(self, engine: Engine, path: str = "", read_only: bool = False) -> None:
        self._engine = engine
        self._path = path
        self._read_only = read_only
        self._session: Session | None = None

    def __enter__(self) -> UnitOfWork:
        if self._session is not None:
            raise RuntimeError("a unit of work cannot be entered twice")
        session = Session(bind=self._engine, autoflush=False, expire_on_commit=False)
        self._session = session
        self.venues = VenueRepository(session)
        self.configurations = ConfigurationRepository(session, self.venues)
        self.catalog = CatalogRepository(session)
        self.channels = ChannelRepository(session)
        self.seat_states = SeatStateRepository(session)
        self.operators = OperatorRepository(session)
        self.settings = SettingsRepository(session)
        self.payments = PaymentRepository(session)
        self.print_jobs = PrintJobRepository(session)
        self.ticket_numbers = TicketNumberRepository(session)
        self.till_sessions = TillSessionRepository(session)
        self.journal = JournalRepository(session)
        self.carts = CartRepository(session)
        self.standing = StandingRepository(session)
        self.sales = SaleRepository(session)
        self.gift_cards = GiftCardRepository(session)
        self.after_sale = AfterSaleRepository(session)
        self.sync = SyncLinkRepository(session)
        self.feed = FeedRepository(session, self.venues)
        self.advantages = AdvantageRepository(session)
        self.contacts = ContactRepository(session)
        self.options = OptionRepository(session)
        self.pickups = PickupRepository(session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        session = self._require()
        try:
            session.rollback()  # a no-op after commit
        finally:
            session.close()
            self._session = None
        if exc is not None:
            self._raise_unavailable(exc)

    @property
    def session(self) -> Session:
        """The session, for other modules of app.persistence (outbox, journal...) only."""
        return self._require()

    def commit(self) -> None:
        try:
            self._require().commit()
        except DBAPIError as exc:
            self._raise_unavailable(exc)
            raise

    def _raise_unavailable(self, exc: BaseException) -> None:
        """A database error that is about the file (damaged, read-only, disk full) becomes
        `DatabaseUnavailable`, which the screens explain; a statement's own error stays as it
        is. A write refused in a read-only unit of work is a bug, not a read-only file."""
        if not isinstance(exc, DBAPIError | sqlite3.Error):
            return
        kind = unavailable_kind(exc)
        if kind is None or (kind is DatabaseReadOnly and self._read_only):
            return
        raise kind(self._path, str(getattr(exc, "orig", None) or exc)) from exc

    def rollback(self) -> None:
        self._require().rollback()

    def _require(self) -> Session:
        if self._session is None:
            raise UnitOfWorkClosed("use the unit of work inside its with block")
        return self._session


def as_port(uow: UnitOfWork) -> ports.UnitOfWork:
    """The concrete unit of work is the use cases' port: mypy checks it here."""
    return uow
