"""Orders (F2): one field for an order number, a ticket number or a scanned barcode; the order
with its tickets (valid, refunded, cancelled, reprinted), tenders, prints and history; refund
the ticked tickets (Ctrl+R), exchange them for seats of another performance or tariff (Ctrl+E,
`exchange_panel`), or reprint the selected one as DUPLICATA (F9), with a supervisor's PIN where
the rules ask for one.

Thin: every rule is `app.services.after_sale`'s. The database work runs on the database lane;
a refund, which may wait for the card terminal, on a lane of its own, so the screen never waits.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.after_sale import (
    AfterSaleServices,
    ApprovalNeeded,
    BarcodeVoided,
    NothingFound,
    OrderView,
    Recovered,
    RefundResult,
    ReprintResult,
)
from app.services.devices import DevicesService
from app.services.exchanges import ExchangeServices
from app.services.gift_cards import gift_cards_of
from app.services.options import OptionServices
from app.services.selling import CartView, SellingServices
from app.services.till import TillServices
from app.ui import errors, formatting
from app.ui.orders.exchange_panel import ExchangePanel
from app.ui.orders.gift_card_panel import GiftCardPanel
from app.ui.orders.options_panel import OptionsPanel
from app.ui.orders.pick_up_panel import PickUpPanel
from app.ui.sale.cart_panel import emphasised, key_button
from app.ui.sale.payment_panel import PaymentPanel
from app.ui.tasks import Lane
from domain.errors import WrongPin
from domain.operators import Operator, Role
from domain.pickups import PickupOrder, PickupState
from domain.refunds import NotAllowedToReprint
from printing.data import TicketData

Approver = tuple[str, str] | None


class OrdersScreen(QWidget):
    def __init__(
        self,
        after_sale: AfterSaleServices,
        services: TillServices,
        lane: Lane,
        operator: Operator,
        timezone: tzinfo,
        parent: QWidget | None = None,
        selling: SellingServices | None = None,
        devices: DevicesService | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ordersScreen")
        self._after = after_sale
        self._services = services
        self._lane = lane
        self._card_lane = Lane("refund", self)  # the card terminal never holds up the database
        self._operator = operator
        self._timezone = timezone
        self.view: OrderView | None = None
        self._retry: Callable[[Approver], None] | None = None  # what waits for a supervisor

        self.search = QLineEdit()
        self.search.setObjectName("findField")
        self.search.setPlaceholderText(self.tr("Order number, ticket number or scan a barcode"))
        self.search.setAccessibleName(self.tr("Find an order"))
        self.search.setMinimumHeight(44)
        self.search.returnPressed.connect(lambda: self.find(self.search.text()))
        self.message = emphasised(QLabel(), 1.1)
        self.message.setObjectName("ordersMessage")
        self.message.setWordWrap(True)
        self.header = emphasised(QLabel(), 1.2)
        self.header.setObjectName("orderHeader")
        self.tickets = QTreeWidget()
        self.tickets.setObjectName("orderTickets")
        self.tickets.setAccessibleName(self.tr("Tickets of the order"))
        self.tickets.setHeaderLabels(
            [self.tr("Ticket"), self.tr("Performance"), self.tr("Seat"), self.tr("Tariff"),
             self.tr("Price"), self.tr("State")]
        )  # fmt: skip
        self.tickets.setRootIsDecorated(False)
        self.tenders = QLabel()
        self.tenders.setObjectName("orderTenders")
        self.tenders.setWordWrap(True)
        self.history = QListWidget()
        self.history.setObjectName("orderHistory")
        self.history.setAccessibleName(self.tr("Prints and journal entries of the order"))
        self.reason = QLineEdit()
        self.reason.setObjectName("correctionReason")
        self.reason.setPlaceholderText(self.tr("Why (kept in the journal)"))
        self.reason.setAccessibleName(self.tr("Reason"))
        self.refund_button = key_button(self.tr("Refund ticked tickets (Ctrl+R)"), "refundButton")
        self.reprint_button = key_button(self.tr("Reprint as DUPLICATA (F9)"), "reprintButton")
        self.refund_button.clicked.connect(lambda: self.refund())
        self.to_credit = QCheckBox(self.tr("To a credit balance (avoir)"))
        self.to_credit.setObjectName("refundToCredit")
        self.to_credit.setToolTip(
            self.tr("The refund goes onto a new code, spent later like a gift card")
        )
        self.exchange_button = key_button(
            self.tr("Exchange ticked tickets (Ctrl+E)"), "exchangeButton"
        )
        self.exchange_button.clicked.connect(lambda: self.exchange())
        self.exchange_panel: ExchangePanel | None = None
        if selling is not None and isinstance(timezone, ZoneInfo):
            self.exchange_panel = ExchangePanel(
                ExchangeServices(selling, after_sale), selling, services, lane, operator, timezone
            )
            self.exchange_panel.finished.connect(self._exchange_finished)
        else:
            self.exchange_button.hide()
        self.gift_cards = GiftCardPanel(
            gift_cards_of(after_sale),
            lane,
            operator,
            self.message,
            card_lane=self._card_lane,
        )
        self.pick_up: PickUpPanel | None = None  # F8: a validated option paid and printed
        self.options: OptionsPanel | None = None
        # A validated option picked up is paid here with any tender (the sale's panel).
        self.option_payment: PaymentPanel | None = None
        self._paying_option = ""
        if selling is not None:
            options = OptionServices(
                after_sale.uow_factory, after_sale.clock, after_sale.till, selling
            )
            self._option_services = options
            self.pick_up = PickUpPanel(
                options, lane, operator, self.message, pickups=after_sale.pickups,
                card_lane=self._card_lane if devices is not None else None,
            )  # fmt: skip
            self.options = OptionsPanel(options, lane, self.message)
            self.options.refresh()
            self.option_payment = PaymentPanel(selling, lane, self._card_lane, operator.id, devices)
            self.option_payment.setObjectName("optionPayment")
            self.option_payment.hide()
            self.option_payment.next_customer.connect(self._option_paid)
            self.option_payment.cancelled.connect(self._option_left)
            self.pick_up.option_to_pay.connect(self.pay_option)
            self.pick_up.order_lines.connect(self._show_pickup)
            self.pick_up.hands_options_over = True
        self.reprint_button.clicked.connect(lambda: self.reprint())
        # A supervisor's approval, shown only when the rules ask for it.
        self.approval = QWidget()
        self.approval.setObjectName("approvalPanel")
        self.supervisor = QComboBox()
        self.supervisor.setObjectName("approvalSupervisor")
        self.supervisor.setAccessibleName(self.tr("Supervisor"))
        self.pin = QLineEdit()
        self.pin.setObjectName("approvalPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(self.tr("Supervisor's PIN"))
        self.pin.returnPressed.connect(self.approve)
        approve = key_button(self.tr("Approve"), "approveButton")
        approve.clicked.connect(lambda: self.approve())
        row = QHBoxLayout(self.approval)
        row.addWidget(QLabel(self.tr("Supervisor approval:")))
        row.addWidget(self.supervisor, 1)
        row.addWidget(self.pin, 1)
        row.addWidget(approve)
        self.approval.hide()

        actions = QHBoxLayout()
        actions.addWidget(self.reason, 2)
        actions.addWidget(self.to_credit)
        actions.addWidget(self.refund_button)
        actions.addWidget(self.exchange_button)
        actions.addWidget(self.reprint_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.message)
        layout.addWidget(self.header)
        layout.addWidget(self.tickets, 3)
        layout.addWidget(self.tenders)
        layout.addWidget(self.history, 2)
        layout.addLayout(actions)
        layout.addWidget(self.approval)
        if self.exchange_panel is not None:
            layout.addWidget(self.exchange_panel)
        layout.addWidget(self.gift_cards)
        if self.pick_up is not None and self.options is not None:
            layout.addWidget(self.pick_up)
            layout.addWidget(self.options, 1)
        if self.option_payment is not None:
            layout.addWidget(self.option_payment, 3)
        QShortcut(QKeySequence("Ctrl+R"), self, activated=lambda: self.refund())
        QShortcut(QKeySequence(Qt.Key.Key_F9), self, activated=lambda: self.reprint())
        QShortcut(QKeySequence("Ctrl+E"), self, activated=lambda: self.exchange())
        QShortcut(QKeySequence("Ctrl+G"), self, activated=self.gift_cards.code.setFocus)
        # The option's payment panel has its own Ctrl+P (its receipt) while it is shown.
        self._receipt_key = QShortcut(QKeySequence("Ctrl+P"), self, activated=self.print_receipt)
        self.last_correction: str | None = None  # the refund whose receipt Ctrl+P prints
        self._show(None)

    # --- finding --------------------------------------------------------------------------

    def load(self) -> None:
        """Shown: the search field takes the keyboard; a refund a stopped till finished at
        start-up is said here."""
        self.search.setFocus()
        self.search.selectAll()
        notes = [self._recovered(r) for r in self._after.recovered]
        if notes and not self.message.text():
            self.message.setText("\n".join(notes))

    def _recovered(self, found: Recovered) -> str:
        """What the start-up did with a refund the last run left between the card terminal
        and its record."""
        if found.outcome == "gift_card":
            return (
                self.tr(
                    "Gift card %1: a card payment of %2 approved before the till stopped is on "
                    "it now (the card was not charged again)."
                )
                .replace("%1", found.order_number)
                .replace("%2", "" if found.amount is None else formatting.money(found.amount))
            )
        if found.outcome == "completed":
            text = self.tr(
                "Order %1: the card terminal had refunded the card before the till stopped; "
                "the refund is recorded now."
            )
            if found.cash_back is not None and found.cash_back.minor:
                cash = formatting.money(found.cash_back)
                text += " " + self.tr("GIVE %1 IN CASH from the drawer").replace("%1", cash)
        elif found.outcome == "waiting":
            text = self.tr(
                "Order %1: a card refund's outcome is unknown. Do not refund again: a "
                "supervisor settles it on the Devices screen; it is recorded at the next start."
            )
        else:
            text = self.tr(
                "Order %1: the till stopped before anything was given back; the tickets stay "
                "valid. Refund them again if the customer still wants it."
            )
        return text.replace("%1", found.order_number)

    def find(self, text: str) -> None:
        self.search.setText(text)
        self.message.setText("")
        self._lane.submit(lambda: self._after.find(text), self._show, self._not_found, owner=self)

    def _not_found(self, error: BaseException) -> None:
        if isinstance(error, BarcodeVoided):
            self.message.setText(self._voided(error))
            order_id = error.order_id
            self._lane.submit(lambda: self._after.order(order_id), self._show_kept, owner=self)
            return
        self._show(None)
        if isinstance(error, NothingFound) and self.pick_up is not None:
            self.pick_up.find(error.text.strip())  # an order placed elsewhere, an option
            return
        if isinstance(error, NothingFound):
            self.message.setText(
                self.tr("Nothing found for %1: check the number, or scan the ticket again.")
                .replace("%1", error.text.strip())
            )  # fmt: skip
        else:
            self.message.setText(errors.message_for(error))

    def _voided(self, error: BarcodeVoided) -> str:
        why = {
            "reprinted": self.tr("a DUPLICATA with a new barcode replaced it"),
            "refunded": self.tr("the ticket was refunded"),
            "cancelled": self.tr("the sale was cancelled"),
            "exchanged": self.tr("the ticket was exchanged"),
        }.get(error.why, error.why)
        return (
            self.tr("VOID barcode: %1. Ticket %2 of order %3. It gives no entry.")
            .replace("%1", why)
            .replace("%2", str(error.ticket))
            .replace("%3", error.number)
        )

    def _show_kept(self, view: OrderView) -> None:
        """The order of a voided barcode, under the message that says it is void."""
        message = self.message.text()
        self._show(view)
        self.message.setText(message)

    def _show(self, view: OrderView | None) -> None:
        self.view = view
        self.tickets.clear()
        self.history.clear()
        self.approval.hide()
        self._retry = None
        if view is None:
            self.header.setText(self.tr("Find an order: type or scan, then Enter."))
            self.tenders.setText("")
            self.refund_button.setEnabled(False)
            self.reprint_button.setEnabled(False)
            return
        self.header.setText(
            self.tr("Order %1 · %2 · total %3")
            .replace("%1", view.number)
            .replace("%2", formatting.date_time(view.at.astimezone(self._timezone)))
            .replace("%3", formatting.money(view.total))
        )
        states = {
            "valid": self.tr("valid"),
            "refunded": self.tr("refunded"),
            "cancelled": self.tr("cancelled"),
            "reprinted": self.tr("reprinted (DUPLICATA)"),
            "exchanged": self.tr("exchanged"),
            "void": self.tr("void"),
        }
        for ticket in view.tickets:
            item = QTreeWidgetItem(
                [str(ticket.number), ticket.label, ticket.seat, ticket.tariff,
                 formatting.money(ticket.price), states.get(ticket.state, ticket.state)]
            )  # fmt: skip
            item.setData(0, Qt.ItemDataRole.UserRole, ticket.number)
            if ticket.number in view.refundable:
                item.setCheckState(0, Qt.CheckState.Unchecked)
            self.tickets.addTopLevelItem(item)
            if ticket.number == view.found_ticket:
                self.tickets.setCurrentItem(item)
        if self.tickets.currentItem() is None and self.tickets.topLevelItemCount():
            self.tickets.setCurrentItem(self.tickets.topLevelItem(0))
        methods = {
            "cash": self.tr("Cash"),
            "card": self.tr("Card"),
            "voucher": self.tr("Gift card"),
            "other": self.tr("Other"),
        }
        self.tenders.setText(
            "\n".join(
                self.tr("%1: %2 paid, %3 given back")
                .replace("%1", methods.get(t.method, t.method))
                .replace("%2", formatting.money(t.amount))
                .replace("%3", formatting.money(t.returned))
                for t in view.tenders
            )
        )
        for job in view.prints:
            self.history.addItem(
                self.tr("Print: %1 (%2)").replace("%1", job.label).replace("%2", job.state)
            )
        for entry in view.history:
            record = entry.record
            self.history.addItem(
                f"#{entry.seq} {record.get('type')} · {record.get('at')} · "
                f"{record.get('reason', '')}".rstrip(" ·")
            )
        self.refund_button.setEnabled(bool(view.refundable))
        self.exchange_button.setEnabled(bool(view.refundable))
        self.reprint_button.setEnabled(bool(view.refundable))

    # --- an order placed elsewhere, for pick-up -----------------------------------------------

    def _show_pickup(self, order: PickupOrder, lines: list[TicketData]) -> None:
        """The order the pick-up found, its tickets as they will print: the cashier sees what
        is handed over (and paid) before Enter."""
        self._show(None)
        self.header.setText(
            self.tr("Order %1 · %2 · %3 · total %4")
            .replace("%1", order.number)
            .replace("%2", order.customer)
            .replace("%3", order.channel)
            .replace("%4", formatting.money(order.total))
        )
        if order.state is PickupState.COLLECTED:
            state = self.tr("picked up")
        elif order.state is PickupState.CANCELLED:
            state = self.tr("cancelled")
        elif order.due.is_zero:
            state = self.tr("to print")
        else:
            state = self.tr("to pay and print")
        for line in lines:
            when = formatting.short_date_time(line.starts_at.astimezone(self._timezone))
            seat = " · ".join(x for x in (line.zone, line.row, line.seat) if x)
            cells = [str(line.ticket_number), f"{line.event} · {when}", seat, line.tariff,
                     formatting.money(line.price), state]  # fmt: skip
            self.tickets.addTopLevelItem(QTreeWidgetItem(cells))
        self.tenders.setText(
            self.tr("Paid where it was placed.")
            if order.due.is_zero
            else self.tr("To pay here: %1.").replace("%1", formatting.money(order.due))
        )

    # --- a validated option paid --------------------------------------------------------------

    def pay_option(self, option_id: str) -> None:
        """The pick-up found a validated option: its payment, any tender, on this screen."""
        options = self._option_services
        self._lane.submit(
            lambda: options.for_payment(option_id),
            lambda view: self._option_payment_start(option_id, view),
            self._option_refused,
            owner=self,
        )

    def _option_payment_start(self, option_id: str, view: CartView) -> None:
        panel, options = self.option_payment, self._option_services
        assert panel is not None
        self._paying_option = option_id
        panel.complete = lambda _cart, plan, operator: options.pay(option_id, plan, operator)
        self._receipt_key.setEnabled(False)
        panel.show()
        panel.start(view)
        self.message.setText(
            self.tr("Option %1: take the payment, then its tickets print.").replace("%1", option_id)
        )

    def _option_refused(self, error: BaseException) -> None:
        self.message.setText(errors.message_for(error) + " " + self.tr("Nothing was done."))

    def _option_paid(self) -> None:
        """The option's sale is recorded and its tickets printing: the next pick-up."""
        panel = self.option_payment
        assert panel is not None
        result = panel.result
        self._option_closed()
        if result is not None:
            self.message.setText(
                self.tr("Option %1 paid %2: %3 ticket(s) printed.")
                .replace("%1", self._paying_option)
                .replace("%2", formatting.money(result.order.total))
                .replace("%3", str(len(result.print_jobs)))
            )
        if self.options is not None:
            self.options.refresh()

    def _option_left(self) -> None:
        """Esc before anything was paid: the option stays validated, its places held."""
        self._option_closed()
        self.message.setText(
            self.tr("Option %1 not paid: it stays validated, its places held.").replace(
                "%1", self._paying_option
            )
        )

    def _option_closed(self) -> None:
        if self.option_payment is not None:
            self.option_payment.hide()
        self._receipt_key.setEnabled(True)
        if self.pick_up is not None:
            self.pick_up.query.clear()
            self.pick_up.query.setFocus()

    # --- acting -------------------------------------------------------------------------------

    def ticked(self) -> list[int]:
        found = []
        for i in range(self.tickets.topLevelItemCount()):
            item = self.tickets.topLevelItem(i)
            if item.checkState(0) == Qt.CheckState.Checked:
                found.append(int(item.data(0, Qt.ItemDataRole.UserRole)))
        return found

    def refund(self, approver: Approver = None) -> None:
        """Ctrl+R: give back the ticked tickets to the tenders they were paid with."""
        chosen = self._chosen(self.tr("Tick the tickets to give back first."))
        if chosen is None:
            return
        view, tickets, reason = chosen
        self.refund_button.setEnabled(False)
        self.message.setText(self.tr("Refunding… (the card terminal may ask the customer)"))
        after, operator, order_id = self._after, self._operator, view.id
        to_credit = self.to_credit.isChecked()
        self._card_lane.submit(
            lambda: after.refund(
                order_id, tickets, reason, operator, approver, to_credit=to_credit
            ),
            self._refunded,
            lambda error: self._refused(error, self.refund),
            owner=self,
        )

    def exchange(self) -> None:
        """Ctrl+E: the ticked tickets exchanged; the panel picks the new seats, then Ctrl+E
        again settles the difference."""
        panel = self.exchange_panel
        if panel is None:
            return
        if panel.isVisible():
            panel.confirm()
            return
        chosen = self._chosen(self.tr("Tick the tickets to exchange first."))
        if chosen is None:
            return
        view, tickets, reason = chosen
        self.message.setText("")
        panel.start(view.id, tickets, reason)

    def _chosen(self, nothing_ticked: str) -> tuple[OrderView, list[int], str] | None:
        """The order, its ticked tickets and the reason typed; None after saying what is
        missing."""
        view = self.view
        tickets = self.ticked()
        if view is None or not tickets:
            self.message.setText(nothing_ticked)
            return None
        reason = self.reason.text()
        if not reason.strip():
            self.message.setText(self.tr("Say why in the reason field: the journal keeps it."))
            self.reason.setFocus()
            return None
        return view, tickets, reason

    def _exchange_finished(self, text: str) -> None:
        self.message.setText(text)
        self.reason.clear()
        self._reload()
        self.search.setFocus()

    def _refunded(self, result: RefundResult) -> None:
        parts = []
        if result.card_back.minor:
            parts.append(
                self.tr("%1 to the card").replace("%1", formatting.money(result.card_back))
            )
        if result.credit_code:
            parts.append(
                self.tr("%1 onto the credit balance %2 (give the customer its slip)")
                .replace("%1", formatting.money(result.voucher_back))
                .replace("%2", result.credit_code)
            )
        elif result.voucher_back.minor:
            parts.append(
                self.tr("%1 to the gift card").replace("%1", formatting.money(result.voucher_back))
            )
        if result.cash_back.minor:
            parts.append(
                self.tr("GIVE %1 IN CASH from the drawer").replace(
                    "%1", formatting.money(result.cash_back)
                )
            )
        self.message.setText(
            self.tr("Refunded: %1. The tickets' barcodes are void, their seats on sale again.")
            .replace("%1", ", ".join(parts))
            + " " + self.tr("Ctrl+P prints its receipt.")
        )  # fmt: skip
        self.last_correction = result.correction.id
        self.reason.clear()
        self.to_credit.setChecked(False)
        self._reload()

    def print_receipt(self) -> None:
        """Ctrl+P: the last refund's receipt (it names the ticket it modifies or cancels)."""
        correction = self.last_correction
        if correction is None:
            return

        def queued(job: str | None) -> None:
            self.message.setText(
                self.tr("The refund's receipt is printing.")
                if job is not None
                else self.tr("No receipt printer on this station.")
            )

        self._lane.submit(
            lambda: self._after.print_receipt(correction), queued, self._refused_receipt, owner=self
        )

    def _refused_receipt(self, error: BaseException) -> None:
        self.message.setText(errors.message_for(error))

    def reprint(self, approver: Approver = None) -> None:
        """F9: the selected ticket printed again as DUPLICATA, with a new barcode."""
        view = self.view
        item = self.tickets.currentItem()
        if view is None or item is None:
            return
        number = int(item.data(0, Qt.ItemDataRole.UserRole))
        reason = self.reason.text()
        if not reason.strip():
            self.message.setText(self.tr("Say why in the reason field: the journal keeps it."))
            self.reason.setFocus()
            return
        after, operator, order_id = self._after, self._operator, view.id
        self._lane.submit(
            lambda: after.reprint(order_id, number, reason, operator, approver),
            self._reprinted,
            lambda error: self._refused(error, self.reprint),
            owner=self,
        )

    def _reprinted(self, result: ReprintResult) -> None:
        text = self.tr("Ticket %1 reprinted as DUPLICATA; its old barcode is void.").replace(
            "%1", str(result.reprint.ticket_number)
        )
        if result.print_job is None:
            text += " " + self.tr("No ticket printer on this station: nothing printed.")
        self.message.setText(text)
        self.reason.clear()
        self._reload()

    def _reload(self) -> None:
        if self.view is not None:
            order_id = self.view.id
            self._lane.submit(lambda: self._after.order(order_id), self._show_kept, owner=self)

    def _refused(self, error: BaseException, retry: Callable[[Approver], None]) -> None:
        self.refund_button.setEnabled(self.view is not None and bool(self.view.refundable))
        if isinstance(error, ApprovalNeeded | NotAllowedToReprint) or (
            isinstance(error, WrongPin) and self._retry is not None
        ):
            self._ask_supervisor(retry)
            if isinstance(error, WrongPin):
                self.message.setText(errors.message_for(error) + " " + self.tr("Nothing was done."))
            elif isinstance(error, ApprovalNeeded):
                self.message.setText(
                    self.tr("Above %1 a supervisor approves: their PIN, then Approve.").replace(
                        "%1", formatting.money(error.threshold)
                    )
                )
            else:
                self.message.setText(
                    self.tr("A reprint needs a supervisor: their PIN, then Approve.")
                )
            return
        self.message.setText(errors.message_for(error))
        self._reload()

    def _ask_supervisor(self, retry: Callable[[Approver], None]) -> None:
        self._retry = retry
        if not self.supervisor.count():
            for card in self._services.operators():
                if card.role is Role.SUPERVISOR:
                    self.supervisor.addItem(card.name, card.id)
        self.pin.clear()
        self.approval.show()
        self.pin.setFocus()

    def approve(self) -> None:
        retry, supervisor = self._retry, self.supervisor.currentData()
        if retry is None or supervisor is None:
            return
        pin = self.pin.text()
        self.pin.clear()
        retry((str(supervisor), pin))
