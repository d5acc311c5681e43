"""Options at the till on a real SQLite till database: a direct option holds its places until
its expiry, gives them back refused or expired, and validated is picked up, paid and
printed in one sale that the journal records."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from app.config import load_station
from app.main import open_till
from app.services import journal
from app.services.contacts import ContactServices
from app.services.options import NoTariffForCategory, OptionServices
from app.services.selling import NotEnoughSeats, SellingServices
from app.services.till import TillServices
from app.services.tills import ensure_demo_session
from domain.options import OptionExpiryInvalid, OptionState, OptionTransitionRefused
from tests.fakes import FixedClock

PERFORMANCE = "P-MIS-2"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("options-template")
    open_till(load_station(folder, demo=True), FixedClock())
    return folder


class Till:
    def __init__(self, folder: Path) -> None:
        self.clock = FixedClock()
        self.services: TillServices = open_till(load_station(folder), self.clock)
        uow = self.services.uow_factory
        self.selling = SellingServices(
            uow, self.clock, "G1", lambda: self.services.till().channel.code,
            print_tickets=lambda _uow, order, _station: [f"T-{line.id}" for line in order.lines],
        )  # fmt: skip
        ensure_demo_session(uow, self.clock, "G1")
        self.options = OptionServices(uow, self.clock, "G1", self.selling)
        self.contacts = ContactServices(uow, self.clock)
        self.contact = self.contacts.create("Blanche Dainville", "b@jeica.ch").id

    def sellable(self) -> int:
        return sum(self.services.performance_view(PERFORMANCE).plan.sellable)


@pytest.fixture
def till(template: Path, tmp_path: Path) -> Iterator[Till]:
    folder = tmp_path / "till"
    shutil.copytree(template, folder)
    yield Till(folder)


def test_a_direct_option_holds_its_places_past_the_cart_hold_until_its_expiry(till: Till) -> None:
    before = till.sellable()
    expires = till.clock.now() + timedelta(hours=3)
    option = till.options.create_direct(till.contact, PERFORMANCE, {"CAT1": 2, "CAT2": 1}, expires,
                                        file_number="D-21")  # fmt: skip
    assert option.state is OptionState.PLACED
    assert till.sellable() == before - 3
    till.clock.advance(timedelta(hours=2))
    till.selling.lapse_holds()  # a sale's holds lapse; the option's do not
    assert till.sellable() == before - 3
    assert [o.id for o in till.options.find("d-21")] == [option.id]
    assert [o.id for o in till.options.find(till.contact)] == [option.id]
    till.clock.advance(timedelta(hours=1))
    expired = till.options.expire_due()
    assert [(o.id, o.state) for o in expired] == [(option.id, OptionState.EXPIRED)]
    assert till.sellable() == before
    assert till.options.find("D-21") == []


def test_a_refused_option_gives_its_places_back_and_the_till_cart_is_not_the_option(
    till: Till,
) -> None:
    before = till.sellable()
    option = till.options.create_direct(till.contact, PERFORMANCE, {"CAT3": 2},
                                        till.clock.now() + timedelta(days=1))  # fmt: skip
    assert till.selling.open_cart().cart.lines == ()  # the till's own cart stays empty
    pending = till.options.start_refusal(option.id)
    assert pending.state is OptionState.REFUSAL_PENDING and till.sellable() == before - 2
    till.options.refuse(option.id)
    assert till.sellable() == before
    assert till.options.get(option.id).state is OptionState.REFUSED


def test_a_validated_option_is_picked_up_paid_printed_and_journaled(till: Till) -> None:
    option = till.options.create_direct(till.contact, PERFORMANCE, {"CAT1": 2},
                                        till.clock.now() + timedelta(days=1))  # fmt: skip
    with pytest.raises(OptionTransitionRefused):  # placed, not yet validated: nothing sold
        till.options.pay(option.id, till.options.due(option.id).exact_cash(), "OP")
    till.options.validate(option.id)
    plan = till.options.due(option.id)
    assert plan.due.minor == 2 * 10000 + 200  # two FULL CAT1 at 100.00, the channel's 1 % fee
    before = till.sellable()
    with till.services.uow_factory(read_only=True) as uow:
        entries = len(list(uow.journal.entries("G1")))
    result = till.options.pay(option.id, plan.exact_cash(), "OP")
    assert result.order.till == "G1" and len(result.order.lines) == 2
    assert len(result.print_jobs) == 2  # a ticket per place
    assert till.options.get(option.id).state is OptionState.ORDERED
    assert till.options.get(option.id).order_id == result.order.id
    assert till.contacts.contact_of(result.order.id).id == till.contact  # type: ignore[union-attr]
    assert till.sellable() == before  # the held seats were sold, not released
    with till.services.uow_factory(read_only=True) as uow:
        journaled = [e.record for e in uow.journal.entries("G1")][entries:]
    assert [(r["type"], r["sale"]) for r in journaled] == [("sale", result.order.id)]
    assert journal.verify_journal(till.services.uow_factory, "G1").ok
    with pytest.raises(OptionTransitionRefused):
        till.options.pay(option.id, plan.exact_cash(), "OP")


def test_bad_input_holds_nothing_and_records_no_option(till: Till) -> None:
    before = till.sellable()
    later = till.clock.now() + timedelta(days=1)
    with pytest.raises(NoTariffForCategory):
        till.options.create_direct(till.contact, PERFORMANCE, {"CAT1": 1, "NOPE": 1}, later)
    with pytest.raises(NotEnoughSeats):
        till.options.create_direct(till.contact, PERFORMANCE, {"CAT1": before + 1}, later)
    with pytest.raises(OptionExpiryInvalid):
        till.options.create_direct(till.contact, PERFORMANCE, {"CAT1": 1}, till.clock.now())
    assert till.sellable() == before and till.options.listed() == []


def test_training_mode_makes_no_option_and_picks_none_up(till: Till) -> None:
    from app.services import training
    from app.services.options import OptionNotInTraining
    from domain.operators import Operator, Role

    supervisor = Operator("OP-SUP", "jules", "Jules Supervisor", Role.SUPERVISOR, "hash")
    option = till.options.create_direct(till.contact, PERFORMANCE, {"CAT1": 2},
                                        till.clock.now() + timedelta(days=2))  # fmt: skip
    till.options.validate(option.id)
    before = till.sellable()
    training.start(till.services.uow_factory, till.clock, "G1", supervisor)
    with pytest.raises(OptionNotInTraining):
        till.options.create_direct(till.contact, PERFORMANCE, {"CAT1": 1},
                                   till.clock.now() + timedelta(days=1))  # fmt: skip
    with pytest.raises(OptionNotInTraining):
        till.options.for_payment(option.id)
    with pytest.raises(OptionNotInTraining):
        till.options.pay(option.id, till.options.due(option.id).exact_cash(), "OP-CASHIER")
    # The real option is untouched: still validated, its places still held.
    assert till.options.get(option.id).state is OptionState.VALIDATED
    assert till.sellable() == before and len(till.options.listed()) == 1
    training.end(till.services.uow_factory, till.clock, "G1", supervisor)
    assert till.options.pay(option.id, till.options.due(option.id).exact_cash(), "OP").order
