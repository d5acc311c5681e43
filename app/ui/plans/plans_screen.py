"""Technician's plan files: check a plan file and import it into a hall.

Checking and importing run on the database lane; a bad file shows each problem with its place,
and nothing is stored unless the whole file is good.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.changes import Changes
from app.services.plans import (
    AmbiguousHall,
    HallCard,
    HallNotFound,
    ImportResult,
    InvalidName,
    PlanImportError,
    PlanReport,
)
from app.services.till import TillServices
from app.ui import errors
from app.ui.changes import hub
from app.ui.tasks import Lane
from planfiles import PlanError


class PlansScreen(QWidget):
    def __init__(self, services: TillServices, lane: Lane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._lane = lane
        self.setObjectName("plans")
        self.path_field = QLineEdit()
        self.path_field.setObjectName("planPath")
        self.browse_button = QPushButton(self.tr("&Choose…"))
        self.check_button = QPushButton(self.tr("C&heck"))
        self.check_button.setObjectName("checkPlan")
        self.hall_box = QComboBox()
        self.hall_box.setObjectName("hall")
        self.hall_box.setEditable(True)
        self.import_button = QPushButton(self.tr("&Import into this hall"))
        self.import_button.setObjectName("importPlan")
        self.report = QPlainTextEdit()
        self.report.setObjectName("planReport")
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("Plan report"))
        for button in (self.browse_button, self.check_button, self.import_button):
            button.setMinimumHeight(44)

        file_row = QHBoxLayout()
        file_row.addWidget(self.path_field, 1)
        file_row.addWidget(self.browse_button)
        file_row.addWidget(self.check_button)
        hall_row = QHBoxLayout()
        hall_row.addWidget(self.hall_box, 1)
        hall_row.addWidget(self.import_button)
        form = QFormLayout()
        form.addRow(self.tr("Plan file"), file_row)
        form.addRow(self.tr("Hall"), hall_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.report, 1)

        self.browse_button.clicked.connect(self._browse)
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.import_plan)
        hub().changed.connect(self._on_changes)

    def _on_changes(self, changes: Changes) -> None:
        if changes.venues:
            self.load()

    def load(self) -> None:
        self._lane.submit(self._services.halls, self._show_halls, self._failed, owner=self)

    def _show_halls(self, halls: list[HallCard]) -> None:
        current = self.hall_box.currentText()
        self.hall_box.clear()
        names = Counter(hall.name for hall in halls)
        for hall in halls:  # a name that several sites use shows its site, and takes it along
            text = hall.name if names[hall.name] == 1 else f"{hall.name} ({hall.site_name})"
            self.hall_box.addItem(text, hall)
        if current:
            self.hall_box.setEditText(current)

    def _chosen_hall(self) -> tuple[str, str | None]:
        """(hall name, its site's name if the hall was picked from the list)."""
        text = self.hall_box.currentText().strip()
        index = self.hall_box.findText(text)
        card = self.hall_box.itemData(index) if index >= 0 else None
        if isinstance(card, HallCard):
            return card.name, card.site_name
        return text, None

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Plan file"), "", self.tr("Plan files (*.json)")
        )
        if path:
            self.path_field.setText(path)
            self.check()

    def _path(self) -> Path | None:
        text = self.path_field.text().strip()
        if not text:
            self.report.setPlainText(self.tr("Choose a plan file first."))
            return None
        return Path(text)

    def check(self) -> None:
        path = self._path()
        if path is not None:
            self._lane.submit(
                lambda: self._services.check_plan(path), self._checked, self._failed, owner=self
            )

    def _checked(self, report: PlanReport) -> None:
        self.report.setPlainText(self.tr("The plan is valid.") + "\n\n" + report.text)

    def import_plan(self) -> None:
        path = self._path()
        hall, site = self._chosen_hall()
        if path is None:
            return
        if not hall:
            self.report.setPlainText(self.tr("Name the hall to import into."))
            return
        self._lane.submit(
            lambda: self._services.import_plan(path, hall, site),
            self._imported,
            self._failed,
            owner=self,
        )

    def _imported(self, result: ImportResult) -> None:
        self.report.setPlainText(
            self.tr("Imported into %1: %2 seats, %3 standing places. Nothing else was changed.")
            .replace("%1", result.hall_name)
            .replace("%2", str(result.seats))
            .replace("%3", str(result.standing_capacity))
        )
        self.load()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, PlanError):
            lines = [f"{p.place}: {p.message}" for p in error.problems]
            self.report.setPlainText(
                self.tr("This file is not a valid plan; nothing was stored.")
                + "\n\n"
                + "\n".join(lines)
            )
            return
        if isinstance(error, PlanImportError):
            self.report.setPlainText(self._import_refused(error))
            return
        if isinstance(error, OSError):
            self.report.setPlainText(
                self.tr("The file cannot be read: %1").replace("%1", error.strerror or str(error))
            )
            return
        self.report.setPlainText(errors.message_for(error))

    def _import_refused(self, error: PlanImportError) -> str:
        nothing = self.tr("Nothing was stored.")
        if isinstance(error, HallNotFound):
            text = self.tr("No hall is named %1. Choose one in the list.").replace("%1", error.hall)
        elif isinstance(error, AmbiguousHall):
            text = self.tr(
                "Halls named %1 exist at several sites. Choose one in the list: each shows its "
                "site."
            ).replace("%1", error.hall)
        elif isinstance(error, InvalidName):
            text = self.tr(
                "This name cannot be stored: it is empty, longer than 200 characters or not text."
            )
        else:
            text = errors.message_for(error)
        return f"{text} {nothing}"
