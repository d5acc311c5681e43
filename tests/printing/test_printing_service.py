"""Printing use cases on a real till database and simulated printers: jobs stored before
they are sent, states to the end, nothing lost, decisions recorded, numbers continuous."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from app.persistence import open_database
from app.services.printing import (
    JobCard,
    NoDecisionNeeded,
    PrinterStation,
    PrintingServices,
    UnknownPrinter,
)
from drivers.base import Role
from drivers.config import DeviceConfig
from printing import data
from printing.errors import MissingMention, RenderError
from tests.fakes import FixedClock

FAST = {"confirm_timeout": 0.6, "status_timeout": 0.3}


def _services(
    tmp_path: Path, fgl_uri: str = "sim://fgl", escpos_uri: str = "sim://escpos"
) -> PrintingServices:
    database = open_database(tmp_path / "till.sqlite3")
    options = {**FAST, "output_dir": str(tmp_path / "printed")}
    station = PrinterStation([
        DeviceConfig("tickets", Role.TICKET_PRINTER, "fgl", fgl_uri, options),
        DeviceConfig("receipts", Role.RECEIPT_PRINTER, "escpos", escpos_uri, options),
        DeviceConfig("broken", Role.TICKET_PRINTER, "no-such-driver", "tcp://x", {}),
    ])  # fmt: skip
    return PrintingServices(database.unit_of_work, station, FixedClock(), till="G1")


@pytest.fixture
def services(tmp_path: Path) -> Iterator[PrintingServices]:
    built = _services(tmp_path)
    yield built
    built.station.stop()


def _wait(services: PrintingServices, job_ids: list[str], timeout: float = 5.0) -> list[JobCard]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        jobs = {j.id: j for j in services.recent_jobs(100)}
        if all(jobs[i].state in ("confirmed", "failed", "unknown") for i in job_ids):
            return [jobs[i] for i in job_ids]
        time.sleep(0.02)
    raise AssertionError("the jobs did not finish")


def test_tickets_print_and_are_numbered_per_till(services: PrintingServices) -> None:
    first = services.print_tickets([data.sample_ticket(1), data.sample_ticket(2)])
    second = services.print_tickets([data.sample_ticket(3)])
    jobs = _wait(services, first + second)
    assert [j.state for j in jobs] == ["confirmed"] * 3
    assert [j.ticket_number for j in jobs] == [1, 2, 3]
    assert jobs[0].printer == "tickets" and "Ticket 000001" in jobs[0].label
    pages = services.virtual_pages()
    assert [(p.printer, p.number) for p in pages] == [
        ("tickets", 1),
        ("tickets", 2),
        ("tickets", 3),
    ]
    assert all(p.path.exists() for p in pages)


def test_receipt_report_and_test_prints(services: PrintingServices) -> None:
    ids = [
        services.print_receipt(data.sample_receipt()),
        services.print_report(data.sample_report()),
        services.test_print("tickets"),
        services.test_print("receipts"),
    ]
    assert [j.state for j in _wait(services, ids)] == ["confirmed"] * 4
    assert {p.printer for p in services.virtual_pages()} == {"tickets", "receipts"}


def test_bad_data_is_refused_before_anything_is_stored(services: PrintingServices) -> None:
    with pytest.raises(MissingMention):
        services.print_tickets([replace(data.sample_ticket(), order_number="")])
    with pytest.raises(RenderError, match="tickets only"):
        services.print_receipt(data.sample_receipt(), printer="tickets")
    assert services.recent_jobs() == []


def test_failed_job_waits_for_a_decision_and_reprints_as_duplicata(tmp_path: Path) -> None:
    services = _services(tmp_path, fgl_uri="sim://fgl?paper_out_after=1")
    try:
        ids = services.print_tickets([data.sample_ticket(1), data.sample_ticket(2)])
        done, failed = _wait(services, ids)
        assert (done.state, failed.state) == ("confirmed", "failed")
        assert [j.id for j in services.jobs_awaiting_decision()] == [failed.id]
        services.station.printer("tickets").simulator.load_paper()
        again = services.reprint(failed.id, by="Sacha Petit")
        [reprinted] = _wait(services, [again])
        assert reprinted.state == "confirmed" and reprinted.reprint_of == failed.id
        assert reprinted.ticket_number == failed.ticket_number == 2
        assert "DUPLICATA" in reprinted.label
        assert services.jobs_awaiting_decision() == []
        old = next(j for j in services.recent_jobs() if j.id == failed.id)
        assert (old.resolution, old.resolved_by) == ("reprinted", "Sacha Petit")
        with pytest.raises(NoDecisionNeeded):
            services.dismiss(failed.id, by="Sacha Petit")
        # The journal says what came out, original or DUPLICATA, and who decided the reprint.
        with services.uow_factory(read_only=True) as uow:
            records = [e.record for e in uow.journal.entries("G1")]
        assert [(r["type"], r.get("ticket"), r.get("copy")) for r in records] == [
            ("print", 1, "original"),
            ("reprint", 2, None),
            ("print", 2, "DUPLICATA"),
        ]
        assert records[1]["by"] == "Sacha Petit"
    finally:
        services.station.stop()


def test_unknown_job_can_be_confirmed_as_printed(tmp_path: Path) -> None:
    services = _services(tmp_path, fgl_uri="sim://fgl?jam_after=0")
    try:
        [job] = _wait(services, services.print_tickets([data.sample_ticket()]))
        assert job.state == "unknown" and job.awaiting_decision
        services.confirm_printed(job.id, by="Camille Martin")
        assert services.jobs_awaiting_decision() == []
    finally:
        services.station.stop()


def test_jobs_left_by_a_crash_become_unknown(services: PrintingServices) -> None:
    with services.uow_factory() as uow:
        services._add_job(uow, "tickets", "ticket", "Ticket 000009", "{}", 9, None)
        uow.commit()
    assert services.recover_unfinished() == 1
    [job] = services.jobs_awaiting_decision()
    assert job.state == "unknown" and "stopped" in job.detail


def test_printers_are_described_without_io(services: PrintingServices) -> None:
    cards = {c.name: c for c in services.printers()}
    assert cards["tickets"].purposes == ("tickets",)
    assert cards["receipts"].purposes == ("receipts", "reports")
    assert cards["tickets"].code_page == "CP858" and cards["tickets"].simulated
    assert cards["broken"].state == "broken" and "unknown driver" in cards["broken"].problem
    with pytest.raises(UnknownPrinter, match="cannot start"):
        services.test_print("broken")


def test_status_runs_on_the_printer_thread(services: PrintingServices) -> None:
    status = services.check_status("tickets").result(timeout=5)
    assert status.ready
    assert any(r.data == b"<S1>" for r in services.wire_log("tickets"))
