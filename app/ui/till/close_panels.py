"""The two steps of a till session's close, as panels of the till session screen (F10).

`BlindCountPanel`: the cashier counts the drawer coin by coin and note by note and types the
card, voucher and cheque totals — the card total can be taken from the payment terminal's
end-of-day — without ever seeing what the till expects. `SupervisorClosePanel`: a supervisor
(logged in, or who types a PIN here) sees expected against declared per tender, types a reason
for each variance, asks for a recount or seals the session. Thin: every step is a use case of
`TillServices` on the database lane.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.auth import OperatorCard
from app.services.devices import DevicesService
from app.services.till import TillServices
from app.services.tills import CloseReview, SessionClosed
from app.ui import errors, formatting
from app.ui.sale.cart_panel import key_button
from app.ui.tasks import Lane
from app.ui.till.count_grid import CountGrid
from domain.money import Money
from domain.operators import Operator, Role
from domain.till import CARD, CASH, CHEQUE, VOUCHER, BlindCount, may_close_session
from drivers.base import Role as DeviceRole
from drivers.payment import EndOfDayResult


class BlindCountPanel(QFrame):
    """The cashier's count: cash by denomination, the other tenders' totals."""

    counted = Signal(object)  # the BlindCount
    cancelled = Signal()

    def __init__(
        self,
        services: TillServices,
        lane: Lane,
        operator: Operator,
        devices: DevicesService | None,
        currency: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("blindCount")
        self._services, self._lane, self._operator = services, lane, operator
        self._devices = devices
        self._currency = currency
        self._terminal_lane: Lane | None = None
        self.terminal_total: Money | None = None
        intro = QLabel(
            self.tr(
                "Count the drawer and type what you counted. The till does not show what it "
                "expects: a supervisor compares afterwards."
            )
        )
        intro.setWordWrap(True)
        self.grid = CountGrid(currency, "declared")
        self.grid.changed.connect(self._update_total)
        self.grid.entered.connect(self.declare)
        self.total = QLabel()
        self.total.setObjectName("countedCash")
        others = QGridLayout()
        self.others: dict[str, QLineEdit] = {}
        self._others_grid = others
        self.terminal_button = key_button(self.tr("Card &terminal end of day"), "terminalEndOfDay")
        self.terminal_button.clicked.connect(self.ask_terminal)
        self.declare_button = key_button(self.tr("&Declare the count"), "declareCount")
        self.declare_button.clicked.connect(self.declare)
        cancel = key_button(self.tr("Cancel (Esc)"), "cancelCount")
        cancel.clicked.connect(self.cancelled)
        self.message = QLabel()
        self.message.setObjectName("countMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.terminal_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.declare_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.grid)
        layout.addWidget(self.total)
        layout.addLayout(others)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        # Only once it is in the panel: a widget shown without a parent is a window of its own.
        self.terminal_button.setVisible(self._terminal() is not None)
        self.set_tenders(())
        self._update_total()

    def set_tenders(self, other_tenders: Sequence[str]) -> None:
        """One amount field per tender besides cash: card, voucher, then the channel's
        others (a cheque...)."""
        keys = [CARD, VOUCHER, *[k for k in other_tenders if k not in (CARD, VOUCHER, CASH)]]
        if list(self.others) == keys:
            return  # the same tenders: what was typed stays
        _clear(self._others_grid)
        self.others.clear()
        names = {
            CARD: self.tr("Card total"),
            VOUCHER: self.tr("Vouchers"),
            CHEQUE: self.tr("Cheques"),
        }
        for row, key in enumerate(keys):
            field = QLineEdit()
            field.setObjectName(f"declared_{key}")
            field.setMinimumHeight(44)
            field.setPlaceholderText("0.00")
            field.setAccessibleName(names.get(key, key))
            field.returnPressed.connect(self.declare)
            label = QLabel(names.get(key, key))
            label.setBuddy(field)
            self._others_grid.addWidget(label, row, 0)
            self._others_grid.addWidget(field, row, 1)
            self.others[key] = field
        previous: QWidget = self.grid.order[-1]
        for field in self.others.values():
            QWidget.setTabOrder(previous, field)
            previous = field

    def start(self) -> None:
        self.grid.clear()
        for field in self.others.values():
            field.clear()
        self.terminal_total = None
        self.message.clear()
        self.declare_button.setEnabled(True)
        self.grid.start()

    def _update_total(self) -> None:
        total = formatting.money(self.grid.counted().total())
        self.total.setText(self.tr("Cash counted: %1").replace("%1", total))

    def _terminal(self) -> str | None:
        return (
            None if self._devices is None else self._devices.device_for(DeviceRole.PAYMENT_TERMINAL)
        )

    def ask_terminal(self) -> None:
        name, devices = self._terminal(), self._devices
        if name is None or devices is None:
            return
        if self._terminal_lane is None:
            self._terminal_lane = Lane("till terminal", self)  # the database lane stays free
        self.terminal_button.setEnabled(False)
        self.message.setText(self.tr("Asking the card terminal for its end of day…"))
        self._terminal_lane.submit(
            lambda: devices.end_of_day(name), self._terminal_done, self._failed, owner=self
        )

    def _terminal_done(self, result: EndOfDayResult) -> None:
        self.terminal_button.setEnabled(True)
        if not result.approved or result.total is None:
            self.message.setText(
                self.tr("The terminal gave no end of day (%1): type the card total from its "
                        "receipt.").replace("%1", result.message)
            )  # fmt: skip
            return
        self.terminal_total = result.total
        self.others[CARD].setText(str(result.total.to_decimal()))
        self.message.setText(
            self.tr("The terminal's end of day: %1 in %2 payments. It is the card total.")
            .replace("%1", formatting.money(result.total))
            .replace("%2", str(result.count))
        )

    def declared(self) -> dict[str, Money] | None:
        amounts: dict[str, Money] = {}
        for key, field in self.others.items():
            amount = formatting.parse_amount(field.text(), self._currency)
            if amount is None or amount.is_negative:
                self.message.setText(
                    self.tr("“%1” is not an amount: type it like 20 or 20.50.").replace(
                        "%1", field.text()
                    )
                )
                field.setFocus()
                return None
            amounts[key] = amount
        return amounts

    def declare(self) -> None:
        if not self.declare_button.isEnabled():
            return
        others = self.declared()
        if others is None:
            return
        cash, terminal = self.grid.counted(), self.terminal_total
        self.declare_button.setEnabled(False)
        self.message.setText(self.tr("Recording the count…"))
        self._lane.submit(
            lambda: self._services.declare_count(self._operator, cash, others, terminal),
            self._declared,
            self._failed,
            owner=self,
        )

    def _declared(self, count: BlindCount) -> None:
        self.declare_button.setEnabled(True)
        self.counted.emit(count)

    def _failed(self, error: BaseException) -> None:
        self.declare_button.setEnabled(True)
        self.terminal_button.setEnabled(True)
        self.message.setText(errors.message_for(error))


class SupervisorClosePanel(QFrame):
    """Expected against declared, a reason per variance, recount or seal."""

    closed = Signal(object)  # the SessionClosed
    recount = Signal()
    cancelled = Signal()

    def __init__(
        self,
        services: TillServices,
        lane: Lane,
        operator: Operator,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("supervisorClose")
        self._services, self._lane, self._operator = services, lane, operator
        self.supervisor: Operator | None = operator if may_close_session(operator) else None
        self.review: CloseReview | None = None

        self.auth = QFrame()
        self.auth.setObjectName("supervisorAuth")
        auth = QHBoxLayout(self.auth)
        self.supervisor_box = QComboBox()
        self.supervisor_box.setObjectName("supervisorBox")
        self.supervisor_box.setMinimumHeight(44)
        self.supervisor_box.setAccessibleName(self.tr("Supervisor"))
        self.pin_field = QLineEdit()
        self.pin_field.setObjectName("supervisorPin")
        self.pin_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_field.setMinimumHeight(44)
        self.pin_field.setAccessibleName(self.tr("Supervisor PIN"))
        self.pin_field.returnPressed.connect(self.authorize)
        authorize = key_button(self.tr("&Authorize"), "authorize")
        authorize.clicked.connect(self.authorize)
        auth.addWidget(QLabel(self.tr("A supervisor closes the session:")))
        auth.addWidget(self.supervisor_box, 1)
        auth.addWidget(self.pin_field)
        auth.addWidget(authorize)

        self.table = QFrame()
        self.table.setObjectName("varianceTable")
        self._rows = QGridLayout(self.table)
        self.reasons: dict[str, QLineEdit] = {}
        self.figures: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        self.terminal = QLabel()
        self.terminal.setObjectName("terminalCheck")
        self.terminal.setWordWrap(True)
        self.recount_button = key_button(self.tr("&Recount"), "recount")
        self.recount_button.clicked.connect(self.recount)
        self.seal_button = key_button(self.tr("&Seal the session"), "sealSession")
        self.seal_button.clicked.connect(self.seal)
        cancel = key_button(self.tr("Cancel (Esc)"), "cancelClose")
        cancel.clicked.connect(self.cancelled)
        buttons = QHBoxLayout()
        buttons.addWidget(self.recount_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.seal_button)
        self.message = QLabel()
        self.message.setObjectName("closeMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.auth)
        layout.addWidget(self.table)
        layout.addWidget(self.terminal)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def start(self, supervisors: Sequence[tuple[str, str]]) -> None:
        """Show the panel: the review at once for a supervisor, else the PIN first.
        ``supervisors``: (id, name) of the operators who may close."""
        self.review = None
        self.message.clear()
        self._clear_rows()
        self.seal_button.setEnabled(False)
        self.supervisor_box.clear()
        for operator_id, name in supervisors:
            self.supervisor_box.addItem(name, operator_id)
        self.auth.setVisible(self.supervisor is None)
        if self.supervisor is None:
            self.pin_field.clear()
            self.pin_field.setFocus()
        else:
            self.load_review()

    def authorize(self) -> None:
        operator_id, pin = self.supervisor_box.currentData(), self.pin_field.text()
        if operator_id is None:
            return
        self.pin_field.clear()
        self._lane.submit(
            lambda: self._services.log_in(operator_id, pin), self._authorized, self._failed,
            owner=self,
        )  # fmt: skip

    def _authorized(self, operator: Operator) -> None:
        if not may_close_session(operator):
            self.message.setText(self.tr("Only a supervisor can close a till session."))
            return
        self.supervisor = operator
        self.auth.setVisible(False)
        self.load_review()

    def load_review(self) -> None:
        supervisor = self.supervisor
        assert supervisor is not None
        self._lane.submit(
            lambda: self._services.review_close(supervisor), self._show, self._failed, owner=self
        )

    def _clear_rows(self) -> None:
        _clear(self._rows)
        self.reasons.clear()
        self.figures.clear()
        self.terminal.clear()

    def _show(self, review: CloseReview) -> None:
        self.review = review
        self._clear_rows()
        headers = (self.tr("Tender"), self.tr("Expected"), self.tr("Declared"),
                   self.tr("Variance"), self.tr("Reason"))  # fmt: skip
        for column, header in enumerate(headers):
            self._rows.addWidget(QLabel(f"<b>{header}</b>"), 0, column)
        first: QLineEdit | None = None
        for row, variance in enumerate(review.variances, start=1):
            cells = (
                QLabel(self.tender_name(variance.tender)),
                QLabel(formatting.money(variance.expected)),
                QLabel(formatting.money(variance.declared)),
                QLabel(self._difference(variance.difference)),
            )
            for column, cell in enumerate(cells):
                self._rows.addWidget(cell, row, column)
            self.figures[variance.tender] = (cells[1], cells[2], cells[3])
            reason = QLineEdit()
            reason.setObjectName(f"reason_{variance.tender}")
            reason.setMinimumHeight(44)
            reason.setAccessibleName(
                self.tr("Reason for the %1 variance").replace(
                    "%1", self.tender_name(variance.tender)
                )
            )
            reason.setEnabled(not variance.is_zero)
            reason.setPlaceholderText("" if variance.is_zero else self.tr("A reason is needed"))
            reason.returnPressed.connect(self.seal)
            self._rows.addWidget(reason, row, 4)
            self.reasons[variance.tender] = reason
            if first is None and not variance.is_zero:
                first = reason
        count = review.count
        text = (
            self.tr("Count no. %1 by %2.")
            .replace("%1", str(count.number))
            .replace("%2", count.by_name)
        )
        if count.terminal is not None:
            text += " " + self.tr("The card terminal's end of day said %1%2.").replace(
                "%1", formatting.money(count.terminal)
            ).replace(
                "%2", self.tr(", not the card total declared") if count.terminal_disagrees else ""
            )
        self.terminal.setText(text)
        self.seal_button.setEnabled(True)
        # The new row widgets show at the next turn of the event loop: focus them then.
        QTimer.singleShot(0, (first or self.seal_button).setFocus)

    def _difference(self, amount: Money) -> str:
        if amount.is_zero:
            return self.tr("none")
        word = self.tr("short") if amount.is_negative else self.tr("over")
        return f"{formatting.money(amount)} ({word})"

    def tender_name(self, key: str) -> str:
        return {
            CASH: self.tr("Cash"), CARD: self.tr("Card"), VOUCHER: self.tr("Vouchers"),
            CHEQUE: self.tr("Cheques"),
        }.get(key, key)  # fmt: skip

    def seal(self) -> None:
        review, supervisor = self.review, self.supervisor
        if review is None or supervisor is None or not self.seal_button.isEnabled():
            return
        reasons = {key: field.text() for key, field in self.reasons.items()}
        missing = [
            k for k, v in ((v.tender, v) for v in review.variances)
            if not v.is_zero and not reasons.get(k, "").strip()
        ]  # fmt: skip
        if missing:
            self.message.setText(
                self.tr("Give a reason for each variance: %1.").replace(
                    "%1", ", ".join(self.tender_name(k) for k in missing)
                )
            )
            self.reasons[missing[0]].setFocus()
            return
        number = review.count.number
        self.seal_button.setEnabled(False)
        self.message.setText(self.tr("Sealing the session…"))
        job: Callable[[], SessionClosed] = lambda: self._services.close_session(  # noqa: E731
            supervisor, number, reasons
        )
        self._lane.submit(job, self._sealed, self._failed, owner=self)

    def _sealed(self, closed: SessionClosed) -> None:
        self.seal_button.setEnabled(True)
        self.closed.emit(closed)

    def _failed(self, error: BaseException) -> None:
        self.seal_button.setEnabled(self.review is not None)
        self.message.setText(errors.message_for(error))


def _clear(grid: QGridLayout) -> None:
    """Remove and delete every widget of ``grid``."""
    while grid.count():
        item = grid.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()


def supervisors_of(cards: Sequence[OperatorCard]) -> list[tuple[str, str]]:
    """(id, name) of the operators who may close a session."""
    return [(c.id, c.name) for c in cards if c.role is Role.SUPERVISOR]
