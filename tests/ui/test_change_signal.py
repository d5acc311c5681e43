"""One change signal: a use case returns what it changed, the lane hands it to one hook, and
every screen that shows it refreshes — the screen that asked need not be the one that shows."""

from __future__ import annotations

import contextlib
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from app.config import load_station
from app.main import open_till
from app.services.changes import Changes, changes_of
from app.ui.changes import hub
from app.ui.operators.operators_screen import OperatorsScreen
from app.ui.performances.performance_page import PerformancePageScreen
from app.ui.tasks import Lane
from domain.errors import OperatorLocked, WrongPin
from domain.operators import Role
from seatmap_widget import State
from tests.fakes import FixedClock


def test_changes_add_up_and_are_found_on_results() -> None:
    a = Changes(performances=frozenset({"P1"}))
    b = Changes(operators=True)
    assert not Changes()
    assert (a | b) == Changes(performances=frozenset({"P1"}), operators=True)
    assert (a | b).touches_performance("P1") and not a.touches_performance("P2")
    assert Changes(catalog=True).touches_performance("P2")
    assert changes_of(b) is b
    assert not changes_of(42) and not changes_of(None)


def test_a_lane_publishes_what_a_job_changed_even_when_its_screen_is_gone(qtbot: QtBot) -> None:
    lane = Lane("db")
    seen: list[Changes] = []
    hub().changed.connect(seen.append)
    owner = QObject()
    try:
        lane.submit(lambda: Changes(operators=True), owner=owner)
        owner.deleteLater()
        qtbot.waitUntil(lambda: seen == [Changes(operators=True)])
        lane.submit(lambda: "a plain read")
        lane.submit(lambda: Changes(print_jobs=True))
        qtbot.waitUntil(lambda: len(seen) == 2)
        assert seen[1] == Changes(print_jobs=True)  # the read published nothing
    finally:
        hub().changed.disconnect(seen.append)
        lane.shutdown()


def test_the_page_shows_new_seat_states_when_its_performance_changed(
    qtbot: QtBot, demo_dir: Path
) -> None:
    clock = FixedClock()
    services = open_till(load_station(demo_dir), clock)
    lane = Lane("db")
    page = PerformancePageScreen(services, lane)
    qtbot.addWidget(page)
    page.load("P-MIS-2")
    qtbot.waitUntil(lambda: page.plan is not None)
    widget = page.seat_map
    free = [page.plan.seat_ids[i] for i in range(widget.plan.size) if widget.status.sellable[i]]
    sold_before = widget.counts()[State.SOLD]

    def another_till_sells_three() -> Changes:  # what the sale use case will do
        with services.uow_factory() as uow:
            now = clock.now()
            assert (
                uow.seat_states.hold(
                    "P-MIS-2", free[:3], "cart-x", now + timedelta(minutes=15), now
                )
                == []
            )
            assert uow.seat_states.sell("P-MIS-2", free[:3], "cart-x", "sale-x") == []
            uow.commit()
        return Changes(performances=frozenset({"P-MIS-2"}))

    lane.submit(another_till_sells_three)
    try:
        qtbot.waitUntil(lambda: widget.counts()[State.SOLD] == sold_before + 3)
        assert page.page is not None and page.page.counts.sold == sold_before + 3
        assert page.count_labels["sold"].text() == str(sold_before + 3)
        index = widget.plan.indices_of([free[0]])[0]
        assert not widget.status.sellable[index]  # no longer pickable
    finally:
        lane.shutdown()


def test_the_operators_screen_refreshes_after_an_unlock_made_anywhere(
    qtbot: QtBot, demo_dir: Path
) -> None:
    clock = FixedClock()
    services = open_till(load_station(demo_dir), clock)
    cards = {c.name: c for c in services.operators()}
    camille, jules = cards["Camille Martin"], cards["Jules Bernard"]
    for _ in range(5):
        with contextlib.suppress(WrongPin, OperatorLocked):
            services.log_in(camille.id, "0000")
    supervisor = services.log_in(jules.id, "5678")
    assert supervisor.role is Role.SUPERVISOR
    lane = Lane("db")
    screen = OperatorsScreen(services, lane, supervisor)
    qtbot.addWidget(screen)
    screen.load()

    def status_of_camille() -> str:
        for row in range(screen.table.rowCount()):
            if screen.table.item(row, 0).text() == "Camille Martin":
                return screen.table.item(row, 2).text()
        return ""

    qtbot.waitUntil(lambda: status_of_camille() != "")
    locked = status_of_camille()
    other = Lane("other")  # e.g. a supervisor's other screen
    other.submit(lambda: services.unlock_operator(supervisor, camille.id))
    try:
        qtbot.waitUntil(lambda: status_of_camille() not in ("", locked))
    finally:
        other.shutdown()
        lane.shutdown()
