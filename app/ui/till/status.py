"""The status bar's word on the till session: open since when and with what float, counted and
waiting for the supervisor's close, or none (nothing can be sold). Refreshed when a use case
says the session changed (`Changes.till_session`), on the database lane."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from app.services.changes import Changes
from app.services.till import TillServices
from app.ui import formatting
from app.ui.changes import hub
from app.ui.tasks import Lane
from domain.till import SessionState, TillSession


class SessionStatusLabel(QLabel):
    def __init__(self, services: TillServices, lane: Lane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionStatusBar")
        self._services = services
        self._lane = lane
        hub().changed.connect(self._on_changes)
        self.refresh()

    def _on_changes(self, changes: Changes) -> None:
        if changes.till_session:
            self.refresh()

    def refresh(self) -> None:
        self._lane.submit(self._services.current_session, self.show_session, None, owner=self)

    def show_session(self, session: TillSession | None) -> None:
        if session is None:
            self.setText(self.tr("No till session: a supervisor opens one (F10)"))
        elif session.state is SessionState.COUNTED:
            self.setText(self.tr("Session counted: awaiting the supervisor's close (F10)"))
        else:
            self.setText(
                self.tr("Session open since %1 · float %2")
                .replace("%1", formatting.time_of_day(session.opened_at.astimezone()))
                .replace("%2", formatting.money(session.float_count.total()))
            )
