"""Lanes: blocking work runs off the GUI thread, one lane per resource, results come back by a
queued signal.

A lane runs its jobs one at a time, in order, on its own thread, so the database lane never
touches SQLite from two threads at once. Callbacks always run on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class Lane(QObject):
    """A named worker thread with a queue; `submit` never blocks the caller."""

    _finished = Signal(object, object, object, object)  # owner, callback, result, error

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._pending = 0
        self._finished.connect(self._deliver)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def submit(
        self,
        job: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        owner: QObject | None = None,
    ) -> None:
        """Run ``job`` on the lane; hand its result or error to a callback on the GUI thread.

        ``owner`` is the widget the callbacks update: when it is gone by the time the job ends
        (the operator locked the till meanwhile), the result is dropped, not delivered.
        """
        self._pending += 1

        def run() -> None:
            try:
                result = job()
            except BaseException as exc:  # handed to the GUI thread's error policy
                self._finished.emit(owner, on_error, None, exc)
            else:
                self._finished.emit(owner, on_done, result, None)

        self._executor.submit(run)

    def _deliver(self, owner: Any, callback: Any, result: Any, error: Any) -> None:
        self._pending -= 1
        if owner is not None and not shiboken6.isValid(owner):
            if error is not None:
                log.warning("result dropped: its screen was closed", exc_info=error)
            return
        if error is not None:
            if callback is None:
                raise error
            callback(error)
        elif callback is not None:
            callback(result)

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True)
