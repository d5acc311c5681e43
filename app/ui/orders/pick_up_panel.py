"""Pick-up (F8): scan or type an order placed elsewhere for pick-up (its number, a ticket's
barcode, the customer's name) or a validated option (its option, contact or file number),
Enter; then Enter on the focused button: a web order's tickets printed (it was paid where it
was placed), or the option paid in exact cash and its tickets printed. An order placed to be
paid at the box office (by telephone) says what is due and focuses the cash field: the amount
given (empty: exact) and Enter take it and print the tickets, the change shown; or **F6** takes
it on the card terminal (on a lane of its own: the screen never waits for the terminal). Two
actions from a scan to printed tickets. Thin: the rules are `app.services.pickups` and
`app.services.options`."""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from app.services.options import OptionServices
from app.services.pickups import (
    PickupCardCharged,
    PickupCardDeclined,
    PickupCardToSettle,
    PickupNotPrintable,
    PickupResult,
    PickupServices,
)
from app.services.selling import SaleResult
from app.ui import errors, formatting
from app.ui.sale.cart_panel import key_button
from app.ui.tasks import Lane, gui_listener
from domain.money import Money
from domain.operators import Operator
from domain.options import Option, OptionState
from domain.pickups import PickupCashShort, PickupOrder, PickupState
from drivers.base import ListenerGone
from printing.data import TicketData

# The orders and options that match, and the one order's tickets as they will print.
Found = tuple[list[PickupOrder], list[Option], list[TicketData]]


