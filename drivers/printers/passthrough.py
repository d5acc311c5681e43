"""A transport over a printer's own connection, for a device behind the printer (the cash
drawer on its drawer port, a display chained to it).

Network printers often accept one client at a time: a drawer that opened its own connection
would wait for the printer's. Through this transport the drawer's bytes go out on the printer's
connection instead. It must be used on the printer's worker thread (the device station runs a
device at ``printer://NAME`` there), so it never interleaves with a print job.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drivers.printers.base import Printer


class PrinterPassthrough:
    def __init__(self, printer: Printer) -> None:
        self.printer = printer
        self.description = f"printer://{printer.name}"

    def open(self, timeout: float) -> None:
        self.printer.ready()  # connects (or reconnects) the printer if it is not

    def close(self) -> None:
        """The connection is the printer's: it stays open."""

    @property
    def is_open(self) -> bool:
        return self.printer.connection().is_open

    def write(self, data: bytes, timeout: float) -> None:
        self.printer.connection().write(data, timeout)

    def read(self, size: int, timeout: float) -> bytes:
        return self.printer.connection().read(size, timeout)
