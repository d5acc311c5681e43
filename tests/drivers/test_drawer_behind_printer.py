"""A drawer on the receipt printer's port, against a printer that accepts one client at a time:
its kick and sensor go out on the printer's own connection, between print jobs."""

from __future__ import annotations

from drivers.base import Role
from drivers.config import DeviceConfig
from drivers.errors import DeviceError
from drivers.printers.base import JobState
from drivers.station import DeviceStation, endpoint_of
from printing import escpos

PRINTER = DeviceConfig(
    "receipts", Role.RECEIPT_PRINTER, "escpos", "sim://escpos?refuse_second_client=1",
    {"model": "TM-T88V", "confirm_timeout": 5.0},
)  # fmt: skip
DRAWER = DeviceConfig("drawer", Role.CASH_DRAWER, "drawer-escpos", "printer://receipts")


def test_the_drawer_shares_the_printers_endpoint_and_worker() -> None:
    by_name = {c.name: c for c in (PRINTER, DRAWER)}
    assert endpoint_of(DRAWER, by_name) == endpoint_of(PRINTER)


def test_kick_and_sensor_go_through_the_printers_connection() -> None:
    station = DeviceStation([PRINTER, DRAWER], poll_interval=0)
    try:
        page = escpos.render_test_page(escpos.model("TM-T88V", None), "receipts")
        first = station.call("receipts", lambda printer: printer.print_job(page), timeout=20)
        assert first.state is JobState.CONFIRMED
        station.call("drawer", lambda drawer: drawer.open_drawer(), timeout=10)
        assert station.call("drawer", lambda drawer: drawer.is_open(), timeout=10)
        second = station.call("receipts", lambda printer: printer.print_job(page), timeout=20)
        assert second.state is JobState.CONFIRMED

        printer = station.device("receipts")
        assert printer is not None
        server = printer.simulator
        assert server.machine.drawer_kicks == 1
        assert server.server.refused == 0  # the drawer never opened a second connection
        assert len(server.machine.store) == 2
    finally:
        station.stop()


def test_a_drawer_behind_an_unknown_printer_is_a_configuration_error() -> None:
    lonely = DeviceConfig("drawer", Role.CASH_DRAWER, "drawer-escpos", "printer://nowhere")
    station = DeviceStation([lonely], poll_interval=0)
    try:
        statuses = {s.name: s for s in station.status()}
        assert "drawer" in statuses
        try:
            station.call("drawer", lambda drawer: drawer.open_drawer(), timeout=5)
        except DeviceError as error:
            assert "no printer named 'nowhere'" in str(error)
        else:
            raise AssertionError("a drawer behind a missing printer must not open")
    finally:
        station.stop()
