"""Each printer's own worker thread: its jobs run there one at a time, in order, so the
screen never waits on paper, cables or a slow status reply.

Plain `concurrent.futures`: `submit` returns a Future at once. The client turns results into
Qt signals in its own layer; this module knows no Qt.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from drivers.printers.base import Printer

T = TypeVar("T")


class PrinterWorker:
    def __init__(self, printer: Printer) -> None:
        self.printer = printer
        self._executor = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix=f"printer-{printer.name}"
        )
        self._pending = 0
        self._lock = threading.Lock()

    @property
    def pending(self) -> int:
        return self._pending

    def submit(self, job: Callable[[Printer], T]) -> Future[T]:
        with self._lock:
            self._pending += 1

        def run() -> T:
            try:
                return job(self.printer)
            finally:
                with self._lock:
                    self._pending -= 1

        return self._executor.submit(run)

    def stop(self, wait: bool = True) -> None:
        """Finish the queued jobs (nothing queued is dropped), then close the printer."""
        self._executor.submit(self.printer.close)
        self._executor.shutdown(wait=wait)
