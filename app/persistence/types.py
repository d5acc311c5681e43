"""Column types the till's schema needs that SQLAlchemy does not give as such.

`UtcDateTime` stores an aware moment as fixed-width UTC text that sorts and compares in SQL
like the moment itself. It refuses naive datetimes on the way in and returns aware UTC on the
way out. It must not guess a zone for a naive value: a wrong guess would move a performance.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

# Fixed width (32 characters) so that text order is time order: 2025-03-01T18:30:00.000000+00:00
_FORMAT = "%Y-%m-%dT%H:%M:%S.%f+00:00"
UTC_TEXT_LENGTH = 32


class NaiveDatetimeError(ValueError):
    """A datetime without a timezone was about to be stored."""


def to_utc_text(moment: datetime) -> str:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise NaiveDatetimeError(f"refusing to store a naive datetime: {moment.isoformat()}")
    return moment.astimezone(UTC).strftime(_FORMAT)


def from_utc_text(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as UTC ISO 8601 text of fixed width."""

    impl = String(UTC_TEXT_LENGTH)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected a datetime, got {type(value).__name__}")
        return to_utc_text(value)

    def process_result_value(self, value: Any | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return from_utc_text(str(value))
