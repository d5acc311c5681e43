"""The device station: devices built from configuration, one worker per endpoint, status events."""

import threading
import time

from domain.money import Money
from drivers import registry
from drivers.base import Device, DeviceState, ListenerGone, Listeners, Role, StatusEvent
from drivers.config import DeviceConfig, parse_devices
from drivers.drawer import EscPosDrawer
from drivers.payment import PaymentOutcome, PaymentRequest, TransactionKind
from drivers.simulators.drawer import DrawerSimulator
from drivers.station import DeviceStation, endpoint_of
from drivers.transports.memory import MemoryTransport

DEMO = {
    "card": {"role": "payment_terminal", "driver": "zvt", "uri": "sim://zvt"},
    "drawer": {"role": "cash_drawer", "driver": "drawer-escpos", "uri": "sim://drawer"},
    "display": {"role": "line_display", "driver": "display", "uri": "sim://display"},
    "scanner": {"role": "scanner", "driver": "scanner-serial", "uri": "sim://scanner"},
    "broken": {"role": "scanner", "driver": "nope", "uri": "sim://x"},
}


def test_devices_on_one_endpoint_share_a_worker() -> None:
    configs = parse_devices(
        {
            "receipt_drawer": {
                "role": "cash_drawer",
                "driver": "drawer-escpos",
                "uri": "tcp://10.0.0.5:9100",
            },
            "pole": {"role": "line_display", "driver": "display", "uri": "tcp://10.0.0.5:9100?x=1"},
            "a": {"role": "cash_drawer", "driver": "drawer-escpos", "uri": "sim://drawer"},
            "b": {"role": "cash_drawer", "driver": "drawer-escpos", "uri": "sim://drawer"},
        }
    )
    assert endpoint_of(configs[0]) == endpoint_of(configs[1])
    assert endpoint_of(configs[2]) != endpoint_of(configs[3])
    station = DeviceStation(configs, poll_interval=0)
    assert station._entries["receipt_drawer"].worker is station._entries["pole"].worker
    station.stop()


def test_a_station_of_simulators() -> None:
    station = DeviceStation(parse_devices(DEMO), poll_interval=0.05)
    events = []
    scans = []
    scanned = threading.Event()
    station.add_listener(events.append)
    station.add_scan_listener(lambda code, source: (scans.append((code, source)), scanned.set()))
    station.start()
    try:
        threads = {}
        for name in ("card", "drawer", "display"):
            threads[name] = station.call(name, lambda d: threading.current_thread().name, 10)
        assert len(set(threads.values())) == 3
        status = {s.name: s for s in station.status()}
        assert status["card"].state is DeviceState.IDLE
        assert status["broken"].state is DeviceState.ERROR
        assert "unknown driver" in status["broken"].error
        station.call("drawer", lambda d: d.open_drawer(), 5)
        assert station.call("drawer", lambda d: d.is_open(), 5) is True
        station.call("scanner", lambda d: d.simulate_scan("ORDER-42"), 5)
        assert scanned.wait(3) and scans == [("ORDER-42", "scanner")]
        station.call("card", lambda d: setattr(d, "journal", _Journal()), 5)
        paid = station.call(
            "card",
            lambda d: d.pay(PaymentRequest("p", TransactionKind.PAYMENT, Money(700, "EUR"))),
            10,
        )
        assert paid.outcome is PaymentOutcome.APPROVED
        assert any(e.device == "card" and e.detail == "insert card" for e in events)
        assert station.wire_log("card") is not None and station.wire_log("card").records()
        assert station.by_role(Role.CASH_DRAWER) == ["drawer"]
        time.sleep(0.1)  # the poller reads the drawer sensor meanwhile
    finally:
        station.stop()


class _Journal:
    def mark_sent(self, payment_id, at):
        pass

    def record_result(self, payment_id, command, raw, result):
        pass

    def is_known_result(self, terminal_id, trace, receipt_no):
        return False


def _memory_drawer_station(simulator: DrawerSimulator, **options: object) -> DeviceStation:
    """A station with one drawer whose printer line is a memory transport."""

    def create(config: DeviceConfig) -> Device:
        device = registry.create(config)
        assert isinstance(device, EscPosDrawer)
        device.transport_factory = lambda _uri: MemoryTransport(simulator.answer)
        return device

    config = DeviceConfig("drawer", Role.CASH_DRAWER, "drawer-escpos", "memory://", options)
    return DeviceStation([config], create=create, poll_interval=0)


def test_a_listener_that_is_gone_or_raises_never_breaks_a_device_job() -> None:
    simulator = DrawerSimulator(open_seconds=60)
    station = _memory_drawer_station(simulator)
    told: list[StatusEvent] = []
    calls = {"deleted screen": 0, "gone": 0}

    def deleted_screen(event: StatusEvent) -> None:  # what a Qt signal of a closed screen does
        calls["deleted screen"] += 1
        raise RuntimeError("Signal source has been deleted")

    def gone(event: StatusEvent) -> None:
        calls["gone"] += 1
        raise ListenerGone

    station.add_listener(deleted_screen)
    station.add_listener(gone)
    station.add_listener(told.append)
    try:
        station.call("drawer", lambda drawer: drawer.open_drawer(), 5)  # the job that matters
        assert station.call("drawer", lambda drawer: drawer.is_open(), 5) is True
        assert simulator.kicks  # the drawer really opened, and the job said so
        assert calls == {"deleted screen": 1, "gone": 1}  # dropped at their first failure
        assert "drawer kicked open" in [e.detail for e in told]
        station.call("drawer", lambda drawer: drawer.open_drawer(), 5)
        assert calls == {"deleted screen": 1, "gone": 1}
        assert [s.state for s in station.status()] == [DeviceState.IDLE]
    finally:
        station.stop()


def test_a_scan_listener_that_fails_is_dropped_and_the_others_still_get_the_scan() -> None:
    station = DeviceStation(parse_devices({"scanner": DEMO["scanner"]}), poll_interval=0)
    scans: list[tuple[str, str]] = []

    def broken(code: str, source: str) -> None:
        raise RuntimeError("Signal source has been deleted")

    station.add_scan_listener(broken)
    station.add_scan_listener(lambda code, source: scans.append((code, source)))
    station._on_scan("A1", "scanner")
    station._on_scan("A2", "scanner")
    assert scans == [("A1", "scanner"), ("A2", "scanner")]
    station.stop()


def test_listeners_are_removed_when_asked_and_removing_twice_is_harmless() -> None:
    listeners: Listeners[[str]] = Listeners("test")
    heard: list[str] = []
    listeners.add(heard.append)
    listeners.notify("one")
    listeners.remove(heard.append)
    listeners.remove(heard.append)
    listeners.notify("two")
    assert heard == ["one"] and len(listeners) == 0
