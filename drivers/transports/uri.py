"""From a device URI to a transport: the one place that reads ``tcp://``, ``serial://``,
``usb://``, ``loop://`` and ``socket://``.

``sim://`` is not a transport: the driver starts its simulator and connects over TCP. This
module opens nothing; it builds the transport object, which the driver opens on its thread.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from drivers.errors import DeviceConfigError
from drivers.transports.base import Transport, WireLog
from drivers.transports.serial import SerialTransport
from drivers.transports.tcp import TcpTransport
from drivers.transports.usb import UsbTransport

DEFAULT_TCP_PORT = 9100


def _int(text: str, what: str, name: str) -> int:
    try:
        return int(text, 0)
    except ValueError:
        raise DeviceConfigError(f"{what} must be a number, not {text!r}", device=name) from None


def transport_for(uri: str, *, log: WireLog | None = None, name: str = "") -> Transport:
    parts = urlsplit(uri)
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    if parts.scheme == "tcp":
        if not parts.hostname:
            raise DeviceConfigError(f"{uri}: a host is missing (tcp://host:9100)", device=name)
        try:
            port = parts.port or DEFAULT_TCP_PORT
        except ValueError:
            raise DeviceConfigError(f"{uri}: the port is not a number", device=name) from None
        return TcpTransport(parts.hostname, port, log=log, name=name)
    if parts.scheme in ("serial", "loop", "socket", "spy"):
        url = parts.path if parts.scheme == "serial" else uri.split("?", 1)[0]
        if not url:
            raise DeviceConfigError(f"{uri}: the port is missing", device=name)
        baudrate = _int(query.get("baudrate", query.get("baud", "9600")), "baudrate", name)
        framing = query.get("framing", "8N1").upper()
        if len(framing) != 3 or framing[0] not in "5678" or framing[2] not in "12":
            raise DeviceConfigError(f"{uri}: framing must look like 8N1 or 7E1", device=name)
        return SerialTransport(
            url,
            baudrate=baudrate,
            bytesize=int(framing[0]),
            parity=framing[1],
            stopbits=int(framing[2]),
            rtscts=query.get("rtscts", "0") in ("1", "true"),
            dsrdtr=query.get("dsrdtr", "0") in ("1", "true"),
            log=log,
            name=name,
        )
    if parts.scheme == "usb":
        ids = (parts.netloc or parts.path.lstrip("/")).split(":")
        if len(ids) != 2:
            raise DeviceConfigError(f"{uri}: write usb://0xVVVV:0xPPPP", device=name)
        # USB ids are hexadecimal, written with or without 0x
        vendor = _int("0x" + ids[0].lower().removeprefix("0x"), "the vendor id", name)
        product = _int("0x" + ids[1].lower().removeprefix("0x"), "the product id", name)
        return UsbTransport(vendor, product, log=log, name=name)
    raise DeviceConfigError(f"{uri}: no transport for {parts.scheme or 'this'}://", device=name)
