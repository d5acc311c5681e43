"""A till session from opening to its seal through the till's database: cash in and out, the X
report, the cashier's blind count, the supervisor's close with its reasons, recounts, the Z
report, and recovery at start.

Sales, cancellations and reprints go into the journal as the domain writes their records (the
ledger reads nothing else); the expected figures are written out by hand."""

from __future__ import annotations

import itertools
import tempfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.persistence import Database
from app.services import journal, tills
from domain import ledger
from domain.channels import PointOfSale
from domain.errors import (
    InvalidCashMovement,
    NotAllowedToClose,
    NotCounted,
    SessionAlreadyOpen,
    SessionBeingClosed,
    StaleCount,
    VarianceNeedsReason,
)
from domain.money import Money
from domain.orders import TenderMethod
from domain.till import CashCount, SessionState
from tests.fakes import FixedClock
from tests.services import test_tills
from tests.services.test_tills import CAMILLE, JULES, TILL
from tests.till_records import eur, line, sale

FLOAT = CashCount.of("EUR", {5000: 2, 1000: 5})  # 150.00
db = test_tills.db  # the till's database with its channel, point of sale and operators


def _journal(database: Database, record: dict[str, object], till: str = TILL) -> None:
    with database.unit_of_work() as uow:
        journal.record(uow, till, record)
        uow.commit()


def _records(database: Database, till: str = TILL) -> list[dict[str, object]]:
    with database.unit_of_work(read_only=True) as uow:
        return [dict(e.record) for e in uow.journal.entries(till)]


def _sell(database: Database, session: str, n: int, price: str, method: TenderMethod) -> dict:
    pay = [] if method is TenderMethod.CASH else [(method, price)]
    record = sale(f"sale-{n}", [line(n, price)], pay, first_ticket=n, session=session, till=TILL)
    _journal(database, record)
    return record


def test_the_done_when_path_cash_card_voucher_cash_out_a_shortfall_and_its_reason(
    db: Database,
) -> None:
    clock = FixedClock()
    session = tills.open_session(db.unit_of_work, clock, JULES, TILL, FLOAT).session
    _sell(db, session.id, 1, "25.00", TenderMethod.CASH)
    _sell(db, session.id, 2, "40.00", TenderMethod.CARD)
    _sell(db, session.id, 3, "15.00", TenderMethod.VOUCHER)
    moved = tills.move_cash(
        db.unit_of_work, clock, CAMILLE, TILL, ledger.CASH_OUT, eur("50.00"), " to the  safe "
    )
    assert moved.reason == "to the safe" and moved.entry.record["session"] == session.id
    x = tills.x_report(db.unit_of_work, clock, TILL).totals
    assert x.expected() == {"cash": eur("125.00"), "card": eur("40.00"), "voucher": eur("15.00")}
    assert x.net_total == eur("80.00") and x.sales.count == 3

    counted = CashCount.of("EUR", {5000: 2, 1000: 2, 200: 1, 100: 1})  # 123.00: 2.00 short
    count = tills.declare_count(
        db.unit_of_work, clock, CAMILLE, TILL, counted,
        {"card": eur("40.00"), "voucher": eur("15.00"), "cheque": eur("0.00")}, eur("40.00"),
    )  # fmt: skip
    assert count.number == 1 and not count.terminal_disagrees
    with db.unit_of_work(read_only=True) as uow, pytest.raises(SessionBeingClosed):
        tills.session_for_sale(uow, TILL)  # no more sales once counted
    with pytest.raises(SessionBeingClosed):
        tills.move_cash(db.unit_of_work, clock, CAMILLE, TILL, ledger.CASH_IN, eur("1.00"), "x")
    with pytest.raises(SessionAlreadyOpen):  # still the till's session
        tills.open_session(db.unit_of_work, clock, JULES, TILL, FLOAT)
    with pytest.raises(NotAllowedToClose):
        tills.review_close(db.unit_of_work, CAMILLE, TILL)

    review = tills.review_close(db.unit_of_work, JULES, TILL)
    found = {v.tender: v.difference for v in review.variances}
    assert found == {
        "cash": eur("-2.00"), "card": eur("0.00"), "voucher": eur("0.00"), "cheque": eur("0.00")
    }  # fmt: skip
    clock.advance(timedelta(minutes=5))
    with pytest.raises(VarianceNeedsReason) as missing:
        tills.close_session(db.unit_of_work, clock, JULES, TILL, 1, {"cash": "   "})
    assert missing.value.tenders == ("cash",)
    assert tills.current_session(db.unit_of_work, TILL) is not None  # nothing sealed
    closed = tills.close_session(
        db.unit_of_work, clock, JULES, TILL, 1, {"cash": "a 2 euro coin given as change twice"}
    )
    assert closed.session.state is SessionState.CLOSED
    assert tills.current_session(db.unit_of_work, TILL) is None

    z = tills.z_report(db.unit_of_work, session.id)
    assert z.is_z and z.totals == x  # the X just before the close is the Z
    record = _records(db)[-1]
    assert record["type"] == "session_close" and record["totals"] == ledger.totals_record(x)
    assert z.close == record
    [cash] = [v for v in record["variances"] if v["tender"] == "cash"]  # type: ignore[attr-defined]
    assert cash["difference"] == {"minor": -200, "currency": "EUR"}
    assert cash["reason"] == "a 2 euro coin given as change twice"
    assert journal.verify_journal(db.unit_of_work, TILL).ok
    # Another session the same day starts from its own float; the first's Z does not move.
    second = tills.open_session(db.unit_of_work, clock, JULES, TILL, FLOAT).session
    _sell(db, second.id, 9, "99.00", TenderMethod.CASH)
    _journal(db, {"type": "reprint", "at": clock.now().isoformat(), "ticket": 9})
    assert tills.z_report(db.unit_of_work, session.id).totals == x
    assert tills.x_report(db.unit_of_work, clock, TILL).totals.reprints == 1
    with pytest.raises(NotCounted):
        tills.z_report(db.unit_of_work, second.id)


