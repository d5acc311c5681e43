"""Barcode scanners: serial (USB-COM) scanners read here; keyboard-wedge scanners are recognised
in the client (a Qt event filter) and handed in through `WedgeScanner.deliver`.

Every scan of every scanner reaches the same listeners as ``(code, device name)``: the client
hangs one handler on them. A serial scanner sends the code then CR and/or LF; it is read on
the scanner's own thread. ``sim://scanner`` gives a serial scanner on a pseudo-terminal whose
trigger is `SerialScanner.simulate_scan`.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from urllib.parse import urlsplit

from drivers.base import Device, DeviceState, Listeners, Role
from drivers.config import DeviceConfig
from drivers.errors import DeviceError
from drivers.transports.base import Transport, WireLog

ScanListener = Callable[[str, str], None]
TransportFactory = Callable[[str], Transport]
MAX_CODE = 128  # longer without CR/LF: noise, not a barcode


def split_codes(buffer: bytearray) -> list[str]:
    """Take every complete code (ended by CR or LF) out of ``buffer``."""
    codes: list[str] = []
    while True:
        ends = [i for i in (buffer.find(b"\r"), buffer.find(b"\n")) if i >= 0]
        if not ends:
            if len(buffer) > MAX_CODE:
                buffer.clear()
            return codes
        end = min(ends)
        raw = bytes(buffer[:end])
        del buffer[: end + 1]
        text = raw.decode("ascii", "replace").strip()
        if text and all(c.isprintable() for c in text):
            codes.append(text)


class Scanner(Device):
    role = Role.SCANNER

    def __init__(self, config: DeviceConfig) -> None:
        super().__init__(config.name)
        self.config = config
        self.wire = WireLog()
        self._scan_listeners: Listeners[[str, str]] = Listeners(f"{config.name} scan")
        self.last_code: str | None = None

    def add_scan_listener(self, listener: ScanListener) -> None:
        self._scan_listeners.add(listener)

    def deliver(self, code: str) -> None:
        self.last_code = code
        self._scan_listeners.notify(code, self.name)


class WedgeScanner(Scanner):
    """A scanner typing into the keyboard: nothing to open; the client's filter delivers.
    Its ``uri`` (sim://wedge for instance) only documents where it is plugged."""


class SerialScanner(Scanner):
    def __init__(self, config: DeviceConfig) -> None:
        super().__init__(config)
        self.transport_factory: TransportFactory | None = None
        self._uri = config.uri
        self._transport: Transport | None = None
        self._reader: threading.Thread | None = None
        self._stop = threading.Event()
        self._pty: tuple[int, int] | None = None

    def _do_open(self) -> None:
        if urlsplit(self._uri).scheme == "sim":
            import pty
            import tty

            master, slave = pty.openpty()
            tty.setraw(slave)
            tty.setraw(master)
            self._pty = (master, slave)
            self._uri = f"serial://{os.ttyname(slave)}"

    def simulate_scan(self, code: str) -> None:
        """sim://scanner only: the simulated scanner reads a barcode and sends it, CR ended."""
        if self._pty is None:
            raise DeviceError("only a simulated scanner can be triggered", device=self.name)
        os.write(self._pty[0], code.encode("ascii") + b"\r")

    def _do_claim(self, timeout: float) -> None:
        if self.transport_factory is not None:
            transport = self.transport_factory(self._uri)
        else:
            from drivers.transports.uri import transport_for

            transport = transport_for(self._uri, name=self.name)
        transport.open(timeout)
        self._transport = transport
        self._stop.clear()
        self._reader = threading.Thread(
            target=self._read_loop, args=(transport,), daemon=True, name=f"scanner-{self.name}"
        )
        self._reader.start()

    def _read_loop(self, transport: Transport) -> None:
        buffer = bytearray()
        while not self._stop.is_set():
            try:
                chunk = transport.read(256, 0.2)
            except DeviceError as error:
                self._set_state(DeviceState.ERROR, str(error), error)
                return
            if not chunk:
                continue
            self.wire.add("in", chunk)
            buffer += chunk
            if self.enabled:
                for code in split_codes(buffer):
                    self.deliver(code)
            else:
                buffer.clear()  # a disabled scanner drops what it reads

    def _do_release(self) -> None:
        self._stop.set()
        if self._reader is not None:
            self._reader.join(timeout=2)
        transport, self._transport = self._transport, None
        if transport is not None:
            transport.close()

    def _do_close(self) -> None:
        if self._pty is not None:
            for fd in self._pty:
                with contextlib.suppress(OSError):
                    os.close(fd)
            self._pty = None


__all__ = ["Scanner", "SerialScanner", "WedgeScanner", "split_codes"]
