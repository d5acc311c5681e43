"""Lanes: blocking work runs off the GUI thread, one lane per resource, results come back by a
queued signal.

A lane runs its jobs one at a time, in order, on its own thread, so the database lane never
touches SQLite from two threads at once. Callbacks always run on the GUI thread. What a job's
result says it changed (`app.services.changes`) goes to the one change hook first.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

from app.services.changes import changes_of
from app.ui.changes import hub
from drivers.base import ListenerGone

log = logging.getLogger(__name__)


class _Results(QObject):
    """Carries every lane's results to the GUI thread. One for the application, never
    deleted: a worker thread must never emit on a Qt object that a closed screen took down
    with it (that is a crash, not an exception)."""

    finished = Signal(object, object, object, object, object)  # lane, owner, cb, result, error

    def __init__(self) -> None:
        super().__init__()
        self.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @staticmethod
    def _deliver(lane: Lane, owner: Any, callback: Any, result: Any, error: Any) -> None:
        lane._deliver(owner, callback, result, error)


_RESULTS: _Results | None = None


def _results() -> _Results:
    global _RESULTS
    if _RESULTS is None:  # made on the GUI thread, by the first lane
        _RESULTS = _Results()
    return _RESULTS


class Lane(QObject):
    """A named worker thread with a queue; `submit` never blocks the caller."""

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._pending = 0
        self._closed = False
        self._results = _results()

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
        if self._closed:  # the window closed: a late refresh has nowhere to go
            log.info("job dropped: the %s lane is shut down", self.objectName())
            return
        self._pending += 1

        def run() -> None:
            try:
                result = job()
            except BaseException as exc:  # handed to the GUI thread's error policy
                self._emit_finished(owner, on_error, None, exc)
            else:
                self._emit_finished(owner, on_done, result, None)

        self._executor.submit(run)

    def _emit_finished(self, owner: Any, callback: Any, result: Any, error: Any) -> None:
        self._results.finished.emit(self, owner, callback, result, error)

    def _deliver(self, owner: Any, callback: Any, result: Any, error: Any) -> None:
        self._pending -= 1
        if error is None:  # every screen showing what changed refreshes, even if the
            hub().publish(changes_of(result))  # screen that asked is gone
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
        self._closed = True
        self._executor.shutdown(wait=True)


class _Relay(QObject):
    """Lives on the GUI thread, a child of the listener's owner: delivers there."""

    fired = Signal(tuple)

    def __init__(self, owner: QObject, callback: Callable[..., None]) -> None:
        super().__init__(owner)
        self._callback = callback
        self.fired.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def _deliver(self, args: tuple[Any, ...]) -> None:
        self._callback(*args)


def gui_listener(owner: QObject, callback: Callable[..., None]) -> Callable[..., None]:
    """A listener for a service or the device station, safe to call from any thread:
    ``callback`` runs on the GUI thread, by a queued signal, for as long as ``owner`` lives.

    Once ``owner`` is deleted (its operator locked the till), calling the listener raises
    `ListenerGone`, so whoever called it drops it; the device's work goes on regardless.
    """
    relay = _Relay(owner, callback)

    def listen(*args: Any) -> None:
        if not shiboken6.isValid(relay):
            raise ListenerGone
        try:
            relay.fired.emit(args)
        except RuntimeError:  # deleted between the check and the emit
            raise ListenerGone from None

    return listen
