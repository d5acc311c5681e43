"""A ZVT driver wired to the simulator, and a journal that checks the save-then-ACK rule."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest

from drivers.base import Role
from drivers.config import DeviceConfig
from drivers.payment import StoredResult, TerminalResult
from drivers.zvt.terminal import ZvtTerminal

FAST = {
    "ack_timeout": 0.6,
    "answer_timeout": 2.0,
    "reconnect_attempts": 6,
    "reconnect_pause": 0.2,
}


class RecordingJournal:
    """Keeps every result, and notes whether the wire already carried its ACK when saved."""

    def __init__(self) -> None:
        self.terminal: ZvtTerminal | None = None
        self.sent: list[str] = []
        self.sent_at: dict[str, datetime] = {}
        self.accepted: list[str] = []
        self.results: list[tuple[str | None, str, TerminalResult]] = []
        self.received: list[datetime] = []
        self.acked_before_saving = False
        self.fail_next = False

    def _now(self) -> datetime:
        assert self.terminal is not None
        return self.terminal.clock()

    def mark_sent(self, payment_id: str, at: datetime) -> None:
        assert at.tzinfo is not None
        self.sent.append(payment_id)
        self.sent_at[payment_id] = at

    def mark_accepted(self, payment_id: str, at: datetime) -> None:
        self.accepted.append(payment_id)

    def record_result(
        self, payment_id: str | None, command: str, raw: bytes, result: TerminalResult
    ) -> None:
        assert raw[:2] == b"\x04\x0f"
        if self.fail_next:
            self.fail_next = False
            raise OSError("disk full")
        assert self.terminal is not None
        records = self.terminal.wire.records()
        # Since the result came in, no application-level ACK (80 00 00) may have left; on a
        # serial line the line-level ACK byte (06) of the frame may.
        last_in = max(i for i, r in enumerate(records) if r.direction == "in")
        if any(b"\x80\x00\x00" in r.data for r in records[last_in + 1 :]):
            self.acked_before_saving = True
        self.results.append((payment_id, command, result))
        self.received.append(self._now())

    def _stored(self, index: int) -> StoredResult:
        pid, _command, result = self.results[index]
        return StoredResult(result, self.received[index], pid, self.sent_at.get(pid or ""))

    def find_result(self, result: TerminalResult) -> StoredResult | None:
        matches = [
            i
            for i, (_pid, command, r) in enumerate(self.results)
            if command in ("payment", "refund", "reversal", "reconciled")
            and r.terminal_time is not None
            and (r.terminal_id, r.trace, r.receipt_no, r.amount, r.terminal_time)
            == (
                result.terminal_id,
                result.trace,
                result.receipt_no,
                result.amount,
                result.terminal_time,
            )
        ]
        matches.sort(key=lambda i: self.results[i][0] is not None)
        return self._stored(matches[-1]) if matches else None

    def previous_result(self, before: datetime) -> StoredResult | None:
        earlier = [
            i
            for i, (_pid, command, _r) in enumerate(self.results)
            if command in ("payment", "refund", "reversal", "end_of_day")
            and self.received[i] < before
        ]
        return self._stored(earlier[-1]) if earlier else None


def make_terminal(uri: str = "sim://zvt", **options: Any) -> tuple[ZvtTerminal, RecordingJournal]:
    terminal = ZvtTerminal(
        DeviceConfig("card", Role.PAYMENT_TERMINAL, "zvt", uri, {**FAST, **options})
    )
    journal = RecordingJournal()
    journal.terminal = terminal
    terminal.journal = journal
    terminal.open()
    terminal.claim()
    terminal.enable()
    return terminal, journal


@pytest.fixture(params=["tcp", "serial"])
def terminal(request: pytest.FixtureRequest) -> Iterator[tuple[ZvtTerminal, RecordingJournal]]:
    uri = "sim://zvt" if request.param == "tcp" else "sim://zvt?line=serial"
    pair = make_terminal(uri)
    try:
        yield pair
    finally:
        pair[0].close()


@pytest.fixture
def tcp_terminal() -> Iterator[tuple[ZvtTerminal, RecordingJournal]]:
    pair = make_terminal()
    try:
        yield pair
    finally:
        pair[0].close()
