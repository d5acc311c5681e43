"""Keyboard-wedge scans: a fast burst ending in Enter is a scan, typing is not; AZERTY digits."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.ui.devices.scanner_filter import ScanHub, WedgeScanDetector, normalise


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def press(widget: QLineEdit, char: str) -> None:
    """A key press carrying ``char``, as a keyboard on any layout delivers it."""
    key = ord(char.upper()) if char.isascii() else Qt.Key.Key_unknown
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))


def type_keys(qtbot: QtBot, widget: QLineEdit, text: str, clock: FakeClock, gap: float) -> None:
    for char in text:
        clock.now += gap
        press(widget, char)
    clock.now += gap
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def detector_on(qtbot: QtBot, clock: FakeClock) -> tuple[WedgeScanDetector, QLineEdit, list[str]]:
    field = QLineEdit()
    qtbot.addWidget(field)
    detector = WedgeScanDetector(clock=clock)
    field.installEventFilter(detector)
    scans: list[str] = []
    detector.scanned.connect(scans.append)
    return detector, field, scans


def test_a_fast_burst_ending_in_enter_is_a_scan(qtbot: QtBot) -> None:
    clock = FakeClock()
    _detector, field, scans = detector_on(qtbot, clock)
    returned: list[bool] = []
    field.returnPressed.connect(lambda: returned.append(True))
    type_keys(qtbot, field, "3760123456789", clock, gap=0.005)
    assert scans == ["3760123456789"]
    assert returned == []  # the scan's Enter does not validate the field


def test_a_person_typing_is_not_a_scan(qtbot: QtBot) -> None:
    clock = FakeClock()
    _detector, field, scans = detector_on(qtbot, clock)
    type_keys(qtbot, field, "12345678", clock, gap=0.15)
    assert scans == []
    assert field.text() == "12345678"


def test_a_short_burst_is_not_a_scan(qtbot: QtBot) -> None:
    clock = FakeClock()
    _detector, field, scans = detector_on(qtbot, clock)
    type_keys(qtbot, field, "12", clock, gap=0.005)
    assert scans == []


def test_a_slow_start_then_a_burst_counts_only_the_burst(qtbot: QtBot) -> None:
    clock = FakeClock()
    _detector, field, scans = detector_on(qtbot, clock)
    press(field, "x")
    clock.now += 1  # a person's pause, then the scanner's burst
    type_keys(qtbot, field, "ORDER-42", clock, gap=0.004)
    assert scans == ["ORDER-42"]


def test_azerty_digit_row_is_read_back_as_digits(qtbot: QtBot) -> None:
    assert normalise("(è&é\"'(-è_çà") == "571234567890"
    assert normalise("ORDER-42") == "ORDER-42"
    clock = FakeClock()
    _detector, field, scans = detector_on(qtbot, clock)
    type_keys(qtbot, field, "çè&é\"'", clock, gap=0.003)
    assert scans == ["971234"]


def test_every_scan_reaches_the_hub_once(qtbot: QtBot) -> None:
    hub = ScanHub()
    got: list[tuple[str, str]] = []
    hub.scanned.connect(lambda code, source: got.append((code, source)))
    hub.wedge.scanned.emit("123456")
    import threading

    thread = threading.Thread(target=hub.from_device, args=("ORDER-9", "scanner"))
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(got) == 2, timeout=2000)
    assert got == [("123456", "keyboard"), ("ORDER-9", "scanner")]


def field_in_a_window(qtbot: QtBot) -> tuple[QWidget, QLineEdit]:
    window = QWidget()
    field = QLineEdit(window)
    QVBoxLayout(window).addWidget(field)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    return window, field


def type_into_window(qtbot: QtBot, text: str) -> tuple[list[str], list[str]]:
    """Keys as a keyboard delivers them: to the window, which passes them to the focused field
    (and an Enter the field lets through on to its parents), with the application's detector
    on a clock that never moves: every key within any gap, the fastest typing there is.
    Returns the scans, and the field's text each time its Enter was let through."""
    window, field = field_in_a_window(qtbot)
    detector = WedgeScanDetector(clock=FakeClock())
    scans: list[str] = []
    detector.scanned.connect(scans.append)
    returned: list[str] = []
    field.returnPressed.connect(lambda: returned.append(field.text()))
    app = QApplication.instance()
    app.installEventFilter(detector)
    try:
        handle = window.windowHandle()
        for char in text:
            QTest.keyClick(handle, ord(char), Qt.KeyboardModifier.NoModifier)
        QTest.keyClick(handle, Qt.Key.Key_Return)
    finally:
        app.removeEventFilter(detector)
    return scans, returned


def test_a_short_pin_typed_at_once_through_the_window_is_not_a_scan(qtbot: QtBot) -> None:
    # each key reaches the filter twice, at the window and at the field
    scans, returned = type_into_window(qtbot, "1234")
    assert scans == []
    assert returned == ["1234"]  # the Enter reached the field


def test_a_scan_through_the_window_is_read_once_with_every_character(qtbot: QtBot) -> None:
    scans, returned = type_into_window(qtbot, "3760012300")  # doubled digits stay two keys
    assert scans == ["3760012300"]
    assert returned == []  # the scan's Enter is swallowed
