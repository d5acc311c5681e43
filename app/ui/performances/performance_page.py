"""One performance: when and where, whether this till may sell it now, its seat plan with the
real states, the legend (counts per state, colour by state / category / contingent) and the
seat-search modes of the channel (pick on plan, automatic with view, automatic then editable).

The screen is thin: page and plan come from `TillServices.performance_view` on the database lane,
drawing and picking are the seat-map widget's, best available is `domain.best_available`.
A proposal is only shown here; holding seats belongs to the sale.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.browsing import PerformancePage, PerformancePlan
from app.services.changes import Changes
from app.services.till import TillServices
from app.ui import errors, formatting
from app.ui.changes import hub
from app.ui.performances.list_screen import state_name
from app.ui.performances.plan_view import propose, seat_map_data
from app.ui.tasks import Lane
from domain.availability import Refusal
from domain.channels import SeatSearchMode
from seatmap_widget import (
    ColourTables,
    SeatMapLegend,
    SeatMapWidget,
    SeatPlan,
    SeatStatus,
    State,
)


class PerformancePageScreen(QWidget):
    back = Signal()
    seats_chosen = Signal(list)  # seat ids the cashier confirmed (Enter), for the cart
    shown = Signal(object)  # the PerformancePage now shown (loaded or refreshed)

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

        self.seat_map = SeatMapWidget()
        self.seat_map.setObjectName("seatMap")
        self.seat_map.selectable_states = frozenset()  # nothing to pick until on sale here
        self.legend = SeatMapLegend(self.seat_map)
        self.legend.setMinimumWidth(240)
        # The legend counts seats per state from the plan's live states.
        self.count_labels: dict[str, QLabel] = self.legend.count_labels
        self.plan: PerformancePlan | None = None

        self.search_mode = QComboBox()
        self.search_mode.setObjectName("searchMode")
        for mode, text in (
            (SeatSearchMode.PICK_ON_PLAN, self.tr("Pick on plan")),
            (SeatSearchMode.AUTO_WITH_VIEW, self.tr("Automatic with view")),
            (SeatSearchMode.AUTO_THEN_EDITABLE, self.tr("Automatic then editable")),
            (SeatSearchMode.NO_PLAN, self.tr("No plan: quantities per category")),
        ):
            self.search_mode.addItem(text, mode)
        self.search_mode.setAccessibleName(self.tr("Seat search mode"))
        self.quantity = QSpinBox()
        self.quantity.setObjectName("quantity")
        self.quantity.setRange(1, 20)
        self.quantity.setValue(2)
        self.quantity.setMinimumHeight(44)
        self.quantity.setAccessibleName(self.tr("Number of seats"))
        self.best_button = QPushButton(self.tr("Best available (F3)"))
        self.best_button.setObjectName("bestAvailable")
        self.best_button.setMinimumHeight(44)
        self.selection_text = QLabel()
        self.selection_text.setObjectName("selectionText")
        self.selection_text.setWordWrap(True)

        self.categories = QTableWidget(0, 3)
        self.categories.setObjectName("categoryTable")
        self.categories.setHorizontalHeaderLabels(
            [self.tr("Category"), self.tr("Free"), self.tr("Total")]
        )
        self.categories.verticalHeader().setVisible(False)
        header = self.categories.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.categories.setAccessibleName(self.tr("Free seats per category"))
        # Read only, and Tab leaves it (by default Tab walked its cells and never got out).
        self.categories.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.categories.setTabKeyNavigation(False)
        self.standing = QLabel()
        self.standing.setObjectName("standing")
        self.standing.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("pageMessage")

        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(self.title, 1)
        search = QHBoxLayout()
        mode_label = QLabel(self.tr("Seat search"))
        mode_label.setBuddy(self.search_mode)
        quantity_label = QLabel(self.tr("Seats"))
        quantity_label.setBuddy(self.quantity)
        search.addWidget(quantity_label)
        search.addWidget(self.quantity)
        search.addWidget(self.best_button)
        search.addWidget(self.selection_text, 1)
        left = QVBoxLayout()  # the mode above the legend: the plan keeps the width
        left.addWidget(mode_label)
        left.addWidget(self.search_mode)
        left.addWidget(self.legend)
        left.addWidget(self.categories)
        left.addWidget(self.standing)
        # The plan, or the quantity grid of a sale without a plan (`set_quantity_grid`).
        self.centre = QStackedWidget()
        self.centre.addWidget(self.seat_map)
        self.quantity_grid: QWidget | None = None
        self._mode_for = ""  # the performance whose mode was set (a refresh keeps the mode)
        self.search_row = QWidget()
        self.search_row.setLayout(search)
        search.setContentsMargins(0, 0, 0, 0)
        centre = QVBoxLayout()
        centre.addWidget(self.search_row)
        centre.addWidget(self.centre, 1)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addLayout(centre, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.when)
        layout.addWidget(self.where)
        layout.addWidget(self.sale_state)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)

        self.back_button.clicked.connect(self.back)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.back.emit)
        QShortcut(QKeySequence(Qt.Key.Key_F3), self, activated=self.best_key)
        self.best_button.clicked.connect(self.propose_best)
        self.search_mode.currentIndexChanged.connect(self._mode_changed)
        self.seat_map.selection_changed.connect(self._selection_changed)
        self.seat_map.selection_refused.connect(self._refused)
        self.seat_map.seat_refused.connect(self._seat_refused)
        self.seat_map.confirmed.connect(self._confirmed)
        hub().changed.connect(self._on_changes)

    def _on_changes(self, changes: Changes) -> None:
        """Something changed the performance shown (a sale, a hold, another till's seats):
        new states and counts, keeping the cashier's zoom and the seats still pickable."""
        if self.plan is None or not changes.touches_performance(self.plan.performance_id):
            return
        performance_id = self.plan.performance_id

        def job() -> tuple[PerformancePage, SeatStatus]:
            view = self._services.performance_view(performance_id)
            return view.page, seat_map_data(view.plan)[1]

        self._lane.submit(job, self._refreshed, self._failed, owner=self)

    def _refreshed(self, result: tuple[PerformancePage, SeatStatus]) -> None:
        page, status = result
        if self.plan is None or page.performance_id != self.plan.performance_id:
            return  # another performance was opened meanwhile
        self._show(page)
        self.seat_map.set_status(status)

    def load(self, performance_id: str) -> None:
        self.message.setText(self.tr("Loading…"))
        self.plan = None
        self.selection_text.clear()

        def job() -> tuple[PerformancePage, PerformancePlan, SeatPlan, SeatStatus, ColourTables]:
            view = self._services.performance_view(performance_id)
            return (view.page, view.plan, *seat_map_data(view.plan))

        self._lane.submit(job, self._show_view, self._failed, owner=self)

    def _show_view(
        self,
        result: tuple[PerformancePage, PerformancePlan, SeatPlan, SeatStatus, ColourTables],
    ) -> None:
        page, plan, seat_plan, status, tables = result
        self._show(page)
        self._show_plan(plan, seat_plan, status, tables)

    def _show(self, page: PerformancePage) -> None:
        self.page = page
        self.message.clear()
        self.title.setText(page.event_name)
        self.when.setText(formatting.date_time(page.starts_at))
        self.where.setText(f"{page.site_name} · {page.hall_name}")
        self.sale_state.setText(self._sale_text(page))
        if page.performance_id != self._mode_for:  # the channel's mode; none without a plan
            self._mode_for = page.performance_id
            mode = page.seat_search if page.with_plan else SeatSearchMode.NO_PLAN
            if mode is SeatSearchMode.NO_PLAN and self.quantity_grid is None:
                mode = SeatSearchMode.PICK_ON_PLAN  # a page that only shows the plan
            self.search_mode.setCurrentIndex(max(0, self.search_mode.findData(mode)))
            self._mode_changed()
        self._apply_sellable()
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
        self.shown.emit(page)

    def _show_plan(
        self, plan: PerformancePlan, seat_plan: SeatPlan, status: SeatStatus, tables: ColourTables
    ) -> None:
        """The counts shown are the legend's, from the same states the map draws."""
        self.plan = plan
        self.seat_map.max_selection = plan.max_tickets
        if plan.max_tickets is not None:
            self.quantity.setMaximum(plan.max_tickets)
        self.seat_map.set_plan(seat_plan, status, tables)
        self._apply_sellable()

    def _apply_sellable(self) -> None:
        on_sale = self.page is not None and self.page.sellable.allowed and self.plan is not None
        self.seat_map.selectable_states = frozenset({0}) if on_sale else frozenset()
        self.best_button.setEnabled(on_sale)
        self.quantity.setEnabled(on_sale)
        self.search_mode.setEnabled(on_sale)

    def _mode(self) -> SeatSearchMode:
        mode = self.search_mode.currentData()
        return mode if isinstance(mode, SeatSearchMode) else SeatSearchMode.PICK_ON_PLAN

    def set_quantity_grid(self, grid: QWidget) -> None:
        """The sale screen's quantity grid, shown in the plan's place in the "no plan" mode."""
        self.quantity_grid = grid
        self.centre.addWidget(grid)

    def no_plan(self) -> bool:
        return self._mode() is SeatSearchMode.NO_PLAN and self.quantity_grid is not None

    def _mode_changed(self) -> None:
        self.seat_map.clear_proposal()
        grid = self.quantity_grid if self.no_plan() else None
        self.centre.setCurrentWidget(grid or self.seat_map)
        self.search_row.setVisible(grid is None)

    def best_key(self) -> None:
        """F3: the best available seats, editable unless the mode only shows them."""
        if self.no_plan() or (self.page is not None and not self.page.with_plan):
            return
        if self._mode() is SeatSearchMode.PICK_ON_PLAN:
            self.search_mode.setCurrentIndex(
                self.search_mode.findData(SeatSearchMode.AUTO_THEN_EDITABLE)
            )
        self.propose_best()

    def propose_best(self) -> None:
        """Show the best available seats for the quantity asked, as the mode says."""
        if self.plan is None or not self.best_button.isEnabled():
            return
        proposal = propose(self.plan, self.seat_map.status, self.quantity.value())
        if proposal is None:
            self.seat_map.clear_proposal()
            self.message.setText(
                self.tr(
                    "No %1 seats fit together or apart. Try fewer seats or pick on the plan."
                ).replace("%1", str(self.quantity.value()))
            )
            return
        self.message.clear()
        editable = self._mode() is not SeatSearchMode.AUTO_WITH_VIEW
        self.seat_map.show_proposal(list(proposal.seats), editable=editable)
        self.seat_map.setFocus()

    def _seat_name(self, index: int) -> str:
        plan = self.seat_map.plan
        return f"{plan.row_labels[int(plan.row[index])]}-{plan.numbers[index]}"

    def _selection_changed(self) -> None:
        seats = self.seat_map.selected_indices()
        if not seats.size:
            self.selection_text.clear()
            return
        names = [self._seat_name(i) for i in seats[:8].tolist()]
        more = " …" if seats.size > 8 else ""
        self.selection_text.setText(
            self.tr("%1 seat(s): %2")
            .replace("%1", str(seats.size))
            .replace("%2", ", ".join(names) + more)
        )

    def _refused(self, cap: int) -> None:
        self.message.setText(
            self.tr("At most %1 seats per order for this performance.").replace("%1", str(cap))
        )

    def _seat_refused(self, index: int) -> None:
        """Why the seat the cashier clicked cannot be picked."""
        self.message.setText(self.seat_refusal_text(index))

    def seat_refusal_text(self, index: int) -> str:
        seat = self._seat_name(index)
        status = self.seat_map.status
        if self.seat_map.proposal_locked:
            return self.tr(
                "The proposed seats cannot be changed in this mode: choose “Automatic then "
                "editable” or “Pick on plan” to change them."
            )
        if self.page is not None and not self.page.sellable.allowed:
            return self._sale_text(self.page)
        state = State(int(status.state[index]))
        if state is State.HELD and status.held_by_me[index]:
            return self.tr("Seat %1 is already held by this till.").replace("%1", seat)
        if state is State.FREE:
            contingent = int(status.contingent[index])
            contingents = self.seat_map.tables.contingents
            if 0 <= contingent < len(contingents):
                return (
                    self.tr("Seat %1 is kept for the contingent %2: not sellable at this till.")
                    .replace("%1", seat)
                    .replace("%2", contingents[contingent].name)
                )
            return self.tr("Seat %1 is not sellable at this till.").replace("%1", seat)
        return {
            State.HELD: self.tr("Seat %1 is held in another cart."),
            State.BLOCKED: self.tr("Seat %1 is blocked: it is not for sale."),
            State.RESERVED: self.tr("Seat %1 is reserved."),
            State.SOLD: self.tr("Seat %1 is sold."),
            State.INVALID: self.tr("Seat %1 is invalidated: it cannot be sold."),
        }[state].replace("%1", seat)

    def _confirmed(self) -> None:
        count = int(self.seat_map.selected_indices().size)
        if count:
            self.message.setText(self.tr("%1 seat(s) chosen.").replace("%1", str(count)))
            self.seats_chosen.emit(self.seat_map.selected_ids())

    def _sale_text(self, page: PerformancePage) -> str:
        verdict = page.sellable
        if verdict.allowed:
            return self.tr("On sale at this till.")
        when = self._moment(verdict.detail, page)
        if verdict.refusal is Refusal.PERFORMANCE_NOT_ON_SALE:
            return self.tr("Not on sale: the performance is %1.").replace(
                "%1", state_name(page.state)
            )
        if verdict.refusal is Refusal.SALES_NOT_OPEN_YET and when:
            return self.tr("Sales at this till open on %1.").replace("%1", when)
        if verdict.refusal is Refusal.SALES_CLOSED and when:
            return (
                self.tr("Sales at this till closed on %1 (the performance starts %2).")
                .replace("%1", when)
                .replace("%2", formatting.date_time(page.starts_at))
            )
        if verdict.refusal is Refusal.CHANNEL_NOT_OPEN:
            return self.tr(
                "Not on sale at this till: its channel has no sale window for this performance."
            )
        return self.tr("Not on sale at this till.")

    @staticmethod
    def _moment(detail: str, page: PerformancePage) -> str:
        """The verdict's time (an ISO date-time), on the venue's clock; "" if there is none."""
        try:
            moment = datetime.fromisoformat(detail)
        except ValueError:
            return ""
        if moment.tzinfo is None:
            return ""
        return formatting.date_time(moment.astimezone(page.starts_at.tzinfo))

    def _failed(self, error: BaseException) -> None:
        self.message.setText(errors.message_for(error))
