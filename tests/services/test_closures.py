"""Fiscal closures: every ended day, month and year closed once, numbered without a gap, each
with its period total and the perpetual total; never twice, even after a kill -9; the export
and the settlement agree with them to the cent.

Expected figures come from what the tests wrote (amounts summed by the test), not from
reading the records back the way the ledger does.
"""

from __future__ import annotations

import csv
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.persistence import Database, open_database
from app.services import journal
from app.services.accounting import export_day, settlement
from app.services.closures import close_due
from app.services.tickets import receipt_document
from domain.closures import Closure
from domain.ledger import CANCELLATION, CASH_IN, cash_movement_record, correction_record
from domain.money import Money
from domain.orders import TenderMethod
from domain.periods import Frequency
from printing.escpos import render_receipt
from tests.domain.test_ledger import eur, line, sale
from tests.fakes import PARIS, PINNED_MOMENT, FixedClock

ROOT = Path(__file__).resolve().parents[2]
TILL = "G1"


def _write(db: Database, record: dict[str, object]) -> None:
    with db.unit_of_work() as uow:
        journal.record(uow, TILL, record)
        uow.commit()


def _sell(db: Database, at: datetime, price: str, n: int = 0, **extra: object) -> dict[str, object]:
    record = {**sale(f"s{at.isoformat()}{n}", [line(n, price)], at=at), **extra}
    _write(db, record)
    return record


def _closures(db: Database, frequency: Frequency) -> list[Closure]:
    with db.unit_of_work(read_only=True) as uow:
        return [c for c in uow.journal.closures(TILL) if c.frequency is frequency]


def _record(db: Database, closure: Closure) -> dict[str, object]:
    with db.unit_of_work(read_only=True) as uow:
        entry = uow.journal.entry(TILL, closure.seq)
    assert entry is not None
    return dict(entry.record)


def _minor(money: object) -> int:
    assert isinstance(money, dict)
    return int(money["minor"])


def test_every_ended_period_is_closed_once_with_its_total_and_the_perpetual_total(
    db: Database,
) -> None:
    clock = FixedClock()
    for days, price in ((0, "10.00"), (0, "2.50"), (1, "7.00"), (25, "100.00")):
        _sell(db, PINNED_MOMENT + timedelta(days=days), price)
    clock.moment = datetime(2027, 1, 2, 9, 0, tzinfo=PARIS)
    written = close_due(db.unit_of_work, clock, TILL, PARIS)
    daily = _closures(db, Frequency.DAILY)
    assert [(str(c.period), c.number) for c in daily] == [
        ("2026-03-10", 1),
        ("2026-03-11", 2),
        ("2026-04-04", 3),
    ]
    assert [_minor(_record(db, c)["period_total"]) for c in daily] == [1250, 700, 10000]
    assert [c.perpetual.minor for c in daily] == [1250, 1950, 11950]
    monthly = _closures(db, Frequency.MONTHLY)
    assert [(str(c.period), c.perpetual.minor) for c in monthly] == [
        ("2026-03", 1950),
        ("2026-04", 11950),
    ]
    yearly = _closures(db, Frequency.YEARLY)
    assert [(str(c.period), c.number, c.perpetual.minor) for c in yearly] == [("2026", 1, 11950)]
    record = _record(db, yearly[0])
    with db.unit_of_work(read_only=True) as uow:
        last = uow.journal.entry(TILL, yearly[0].last_seq)
    assert last is not None and record["last_hash"] == last.hash
    assert record["first_seq"] == 1 and record["timezone"] == "Europe/Paris"
    assert record["period_start"] == "2026-01-01T00:00:00+01:00"
    assert len(written) == 6
    assert close_due(db.unit_of_work, clock, TILL, PARIS) == []  # never twice
    assert journal.verify_journal(db.unit_of_work, TILL).ok


def test_a_period_not_ended_is_not_closed(db: Database) -> None:
    clock = FixedClock()
    _sell(db, PINNED_MOMENT, "10.00")
    assert close_due(db.unit_of_work, clock, TILL, PARIS) == []
    clock.moment = datetime(2026, 3, 10, 23, 59, 59, tzinfo=PARIS)
    assert close_due(db.unit_of_work, clock, TILL, PARIS) == []
    clock.moment = datetime(2026, 3, 11, 0, 0, tzinfo=PARIS)  # the day has ended in Paris
    assert [str(c.period) for c in close_due(db.unit_of_work, clock, TILL, PARIS)] == ["2026-03-10"]


def test_the_index_refuses_a_second_closure_of_one_period(db: Database) -> None:
    clock = FixedClock(datetime(2026, 3, 12, tzinfo=PARIS))
    _sell(db, PINNED_MOMENT, "10.00")
    (first, *_) = close_due(db.unit_of_work, clock, TILL, PARIS, [Frequency.DAILY])
    again = Closure(Frequency.DAILY, 2, first.period, 99, 1, 1, first.last_hash, first.perpetual)
    with pytest.raises(Exception, match=r"UNIQUE|unique"), db.unit_of_work() as uow:
        uow.journal.add_closure(TILL, again)
        uow.commit()


