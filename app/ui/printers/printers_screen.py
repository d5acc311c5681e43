"""Technician's printers screen: each printer with its purpose, driver, address and code page,
its live status, a test print, the last jobs with their state (and the decision a failed or
unknown job waits for), the hex log of the wire, and the virtual printer: the pictures the
simulated printers printed.

Thin: database work goes to the lane, printer work to the printers' own threads; results come
back by queued signals. Nothing here talks to a device or to SQLite directly.
"""

from __future__ import annotations

import contextlib
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.printing import (
    JobCard,
    NoDecisionNeeded,
    PrinterCard,
    PrintingServices,
    UnknownPrinter,
    VirtualPage,
)
from app.ui import errors, formatting
from app.ui.tasks import Lane, gui_listener
from drivers.base import ListenerGone
from drivers.printers.status import PrinterStatus

REFRESH_MS = 1000


class PrintersScreen(QWidget):
    def __init__(
        self,
        printing: PrintingServices,
        lane: Lane,
        parent: QWidget | None = None,
        operator_name: str = "technician",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printers")
        self._printing = printing
        self._lane = lane
        self._operator = operator_name
        self._jobs: list[JobCard] = []
        self._pages: list[VirtualPage] = []
        self._status_arrived = gui_listener(self, self._status_done)  # from a printer thread
        # Dropped by the printing service once this screen is gone (the till locked).
        printing.add_job_listener(gui_listener(self, lambda _job: self.load_jobs()))

        self.printer_table = QTableWidget(0, 8)
        self.printer_table.setObjectName("printerTable")
        self.printer_table.setAccessibleName(self.tr("Printers"))
        self.printer_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.printer_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.printer_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.printer_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.test_button = QPushButton(self.tr("&Test print"))
        self.test_button.setObjectName("testPrint")
        self.status_button = QPushButton(self.tr("Check &status"))
        self.status_button.setObjectName("checkStatus")
        self.message = QLabel()
        self.message.setObjectName("printerMessage")
        self.message.setWordWrap(True)

        self.job_table = QTableWidget(0, 5)
        self.job_table.setObjectName("jobTable")
        self.job_table.setAccessibleName(self.tr("Last print jobs"))
        self.job_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.job_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.job_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.job_table.horizontalHeader().setStretchLastSection(True)
        self.job_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.reprint_button = QPushButton(self.tr("&Reprint"))
        self.reprint_button.setObjectName("reprintJob")
        self.dismiss_button = QPushButton(self.tr("&Dismiss"))
        self.dismiss_button.setObjectName("dismissJob")
        self.printed_button = QPushButton(self.tr("It &did print"))
        self.printed_button.setObjectName("confirmPrinted")

        self.wire = QPlainTextEdit()
        self.wire.setObjectName("wireLog")
        self.wire.setReadOnly(True)
        self.wire.setAccessibleName(self.tr("Bytes on the wire"))
        self.wire.setMaximumBlockCount(2000)

        self.page_list = QListWidget()
        self.page_list.setObjectName("virtualPages")
        self.page_list.setAccessibleName(self.tr("Printed pages"))
        self.page_list.setMaximumWidth(220)
        self.page_view = QLabel()
        self.page_view.setObjectName("virtualPage")
        self.page_view.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.page_view)
        scroll.setWidgetResizable(True)

        for button in (
            self.test_button,
            self.status_button,
            self.reprint_button,
            self.dismiss_button,
            self.printed_button,
        ):
            button.setMinimumHeight(44)

        printer_buttons = QHBoxLayout()
        printer_buttons.addWidget(self.test_button)
        printer_buttons.addWidget(self.status_button)
        printer_buttons.addWidget(self.message, 1)
        job_buttons = QHBoxLayout()
        job_buttons.addWidget(self.reprint_button)
        job_buttons.addWidget(self.dismiss_button)
        job_buttons.addWidget(self.printed_button)
        job_buttons.addStretch(1)
        jobs = QWidget()
        jobs_layout = QVBoxLayout(jobs)
        jobs_layout.addWidget(self.job_table, 1)
        jobs_layout.addLayout(job_buttons)
        virtual = QWidget()
        virtual_layout = QHBoxLayout(virtual)
        virtual_layout.addWidget(self.page_list)
        virtual_layout.addWidget(scroll, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(jobs, self.tr("Last jobs"))
        self.tabs.addTab(self.wire, self.tr("Wire (hex)"))
        self.tabs.addTab(virtual, self.tr("Virtual printer"))
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.printer_table, 1)
        top_layout.addLayout(printer_buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.test_button.clicked.connect(self.test_print)
        self.status_button.clicked.connect(self.check_status)
        self.reprint_button.clicked.connect(self.reprint)
        self.dismiss_button.clicked.connect(self.dismiss)
        self.printed_button.clicked.connect(self.confirm_printed)
        self.page_list.currentRowChanged.connect(self._show_page)
        self.printer_table.itemSelectionChanged.connect(self._show_wire)
        self.job_table.itemSelectionChanged.connect(self._enable_decisions)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._retranslate_headers()
        self._enable_decisions()

    # --- loading ---------------------------------------------------------------------------

    def load(self) -> None:
        self.refresh()
        self.load_jobs()
        self._timer.start()

    def hideEvent(self, event: Any) -> None:
        self._timer.stop()
        super().hideEvent(event)

    def refresh(self) -> None:
        """Printers, wire log and virtual pages: in-memory state, no I/O on this thread."""
        self._show_printers(self._printing.printers())
        self._show_wire()
        self._show_pages(self._printing.virtual_pages())

    def load_jobs(self) -> None:
        self._lane.submit(self._printing.recent_jobs, self._show_jobs, self._failed, owner=self)

    def _retranslate_headers(self) -> None:
        self.printer_table.setHorizontalHeaderLabels([
            self.tr("Printer"), self.tr("Prints"), self.tr("Driver"), self.tr("Model"),
            self.tr("Address"), self.tr("Code page"), self.tr("State"), self.tr("Status"),
        ])  # fmt: skip
        self.job_table.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("Printer"), self.tr("Document"), self.tr("State"),
            self.tr("Detail"),
        ])  # fmt: skip

    def _purpose(self, purpose: str) -> str:
        return {
            "tickets": self.tr("tickets"),
            "receipts": self.tr("receipts"),
            "reports": self.tr("reports"),
        }.get(purpose, purpose)

    def _state(self, state: str) -> str:
        return {
            "closed": self.tr("not connected"),
            "idle": self.tr("ready"),
            "busy": self.tr("printing"),
            "error": self.tr("needs attention"),
            "broken": self.tr("cannot start"),
            "queued": self.tr("queued"),
            "sent": self.tr("sent"),
            "confirmed": self.tr("printed"),
            "failed": self.tr("not printed"),
            "unknown": self.tr("unknown: check the printer"),
        }.get(state, state)

    def _show_printers(self, cards: list[PrinterCard]) -> None:
        selected = self.selected_printer()
        self.printer_table.setRowCount(len(cards))
        for row, card in enumerate(cards):
            status = card.problem or card.status
            values = [
                card.name,
                ", ".join(self._purpose(p) for p in card.purposes),
                card.driver + (" " + self.tr("(simulated)") if card.simulated else ""),
                card.model,
                card.address,
                card.code_page,
                self._state(card.state),
                status,
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, card.name)
                self.printer_table.setItem(row, column, item)
            if card.name == selected:
                self.printer_table.selectRow(row)
        if selected is None and cards:
            self.printer_table.selectRow(0)

    def selected_printer(self) -> str | None:
        rows = self.printer_table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.printer_table.item(rows[0].row(), 0)
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _show_wire(self) -> None:
        name = self.selected_printer()
        if name is None:
            self.wire.clear()
            return
        try:
            records = self._printing.wire_log(name)
        except LookupError:
            self.wire.clear()
            return
        lines = []
        for record in records[-300:]:
            arrow = ">>" if record.direction == "out" else "<<"
            data = record.data[:96]
            more = f" … (+{len(record.data) - 96})" if len(record.data) > 96 else ""
            lines.append(f"{formatting.time_of_day(record.at)} {arrow} {data.hex(' ')}{more}")
        text = "\n".join(lines)
        if text != self.wire.toPlainText():
            self.wire.setPlainText(text)
            self.wire.verticalScrollBar().setValue(self.wire.verticalScrollBar().maximum())

    def _show_pages(self, pages: list[VirtualPage]) -> None:
        if [p.path for p in pages] == [p.path for p in self._pages]:
            return
        self._pages = pages
        self.page_list.clear()
        for page in pages:
            item = QListWidgetItem(
                self.tr("%1, page %2").replace("%1", page.printer).replace("%2", str(page.number))
            )
            self.page_list.addItem(item)
        if pages:
            self.page_list.setCurrentRow(len(pages) - 1)

    def _show_page(self, row: int) -> None:
        if 0 <= row < len(self._pages):
            self.page_view.setPixmap(QPixmap(str(self._pages[row].path)))
        else:
            self.page_view.clear()

    def _show_jobs(self, jobs: list[JobCard]) -> None:
        selected = self.selected_job()
        self._jobs = jobs
        self.job_table.setRowCount(len(jobs))
        for row, job in enumerate(jobs):
            state = self._state(job.state)
            if job.resolution == "reprinted":
                state += " · " + self.tr("reprinted")
            elif job.resolution == "dismissed":
                state += " · " + self.tr("dismissed")
            elif job.resolution == "printed":
                state += " · " + self.tr("seen printed")
            elif job.awaiting_decision:
                state += " · " + self.tr("decide: reprint or dismiss")
            values = [
                formatting.short_date_time(job.created_at),
                job.printer,
                job.label,
                state,
                job.detail,
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, job.id)
                self.job_table.setItem(row, column, item)
            if job.id == selected:
                self.job_table.selectRow(row)
        self._enable_decisions()

    def selected_job(self) -> str | None:
        rows = self.job_table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.job_table.item(rows[0].row(), 0)
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _selected_job_card(self) -> JobCard | None:
        job_id = self.selected_job()
        return next((j for j in self._jobs if j.id == job_id), None)

    def _enable_decisions(self) -> None:
        job = self._selected_job_card()
        waiting = job is not None and job.awaiting_decision
        self.reprint_button.setEnabled(waiting)
        self.dismiss_button.setEnabled(waiting)
        self.printed_button.setEnabled(waiting and job is not None and job.state == "unknown")

    # --- actions -----------------------------------------------------------------------------

    def test_print(self) -> None:
        name = self.selected_printer()
        if name is None:
            self.message.setText(self.tr("Choose a printer first."))
            return
        self.message.setText(self.tr("Test page sent to %1…").replace("%1", name))
        self._lane.submit(
            lambda: self._printing.test_print(name),
            lambda _id: self.load_jobs(),
            self._failed,
            owner=self,
        )

    def check_status(self) -> None:
        name = self.selected_printer()
        if name is None:
            self.message.setText(self.tr("Choose a printer first."))
            return
        self.message.setText(self.tr("Asking %1…").replace("%1", name))
        try:
            future = self._printing.check_status(name)
        except LookupError as error:
            self.message.setText(str(error))
            return

        def done(result: Future[PrinterStatus]) -> None:
            error = result.exception()
            with contextlib.suppress(ListenerGone):  # the screen was closed meanwhile
                self._status_arrived(name, error if error is not None else result.result())

        future.add_done_callback(done)

    def _status_done(self, name: str, result: object) -> None:
        if isinstance(result, PrinterStatus):
            self.message.setText(
                self.tr("%1: %2").replace("%1", name).replace("%2", self._status_text(result))
            )
        elif isinstance(result, BaseException):
            self.message.setText(self.message_for(result))
        self.refresh()

    def _status_text(self, status: PrinterStatus) -> str:
        if status.ready and not (status.paper_near_end or status.ribbon_low):
            return self.tr("ready")
        flags = (
            (status.garbled, self.tr("garbled: the printer keeps sending (check the cable)")),
            (not status.answered, self.tr("no answer (busy or in error)")),
            (status.cover_open, self.tr("cover open")),
            (status.paper_out, self.tr("paper out")),
            (status.ribbon_out, self.tr("ribbon out")),
            (status.jam, self.tr("paper jam")),
            (status.cutter_error, self.tr("cutter error")),
            (status.unrecoverable, self.tr("hardware fault: switch it off and on")),
            (bool(status.fault), self.tr("fault: %1").replace("%1", status.fault)),
            (status.busy, self.tr("busy")),
        )
        parts = [text for on, text in flags if on]
        if not status.online and not parts:
            parts.append(self.tr("offline"))
        if status.paper_near_end:
            parts.append(self.tr("paper near end"))
        if status.ribbon_low:
            parts.append(self.tr("ribbon low"))
        return ", ".join(parts)

    def _decide(self, action: Any) -> None:
        job_id = self.selected_job()
        if job_id is None:
            return
        self._lane.submit(
            lambda: action(job_id, self._operator),
            lambda _r: self.load_jobs(),
            self._failed,
            owner=self,
        )

    def reprint(self) -> None:
        self._decide(self._printing.reprint)

    def dismiss(self) -> None:
        self._decide(self._printing.dismiss)

    def confirm_printed(self) -> None:
        self._decide(self._printing.confirm_printed)

    def message_for(self, error: BaseException) -> str:
        """Printing's errors in words for the technician; others go to the one policy."""
        if isinstance(error, UnknownPrinter | NoDecisionNeeded):
            return str(error)
        return errors.message_for(error)

    def _failed(self, error: BaseException) -> None:
        self.message.setText(self.message_for(error))
