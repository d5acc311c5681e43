"""The till session screen (F10): open a session with a counted float, cash in and out, the X
report, the cashier's blind count, the supervisor's close, the Z report.

The float is counted coin by coin and note by note, one spin box per denomination (Tab walks
them, Enter opens); the total follows as you type, exact to the cent. Once open: cash in and
out with a reason (Alt+I, Alt+O; the drawer opens once it is recorded), the X report for a
supervisor (Alt+X; a cashier never sees what the till expects), the blind count (Alt+B), and
once counted the supervisor's close (Alt+C; a cashier's screen asks for a supervisor's PIN).
Reports show on screen, print on the receipt printer (Alt+P) and save as PDF (Alt+F). Every
figure is the ledger's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLocale, QSize, Qt
from PySide6.QtGui import QFontDatabase, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.services import till_reports as reports
from app.services.changes import Changes
from app.services.devices import DevicesService
from app.services.printing import PrintingServices
from app.services.till import TillServices
from app.services.tills import CashMoved, SessionClosed, SessionOpened, SessionReport
from app.ui import errors, formatting
from app.ui.changes import hub
from app.ui.sale.cart_panel import key_button
from app.ui.tasks import Lane
from app.ui.till.close_panels import (
    BlindCountPanel,
    SupervisorClosePanel,
    supervisors_of,
)
from app.ui.till.count_grid import CountGrid
from domain import ledger
from domain.operators import Operator
from domain.till import (
    BlindCount,
    CashCount,
    SessionState,
    TillSession,
    may_close_session,
    may_open_session,
)

CURRENCY = "EUR"
RECEIPT_LABEL_WIDTH = 22  # the first column of a report on an 80 mm roll (42 characters)


@dataclass(frozen=True)
class _Shown:
    session: TillSession | None
    names: dict[str, str]  # operator id -> name
    supervisors: list[tuple[str, str]]
    other_tenders: tuple[str, ...]
    history: list[TillSession]
    till_name: str


class TillSessionScreen(QWidget):
    def __init__(
        self,
        services: TillServices,
        lane: Lane,
        operator: Operator,
        parent: QWidget | None = None,
        *,
        printing: PrintingServices | None = None,
        devices: DevicesService | None = None,
        timezone: str = "Europe/Paris",
        language: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._lane = lane
        self._operator = operator
        self._printing = printing
        self._devices = devices
        self._timezone = timezone
        # The reports' words: the client's language (chosen at login) unless told.
        self._language = language or QLocale().name()[:2]
        self._names: dict[str, str] = {}
        self._till_name = services.point_of_sale_code
        self._supervisors: list[tuple[str, str]] = []
        self.session: TillSession | None = None
        self.report: SessionReport | None = None
        self.setObjectName("tillSession")
        self.title = QLabel(self.tr("Till session"))
        self.title.setObjectName("screenTitle")
        self.status = QLabel()
        self.status.setObjectName("sessionStatus")
        self.status.setWordWrap(True)

        # Opening: the float.
        self.form = QFrame()
        self.form.setObjectName("floatForm")
        form = QVBoxLayout(self.form)
        self.float_grid = CountGrid(CURRENCY, "count")
        self.counts = self.float_grid.counts
        self.float_grid.changed.connect(self._update_total)
        self.float_grid.entered.connect(self.open_session)
        self.total = QLabel()
        self.total.setObjectName("floatTotal")
        self.open_button = QPushButton(self.tr("&Open the session"))
        self.open_button.setObjectName("openSession")
        self.open_button.setMinimumHeight(44)
        self.open_button.clicked.connect(self.open_session)
        bottom = QHBoxLayout()
        bottom.addWidget(self.total, 1)
        bottom.addWidget(self.open_button)
        form.addWidget(self.float_grid)
        form.addLayout(bottom)
        QWidget.setTabOrder(self.float_grid.order[-1], self.open_button)

        # The open session's actions.
        self.action_bar = QFrame()
        self.action_bar.setObjectName("sessionActions")
        actions = QHBoxLayout(self.action_bar)
        self.cash_in_button = key_button(self.tr("Cash &in"), "cashIn")
        self.cash_out_button = key_button(self.tr("Cash &out"), "cashOut")
        self.x_button = key_button(self.tr("&X report"), "xReport")
        self.count_button = key_button(self.tr("&Blind count"), "blindCount")
        self.close_button = key_button(self.tr("Supervisor &close"), "supervisorClose")
        for button in (self.cash_in_button, self.cash_out_button, self.x_button,
                       self.count_button, self.close_button):  # fmt: skip
            actions.addWidget(button)
        actions.addStretch(1)
        self.cash_in_button.clicked.connect(lambda: self.start_movement(ledger.CASH_IN))
        self.cash_out_button.clicked.connect(lambda: self.start_movement(ledger.CASH_OUT))
        self.x_button.clicked.connect(self.show_x_report)
        self.count_button.clicked.connect(self.start_count)
        self.close_button.clicked.connect(self.start_close)

        # Cash in / out.
        self.movement = QFrame()
        self.movement.setObjectName("cashMovement")
        movement = QHBoxLayout(self.movement)
        self.movement_kind = ledger.CASH_IN
        self.movement_title = QLabel()
        self.amount_field = QLineEdit()
        self.amount_field.setObjectName("movementAmount")
        self.amount_field.setMinimumHeight(44)
        self.amount_field.setPlaceholderText("0.00")
        self.amount_field.setAccessibleName(self.tr("Amount"))
        self.reason_field = QLineEdit()
        self.reason_field.setObjectName("movementReason")
        self.reason_field.setMinimumHeight(44)
        self.reason_field.setPlaceholderText(self.tr("Reason"))
        self.reason_field.setAccessibleName(self.tr("Reason"))
        self.record_button = key_button(self.tr("&Record"), "recordMovement")
        cancel_movement = key_button(self.tr("Cancel (Esc)"), "cancelMovement")
        for widget in (self.movement_title, self.amount_field, self.reason_field,
                       self.record_button, cancel_movement):  # fmt: skip
            movement.addWidget(widget)
        self.amount_field.returnPressed.connect(self.reason_field.setFocus)
        self.reason_field.returnPressed.connect(self.record_movement)
        self.record_button.clicked.connect(self.record_movement)
        cancel_movement.clicked.connect(self.back)

        # The close.
        self.blind = BlindCountPanel(services, lane, operator, devices, CURRENCY)
        self.blind.counted.connect(self._counted)
        self.blind.cancelled.connect(self.back)
        self.closing = SupervisorClosePanel(services, lane, operator)
        self.closing.closed.connect(self._closed)
        self.closing.recount.connect(self.start_count)
        self.closing.cancelled.connect(self.back)

        # Reports and the sessions before.
        self.report_frame = QFrame()
        self.report_frame.setObjectName("reportFrame")
        report = QVBoxLayout(self.report_frame)
        self.report_view = QPlainTextEdit()
        self.report_view.setObjectName("reportView")
        self.report_view.setReadOnly(True)
        self.report_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.report_view.setAccessibleName(self.tr("Report"))
        self.print_button = key_button(self.tr("&Print on the receipt printer"), "printReport")
        self.print_button.setEnabled(printing is not None)
        self.pdf_button = key_button(self.tr("Save as PD&F…"), "saveReportPdf")
        self.print_button.clicked.connect(self.print_report)
        self.pdf_button.clicked.connect(self.save_pdf)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.print_button)
        row.addWidget(self.pdf_button)
        report.addWidget(self.report_view, 1)
        report.addLayout(row)
        self.history = QListWidget()
        self.history.setObjectName("sessionHistory")
        self.history.setAccessibleName(self.tr("Closed sessions: Enter shows the Z report"))
        self.history.setMaximumHeight(120)
        self.history.itemActivated.connect(self._history_chosen)

        self.message = QLabel()
        self.message.setObjectName("sessionMessage")
        self.message.setWordWrap(True)
        # The blind count's grid is tall: the screen scrolls rather than outgrow 1366×768.
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        for part in (self.form, self.action_bar, self.movement, self.blind, self.closing,
                     self.report_frame):  # fmt: skip
            layout.addWidget(part)
            part.setVisible(False)
        layout.addWidget(self.message)
        self.history_label = QLabel(self.tr("Closed sessions (Enter: Z report)"))
        self.history_label.setBuddy(self.history)
        layout.addWidget(self.history_label)
        layout.addWidget(self.history)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.back)
        self._update_total()
        hub().changed.connect(self._on_changes)

    # --- reading ------------------------------------------------------------------------

    def counted(self) -> CashCount:
        return self.float_grid.counted()

    def _update_total(self) -> None:
        total = formatting.money(self.counted().total())
        self.total.setText(self.tr("Float: %1").replace("%1", total))

    def _on_changes(self, changes: Changes) -> None:
        if changes.till_session:
            self.load()

    def load(self) -> None:
        services = self._services

        def read() -> _Shown:
            cards = services.operators()
            closed = [s for s in services.sessions(10) if s.state is SessionState.CLOSED]
            till = services.till()
            return _Shown(
                services.current_session(),
                {c.id: c.name for c in cards},
                supervisors_of(cards),
                till.channel.other_tenders,
                closed,
                till.point_of_sale_name,
            )

        self._lane.submit(read, self._show, self._failed, owner=self)

    def _show(self, shown: _Shown) -> None:
        session = self.session = shown.session
        self._names = shown.names
        self._till_name = shown.till_name
        self._supervisors = shown.supervisors
        self.blind.set_tenders(shown.other_tenders)
        self._fill_history(shown.history)
        # A refresh while the cashier types an amount or a count, or the supervisor a reason,
        # leaves that panel as it is: only the status line follows.
        busy = session is not None and any(
            p.isVisible() for p in (self.movement, self.blind, self.closing)
        )
        if not busy:
            for part in (self.form, self.action_bar, self.movement, self.blind, self.closing):
                part.setVisible(False)
        if session is None:
            if may_open_session(self._operator):
                self.status.setText(
                    self.tr("No session is open: count the float, then open the session.")
                )
                self.form.setVisible(True)
                self.float_grid.start()
            else:
                self.status.setText(
                    self.tr("No session is open on this till: a supervisor must open one.")
                )
            return
        opened_at = session.opened_at.astimezone()
        name = shown.names.get(session.opened_by, session.opened_by)
        text = (
            self.tr("Session open since %1, opened by %2, with a float of %3.")
            .replace("%1", formatting.short_date_time(opened_at))
            .replace("%2", name)
            .replace("%3", formatting.money(session.float_count.total()))
        )
        counted = session.state is SessionState.COUNTED
        if counted:
            text += " " + self.tr(
                "The count is in: nothing more is sold in this session until a supervisor "
                "closes it (or a recount)."
            )
        self.status.setText(text)
        supervisor = may_close_session(self._operator)
        self.action_bar.setVisible(not busy)
        self.cash_in_button.setVisible(not counted)
        self.cash_out_button.setVisible(not counted)
        self.x_button.setVisible(supervisor)  # the cashier counts blind
        self.count_button.setText(self.tr("&Recount") if counted else self.tr("&Blind count"))
        self.close_button.setVisible(counted)

    def _fill_history(self, closed: list[TillSession]) -> None:
        self.history.clear()
        for session in closed:
            assert session.closed_at is not None
            item = QListWidgetItem(
                self.tr("Session of %1, closed %2")
                .replace("%1", formatting.short_date_time(session.opened_at.astimezone()))
                .replace("%2", formatting.short_date_time(session.closed_at.astimezone()))
            )
            item.setData(Qt.ItemDataRole.UserRole, session.id)
            item.setSizeHint(QSize(0, 44))
            self.history.addItem(item)
        visible = bool(closed) and may_close_session(self._operator)
        self.history.setVisible(visible)
        self.history_label.setVisible(visible)

    def back(self) -> None:
        """Esc: leave the form or panel open now, nothing recorded."""
        if self.movement.isVisible() or self.blind.isVisible() or self.closing.isVisible():
            self.movement.setVisible(False)
            self.blind.setVisible(False)
            self.closing.setVisible(False)
            self.action_bar.setVisible(self.session is not None)
            self.message.clear()

    # --- opening ------------------------------------------------------------------------

    def open_session(self) -> None:
        if not self.form.isVisible() or not self.open_button.isEnabled():
            return
        counts = self.counted()
        self.open_button.setEnabled(False)
        self.message.setText(self.tr("Opening…"))
        self._lane.submit(
            lambda: self._services.open_session(self._operator, counts),
            self._opened,
            self._refused,
            owner=self,
        )

    def _opened(self, opened: SessionOpened) -> None:
        self.open_button.setEnabled(True)
        self.float_grid.clear()
        self.message.setText(
            self.tr("Session opened with a float of %1.").replace(
                "%1", formatting.money(opened.session.float_count.total())
            )
        )
        self.load()

    def _refused(self, error: BaseException) -> None:
        self.open_button.setEnabled(True)
        self.message.setText(errors.message_for(error))
        self.load()  # what the till has now: maybe a session someone else opened

    def _failed(self, error: BaseException) -> None:
        self.message.setText(errors.message_for(error))

    # --- cash in and out -----------------------------------------------------------------

    def start_movement(self, kind: str) -> None:
        self.back()
        self.movement_kind = kind
        self.movement_title.setText(
            self.tr("Cash into the drawer:") if kind == ledger.CASH_IN
            else self.tr("Cash out of the drawer:")
        )  # fmt: skip
        self.amount_field.clear()
        self.reason_field.clear()
        self.message.clear()
        self.action_bar.setVisible(False)
        self.movement.setVisible(True)
        self.amount_field.setFocus()

    def record_movement(self) -> None:
        if not self.movement.isVisible() or not self.record_button.isEnabled():
            return
        amount = formatting.parse_amount(self.amount_field.text(), CURRENCY)
        if amount is None or amount.minor <= 0:
            self.message.setText(
                self.tr("“%1” is not an amount: type it like 20 or 20.50.").replace(
                    "%1", self.amount_field.text()
                )
            )
            self.amount_field.setFocus()
            return
        if not self.reason_field.text().strip():
            self.message.setText(self.tr("Say why the cash moves: a reason is needed."))
            self.reason_field.setFocus()
            return
        kind, reason = self.movement_kind, self.reason_field.text()
        self.record_button.setEnabled(False)
        self._lane.submit(
            lambda: self._services.move_cash(self._operator, kind, amount, reason),
            self._moved,
            self._movement_refused,
            owner=self,
        )

    def _moved(self, moved: CashMoved) -> None:
        self.record_button.setEnabled(True)
        if self._devices is not None:  # its journal entry is the opening's reason: no "no sale"
            self._devices.open_drawer_for_sale()
        self.movement.setVisible(False)
        self.action_bar.setVisible(True)
        template = (
            self.tr("Cash in of %1 recorded (%2).") if moved.kind == ledger.CASH_IN
            else self.tr("Cash out of %1 recorded (%2).")
        )  # fmt: skip
        self.message.setText(
            template.replace("%1", formatting.money(moved.amount)).replace("%2", moved.reason)
        )

    def _movement_refused(self, error: BaseException) -> None:
        self.record_button.setEnabled(True)
        self.message.setText(errors.message_for(error))

    # --- the close ------------------------------------------------------------------------

    def start_count(self) -> None:
        if self.session is None:
            return
        self.back()
        self.action_bar.setVisible(False)
        self.report_frame.setVisible(False)  # counted blind: no figures on screen
        self.blind.setVisible(True)
        self.blind.start()

    def _counted(self, count: BlindCount) -> None:
        self.blind.setVisible(False)
        hub().publish(Changes(till_session=True))  # counted: the status bar says so
        self.message.setText(
            self.tr("Count no. %1 recorded: %2 in cash. A supervisor closes the session.")
            .replace("%1", str(count.number))
            .replace("%2", formatting.money(count.cash.total()))
        )  # the screen reloads with the change published above

    def start_close(self) -> None:
        if self.session is None:
            return
        self.back()
        self.action_bar.setVisible(False)
        self.closing.setVisible(True)
        self.closing.start(self._supervisors)

    def _closed(self, closed: SessionClosed) -> None:
        self.closing.setVisible(False)
        self.message.setText(self.tr("The session is sealed. Its Z report:"))
        self._lane.submit(
            lambda: self._services.z_report(closed.session.id), self._show_report, self._failed,
            owner=self,
        )  # fmt: skip

    # --- reports -----------------------------------------------------------------------------

    def show_x_report(self) -> None:
        if not may_close_session(self._operator):
            return
        self._lane.submit(self._services.x_report, self._show_report, self._failed, owner=self)

    def _history_chosen(self, item: QListWidgetItem) -> None:
        session_id = item.data(Qt.ItemDataRole.UserRole)
        self._lane.submit(
            lambda: self._services.z_report(session_id), self._show_report, self._failed,
            owner=self,
        )  # fmt: skip

    def _show_report(self, report: SessionReport) -> None:
        self.report = report
        page = reports.report_page(
            report, self._till_name, self._timezone, self._language, self._names
        )
        self.report_view.setPlainText(reports.report_text(page))
        self.report_frame.setVisible(True)
        self.report_view.setFocus()

    def print_report(self) -> None:
        printing, report = self._printing, self.report
        if printing is None or report is None:
            return
        page = reports.report_page(
            report, self._till_name, self._timezone, self._language,
            self._names, RECEIPT_LABEL_WIDTH,
        )  # fmt: skip
        self._lane.submit(
            lambda: printing.print_report(page),
            lambda _job: self.message.setText(self.tr("The report is printing.")),
            self._failed,
            owner=self,
        )

    def save_pdf(self) -> None:
        report = self.report
        if report is None:
            return
        kind = "Z" if report.is_z else "X"
        suggested = f"{kind}-{report.session.till}-{report.at.strftime('%Y%m%d-%H%M')}.pdf"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report as PDF"), suggested, self.tr("PDF (*.pdf)")
        )
        if chosen:
            self.write_pdf(Path(chosen))

    def write_pdf(self, path: Path) -> None:
        report = self.report
        assert report is not None
        till, timezone, language, names = (
            self._till_name, self._timezone, self._language, self._names
        )  # fmt: skip

        def write() -> Path:
            path.write_bytes(reports.report_pdf(report, till, timezone, language, names))
            return path

        self._lane.submit(
            write,
            lambda done: self.message.setText(self.tr("Saved %1.").replace("%1", str(done))),
            self._failed,
            owner=self,
        )
