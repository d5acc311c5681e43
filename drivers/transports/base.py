"""The transport interface: bytes in, bytes out, with deadlines; and a wire log for technicians.

Every transport raises only `drivers.errors` errors: DeviceUnavailable when it cannot connect,
DeviceTimeout when a deadline passes, DeviceBusy when the peer refuses another client.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol


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
