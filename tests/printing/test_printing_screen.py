"""The technician's printers screen, offscreen: printers listed, a test print from the button
reaches the simulator and shows in the job list, the wire log and the virtual printer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.persistence import open_database
from app.services.printing import PrinterStation, PrintingServices
from app.ui.printers import PrintersScreen
from app.ui.tasks import Lane
from tests.fakes import FixedClock


@pytest.fixture
def screen(qtbot: QtBot, tmp_path: Path) -> Iterator[PrintersScreen]:
    database = open_database(tmp_path / "till.sqlite3")
    station = PrinterStation.demo(tmp_path / "printed")
    services = PrintingServices(database.unit_of_work, station, FixedClock())
    lane = Lane("database")
    widget = PrintersScreen(services, lane, operator_name="Sacha Petit")
    qtbot.addWidget(widget)
    widget.show()
    widget.load()
    yield widget
    widget.hide()
    lane.shutdown()
    station.stop()
    database.close()


def test_lists_the_station_s_printers(screen: PrintersScreen) -> None:
    table = screen.printer_table
    names = [table.item(row, 0).text() for row in range(table.rowCount())]
    assert names == ["tickets", "receipts"]
    assert table.item(0, 5).text() == "CP858"
    assert "sim://fgl" in table.item(0, 4).text() or "tcp://127.0.0.1" in table.item(0, 4).text()


def test_test_print_reaches_the_simulator_and_comes_back(
    screen: PrintersScreen, qtbot: QtBot
) -> None:
    screen.printer_table.selectRow(0)
    screen.test_button.click()

    def printed() -> None:
        assert screen.job_table.rowCount() == 1
        assert screen.job_table.item(0, 3).text().startswith("printed")
        screen.refresh()
        assert screen.page_list.count() == 1

    qtbot.waitUntil(printed, timeout=5000)
    assert screen.page_view.pixmap() is not None and not screen.page_view.pixmap().isNull()
    assert "3c 52 43" in screen.wire.toPlainText()  # "<RC" went out
    assert not screen.reprint_button.isEnabled()


def test_status_button_reports_on_the_screen(screen: PrintersScreen, qtbot: QtBot) -> None:
    screen.printer_table.selectRow(1)
    screen.status_button.click()
    qtbot.waitUntil(lambda: screen.message.text() == "receipts: ready", timeout=5000)


def test_every_printer_condition_is_named_not_read_as_offline(screen: PrintersScreen) -> None:
    from drivers.printers.status import PrinterStatus

    named = {
        PrinterStatus(online=False, ribbon_out=True): "ribbon out",
        PrinterStatus(fault="bad flash"): "fault: bad flash",
        PrinterStatus(garbled=True): "garbled",
        PrinterStatus(unrecoverable=True): "hardware fault",
        PrinterStatus(ribbon_low=True): "ribbon low",
        PrinterStatus(online=False): "offline",
    }
    for status, text in named.items():
        shown = screen._status_text(status)
        assert text in shown, (status, shown)
        if text != "offline":
            assert "offline" not in shown
    assert screen._status_text(PrinterStatus()) == "ready"
