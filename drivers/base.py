"""The device lifecycle every driver follows (UnifiedPOS style) and its status events.

open → claim → enable … disable → release → close; states CLOSED, IDLE, BUSY, ERROR. A driver
subclasses `Device`, implements the ``_do_*`` hooks, and reports changes with `_set_state`.
Listeners are plain callables, called on the device's own thread: the client turns them into
queued Qt signals.
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from drivers.errors import DeviceError


class Role(enum.Enum):
    TICKET_PRINTER = "ticket_printer"
    RECEIPT_PRINTER = "receipt_printer"
    PAYMENT_TERMINAL = "payment_terminal"
    CASH_DRAWER = "cash_drawer"
    LINE_DISPLAY = "line_display"
    SCANNER = "scanner"


class DeviceState(enum.Enum):
    CLOSED = "closed"
    IDLE = "idle"
    BUSY = "busy"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class StatusEvent:
    device: str
    state: DeviceState
    detail: str = ""  # e.g. "paper near end", "cover open"
    error: DeviceError | None = None
    at: datetime = field(default_factory=lambda: datetime.now(UTC))


Listener = Callable[[StatusEvent], None]


class Device:
    """Base of every driver: the lifecycle, the state, and the listeners."""

    role: Role

    def __init__(self, name: str) -> None:
        self.name = name
        self._state = DeviceState.CLOSED
        self._claimed = False
        self._enabled = False
        self._listeners: list[Listener] = []
        self._lock = threading.RLock()

    # --- lifecycle ----------------------------------------------------------------------

    def open(self) -> None:
        with self._lock:
            if self._state is DeviceState.CLOSED:
                self._do_open()
                self._set_state(DeviceState.IDLE)

    def claim(self, timeout: float = 5.0) -> None:
        with self._lock:
            self._require_open()
            if not self._claimed:
                self._do_claim(timeout)
                self._claimed = True

    def enable(self) -> None:
        with self._lock:
            self._require_open()
            if not self._claimed:
                raise DeviceError("claim the device before enabling it", device=self.name)
            self._enabled = True

    def disable(self) -> None:
        with self._lock:
            self._enabled = False

    def release(self) -> None:
        with self._lock:
            self._enabled = False
            if self._claimed:
                self._do_release()
                self._claimed = False

    def close(self) -> None:
        with self._lock:
            self.release()
            if self._state is not DeviceState.CLOSED:
                self._do_close()
                self._set_state(DeviceState.CLOSED)

    @property
    def state(self) -> DeviceState:
        return self._state

    @property
    def enabled(self) -> bool:
        return self._enabled

    def _require_open(self) -> None:
        if self._state is DeviceState.CLOSED:
            raise DeviceError("the device is not open", device=self.name)

    def _require_enabled(self) -> None:
        if not self._enabled:
            raise DeviceError("the device is not enabled", device=self.name)

    # --- hooks for drivers --------------------------------------------------------------

    def _do_open(self) -> None:
        """Check the configuration; connect lazily or now, as the transport prefers."""

    def _do_claim(self, timeout: float) -> None:
        """Take the endpoint exclusively (connect, open the port)."""

    def _do_release(self) -> None:
        """Let go of the endpoint."""

    def _do_close(self) -> None:
        """Free everything."""

    # --- status events ------------------------------------------------------------------

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def _set_state(
        self, state: DeviceState, detail: str = "", error: DeviceError | None = None
    ) -> None:
        self._state = state
        event = StatusEvent(self.name, state, detail, error)
        for listener in list(self._listeners):
            listener(event)
