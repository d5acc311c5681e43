"""The till's side of the sync as use cases: enroll with a central server, upload the outbox
(`sync.sender`), and say how the link stands (online or not, what waits to go up, how old
the catalog is). A till never enrolled keeps working on its own database: every call here
then says so and does nothing.

`NetworkLane` is the one background thread that talks to the server: it drains the outbox
after each sale (woken by `wake`) and every few seconds, backing off while the server cannot
be reached; it never blocks a sale, and a revoked token stops it with the outbox kept.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from app.services import journal
from app.services.changes import Changes
from app.services.ports import Clock, UnitOfWork, UnitOfWorkFactory
from app.services.records import SyncLink
from domain.errors import GuichetError
from drivers.base import Listeners
from sync.client import (
    CursorExpired,
    Refused,
    ServerClient,
    SyncError,
    Unauthorized,
    ca_fingerprint,
)
from sync.protocol import ErrorCode, LeaseState, LeaseWire
from sync.sender import Backoff, DrainReport, JournalItem, Pending, drain

log = logging.getLogger(__name__)

ONLINE_WITHIN = timedelta(seconds=30)  # a contact this recent counts as online
POLL_SECONDS = 3.0
UPLOAD_DEADLINE = 20.0  # seconds one drain may take
FEED_WAIT = 20  # seconds a feed poll waits on the server for something to change


class NotEnrolled(GuichetError):
    def __init__(self) -> None:
        super().__init__("this till is not enrolled with a server: it sells on its own")


class EnrollmentRefused(GuichetError):
    pass


@dataclass(frozen=True, slots=True)
class SyncStatus:
    enrolled: bool
    online: bool = False
    queued: int = 0  # sales waiting to go up
    server_url: str = ""
    name: str = ""
    fingerprint: str = ""  # of the CA the till trusts
    last_contact_at: datetime | None = None
    catalog_at: datetime | None = None
    last_error: str = ""
    revoked: bool = False
    leases: tuple[LeaseSummary, ...] = ()  # what this till may sell offline


@dataclass(frozen=True, slots=True)
class LeaseSummary:
    """A lease of this till as a person reads it: the performance, the seats (their labels)
    and standing places (zone name, count), and until when they sell offline."""

    lease_id: str
    event: str
    starts_at: datetime
    seats: tuple[str, ...]
    places: tuple[tuple[str, int], ...]
    sell_until: datetime
    state: str


ClientFactory = Callable[[SyncLink], ServerClient]


def client_for(link: SyncLink) -> ServerClient:
    return ServerClient(link.server_url, link.ca_pem, link.token)


class _Store:
    """`sync.sender.OutboxStore` on the till's database: each call its own transaction."""

    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock, till: str) -> None:
        self._uow = uow_factory
        self._clock = clock
        self._till = till

    def pending(self, limit: int) -> list[Pending]:
        with self._uow(read_only=True) as uow:
            return uow.sync.pending(self._till, limit)

    def journal_sent_through(self) -> int:
        with self._uow(read_only=True) as uow:
            link = uow.sync.get()
            return 0 if link is None else link.journal_verified_through

    def journal(self, first_seq: int, limit: int) -> list[JournalItem]:
        with self._uow(read_only=True) as uow:
            return uow.sync.journal(self._till, first_seq, limit)

    def last_journal_seq(self) -> int:
        with self._uow(read_only=True) as uow:
            head = uow.journal.head(self._till)
            return 0 if head is None else head.seq

    def acknowledge(self, acked_through_seq: int, journal_verified_through: int) -> None:
        with self._uow() as uow:
            uow.sync.acknowledge(
                self._till, acked_through_seq, journal_verified_through, self._clock.now()
            )
            uow.commit()

    def note_error(self, message: str) -> None:
        with self._uow() as uow:
            uow.sync.note_error(message)
            uow.commit()


