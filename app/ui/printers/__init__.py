"""The technician's printers screen and the virtual printer panel."""

from app.ui.printers.printers_screen import PrintersScreen

__all__ = ["PrintersScreen"]
