"""The performance page as the cashier meets it: the real plan with its states, the legend and
its mode switch, picking seats on the plan, and best available in the channel's modes."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, timedelta
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableWidget
from pytestqt.qtbot import QtBot

from app.config import load_station
from app.main import open_till
from app.services.browsing import STATE_CODES
from app.ui import formatting
from app.ui.performances.list_screen import PerformanceListScreen
from app.ui.performances.performance_page import PerformancePageScreen
from app.ui.tasks import Lane
from domain.availability import Refusal, SeatState, Verdict
from domain.channels import SeatSearchMode
from seatmap_widget import ColourMode, State
from seatmap_widget.looks import MINE_COLOUR, SELECTED_COLOUR, STATE_COLOURS, UNSELLABLE_COLOUR
from tests.fakes import PARIS, PINNED_MOMENT, FixedClock


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
    # and the click says why, naming the contingent
    assert "kept for the contingent FNAC: not sellable at this till." in page.message.text()


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


def _click_seat(qtbot: QtBot, page: PerformancePageScreen, seat: int) -> None:
    widget = page.seat_map
    widget.zoom_by(4, widget.seat_centre(seat))
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.seat_centre(seat).toPoint())


def _first(page: PerformancePageScreen, state: State) -> int:
    return int(np.flatnonzero(page.seat_map.status.state == state)[0])


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (State.SOLD, "is sold."),
        (State.BLOCKED, "is blocked: it is not for sale."),
        (State.INVALID, "is invalidated: it cannot be sold."),
    ],
)
def test_a_click_on_a_seat_that_cannot_be_picked_says_why(
    qtbot: QtBot, page: PerformancePageScreen, state: State, expected: str
) -> None:
    seat = _first(page, state)
    plan = page.seat_map.plan
    name = f"{plan.row_labels[int(plan.row[seat])]}-{plan.numbers[seat]}"
    with qtbot.waitSignal(page.seat_map.seat_refused):
        _click_seat(qtbot, page, seat)
    assert page.seat_map.selected_ids() == []
    assert page.message.text() == f"Seat {name} {expected}"


def test_a_click_in_a_locked_proposal_says_how_to_change_it(
    qtbot: QtBot, page: PerformancePageScreen
) -> None:
    page.search_mode.setCurrentIndex(page.search_mode.findData(SeatSearchMode.AUTO_WITH_VIEW))
    qtbot.mouseClick(page.best_button, Qt.MouseButton.LeftButton)
    proposed = int(page.seat_map.selected_indices()[0])
    qtbot.keyClick(page.seat_map, Qt.Key.Key_Home)  # the whole plan again
    page.seat_map.set_focus_seat(proposed)
    qtbot.keyClick(page.seat_map, Qt.Key.Key_Space)
    assert "cannot be changed in this mode" in page.message.text()


def test_a_page_not_on_sale_here_says_why_with_the_time(page: PerformancePageScreen) -> None:
    assert page.page is not None
    starts = page.page.starts_at
    closed = replace(
        page.page,
        sellable=Verdict(False, Refusal.SALES_CLOSED, starts.astimezone(UTC).isoformat()),
    )
    page._show(closed)
    text = page.sale_state.text()
    # the closing time on the venue's clock, not in UTC
    assert text.startswith("Sales at this till closed on ")
    assert text.count(formatting.date_time(starts)) == 2  # closed when it starts
    assert not page.best_button.isEnabled()
    opens = starts - timedelta(days=3, hours=2)
    page._show(
        replace(page.page, sellable=Verdict(False, Refusal.SALES_NOT_OPEN_YET, opens.isoformat()))
    )
    assert page.sale_state.text() == f"Sales at this till open on {formatting.date_time(opens)}."
    page._show(replace(page.page, sellable=Verdict(False, Refusal.CHANNEL_NOT_OPEN, "GUICHET")))
    assert "no sale window" in page.sale_state.text()
    # a click on a free seat tells the same reason
    free = _first(page, State.FREE)
    page.seat_map.toggle(free)
    assert page.message.text() == page.sale_state.text()


def _tab_leaves(qtbot: QtBot, table: QTableWidget) -> None:
    table.window().activateWindow()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus()
    assert table.currentRow() == 0 and table.currentColumn() == 0


def test_tab_leaves_the_category_table(qtbot: QtBot, page: PerformancePageScreen) -> None:
    _tab_leaves(qtbot, page.categories)
    assert page.categories.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers


def test_tab_leaves_the_performance_list(qtbot: QtBot, demo_dir: Path) -> None:
    services = open_till(load_station(demo_dir), FixedClock())
    lane = Lane("db")
    listing = PerformanceListScreen(services, lane, PARIS, PINNED_MOMENT.date())
    qtbot.addWidget(listing)
    listing.show()
    listing.load()
    try:
        qtbot.waitUntil(lambda: listing.table.rowCount() > 0)
        _tab_leaves(qtbot, listing.table)
    finally:
        lane.shutdown()


def test_demo_contingents_do_not_wear_a_state_colour(page: PerformancePageScreen) -> None:
    """In contingent mode a free seat wears its contingent's colour: Groupes was the free
    seats' green, FNAC the held seats' orange."""
    taken = {c.upper() for c in (*STATE_COLOURS, UNSELLABLE_COLOUR, SELECTED_COLOUR, MINE_COLOUR)}
    assert page.plan is not None
    for contingent in page.plan.contingents:
        assert contingent.colour.upper() not in taken, contingent.name
    colours = [c.colour.upper() for c in page.plan.contingents]
    assert len(set(colours)) == len(colours)