def test_a_recount_is_a_new_count_and_the_close_is_on_the_last(db: Database) -> None:
    clock = FixedClock()
    session = tills.open_session(db.unit_of_work, clock, JULES, TILL, FLOAT).session
    _sell(db, session.id, 1, "10.00", TenderMethod.CASH)
    with pytest.raises(NotCounted):
        tills.review_close(db.unit_of_work, JULES, TILL)
    short = CashCount.of("EUR", {5000: 3})
    exact = CashCount.of("EUR", {5000: 3, 1000: 1})
    assert tills.declare_count(db.unit_of_work, clock, CAMILLE, TILL, short, {}).number == 1
    assert tills.review_close(db.unit_of_work, JULES, TILL).count.number == 1
    assert tills.declare_count(db.unit_of_work, clock, CAMILLE, TILL, exact, {}).number == 2
    with pytest.raises(StaleCount):
        tills.close_session(db.unit_of_work, clock, JULES, TILL, 1, {"cash": "shortfall"})
    review = tills.review_close(db.unit_of_work, JULES, TILL)
    assert all(v.is_zero for v in review.variances)
    tills.close_session(db.unit_of_work, clock, JULES, TILL, 2, {})
    kinds = [r["type"] for r in _records(db)]
    assert kinds == ["session_open", "sale", "session_count", "session_count", "session_close"]


def test_a_cash_movement_needs_an_amount_and_a_reason(db: Database) -> None:
    clock = FixedClock()
    tills.open_session(db.unit_of_work, clock, JULES, TILL, FLOAT)
    for amount, reason in ((eur("0.00"), "r"), (eur("5.00"), "  ")):
        with pytest.raises(InvalidCashMovement):
            tills.move_cash(db.unit_of_work, clock, CAMILLE, TILL, ledger.CASH_IN, amount, reason)
    assert [r["type"] for r in _records(db)] == ["session_open"]


def test_at_start_a_session_is_carried_on_and_sealed_only_from_its_own_close(
    db: Database,
) -> None:
    clock = FixedClock()
    assert tills.recover_at_start(db.unit_of_work, TILL) is None
    session = tills.open_session(db.unit_of_work, clock, JULES, TILL, FLOAT).session
    tills.declare_count(db.unit_of_work, clock, CAMILLE, TILL, FLOAT, {})
    found = tills.recover_at_start(db.unit_of_work, TILL)
    assert found is not None and not found.sealed
    assert found.session.state is SessionState.COUNTED  # the count awaits the supervisor
    # A close entry whose session is still current: the journal wins, once.
    review = tills.review_close(db.unit_of_work, JULES, TILL)
    closed, explained = tills.close_till_session(
        review.session, review.count, 1, clock.now(), JULES, review.variances, {}
    )
    _journal(db, tills.close_record(closed, JULES, review.count, review.totals, explained))
    sealed = tills.recover_at_start(db.unit_of_work, TILL)
    assert sealed is not None and sealed.sealed and sealed.session.state is SessionState.CLOSED
    assert tills.recover_at_start(db.unit_of_work, TILL) is None
    assert [r["type"] for r in _records(db)].count("session_close") == 1
    assert tills.z_report(db.unit_of_work, session.id).totals == review.totals


