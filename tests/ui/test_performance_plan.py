"""The performance page as the cashier meets it: the real plan with its states, the legend and
its mode switch, picking seats on the plan, and best available in the channel's modes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.config import load_station
from app.main import open_till
from app.services.browsing import STATE_CODES
from app.ui.performances.performance_page import PerformancePageScreen
from app.ui.tasks import Lane
from domain.availability import SeatState
from domain.channels import SeatSearchMode
from seatmap_widget import ColourMode, State
from tests.fakes import FixedClock


@pytest.fixture
def page(qtbot: QtBot, demo_dir: Path) -> PerformancePageScreen:
    services = open_till(load_station(demo_dir), FixedClock())
    lane = Lane("db")
    screen = PerformancePageScreen(services, lane)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    screen.load("P-MIS-1")
    qtbot.waitUntil(lambda: screen.page is not None and screen.plan is not None)
    yield screen
    lane.shutdown()


def test_the_plan_shows_the_real_states_and_counts(page: PerformancePageScreen) -> None:
    plan = page.plan
    assert plan is not None
    widget = page.seat_map
    assert widget.plan.size == len(plan.seat_ids) == page.page.counts.total
    counts = page.page.counts
    assert widget.counts()[State.SOLD] == counts.sold
    assert widget.counts()[State.BLOCKED] == counts.blocked == 4
    assert widget.counts()[State.INVALID] == counts.invalid == 1
    blocked = widget.plan.indices_of(["PAR-P-1"])[0]
    assert widget.status.state[blocked] == State.BLOCKED
    for key in ("total", "free", "sold", "blocked", "invalid"):
        assert page.count_labels[key].text() == str(getattr(counts, key))
    # the stage is drawn from the plan's areas
    assert any(shape.label == "Scène" for shape in widget.plan.shapes)


def test_service_states_use_the_documented_codes(page: PerformancePageScreen) -> None:
    plan = page.plan
    assert plan is not None
    invalid = plan.seat_ids.index("PAR-K-7")
    assert STATE_CODES[plan.states[invalid]] is SeatState.INVALID
    # the FNAC contingent is external: not sellable at the box office
    fnac = plan.seat_ids.index("B1-C-1")
    assert plan.contingents[plan.contingent[fnac]].code == "FNAC"
    assert not plan.sellable[fnac]
    box = plan.seat_ids.index(next(s for s in plan.seat_ids if s.startswith("LOG")))
    assert plan.sellable[box]


def test_seats_of_another_channel_cannot_be_picked(
    qtbot: QtBot, page: PerformancePageScreen
) -> None:
    widget = page.seat_map
    fnac_seats = widget.plan.indices_of([f"B1-C-{n}" for n in range(1, 11)])
    fnac = int(next(i for i in fnac_seats if widget.status.state[i] == State.FREE))
    widget.zoom_by(3, widget.seat_centre(fnac))
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.seat_centre(fnac).toPoint())
    assert widget.selected_ids() == []
    assert "not sellable here" in widget.describe(fnac)


def test_mode_switch_colours_by_category_and_contingent(
    qtbot: QtBot, page: PerformancePageScreen
) -> None:
    qtbot.mouseClick(page.legend.mode_buttons[ColourMode.CATEGORY], Qt.MouseButton.LeftButton)
    assert page.seat_map.colour_mode is ColourMode.CATEGORY
    assert page.legend.key_names() == ["Cat 1", "Cat 2", "Cat 3", "PMR"]
    qtbot.mouseClick(page.legend.mode_buttons[ColourMode.CONTINGENT], Qt.MouseButton.LeftButton)
    assert page.seat_map.colour_mode is ColourMode.CONTINGENT
    assert page.legend.key_names() == ["Box office", "Groupes", "FNAC", "No contingent"]
    qtbot.mouseClick(page.legend.mode_buttons[ColourMode.STATE], Qt.MouseButton.LeftButton)
    assert page.legend.key_names() == []


def test_picking_on_the_plan_selects_the_seat(qtbot: QtBot, page: PerformancePageScreen) -> None:
    widget = page.seat_map
    free = np.flatnonzero((widget.status.state == State.FREE) & widget.status.sellable)
    seat = int(free[len(free) // 2])
    widget.zoom_by(4, widget.seat_centre(seat))
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.seat_centre(seat).toPoint())
    assert widget.selected_indices().tolist() == [seat]
    assert page.selection_text.text().startswith("1 seat(s)")


def test_best_available_then_editable_becomes_the_selection(
    qtbot: QtBot, page: PerformancePageScreen
) -> None:
    page.search_mode.setCurrentIndex(page.search_mode.findData(SeatSearchMode.AUTO_THEN_EDITABLE))
    page.quantity.setValue(4)
    qtbot.mouseClick(page.best_button, Qt.MouseButton.LeftButton)
    selected = page.seat_map.selected_indices()
    assert selected.size == 4
    status = page.seat_map.status
    assert (status.state[selected] == State.FREE).all() and status.sellable[selected].all()
    assert not page.seat_map.proposal_locked
    # editable: the cashier may drop a proposed seat
    assert page.seat_map.toggle(int(selected[0]))
    assert page.seat_map.selected_indices().size == 3


def test_best_available_with_view_is_shown_but_locked(
    qtbot: QtBot, page: PerformancePageScreen
) -> None:
    page.search_mode.setCurrentIndex(page.search_mode.findData(SeatSearchMode.AUTO_WITH_VIEW))
    page.quantity.setValue(2)
    qtbot.mouseClick(page.best_button, Qt.MouseButton.LeftButton)
    widget = page.seat_map
    proposed = widget.selected_indices()
    assert proposed.size == 2 and widget.proposal_locked
    assert not widget.toggle(int(proposed[0]))
    with qtbot.waitSignal(page.seats_chosen) as chosen:
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert sorted(chosen.args[0]) == sorted(widget.selected_ids())


def test_selection_is_capped_by_the_channel(qtbot: QtBot, page: PerformancePageScreen) -> None:
    widget = page.seat_map
    assert widget.max_selection == 20  # the box office channel's maximum per performance
    free = np.flatnonzero((widget.status.state == State.FREE) & widget.status.sellable)
    assert widget.set_selection(free[:20])
    with qtbot.waitSignal(widget.selection_refused):
        assert not widget.toggle(int(free[20]))
    assert "At most 20 seats" in page.message.text()
