"""The one hook that tells every screen what a use case changed.

The lanes publish the `Changes` their jobs return (`app.ui.tasks.Lane`); screens connect to
`hub().changed` and refresh what they show of it. It lives on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.services.changes import Changes


class ChangeHub(QObject):
    changed = Signal(object)  # Changes

    def publish(self, changes: Changes) -> None:
        if changes:
            self.changed.emit(changes)


_HUB: ChangeHub | None = None


def hub() -> ChangeHub:
    """The application's hub (made on first use, on the GUI thread)."""
    global _HUB
    if _HUB is None:
        _HUB = ChangeHub()
    return _HUB
