"""Cash drawers: opened by the receipt printer's kick pulse (ESC/POS ``ESC p m t1 t2``) or by a
serial drawer's own byte; the open/closed sensor; an event when the drawer stays open too long.

Kick bytes are built by `kick_command` apart from being sent. Via a printer the sensor is
``DLE EOT 1`` bit 2 (pin 3 of the drawer connector); a serial drawer reports on CTS or RI.
Which level means "open" depends on the drawer: ``open_level`` says it. Nothing here knows a
sale; the cashier's flow decides when to open.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from drivers.base import Device, DeviceState, Role
from drivers.config import DeviceConfig
from drivers.errors import DeviceConfigError, DeviceError, DeviceTimeout, ProtocolError
from drivers.transports.base import Transport, WireLog

TransportFactory = Callable[[str], Transport]

DLE_EOT_PRINTER = b"\x10\x04\x01"
PULSE_UNIT_MS = 2  # t1 and t2 count 2 ms steps


def kick_command(pin: int, on_ms: int, off_ms: int) -> bytes:
    """``ESC p m t1 t2``: m 0 for connector pin 2, 1 for pin 5. Off must be at least four times
    on (Citizen's rule; python-escpos's 50/50 breaks it)."""
    if pin not in (2, 5):
        raise DeviceConfigError("the drawer pin is 2 or 5")
    if not PULSE_UNIT_MS <= on_ms <= 255 * PULSE_UNIT_MS:
        raise DeviceConfigError("the pulse on-time is 2 to 510 ms")
    if not PULSE_UNIT_MS <= off_ms <= 255 * PULSE_UNIT_MS:
        raise DeviceConfigError("the pulse off-time is 2 to 510 ms")
    if off_ms < 4 * on_ms:
        raise DeviceConfigError("the pulse off-time must be at least four times the on-time")
    return bytes(
        [0x1B, 0x70, 0 if pin == 2 else 1, on_ms // PULSE_UNIT_MS, off_ms // PULSE_UNIT_MS]
    )


def sensor_high(status: bytes) -> bool:
    """Pin 3 level from a ``DLE EOT 1`` reply; ProtocolError unless it matches ``0xx1xx10``."""
    if len(status) != 1 or status[0] & 0x93 != 0x12:
        raise ProtocolError(f"not a printer status byte: {status.hex(' ') or 'nothing'}")
    return bool(status[0] & 0x04)


class CashDrawer(Device):
    """The cash-drawer role."""

    role = Role.CASH_DRAWER
    OPTION_NAMES = frozenset({"open_level", "open_too_long", "timeout"})

    def __init__(self, config: DeviceConfig) -> None:
        super().__init__(config.name)
        self.config = config
        options = config.options
        try:
            self.open_level = str(options.get("open_level", "high"))
            self.open_too_long = timedelta(seconds=float(options.get("open_too_long", 60)))
            self.timeout = float(options.get("timeout", 2.0))
        except (TypeError, ValueError):
            raise DeviceConfigError("bad drawer options", device=config.name) from None
        if self.open_level not in ("high", "low"):
            raise DeviceConfigError("open_level is high or low", device=config.name)
        self.wire = WireLog()
        self.transport_factory: TransportFactory | None = None
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)
        self.simulator: Any = None
        self._uri = config.uri
        self._transport: Transport | None = None
        self._opened_at: datetime | None = None
        self._warned = False

    def _make_transport(self) -> Transport:
        if self.transport_factory is not None:
            return self.transport_factory(self._uri)
        from drivers.transports.uri import transport_for

        return transport_for(self._uri, name=self.name)

    def _link(self) -> Transport:
        if self._transport is None or not self._transport.is_open:
            transport = self._make_transport()
            transport.open(self.timeout)
            self._transport = transport
        return self._transport

    def _do_claim(self, timeout: float) -> None:
        self._link()

    def _do_release(self) -> None:
        transport, self._transport = self._transport, None
        if transport is not None:
            transport.close()

    def _do_close(self) -> None:
        if self.simulator is not None:
            self.simulator.stop()
            self.simulator = None

    def _write(self, data: bytes) -> None:
        self._link().write(data, self.timeout)
        self.wire.add("out", data)

    def _guard(self, action: Callable[[], Any]) -> Any:
        try:
            return action()
        except DeviceError as error:
            self._do_release()
            self._set_state(DeviceState.ERROR, str(error), error)
            raise

    def open_drawer(self) -> None:
        self._require_enabled()
        self._guard(self._kick)
        self._opened_at = self.clock()
        self._warned = False
        self._set_state(DeviceState.IDLE, "drawer kicked open")

    def is_open(self) -> bool:
        self._require_enabled()
        high: bool = self._guard(self._sensor_high)
        is_open = high == (self.open_level == "high")
        if not is_open:
            self._opened_at = None
        elif self._opened_at is None:
            self._opened_at = self.clock()
        return is_open

    def poll(self) -> None:
        """Read the sensor; report once when the drawer has been open too long."""
        if not self.enabled:
            return
        if not self.is_open():
            if self._warned:
                self._warned = False
                self._set_state(DeviceState.IDLE, "drawer closed")
            return
        opened = self._opened_at or self.clock()
        if not self._warned and self.clock() - opened >= self.open_too_long:
            self._warned = True
            self._set_state(DeviceState.IDLE, "drawer open too long")

    def _kick(self) -> None:
        raise NotImplementedError

    def _sensor_high(self) -> bool:
        raise NotImplementedError


class EscPosDrawer(CashDrawer):
    """A drawer on a receipt printer's drawer port. Options: ``pin`` (2 or 5), ``on_ms``,
    ``off_ms`` (off at least four times on), ``open_level``, ``open_too_long`` (seconds).
    ``uri`` is ``printer://NAME`` to kick through that printer's own connection (what a real
    station wants), the printer's address, or sim://drawer (a printer-drawer simulator)."""

    OPTION_NAMES = CashDrawer.OPTION_NAMES | {"pin", "on_ms", "off_ms"}

    def __init__(self, config: DeviceConfig) -> None:
        super().__init__(config)
        options = config.options
        try:
            self.pin = int(options.get("pin", 2))
            self.on_ms = int(options.get("on_ms", 50))
            self.off_ms = int(options.get("off_ms", 250))
        except (TypeError, ValueError):
            raise DeviceConfigError(
                "pin, on_ms and off_ms are numbers", device=config.name
            ) from None
        kick_command(self.pin, self.on_ms, self.off_ms)  # refuse a bad pulse at once

    def _do_open(self) -> None:
        if urlsplit(self._uri).scheme == "printer" and self.transport_factory is None:
            raise DeviceConfigError(
                f"{self._uri}: a drawer behind a printer is driven by the device station",
                device=self.name,
            )
        if urlsplit(self._uri).scheme == "sim":
            from drivers.simulators.drawer import DrawerSimulator

            self.simulator = DrawerSimulator()
            host, port = self.simulator.start_tcp()
            self._uri = f"tcp://{host}:{port}"

    def _kick(self) -> None:
        self._write(kick_command(self.pin, self.on_ms, self.off_ms))

    def _sensor_high(self) -> bool:
        transport = self._link()
        transport.read(64, 0.0)  # a stale byte ahead of the reply would be misread
        self._write(DLE_EOT_PRINTER)
        reply = transport.read(1, self.timeout)
        self.wire.add("in", reply)
        if not reply:
            raise DeviceTimeout("the printer did not answer the drawer status query")
        return sensor_high(reply)


class SerialDrawer(CashDrawer):
    """A drawer on its own serial port: opens on ``open_byte`` (07 by default), reports on the
    ``sensor_line`` (cts or ri). A pseudo-terminal has no modem lines: use a real port."""

    OPTION_NAMES = CashDrawer.OPTION_NAMES | {"open_bytes", "sensor_line"}

    def __init__(self, config: DeviceConfig) -> None:
        super().__init__(config)
        options = config.options
        try:
            self.open_bytes = bytes.fromhex(str(options.get("open_bytes", "07")))
        except ValueError:
            raise DeviceConfigError("open_bytes is hexadecimal", device=config.name) from None
        self.sensor_line = str(options.get("sensor_line", "cts"))
        if self.sensor_line not in ("cts", "ri") or not self.open_bytes:
            raise DeviceConfigError("sensor_line is cts or ri", device=config.name)

    def _kick(self) -> None:
        self._write(self.open_bytes)

    def _sensor_high(self) -> bool:
        transport: Any = self._link()
        try:
            return bool(getattr(transport, self.sensor_line))
        except AttributeError:
            raise DeviceConfigError(
                f"{transport.description} has no {self.sensor_line.upper()} line", device=self.name
            ) from None
