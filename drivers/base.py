"""The device lifecycle every driver follows (UnifiedPOS style) and its status events.

open → claim → enable … disable → release → close; states CLOSED, IDLE, BUSY, ERROR. A driver
subclasses `Device`, implements the ``_do_*`` hooks, and reports changes with `_set_state`.
Listeners are plain callables, called on the device's own thread: the client turns them into
queued Qt signals. Devices outlive screens: a listener whose receiver is gone (it raises
`ListenerGone`) is dropped quietly, one that raises anything else is logged and dropped; neither
ever reaches the device's work.
"""

from __future__ import annotations

import enum
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import ClassVar, Generic, ParamSpec

from drivers.errors import DeviceError

log = logging.getLogger(__name__)
P = ParamSpec("P")


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


class ListenerGone(Exception):
    """Raised by a listener whose receiver no longer exists (a closed screen): it is dropped."""


class Listeners(Generic[P]):
    """Callables told of something, safe to add, remove and call from any thread.

    `notify` never raises: the work that reports an event is a device's, and a payment, a
    drawer kick or a print must not fail because someone who listened went away.
    """

    def __init__(self, what: str) -> None:
        self._what = what
        self._items: list[Callable[P, object]] = []
        self._lock = threading.Lock()

    def add(self, listener: Callable[P, object]) -> None:
        with self._lock:
            self._items.append(listener)

    def remove(self, listener: Callable[P, object]) -> None:
        """Stop telling ``listener``; nothing happens when it was not (or no longer) listening."""
        with self._lock:
            if listener in self._items:
                self._items.remove(listener)

    def __len__(self) -> int:
        return len(self._items)

    def notify(self, *args: P.args, **kwargs: P.kwargs) -> None:
        with self._lock:
            items = list(self._items)
        for listener in items:
            try:
                listener(*args, **kwargs)
            except ListenerGone:
                self.remove(listener)
            except Exception:
                log.exception("a %s listener failed and was dropped", self._what)
                self.remove(listener)


class Device:
    """Base of every driver: the lifecycle, the state, and the listeners.

    ``OPTION_NAMES`` lists every option a driver reads from its ``[devices.X.options]``;
    `drivers.registry.create` refuses any other, so a misspelt option is an error, never
    silently a default."""

    role: Role
    OPTION_NAMES: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, name: str) -> None:
        self.name = name
        self._state = DeviceState.CLOSED
        self._claimed = False
        self._enabled = False
        self._listeners: Listeners[[StatusEvent]] = Listeners(f"{name} status")
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
        self._listeners.add(listener)

    def remove_listener(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def _set_state(
        self, state: DeviceState, detail: str = "", error: DeviceError | None = None
    ) -> None:
        self._state = state
        self._listeners.notify(StatusEvent(self.name, state, detail, error))
