"""The composition root's clock is the one every use case reads: the demo's days, the sale
windows and the performance list's "today" all follow it, never the machine's clock."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from app.config import load_station
from app.main import open_till
from tests.fakes import PARIS, FixedClock


def test_the_demo_and_the_sale_window_follow_the_injected_clock(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2031, 7, 1, 19, 0, tzinfo=PARIS))
    services = open_till(load_station(tmp_path, demo=True), clock)
    assert services.clock is clock
    first = services.performance_view("P-MIS-1").page
    # Day 0 of the demo is the clock's day, whatever the machine's date.
    assert first.starts_at == datetime(2031, 7, 1, 20, 0, tzinfo=PARIS)
    assert first.sellable.allowed

    clock.moment = datetime(2031, 7, 1, 21, 0, tzinfo=PARIS)  # the curtain went up at 20:00
    later = services.performance_view("P-MIS-1").page
    assert not later.sellable.allowed
    assert services.performance_view("P-MIS-2").page.sellable.allowed
