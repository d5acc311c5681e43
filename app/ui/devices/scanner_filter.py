"""Barcode scans into one handler: keyboard-wedge bursts recognised by an event filter, and
serial scanners of the device station, both delivered by `ScanHub.scanned`.

A wedge scanner types like a keyboard, only much faster, and ends with Enter. The filter
watches every key press of the application: a run of at least ``min_length`` printable keys,
each within ``max_gap`` seconds of the previous one, followed by Enter, is a scan. An application
filter is shown one key press once per receiver (the window, then the focused widget, then each
parent the widget lets the key through to): each press is counted once, or a PIN typed fast
would count double and pass for a scan. The Enter
of a scan is swallowed (it must not validate a dialog); the characters have already reached
the focused widget, which the scan handler may clear. On an AZERTY layout a US-set scanner types
the digit row unshifted (``&é"'(-è_çà``): those are read back as digits.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent

AZERTY_DIGITS = str.maketrans({"&": "1", "é": "2", '"': "3", "'": "4", "(": "5",
                               "-": "6", "è": "7", "_": "8", "ç": "9", "à": "0"})  # fmt: skip
_AZERTY_ONLY = set("&é\"'(èçà_")


def normalise(code: str) -> str:
    """Undo the AZERTY digit row when the burst holds its unshifted characters and no digit."""
    if any(c in _AZERTY_ONLY for c in code) and not any(c.isdigit() for c in code):
        return code.translate(AZERTY_DIGITS)
    return code


class WedgeScanDetector(QObject):
    """Install on the QApplication: ``app.installEventFilter(detector)``."""

    scanned = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        max_gap: float = 0.035,
        min_length: int = 6,  # shorter bursts (a PIN typed fast) are keyboard input
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.max_gap = max_gap
        self.min_length = min_length
        self.clock = clock
        self._keys: list[str] = []
        self._last = 0.0
        self._counted: tuple[int, str, int, int] | None = None  # the press being delivered

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyRelease:
            self._counted = None  # the next press is a new key, even if it looks the same
            return False
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        identity = (event.key(), event.text(), event.timestamp(), event.nativeScanCode())
        if identity == self._counted:  # the same press, shown again at its next receiver
            return False
        self._counted = identity
        now = self.clock()
        gap = now - self._last
        self._last = now
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            keys, self._keys = self._keys, []
            if len(keys) >= self.min_length and gap <= self.max_gap:
                self.scanned.emit(normalise("".join(keys)))
                return True
            return False
        text = event.text()
        if len(text) != 1 or not text.isprintable():
            self._keys = []
            return False
        if gap > self.max_gap:
            self._keys = []
        self._keys.append(text)
        return False


class ScanHub(QObject):
    """The one place every scan arrives: ``scanned(code, source)`` on the GUI thread."""

    scanned = Signal(str, str)
    _from_thread = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.wedge = WedgeScanDetector(self)
        self.wedge.scanned.connect(lambda code: self.scanned.emit(code, "keyboard"))
        self._from_thread.connect(self.scanned, Qt.ConnectionType.QueuedConnection)

    def from_device(self, code: str, source: str) -> None:
        """A station scan listener; safe to call from any thread."""
        self._from_thread.emit(code, source)
