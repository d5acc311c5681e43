"""Training mode: a supervisor switches it on and off (journaled, naming them); a sale made
meanwhile is journaled with ``"training": true`` and the supervisor, its tickets and receipt
say "FACTICE / SIMULATION" on every printer, and it reaches no total."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pypdfium2
import pytest

from app.config import load_station
from app.main import Station, open_station
from app.services import training
from app.services.accounting import settlement
from app.services.closures import close_due
from app.services.journal import verify_journal
from app.services.tills import ensure_demo_session
from domain.ledger import Selection, totals
from domain.operators import Operator, Role
from domain.orders import PaymentPlan
from domain.training import NotAllowedToSupervise
from printing import escpos, fgl, pdf
from printing.data import TRAINING_MARK, sample_receipt, sample_ticket
from tests.fakes import FixedClock

JULES = Operator("OP-SUP", "jules", "Jules Supervisor", Role.SUPERVISOR, "hash")
CAMILLE = Operator("OP-CASHIER", "camille", "Camille Martin", Role.CASHIER, "hash")


@pytest.fixture
def station(tmp_path: Path) -> Iterator[Station]:
    built = open_station(load_station(tmp_path / "till", demo=True), FixedClock())
    yield built
    built.stop()


def _sell_two(station: Station) -> str:
    services, selling = station.services, station.selling
    plan = services.performance_view("P-MIS-2").plan
    seats = [plan.seat_ids[i] for i in range(len(plan.seat_ids)) if plan.sellable[i]][:2]
    view = selling.add_seats(selling.open_cart().cart.id, "P-MIS-2", seats)
    result = selling.complete(view.cart.id, PaymentPlan(view.due).exact_cash(), "OP-CASHIER")
    return result.order.id


def _records(station: Station) -> list[dict[str, object]]:
    with station.services.uow_factory(read_only=True) as uow:
        return [dict(e.record) for e in uow.journal.entries("G1")]


def test_only_a_supervisor_switches_training_and_both_are_journaled(station: Station) -> None:
    uow, clock = station.services.uow_factory, station.services.clock
    with pytest.raises(NotAllowedToSupervise):
        training.start(uow, clock, "G1", CAMILLE)
    assert training.status(uow) is None
    mode = training.start(uow, clock, "G1", JULES)
    with pytest.raises(training.TrainingAlready):
        training.start(uow, clock, "G1", JULES)
    with pytest.raises(NotAllowedToSupervise):
        training.end(uow, clock, "G1", CAMILLE)
    assert training.status(uow) == mode
    training.end(uow, clock, "G1", JULES)
    assert training.status(uow) is None
    events = [r for r in _records(station) if str(r["type"]).startswith("training_")]
    assert [(r["type"], r["supervisor"]) for r in events] == [
        ("training_start", {"login": "jules", "name": "Jules Supervisor"}),
        ("training_end", {"login": "jules", "name": "Jules Supervisor"}),
    ]


def test_a_training_sale_is_journaled_marked_and_reaches_no_total(station: Station) -> None:
    services = station.services
    ensure_demo_session(services.uow_factory, services.clock, "G1")
    real = _sell_two(station)
    training.start(services.uow_factory, services.clock, "G1", JULES)
    trained = _sell_two(station)
    training.end(services.uow_factory, services.clock, "G1", JULES)
    sales = {r["sale"]: r for r in _records(station) if r["type"] == "sale"}
    assert "training" not in sales[real] and "supervisor" not in sales[real]
    assert sales[trained]["training"] is True
    assert sales[trained]["supervisor"] == {"login": "jules", "name": "Jules Supervisor"}
    real_total = sales[real]["total"]
    assert isinstance(real_total, dict)
    t = totals(_records(station), Selection(till="G1"))
    assert (t.sales.count, t.net_total.minor) == (1, real_total["minor"])
    assert sum(r.tickets for r in settlement(services.uow_factory, "G1")) == 2
    clock = services.clock
    assert isinstance(clock, FixedClock)
    clock.advance(timedelta(days=1))
    (daily, *_) = close_due(services.uow_factory, clock, "G1", ZoneInfo("Europe/Paris"))
    assert daily.perpetual.minor == real_total["minor"]
    receipt = station.selling.receipt(trained)
    assert receipt.training and not station.selling.receipt(real).training
    assert verify_journal(services.uow_factory, "G1").ok


def test_a_training_sale_takes_no_real_seat(station: Station) -> None:
    services, selling = station.services, station.selling
    ensure_demo_session(services.uow_factory, services.clock, "G1")
    plan = services.performance_view("P-MIS-2").plan
    seats = [plan.seat_ids[i] for i in range(len(plan.seat_ids)) if plan.sellable[i]][:2]
    training.start(services.uow_factory, services.clock, "G1", JULES)
    view = selling.add_seats(selling.open_cart().cart.id, "P-MIS-2", seats)
    other = services.performance_view("P-MIS-2").plan  # held while the trainee's cart is open
    assert not any(other.sellable[other.seat_ids.index(s)] for s in seats)
    selling.complete(view.cart.id, PaymentPlan(view.due).exact_cash(), "OP-CASHIER")
    after = services.performance_view("P-MIS-2").plan
    assert all(after.sellable[after.seat_ids.index(s)] for s in seats)  # back on sale
    training.end(services.uow_factory, services.clock, "G1", JULES)
    view = selling.add_seats(selling.open_cart().cart.id, "P-MIS-2", seats)  # sold for real
    selling.complete(view.cart.id, PaymentPlan(view.due).exact_cash(), "OP-CASHIER")
    sold = services.performance_view("P-MIS-2").plan
    assert not any(sold.sellable[sold.seat_ids.index(s)] for s in seats)


def test_training_tickets_and_receipts_say_so_on_every_printer() -> None:
    ticket, receipt = (
        replace(sample_ticket(), training=True),
        replace(sample_receipt(), training=True),
    )
    mark = TRAINING_MARK.encode("cp1252")
    assert mark in escpos.render_ticket(ticket) and mark in escpos.render_receipt(receipt)
    assert mark not in escpos.render_ticket(sample_ticket())
    assert mark in fgl.render_ticket(ticket) and mark not in fgl.render_ticket(sample_ticket())
    for document in (pdf.render_tickets([ticket]), pdf.render_receipt(receipt)):
        page = pypdfium2.PdfDocument(document)[0]
        assert TRAINING_MARK in page.get_textpage().get_text_range()
