"""Opening a till session through the till's database: who may, one at a time, the channel's
float rule, the operator as stored now, and the demo's own opening."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from app.persistence import Database, open_database
from app.services import journal, tills
from app.services.auth import UnknownOperator
from app.services.browsing import UnknownPointOfSale
from domain.channels import PointOfSale, SalesChannel
from domain.errors import FloatNotAllowed, NoOpenSession, NotAllowedToOpen, SessionAlreadyOpen
from domain.money import Money
from domain.operators import Operator, Role
from domain.till import CashCount
from tests.fakes import FixedClock
from tests.persistence import factories

FLOAT = CashCount.of("EUR", {1000: 10, 200: 10, 5: 3})
TILL = "TILL-1"
JULES = Operator("jul", "jul", "Jules", Role.SUPERVISOR, "hash")
CAMILLE = Operator("cam", "cam", "Camille", Role.CASHIER, "hash")


def seeded(path: Path, points: bool = True) -> Database:
    """A till database with the delivery modes, the box office (and a channel without float),
    Jules and Camille; with ``points``, the points of sale TILL-1 and TILL-2."""
    database = open_database(path)
    with database.unit_of_work() as uow:
        for mode in factories.delivery_modes():
            uow.catalog.add_delivery_mode(mode)
        uow.channels.add_channel(factories.box_office())
        uow.channels.add_channel(SalesChannel("NOFLOAT", "Sans fonds", factories.web().type))
        if points:
            uow.channels.add_point_of_sale(factories.point_of_sale())
            uow.channels.add_point_of_sale(PointOfSale("TILL-2", "Caisse 2", "NOFLOAT", 2))
        uow.operators.add(JULES)
        uow.operators.add(CAMILLE)
        uow.commit()
    return database


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = seeded(tmp_path / "till.sqlite3")
    try:
        yield database
    finally:
        database.close()


def test_a_supervisor_opens_the_till_and_it_is_the_current_session(db: Database) -> None:
    clock = FixedClock()
    opened = tills.open_session(db.unit_of_work, clock, JULES, TILL, FLOAT)
    assert opened.changes.till_session and bool(opened.changes)
    current = tills.current_session(db.unit_of_work, TILL)
    assert current == opened.session
    assert current.opened_at == clock.now() and current.opened_by == "jul"
    assert current.float_count.total() == Money.of("120.15", "EUR")
    with db.unit_of_work(read_only=True) as uow:
        assert tills.session_for_sale(uow, TILL) == current


def test_no_sale_without_an_open_session(db: Database) -> None:
    assert tills.current_session(db.unit_of_work, TILL) is None
    with db.unit_of_work(read_only=True) as uow, pytest.raises(NoOpenSession):
        tills.session_for_sale(uow, TILL)


def test_a_second_opening_is_refused_and_the_first_stays(db: Database) -> None:
    first = tills.open_session(db.unit_of_work, FixedClock(), JULES, TILL, FLOAT).session
    with pytest.raises(SessionAlreadyOpen):
        tills.open_session(db.unit_of_work, FixedClock(), JULES, TILL, CashCount.empty("EUR"))
    assert tills.current_session(db.unit_of_work, TILL) == first


def test_a_cashier_may_not_open_and_nothing_is_stored(db: Database) -> None:
    with pytest.raises(NotAllowedToOpen):
        tills.open_session(db.unit_of_work, FixedClock(), CAMILLE, TILL, FLOAT)
    assert tills.current_session(db.unit_of_work, TILL) is None


def test_the_operator_counts_as_stored_now(db: Database) -> None:
    with db.unit_of_work() as uow:
        uow.operators.save(replace(JULES, active=False))
        uow.commit()
    with pytest.raises(NotAllowedToOpen):
        tills.open_session(db.unit_of_work, FixedClock(), JULES, TILL, FLOAT)
    ghost = replace(JULES, id="ghost")
    with pytest.raises(UnknownOperator):
        tills.open_session(db.unit_of_work, FixedClock(), ghost, TILL, FLOAT)


def test_a_channel_without_float_opens_with_an_empty_drawer_only(db: Database) -> None:
    with pytest.raises(FloatNotAllowed):
        tills.open_session(db.unit_of_work, FixedClock(), JULES, "TILL-2", FLOAT)
    empty = CashCount.empty("EUR")
    assert tills.open_session(db.unit_of_work, FixedClock(), JULES, "TILL-2", empty).session


def test_an_unknown_till_is_refused(db: Database) -> None:
    with pytest.raises(UnknownPointOfSale):
        tills.open_session(db.unit_of_work, FixedClock(), JULES, "NOPE", FLOAT)


def test_the_demo_session_is_opened_once(db: Database) -> None:
    first = tills.ensure_demo_session(db.unit_of_work, FixedClock(), TILL)
    assert first.opened_by == "jul" and first.float_count == tills.DEMO_FLOAT
    assert tills.DEMO_FLOAT.total() == Money.of("150.00", "EUR")
    assert tills.ensure_demo_session(db.unit_of_work, FixedClock(), TILL) == first


def test_the_journal_record_carries_values() -> None:
    session = tills.open_till_session("S1", TILL, FixedClock().now(), JULES, FLOAT, None)
    record = tills.session_open_record(session, JULES)
    assert record["type"] == "session_open" and record["operator"] == "Jules"
    assert record["float"] == {"amount_minor": 12015, "currency": "EUR"}
    assert record["counts"] == [
        {"denomination_minor": 5, "count": 3},
        {"denomination_minor": 200, "count": 10},
        {"denomination_minor": 1000, "count": 10},
    ]
    assert str(record["at"]).endswith("+01:00")


def test_the_opening_is_journaled_in_its_transaction(db: Database) -> None:
    opened = tills.open_session(db.unit_of_work, FixedClock(), JULES, TILL, FLOAT).session
    with db.unit_of_work(read_only=True) as uow:
        entries = list(uow.journal.entries(TILL))
    assert [e.record["type"] for e in entries] == ["session_open"]
    assert entries[0].record["session"] == opened.id
    assert entries[0].record["float"] == {"amount_minor": 12015, "currency": "EUR"}
    assert journal.verify_journal(db.unit_of_work, TILL).ok
    with pytest.raises(SessionAlreadyOpen):  # a refused opening leaves no entry
        tills.open_session(db.unit_of_work, FixedClock(), JULES, TILL, FLOAT)
    with db.unit_of_work(read_only=True) as uow:
        assert len(list(uow.journal.entries(TILL))) == 1
