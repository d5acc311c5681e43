"""Serial scanners: codes ended by CR or LF, noise dropped, a simulated scanner on a pty."""

import threading

from drivers.base import Role
from drivers.config import DeviceConfig
from drivers.scanner import SerialScanner, split_codes


def test_codes_are_split_on_cr_and_lf() -> None:
    buffer = bytearray(b"3760123456789\r\nABC-123\n\x00\x01\rpartial")
    assert split_codes(buffer) == ["3760123456789", "ABC-123"]
    assert bytes(buffer) == b"partial"


def test_a_long_burst_without_end_is_noise() -> None:
    buffer = bytearray(b"x" * 200)
    assert split_codes(buffer) == []
    assert buffer == bytearray()


def test_a_simulated_serial_scanner_reaches_the_listener() -> None:
    scanner = SerialScanner(DeviceConfig("scan", Role.SCANNER, "scanner-serial", "sim://scanner"))
    got: list[tuple[str, str]] = []
    arrived = threading.Event()
    scanner.add_scan_listener(lambda code, source: (got.append((code, source)), arrived.set()))
    scanner.open()
    scanner.claim()
    scanner.enable()
    try:
        scanner.simulate_scan("3760123456789")
        assert arrived.wait(3)
        assert got == [("3760123456789", "scan")]
    finally:
        scanner.close()
