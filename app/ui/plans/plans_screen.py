"""Technician's plan files: check a plan file and import it into a hall.

Checking and importing run on the database lane; a bad file shows each problem with its place,
and nothing is stored unless the whole file is good.
"""

from __future__ import annotations

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
from app.services.plans import HallCard, ImportResult, PlanReport
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
        for hall in halls:
            self.hall_box.addItem(hall.name, hall.id)
        if current:
            self.hall_box.setEditText(current)

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
        hall = self.hall_box.currentText().strip()
        if path is None:
            return
        if not hall:
            self.report.setPlainText(self.tr("Name the hall to import into."))
            return
        self._lane.submit(
            lambda: self._services.import_plan(path, hall), self._imported, self._failed, owner=self
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
        if isinstance(error, OSError):
            self.report.setPlainText(
                self.tr("The file cannot be read: %1").replace("%1", error.strerror or str(error))
            )
            return
        self.report.setPlainText(errors.message_for(error))
