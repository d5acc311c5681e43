"""Pick-up of a validated option: scan or type the option, contact or file number (Enter),
then Enter on the focused "Pay and print" button: the exact amount in cash, the tickets
printed. Two actions from a scan to printed tickets. Thin: the rules are
`app.services.options'`."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from app.services.options import OptionServices
from app.services.selling import SaleResult
from app.ui import errors, formatting
from app.ui.sale.cart_panel import key_button
from app.ui.tasks import Lane
from domain.operators import Operator
from domain.options import Option, OptionState


class PickUpPanel(QWidget):
    def __init__(
        self,
        options: OptionServices,
        lane: Lane,
        operator: Operator,
        say: QLabel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pickUpPanel")
        self._options = options
        self._lane = lane
        self._operator = operator
        self._say = say
        self._found: Option | None = None
        self.query = QLineEdit()
        self.query.setObjectName("pickUpQuery")
        self.query.setPlaceholderText(self.tr("Option, contact or file number (or scan)"))
        self.query.setAccessibleName(self.tr("Option to pick up"))
        self.query.returnPressed.connect(lambda: self.find())
        self.pay_button = key_button(self.tr("Pay cash and print (Enter)"), "pickUpPay")
        self.pay_button.setEnabled(False)
        self.pay_button.clicked.connect(lambda: self.pay())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Pick-up:")))
        row.addWidget(self.query, 2)
        row.addWidget(self.pay_button)

    def find(self) -> None:
        query, options = self.query.text().strip(), self._options

        def found(matches: list[Option]) -> None:
            ready = [o for o in matches if o.state is OptionState.VALIDATED]
            if len(ready) != 1:
                self._found = None
                self.pay_button.setEnabled(False)
                self._say.setText(
                    self.tr("No validated option %1 to pick up.").replace("%1", query)
                )
                self.query.selectAll()
                self.query.setFocus()
                return
            self._found = ready[0]
            places = sum(ready[0].held.values())
            self._say.setText(
                self.tr("Option %1: %2 places.")
                .replace("%1", ready[0].id)
                .replace("%2", str(places))
            )
            self.pay_button.setEnabled(True)
            self.pay_button.setDefault(True)
            self.pay_button.setFocus()

        self._lane.submit(lambda: options.find(query), found, self._refused, owner=self)

    def pay(self) -> None:
        option = self._found
        if option is None:
            return
        options, operator_id = self._options, self._operator.id
        job = lambda: options.pay(option.id, options.due(option.id).exact_cash(), operator_id)  # noqa: E731
        self.pay_button.setEnabled(False)
        self._lane.submit(job, self._paid, self._refused, owner=self)

    def _paid(self, result: SaleResult) -> None:
        self._found = None
        self._say.setText(
            self.tr("Paid %1: %2 tickets printed.")
            .replace("%1", formatting.money(result.order.total))
            .replace("%2", str(len(result.print_jobs)))
        )
        self.query.clear()
        self.query.setFocus()

    def _refused(self, error: BaseException) -> None:
        self._found = None
        self.pay_button.setEnabled(False)
        self._say.setText(errors.message_for(error) + " " + self.tr("Nothing was done."))
        self.query.setFocus()
