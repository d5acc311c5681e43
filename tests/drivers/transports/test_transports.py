"""Transports: TCP with deadlines, serial through serial_for_url (loop://, socket://, a real
pseudo-terminal), USB without libusb, the memory transport, and URIs."""

from __future__ import annotations

import os
import pty
import socket
import threading
import time
import tty

import pytest
import usb.core

from drivers.errors import DeviceConfigError, DeviceTimeout, DeviceUnavailable
from drivers.transports.base import WireLog
from drivers.transports.memory import MemoryTransport
from drivers.transports.serial import SerialTransport
from drivers.transports.tcp import TcpTransport
from drivers.transports.uri import transport_for
from drivers.transports.usb import UsbTransport


@pytest.fixture
def echo_server() -> tuple[str, int]:
    server = socket.create_server(("127.0.0.1", 0))
    address = server.getsockname()[:2]

    def serve() -> None:
        conn, _ = server.accept()
        with conn:
            while data := conn.recv(4096):
                conn.sendall(data.upper())
        server.close()

    threading.Thread(target=serve, daemon=True).start()
    return address


def test_tcp_round_trip_is_logged(echo_server: tuple[str, int]) -> None:
    log = WireLog()
    transport = TcpTransport(*echo_server, log=log)
    transport.open(1.0)
    transport.write(b"abc", 1.0)
    assert transport.read(3, 1.0) == b"ABC"
    assert transport.read(1, 0.05) == b""  # the deadline passes: nothing, no exception
    assert [(r.direction, r.data) for r in log.records()] == [("out", b"abc"), ("in", b"ABC")]
    assert log.records()[0].hex() == "61 62 63"
    transport.close()


def test_tcp_refused_connection_is_unavailable() -> None:
    probe = socket.create_server(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    with pytest.raises(DeviceUnavailable, match="cannot connect"):
        TcpTransport("127.0.0.1", port).open(1.0)


def test_tcp_peer_closing_is_reported() -> None:
    server = socket.create_server(("127.0.0.1", 0))
    transport = TcpTransport(*server.getsockname()[:2])
    transport.open(1.0)
    conn, _ = server.accept()
    conn.close()
    with pytest.raises(DeviceUnavailable, match="closed the connection"):
        transport.read(1, 1.0)
    assert not transport.is_open
    server.close()


def test_tcp_write_deadline_when_the_printer_stops_reading() -> None:
    server = socket.create_server(("127.0.0.1", 0))
    transport = TcpTransport(*server.getsockname()[:2])
    transport.open(1.0)
    conn, _ = server.accept()  # accepted, never read: buffers fill up
    started = time.monotonic()
    with pytest.raises(DeviceTimeout, match="to accept"):
        transport.write(b"x" * 50_000_000, 0.3)
    assert time.monotonic() - started < 3
    conn.close()
    server.close()


def test_serial_loop_url() -> None:
    transport = SerialTransport("loop://", baudrate=115200)
    transport.open(0.5)
    transport.write(b"\x10\x04\x01", 0.5)
    assert transport.read(16, 0.5) == b"\x10\x04\x01"
    transport.set_rts(True)  # pyserial's loop mirrors RTS to CTS
    assert transport.cts is True
    transport.close()


def test_serial_on_a_pseudo_terminal_and_its_missing_modem_lines() -> None:
    master, slave = pty.openpty()
    tty.setraw(slave)
    try:
        transport = SerialTransport(os.ttyname(slave), baudrate=9600)
        transport.open(0.5)
        transport.write(b"<S1>", 0.5)
        assert os.read(master, 16) == b"<S1>"
        os.write(master, b"\x11")
        assert transport.read(1, 1.0) == b"\x11"
        with pytest.raises(DeviceConfigError, match="modem lines"):
            transport.set_rts(True)
        transport.close()
    finally:
        os.close(master)
        os.close(slave)


def test_serial_missing_port_is_unavailable() -> None:
    with pytest.raises(DeviceUnavailable, match="cannot open"):
        SerialTransport("/dev/guichet-no-such-port").open(0.2)


def test_usb_without_libusb_says_usb_unavailable() -> None:
    def no_backend(**_: object) -> object:
        raise usb.core.NoBackendError("No backend available")

    transport = UsbTransport(0x04B8, 0x0202, finder=no_backend)
    with pytest.raises(DeviceUnavailable, match="USB unavailable"):
        transport.open(1.0)


def test_usb_device_not_plugged_in() -> None:
    transport = UsbTransport(0x04B8, 0x0202, finder=lambda **_: None)
    with pytest.raises(DeviceUnavailable, match="04b8:0202"):
        transport.open(1.0)


def test_memory_transport_answers_and_waits() -> None:
    transport = MemoryTransport(lambda data: b"\x12" if data == b"\x10\x04\x01" else b"")
    transport.open(0.1)
    transport.write(b"\x10\x04\x01", 0.1)
    assert transport.read(1, 0.1) == b"\x12"
    threading.Timer(0.05, transport.feed, args=(b"late",)).start()
    assert transport.read(4, 1.0) == b"late"
    assert transport.read(4, 0.01) == b""


@pytest.mark.parametrize(
    ("uri", "description"),
    [
        ("tcp://10.0.0.192", "tcp://10.0.0.192:9100"),
        ("tcp://printer.local:9101", "tcp://printer.local:9101"),
        ("serial:///dev/ttyUSB0?baudrate=19200", "serial:///dev/ttyUSB0?baudrate=19200"),
        ("loop://", "serial://loop://?baudrate=9600"),
        ("usb://04b8:0202", "usb://0x04b8:0x0202"),
        ("usb://0x0a43:0x0003", "usb://0x0a43:0x0003"),
    ],
)
def test_uris(uri: str, description: str) -> None:
    assert transport_for(uri).description == description


@pytest.mark.parametrize("uri", ["tcp://", "usb://zz:1", "serial:///dev/x?framing=9Q1", "ftp://x"])
def test_bad_uris_name_the_problem(uri: str) -> None:
    with pytest.raises(DeviceConfigError):
        transport_for(uri)
