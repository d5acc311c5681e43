"""The seat map as a user meets it: clicking, rubber band, rows, keyboard, the cap, tooltips,
zoom and pan, touch, live updates, and what the widget says for screen readers."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QImage, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot
from seatmap_helpers import PER_ROW, make_widget

from seatmap_widget import UPDATE_INTERVAL_MS, SeatMapWidget, State


def free_seats(widget: SeatMapWidget) -> list[int]:
    return np.flatnonzero(widget.selectable_mask()).tolist()


def click(qtbot: QtBot, widget: SeatMapWidget, point: QPointF) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=point.toPoint())


def drag(widget: SeatMapWidget, start: QPointF, end: QPointF, shift: bool) -> None:
    modifiers = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    left = Qt.MouseButton.LeftButton
    for kind, point, buttons in (
        (QEvent.Type.MouseButtonPress, start, left),
        (QEvent.Type.MouseMove, (start + end) / 2, left),
        (QEvent.Type.MouseMove, end, left),
        (QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton),
    ):
        event = QMouseEvent(kind, point, widget.mapToGlobal(point), left, buttons, modifiers)
        QApplication.sendEvent(widget, event)


def test_clicking_a_seat_centre_selects_exactly_that_seat(qtbot: QtBot) -> None:
    widget = make_widget(qtbot)
    for seat in free_seats(widget):
        widget.clear_selection()
        click(qtbot, widget, widget.seat_centre(seat))
        assert widget.selected_indices().tolist() == [seat]
    click(qtbot, widget, widget.seat_centre(seat))
    assert widget.selected_indices().tolist() == []  # a second click deselects


def test_taken_seats_and_empty_space_select_nothing(qtbot: QtBot) -> None:
    widget = make_widget(qtbot)
    for seat in (1, 2, 3, 4, 5, 20):  # held, blocked, reserved, sold, invalid, not sellable
        click(qtbot, widget, widget.seat_centre(seat))
    click(qtbot, widget, QPointF(5, 5))
    assert widget.selected_indices().size == 0
    assert widget.seat_at(QPointF(5, 5)) == -1


def test_rubber_band_selects_the_free_seats_inside(qtbot: QtBot) -> None:
    widget = make_widget(qtbot)
    # around the first four seats of rows A and B
    start = widget.seat_centre(0) - QPointF(4, 4)
    end = widget.seat_centre(PER_ROW + 3) + QPointF(4, 4)
    drag(widget, start, end, shift=True)
    expected = [i for i in (0, 1, 2, 3, 8, 10, 11) if widget.is_selectable(i)]
    assert widget.selected_indices().tolist() == expected == [0, 8, 10, 11]


def test_dragging_without_shift_pans(qtbot: QtBot) -> None:
    widget = make_widget(qtbot)
    before = widget.seat_centre(0)
    drag(widget, QPointF(50, 50), QPointF(90, 70), shift=False)
    after = widget.seat_centre(0)
    assert (after.x() - before.x(), after.y() - before.y()) == pytest.approx((40, 20))
    assert widget.selected_indices().size == 0


def test_double_click_selects_the_whole_row(qtbot: QtBot) -> None:
    widget = make_widget(qtbot)
    qtbot.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=widget.seat_centre(16).toPoint())
    row_c = [i for i in range(16, 24) if widget.is_selectable(i)]
    assert widget.selected_indices().tolist() == row_c == [16, 17, 18, 19]


def test_keyboard_moves_focus_selects_and_confirms(qtbot: QtBot) -> None:
    widget = make_widget(qtbot)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    assert widget.focus_seat == 0
    qtbot.keyClick(widget, Qt.Key.Key_Space)
    assert widget.selected_indices().tolist() == [0]
    qtbot.keyClick(widget, Qt.Key.Key_Down)
    assert widget.focus_seat == PER_ROW  # B-1 under A-1
    for _ in range(3):
        qtbot.keyClick(widget, Qt.Key.Key_Right)
    assert widget.focus_seat == PER_ROW + 3
    qtbot.keyClick(widget, Qt.Key.Key_Space)
    assert widget.selected_indices().tolist() == [0, PER_ROW + 3]
    assert "Row B" in widget.accessibleDescription()
    assert "Seat 4" in widget.accessibleDescription()
    with qtbot.waitSignal(widget.confirmed):
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert widget.accessibleName() == "Seat plan"


def test_focus_ring_is_drawn_when_focused(qtbot: QtBot) -> None:
    widget = make_widget(qtbot)
    seat = widget.seat_centre(0)
    ring = QPoint(round(seat.x() + widget.seat_diameter() * 0.67), round(seat.y()))

    def pixel() -> int:
        image = QImage(widget.size(), QImage.Format.Format_ARGB32_Premultiplied)
        widget.render(image)
        return image.pixel(ring)

    unfocused = pixel()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    assert pixel() != unfocused


def test_the_cap_refuses_one_seat_too_many(qtbot: QtBot) -> None:
    widget = make_widget(qtbot)
    widget.max_selection = 2
    seats = free_seats(widget)
    click(qtbot, widget, widget.seat_centre(seats[0]))
    click(qtbot, widget, widget.seat_centre(seats[1]))
    with qtbot.waitSignal(widget.selection_refused) as refused:
        click(qtbot, widget, widget.seat_centre(seats[2]))
    assert refused.args == [2]
    assert widget.selected_indices().tolist() == seats[:2]
    # a rubber band that would pass the cap is refused whole
    widget.clear_selection()
    assert not widget.select_row(16)
    assert widget.selected_indices().size == 0


def test_tooltip_tells_zone_row_seat_category_contingent_and_state(qtbot: QtBot) -> None:
    widget = make_widget(qtbot)
    point = widget.seat_centre(17).toPoint()
    QApplication.sendEvent(
        widget, QHelpEvent(QEvent.Type.ToolTip, point, widget.mapToGlobal(point))
    )
    text = QToolTip.text()
    assert text.splitlines() == [
        "Stalls · Row C · Seat 2",
        "Category: Cat 2",
        "Contingent: Box office",
        "State: Free",
    ]
    assert "held by this till" in widget.describe(12)
    assert "not sellable here" in widget.describe(20)
    assert "State: Invalid" in widget.describe(5)


def test_wheel_and_keys_zoom_around_the_pointer_and_fit_restores(qtbot: QtBot) -> None:
    widget = make_widget(qtbot)
    fitted = widget.view()
    seat = widget.seat_centre(10)
    widget.zoom_by(2.0, seat)
    assert widget.view()[0] == pytest.approx(fitted[0] * 2)
    moved = widget.seat_centre(10)
    assert (moved.x(), moved.y()) == pytest.approx((seat.x(), seat.y()))
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Minus)
    assert widget.view()[0] == pytest.approx(fitted[0] * 1.6)
    qtbot.keyClick(widget, Qt.Key.Key_0)
    assert widget.view() == pytest.approx(fitted)
    qtbot.keyClick(widget, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert widget.view()[1] > fitted[1]


def test_two_finger_pinch_zooms_and_one_finger_tap_selects(qtbot: QtBot) -> None:
    widget = make_widget(qtbot)
    device = QTest.createTouchDevice()
    scale = widget.view()[0]
    centre = QPoint(widget.width() // 2, widget.height() // 2)
    QTest.touchEvent(widget, device).press(0, centre - QPoint(20, 0)).press(
        1, centre + QPoint(20, 0)
    ).commit()
    QTest.touchEvent(widget, device).move(0, centre - QPoint(40, 0)).move(
        1, centre + QPoint(40, 0)
    ).commit()
    QTest.touchEvent(widget, device).release(0, centre - QPoint(40, 0)).release(
        1, centre + QPoint(40, 0)
    ).commit()
    assert widget.view()[0] == pytest.approx(scale * 2, rel=0.05)
    seat = widget.seat_centre(free_seats(widget)[0]).toPoint()
    QTest.touchEvent(widget, device).press(0, seat).commit()
    QTest.touchEvent(widget, device).release(0, seat).commit()
    assert widget.selected_indices().tolist() == [free_seats(widget)[0]]


def test_live_updates_are_coalesced_into_one_repaint(qtbot: QtBot) -> None:
    widget = make_widget(qtbot)
    a7, a8 = widget.plan.indices_of(["A-7", "A-8"]).tolist()
    assert widget.status.state[a7] == widget.status.state[a8] == State.FREE
    image = QImage(widget.size(), QImage.Format.Format_ARGB32_Premultiplied)
    widget.render(image)
    renders = widget.layer_renders
    unknown = widget.apply_states(["A-7", "nope"], [State.SOLD, State.SOLD])
    widget.apply_states(np.array([a8, a7]), [State.HELD, State.FREE])
    widget.apply_states(["A-7"], [State.RESERVED])
    assert unknown == 1
    assert widget.status.state[a7] == State.FREE  # queued, not applied yet
    with qtbot.waitSignal(widget.counts_changed, timeout=UPDATE_INTERVAL_MS * 10):
        pass
    assert widget.status.state[a7] == State.RESERVED  # the last batch wins
    assert widget.status.state[a8] == State.HELD
    widget.render(image)
    widget.render(image)
    assert widget.layer_renders == renders + 1  # three batches, one repaint


def test_a_seat_taken_elsewhere_leaves_the_selection(qtbot: QtBot) -> None:
    widget = make_widget(qtbot)
    widget.set_selection(["A-7", "A-8"])
    with qtbot.waitSignal(widget.selection_changed):
        widget.apply_states(["A-7"], [State.SOLD])
        widget.flush_updates()
    assert widget.selected_ids() == ["A-8"]
    assert widget.counts()[State.SOLD] == 3


def test_held_by_this_till_is_drawn_apart(qtbot: QtBot) -> None:
    widget = make_widget(qtbot)
    seat = widget.plan.indices_of(["C-3"])[0]
    centre = widget.seat_centre(int(seat)).toPoint()

    def pixel() -> int:
        image = QImage(widget.size(), QImage.Format.Format_ARGB32_Premultiplied)
        widget.render(image)
        return image.pixel(centre)

    before = pixel()
    widget.set_held_by_me(["C-3"])
    assert pixel() != before
    widget.set_held_by_me(["C-3"], held=False)
    assert pixel() == before


def test_apply_states_refuses_unknown_state_codes(qtbot: QtBot) -> None:
    widget = make_widget(qtbot)
    with pytest.raises(ValueError):
        widget.apply_states(["A-1"], [42])
    with pytest.raises(ValueError):
        widget.apply_states(["A-1", "A-2"], [State.SOLD])


def test_proposal_with_view_is_locked_and_editable_one_is_not(qtbot: QtBot) -> None:
    widget = make_widget(qtbot)
    widget.show_proposal(["C-1", "C-2"], editable=False)
    assert widget.selected_ids() == ["C-1", "C-2"] and widget.proposal_locked
    click(qtbot, widget, widget.seat_centre(18))
    assert widget.selected_ids() == ["C-1", "C-2"]
    widget.show_proposal(["C-3", "C-4"], editable=True)
    click(qtbot, widget, widget.seat_centre(18))
    assert widget.selected_ids() == ["C-4"]
