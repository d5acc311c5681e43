"""The technician's devices console: every configured device with its state, a test action for
each, the hex log of the wire, and the card payments that wait for a decision.

Each device's work runs on a lane of its own (and, below it, on the device's worker thread), so
a slow terminal never blocks the drawer or the screen. Status events of the station arrive by a
queued signal. An unknown card payment is shown with what to do; closing it needs the
terminal's receipt reference and a supervisor (the service refuses anyone else). The list of
those payments follows the service's payment notifications, so a payment that became unknown
shows at once, whoever started it. The screen only listens: when it is closed (the till locked)
its listeners are dropped and the devices carry on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.devices import DevicesService, DrawerCheck
from app.services.payments import CardPayment, PaymentState
from app.ui import errors, formatting
from app.ui.tasks import Lane, gui_listener
from domain.errors import DomainError
from domain.money import Money
from domain.operators import Operator
from drivers.base import DeviceState, Role, StatusEvent
from drivers.errors import DeviceError
from drivers.payment import EndOfDayResult, PaymentOutcome, PaymentResult, TerminalStatus
from drivers.station import DeviceStatus


class DevicesScreen(QWidget):
    def __init__(
        self,
        services: DevicesService,
        operator: Operator | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("devices")
        self._services = services
        self._operator = operator
        self._lanes: dict[str, Lane] = {}
        self._records_shown = 0
        self._statuses: list[DeviceStatus] = []

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("deviceTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Devices"))

        self.amount = QLineEdit("1.00")
        self.amount.setObjectName("testAmount")
        self.line1 = QLineEdit(self.tr("Welcome"))
        self.line1.setObjectName("displayLine1")
        self.line2 = QLineEdit()
        self.line2.setObjectName("displayLine2")
        self.buttons: dict[str, QPushButton] = {}
        actions = [
            ("payment", self.tr("Test &payment")),
            ("refund", self.tr("Test &refund")),
            ("end_of_day", self.tr("&End of day")),
            ("terminal_status", self.tr("Terminal &status")),
            ("abort", self.tr("&Abort")),
            ("kick", self.tr("&Kick drawer")),
            ("sensor", self.tr("Read drawer se&nsor")),
            ("display", self.tr("Show on &display")),
            ("scan", self.tr("Sc&an test")),
        ]
        action_box = QGroupBox(self.tr("Test actions"))
        action_layout = QFormLayout(action_box)
        action_layout.addRow(self.tr("Amount"), self.amount)
        action_layout.addRow(self.tr("Display line 1"), self.line1)
        action_layout.addRow(self.tr("Display line 2"), self.line2)
        row = QHBoxLayout()
        grid = QVBoxLayout()
        for key, text in actions:
            button = QPushButton(text)
            button.setObjectName(f"action_{key}")
            button.setMinimumHeight(44)
            button.clicked.connect(lambda _=False, k=key: self.run_action(k))
            self.buttons[key] = button
            row.addWidget(button)
            if row.count() == 2:  # three long German labels a row widened the window past 1,366 px
                grid.addLayout(row)
                row = QHBoxLayout()
        grid.addLayout(row)
        action_layout.addRow(grid)

        self.result = QPlainTextEdit()
        self.result.setObjectName("actionResult")
        self.result.setReadOnly(True)
        self.result.setAccessibleName(self.tr("Result"))
        self.wire = QPlainTextEdit()
        self.wire.setObjectName("wireLog")
        self.wire.setReadOnly(True)
        self.wire.setAccessibleName(self.tr("Wire log"))
        self.wire.setMaximumBlockCount(2000)

        self.payments = QTableWidget(0, 4)
        self.payments.setObjectName("openPayments")
        self.payments.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # One payment at a time; and a reselection after a reload never reads the keyboard (in
        # the default multi-selection a held Ctrl made selectRow toggle the chosen payment off).
        self.payments.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.payments.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.payments.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.payments_hint = QLabel()
        self.payments_hint.setWordWrap(True)
        self.reconcile_button = QPushButton(self.tr("Check with the &terminal"))
        self.reconcile_button.setObjectName("reconcile")
        self.reference = QLineEdit()
        self.reference.setObjectName("receiptReference")
        self.reference.setPlaceholderText(self.tr("Reference on the terminal's receipt"))
        self.charged = QCheckBox(self.tr("The terminal's journal shows the customer was charged"))
        self.charged.setObjectName("charged")
        self.close_button = QPushButton(self.tr("&Close this payment (supervisor)"))
        self.close_button.setObjectName("closePayment")
        for button in (self.reconcile_button, self.close_button):
            button.setMinimumHeight(44)
        payment_box = QGroupBox(self.tr("Card payments waiting for a decision"))
        payment_layout = QVBoxLayout(payment_box)
        payment_layout.addWidget(self.payments)
        payment_layout.addWidget(self.payments_hint)
        self.reference.setMinimumWidth(220)  # beside the long check box it shrank to 30 px
        close_row = QHBoxLayout()
        close_row.addWidget(self.reference, 1)
        close_row.addWidget(self.close_button)
        payment_layout.addWidget(self.reconcile_button)
        payment_layout.addWidget(self.charged)
        payment_layout.addLayout(close_row)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(payment_box, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(action_box)
        right_layout.addWidget(QLabel(self.tr("Result")))
        right_layout.addWidget(self.result, 1)
        right_layout.addWidget(QLabel(self.tr("Wire log (hex)")))
        right_layout.addWidget(self.wire, 2)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        services.station.add_listener(gui_listener(self, self._on_event))
        services.add_payment_listener(gui_listener(self, self._load_payments))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.reconcile_button.clicked.connect(self.reconcile)
        self.close_button.clicked.connect(self.close_payment)
        self._timer = QTimer(self)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self._refresh_wire)
        self._timer.start()
        self._selection_changed()

    # --- lanes and loading --------------------------------------------------------------

    def _lane(self, name: str) -> Lane:
        lane = self._lanes.get(name)
        if lane is None:
            lane = Lane(f"devices-{name}", self)
            self._lanes[name] = lane
        return lane

    def load(self) -> None:
        self._show_devices(self._services.devices())
        self._load_payments()

    def _load_payments(self) -> None:
        self._lane("payments").submit(
            self._services.open_payments, self._show_payments, self._failed, owner=self
        )

    def _show_devices(self, statuses: list[DeviceStatus]) -> None:
        selected = self.selected()
        self._statuses = statuses
        self.table.setHorizontalHeaderLabels(
            [self.tr("Device"), self.tr("Role"), self.tr("State"), self.tr("Detail")]
        )
        self.table.setRowCount(len(statuses))
        for row, status in enumerate(statuses):
            values = [
                status.name,
                self._role_text(status.role),
                self._state_text(status.state),
                status.error or status.detail,
            ]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
            if status.name == selected:
                self.table.selectRow(row)
        if selected is None and statuses:
            self.table.selectRow(0)

    def _role_text(self, role: Role) -> str:
        return {
            Role.PAYMENT_TERMINAL: self.tr("Card terminal"),
            Role.CASH_DRAWER: self.tr("Cash drawer"),
            Role.LINE_DISPLAY: self.tr("Customer display"),
            Role.SCANNER: self.tr("Scanner"),
            Role.RECEIPT_PRINTER: self.tr("Receipt printer"),
            Role.TICKET_PRINTER: self.tr("Ticket printer"),
        }[role]

    def _state_text(self, state: DeviceState) -> str:
        return {
            DeviceState.CLOSED: self.tr("closed"),
            DeviceState.IDLE: self.tr("ready"),
            DeviceState.BUSY: self.tr("busy"),
            DeviceState.ERROR: self.tr("error"),
        }[state]

    def selected(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return item.text() if item is not None else None

    def select(self, name: str) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.text() == name:
                self.table.selectRow(row)

    def _selection_changed(self) -> None:
        name = self.selected()
        role = next((s.role for s in self._statuses if s.name == name), None)
        per_role = {
            Role.PAYMENT_TERMINAL: {"payment", "refund", "end_of_day", "terminal_status", "abort"},
            Role.CASH_DRAWER: {"kick", "sensor"},
            Role.LINE_DISPLAY: {"display"},
            Role.SCANNER: {"scan"},
        }
        allowed = per_role.get(role, set()) if role is not None else set()
        for key, button in self.buttons.items():
            button.setEnabled(key in allowed)
        self._records_shown = 0
        self.wire.clear()
        self._refresh_wire()

    def _on_event(self, event: StatusEvent) -> None:
        self._show_devices(self._services.devices())
        if event.detail and event.device == self.selected():
            self.result.appendPlainText(formatting.device_text(event.detail))

    def _refresh_wire(self) -> None:
        name = self.selected()
        if name is None:
            return
        records = self._services.wire(name)
        if len(records) < self._records_shown:
            self._records_shown = 0
            self.wire.clear()
        for record in records[self._records_shown :]:
            arrow = "→" if record.direction == "out" else "←"
            stamp = record.at.strftime("%H:%M:%S.%f")[:-3]
            self.wire.appendPlainText(f"{stamp} {arrow} {record.hex()}")
        self._records_shown = len(records)

    # --- actions ------------------------------------------------------------------------

    def _amount(self) -> Money | None:
        try:
            return Money.of(self.amount.text().strip().replace(",", "."), "EUR")
        except DomainError:
            self.result.setPlainText(self.tr("Enter an amount such as 12.50."))
            return None

    def run_action(self, key: str) -> None:
        name = self.selected()
        if name is None:
            return
        services = self._services
        job: Callable[[], Any]
        done: Callable[[Any], None]
        if key == "abort":
            services.abort_payment(name)  # must not wait behind the running payment
            self.result.appendPlainText(self.tr("Abort sent to the terminal."))
            return
        if key in ("payment", "refund"):
            amount = self._amount()
            if amount is None:
                return
            run = services.test_payment if key == "payment" else services.test_refund
            job = lambda: run(name, amount)  # noqa: E731
            done = self._card_done
        elif key == "end_of_day":
            job, done = (lambda: services.end_of_day(name)), self._end_of_day_done
        elif key == "terminal_status":
            job, done = (lambda: services.terminal_status(name)), self._status_done
        elif key == "kick":
            by = "" if self._operator is None else self._operator.id
            job, done = (lambda: services.kick_drawer(name, by)), self._drawer_done
        elif key == "sensor":
            job, done = (lambda: services.drawer_sensor(name)), self._sensor_done
        elif key == "display":
            first, second = self.line1.text(), self.line2.text()
            job, done = (lambda: services.display_text(name, first, second)), self._display_done
        else:
            job, done = (lambda: services.scan_test(name)), self._scan_done
        self.result.setPlainText(self.tr("Working…"))
        self._lane(name).submit(job, done, self._failed, owner=self)

    def _card_done(self, outcome: tuple[CardPayment, PaymentResult]) -> None:
        payment, result = outcome
        amount = formatting.money(payment.amount)
        if result.outcome is PaymentOutcome.APPROVED:
            text = self.tr("Approved: %1. The customer was charged.").replace("%1", amount)
        elif result.outcome is PaymentOutcome.DECLINED:
            text = self.tr("Declined: %1. Nothing was charged.").replace("%1", amount)
        else:
            text = self.tr(
                "Unknown: the terminal's answer for %1 was lost. Do not take the payment again. "
                "Check with the terminal; if it stays unknown, a supervisor closes it with the "
                "reference on the terminal's receipt."
            ).replace("%1", amount)
        lines = [text, result.message, *result.receipt_lines]
        self.result.setPlainText("\n".join(lines))
        self.load()

    def _end_of_day_done(self, totals: EndOfDayResult) -> None:
        total = formatting.money(totals.total) if totals.total is not None else "—"
        text = (
            self.tr("End of day: %1 transaction(s), total %2.")
            .replace("%1", str(totals.count))
            .replace("%2", total)
            if totals.approved
            else self.tr("End of day refused: %1").replace("%1", totals.message)
        )
        self.result.setPlainText("\n".join([text, *totals.receipt_lines]))

    def _status_done(self, status: TerminalStatus) -> None:
        text = self.tr("Terminal ready.") if status.ready else self.tr("Terminal not ready: %1")
        self.result.setPlainText(text.replace("%1", status.message))

    def _drawer_done(self, check: DrawerCheck) -> None:
        self._sensor_done(check.is_open)

    def _sensor_done(self, is_open: bool) -> None:
        self.result.setPlainText(
            self.tr("The drawer sensor says: open.")
            if is_open
            else self.tr("The drawer sensor says: closed.")
        )

    def _display_done(self, shown: tuple[str, str]) -> None:
        self.result.setPlainText(
            self.tr("The display shows:") + f"\n[{shown[0]:<20}]\n[{shown[1]:<20}]"
        )

    def _scan_done(self, code: str) -> None:
        self.result.setPlainText(self.tr("Scan sent: %1").replace("%1", code))

    def _failed(self, error: BaseException) -> None:
        self.result.setPlainText(errors.message_for(error))
        if isinstance(error, DeviceError):
            self._show_devices(self._services.devices())

    # --- card payments waiting for a decision -------------------------------------------

    def _show_payments(self, open_payments: list[CardPayment]) -> None:
        # The list reloads whenever a payment is recorded: keep the one the supervisor chose.
        chosen = self._selected_payment()
        self.payments.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Terminal"), self.tr("Amount"), self.tr("State")]
        )
        self.payments.setRowCount(len(open_payments))
        for row, payment in enumerate(open_payments):
            values = [
                formatting.short_date_time(payment.created_at),
                payment.terminal,
                formatting.money(payment.amount),
                self._payment_state(payment.state),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, payment.id)
                self.payments.setItem(row, column, item)
        if open_payments:
            ids = [payment.id for payment in open_payments]
            self.payments.selectRow(ids.index(chosen[0]) if chosen and chosen[0] in ids else 0)
            self.payments_hint.setText(
                self.tr(
                    "A card payment whose outcome is unknown must not be taken again. Check with "
                    "the terminal first; if it stays unknown, look it up in the terminal's "
                    "journal, then a supervisor closes it with the receipt reference."
                )
            )
        else:
            self.payments_hint.setText(self.tr("No card payment is waiting for a decision."))
        self.reconcile_button.setEnabled(bool(open_payments))
        self.close_button.setEnabled(bool(open_payments))

    def _payment_state(self, state: PaymentState) -> str:
        return {
            PaymentState.PENDING: self.tr("not confirmed"),
            PaymentState.SENT: self.tr("sent, no answer"),
            PaymentState.UNKNOWN: self.tr("unknown"),
            PaymentState.APPROVED: self.tr("approved"),
            PaymentState.DECLINED: self.tr("declined"),
        }[state]

    def _selected_payment(self) -> tuple[str, str] | None:
        rows = self.payments.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.payments.item(rows[0].row(), 1)
        if item is None:
            return None
        return str(item.data(Qt.ItemDataRole.UserRole)), item.text()

    def reconcile(self) -> None:
        selected = self._selected_payment()
        if selected is None:
            return
        _payment_id, terminal = selected
        self.result.setPlainText(self.tr("Checking with the terminal…"))
        self._lane(terminal).submit(
            lambda: self._services.reconcile(terminal), self._reconciled, self._failed, owner=self
        )

    def _reconciled(self, settled: list[CardPayment]) -> None:
        lines = [
            f"{formatting.money(p.amount)}: {self._payment_state(p.state)} — {p.message}"
            for p in settled
        ]
        self.result.setPlainText("\n".join(lines) or self.tr("Nothing to check."))
        self.load()

    def close_payment(self) -> None:
        selected = self._selected_payment()
        if selected is None:
            return
        if self._operator is None:
            self.result.setPlainText(self.tr("Only a supervisor may close this payment."))
            return
        payment_id, _terminal = selected
        operator, reference, charged = (
            self._operator,
            self.reference.text(),
            self.charged.isChecked(),
        )
        self._lane("payments").submit(
            lambda: self._services.close_unknown_payment(operator, payment_id, charged, reference),
            self._closed,
            self._failed,
            owner=self,
        )

    def _closed(self, payment: CardPayment) -> None:
        self.result.setPlainText(
            self.tr("Closed as %1 with reference %2.")
            .replace("%1", self._payment_state(payment.state))
            .replace("%2", payment.supervisor_reference or "")
        )
        self.reference.clear()
        self.load()
