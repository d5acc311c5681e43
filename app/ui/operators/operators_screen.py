"""Supervisor's view of the operators: who is locked out by wrong PINs, and unlocking them."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.auth import OperatorCard
from app.services.changes import Changes
from app.services.till import TillServices
from app.ui import errors, formatting
from app.ui.changes import hub
from app.ui.tasks import Lane
from domain.operators import Operator, Role


class OperatorsScreen(QWidget):
    def __init__(
        self,
        services: TillServices,
        lane: Lane,
        supervisor: Operator,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._lane = lane
        self._supervisor = supervisor
        self.setObjectName("operators")
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("operatorTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Operator"), self.tr("Role"), self.tr("Status")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.setMinimumHeight(44)
        self.message = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.unlock_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.unlock_button.clicked.connect(self.unlock_selected)
        hub().changed.connect(self._on_changes)

    def _on_changes(self, changes: Changes) -> None:
        if changes.operators:
            self.load()

    def load(self) -> None:
        self._lane.submit(self._services.operators, self._show, self._failed, owner=self)

    def _role(self, role: Role) -> str:
        return {
            Role.CASHIER: self.tr("cashier"),
            Role.SUPERVISOR: self.tr("supervisor"),
            Role.TECHNICIAN: self.tr("technician"),
        }[role]

    def _status(self, locked_until: datetime | None, now: datetime) -> str:
        if locked_until is not None and locked_until > now:
            return self.tr("locked until %1").replace(
                "%1", formatting.time_of_day(locked_until.astimezone())
            )
        return self.tr("active")

    def _show(self, cards: list[OperatorCard]) -> None:
        now = self._services.clock.now()
        self.table.setRowCount(len(cards))
        for row, card in enumerate(cards):
            name = QTableWidgetItem(card.name)
            name.setData(Qt.ItemDataRole.UserRole, card.id)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(self._role(card.role)))
            self.table.setItem(row, 2, QTableWidgetItem(self._status(card.locked_until, now)))

    def unlock_selected(self) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        if item is None:
            self.message.setText(self.tr("Select an operator first."))
            return
        operator_id = item.data(Qt.ItemDataRole.UserRole)
        self._lane.submit(
            lambda: self._services.unlock_operator(self._supervisor, operator_id),
            lambda _: self._unlocked(item.text()),
            self._failed,
            owner=self,
        )

    def _unlocked(self, name: str) -> None:
        self.message.setText(self.tr("%1 can log in again.").replace("%1", name))

    def _failed(self, error: BaseException) -> None:
        self.message.setText(errors.message_for(error))
