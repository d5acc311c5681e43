"""Lanes run jobs off the GUI thread, in order, and deliver results only to live screens."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.ui.tasks import Lane


def test_jobs_run_in_order_off_the_gui_thread(qtbot: QtBot) -> None:
    lane = Lane("test")
    gui = threading.get_ident()
    ran_on: list[int] = []
    results: list[int] = []
    for n in range(5):
        lane.submit(lambda n=n: (ran_on.append(threading.get_ident()), n)[1], results.append)
    qtbot.waitUntil(lambda: len(results) == 5)
    assert results == [0, 1, 2, 3, 4]
    assert gui not in ran_on and len(set(ran_on)) == 1
    lane.shutdown()


def test_errors_reach_the_error_callback(qtbot: QtBot) -> None:
    lane = Lane("test")
    errors: list[BaseException] = []
    lane.submit(lambda: 1 / 0, None, errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1)
    assert isinstance(errors[0], ZeroDivisionError)
    lane.shutdown()


def test_results_for_a_closed_screen_are_dropped(qtbot: QtBot) -> None:
    lane = Lane("test")
    screen = QWidget()
    started, release = threading.Event(), threading.Event()
    delivered: list[object] = []

    def slow() -> str:
        started.set()
        release.wait(5)
        return "late"

    lane.submit(slow, delivered.append, delivered.append, owner=screen)
    assert started.wait(5)
    shiboken6.delete(screen)
    release.set()
    qtbot.waitUntil(lambda: not lane.busy)
    assert delivered == []
    lane.shutdown()


def test_a_job_that_ends_after_its_lane_and_screen_were_deleted_still_reports_its_changes(
    qtbot: QtBot,
) -> None:
    from app.services.changes import Changes
    from app.ui.changes import hub

    screen = QWidget()
    lane = Lane("doomed", parent=screen)  # the lane dies with its screen (a lock)
    release = threading.Event()
    seen: list[Changes] = []
    hub().changed.connect(seen.append)
    try:
        lane.submit(lambda: (release.wait(5), Changes(operators=True))[1], owner=screen)
        screen.deleteLater()
        qtbot.waitUntil(lambda: not shiboken6.isValid(screen))
        release.set()  # the job ends now: its result travels without the deleted lane
        # ... so what it changed still reaches the screens that show it (no crash either)
        qtbot.waitUntil(lambda: seen == [Changes(operators=True)])
    finally:
        hub().changed.disconnect(seen.append)


def test_a_job_submitted_after_the_lane_shut_down_is_dropped_not_an_error(qtbot: QtBot) -> None:
    lane = Lane("closed")
    lane.shutdown()
    ran: list[int] = []
    lane.submit(lambda: ran.append(1))  # e.g. a change arriving after the window closed
    qtbot.wait(50)
    assert ran == [] and not lane.busy
