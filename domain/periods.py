"""Fiscal periods: a day, a month or a year of the box office's calendar, in its time zone.

A daily, monthly or yearly closure closes one `Period`; an archive holds one. Bounds are
computed in the venue's time zone (``station.toml`` ``timezone``), so a day is the box office's
day, DST included: a day may last 23 or 25 hours. Plain Python: no clock, no I/O.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from domain.errors import DomainError


class InvalidPeriod(DomainError):
    """A period that is not ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""


class Frequency(enum.StrEnum):
    DAILY = "daily"
    MONTHLY = "monthly"
    YEARLY = "yearly"


_PATTERNS = {
    Frequency.YEARLY: re.compile(r"(\d{4})"),
    Frequency.MONTHLY: re.compile(r"(\d{4})-(\d{2})"),
    Frequency.DAILY: re.compile(r"(\d{4})-(\d{2})-(\d{2})"),
}


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """One day, month or year, named by its first day; ``str`` gives ``2026-03-10``,
    ``2026-03`` or ``2026``."""

    first_day: date
    frequency: Frequency

    def __post_init__(self) -> None:
        day = self.first_day
        if (self.frequency is Frequency.MONTHLY and day.day != 1) or (
            self.frequency is Frequency.YEARLY and (day.month, day.day) != (1, 1)
        ):
            raise InvalidPeriod(f"{day} does not start a {self.frequency.value} period")

    @classmethod
    def parse(cls, text: str) -> Period:
        """``2026`` (a year), ``2026-03`` (a month) or ``2026-03-10`` (a day)."""
        for frequency, pattern in _PATTERNS.items():
            match = pattern.fullmatch(text.strip())
            if match is None:
                continue
            parts = [int(p) for p in match.groups()] + [1, 1]
            try:
                return cls(date(parts[0], parts[1], parts[2]), frequency)
            except ValueError:
                break
        raise InvalidPeriod(
            f"{text!r} is not a period: give a year (2026), a month (2026-03) or a day (2026-03-10)"
        )

    @classmethod
    def containing(cls, frequency: Frequency, day: date) -> Period:
        if frequency is Frequency.DAILY:
            return cls(day, frequency)
        if frequency is Frequency.MONTHLY:
            return cls(day.replace(day=1), frequency)
        return cls(date(day.year, 1, 1), frequency)

    @classmethod
    def of_moment(cls, frequency: Frequency, moment: datetime, timezone: ZoneInfo) -> Period:
        """The period of ``frequency`` that ``moment`` (aware) falls in, in ``timezone``."""
        return cls.containing(frequency, moment.astimezone(timezone).date())

    def next(self) -> Period:
        return Period(self.end_day(), self.frequency)

    def end_day(self) -> date:
        """The first day after the period."""
        day = self.first_day
        if self.frequency is Frequency.DAILY:
            return day + timedelta(days=1)
        if self.frequency is Frequency.MONTHLY:
            return date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        return date(day.year + 1, 1, 1)

    def bounds(self, timezone: ZoneInfo) -> tuple[datetime, datetime]:
        """The period's first moment and the first moment after it, aware, in ``timezone``."""
        return (
            datetime.combine(self.first_day, time(), timezone),
            datetime.combine(self.end_day(), time(), timezone),
        )

    def contains(self, other: Period) -> bool:
        """Whether ``other`` (any frequency) lies inside this period."""
        return self.first_day <= other.first_day and other.end_day() <= self.end_day()

    def __str__(self) -> str:
        day = self.first_day
        if self.frequency is Frequency.DAILY:
            return day.isoformat()
        if self.frequency is Frequency.MONTHLY:
            return f"{day.year:04d}-{day.month:02d}"
        return f"{day.year:04d}"