class PickUpPanel(QWidget):
    # A validated option found: the host pays it with any tender when it sets
    # ``hands_options_over`` (the orders screen does); else Enter pays it in exact cash.
    option_to_pay = Signal(str)
    hands_options_over = False
    # An order found to print or pay: the order and its tickets as they will print, for the
    # host to list (UX.md: "the lines to print or pay appear").
    order_lines = Signal(object, list)

    def __init__(
        self,
        options: OptionServices,
        lane: Lane,
        operator: Operator,
        say: QLabel,
        pickups: PickupServices | None = None,
        parent: QWidget | None = None,
        card_lane: Lane | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pickUpPanel")
        self._options = options
        self._pickups = pickups
        self._lane = lane
        self._operator = operator
        self._say = say
        self._card_lane = card_lane  # the terminal's: a card payment blocks until it is done
        self._by_card = False
        self._found: Option | PickupOrder | None = None
        self.query = QLineEdit()
        self.query.setObjectName("pickUpQuery")
        self.query.setPlaceholderText(
            self.tr("Order number, ticket barcode, name, option or file number (or scan)")
        )
        self.query.setAccessibleName(self.tr("Order or option to pick up"))
        self.query.returnPressed.connect(lambda: self.find())
        # The cash given for an order with something due (empty: the exact amount).
        self.cash = QLineEdit()
        self.cash.setObjectName("pickUpCash")
        self.cash.setPlaceholderText(self.tr("Cash given (empty: exact)"))
        self.cash.setAccessibleName(self.tr("Cash given for the order"))
        self.cash.returnPressed.connect(lambda: self.pay())
        self.cash.setVisible(False)
        self.pay_button = key_button(self.tr("Pay cash and print (Enter)"), "pickUpPay")
        self.pay_button.setEnabled(False)
        self.pay_button.clicked.connect(lambda: self.pay())
        self.card_button = key_button(self.tr("Card (F6)"), "pickUpCard")
        self.card_button.setVisible(False)
        self.card_button.clicked.connect(lambda: self.pay_by_card())
        QShortcut(
            QKeySequence(Qt.Key.Key_F6),
            self,
            activated=self.pay_by_card,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Pick-up:")))
        row.addWidget(self.query, 2)
        row.addWidget(self.cash)
        row.addWidget(self.pay_button)
        row.addWidget(self.card_button)

    def find(self, text: str | None = None) -> None:
        """The order or option ``text`` (else the field's) names; its button takes Enter."""
        if text is not None:
            self.query.setText(text)
        query, options, pickups = self.query.text().strip(), self._options, self._pickups

        def job() -> Found:
            orders = [] if pickups is None else pickups.find(query)
            lines: list[TicketData] = []
            if pickups is not None and len(orders) == 1:
                with suppress(PickupNotPrintable):  # said when it is printed
                    lines = pickups.lines(orders[0].number)
            return orders, options.find(query), lines

        def found(matches: Found) -> None:
            self._found_one(query, matches)

        self._lane.submit(job, found, self._refused, owner=self)

    def _found_one(self, query: str, found: Found) -> None:
        self.cash.setVisible(False)
        self.card_button.setVisible(False)
        orders, options, lines = found
        ready = [o for o in options if o.state is OptionState.VALIDATED]
        if len(orders) == 1 and not ready:
            self.order_lines.emit(orders[0], lines)
            self._order_found(orders[0])
            return
        if len(ready) == 1 and not orders and self.hands_options_over:
            self._found = None
            self.pay_button.setEnabled(False)
            self.option_to_pay.emit(ready[0].id)  # paid with any tender, on the host's panel
            return
        if len(ready) == 1 and not orders:
            self._found = ready[0]
            places = sum(ready[0].held.values())
            self._say.setText(
                self.tr("Option %1: %2 places.")
                .replace("%1", ready[0].id)
                .replace("%2", str(places))
            )
            self._ready(self.tr("Pay cash and print (Enter)"))
            return
        self._found = None
        self.pay_button.setEnabled(False)
        if orders or len(ready) > 1:
            names = ", ".join(f"{o.number} ({o.customer})" for o in orders[:5])
            text = self.tr("Several match %1: %2. Scan or type the order number.")
            self._say.setText(text.replace("%1", query).replace("%2", names or query))
        else:
            self._say.setText(
                self.tr("No order or validated option %1 to pick up.").replace("%1", query)
            )
        self.query.selectAll()
        self.query.setFocus()

    def _order_found(self, order: PickupOrder) -> None:
        count, customer = str(len(order.tickets)), order.customer
        if order.state is PickupState.COLLECTED:
            self._found = None
            self.pay_button.setEnabled(False)
            self._say.setText(
                self.tr(
                    "Order %1 (%2) was picked up already at %3: a lost ticket is reprinted as "
                    "DUPLICATA."
                )
                .replace("%1", order.number)
                .replace("%2", customer)
                .replace("%3", order.collected_by or "?")
            )
            self.query.selectAll()
            return
        if order.state is PickupState.CANCELLED:
            self._found = None
            self.pay_button.setEnabled(False)
            self._say.setText(
                self.tr("Order %1 was cancelled: nothing to print.").replace("%1", order.number)
            )
            self.query.selectAll()
            return
        self._found = order
        if not order.due.is_zero:
            self._say.setText(
                self.tr("Order %1 for %2: %3 ticket(s), %4 to pay in cash (%5).")
                .replace("%1", order.number)
                .replace("%2", customer)
                .replace("%3", count)
                .replace("%4", formatting.money(order.due))
                .replace("%5", order.channel)
            )
            if self._card_lane is not None and self._pickups and self._pickups.takes_cards:
                self._say.setText(self._say.text() + " " + self.tr("F6: by card."))
                self.card_button.setVisible(True)
                self.card_button.setEnabled(True)
            self._ready(self.tr("Pay cash and print (Enter)"))
            self.cash.clear()
            self.cash.setVisible(True)
            self.cash.setFocus()
            return
        self._say.setText(
            self.tr("Order %1 for %2: %3 ticket(s), paid %4 (%5).")
            .replace("%1", order.number)
            .replace("%2", customer)
            .replace("%3", count)
            .replace("%4", formatting.money(order.total))
            .replace("%5", order.channel)
        )
        self._ready(self.tr("Print the tickets (Enter)"))

    def _ready(self, label: str) -> None:
        self.pay_button.setText(label)
        self.pay_button.setEnabled(True)
        self.pay_button.setDefault(True)
        self.pay_button.setFocus()

    def pay(self) -> None:
        found, operator_id = self._found, self._operator.id
        if found is None:
            return
        if isinstance(found, PickupOrder):
            pickups = self._pickups
            assert pickups is not None
            number = found.number
            given: Money | None = None
            if not found.due.is_zero and self.cash.text().strip():
                given = formatting.parse_amount(self.cash.text(), found.due.currency)
                if given is None:
                    self._say.setText(
                        self.tr("Type the cash given, e.g. 60.00, or nothing for the exact amount.")
                    )
                    self.cash.selectAll()
                    self.cash.setFocus()
                    return
            self.pay_button.setEnabled(False)
            self._lane.submit(
                lambda: pickups.collect(number, operator_id, given),
                self._collected,
                self._not_collected,
                owner=self,
            )
            return
        self.pay_button.setEnabled(False)
        options, option_id = self._options, found.id
        job = lambda: options.pay(option_id, options.due(option_id).exact_cash(), operator_id)  # noqa: E731
        self._lane.submit(job, self._paid, self._refused, owner=self)

    def pay_by_card(self) -> None:
        """F6: what the order has due on the card terminal, then its tickets printed."""
        found, pickups, lane = self._found, self._pickups, self._card_lane
        if not isinstance(found, PickupOrder) or found.due.is_zero:
            return
        if pickups is None or lane is None or not self.card_button.isEnabled():
            return
        number, operator_id = found.number, self._operator.id
        self.pay_button.setEnabled(False)
        self.card_button.setEnabled(False)
        self._by_card = True
        self._say.setText(
            self.tr("Card payment of %1: the customer follows the terminal's prompts.").replace(
                "%1", formatting.money(found.due)
            )
        )
        shown = gui_listener(self, self._say.setText)

        def progress(_status: int, text: str) -> None:
            with suppress(ListenerGone):  # the panel went: the payment goes on
                shown(text)

        lane.submit(
            lambda: pickups.collect(number, operator_id, card=True, progress=progress),
            self._collected,
            self._card_failed,
            owner=self,
        )

    def _card_failed(self, error: BaseException) -> None:
        """Declined: the same order waits for cash or another card. A card charged or
        unsettled is said as it stands (never "nothing was done")."""
        self._by_card = False
        if isinstance(error, PickupCardDeclined) and self._found is not None:
            self._say.setText(errors.message_for(error))
            self.pay_button.setEnabled(True)
            self.card_button.setEnabled(True)
            self.cash.setFocus()
            return
        if isinstance(error, PickupCardCharged | PickupCardToSettle):
            self._found = None
            self.cash.setVisible(False)
            self.card_button.setVisible(False)
            self.pay_button.setEnabled(False)
            self._say.setText(errors.message_for(error))
            self.query.setFocus()
            return
        self._refused(error)

    def _collected(self, result: PickupResult) -> None:
        self._found = None
        if result.paid.is_zero:
            self._say.setText(
                self.tr("Order %1 picked up: %2 ticket(s) printed for %3.")
                .replace("%1", result.order.number)
                .replace("%2", str(len(result.print_jobs)))
                .replace("%3", result.order.customer)
            )
        elif self._by_card:
            self._say.setText(
                self.tr("Order %1 picked up: %2 paid by card; %3 ticket(s) printed for %4.")
                .replace("%1", result.order.number)
                .replace("%2", formatting.money(result.paid))
                .replace("%3", str(len(result.print_jobs)))
                .replace("%4", result.order.customer)
            )
        else:
            self._say.setText(
                self.tr(
                    "Order %1 picked up: %2 paid in cash, change %3; %4 ticket(s) printed for %5."
                )
                .replace("%1", result.order.number)
                .replace("%2", formatting.money(result.paid))
                .replace("%3", formatting.money(result.change))
                .replace("%4", str(len(result.print_jobs)))
                .replace("%5", result.order.customer)
            )
        self._next()

    def _not_collected(self, error: BaseException) -> None:
        """Too little cash: said, and the same order waits for the right amount; anything
        else as any refusal."""
        if isinstance(error, PickupCashShort) and self._found is not None:
            self._say.setText(errors.message_for(error) + " " + self.tr("Nothing was done."))
            self.pay_button.setEnabled(True)
            self.cash.selectAll()
            self.cash.setFocus()
            return
        self._refused(error)

    def _paid(self, result: SaleResult) -> None:
        self._found = None
        self._say.setText(
            self.tr("Paid %1: %2 tickets printed.")
            .replace("%1", formatting.money(result.order.total))
            .replace("%2", str(len(result.print_jobs)))
        )
        self._next()

    def _next(self) -> None:
        self._by_card = False
        self.pay_button.setText(self.tr("Pay cash and print (Enter)"))
        self.cash.clear()
        self.cash.setVisible(False)
        self.card_button.setVisible(False)
        self.query.clear()
        self.query.setFocus()

    def _refused(self, error: BaseException) -> None:
        self._found = None
        self._by_card = False
        self.cash.setVisible(False)
        self.card_button.setVisible(False)
        self.pay_button.setEnabled(False)
        self._say.setText(errors.message_for(error) + " " + self.tr("Nothing was done."))
        self.query.setFocus()