# --- the property: X just before the close, the close's record and the Z agree -----------------

_till_numbers = itertools.count(100)

steps = st.lists(
    st.one_of(
        st.tuples(st.just("sale"), st.integers(1, 30_000),
                  st.sampled_from([TenderMethod.CASH, TenderMethod.CARD, TenderMethod.VOUCHER,
                                   TenderMethod.OTHER])),
        st.tuples(st.just("cancel"), st.integers(0, 50), st.just(None)),
        st.tuples(st.just("cash_in"), st.integers(1, 10_000), st.just(None)),
        st.tuples(st.just("cash_out"), st.integers(1, 10_000), st.just(None)),
        st.tuples(st.just("reprint"), st.integers(0, 50), st.just(None)),
        st.tuples(st.just("recount"), st.integers(-500, 500), st.just(None)),
        st.tuples(st.just("close"), st.integers(-500, 500), st.just(None)),
    ),
    max_size=30,
)  # fmt: skip


@pytest.fixture(scope="module")
def shared_db() -> Iterator[Database]:
    """One database for every example: each adds a till of its own."""
    with tempfile.TemporaryDirectory() as folder:
        database = test_tills.seeded(Path(folder) / "till.sqlite3", points=False)
        try:
            yield database
        finally:
            database.close()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps)
def test_x_before_the_close_the_close_record_and_z_agree_to_the_cent(
    shared_db: Database, script: list[tuple[str, int, TenderMethod | None]]
) -> None:
    database = shared_db
    till = f"T{next(_till_numbers)}"
    with database.unit_of_work() as uow:
        uow.channels.add_point_of_sale(PointOfSale(till, till, "GUICHET", int(till[1:])))
        uow.commit()
    clock = FixedClock()
    session = tills.open_session(database.unit_of_work, clock, JULES, till, FLOAT).session
    sold: list[dict[str, object]] = []
    cancelled: set[int] = set()
    closes: list[tuple[ledger.Totals, str]] = []
    ticket, counted = 1, False
    for kind, number, method in [*script, ("close", 0, None)]:
        clock.advance(timedelta(seconds=1))
        if kind == "sale" and not counted:
            price = str(Money(number, "EUR").to_decimal())
            pay = [] if method is TenderMethod.CASH else [(method, price)]
            record = sale(f"{till}-{ticket}", [line(ticket, price)], pay, first_ticket=ticket,
                          session=session.id, till=till, at=clock.now())  # fmt: skip
            _journal(database, record, till)
            sold.append(record)
            ticket += 1
        elif kind == "cancel" and sold and not counted:
            index = number % len(sold)
            if index not in cancelled:
                cancelled.add(index)
                _journal(database, ledger.correction_record(
                    ledger.CANCELLATION, sold[index], correction_id=f"c{index}", at=clock.now(),
                    session=session.id, operator="Camille", reason="wrong seat"), till)  # fmt: skip
        elif kind in (ledger.CASH_IN, ledger.CASH_OUT) and not counted:
            tills.move_cash(database.unit_of_work, clock, CAMILLE, till, kind,
                            Money(number, "EUR"), "float top-up")  # fmt: skip
        elif kind == "reprint":
            _journal(database, {"type": "reprint", "at": clock.now().isoformat(),
                                "ticket": number}, till)  # fmt: skip
        elif kind in ("recount", "close"):
            x = tills.x_report(database.unit_of_work, clock, till).totals
            cash = x.expected_cash + Money(number, "EUR")
            if cash.is_negative:
                continue
            declared = {k: v for k, v in x.expected().items() if k != "cash"}
            tills.declare_count(database.unit_of_work, clock, CAMILLE, till,
                                CashCount.of("EUR", {1: cash.minor}), declared)  # fmt: skip
            counted = True
            if kind == "close":
                review = tills.review_close(database.unit_of_work, JULES, till)
                assert review.totals == x  # nothing moved between the X and the count
                reasons = {"cash": "counted again"}
                closed = tills.close_session(database.unit_of_work, clock, JULES, till,
                                             review.count.number, reasons)  # fmt: skip
                closes.append((x, closed.session.id))
                break
    [(x, closed_id)] = closes
    z = tills.z_report(database.unit_of_work, closed_id)
    assert z.totals == x
    assert z.close is not None and z.close["totals"] == ledger.totals_record(x)
    kept = [s for i, s in enumerate(sold) if i not in cancelled]
    assert x.net_total.minor == sum(int(s["total"]["minor"]) for s in kept)  # type: ignore[index]
    assert x.cancellations.count == len(cancelled)
    assert journal.verify_journal(database.unit_of_work, till).ok
