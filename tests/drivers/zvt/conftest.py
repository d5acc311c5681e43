"""A ZVT driver wired to the simulator, and a journal that checks the save-then-ACK rule."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest

from drivers.base import Role
from drivers.config import DeviceConfig
from drivers.payment import TerminalResult
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
        self.results: list[tuple[str | None, str, TerminalResult]] = []
        self.acked_before_saving = False
        self.fail_next = False

    def mark_sent(self, payment_id: str, at: datetime) -> None:
        assert at.tzinfo is not None
        self.sent.append(payment_id)

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

    def is_known_result(self, terminal_id: Any, trace: int | None, receipt_no: Any) -> bool:
        return any(
            pid is not None and r.trace == trace and r.terminal_id == terminal_id
            for pid, _c, r in self.results
        )


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
