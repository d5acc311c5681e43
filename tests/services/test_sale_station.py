"""A sale on the demo station as `guichet` builds it: the real simulated printers and drawer
behind the real drivers. After the commit the drawer opens and the tickets print."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.config import load_station
from app.main import Station, open_station
from app.services.journal import verify_journal
from app.services.tills import ensure_demo_session
from domain.orders import PaymentPlan
from drivers.base import Role
from tests.fakes import FixedClock


@pytest.fixture
def station(tmp_path: Path) -> Iterator[Station]:
    built = open_station(load_station(tmp_path / "till", demo=True), FixedClock())
    yield built
    built.stop()


def _until(condition, timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError("timed out")
        time.sleep(0.05)


def test_two_seats_for_cash_print_two_tickets_and_open_the_drawer(station: Station) -> None:
    services, selling = station.services, station.selling
    ensure_demo_session(services.uow_factory, services.clock, "G1")
    plan = services.performance_view("P-MIS-2").plan
    seats = [plan.seat_ids[i] for i in range(len(plan.seat_ids)) if plan.sellable[i]][:2]
    view = selling.add_seats(selling.open_cart().cart.id, "P-MIS-2", seats)
    result = selling.complete(view.cart.id, PaymentPlan(view.due).exact_cash(), "OP-CASHIER")
    assert len(result.print_jobs) == 2

    def printed() -> bool:
        states = {j.id: j.state for j in station.printing.recent_jobs(10)}
        return all(states.get(job) == "confirmed" for job in result.print_jobs)

    _until(printed)
    name = station.devices.device_for(Role.CASH_DRAWER)
    assert name is not None
    _until(lambda: station.devices.drawer_sensor(name))  # the drawer was kicked open
    pages = station.printing.virtual_pages()
    assert len([p for p in pages if p.printer == "tickets"]) == 2


def test_the_receipt_on_request_says_what_the_journal_says(station: Station) -> None:
    services, selling = station.services, station.selling
    ensure_demo_session(services.uow_factory, services.clock, "G1")
    plan = services.performance_view("P-MIS-2").plan
    seats = [plan.seat_ids[i] for i in range(len(plan.seat_ids)) if plan.sellable[i]][:2]
    view = selling.add_seats(selling.open_cart().cart.id, "P-MIS-2", seats)
    given = view.due + view.due  # a large note: change is given
    result = selling.complete(view.cart.id, PaymentPlan(view.due).cash(given), "OP-CASHIER")
    receipt = selling.receipt(result.order.id)
    assert receipt.total == result.order.total == receipt.paid
    assert receipt.receipt_number == "G1-000001"
    assert receipt.change_given == view.due
    assert [p.method for p in receipt.payments] == ["Espèces"]
    assert receipt.lines[-1].description == "Frais de location"
    job = selling.print_receipt(result.order.id)
    assert job is not None

    def printed() -> bool:
        return any(j.id == job and j.state == "confirmed" for j in station.printing.recent_jobs(10))

    _until(printed)


def test_a_station_set_to_always_prints_the_receipt_after_each_sale(tmp_path: Path) -> None:
    folder = tmp_path / "till"
    load_station(folder, demo=True)  # writes the demo's station.toml
    toml = folder / "station.toml"
    toml.write_text(
        toml.read_text("utf-8").replace('receipt = "on_request"', 'receipt = "always"'), "utf-8"
    )
    station = open_station(load_station(folder, demo=True), FixedClock())
    try:
        services, selling = station.services, station.selling
        ensure_demo_session(services.uow_factory, services.clock, "G1")
        view = selling.add_places(selling.open_cart().cart.id, "P-NEU-2", "FOSSE", 1)
        result = selling.complete(view.cart.id, PaymentPlan(view.due).exact_cash(), "OP")
        assert result.receipt_job is not None

        def receipt_printed() -> bool:
            states = {j.id: j.state for j in station.printing.recent_jobs(10)}
            return states.get(result.receipt_job or "") == "confirmed"

        _until(receipt_printed)
    finally:
        station.stop()


def test_the_demo_prints_the_receipt_on_request_only(station: Station) -> None:
    services, selling = station.services, station.selling
    ensure_demo_session(services.uow_factory, services.clock, "G1")
    view = selling.add_places(selling.open_cart().cart.id, "P-NEU-2", "FOSSE", 1)
    result = selling.complete(view.cart.id, PaymentPlan(view.due).exact_cash(), "OP")
    assert result.receipt_job is None
    assert [j for j in station.printing.recent_jobs(10) if j.kind == "receipt"] == []


def test_a_drawer_opened_without_a_sale_is_journaled_with_who_opened_it(
    station: Station,
) -> None:
    name = station.devices.device_for(Role.CASH_DRAWER)
    assert name is not None
    assert station.devices.kick_drawer(name, "OP-SUPERVISOR").is_open
    with station.services.uow_factory(read_only=True) as uow:
        records = [e.record for e in uow.journal.entries("G1")]
    opened = [r for r in records if r["type"] == "drawer_opened"]
    assert opened == [
        {
            "type": "drawer_opened",
            "reason": "no_sale",
            "at": station.services.clock.now().isoformat(),
            "device": name,
            "by": "OP-SUPERVISOR",
            "till": "G1",
        }
    ]
    assert verify_journal(station.services.uow_factory, "G1").ok


def test_with_the_ticket_printer_and_the_drawer_offline_the_sale_stands_and_waits(
    station: Station,
) -> None:
    printers = station.printing.station.printers
    _until(lambda: all(printers[n].simulator is not None for n in ("tickets", "receipts")))
    tickets = printers["tickets"].simulator
    receipts = printers["receipts"].simulator  # the drawer is on its port
    tickets.machine.script.cover_open = True  # the ticket printer stops
    receipts.machine.script.silent = True  # the drawer's printer answers nothing
    services, selling = station.services, station.selling
    ensure_demo_session(services.uow_factory, services.clock, "G1")
    view = selling.add_places(selling.open_cart().cart.id, "P-NEU-2", "FOSSE", 2)
    result = selling.complete(view.cart.id, PaymentPlan(view.due).exact_cash(), "OP")
    assert len(result.print_jobs) == 2

    def waiting() -> list[str]:
        return [j.id for j in station.printing.jobs_awaiting_decision()]

    _until(lambda: sorted(waiting()) == sorted(result.print_jobs), timeout=40)
    with services.uow_factory(read_only=True) as uow:
        assert uow.sales.order_count("G1") == 1  # recorded, not undone by the printer
        records = [e.record for e in uow.journal.entries("G1")]
    assert [r for r in records if r["type"] == "print"] == []
    tickets.machine.script.cover_open = False  # the printer is back: one decision each
    for job_id in result.print_jobs:
        station.printing.reprint(job_id, "OP")

    def reprinted() -> bool:
        jobs = station.printing.recent_jobs(10)
        return [j.state for j in jobs if j.label.endswith("(DUPLICATA)")] == ["confirmed"] * 2

    _until(reprinted, timeout=40)
