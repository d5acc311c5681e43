"""A printer's jobs on its worker thread: the device station's worker for the printer's
endpoint, so a drawer behind the printer waits its turn instead of talking over a ticket.

`submit` returns a Future at once and counts what is still queued. The job gets the printer
unopened and opens it itself, so that a printer that cannot be reached still lets the job
record what became of it. This module knows no Qt.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, TypeVar

from drivers.printers.base import Printer

if TYPE_CHECKING:
    from drivers.station import DeviceStation

T = TypeVar("T")


class PrinterWorker:
    def __init__(self, devices: DeviceStation, name: str) -> None:
        self._devices = devices
        self._name = name
        self._pending = 0
        self._lock = threading.Lock()

    @property
    def pending(self) -> int:
        return self._pending

    def submit(self, job: Callable[[Printer], T]) -> Future[T]:
        with self._lock:
            self._pending += 1

        def run(device: object) -> T:
            try:
                assert isinstance(device, Printer)
                return job(device)
            finally:
                with self._lock:
                    self._pending -= 1

        return self._devices.run_as_is(self._name, run)
