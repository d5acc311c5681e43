"""The technician's view of the till's link with the central server: enrolled or not, the
server and the till's name there, the fingerprint of the one CA the till trusts, the last
contact, what waits to go up, the last error and what the till's leases let it sell offline;
"Upload now" sends the outbox at once.
Enrolling is `guichet enroll URL CODE --ca FILE` (README)."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from app.services.syncing import LeaseSummary, SyncServices, SyncStatus
from app.ui import errors, formatting
from app.ui.sale.cart_panel import emphasised, key_button
from app.ui.tasks import Lane
from sync.sender import DrainReport


class ServerLinkScreen(QWidget):
    def __init__(
        self, syncing: SyncServices, lane: Lane, timezone: tzinfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("serverLink")
        self._syncing = syncing
        self._lane = lane
        self._network = Lane("server link", self)  # an upload never holds up the database
        self._timezone = timezone
        self.state = emphasised(QLabel(), 1.3)
        self.state.setObjectName("serverState")
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label in (
            ("server", self.tr("Server")),
            ("name", self.tr("This till on the server")),
            ("fingerprint", self.tr("Trusted CA (SHA-256)")),
            ("contact", self.tr("Last contact")),
            ("queued", self.tr("Sales to upload")),
            ("error", self.tr("Last error")),
            ("leases", self.tr("Sells offline")),
        ):
            value = QLabel()
            value.setObjectName(f"server-{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
            self.fields[key] = value
        self.upload_button = key_button(self.tr("Upload now"), "uploadNow")
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(form)
        layout.addWidget(self.upload_button)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.upload_button.clicked.connect(self.upload)

    def load(self) -> None:
        self._lane.submit(self._syncing.status, self.show_status, self._failed, owner=self)

    def show_status(self, status: SyncStatus) -> None:
        if not status.enrolled:
            self.state.setText(
                self.tr(
                    "Not enrolled: this till sells on its own. A technician enrolls it with "
                    "`guichet enroll URL CODE --ca FILE`."
                )
            )
        elif status.revoked:
            self.state.setText(self.tr("Revoked by the server: enroll this till again."))
        elif status.online:
            self.state.setText(self.tr("Online"))
        else:
            self.state.setText(self.tr("Offline: sales are kept and go up when it is back"))
        contact = status.last_contact_at
        self.fields["server"].setText(status.server_url)
        self.fields["name"].setText(status.name)
        self.fields["fingerprint"].setText(status.fingerprint)
        self.fields["contact"].setText(
            "" if contact is None else formatting.date_time(contact.astimezone(self._timezone))
        )
        self.fields["queued"].setText(str(status.queued))
        self.fields["error"].setText(status.last_error)
        self.fields["leases"].setText(
            "\n".join(self._lease_text(lease) for lease in status.leases if lease.state == "active")
            or self.tr("Nothing: no lease from the server")
        )
        self.upload_button.setEnabled(status.enrolled and not status.revoked)

    def _lease_text(self, lease: LeaseSummary) -> str:
        """ "Carmen, 07/12 19:30: 12 seats (Parterre - A - 1, …), 10 × Gradins; until …"."""
        parts = []
        if lease.seats:
            shown = ", ".join(lease.seats[:3]) + (", …" if len(lease.seats) > 3 else "")
            parts.append(
                self.tr("%1 seat(s) (%2)").replace("%1", str(len(lease.seats))).replace("%2", shown)
            )
        parts += [f"{count} × {zone}" for zone, count in lease.places]
        return (
            self.tr("%1, %2: %3; until %4")
            .replace("%1", lease.event)
            .replace("%2", formatting.date_time(lease.starts_at.astimezone(self._timezone)))
            .replace("%3", ", ".join(parts))
            .replace("%4", formatting.date_time(lease.sell_until.astimezone(self._timezone)))
        )

    def upload(self) -> None:
        self.upload_button.setEnabled(False)
        self.message.setText(self.tr("Uploading…"))

        def done(report: DrainReport) -> None:
            if report.error:
                self.message.setText(report.error)
            elif not report.sent_batches:
                self.message.setText(self.tr("Nothing was waiting to go up."))
            else:
                self.message.setText(
                    self.tr("The server has every sale through number %1.").replace(
                        "%1", str(report.acked_through_seq)
                    )
                )
            self.load()

        self._network.submit(self._syncing.upload, done, self._failed, owner=self)

    def _failed(self, error: BaseException) -> None:
        self.message.setText(errors.message_for(error))
        self.upload_button.setEnabled(True)
