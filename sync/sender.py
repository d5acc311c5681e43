"""The outbox sender: the till's events go up in ``device_seq`` order, with the journal entries
that chain them, until the server has them all (notes/sync.md §7).

At-least-once delivery on top of the server's permanent dedupe: a batch whose answer was lost
is sent again as it was; an event is marked sent only through the server's
``acked_through_seq``, in one local transaction; nothing is deleted, and a revoked token stops
the sender with the outbox kept. `drain` runs until the outbox is empty, the deadline passes or
the server cannot take more now, and says which in its `DrainReport`; the caller (the till's
network lane) sleeps by `Backoff` between tries.

The store is a port (`OutboxStore`): the till implements it on its database; this module
imports no client code.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final, Protocol

from sync.client import RetryLater, ServerClient, SyncError, Unauthorized
from sync.protocol import (
    MAX_BODY_BYTES,
    Event,
    EventOutcome,
    EventsBatch,
    JournalEntryWire,
    JournalLink,
)

EVENTS_PER_BATCH: Final = 100
JOURNAL_PER_BATCH: Final = 500
BODY_BUDGET: Final = MAX_BODY_BYTES // 2  # for the events: the journal entries come too
BODY_LIMIT: Final = MAX_BODY_BYTES * 9 // 10  # events and entries: under the server's limit


@dataclass(frozen=True, slots=True)
class Pending:
    """One outbox row not yet acknowledged, with its journal entry's link."""

    device_seq: int
    event_id: str
    kind: str
    record: dict[str, Any]
    journal_seq: int
    prev_hash: str
    hash: str


@dataclass(frozen=True, slots=True)
class JournalItem:
    seq: int
    prev_hash: str
    hash: str
    record: dict[str, Any]


class OutboxStore(Protocol):
    def pending(self, limit: int) -> list[Pending]:
        """The first ``limit`` unacknowledged events, in device_seq order."""
        ...

    def journal_sent_through(self) -> int:
        """The journal seq through which the server verified this till's chain."""
        ...

    def journal(self, first_seq: int, limit: int) -> list[JournalItem]:
        """Journal entries from ``first_seq`` on, in seq order."""
        ...

    def last_journal_seq(self) -> int: ...

    def acknowledge(self, acked_through_seq: int, journal_verified_through: int) -> None:
        """In one transaction: events through the seq are on the server; so is the chain."""
        ...

    def note_error(self, message: str) -> None: ...


@dataclass
class DrainReport:
    sent_batches: int = 0
    acked_through_seq: int = 0
    left: int = 0  # events still to send (0: the outbox is empty)
    retry_after: float | None = None  # the server asked to wait this long
    error: str = ""  # why the drain stopped early ("": it did not)
    refused: list[str] | None = None  # events the server could not read (malformed)
    server_time: datetime | None = None  # the server's clock at its last answer


def build_batch(store: OutboxStore) -> tuple[EventsBatch, int] | None:
    """The next batch and the number of events in it; None when nothing is left to send
    (no event, and the chain on the server is as long as the till's journal)."""
    pending = store.pending(EVENTS_PER_BATCH)
    verified = store.journal_sent_through()
    if not pending and store.last_journal_seq() <= verified:
        return None
    journal = store.journal(verified + 1, JOURNAL_PER_BATCH)
    last_journal = journal[-1].seq if journal else verified
    events: list[Event] = []
    size = 0
    for item in pending:
        if item.journal_seq > last_journal:
            break  # its chain is not in this batch: the next one
        event = Event(
            device_seq=item.device_seq,
            event_id=item.event_id,
            kind=item.kind,
            record=item.record,
            journal=JournalLink(seq=item.journal_seq, prev_hash=item.prev_hash, hash=item.hash),
            **_lease(item.record),
        )
        size += len(event.model_dump_json())
        if events and size > BODY_BUDGET:
            break
        events.append(event)
    cut = events[-1].journal.seq if events and len(events) < len(pending) else last_journal
    entries: list[JournalEntryWire] = []
    for j in journal:
        if j.seq > cut:
            break
        entry = JournalEntryWire(seq=j.seq, prev_hash=j.prev_hash, hash=j.hash, record=j.record)
        size += len(entry.model_dump_json())
        if entries and size > BODY_LIMIT:
            break  # the rest of the chain, and the events it links, go in the next batch
        entries.append(entry)
    if entries:
        events = [e for e in events if e.journal.seq <= entries[-1].seq]
    return EventsBatch(events=events, journal=entries), len(events)


def drain(
    client: ServerClient,
    store: OutboxStore,
    deadline: float,
    monotonic: Callable[[], float] = time.monotonic,
) -> DrainReport:
    """Send batches until the outbox is empty, the ``deadline`` (monotonic seconds) passes,
    or the server cannot take more now. `Unauthorized` (a revoked till) is raised: the caller
    stops selling online and keeps the outbox."""
    report = DrainReport()
    stalled = 0
    while monotonic() < deadline:
        built = build_batch(store)
        if built is None:
            return report
        batch, _count = built
        try:
            # The call itself ends by the deadline: a server that took the request and
            # stalls does not hold the lane for the client's 30 s read timeout.
            answer = client.post_events(batch, within=deadline - monotonic())
        except Unauthorized as exc:
            store.note_error(exc.message)
            raise
        except RetryLater as exc:
            report.retry_after, report.error = exc.after, exc.message
            store.note_error(exc.message)
            break
        except SyncError as exc:  # unreachable, or refused: the same batch goes again later
            report.error = exc.message
            store.note_error(exc.message)
            break
        report.sent_batches += 1
        report.server_time = answer.server_time
        before = report.acked_through_seq
        report.acked_through_seq = answer.acked_through_seq
        store.acknowledge(answer.acked_through_seq, answer.journal_verified_through)
        refused = [
            f"{r.device_seq}: {r.detail}"
            for r in answer.results
            if r.result is EventOutcome.MALFORMED
        ]
        if refused:
            report.refused = refused
            report.error = "the server could not read event " + "; ".join(refused)
            store.note_error(report.error)
            break
        # A batch that moved nothing on twice (the server waits for events it lost, say):
        # stop, say so, try again later rather than spin.
        stalled = stalled + 1 if answer.acked_through_seq <= before and batch.events else 0
        if stalled >= 2:
            report.error = f"the server stays at event {answer.acked_through_seq}"
            store.note_error(report.error)
            break
    report.left = len(store.pending(EVENTS_PER_BATCH))
    return report


class Backoff:
    """Exponential backoff with full jitter between failed tries, bounded; the server's
    ``Retry-After`` wins when it says more."""

    def __init__(
        self,
        first: float = 1.0,
        ceiling: float = 60.0,
        rng: Callable[[], float] = random.random,
    ) -> None:
        self.first = first
        self.ceiling = ceiling
        self._rng = rng
        self.failures = 0

    def succeeded(self) -> None:
        self.failures = 0

    def failed(self, retry_after: float | None = None) -> float:
        """Seconds to wait before the next try."""
        self.failures += 1
        bound = min(self.ceiling, self.first * 2 ** (self.failures - 1))
        wait = bound * (0.5 + self._rng() / 2)
        return float(max(wait, retry_after or 0.0))


def _lease(record: dict[str, Any]) -> dict[str, Any]:
    """The lease a sale's record says it sold from, as the event's fields."""
    lease = record.get("lease")
    if isinstance(lease, dict) and isinstance(lease.get("id"), str):
        epoch = lease.get("epoch")
        return {"lease_id": lease["id"], "lease_epoch": epoch if isinstance(epoch, int) else None}
    return {}
