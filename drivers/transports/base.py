"""The transport interface: bytes in, bytes out, with deadlines; and a wire log for technicians.

Every transport raises only `drivers.errors` errors: DeviceUnavailable when it cannot connect,
DeviceTimeout when a deadline passes, DeviceBusy when the peer refuses another client.

A dialogue with a device has one overall `Deadline`: each step waits at most what is left of
it, so a device that drips bytes or streams them without end cannot hold a worker for ever.
`drain` takes what is already waiting, bounded in bytes and by that deadline.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

from drivers.errors import ProtocolError

Clock = Callable[[], float]  # seconds, monotonic

# Unsolicited status bytes come one per change of state: more than this, waiting at once, is
# a device that streams (or noise), not a status.
DRAIN_LIMIT = 256


class Transport(Protocol):
    description: str  # e.g. "tcp://127.0.0.1:9100", for logs and the technician screen

    def open(self, timeout: float) -> None: ...

    def close(self) -> None: ...

    def write(self, data: bytes, timeout: float) -> None: ...

    def read(self, size: int, timeout: float) -> bytes:
        """Up to ``size`` bytes; b"" when nothing came before the deadline."""
        ...

    @property
    def is_open(self) -> bool: ...


class Deadline:
    """One overall deadline for a dialogue with a device."""

    def __init__(self, seconds: float, clock: Clock = time.monotonic) -> None:
        self.seconds = seconds
        self._clock = clock
        self._end = clock() + seconds

    def left(self, step: float | None = None) -> float:
        """What is left, at most ``step`` (a step's own timeout); 0.0 once passed."""
        left = max(self._end - self._clock(), 0.0)
        return left if step is None else min(step, left)

    @property
    def passed(self) -> bool:
        return self._clock() >= self._end


def drain(transport: Transport, deadline: Deadline, limit: int = DRAIN_LIMIT) -> bytes:
    """What the device already sent, without waiting for more (stale status bytes before a
    query or a job). A device that keeps sending past ``limit`` bytes or past the deadline
    raises ProtocolError: its line is garbled, and nothing it says can be trusted as status."""
    stale = bytearray()
    while True:
        chunk = transport.read(limit + 1 - len(stale), 0.0)
        if not chunk:
            return bytes(stale)
        stale += chunk
        if len(stale) > limit or deadline.passed:
            raise ProtocolError(
                f"{transport.description} keeps sending ({len(stale)} bytes without a pause, "
                f"starting {bytes(stale[:8]).hex(' ')}): the line is garbled or the device is "
                "in a mode that streams; nothing it sent is taken as its status"
            )


@dataclass(frozen=True, slots=True)
class WireRecord:
    direction: str  # "out" (to the device) or "in"
    data: bytes
    at: datetime = field(default_factory=lambda: datetime.now(UTC))

    def hex(self) -> str:
        return self.data.hex(" ")


class WireLog:
    """The last bytes exchanged with a device, for the technician's hex log. Thread-safe."""

    def __init__(self, keep: int = 500) -> None:
        self._records: deque[WireRecord] = deque(maxlen=keep)
        self._lock = threading.Lock()
        self._listeners: list[Callable[[WireRecord], None]] = []

    def add(self, direction: str, data: bytes) -> None:
        if not data:
            return
        record = WireRecord(direction, bytes(data))
        with self._lock:
            self._records.append(record)
        for listener in list(self._listeners):
            listener(record)

    def records(self) -> list[WireRecord]:
        with self._lock:
            return list(self._records)

    def add_listener(self, listener: Callable[[WireRecord], None]) -> None:
        self._listeners.append(listener)