def test_an_entry_written_late_by_a_clock_moved_back_counts_once_in_the_next_period(
    db: Database,
) -> None:
    clock = FixedClock(datetime(2026, 3, 12, tzinfo=PARIS))
    _sell(db, PINNED_MOMENT, "10.00")
    close_due(db.unit_of_work, clock, TILL, PARIS, [Frequency.DAILY])
    _sell(db, PINNED_MOMENT + timedelta(hours=1), "5.00", 1)  # dated in the closed day
    clock.moment = datetime(2026, 3, 20, tzinfo=PARIS)
    close_due(db.unit_of_work, clock, TILL, PARIS, [Frequency.DAILY])
    daily = _closures(db, Frequency.DAILY)
    assert [(str(c.period), c.perpetual.minor) for c in daily] == [
        ("2026-03-10", 1000),
        ("2026-03-12", 1500),  # the period of the first entry not covered (the closure's)
    ]


def test_training_sales_are_journaled_but_never_closed(db: Database) -> None:
    clock = FixedClock(datetime(2026, 3, 12, tzinfo=PARIS))
    _sell(db, PINNED_MOMENT, "10.00")
    _sell(db, PINNED_MOMENT, "99.00", 1, training=True, supervisor="jul")
    (closure,) = close_due(db.unit_of_work, clock, TILL, PARIS, [Frequency.DAILY])
    assert closure.perpetual == eur("10.00") and closure.last_seq == 2  # covered, not counted


# --- kill -9 during a closure ---------------------------------------------------------------


