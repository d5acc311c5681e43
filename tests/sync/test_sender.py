"""The sender's batches, on an in-memory outbox: in device_seq order, never an event without
its journal entry up to it, under the server's body limit however big the records are, and
backoff that grows, stays bounded and honours Retry-After."""

from __future__ import annotations

import uuid
from typing import Any

from domain.journal import Head, JournalEntry, chain_next
from sync.protocol import MAX_BODY_BYTES
from sync.sender import Backoff, JournalItem, Pending, build_batch


class MemoryStore:
    def __init__(self) -> None:
        self.entries: list[JournalEntry] = []
        self.events: list[Pending] = []
        self.verified = 0
        self.acked = 0

    def add(self, record: dict[str, Any], event: bool) -> None:
        head: JournalEntry | Head | None = self.entries[-1] if self.entries else None
        entry = chain_next(head, record)
        self.entries.append(entry)
        if event:
            self.events.append(
                Pending(len(self.events) + 1, str(record["sale"]), "sale", record,
                        entry.seq, entry.prev_hash, entry.hash)
            )  # fmt: skip

    def pending(self, limit: int) -> list[Pending]:
        return [e for e in self.events if e.device_seq > self.acked][:limit]

    def journal_sent_through(self) -> int:
        return self.verified

    def journal(self, first_seq: int, limit: int) -> list[JournalItem]:
        return [
            JournalItem(e.seq, e.prev_hash, e.hash, dict(e.record))
            for e in self.entries
            if e.seq >= first_seq
        ][:limit]

    def last_journal_seq(self) -> int:
        return self.entries[-1].seq if self.entries else 0

    def acknowledge(self, acked_through_seq: int, journal_verified_through: int) -> None:
        self.acked, self.verified = acked_through_seq, journal_verified_through

    def note_error(self, message: str) -> None:
        pass


def _sale(padding: int) -> dict[str, Any]:
    return {"type": "sale", "sale": str(uuid.uuid4()), "at": "2026-03-10T10:00:00+01:00",
            "till": "G1", "note": "x" * padding}  # fmt: skip


def test_batches_stay_under_the_limit_and_never_send_an_event_ahead_of_its_chain() -> None:
    store = MemoryStore()
    for n in range(300):
        store.add({"type": "print", "at": "2026-03-10T10:00:00+01:00", "n": n}, event=False)
        store.add(_sale(6000), event=True)  # big records: a few per batch only
    sent: list[int] = []
    while (built := build_batch(store)) is not None:
        batch, count = built
        assert len(batch.model_dump_json()) < MAX_BODY_BYTES
        last_entry = batch.journal[-1].seq if batch.journal else store.verified
        assert all(e.journal.seq <= last_entry for e in batch.events)
        seqs = [e.device_seq for e in batch.events]
        assert seqs == sorted(seqs) and (not sent or not seqs or seqs[0] == sent[-1] + 1)
        sent += seqs
        store.acknowledge(seqs[-1] if seqs else store.acked, last_entry)  # as the server does
        assert count == len(seqs)
    assert sent == list(range(1, 301))
    assert store.verified == store.last_journal_seq()


def test_the_journal_after_the_last_sale_goes_up_too() -> None:
    store = MemoryStore()
    store.add(_sale(10), event=True)
    store.add({"type": "print", "at": "2026-03-10T10:00:00+01:00"}, event=False)
    store.acknowledge(1, 1)
    built = build_batch(store)
    assert built is not None and built[1] == 0 and [e.seq for e in built[0].journal] == [2]
    store.acknowledge(1, 2)
    assert build_batch(store) is None


def test_backoff_grows_is_bounded_and_takes_the_servers_word() -> None:
    backoff = Backoff(first=1.0, ceiling=8.0, rng=lambda: 1.0)
    assert [backoff.failed() for _ in range(5)] == [1.0, 2.0, 4.0, 8.0, 8.0]
    assert backoff.failed(retry_after=30.0) == 30.0
    backoff.succeeded()
    assert backoff.failed() == 1.0
