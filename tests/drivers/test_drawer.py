"""Drawer bytes, the printer's sensor bit, the serial drawer's modem line, and the watchdog."""

from datetime import UTC, datetime, timedelta

import pytest

from drivers.base import DeviceState, Role
from drivers.config import DeviceConfig
from drivers.drawer import EscPosDrawer, SerialDrawer, kick_command, sensor_high
from drivers.errors import DeviceConfigError, ProtocolError
from drivers.simulators.drawer import DrawerSimulator
from drivers.transports.memory import MemoryTransport


def config(driver: str, uri: str, **options: object) -> DeviceConfig:
    return DeviceConfig("drawer", Role.CASH_DRAWER, driver, uri, options)


def test_kick_bytes_for_both_pins() -> None:
    assert kick_command(2, 50, 250) == bytes.fromhex("1B 70 00 19 7D")
    assert kick_command(5, 20, 100) == bytes.fromhex("1B 70 01 0A 32")


@pytest.mark.parametrize(
    ("pin", "on", "off"), [(3, 50, 250), (2, 100, 100), (2, 0, 250), (2, 50, 600)]
)
def test_impossible_pulses_are_refused(pin: int, on: int, off: int) -> None:
    with pytest.raises(DeviceConfigError):
        kick_command(pin, on, off)


def test_sensor_bit_and_garbled_status() -> None:
    assert sensor_high(b"\x16") is True
    assert sensor_high(b"\x12") is False
    for garbage in (b"", b"\xff", b"\x12\x12"):
        with pytest.raises(ProtocolError):
            sensor_high(garbage)


def started(drawer: EscPosDrawer | SerialDrawer) -> EscPosDrawer | SerialDrawer:
    drawer.open()
    drawer.claim()
    drawer.enable()
    return drawer


def test_kick_and_sensor_through_the_simulated_printer() -> None:
    drawer = started(
        EscPosDrawer(config("drawer-escpos", "sim://drawer", pin=5, on_ms=30, off_ms=150))
    )
    try:
        simulator = drawer.simulator
        assert drawer.is_open() is False
        drawer.open_drawer()
        assert drawer.is_open() is True  # the status query follows the kick on the same line
        assert simulator.kicks == [(1, 15, 75)]
        simulator.push_shut()
        assert drawer.is_open() is False
        assert "1b 70 01 0f 4b" in [r.hex() for r in drawer.wire.records()]
    finally:
        drawer.close()


def test_open_too_long_is_reported_once() -> None:
    simulator = DrawerSimulator(open_seconds=0)
    drawer = EscPosDrawer(config("drawer-escpos", "memory://", open_too_long=30))
    drawer.transport_factory = lambda uri: MemoryTransport(simulator.answer)
    now = [datetime(2026, 1, 1, tzinfo=UTC)]
    drawer.clock = lambda: now[0]
    events = []
    drawer.add_listener(events.append)
    started(drawer)
    drawer.open_drawer()
    drawer.poll()
    now[0] += timedelta(seconds=31)
    drawer.poll()
    drawer.poll()
    assert [e.detail for e in events].count("drawer open too long") == 1
    simulator.push_shut()
    drawer.poll()
    assert events[-1].detail == "drawer closed"


def test_a_silent_printer_is_a_device_error_not_a_crash() -> None:
    drawer = EscPosDrawer(config("drawer-escpos", "memory://", timeout=0.1))
    drawer.transport_factory = lambda uri: MemoryTransport()
    started(drawer)
    with pytest.raises(Exception, match="did not answer"):
        drawer.is_open()
    assert drawer.state is DeviceState.ERROR


def test_serial_drawer_opens_on_its_byte_and_reads_cts() -> None:
    transport = MemoryTransport()
    drawer = SerialDrawer(
        config("drawer-serial", "serial:///dev/null", open_bytes="1b07", open_level="low")
    )
    drawer.transport_factory = lambda uri: transport
    started(drawer)
    drawer.open_drawer()
    assert bytes(transport.written) == b"\x1b\x07"
    transport.cts = False
    assert drawer.is_open() is True
    transport.cts = True
    assert drawer.is_open() is False