def _killed(step: str, folder: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tests.services.crash_closure", str(folder), step],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == -9, done.stdout + done.stderr[-2000:]  # killed, not ended


@pytest.mark.timeout(120)
@pytest.mark.parametrize("step", ["in_transaction", "after_first"])
def test_a_closure_killed_leaves_nothing_half_done_and_nothing_is_closed_twice(
    tmp_path: Path, step: str
) -> None:
    _killed(step, tmp_path)
    database = open_database(tmp_path / "till.sqlite3")
    try:
        assert journal.verify_journal(database.unit_of_work, TILL).ok
        before = [str(c.period) for c in _closures(database, Frequency.DAILY)]
        assert before == ([] if step == "in_transaction" else ["2026-03-10"])
        clock = FixedClock(datetime(2026, 3, 12, tzinfo=PARIS))
        close_due(database.unit_of_work, clock, TILL, PARIS)
        close_due(database.unit_of_work, clock, TILL, PARIS)
        daily = _closures(database, Frequency.DAILY)
        assert [(str(c.period), c.number, c.perpetual.minor) for c in daily] == [
            ("2026-03-10", 1, 2000),
            ("2026-03-11", 2, 3000),
        ]
        with database.unit_of_work(read_only=True) as uow:
            kinds = [e.record.get("frequency") for e in uow.journal.entries(TILL)]
        assert kinds.count("daily") == 2  # each day's closure is in the chain once
    finally:
        database.close()


# --- the property ---------------------------------------------------------------------------

KINDS = ("sale", "sale", "training", "cancel", "cash_in", "reprint", "advance", "close")
Step = tuple[str, int, int, TenderMethod]
STEP = st.tuples(
    st.sampled_from(KINDS),
    st.integers(1, 20_000),  # an amount in cents, or hours to move the clock by (mod 45 days)
    st.sampled_from([550, 2000]),
    st.sampled_from([TenderMethod.CASH, TenderMethod.CARD]),
)


def _amount(minor: int) -> str:
    return str(Money(minor, "EUR").to_decimal())


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(steps=st.lists(STEP, max_size=30))
def test_the_perpetual_total_is_the_sum_of_every_closed_period_and_the_reports_agree(
    steps: list[Step],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "till.sqlite3")
        try:
            _property(db, Path(folder), steps)
        finally:
            db.close()


def _property(db: Database, folder: Path, steps: list[Step]) -> None:
    clock = FixedClock()
    sold: list[dict[str, object]] = []
    expected = 0  # what the test sold less what it cancelled, in cents
    by_day: dict[str, int] = {}
    for n, (kind, value, rate, method) in enumerate(steps, start=1):
        at = clock.now()
        day = at.astimezone(PARIS).date().isoformat()
        if kind == "sale":
            price = _amount(value)
            record = sale(f"s{n}", [line(n, price, vat=rate)], [(method, price)], first_ticket=n,
                          at=at)  # fmt: skip
            _write(db, record)
            sold.append(record)
            expected += value
            by_day[day] = by_day.get(day, 0) + value
        elif kind == "training":
            _write(db, {**sale(f"t{n}", [line(n, _amount(value))], at=at), "training": True})
        elif kind == "cancel" and sold:
            original = sold.pop()
            _write(db, correction_record(CANCELLATION, original, correction_id=f"c{n}", at=at,
                                         session="S1", operator="op", reason="error"))  # fmt: skip
            expected -= _minor(original["total"])
            by_day[day] = by_day.get(day, 0) - _minor(original["total"])
        elif kind == "cash_in":
            money = Money(value, "EUR")
            _write(db, cash_movement_record(CASH_IN, at, TILL, "S1", "op", "op", money, "change"))
        elif kind == "reprint":
            _write(db, {"type": "reprint", "at": at.isoformat(), "ticket": n})
        elif kind == "advance":
            clock.advance(timedelta(hours=value % (24 * 45) + 1))
        elif kind == "close":
            close_due(db.unit_of_work, clock, TILL, PARIS)
    clock.advance(timedelta(days=400))
    close_due(db.unit_of_work, clock, TILL, PARIS)
    for frequency in Frequency:
        closed = _closures(db, frequency)
        assert [c.number for c in closed] == list(range(1, len(closed) + 1))  # no gap
        assert len({c.period for c in closed}) == len(closed)  # never twice
        periods = [_minor(_record(db, c)["period_total"]) for c in closed]
        assert (closed[-1].perpetual.minor if closed else 0) == sum(periods) == expected
    for closure in _closures(db, Frequency.DAILY):  # the clock only moves on: days agree
        assert _minor(_record(db, closure)["period_total"]) == by_day.get(str(closure.period), 0)
        path = folder / f"{closure.period}.csv"
        export_day(db.unit_of_work, clock, TILL, PARIS, closure.period, path)
        with path.open(encoding="utf-8") as written:
            rows = list(csv.DictReader(written))
        total = next(r for r in rows if r["section"] == "total")
        assert Money.of(total["gross"], "EUR").minor == by_day.get(str(closure.period), 0)
        tenders = sum(Money.of(r["gross"], "EUR").minor for r in rows if r["section"] == "tender")
        rates = sum(Money.of(r["gross"], "EUR").minor for r in rows if r["section"] == "vat")
        assert tenders == rates == by_day.get(str(closure.period), 0)
    rows = settlement(db.unit_of_work, TILL)
    assert sum(r.gross.minor for r in rows) == expected  # no fees in these sales
    vat_closed = 0
    for closure in _closures(db, Frequency.YEARLY):
        totals = _record(db, closure)["totals"]
        assert isinstance(totals, dict)
        vat_closed += sum(_minor(v["vat"]) for v in totals["vat"])
    assert sum(r.vat.minor for r in rows) == vat_closed
    assert journal.verify_journal(db.unit_of_work, TILL).ok


# --- corrections are new entries, and say so -------------------------------------------------


def test_a_cancellations_receipt_says_which_ticket_it_cancels() -> None:
    original = {**sale("a", [line(1, "25.00")], at=PINNED_MOMENT), "order_number": "000007-G1"}
    cancel = correction_record(CANCELLATION, original, correction_id="c", at=PINNED_MOMENT,
                               session="S1", operator="op", reason="error")  # fmt: skip
    receipt = receipt_document({**cancel, "original_order_number": "000007-G1"}, "000008-G1",
                               "Le Théâtre", "Europe/Paris")  # fmt: skip
    assert receipt.corrects == "Ce ticket annule le ticket n° 000007-G1"
    assert "Ce ticket annule le ticket n° 000007-G1".encode("cp1252") in render_receipt(receipt)
    by_tickets = receipt_document(cancel, "000008-G1", "Le Théâtre", "Europe/Paris")
    assert by_tickets.corrects == "Ce ticket annule le ticket n° 1"  # its ticket numbers
    plain = receipt_document(original, "000007-G1", "Le Théâtre", "Europe/Paris")
    assert plain.corrects == "" and b"Ce ticket" not in render_receipt(plain)


def test_an_entry_written_while_the_totals_are_read_is_not_left_out(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services import closures

    clock = FixedClock(datetime(2026, 3, 12, tzinfo=PARIS))
    _sell(db, PINNED_MOMENT, "10.00")
    planned = closures._plan
    calls = []

    def plan_then_sell(*args: object) -> object:
        calls.append(planned(*args))  # type: ignore[arg-type]
        if len(calls) == 1:  # a sale of that day lands between the snapshot and the write
            _sell(db, PINNED_MOMENT + timedelta(hours=2), "5.00", 1)
        return calls[-1]

    monkeypatch.setattr(closures, "_plan", plan_then_sell)
    (closure,) = close_due(db.unit_of_work, clock, TILL, PARIS, [Frequency.DAILY])
    assert len([c for c in calls if c]) == 2  # read again after the late sale
    assert closure.perpetual == eur("15.00") and closure.last_seq == 2
