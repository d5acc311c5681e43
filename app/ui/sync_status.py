"""The status bar's word on the central server: online or offline, the sales waiting to go
up, how old the catalog is; a revoked till is said so. Refreshed every few seconds from the
sync's use cases on the database lane; a till never enrolled says it sells on its own."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from app.services.syncing import SyncServices, SyncStatus
from app.ui import formatting
from app.ui.changes import hub
from app.ui.tasks import Lane, gui_listener

REFRESH_MS = 2000


class SyncStatusLabel(QLabel):
    def __init__(
        self,
        syncing: SyncServices,
        lane: Lane,
        timezone: tzinfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self._syncing = syncing
        self._lane = lane
        self._timezone = timezone
        self.status: SyncStatus | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        # What the server's feed changed (another till's holds and sales, the catalog) goes
        # to every screen through the change hub, on the GUI thread.
        syncing.add_change_listener(gui_listener(self, hub().publish))
        self.refresh()

    def refresh(self) -> None:
        self._lane.submit(self._syncing.status, self.show_status, None, owner=self)

    def show_status(self, status: SyncStatus) -> None:
        self.status = status
        self.setToolTip(status.last_error)
        if not status.enrolled:
            self.setText(self.tr("Stand-alone till: no server"))
            return
        if status.revoked:
            self.setText(
                self.tr(
                    "Server: this till was revoked. %1 sale(s) kept; a technician enrolls it again."
                ).replace("%1", str(status.queued))
            )
            return
        queued = self.tr("%1 to upload").replace("%1", str(status.queued))
        if status.online:
            text = self.tr("Server: online · %1").replace("%1", queued)
        elif status.last_contact_at is None:
            text = self.tr("Server: offline · %1").replace("%1", queued)
        else:
            since = formatting.time_of_day(status.last_contact_at.astimezone(self._timezone))
            text = (
                self.tr("Server: offline since %1 · %2").replace("%1", since).replace("%2", queued)
            )
        if status.catalog_at is not None:
            catalog = formatting.time_of_day(status.catalog_at.astimezone(self._timezone))
            text += " · " + self.tr("catalog of %1").replace("%1", catalog)
        self.setText(text)
