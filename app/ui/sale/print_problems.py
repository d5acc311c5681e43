"""The sale screen's strip for tickets and receipts that did not print (or may not have: the
till stopped while they were being sent): what they are, what the printer said, and one key
(F9, on the sale screen) that reprints them as DUPLICATA — the existing print-job decision.
Hidden when nothing waits. A print failure never undoes a sale: here the cashier finds its
tickets.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app.services.printing import JobCard, PrintingServices
from app.ui import errors
from app.ui.sale.cart_panel import key_button
from app.ui.tasks import Lane, gui_listener

SHOWN = 4  # labels listed; the rest counted


class PrintProblems(QWidget):
    def __init__(
        self,
        printing: PrintingServices,
        lane: Lane,
        operator_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printProblems")
        self._printing = printing
        self._lane = lane
        self._operator_id = operator_id
        self.waiting: list[JobCard] = []
        self.text = QLabel()
        self.text.setObjectName("printProblemsText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.reprint_button = key_button(self.tr("Reprint as DUPLICATA (F9)"), "reprintUnprinted")
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.reprint_button)
        self.reprint_button.clicked.connect(self.reprint)
        printing.add_job_listener(gui_listener(self, lambda _job: self.refresh()))
        self.hide()
        self.refresh()

    def refresh(self) -> None:
        printing = self._printing

        def job() -> list[JobCard]:
            return [j for j in printing.jobs_awaiting_decision() if j.kind in ("ticket", "receipt")]

        self._lane.submit(job, self._show, self._failed, owner=self)

    def _show(self, waiting: list[JobCard]) -> None:
        self.waiting = waiting
        if not waiting:
            self.hide()
            return
        labels = [job.label for job in waiting[:SHOWN]]
        if len(waiting) > SHOWN:
            labels.append(self.tr("and %1 more").replace("%1", str(len(waiting) - SHOWN)))
        stopped = any(job.detail.startswith("the till stopped") for job in waiting)
        why = (
            self.tr("The till stopped while they were printing: they may not have come out.")
            if stopped
            else self.tr("The printer said: %1").replace("%1", waiting[0].detail)
        )
        self.text.setText(
            self.tr("%1 ticket(s) or receipt(s) not printed: %2. %3 The sales are recorded.")
            .replace("%1", str(len(waiting)))
            .replace("%2", "; ".join(labels))
            .replace("%3", why)
        )
        self.reprint_button.setEnabled(True)
        self.show()

    def reprint(self) -> None:
        """F9: every waiting ticket and receipt printed again (tickets marked DUPLICATA)."""
        if not self.waiting or not self.isVisible():
            return
        printing, by, ids = self._printing, self._operator_id, [j.id for j in self.waiting]
        self.reprint_button.setEnabled(False)

        def job() -> int:
            for job_id in ids:
                printing.reprint(job_id, by)
            return len(ids)

        self._lane.submit(job, lambda _n: self.refresh(), self._failed, owner=self)

    def _failed(self, error: BaseException) -> None:
        self.reprint_button.setEnabled(True)
        self.text.setText(errors.message_for(error))
        self.show()
