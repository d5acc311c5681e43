"""The system clock: the one place the client reads the wall clock.

The composition root builds it and hands it to every use case; tests hand a pinned clock
instead (tests/fakes.py), so no behaviour depends on the hour or the day a test runs.
"""

from __future__ import annotations

from datetime import UTC, datetime


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)
