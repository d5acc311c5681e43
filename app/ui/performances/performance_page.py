"""One performance: when and where, whether this till may sell it now, and the counts per
seat state and per category that the plan screen of the source documents shows.

The seat plan itself comes with the seat-plan widget; until then no plan is drawn.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.browsing import PerformancePage
from app.services.till import TillServices
from app.ui import errors, formatting
from app.ui.performances.list_screen import state_name
from app.ui.tasks import Lane
from domain.availability import Refusal, StateCounts


class PerformancePageScreen(QWidget):
    back = Signal()

    def __init__(self, services: TillServices, lane: Lane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._lane = lane
        self.page: PerformancePage | None = None
        self.setObjectName("performancePage")

        self.back_button = QPushButton(self.tr("← Performances (Esc)"))
        self.back_button.setObjectName("back")
        self.back_button.setMinimumHeight(44)
        self.title = QLabel()
        self.title.setObjectName("performanceTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.when = QLabel()
        self.where = QLabel()
        self.sale_state = QLabel()
        self.sale_state.setObjectName("saleState")
        self.sale_state.setWordWrap(True)

        self.count_labels: dict[str, QLabel] = {}
        counts_box = QGroupBox(self.tr("Seats"))
        counts_box.setMinimumWidth(240)
        counts_form = QFormLayout(counts_box)
        counts_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, text in self._count_names().items():
            value = QLabel("-")
            value.setObjectName(f"count_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setMinimumWidth(70)
            counts_form.addRow(text, value)
            self.count_labels[key] = value

        self.categories = QTableWidget(0, 3)
        self.categories.setObjectName("categoryTable")
        self.categories.setHorizontalHeaderLabels(
            [self.tr("Category"), self.tr("Free"), self.tr("Total")]
        )
        self.categories.verticalHeader().setVisible(False)
        self.categories.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.categories.setAccessibleName(self.tr("Free seats per category"))
        self.standing = QLabel()
        self.standing.setObjectName("standing")
        self.standing.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("pageMessage")

        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(self.title, 1)
        body = QHBoxLayout()
        body.addWidget(counts_box, 0, Qt.AlignmentFlag.AlignTop)
        right = QVBoxLayout()
        right.addWidget(self.categories)
        right.addWidget(self.standing)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.when)
        layout.addWidget(self.where)
        layout.addWidget(self.sale_state)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)

        self.back_button.clicked.connect(self.back)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.back.emit)

    def _count_names(self) -> dict[str, str]:
        return {
            "total": self.tr("Total"),
            "free": self.tr("Free"),
            "held": self.tr("Held"),
            "blocked": self.tr("Blocked"),
            "reserved": self.tr("Reserved"),
            "sold": self.tr("Sold"),
            "invalid": self.tr("Invalid"),
        }

    def load(self, performance_id: str) -> None:
        self.message.setText(self.tr("Loading…"))
        self._lane.submit(
            lambda: self._services.performance_page(performance_id),
            self._show,
            self._failed,
            owner=self,
        )

    def _show(self, page: PerformancePage) -> None:
        self.page = page
        self.message.clear()
        self.title.setText(page.event_name)
        self.when.setText(formatting.date_time(page.starts_at))
        self.where.setText(f"{page.site_name} · {page.hall_name}")
        self.sale_state.setText(self._sale_text(page))
        self._show_counts(page.counts)
        self.categories.setRowCount(len(page.categories))
        for row, category in enumerate(page.categories):
            swatch = QPixmap(14, 14)
            swatch.fill(QColor(category.colour))
            name = QTableWidgetItem(category.name)
            name.setIcon(swatch)
            self.categories.setItem(row, 0, name)
            for column, value in ((1, category.free), (2, category.total)):
                item = QTableWidgetItem(str(value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.categories.setItem(row, column, item)
        self.standing.setText(
            "\n".join(
                self.tr("Standing, %1: %2 places")
                .replace("%1", z.name)
                .replace("%2", str(z.capacity))
                for z in page.standing
            )
        )

    def _show_counts(self, counts: StateCounts) -> None:
        for key, label in self.count_labels.items():
            label.setText(str(getattr(counts, key)))

    def _sale_text(self, page: PerformancePage) -> str:
        verdict = page.sellable
        if verdict.allowed:
            return self.tr("On sale at this till.")
        reason = {
            Refusal.PERFORMANCE_NOT_ON_SALE: self.tr("Not on sale: the performance is %1.").replace(
                "%1", state_name(page.state)
            ),
            Refusal.CHANNEL_NOT_OPEN: self.tr("Not on sale at the box office."),
            Refusal.SALES_NOT_OPEN_YET: self.tr("Sales at this till have not opened yet."),
            Refusal.SALES_CLOSED: self.tr("Sales at this till are closed."),
        }
        return reason.get(verdict.refusal or Refusal.CHANNEL_NOT_OPEN, self.tr("Not on sale."))

    def _failed(self, error: BaseException) -> None:
        self.message.setText(errors.message_for(error))
