"""The device station: devices built from configuration, one worker per endpoint, status events."""

import threading
import time

from domain.money import Money
from drivers.base import DeviceState, Role
from drivers.config import parse_devices
from drivers.payment import PaymentOutcome, PaymentRequest, TransactionKind
from drivers.station import DeviceStation, endpoint_of

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
