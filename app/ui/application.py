"""Starts Qt: the application object, the language, the style, the main window."""

from __future__ import annotations

import sys
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QApplication

from app.services.devices import DevicesService
from app.services.printing import PrintingServices
from app.services.till import TillServices
from app.ui.main_window import MainWindow
from app.ui.translation import set_language
from resources import resource_path


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
) -> MainWindow:
    set_language(language)
    return MainWindow(services, language, idle_lock_minutes, ZoneInfo(timezone), printing, devices)


def run_gui(
    services: TillServices,
    language: str,
    idle_lock_minutes: float,
    timezone: str,
    printing: PrintingServices | None = None,
    devices: DevicesService | None = None,
) -> int:
    app = create_application()
    window = build_main_window(services, language, idle_lock_minutes, timezone, printing, devices)
    if devices is not None:  # serial and other device scanners reach the same handler
        devices.station.add_scan_listener(window.scans.from_device)
    window.show()
    return app.exec()


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
