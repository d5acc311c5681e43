"""Performances by date, filtered by a date range and an event; Enter opens one."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.browsing import EventCard
from app.services.changes import Changes
from app.services.till import TillServices
from app.ui import errors, formatting
from app.ui.changes import hub
from app.ui.tasks import Lane
from domain.catalog import PerformanceState


def state_name(state: PerformanceState) -> str:
    return {
        PerformanceState.PLANNED: QCoreApplication.translate("PerformanceState", "planned"),
        PerformanceState.ON_SALE: QCoreApplication.translate("PerformanceState", "on sale"),
        PerformanceState.SUSPENDED: QCoreApplication.translate("PerformanceState", "suspended"),
        PerformanceState.CANCELLED: QCoreApplication.translate("PerformanceState", "cancelled"),
    }[state]


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class PerformanceListScreen(QWidget):
    open_performance = Signal(str)

    def __init__(
        self,
        services: TillServices,
        lane: Lane,
        timezone: ZoneInfo,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._lane = lane
        self._timezone = timezone
        self.setObjectName("performances")

        self.first_day = QDateEdit(QDate(today.year, today.month, today.day))
        self.first_day.setObjectName("firstDay")
        self.first_day.setCalendarPopup(True)
        self.last_day = QDateEdit(QDate(today.year, today.month, today.day).addDays(90))
        self.last_day.setObjectName("lastDay")
        self.last_day.setCalendarPopup(True)
        self.event_box = QComboBox()
        self.event_box.setObjectName("event")
        self.event_box.addItem(self.tr("All events"), None)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("performanceTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Event"), self.tr("Hall"), self.tr("State")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Performances"))
        self.table.setTabKeyNavigation(False)  # Tab goes on to the next control, not the next cell
        self.message = QLabel()
        self.message.setObjectName("performancesMessage")

        filters = QHBoxLayout()
        for text, widget in (
            (self.tr("From"), self.first_day),
            (self.tr("To"), self.last_day),
            (self.tr("Event"), self.event_box),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addWidget(self.message)

        self.first_day.dateChanged.connect(self.reload)
        self.last_day.dateChanged.connect(self.reload)
        self.event_box.currentIndexChanged.connect(self.reload)
        self.table.itemActivated.connect(self._activated)
        self.table.cellDoubleClicked.connect(lambda row, _column: self._open_row(row))
        hub().changed.connect(self._on_changes)

    def _on_changes(self, changes: Changes) -> None:
        if changes.catalog or changes.venues:
            self.load()

    def load(self) -> None:
        self._lane.submit(self._services.events, self._show_events, self._failed, owner=self)

    def _show_events(self, events: list[EventCard]) -> None:
        self.event_box.blockSignals(True)
        while self.event_box.count() > 1:
            self.event_box.removeItem(1)
        for event in events:
            self.event_box.addItem(event.name, event.id)
        self.event_box.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        first, last = _day(self.first_day.date()), _day(self.last_day.date())
        event_id = self.event_box.currentData()
        self._lane.submit(
            lambda: self._services.performances(first, last, event_id, self._timezone),
            self._show,
            self._failed,
            owner=self,
        )

    def _show(self, performances: list) -> None:  # list[PerformanceSummary]
        self.table.setRowCount(len(performances))
        for row, summary in enumerate(performances):
            when = QTableWidgetItem(
                formatting.short_date_time(summary.starts_at.astimezone(self._timezone))
            )
            when.setData(Qt.ItemDataRole.UserRole, summary.performance_id)
            self.table.setItem(row, 0, when)
            self.table.setItem(row, 1, QTableWidgetItem(summary.event_name))
            self.table.setItem(row, 2, QTableWidgetItem(summary.hall_name))
            self.table.setItem(row, 3, QTableWidgetItem(state_name(summary.state)))
        if performances:
            self.table.selectRow(0)
            self.message.setText(self.tr("%1 performance(s)").replace("%1", str(len(performances))))
        else:
            self.message.setText(self.tr("No performance in these days."))

    def _activated(self, item: QTableWidgetItem) -> None:
        self._open_row(item.row())

    def _open_row(self, row: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.open_performance.emit(item.data(Qt.ItemDataRole.UserRole))

    def _failed(self, error: BaseException) -> None:
        self.message.setText(errors.message_for(error))
