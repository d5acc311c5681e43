"""An in-memory transport: what was written is kept, what will be read is scripted.

For tests and for devices whose signals a pseudo-terminal cannot carry (drawer sensors on CTS
or RI). A ``responder`` may answer each write, the way a device answers a status query. It
is a real `Transport`, deadlines included; it must never be used for a real device.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from drivers.errors import DeviceUnavailable
from drivers.transports.base import WireLog

Responder = Callable[[bytes], bytes]


class MemoryTransport:
    def __init__(
        self,
        responder: Responder | None = None,
        *,
        log: WireLog | None = None,
        description: str = "memory://",
    ) -> None:
        self.description = description
        self.written = bytearray()
        self.responder = responder
        self.cts = False
        self.dsr = False
        self.ri = False
        self.cd = True
        self.rts = False
        self.dtr = False
        self.fail_open: Exception | None = None
        self._incoming = bytearray()
        self._open = False
        self._log = log
        self._ready = threading.Condition()

    @property
    def is_open(self) -> bool:
        return self._open

    def open(self, timeout: float) -> None:
        if self.fail_open is not None:
            raise self.fail_open
        self._open = True

    def close(self) -> None:
        self._open = False

    def feed(self, data: bytes) -> None:
        """Bytes the device will send."""
        with self._ready:
            self._incoming += data
            self._ready.notify_all()

    def write(self, data: bytes, timeout: float) -> None:
        if not self._open:
            raise DeviceUnavailable(f"{self.description} is not open")
        self.written += data
        if self._log is not None:
            self._log.add("out", data)
        if self.responder is not None:
            answer = self.responder(bytes(data))
            if answer:
                self.feed(answer)

    def read(self, size: int, timeout: float) -> bytes:
        if not self._open:
            raise DeviceUnavailable(f"{self.description} is not open")
        deadline = time.monotonic() + max(timeout, 0.0)
        with self._ready:
            while not self._incoming:
                left = deadline - time.monotonic()
                if left <= 0:
                    return b""
                self._ready.wait(left)
            data = bytes(self._incoming[:size])
            del self._incoming[:size]
        if self._log is not None:
            self._log.add("in", data)
        return data

    def drain(self) -> bytes:
        with self._ready:
            stale = bytes(self._incoming)
            self._incoming.clear()
        return stale

    def set_rts(self, level: bool) -> None:
        self.rts = level

    def set_dtr(self, level: bool) -> None:
        self.dtr = level
