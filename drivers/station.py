"""The station's devices: built from station.toml's ``[devices]`` through the registry, each
physical device driven by its own worker thread, their status events gathered in one place.

Devices that share an endpoint share that endpoint's worker, so they never talk over each
other. A worker runs jobs in order and status polls only when no job waits, at most one poll
per device outstanding: a silent printer that makes each poll wait its whole timeout never
piles polls up, and a print job or a payment never queues behind them.

A device configured at ``printer://NAME`` (the cash drawer on the receipt printer's drawer
port) runs on that printer's worker and talks through the printer's own connection:
network printers often accept one client at a time. A device
that cannot be created or opened stays listed, in ERROR, with the reason: the till starts
without it. Listeners are called on the worker threads; the client turns them into queued Qt
signals. A listener that is gone or fails is dropped: it never breaks a device's work, which
outlives every screen. No Qt and no database here.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlsplit

from drivers import registry
from drivers.base import Device, DeviceState, Listener, Listeners, Role, StatusEvent
from drivers.config import DeviceConfig
from drivers.errors import DeviceConfigError, DeviceError
from drivers.transports.base import WireLog

log = logging.getLogger(__name__)
T = TypeVar("T")
ScanListener = Callable[[str, str], None]


@dataclass(frozen=True, slots=True)
class DeviceStatus:
    name: str
    role: Role
    driver: str
    uri: str
    state: DeviceState
    detail: str = ""
    error: str = ""
    retryable: bool = False


def endpoint_of(config: DeviceConfig, by_name: dict[str, DeviceConfig] | None = None) -> str:
    """The physical endpoint: scheme, host and port or path; each simulator is its own; a
    device behind a printer (``printer://NAME``) is on that printer's endpoint."""
    parts = urlsplit(config.uri)
    if parts.scheme == "printer":
        printer = (by_name or {}).get(parts.netloc)
        if printer is None or urlsplit(printer.uri).scheme == "printer":
            return f"printer:{parts.netloc}"
        return endpoint_of(printer)
    if parts.scheme == "sim":
        return f"sim:{config.name}"
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


# Queued print jobs wait up to their confirm timeout (15 s by default) before giving up.
STOP_DEADLINE = 30.0


class DeviceWorker:
    """The one thread of a physical endpoint. Jobs run one at a time in the order submitted;
    a device's status poll runs only when no job waits, and a poll asked for while that
    device's previous one is still queued or running is not queued again (it is counted)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._jobs: deque[tuple[Future[Any], Callable[[], Any]]] = deque()
        self._polls: dict[str, Callable[[], None]] = {}  # queued, by device, oldest first
        self._polling: set[str] = set()  # devices with a poll queued or running
        self._ready = threading.Condition()
        self._closed = False
        self._thread: threading.Thread | None = None
        self.polls_run = 0
        self.polls_coalesced = 0

    def submit(self, job: Callable[[], T]) -> Future[T]:
        future: Future[T] = Future()
        with self._ready:
            if self._closed:
                raise RuntimeError(f"the {self.name} worker is stopped")
            self._jobs.append((future, job))
            self._wake()
        return future

    def request_poll(self, device: str, poll: Callable[[], None]) -> bool:
        """Queue ``poll`` unless ``device`` has one outstanding; True when it was queued."""
        with self._ready:
            if self._closed:
                return False
            if device in self._polling:
                self.polls_coalesced += 1
                return False
            self._polling.add(device)
            self._polls[device] = poll
            self._wake()
            return True

    @property
    def queued_jobs(self) -> int:
        return len(self._jobs)

    @property
    def outstanding_polls(self) -> int:
        """Polls queued or running."""
        return len(self._polling)

    def _wake(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._run, name=f"device-{self.name}", daemon=True
            )
            self._thread.start()
        self._ready.notify()

    def _next(self) -> tuple[Future[Any] | None, Callable[[], Any], str | None] | None:
        with self._ready:
            while not self._jobs and not (self._polls and not self._closed):
                if self._closed:
                    return None
                self._ready.wait()
            if self._jobs:
                future, job = self._jobs.popleft()
                return future, job, None
            device = next(iter(self._polls))
            return None, self._polls.pop(device), device

    def _run(self) -> None:
        while (step := self._next()) is not None:
            future, job, polled = step
            if future is None:
                try:
                    job()
                except DeviceError:  # a poll is best effort; the device reported it as an event
                    pass
                except Exception:
                    log.exception("status poll of %s failed", polled)
                finally:
                    with self._ready:
                        self._polling.discard(polled or "")
                        self.polls_run += 1
            elif future.set_running_or_notify_cancel():
                try:
                    result = job()
                except BaseException as error:
                    future.set_exception(error)
                else:
                    future.set_result(result)

    def shutdown(self, wait: bool = True, timeout: float | None = None) -> bool:
        """Run the jobs already queued, drop the polls, end the thread. With ``timeout``, stop
        waiting after that many seconds; False if the thread is still busy then (a device
        that never answers: the thread is a daemon and does not hold the process)."""
        with self._ready:
            self._closed = True
            self._polls.clear()
            self._polling.clear()
            self._ready.notify()
            thread = self._thread
        if wait and thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
            return not thread.is_alive()
        return True


class _Entry:
    def __init__(self, config: DeviceConfig, worker: DeviceWorker) -> None:
        self.config = config
        self.worker = worker
        self.device: Device | None = None
        self.detail = ""
        self.error: DeviceError | None = None


class DeviceStation:
    def __init__(
        self,
        configs: Iterable[DeviceConfig],
        create: Callable[[DeviceConfig], Device] = registry.create,
        poll_interval: float = 1.0,
    ) -> None:
        self._entries: dict[str, _Entry] = {}
        self._workers: dict[str, DeviceWorker] = {}
        self._listeners: Listeners[[StatusEvent]] = Listeners("station status")
        self._scan_listeners: Listeners[[str, str]] = Listeners("station scan")
        self._create = create
        self._poll_interval = poll_interval
        self._stop = threading.Event()
        self._poller: threading.Thread | None = None
        configs = list(configs)
        by_name = {c.name: c for c in configs}
        self._creation = threading.RLock()  # a device behind a printer creates the printer
        for config in configs:
            key = endpoint_of(config, by_name)
            worker = self._workers.get(key)
            if worker is None:
                worker = DeviceWorker(config.name)
                self._workers[key] = worker
            self._entries[config.name] = _Entry(config, worker)

    # --- listing ------------------------------------------------------------------------

    def names(self) -> list[str]:
        return list(self._entries)

    def config(self, name: str) -> DeviceConfig:
        return self._entry(name).config

    def device(self, name: str) -> Device | None:
        return self._entry(name).device

    def by_role(self, role: Role) -> list[str]:
        return [name for name, e in self._entries.items() if e.config.role is role]

    def wire_log(self, name: str) -> WireLog | None:
        wire = getattr(self._entry(name).device, "wire", None)
        return wire if isinstance(wire, WireLog) else None

    def status(self) -> list[DeviceStatus]:
        return [self._status(entry) for entry in self._entries.values()]

    def _status(self, entry: _Entry) -> DeviceStatus:
        device = entry.device
        state = device.state if device is not None else DeviceState.ERROR
        if entry.error is not None and (device is None or state is not DeviceState.IDLE):
            state = DeviceState.ERROR
        error = entry.error
        return DeviceStatus(
            entry.config.name,
            entry.config.role,
            entry.config.driver,
            entry.config.uri,
            state,
            entry.detail,
            str(error) if error is not None else "",
            error.retryable if error is not None else False,
        )

    def _entry(self, name: str) -> _Entry:
        try:
            return self._entries[name]
        except KeyError:
            known = ", ".join(self._entries) or "none"
            raise DeviceConfigError(f"no device named {name!r} (configured: {known})") from None

    # --- events -------------------------------------------------------------------------

    def add_listener(self, listener: Listener) -> None:
        """Told of every device's status events, on the device's worker thread."""
        self._listeners.add(listener)

    def remove_listener(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def add_scan_listener(self, listener: ScanListener) -> None:
        """One handler for every scanner of the station."""
        self._scan_listeners.add(listener)

    def remove_scan_listener(self, listener: ScanListener) -> None:
        self._scan_listeners.remove(listener)

    def _on_event(self, entry: _Entry, event: StatusEvent) -> None:
        entry.detail = event.detail
        if event.error is not None:
            entry.error = event.error
        elif event.state is not DeviceState.ERROR:
            entry.error = None
        self._listeners.notify(event)

    def _on_scan(self, code: str, source: str) -> None:
        self._scan_listeners.notify(code, source)

    # --- running ------------------------------------------------------------------------

    def submit(self, name: str, job: Callable[[Any], T]) -> Future[T]:
        """Run ``job(device)`` on the device's worker; the device is started first if needed."""
        entry = self._entry(name)

        def run() -> T:
            device = self._ready(entry)
            return job(device)

        return entry.worker.submit(run)

    def call(self, name: str, job: Callable[[Any], T], timeout: float | None = None) -> T:
        """`submit` and wait: for a lane or a command line, never for the GUI thread."""
        return self.submit(name, job).result(timeout)

    def start(self) -> None:
        """Create, open, claim and enable every device, each on its worker; start polling."""
        for entry in self._entries.values():
            entry.worker.submit(functools.partial(self._start_quietly, entry))
        if self._poller is None and self._poll_interval > 0:
            self._poller = threading.Thread(target=self._poll_loop, daemon=True, name="poller")
            self._poller.start()

    def _start_quietly(self, entry: _Entry) -> None:
        with contextlib.suppress(DeviceError):
            self._ready(entry)

    def ensure_device(self, name: str) -> Device:
        """The device, created (not opened) if it was not yet; DeviceError if it cannot be."""
        entry = self._entry(name)
        with self._creation:
            if entry.device is None:
                device = self._create(entry.config)
                device.add_listener(functools.partial(self._on_event, entry))
                add_scan = getattr(device, "add_scan_listener", None)
                if callable(add_scan):
                    add_scan(self._on_scan)
                self._attach_to_printer(entry.config, device)
                entry.device = device
            return entry.device

    def _attach_to_printer(self, config: DeviceConfig, device: Device) -> None:
        parts = urlsplit(config.uri)
        if parts.scheme != "printer":
            return
        if parts.netloc not in self._entries:
            raise DeviceConfigError(
                f"{config.uri}: no printer named {parts.netloc!r} on this station",
                device=config.name,
            )
        printer = self.ensure_device(parts.netloc)
        passthrough = getattr(printer, "passthrough", None)
        if not callable(passthrough) or not hasattr(device, "transport_factory"):
            raise DeviceConfigError(
                f"{config.name} cannot be driven through {parts.netloc}", device=config.name
            )
        device.transport_factory = lambda _uri: passthrough()

    def run_as_is(self, name: str, job: Callable[[Any], T]) -> Future[T]:
        """Run ``job(device)`` on the device's worker without opening it first: for jobs that
        open the device themselves and must record what happened when it cannot be opened."""
        entry = self._entry(name)
        return entry.worker.submit(lambda: job(self.ensure_device(name)))

    def _ready(self, entry: _Entry) -> Device:
        """The entry's device, created and enabled; raises the DeviceError that stops it."""
        try:
            device = self.ensure_device(entry.config.name)
            if not device.enabled:
                device.open()
                device.claim()
                device.enable()
                entry.error = None
            return device
        except DeviceError as error:
            entry.error = error
            entry.detail = str(error)
            self._listeners.notify(
                StatusEvent(entry.config.name, DeviceState.ERROR, str(error), error)
            )
            raise

    def _poll_loop(self) -> None:
        while not self._stop.wait(self._poll_interval):
            self.poll_once()

    def poll_once(self) -> None:
        """Ask every enabled device that can be polled for its status, on its worker; a device
        whose last poll is still waiting is skipped (see `DeviceWorker`)."""
        for name, entry in self._entries.items():
            device = entry.device
            poll = getattr(device, "poll", None)
            if device is not None and device.enabled and callable(poll):
                entry.worker.request_poll(name, poll)

    def worker_of(self, name: str) -> DeviceWorker:
        return self._entry(name).worker

    def stop(self, deadline: float = STOP_DEADLINE) -> list[str]:
        """Finish the queued jobs, close every device, end the threads, within ``deadline``
        seconds overall. Returns the workers still stuck then (logged; a stuck device must
        not keep the till from quitting)."""
        end = time.monotonic() + deadline
        self._stop.set()
        if self._poller is not None:
            self._poller.join(timeout=2)
        for entry in self._entries.values():
            if entry.device is not None:
                with contextlib.suppress(RuntimeError):  # a worker already shut down
                    entry.worker.submit(functools.partial(self._close_quietly, entry.device))
        stuck = [
            worker.name
            for worker in self._workers.values()
            if not worker.shutdown(wait=True, timeout=max(0.0, end - time.monotonic()))
        ]
        if stuck:
            log.warning("devices still busy after %.0f s, left behind: %s", deadline, stuck)
        return stuck

    @staticmethod
    def _close_quietly(device: Device) -> None:
        with contextlib.suppress(DeviceError):
            device.close()
