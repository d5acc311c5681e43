"""Customer displays: two lines of 20 characters, CD5220 or Epson DM-D command sets.

`DisplayCommands` builds the bytes (apart from sending them); `LineDisplay` sends them through
a transport. Layout helpers put a label left and an amount right (item, total, given, change);
the amounts arrive already formatted for people: this module formats no money. Behind a
receipt printer (``behind_printer``) every write is wrapped in ``ESC = 2`` … ``ESC = 1`` so the
printer is selected again afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from drivers.base import Device, DeviceState, Role
from drivers.config import DeviceConfig
from drivers.errors import DeviceConfigError, DeviceError
from drivers.transports.base import Transport, WireLog

TransportFactory = Callable[[str], Transport]
WIDTH = 20


class DisplayCommands:
    def __init__(self, command_set: str = "cd5220", width: int = WIDTH, encoding: str = "cp858"):
        if command_set not in ("cd5220", "epson"):
            raise DeviceConfigError("command_set is cd5220 or epson")
        self.command_set = command_set
        self.width = width
        self.encoding = encoding

    def _text(self, text: str) -> bytes:
        fitted = text[: self.width].ljust(self.width)
        return fitted.encode(self.encoding, "replace")

    def initialise(self) -> bytes:
        return b"\x1b\x40\x0c"  # ESC @ then clear: the same on both command sets

    def clear(self) -> bytes:
        return b"\x0c"

    def lines(self, first: str, second: str) -> bytes:
        if self.command_set == "cd5220":
            return (
                b"\x1b\x51\x41"
                + self._text(first)
                + b"\x0d"
                + b"\x1b\x51\x42"
                + self._text(second)
                + b"\x0d"
            )
        # Epson DM-D: home, then cursor to column 1 of each row (US $ x y).
        return (
            b"\x0b"
            + b"\x1f\x24\x01\x01"
            + self._text(first)
            + b"\x1f\x24\x01\x02"
            + self._text(second)
        )


def label_and_amount(label: str, amount: str, width: int = WIDTH) -> str:
    """``label`` left, ``amount`` right on one line; the label gives way to the amount."""
    room = max(0, width - len(amount) - 1)
    return (label[:room].ljust(room) + " " + amount)[-width:] if amount else label[:width]


class LineDisplay(Device):
    """A customer display. Options: ``command_set`` (cd5220 or epson), ``width``, ``encoding``,
    ``behind_printer``. ``uri`` serial://…, tcp://…, or sim://display (a simulated display on
    a pseudo-terminal)."""

    OPTION_NAMES = frozenset({"command_set", "width", "encoding", "behind_printer", "timeout"})

    role = Role.LINE_DISPLAY

    def __init__(self, config: DeviceConfig) -> None:
        super().__init__(config.name)
        options = config.options
        try:
            self.commands = DisplayCommands(
                str(options.get("command_set", "cd5220")),
                int(options.get("width", WIDTH)),
                str(options.get("encoding", "cp858")),
            )
            "".encode(self.commands.encoding)
        except (TypeError, ValueError, LookupError):
            raise DeviceConfigError("bad display options", device=config.name) from None
        self.behind_printer = bool(options.get("behind_printer", False))
        self.timeout = float(options.get("timeout", 2.0))
        self.wire = WireLog()
        self.transport_factory: TransportFactory | None = None
        self.simulator: Any = None
        self.shown: tuple[str, str] = ("", "")
        self._uri = config.uri
        self._transport: Transport | None = None

    def _do_open(self) -> None:
        if urlsplit(self._uri).scheme == "sim":
            from drivers.simulators.display import DisplaySimulator

            self.simulator = DisplaySimulator(self.commands.width)
            self._uri = f"serial://{self.simulator.start_pty()}"

    def _do_claim(self, timeout: float) -> None:
        self._send(self.commands.initialise())

    def _do_release(self) -> None:
        transport, self._transport = self._transport, None
        if transport is not None:
            transport.close()

    def _do_close(self) -> None:
        if self.simulator is not None:
            self.simulator.stop()
            self.simulator = None

    def _send(self, data: bytes) -> None:
        if self.behind_printer:
            data = b"\x1b\x3d\x02" + data + b"\x1b\x3d\x01"
        try:
            if self._transport is None or not self._transport.is_open:
                if self.transport_factory is not None:
                    transport = self.transport_factory(self._uri)
                else:
                    from drivers.transports.uri import transport_for

                    transport = transport_for(self._uri, name=self.name)
                transport.open(self.timeout)
                self._transport = transport
            self._transport.write(data, self.timeout)
        except DeviceError as error:
            self._do_release()
            self._set_state(DeviceState.ERROR, str(error), error)
            raise
        self.wire.add("out", data)
        if self._state is DeviceState.ERROR:
            self._set_state(DeviceState.IDLE)

    def show(self, first: str, second: str = "") -> None:
        self._require_enabled()
        self._send(self.commands.lines(first, second))
        self.shown = (first[: self.commands.width], second[: self.commands.width])

    def clear(self) -> None:
        self._require_enabled()
        self._send(self.commands.clear())
        self.shown = ("", "")

    def show_item(self, name: str, price: str, total: str) -> None:
        width = self.commands.width
        self.show(label_and_amount(name, price, width), label_and_amount("TOTAL", total, width))

    def show_change(self, given: str, change: str) -> None:
        width = self.commands.width
        self.show(
            label_and_amount("GIVEN", given, width), label_and_amount("CHANGE", change, width)
        )
