"""Customers at the counter on a real SQLite till database: find or create a contact, attach
it to an order, erase its personal data (GDPR) while the journal stays whole."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import run_cli
from app.config import load_station
from app.main import open_till
from app.services import journal
from app.services.contacts import ContactServices, EmailTaken, NotASupervisorToErase
from app.services.selling import SellingServices
from app.services.till import TillServices
from app.services.tills import ensure_demo_session
from domain.contacts import ContactInvalid
from domain.operators import Role
from domain.orders import PaymentPlan
from tests.fakes import FixedClock

PERSONAL = ("Blanche Dainville", "blanche@jeica.ch", "022 555 01 02", "Jeica SA")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("contacts-template")
    open_till(load_station(folder, demo=True), FixedClock())
    return folder


@pytest.fixture
def till(
    template: Path, tmp_path: Path
) -> Iterator[tuple[Path, TillServices, SellingServices, ContactServices]]:
    folder = tmp_path / "till"
    shutil.copytree(template, folder)
    clock = FixedClock()
    services = open_till(load_station(folder), clock)
    selling = SellingServices(
        services.uow_factory, clock, "G1", lambda: services.till().channel.code
    )
    ensure_demo_session(services.uow_factory, clock, "G1")
    yield folder, services, selling, ContactServices(services.uow_factory, clock)


def sell(services: TillServices, selling: SellingServices) -> str:
    plan = services.performance_view("P-MIS-2").plan
    seat = next(s for i, s in enumerate(plan.seat_ids) if plan.sellable[i])
    view = selling.add_seats(selling.open_cart().cart.id, "P-MIS-2", [seat])
    return selling.complete(view.cart.id, PaymentPlan(view.due).exact_cash(), "OP").order.id


def test_a_contact_found_or_created_at_the_counter_is_attached_to_the_order(till) -> None:  # type: ignore[no-untyped-def]
    _, services, selling, contacts = till
    made = contacts.create(*PERSONAL)
    assert [c.id for c in contacts.find("dainville")] == [made.id]
    assert [c.id for c in contacts.find("555 01 02")] == [made.id]
    with pytest.raises(EmailTaken) as taken:
        contacts.create("B. Dainville", "BLANCHE@jeica.ch")
    assert taken.value.contact.id == made.id
    with pytest.raises(ContactInvalid):
        contacts.create("", "x@y.fr")
    order = sell(services, selling)
    contacts.attach(order, made.id)
    assert contacts.contact_of(order) == made


def test_erasing_a_contact_keeps_the_order_and_a_journal_that_never_held_it(till) -> None:  # type: ignore[no-untyped-def]
    _, services, selling, contacts = till
    made = contacts.create(*PERSONAL)
    order = sell(services, selling)
    contacts.attach(order, made.id)
    with services.uow_factory(read_only=True) as uow:
        entries = [e.record for e in uow.journal.entries("G1")]
        before = json.dumps(entries)
        document = json.dumps(uow.sales.document(order))
    for personal in PERSONAL:  # the journal and the order's document never held them
        assert personal not in before and personal not in document
    cashier = next(c for c in services.operators() if c.role is not Role.SUPERVISOR)
    with pytest.raises(NotASupervisorToErase):
        contacts.erase(made.id, services.log_in(cashier.id, "1234"))
    supervisor = next(c for c in services.operators() if c.role is Role.SUPERVISOR)
    erased = contacts.erase(made.id, services.log_in(supervisor.id, "5678"))
    assert (erased.name, erased.email, erased.phone, erased.company) == ("", "", "", "")
    assert contacts.contact_of(order) == erased  # the order still points at its contact
    assert contacts.find("dainville") == []
    with services.uow_factory(read_only=True) as uow:
        after = [e.record for e in uow.journal.entries("G1")]
    assert after[: len(entries)] == entries  # unchanged; the erasure journals nothing
    assert {r["type"] for r in after[len(entries) :]} == {"login"}  # the two log-ins above
    assert journal.verify_journal(services.uow_factory, "G1").ok


def test_the_command_line_erases_a_contact(till, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    folder, _, _, contacts = till
    made = contacts.create(*PERSONAL)
    assert run_cli(["--data-dir", str(folder), "contact", "find", "jeica"]) == 0
    assert made.id in capsys.readouterr().out
    assert run_cli(["--data-dir", str(folder), "contact", "erase", made.id]) == 0
    assert "personal data erased" in capsys.readouterr().out
    assert contacts.get(made.id).erased
    assert run_cli(["--data-dir", str(folder), "contact", "erase", "NOBODY"]) != 0
    assert "no contact NOBODY" in capsys.readouterr().err
