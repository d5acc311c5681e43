"""Starts Qt: the application object, the language, the style, the main window; and stops it
when the terminal asks (Ctrl+C, or SIGTERM), through the same path as closing the window."""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import Callable
from types import FrameType
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app.services.after_sale import AfterSaleServices
from app.services.devices import DevicesService
from app.services.options import OptionServices
from app.services.printing import PrintingServices
from app.services.selling import SellingServices
from app.services.syncing import SyncServices
from app.services.till import TillServices
from app.ui.main_window import MainWindow
from app.ui.sale.sale_screen import CounterServices
from app.ui.translation import set_language
from resources import resource_path

log = logging.getLogger(__name__)

# Exit status of a client stopped by a signal, as a shell reports a process it interrupted.
INTERRUPTED = 128 + signal.SIGINT


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Guichet")
    app.setOrganizationName("Guichet")
    apply_style(app)
    return app


def apply_style(app: QApplication) -> None:
    """The till's style sheet (larger type, focus frames): what sizes the screens for real."""
    style = resource_path("styles", "guichet.qss")
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))


def build_main_window(
    services: TillServices,
    language: str,
    idle_lock_minutes: float,
    timezone: str,
    printing: PrintingServices | None = None,
    devices: DevicesService | None = None,
    selling: SellingServices | None = None,
    syncing: SyncServices | None = None,
    after_sale: AfterSaleServices | None = None,
    counter: CounterServices | None = None,
    options: OptionServices | None = None,
) -> MainWindow:
    set_language(language)
    return MainWindow(
        services,
        language,
        idle_lock_minutes,
        ZoneInfo(timezone),
        printing,
        devices,
        selling=selling,
        syncing=syncing,
        after_sale=after_sale,
        counter=counter,
        options=options,
    )


def run_gui(
    services: TillServices,
    language: str,
    idle_lock_minutes: float,
    timezone: str,
    printing: PrintingServices | None = None,
    devices: DevicesService | None = None,
    selling: SellingServices | None = None,
    syncing: SyncServices | None = None,
    after_sale: AfterSaleServices | None = None,
    counter: CounterServices | None = None,
    options: OptionServices | None = None,
) -> int:
    app = create_application()
    window = build_main_window(
        services,
        language,
        idle_lock_minutes,
        timezone,
        printing,
        devices,
        selling,
        syncing,
        after_sale,
        counter,
        options,
    )
    if devices is not None:  # serial and other device scanners reach the same handler
        devices.station.add_scan_listener(window.scans.from_device)
    _place(window)
    window.show()
    stopped_by, restore = stop_on_signals(window, app.quit)
    log.info("client window shown")
    try:
        status = app.exec()
    finally:
        restore()
    if stopped_by:
        log.info("client stopped by %s", signal.Signals(stopped_by[0]).name)
        return INTERRUPTED
    return status


def stop_on_signals(
    window: QWidget, quit_loop: Callable[[], None]
) -> tuple[list[int], Callable[[], None]]:
    """Ctrl+C (SIGINT) and SIGTERM close the window and leave the event loop, as the close
    button does; the caller then stops the devices as on any exit. Qt's event loop runs in C++,
    where Python cannot run a signal handler: a timer hands control back to the interpreter
    several times a second. Returns the signals received and a function that puts the
    previous handlers back."""
    received: list[int] = []

    def stop(signum: int, _frame: FrameType | None) -> None:
        received.append(signum)
        # Queued, not called: a signal that arrives just before the event loop starts would
        # have its quit() ignored, and the loop would then run for ever behind a closed window.
        QTimer.singleShot(0, window.close)
        QTimer.singleShot(0, quit_loop)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    wake = QTimer(window)
    wake.setInterval(200)
    wake.timeout.connect(lambda: None)
    wake.start()

    def restore() -> None:
        wake.stop()
        wake.deleteLater()
        for sig, handler in previous.items():
            signal.signal(sig, handler)

    return received, restore


def show_cannot_start(error: BaseException, language: str) -> None:
    """The client could not start (its database cannot be used...): say why in a window, in
    the station's language, for the person who launched it from a desktop icon."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from app.ui.errors import message_for

    create_application()
    set_language(language)
    title = QCoreApplication.translate("Startup", "Guichet cannot start")
    QMessageBox(QMessageBox.Icon.Critical, title, message_for(error)).exec()


def _place(window: QWidget) -> None:
    """``GUICHET_WINDOW_GEOMETRY=x,y,width,height``: where the window opens (the demo puts
    its tills side by side so)."""
    given = os.environ.get("GUICHET_WINDOW_GEOMETRY", "")
    try:
        x, y, width, height = (int(part) for part in given.split(","))
    except ValueError:
        return
    window.setGeometry(x, y, width, height)
