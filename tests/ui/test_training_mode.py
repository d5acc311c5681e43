"""Training mode at the till: Ctrl+Shift+T for a supervisor, refused to a cashier; a banner in
the status bar names the supervisor while it is on, after a lock and a new login too."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.test_shell import log_in, make_window


def test_a_supervisor_switches_training_and_the_banner_says_so(
    qtbot: QtBot, demo_dir: Path
) -> None:
    window = make_window(qtbot, demo_dir)
    log_in(qtbot, window, "Camille Martin", "1234")
    qtbot.waitUntil(lambda: window.operator is not None)
    window.toggle_training()
    assert "Only a supervisor" in window.statusBar().currentMessage()
    assert window.services.training() is None and window.status_training.isHidden()
    window.lock()
    log_in(qtbot, window, "Jules Bernard", "5678")
    qtbot.waitUntil(lambda: window.operator is not None)
    window.toggle_training()
    qtbot.waitUntil(lambda: window.status_training.isVisible())
    assert "TRAINING" in window.status_training.text()
    assert "Jules Bernard" in window.status_training.text()
    assert window.services.training() is not None
    window.toggle_training()
    qtbot.waitUntil(lambda: window.status_training.isHidden())
    assert window.services.training() is None
