"""Serial ports through pyserial's ``serial_for_url``: bytes with deadlines, plus modem lines.

``serial_for_url`` takes device paths (``/dev/ttyUSB0``, ``COM3``) and URLs (``loop://``,
``socket://host:port``, ``spy://…``), so tests run the same code on a loopback or a
pseudo-terminal. python-escpos's own Serial class refuses URLs and waits its full timeout on
every status read; this one waits only as long as the caller asks. Modem lines (RTS, DTR out;
CTS, DSR, RI, CD in) are for drawers and terminals that signal on them; a port that has none
(a pseudo-terminal) raises DeviceConfigError rather than pretending. No protocol lives here.
"""

from __future__ import annotations

import contextlib
from typing import Any

import serial

from drivers.errors import DeviceConfigError, DeviceTimeout, DeviceUnavailable
from drivers.transports.base import WireLog

PARITIES = {"N": serial.PARITY_NONE, "E": serial.PARITY_EVEN, "O": serial.PARITY_ODD}


class SerialTransport:
    def __init__(
        self,
        url: str,
        *,
        baudrate: int = 9600,
        bytesize: int = 8,
        parity: str = "N",
        stopbits: float = 1,
        rtscts: bool = False,
        dsrdtr: bool = False,
        log: WireLog | None = None,
        name: str = "",
    ) -> None:
        if parity not in PARITIES:
            raise DeviceConfigError(f"parity must be one of N, E, O, not {parity!r}", device=name)
        self.url = url
        self.settings: dict[str, Any] = {
            "baudrate": baudrate,
            "bytesize": bytesize,
            "parity": PARITIES[parity],
            "stopbits": stopbits,
            "rtscts": rtscts,
            "dsrdtr": dsrdtr,
        }
        self.description = f"serial://{url}?baudrate={baudrate}"
        self._log = log
        self._name = name
        self._port: serial.SerialBase | None = None

    @property
    def is_open(self) -> bool:
        return self._port is not None and bool(self._port.is_open)

    def open(self, timeout: float) -> None:
        if self._port is not None:
            return
        try:
            port = serial.serial_for_url(
                self.url, timeout=timeout, write_timeout=timeout, **self.settings
            )
        except (serial.SerialException, OSError, ValueError) as error:
            raise DeviceUnavailable(f"cannot open {self.url}: {error}", device=self._name) from None
        self._port = port

    def close(self) -> None:
        port, self._port = self._port, None
        if port is not None:
            with contextlib.suppress(serial.SerialException, OSError):
                port.close()

    def _require(self) -> serial.SerialBase:
        if self._port is None:
            raise DeviceUnavailable(f"{self.url} is not open", device=self._name)
        return self._port

    def write(self, data: bytes, timeout: float) -> None:
        port = self._require()
        port.write_timeout = timeout
        try:
            written = port.write(data)
            port.flush()
        except serial.SerialTimeoutException:
            raise DeviceTimeout(
                f"{self.url} took more than {timeout:g} s to accept {len(data)} bytes",
                device=self._name,
            ) from None
        except (serial.SerialException, OSError) as error:
            self.close()
            raise DeviceUnavailable(f"{self.url} failed: {error}", device=self._name) from None
        if self._log is not None:
            self._log.add("out", data[: written if written is not None else len(data)])

    def read(self, size: int, timeout: float) -> bytes:
        port = self._require()
        try:
            port.timeout = max(timeout, 0.0)
            data = bytes(port.read(1))  # waits up to the deadline for the first byte only
            if data and size > 1:
                port.timeout = 0
                waiting = port.in_waiting
                if waiting:
                    data += bytes(port.read(min(size - 1, waiting)))
        except (serial.SerialException, OSError) as error:
            self.close()
            raise DeviceUnavailable(f"{self.url} failed: {error}", device=self._name) from None
        if data and self._log is not None:
            self._log.add("in", data)
        return data

    # --- modem lines --------------------------------------------------------------------

    def _line(self, action: Any) -> Any:
        port = self._require()
        try:
            return action(port)
        except (OSError, serial.SerialException) as error:
            raise DeviceConfigError(
                f"{self.url} has no modem lines ({error}); use a real serial port",
                device=self._name,
            ) from None

    def set_rts(self, level: bool) -> None:
        self._line(lambda port: setattr(port, "rts", level))

    def set_dtr(self, level: bool) -> None:
        self._line(lambda port: setattr(port, "dtr", level))

    @property
    def cts(self) -> bool:
        return bool(self._line(lambda port: port.cts))

    @property
    def dsr(self) -> bool:
        return bool(self._line(lambda port: port.dsr))

    @property
    def ri(self) -> bool:
        return bool(self._line(lambda port: port.ri))

    @property
    def cd(self) -> bool:
        return bool(self._line(lambda port: port.cd))
