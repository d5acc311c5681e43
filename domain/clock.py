"""The Clock port: rules never read the time themselves; callers pass a Clock or a moment."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current moment, timezone-aware."""
        ...