class SyncServices:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        till: str,
        client_factory: ClientFactory = client_for,
    ) -> None:
        self._uow = uow_factory
        self._clock = clock
        self._till = till
        self._client_factory = client_factory
        self.store = _Store(uow_factory, clock, till)
        self._listeners: Listeners[[Changes]] = Listeners("server changes")

    def add_change_listener(self, listener: Callable[[Changes], object]) -> None:
        """Told, on the feed's thread, what the server's feed changed here (performances
        whose seats moved, the catalog, the venues)."""
        self._listeners.add(listener)

    def remove_change_listener(self, listener: Callable[[Changes], object]) -> None:
        self._listeners.remove(listener)

    def changed(self, changes: Changes) -> None:
        self._listeners.notify(changes)

    def link(self) -> SyncLink | None:
        with self._uow(read_only=True) as uow:
            return uow.sync.get()

    def enroll(self, server_url: str, code: str, ca_pem: str) -> SyncLink:
        """Enroll this till with the one-time ``code`` (`guichet-server till add`), trusting
        only the CA in ``ca_pem`` — from now on, for every call. The server must hand back
        that same CA."""
        with ServerClient(server_url, ca_pem) as client:
            try:
                answer = client.enroll(code)
            except SyncError as exc:
                raise EnrollmentRefused(exc.message) from exc
        if ca_fingerprint(answer.ca_pem) != ca_fingerprint(ca_pem):
            raise EnrollmentRefused("the server says its CA is another one than the one given")
        link = SyncLink(
            server_url=server_url.rstrip("/"),
            device_id=answer.device_id,
            name=answer.name,
            token=answer.token,
            ca_pem=ca_pem,
            channel=answer.channel,
            enrolled_at=self._clock.now(),
            acked_through_seq=answer.acked_through_seq,
            journal_verified_through=answer.journal_head.seq,
            last_contact_at=self._clock.now(),
            server_time_at=answer.server_time,
        )
        with self._uow() as uow:
            uow.sync.enroll(link)
            # What the server has not got yet goes up again (a till enrolled anew).
            uow.sync.acknowledge(
                self._till, answer.acked_through_seq, answer.journal_head.seq, self._clock.now()
            )
            uow.commit()
        return link

    def rotate_token(self) -> None:
        """A new token from the server, stored at once (the old one works until the new one
        is first used, so a lost answer strands nothing: asking again gives the same one)."""
        link = self.link()
        if link is None:
            raise NotEnrolled()
        with self._client_factory(link) as client:
            answer = client.rotate_token()
        with self._uow() as uow:
            uow.sync.set_token(answer.token)
            uow.commit()

    def status(self) -> SyncStatus:
        with self._uow(read_only=True) as uow:
            link = uow.sync.get()
            queued = uow.sync.queued(self._till)
            leases = tuple(_lease_summary(uow, lease) for lease in uow.feed.leases())
        if link is None:
            return SyncStatus(enrolled=False, queued=queued)
        contact = link.last_contact_at
        online = (
            not link.revoked
            and not link.last_error
            and contact is not None
            and self._clock.now() - contact <= ONLINE_WITHIN
        )
        return SyncStatus(
            enrolled=True,
            online=online,
            queued=queued,
            server_url=link.server_url,
            name=link.name,
            fingerprint=ca_fingerprint(link.ca_pem),
            last_contact_at=contact,
            catalog_at=link.catalog_at,
            last_error=link.last_error,
            revoked=link.revoked,
            leases=leases,
        )

    def upload(self, seconds: float = UPLOAD_DEADLINE) -> DrainReport:
        """Send what the outbox holds, for at most ``seconds``. `NotEnrolled` on a till that
        has no server; a revoked token marks the link revoked (the outbox stays)."""
        link = self.link()
        if link is None:
            raise NotEnrolled()
        with self._client_factory(link) as client:
            try:
                report = drain(client, self.store, time.monotonic() + seconds)
                if not report.error and not report.sent_batches:
                    # Nothing to send: is the server there, and what time does it say?
                    report.server_time = self._heartbeat(client, link)
                if not report.error and not report.left:
                    self._return_leases(client)
            except Unauthorized as exc:
                with self._uow() as uow:
                    uow.sync.revoke(exc.message)
                    uow.commit()
                raise
            except SyncError as exc:
                report.error = exc.message
                self.store.note_error(exc.message)
        if not report.error:
            with self._uow() as uow:
                uow.sync.note_contact(self._clock.now(), report.server_time)
                uow.commit()
        online = not report.error
        if journal.note_link(self._uow, self._clock, self._till, online, report.error) and online:
            return self.upload(seconds)  # the "offline_end" entry goes up with the rest
        return report

    def _return_leases(self, client: ServerClient) -> None:
        """Every sale is up: what a revoked lease, or one past its selling time, did not
        sell goes back to the server's pool (notes/sync.md §5.4–5.5), through the last
        event the server acknowledged. A lease the server took back already is kept as
        expired; one it cannot take yet waits for the next upload."""
        with self._uow(read_only=True) as uow:
            link = uow.sync.get()
            if link is None:
                return
            server_now = link.server_now(self._clock.now())
            due = [
                lease
                for lease in uow.feed.leases()
                if lease.state is LeaseState.REVOKING
                or (lease.state is LeaseState.ACTIVE and lease.sell_until <= server_now)
            ]
        for lease in due:
            try:
                state = client.return_lease(lease.lease_id, link.acked_through_seq).state
            except Refused as exc:
                if exc.code != ErrorCode.LEASE_NOT_ACTIVE.value:
                    log.info("lease %s not returned now: %s", lease.lease_id, exc.message)
                    continue
                state = LeaseState.EXPIRED
            with self._uow() as uow:
                uow.feed.put_lease(lease.model_copy(update={"state": state}))
                uow.commit()

    @staticmethod
    def _heartbeat(client: ServerClient, link: SyncLink) -> datetime | None:
        """One authenticated call that changes nothing: the feed's first page, no waiting
        (an expired cursor is an answer too); the server's time."""
        with contextlib.suppress(CursorExpired):
            return client.changes(link.catalog_cursor or 0, limit=1, wait=0).server_time
        return None


