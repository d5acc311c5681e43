"""Fiscal periods in the venue's time zone, and which one a closure is due for."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from domain.closures import Closure, due
from domain.journal import chain_next
from domain.money import Money
from domain.periods import Frequency, InvalidPeriod, Period
from tests.fakes import PARIS


def test_periods_are_named_and_parsed_as_a_year_a_month_or_a_day() -> None:
    assert Period.parse("2026") == Period(date(2026, 1, 1), Frequency.YEARLY)
    assert Period.parse("2026-03") == Period(date(2026, 3, 1), Frequency.MONTHLY)
    assert str(Period.parse("2026-03-10")) == "2026-03-10"
    assert Period.parse("2026-12").next() == Period.parse("2027-01")
    for bad in ("26", "2026-13", "2026-02-30", "2026/03", "last year"):
        with pytest.raises(InvalidPeriod):
            Period.parse(bad)


def test_a_day_is_the_box_offices_day_summer_time_included() -> None:
    start, end = Period.parse("2026-03-29").bounds(PARIS)  # clocks go forward at 2:00
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=23)
    assert start.isoformat() == "2026-03-29T00:00:00+01:00"
    assert end.isoformat() == "2026-03-30T00:00:00+02:00"
    assert Period.parse("2026").contains(Period.parse("2026-03-29"))
    assert not Period.parse("2026-03").contains(Period.parse("2026-04-01"))


def test_a_period_is_due_once_it_has_ended_and_never_again() -> None:
    late_evening = datetime(2026, 3, 10, 23, 30, tzinfo=PARIS)
    entry = chain_next(None, {"type": "sale", "at": late_evening.isoformat()})
    midnight = datetime(2026, 3, 11, tzinfo=PARIS)
    assert due(Frequency.DAILY, None, entry, midnight - timedelta(seconds=1), PARIS) is None
    assert due(Frequency.DAILY, None, entry, midnight, PARIS) == Period.parse("2026-03-10")
    assert due(Frequency.MONTHLY, None, entry, midnight, PARIS) is None
    closed = Closure(Frequency.DAILY, 1, Period.parse("2026-03-10"), 2, 1, 1, "0" * 64,
                     Money(0, "EUR"))  # fmt: skip
    # An entry dated in the closed day (a clock moved back) goes to the next day, not again.
    later = datetime(2026, 3, 12, tzinfo=PARIS)
    assert due(Frequency.DAILY, closed, entry, later, PARIS) == Period.parse("2026-03-11")
    assert due(Frequency.DAILY, closed, None, later, PARIS) is None
