"""The real drivers against the simulators: tickets that come back as pictures, and every
fault script ending in a known job state with nothing lost."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from drivers import registry
from drivers.base import DeviceState, Role
from drivers.config import DeviceConfig
from drivers.errors import DeviceBusy, DeviceTimeout, ProtocolError
from drivers.printers.base import JobState, Printer
from drivers.printers.escpos import EscPosPrinter
from drivers.printers.fgl import FglPrinter
from drivers.simulators.escpos import EscPosSimulator
from drivers.simulators.fgl import FglSimulator
from drivers.simulators.printer_server import FaultScript
from printing import data, escpos, fgl

GoldenPng = Callable[[str, Image.Image], None]
FAST = {"confirm_timeout": 0.6, "status_timeout": 0.3, "connect_timeout": 1.0}


@pytest.fixture
def printers() -> Iterator[list[Printer]]:
    opened: list[Printer] = []
    yield opened
    for printer in opened:
        printer.close()


def _printer(opened: list[Printer], driver: str, uri: str, **options: Any) -> Printer:
    role = Role.TICKET_PRINTER if driver.startswith("fgl") else Role.RECEIPT_PRINTER
    device = registry.create(DeviceConfig("test", role, driver, uri, {**FAST, **options}))
    assert isinstance(device, Printer)
    opened.append(device)
    return device


def _ticket(n: int = 1) -> bytes:
    return fgl.render_ticket(data.sample_ticket(n))


def _receipt() -> bytes:
    return escpos.render_receipt(data.sample_receipt())


# --- pictures ---------------------------------------------------------------------------


def test_fgl_ticket_comes_back_as_a_picture(
    printers: list[Printer], golden_png: GoldenPng, tmp_path: Path
) -> None:
    printer = _printer(printers, "fgl", "sim://fgl", output_dir=str(tmp_path))
    outcome = printer.print_job(_ticket())
    assert outcome.state is JobState.CONFIRMED
    [path] = printer.simulator.pages.paths()
    assert path.parent == tmp_path and path.suffix == ".png"
    with Image.open(path) as picture:
        golden_png("sim-fgl-ticket.png", picture)
    assert printer.simulator.machine.flash_writes == []


def test_escpos_receipt_and_ticket_come_back_as_pictures(
    printers: list[Printer], golden_png: GoldenPng
) -> None:
    printer = _printer(printers, "escpos", "sim://escpos")
    assert printer.print_job(_receipt()).state is JobState.CONFIRMED
    assert printer.print_job(escpos.render_ticket(data.sample_ticket())).state is JobState.CONFIRMED
    receipt, ticket = [p.image for p in printer.simulator.pages.pages]
    golden_png("sim-escpos-receipt.png", receipt)
    golden_png("sim-escpos-ticket.png", ticket)


def test_test_pages(printers: list[Printer], golden_png: GoldenPng) -> None:
    boca = _printer(printers, "fgl", "sim://fgl")
    epson = _printer(printers, "escpos", "sim://escpos")
    assert boca.print_job(fgl.render_test_page()).state is JobState.CONFIRMED
    assert epson.print_job(escpos.render_test_page()).state is JobState.CONFIRMED
    golden_png("sim-fgl-test-page.png", boca.simulator.pages.pages[0].image)
    golden_png("sim-escpos-test-page.png", epson.simulator.pages.pages[0].image)


def test_wire_log_shows_both_directions(printers: list[Printer]) -> None:
    printer = _printer(printers, "fgl", "sim://fgl")
    printer.print_job(_ticket())
    directions = [(r.direction, r.data) for r in printer.wire_log.records()]
    assert directions[-1] == ("in", b"\x06")
    assert directions[-2][0] == "out" and directions[-2][1].endswith(b"<p>")


# --- FGL fault scripts ------------------------------------------------------------------------


def test_fgl_paper_out_after_two_tickets(printers: list[Printer]) -> None:
    printer = _printer(printers, "fgl", "sim://fgl?paper_out_after=2")
    states = [printer.print_job(_ticket(n)).state for n in (1, 2, 3)]
    assert states == [JobState.CONFIRMED, JobState.CONFIRMED, JobState.FAILED]
    assert len(printer.simulator.pages) == 2
    assert printer.last_status is not None and printer.last_status.paper_out
    assert printer.state is DeviceState.ERROR
    printer.simulator.load_paper()
    assert printer.status().ready
    assert printer.print_job(_ticket(3)).state is JobState.CONFIRMED


def test_fgl_paper_out_in_the_middle_of_a_ticket(printers: list[Printer]) -> None:
    printer = _printer(printers, "fgl", "sim://fgl?paper_out_after=1&paper_out_mid_job=1")
    assert printer.print_job(_ticket(1)).state is JobState.CONFIRMED
    outcome = printer.print_job(_ticket(2))
    assert outcome.state is JobState.FAILED
    assert "out of paper" in outcome.detail


def test_fgl_jam_leaves_the_ticket_unknown(printers: list[Printer]) -> None:
    printer = _printer(printers, "fgl", "sim://fgl?jam_after=1")
    assert printer.print_job(_ticket(1)).state is JobState.CONFIRMED
    outcome = printer.print_job(_ticket(2))
    assert outcome.state is JobState.UNKNOWN and "paper jam" in outcome.detail
    assert printer.last_status is not None and printer.last_status.jam


def test_fgl_connection_dropped_mid_job_is_unknown(printers: list[Printer]) -> None:
    printer = _printer(printers, "fgl", "sim://fgl?drop_after_bytes=500")
    outcome = printer.print_job(_ticket())
    assert outcome.state is JobState.UNKNOWN
    assert len(printer.simulator.pages) == 0
    # the next job reconnects by itself
    assert printer.print_job(_ticket(2)).state is JobState.CONFIRMED


def test_fgl_garbage_answer_is_a_protocol_error(printers: list[Printer]) -> None:
    printer = _printer(printers, "fgl", "sim://fgl?garbage=1")
    outcome = printer.print_job(_ticket())
    assert outcome.state is JobState.FAILED  # the <S1> answer was noise: nothing sent
    assert isinstance(outcome.error, ProtocolError)
    assert "not an FGL46 status byte" in outcome.detail
    unchecked = _printer(printers, "fgl", "sim://fgl?garbage=1", check_ready=False)
    outcome = unchecked.print_job(_ticket())
    assert outcome.state is JobState.UNKNOWN  # the noise came after the ticket
    assert isinstance(outcome.error, ProtocolError)


def test_fgl_silent_printer_gets_nothing(printers: list[Printer]) -> None:
    printer = _printer(printers, "fgl", "sim://fgl?silent=1")
    outcome = printer.print_job(_ticket())
    assert outcome.state is JobState.FAILED  # <S1> unanswered: nothing was sent
    assert not any(r.data.endswith(b"<p>") for r in printer.wire_log.records())
    assert not printer.status().answered


def test_fgl_silence_after_the_ticket_is_unknown(printers: list[Printer]) -> None:
    printer = _printer(printers, "fgl", "sim://fgl?silent=1", check_ready=False)
    outcome = printer.print_job(_ticket())
    assert outcome.state is JobState.UNKNOWN
    assert isinstance(outcome.error, DeviceTimeout)


def test_fgl_out_of_paper_before_connecting_is_refused(printers: list[Printer]) -> None:
    printer = _printer(printers, "fgl", "sim://fgl?paper_out_after=0")
    outcome = printer.print_job(_ticket())
    assert outcome.state is JobState.FAILED and "no answer" in outcome.detail
    assert len(printer.simulator.pages) == 0


def test_fgl_refuses_a_second_client() -> None:
    simulator = FglSimulator()
    host, port = simulator.address
    first = socket.create_connection((host, port))
    try:
        config = DeviceConfig("second", Role.TICKET_PRINTER, "fgl", f"tcp://{host}:{port}", FAST)
        second = FglPrinter(config)
        outcome = second.print_job(_ticket())
        assert outcome.state is JobState.FAILED  # nothing left: safe to try again
        assert isinstance(outcome.error, DeviceBusy)
        assert "one at a time" in outcome.detail
        second.close()
    finally:
        first.close()
        simulator.stop()


def test_fgl_over_a_pseudo_terminal(tmp_path: Path) -> None:
    simulator = FglSimulator(output_dir=tmp_path)
    path = simulator.serve_pty()
    printer = FglPrinter(DeviceConfig("pty", Role.TICKET_PRINTER, "fgl", f"serial://{path}", FAST))
    try:
        assert printer.status().ready
        assert printer.print_job(_ticket()).state is JobState.CONFIRMED
        assert len(simulator.pages.paths()) == 1
    finally:
        printer.close()
        simulator.stop()


# --- ESC/POS fault scripts --------------------------------------------------------------------


def test_escpos_paper_out_after_one_receipt(printers: list[Printer]) -> None:
    printer = _printer(printers, "escpos", "sim://escpos?paper_out_after=1")
    first = printer.print_job(_receipt())
    assert first.state is JobState.CONFIRMED
    assert printer.last_status is not None and printer.last_status.paper_out
    second = printer.print_job(_receipt())
    assert second.state is JobState.FAILED and "paper out" in second.detail
    assert len(printer.simulator.pages) == 1


def test_escpos_paper_out_mid_job_is_unknown_and_prints_later(printers: list[Printer]) -> None:
    printer = _printer(printers, "escpos", "sim://escpos?paper_out_after=1&paper_out_mid_job=1")
    assert printer.print_job(_receipt()).state is JobState.CONFIRMED
    outcome = printer.print_job(_receipt())
    assert outcome.state is JobState.UNKNOWN
    assert "paper out" in outcome.detail
    machine = printer.simulator.machine
    machine.load_paper()  # the rest of the receipt comes out when paper is back
    assert len(printer.simulator.pages) == 2


def test_escpos_cover_open_refuses_before_sending(printers: list[Printer]) -> None:
    printer = _printer(printers, "escpos", "sim://escpos?cover_open=1")
    outcome = printer.print_job(_receipt())
    assert outcome.state is JobState.FAILED and "cover open" in outcome.detail
    assert outcome.bytes_sent == 0
    sent = b"".join(r.data for r in printer.wire_log.records() if r.direction == "out")
    assert sent == b"\x10\x04\x01\x10\x04\x02\x10\x04\x03\x10\x04\x04"


def test_escpos_garbage_status_is_a_clear_device_error(printers: list[Printer]) -> None:
    printer = _printer(printers, "escpos", "sim://escpos?garbage=1")
    outcome = printer.print_job(_receipt())
    assert outcome.state is JobState.FAILED
    assert isinstance(outcome.error, ProtocolError)
    assert "0xff" in outcome.detail and "DLE EOT 1" in outcome.detail
    with pytest.raises(ProtocolError):
        printer.status()


def test_escpos_connection_dropped_mid_job_is_unknown(printers: list[Printer]) -> None:
    printer = _printer(printers, "escpos", "sim://escpos?drop_after_bytes=2000")
    outcome = printer.print_job(_receipt())
    assert outcome.state is JobState.UNKNOWN
    assert printer.state is DeviceState.ERROR


def test_escpos_silent_printer_fails_before_sending(printers: list[Printer]) -> None:
    printer = _printer(printers, "escpos", "sim://escpos?silent=1")
    outcome = printer.print_job(_receipt())
    assert outcome.state is JobState.FAILED
    assert isinstance(outcome.error, DeviceTimeout)


def test_escpos_unreachable_printer_fails_cleanly() -> None:
    probe = socket.create_server(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    printer = EscPosPrinter(
        DeviceConfig("gone", Role.RECEIPT_PRINTER, "escpos", f"tcp://127.0.0.1:{port}", FAST)
    )
    outcome = printer.print_job(_receipt())
    assert outcome.state is JobState.FAILED and "cannot connect" in outcome.detail
    printer.close()


def test_escpos_simulator_on_a_pseudo_terminal() -> None:
    simulator = EscPosSimulator(FaultScript(refuse_second_client=False))
    path = simulator.serve_pty()
    printer = EscPosPrinter(
        DeviceConfig("pty", Role.RECEIPT_PRINTER, "escpos", f"serial://{path}", FAST)
    )
    try:
        assert printer.status().ready
        assert printer.print_job(_receipt()).state is JobState.CONFIRMED
    finally:
        printer.close()
        simulator.stop()


def test_usb_printer_without_the_device_fails_as_unavailable() -> None:
    printer = EscPosPrinter(
        DeviceConfig("usb", Role.RECEIPT_PRINTER, "escpos", "usb://04b8:0e28", FAST)
    )
    outcome = printer.print_job(_receipt())
    assert outcome.state is JobState.FAILED
    assert "USB" in outcome.detail or "04b8:0e28" in outcome.detail


def test_registry_knows_the_printer_drivers() -> None:
    for name in ("escpos", "fgl", "escpos-tickets", "escpos-simulated", "fgl-simulated"):
        assert issubclass(registry.driver_class(name), Printer)