def _lease_summary(uow: UnitOfWork, lease: LeaseWire) -> LeaseSummary:
    performance = uow.catalog.get_performance(lease.performance_id)
    physical = uow.configurations.get(performance.logical_layout_id).physical
    labels = {seat.id: seat.label for seat in physical.seats}
    zones = {zone.id: zone.name for zone in physical.ga_zones}
    return LeaseSummary(
        lease_id=lease.lease_id,
        event=uow.catalog.get_event(performance.event_id).name,
        starts_at=performance.starts_at,
        seats=tuple(labels.get(seat, seat) for seat in lease.seats),
        places=tuple((zones.get(p.zone_id, p.zone_id), p.count) for p in lease.places),
        sell_until=lease.sell_until,
        state=lease.state.value,
    )


class FeedPull(Protocol):
    """`app.services.feed.CatalogFeed.pull_once`: a snapshot or the pages the server has."""

    def __call__(self, client: ServerClient, wait: int = 0) -> _Report: ...


class _Report(Protocol):
    @property
    def changes(self) -> Changes: ...


class FeedLane:
    """The till's second thread to the server: it long-polls the catalog and seat feed, so
    that another till's hold or sale shows here within about a second (the server answers a
    waiting poll as soon as something changes; the cursor stays the source of truth), and
    tells `SyncServices.add_change_listener`'s listeners what changed."""

    def __init__(
        self, syncing: SyncServices, pull: FeedPull, wait: int = FEED_WAIT, idle: float = 3.0
    ) -> None:
        self._syncing = syncing
        self._pull = pull
        self._wait = wait
        self._idle = idle
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="feed lane", daemon=True)
        self.backoff = Backoff()

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        client: ServerClient | None = None
        key: tuple[str, str] | None = None
        try:
            while not self._stop.is_set():
                link = self._syncing.link()
                if link is None or link.revoked:
                    self._stop.wait(self._idle)
                    continue
                if client is None or key != (link.server_url, link.token):
                    if client is not None:
                        client.close()
                    client, key = client_for(link), (link.server_url, link.token)
                wait = 0.0
                try:
                    report = self._pull(client, wait=self._wait)
                    self.backoff.succeeded()
                    if report.changes:
                        self._syncing.changed(report.changes)
                except Unauthorized:
                    self._stop.wait(self._idle)  # the upload lane marks the link revoked
                except SyncError as exc:
                    log.info("the feed could not be read: %s", exc.message)
                    wait = self.backoff.failed(getattr(exc, "after", None))
                except Exception:
                    log.exception("the feed failed")
                    wait = self.backoff.failed()
                if wait:
                    self._stop.wait(wait)
        finally:
            if client is not None:
                client.close()


class NetworkLane:
    """The till's one thread to the server (see the module docstring)."""

    def __init__(
        self,
        syncing: SyncServices,
        poll_seconds: float = POLL_SECONDS,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        self._syncing = syncing
        self._poll = poll_seconds
        self._on_change = on_change
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="network lane", daemon=True)
        self.backoff = Backoff()

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        """A sale was recorded: upload now rather than at the next poll."""
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            wait = self._poll
            try:
                report = self._syncing.upload()
                if report.error:
                    wait = self.backoff.failed(report.retry_after)
                else:
                    self.backoff.succeeded()
            except NotEnrolled:
                wait = self._poll
            except Unauthorized:
                log.warning("the server revoked this till: uploads stop, the outbox is kept")
                self._notify()
                return
            except Exception:  # never let the lane die of a bug: log, back off, go on
                log.exception("the upload failed")
                wait = self.backoff.failed()
            self._notify()
            self._wake.wait(wait)
            self._wake.clear()

    def _notify(self) -> None:
        if self._on_change is not None:
            try:
                self._on_change()
            except Exception:
                log.exception("the sync status listener failed")
