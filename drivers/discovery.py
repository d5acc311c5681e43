"""Finding devices for a technician: serial ports, USB devices by vendor and product id, and
answering TCP ports on hosts the technician names; each with a suggested driver.

Discovery only suggests. It never writes a configuration and never binds a payment terminal:
a port that answers on 20007 may be any terminal of the shop, so it is listed with a warning
and the technician enters it in station.toml by hand. Without libusb, USB is reported as
unavailable instead of failing.
"""

from __future__ import annotations

import socket
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

# Vendor ids of printers a box office meets (suggestion only).
USB_VENDORS = {
    0x04B8: ("Epson", "escpos", "receipt_printer"),
    0x0519: ("Star Micronics", "escpos", "receipt_printer"),
    0x1504: ("Bixolon", "escpos", "receipt_printer"),
    0x0DD4: ("Custom", "escpos", "receipt_printer"),
    0x0A43: ("Boca Systems", "fgl", "ticket_printer"),
    0x05E0: ("Zebra/Symbol", "scanner", "scanner"),
    0x0C2E: ("Honeywell/Metrologic", "scanner", "scanner"),
    0x05F9: ("Datalogic", "scanner", "scanner"),
}
TCP_PORTS = {
    9100: ("raw printer port", "escpos or fgl", "receipt_printer or ticket_printer"),
    20007: ("ZVT card terminal port", "zvt", "payment_terminal"),
    8888: ("Caisse-AP card terminal port", "", "payment_terminal"),
}
PAYMENT_WARNING = (
    "check on the terminal itself before entering it by hand: never bound automatically"
)


@dataclass(frozen=True, slots=True)
class Found:
    kind: str  # serial, usb, tcp, note
    address: str  # a URI for station.toml, or "" for a note
    description: str
    driver: str = ""  # suggested driver name, "" when no suggestion
    role: str = ""
    warning: str = ""


def serial_ports() -> list[Found]:
    from serial.tools import list_ports

    found = []
    for port in sorted(list_ports.comports(), key=lambda p: p.device):
        description = port.description or "serial port"
        if port.vid is not None:
            description += f" (USB {port.vid:04x}:{port.pid or 0:04x})"
        vendor = USB_VENDORS.get(port.vid or -1)
        found.append(
            Found(
                "serial",
                f"serial://{port.device}?baudrate=9600",
                description,
                vendor[1] if vendor else "",
                vendor[2] if vendor else "",
            )
        )
    return found


def usb_devices() -> list[Found]:
    try:
        import usb.core
        from usb.core import NoBackendError
    except ImportError:
        return [Found("note", "", "USB unavailable: pyusb is not installed")]
    try:
        devices = list(usb.core.find(find_all=True) or [])
    except NoBackendError:
        return [Found("note", "", "USB unavailable: no libusb backend on this machine")]
    except usb.core.USBError as error:
        return [Found("note", "", f"USB unavailable: {error}")]
    found = []
    for device in devices:
        vendor = USB_VENDORS.get(device.idVendor)
        if vendor is None:
            continue  # keyboards, hubs and cameras are not ours to suggest
        name, driver, role = vendor
        found.append(
            Found(
                "usb",
                f"usb://0x{device.idVendor:04x}:0x{device.idProduct:04x}",
                f"{name} device {device.idVendor:04x}:{device.idProduct:04x}",
                driver,
                role,
            )
        )
    return found


def _answers(host: str, port: int, timeout: float) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def tcp_ports(
    hosts: Iterable[str], ports: Iterable[int] = tuple(TCP_PORTS), timeout: float = 0.5
) -> list[Found]:
    targets = [(host, port) for host in hosts for port in ports]
    if not targets:
        return []
    with ThreadPoolExecutor(max_workers=min(32, len(targets))) as pool:
        answers = list(pool.map(lambda t: _answers(t[0], t[1], timeout), targets))
    found = []
    for (host, port), answered in zip(targets, answers, strict=True):
        if not answered:
            continue
        what, driver, role = TCP_PORTS.get(port, ("open TCP port", "", ""))
        warning = PAYMENT_WARNING if role == "payment_terminal" else ""
        found.append(Found("tcp", f"tcp://{host}:{port}", what, driver, role, warning))
    return found


def discover(hosts: Iterable[str] = (), ports: Iterable[int] = tuple(TCP_PORTS)) -> list[Found]:
    """Everything that can be found from here; nothing is opened beyond a TCP connect."""
    return serial_ports() + usb_devices() + tcp_ports(hosts, ports)
