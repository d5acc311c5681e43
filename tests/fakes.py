"""Fakes shared by the tests. A simulator is preferred to a fake; these stand in only for
what a test must control: the time."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")

# A Tuesday morning in Paris, far from midnight and from any performance's start, so the
# demo built "from today" is on sale whatever hour the tests really run at.
PINNED_MOMENT = datetime(2026, 3, 10, 10, 0, tzinfo=PARIS)


class FixedClock:
    """A clock that says what the test tells it, and moves only when told to."""

    def __init__(self, moment: datetime = PINNED_MOMENT) -> None:
        if moment.tzinfo is None:
            raise ValueError("a clock's moment is timezone-aware")
        self.moment = moment

    def now(self) -> datetime:
        return self.moment

    def advance(self, delta: timedelta) -> None:
        self.moment += delta
