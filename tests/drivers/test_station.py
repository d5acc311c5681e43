"""The device station: devices built from configuration, one worker per endpoint, status events."""

import threading
import time
from collections.abc import Callable

import pytest

from domain.money import Money
from drivers import registry
from drivers.base import Device, DeviceState, ListenerGone, Listeners, Role, StatusEvent
from drivers.config import DeviceConfig, parse_devices
from drivers.drawer import EscPosDrawer, kick_command
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


def _drawer_station(line: MemoryTransport, **options: object) -> DeviceStation:
    """A station with one drawer whose printer line is ``line``, a memory transport."""

    def create(config: DeviceConfig) -> Device:
        device = registry.create(config)
        assert isinstance(device, EscPosDrawer)
        device.transport_factory = lambda _uri: line
        return device

    config = DeviceConfig("drawer", Role.CASH_DRAWER, "drawer-escpos", "memory://", options)
    return DeviceStation([config], create=create, poll_interval=0)


def test_a_listener_that_is_gone_or_raises_never_breaks_a_device_job() -> None:
    simulator = DrawerSimulator(open_seconds=60)
    station = _drawer_station(MemoryTransport(simulator.answer))
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


DLE_EOT_1 = b"\x10\x04\x01"


def _silent_printer_station() -> tuple[DeviceStation, MemoryTransport]:
    """A drawer behind a receipt printer that does not answer: each sensor poll waits."""
    line = MemoryTransport()  # no responder: the printer is silent until the test feeds it
    station = _drawer_station(line, timeout=30)
    station.call("drawer", lambda drawer: drawer, 5)  # opened, claimed, enabled
    return station, line


def _until(condition: Callable[[], bool]) -> None:
    """Wait for another thread to get somewhere (a bound, not a measure)."""
    deadline = time.monotonic() + 10
    while not condition():
        assert time.monotonic() < deadline, "the worker never got there"
        time.sleep(0.005)


def test_polls_behind_a_silent_printer_do_not_pile_up_and_a_job_runs_next() -> None:
    station, line = _silent_printer_station()
    worker = station.worker_of("drawer")
    try:
        station.poll_once()
        _until(lambda: bytes(line.written).endswith(DLE_EOT_1))  # the poll waits for an answer
        for _second in range(60):  # a minute of the poller's ticks
            station.poll_once()
        assert (worker.outstanding_polls, worker.queued_jobs) == (1, 0)
        assert worker.polls_coalesced == 60

        kicked = station.submit("drawer", lambda drawer: drawer.open_drawer())
        for _second in range(60):
            station.poll_once()
        assert (worker.outstanding_polls, worker.queued_jobs) == (1, 1)

        line.feed(b"\x12")  # the printer answers the poll at last
        kicked.result(10)
        assert worker.polls_run == 1  # no queued poll ran before the job
        assert bytes(line.written) == DLE_EOT_1 + kick_command(2, 50, 250)
    finally:
        line.feed(b"\x12" * 4)
        station.stop()


def test_a_job_runs_before_a_poll_that_was_queued_first() -> None:
    station, line = _silent_printer_station()
    line.responder = lambda data: b"\x12" if data == DLE_EOT_1 else b""
    worker = station.worker_of("drawer")
    gate = threading.Event()
    order: list[str] = []
    try:
        busy = station.submit("drawer", lambda drawer: (gate.wait(10), order.append("print")))
        _until(busy.running)
        station.poll_once()  # queued while the print runs
        station.poll_once()
        kicked = station.submit("drawer", lambda drawer: drawer.open_drawer())
        assert (worker.outstanding_polls, worker.queued_jobs) == (1, 1)
        gate.set()
        busy.result(10)
        kicked.result(10)
        _until(lambda: worker.polls_run == 1)
        assert order == ["print"]
        assert bytes(line.written) == kick_command(2, 50, 250) + DLE_EOT_1  # the poll: last
    finally:
        gate.set()
        station.stop()


def test_a_stopped_station_finishes_its_jobs_and_refuses_new_ones() -> None:
    station, line = _silent_printer_station()
    line.responder = lambda data: b"\x12" if data == DLE_EOT_1 else b""
    kicked = station.submit("drawer", lambda drawer: drawer.open_drawer())
    station.stop()
    assert kicked.done() and kicked.exception() is None
    with pytest.raises(RuntimeError):
        station.submit("drawer", lambda drawer: None)


def test_a_device_that_never_answers_does_not_keep_the_till_from_quitting() -> None:
    station, line = _silent_printer_station()
    line.responder = lambda data: b"\x12" if data == DLE_EOT_1 else b""
    release = threading.Event()
    stuck = station.submit("drawer", lambda _drawer: release.wait(30))  # a hung dialogue
    try:
        assert station.stop(deadline=0.2) == ["drawer"]
        assert not stuck.done()
    finally:
        release.set()
    stuck.result(timeout=5)  # the job itself ends when the device does; nothing was lost
