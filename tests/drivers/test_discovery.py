"""Discovery lists what answers, suggests a driver, and never binds a payment terminal."""

import socket

from drivers import discovery


def test_answering_tcp_ports_are_found_with_a_suggestion() -> None:
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        closed = socket.create_server(("127.0.0.1", 0))
        closed_port = closed.getsockname()[1]
        closed.close()
        found = discovery.tcp_ports(["127.0.0.1"], [port, closed_port], timeout=0.5)
    assert [f.address for f in found] == [f"tcp://127.0.0.1:{port}"]


def test_a_terminal_port_is_only_suggested_with_a_warning(monkeypatch) -> None:
    monkeypatch.setattr(discovery, "_answers", lambda host, port, timeout: port == 20007)
    (found,) = discovery.tcp_ports(["10.0.0.9"])
    assert (found.driver, found.role) == ("zvt", "payment_terminal")
    assert "never bound" in found.warning


def test_usb_without_libusb_is_reported_not_raised(monkeypatch) -> None:
    import usb.core

    def no_backend(**kwargs):
        raise usb.core.NoBackendError("No backend available")

    monkeypatch.setattr(usb.core, "find", no_backend)
    (note,) = discovery.usb_devices()
    assert note.kind == "note" and "USB unavailable" in note.description


def test_serial_ports_are_listed(monkeypatch) -> None:
    from serial.tools import list_ports
    from serial.tools.list_ports_common import ListPortInfo

    port = ListPortInfo("/dev/ttyUSB7")
    port.vid, port.pid, port.description = 0x04B8, 0x0202, "TM-T88"
    monkeypatch.setattr(list_ports, "comports", lambda: [port])
    (found,) = discovery.serial_ports()
    assert found.address.startswith("serial:///dev/ttyUSB7")
    assert found.driver == "escpos"
