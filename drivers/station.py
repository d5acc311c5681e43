"""The station's devices: built from station.toml's ``[devices]`` through the registry, each
physical device driven by its own worker thread, their status events gathered in one place.

Devices that share an endpoint share that endpoint's worker, so they never talk over each
other. A device configured at ``printer://NAME`` (the cash drawer on the receipt printer's
drawer port) runs on that printer's worker and talks through the printer's own connection:
network printers often accept one client at a time. A device
that cannot be created or opened stays listed, in ERROR, with the reason: the till starts
without it. Listeners are called on the worker threads; the client turns them into queued Qt
signals. A listener that is gone or fails is dropped: it never breaks a device's work, which
outlives every screen. No Qt and no database here.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlsplit

from drivers import registry
from drivers.base import Device, DeviceState, Listener, Listeners, Role, StatusEvent
from drivers.config import DeviceConfig
from drivers.errors import DeviceConfigError, DeviceError
from drivers.transports.base import WireLog

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


class _Entry:
    def __init__(self, config: DeviceConfig, worker: ThreadPoolExecutor) -> None:
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
        self._workers: dict[str, ThreadPoolExecutor] = {}
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
                worker = ThreadPoolExecutor(
                    max_workers=1, thread_name_prefix=f"device-{config.name}"
                )
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
            entry.worker.submit(self._start_quietly, entry)
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
            for entry in self._entries.values():
                device = entry.device
                poll = getattr(device, "poll", None)
                if device is not None and device.enabled and callable(poll):
                    entry.worker.submit(self._poll_quietly, poll)

    @staticmethod
    def _poll_quietly(poll: Callable[[], None]) -> None:
        with contextlib.suppress(DeviceError):
            poll()

    def stop(self) -> None:
        self._stop.set()
        if self._poller is not None:
            self._poller.join(timeout=2)
        for entry in self._entries.values():
            if entry.device is not None:
                entry.worker.submit(self._close_quietly, entry.device)
        for worker in self._workers.values():
            worker.shutdown(wait=True)

    @staticmethod
    def _close_quietly(device: Device) -> None:
        with contextlib.suppress(DeviceError):
            device.close()
