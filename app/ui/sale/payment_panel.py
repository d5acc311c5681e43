"""The payment panel (F12): the amount due, then tenders until nothing is due — cash (F5, the
amount given typed, change shown large; Enter on an empty amount: exact cash), card (F6, on
the terminal; Esc asks it to cancel), gift card (F7), the channel's other tenders (a cheque:
F11), a company's waiting account (Shift+F11: the company named in its field, with completion
from the companies that have an account or a contact) — then the one commit, and one key for
the next customer.

The arithmetic is the domain's `PaymentPlan`; the commit is `SellingServices.complete` on the
database lane (or the host's ``complete``: a validated option picked up, `OptionServices.pay`);
the card payment blocks until the terminal is done, so it runs on a lane of its own. An
unknown card outcome stops the sale and is never retried from here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import suppress

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.devices import DevicesService
from app.services.selling import CartView, SaleResult, SellingServices, order_number
from app.ui import errors, formatting
from app.ui.sale.cart_panel import emphasised, key_button
from app.ui.tasks import Lane, gui_listener
from domain import accounts
from domain.errors import DomainError
from domain.gift_cards import GiftCard
from domain.money import Money, total
from domain.orders import PaymentPlan, Tender, TenderMethod
from drivers.base import ListenerGone, Role
from drivers.payment import PaymentOutcome, PaymentResult

# The one commit of a paid cart: (cart, plan, operator) -> the sale recorded.
Complete = Callable[[str, PaymentPlan, str], SaleResult]


class PaymentPanel(QWidget):
    cancelled = Signal()  # back to the cart (Esc), nothing recorded
    next_customer = Signal()  # the sale is recorded: start the next one

    def __init__(
        self,
        selling: SellingServices,
        lane: Lane,
        card_lane: Lane,
        operator_id: str,
        devices: DevicesService | None = None,
        parent: QWidget | None = None,
        complete: Complete | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("paymentPanel")
        self._selling = selling
        self.complete: Complete = complete or selling.complete
        self._lane = lane
        self._card_lane = card_lane
        self._operator_id = operator_id
        self._devices = devices
        self.cart_id = ""
        self.plan: PaymentPlan | None = None
        self.result: SaleResult | None = None
        self.ready = False  # the holds were extended for the payment
        self.busy = False  # a card payment or the commit is under way
        self.stopped = False  # a card payment's outcome is unknown: the sale stops here
        self.card_terminal: str | None = None  # the terminal of the card payment under way
        self.card_cancelling = False  # the cashier asked the terminal to cancel it
        self.other_buttons: dict[str, QPushButton] = {}  # the channel's other tenders

        self.due = emphasised(QLabel(), 1.6)
        self.due.setObjectName("amountDue")
        self.balance = emphasised(QLabel(), 1.3)
        self.balance.setObjectName("balance")
        self.change = emphasised(QLabel(), 2.4)
        self.change.setObjectName("change")
        self.tenders = QListWidget()
        self.tenders.setObjectName("tenders")
        self.tenders.setAccessibleName(self.tr("Payments taken"))
        self.amount = QLineEdit()
        self.amount.setObjectName("amountGiven")
        self.amount.setPlaceholderText(self.tr("Amount given (Enter on empty: exact cash)"))
        self.amount.setAccessibleName(self.tr("Amount given in cash"))
        self.amount.setMinimumHeight(44)
        self.code = QLineEdit()
        self.code.setObjectName("giftCardCode")
        self.code.setPlaceholderText(self.tr("Gift card code (type or scan)"))
        self.code.setAccessibleName(self.tr("Gift card code"))
        self.code.setMinimumHeight(44)
        self.company = QLineEdit()
        self.company.setObjectName("accountCompany")
        self.company.setPlaceholderText(self.tr("Company paying on account"))
        self.company.setAccessibleName(self.tr("Company whose waiting account pays"))
        self.company.setMinimumHeight(44)
        self.companies = QStringListModel(self)  # filled when the payment starts
        completer = QCompleter(self.companies, self.company)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.company.setCompleter(completer)
        self.message = QLabel()
        self.message.setObjectName("paymentMessage")
        self.message.setWordWrap(True)
        self.cash_button = key_button(self.tr("Cash (F5)"), "cash")
        self.exact_button = key_button(self.tr("Exact cash (Enter)"), "exactCash")
        self.card_button = key_button(self.tr("Card (F6)"), "card")
        self.voucher_button = key_button(self.tr("Gift card (F7)"), "voucher")
        self.account_button = key_button(self.tr("On account (Shift+F11)"), "onAccount")
        self.back_button = key_button(self.tr("Back to the cart (Esc)"), "backToCart")
        self.cancel_card_button = key_button(self.tr("Cancel the card payment (Esc)"), "cancelCard")
        self.cancel_card_button.hide()
        self.next_button = key_button(self.tr("Next customer (Enter)"), "nextCustomer")
        self.next_button.setAutoDefault(True)  # Enter on it starts the next customer
        self.next_button.hide()
        # In France a receipt is printed on the customer's request only: one key for it.
        self.receipt_button = key_button(self.tr("Print the receipt (Ctrl+P)"), "printReceipt")
        self.receipt_button.hide()

        keys = QGridLayout()
        keys.addWidget(self.amount, 0, 0, 1, 2)
        keys.addWidget(self.cash_button, 1, 0)
        keys.addWidget(self.exact_button, 1, 1)
        keys.addWidget(self.card_button, 2, 0, 1, 2)
        keys.addWidget(self.code, 3, 0, 1, 2)
        keys.addWidget(self.voucher_button, 4, 0, 1, 2)
        self.other_keys = QHBoxLayout()  # filled when the payment starts, from the channel
        keys.addLayout(self.other_keys, 5, 0, 1, 2)
        keys.addWidget(self.company, 6, 0, 1, 2)
        keys.addWidget(self.account_button, 7, 0, 1, 2)
        left = QVBoxLayout()
        left.addWidget(self.due)
        left.addWidget(self.balance)
        left.addWidget(self.tenders, 1)
        left.addWidget(self.change)
        right = QVBoxLayout()
        right.addLayout(keys)
        right.addStretch(1)
        right.addWidget(self.back_button)
        right.addWidget(self.cancel_card_button)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        title = emphasised(QLabel(self.tr("Payment")), 1.2)
        layout.addWidget(title)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.receipt_button)
        layout.addWidget(self.next_button)

        self.amount.returnPressed.connect(self.enter_amount)
        self.cash_button.clicked.connect(self.cash)
        self.exact_button.clicked.connect(self.exact_cash)
        self.card_button.clicked.connect(self.card)
        self.code.returnPressed.connect(self.voucher)
        self.voucher_button.clicked.connect(self.voucher)
        self.company.returnPressed.connect(self.on_account)
        self.account_button.clicked.connect(self.on_account)
        self.back_button.clicked.connect(self.back)
        self.cancel_card_button.clicked.connect(self.cancel_card)
        self.next_button.clicked.connect(self._next)
        self.receipt_button.clicked.connect(self.print_receipt)
        QShortcut(QKeySequence("Ctrl+P"), self, activated=self.print_receipt)
        QShortcut(QKeySequence("Shift+F11"), self, activated=self.on_account)
        for key, slot in (
            (Qt.Key.Key_F5, self.cash),
            (Qt.Key.Key_F6, self.card),
            (Qt.Key.Key_F7, self.voucher),
            (Qt.Key.Key_F11, self._first_other),
            (Qt.Key.Key_F12, self._next),
            (Qt.Key.Key_Escape, self.back),
        ):
            QShortcut(QKeySequence(key), self, activated=slot)

    # --- opening --------------------------------------------------------------------------

    def start(self, view: CartView) -> None:
        """A new payment for the cart: the holds are extended first (`begin_payment`)."""
        self.cart_id = view.cart.id
        self.plan = PaymentPlan(view.due)
        self.result = None
        self.ready = self.busy = self.stopped = False
        self.amount.clear()
        self.code.clear()
        self.company.clear()
        self.next_button.hide()
        self.receipt_button.hide()
        self.back_button.show()
        self.message.setText(self.tr("Holding the seats for the payment…"))
        self._show_plan()
        self.amount.setFocus()
        cart_id = self.cart_id

        def begin() -> tuple[CartView, PaymentPlan, tuple[str, ...], list[str]]:
            view = self._selling.begin_payment(cart_id)
            # A card the terminal approved for this cart before a crash counts already: the
            # customer is never charged twice (`resume_payment`).
            plan, others = self._selling.resume_payment(cart_id), self._selling.other_tenders()
            return view, plan, others, self._selling.account_companies()

        self._lane.submit(begin, self._begun, self._failed, owner=self)

    def _begun(self, begun: tuple[CartView, PaymentPlan, tuple[str, ...], list[str]]) -> None:
        view, plan, others, companies = begun
        if view.cart.id != self.cart_id or self.plan is None:
            return
        self.companies.setStringList(companies)
        self.ready = True
        self.plan = plan
        self._other_keys(others)
        self._display(self.tr("To pay"), formatting.money(self.plan.due))
        text = self.tr(
            "Type the amount given then Enter, or a key: F5 cash, F6 card, F7 gift card."
        )
        if others:
            text += " " + self.tr("F11: %1.").replace("%1", self.tender_name(others[0]))
        text += " " + self.tr("Shift+F11: on a company's account.")
        if plan.tenders:  # `resume_payment`: what the terminal approved before a crash
            text = (
                self.tr(
                    "A card payment of %1 approved before the till stopped counts for this "
                    "sale: the card is not charged again."
                ).replace("%1", formatting.money(plan.paid))
                + " "
                + (text if not plan.settled else self.tr("Enter records the sale."))
            )
        self.message.setText(text)
        self._show_plan()

    # --- tenders ----------------------------------------------------------------------------

    def _can_tender(self) -> bool:
        return (
            self.ready
            and not self.busy
            and not self.stopped
            and self.result is None
            and self.plan is not None
            and not self.plan.settled
        )

    def enter_amount(self) -> None:
        """Enter in the amount field: the amount typed in cash, exact cash when empty (or
        the commit again, when it was refused with everything paid)."""
        if self.plan is not None and self.plan.settled and self.result is None and not self.busy:
            self._complete()
        elif self.amount.text().strip():
            self.cash()
        else:
            self.exact_cash()

    def cash(self) -> None:
        """F5: the amount typed is what the customer handed over."""
        if not self._can_tender() or self.plan is None:
            return
        text = self.amount.text().strip()
        if not text:
            self.amount.setFocus()
            self.message.setText(self.tr("Type the amount the customer gave, then Enter."))
            return
        given = self._typed_amount(text)
        if given is not None:
            self._take(lambda plan: plan.cash(given))

    def _typed_amount(self, text: str) -> Money | None:
        """The amount typed in the field, or None after saying it is not one."""
        assert self.plan is not None
        try:
            return Money.of(text.replace(",", ".").replace(" ", ""), self.plan.due.currency)
        except DomainError:
            self.message.setText(
                self.tr("“%1” is not an amount: type it like 20 or 20.50.").replace("%1", text)
            )
            return None

    def exact_cash(self) -> None:
        if self._can_tender():
            self._take(lambda plan: plan.exact_cash())

    def _take(self, add: Callable[[PaymentPlan], PaymentPlan]) -> None:
        assert self.plan is not None
        try:
            self.plan = add(self.plan)
        except DomainError as error:
            self.message.setText(errors.message_for(error))
            return
        self.amount.clear()
        self._show_plan()
        if self.plan is not None and self.plan.settled:
            self._complete()
        else:
            self.message.setText(self.tr("Still due: take another payment."))

    def card(self) -> None:
        """F6: the balance on the card terminal; the terminal's answer decides."""
        if not self._can_tender() or self.plan is None:
            return
        name = None if self._devices is None else self._devices.device_for(Role.PAYMENT_TERMINAL)
        if self._devices is None or name is None:
            self.message.setText(self.tr("This till has no card terminal: take another payment."))
            return
        devices, amount, cart_id = self._devices, self.plan.balance, self.cart_id
        self.busy = True
        self.card_terminal = name
        self.card_cancelling = False
        self.back_button.hide()
        self.cancel_card_button.show()
        self._show_plan()
        self.message.setText(
            self.tr("Card payment of %1: the customer follows the terminal's prompts.").replace(
                "%1", formatting.money(amount)
            )
        )
        shown = gui_listener(self, self._prompt)

        def progress(_status: int, text: str) -> None:
            with suppress(ListenerGone):  # the panel was closed: the payment goes on
                shown(text)

        self._card_lane.submit(
            lambda: devices.sale_payment(name, amount, reference=cart_id, progress=progress),
            lambda done: self._card_done(amount, done[1]),
            self._card_failed,
            owner=self,
        )

    def _prompt(self, text: str) -> None:
        """What the terminal asks of the customer, while the card payment runs."""
        if not self.busy:
            return
        self.message.setText(self.tr("Terminal: %1").replace("%1", formatting.device_text(text)))

    def cancel_card(self) -> None:
        """Esc or Cancel during a card payment: the terminal is asked to stop. It may finish
        the payment anyway: its answer decides, as for any payment."""
        if not self.busy or self.card_terminal is None or self._devices is None:
            return
        self.card_cancelling = True
        self.cancel_card_button.setEnabled(False)
        self.message.setText(self.tr("Cancelling the card payment at the terminal…"))
        try:
            self._devices.abort_payment(self.card_terminal)  # not behind the running payment
        except Exception as error:  # the answer of the payment still decides
            log.warning("the terminal did not take the cancel: %s", error)
            self.message.setText(errors.message_for(error))

    def _card_ended(self) -> None:
        self.busy = False
        self.card_terminal = None
        self.cancel_card_button.hide()
        self.cancel_card_button.setEnabled(True)
        self.back_button.show()

    def _card_done(self, amount: Money, result: PaymentResult) -> None:
        cancelling = self.card_cancelling
        self._card_ended()
        if result.outcome is PaymentOutcome.APPROVED:
            self._take(lambda plan: plan.other(TenderMethod.CARD, amount, result.payment_id))
            if self.result is None and not self.busy:
                self.message.setText(
                    self.tr("Card approved for %1.").replace("%1", formatting.money(amount))
                    + " "
                    + self.message.text()
                )
        elif result.outcome is PaymentOutcome.DECLINED and cancelling:
            self.message.setText(
                self.tr(
                    "The card payment was cancelled: nothing was charged. Take another "
                    "payment, or Esc to go back to the cart."
                )
            )
            self._show_plan()
        elif result.outcome is PaymentOutcome.DECLINED:
            self.message.setText(
                self.tr(
                    "The card was declined: nothing was charged. Try the card again or take "
                    "another payment."
                )
            )
            self._show_plan()
        else:
            self._stop_unknown()

    def _card_failed(self, error: BaseException) -> None:
        """The terminal could not be used, or its answer not recorded: never retried here."""
        self._card_ended()
        if getattr(error, "error_code", "") == "payment_not_recorded":
            self.stopped = True
        self.message.setText(errors.message_for(error))
        self._show_plan()

    def _stop_unknown(self) -> None:
        self.stopped = True
        self.message.setText(
            self.tr(
                "Payment to be settled: the terminal did not say whether the card was charged. "
                "Do not charge the card again. The sale is stopped and the seats stay in the "
                "cart: check the terminal's receipt, have a supervisor settle the payment on "
                "the Devices screen, then pay again (Esc goes back to the cart)."
            )
        )
        self._show_plan()

    def voucher(self) -> None:
        """F7: the gift card's balance, used up to what is due."""
        if not self._can_tender():
            return
        code = self.code.text().strip()
        if not code:
            self.code.setFocus()
            self.message.setText(self.tr("Type or scan the gift card's code, then Enter."))
            return
        if self.plan is not None and any(t.reference == code for t in self.plan.tenders):
            self.message.setText(self.tr("This gift card is already used for this sale."))
            return
        self.busy = True
        self._lane.submit(
            lambda: self._selling.gift_card(code),
            lambda card: self._voucher_balance(code, card),
            self._failed,
            owner=self,
        )

    def _voucher_balance(self, code: str, card: GiftCard | None) -> None:
        self.busy = False
        if card is None:
            self.message.setText(self.tr("There is no gift card %1.").replace("%1", code))
            return
        balance = card.balance
        if balance.minor <= 0 or self.plan is None:
            self.message.setText(self.tr("Gift card %1 is used up.").replace("%1", code))
            return
        used = balance if balance.minor <= self.plan.balance.minor else self.plan.balance
        self.code.clear()
        self._take(lambda plan: plan.other(TenderMethod.VOUCHER, used, code))
        if self.result is None and not self.busy:
            self.message.setText(
                self.tr("Gift card %1: balance %2, %3 used.")
                .replace("%1", code)
                .replace("%2", formatting.money(balance))
                .replace("%3", formatting.money(used))
                + " "
                + self.message.text()
            )

    def _other_keys(self, kinds: tuple[str, ...]) -> None:
        """One key per other tender the channel takes; F11 is the first's."""
        if tuple(self.other_buttons) == kinds:
            return
        for button in self.other_buttons.values():
            button.deleteLater()
        self.other_buttons = {}
        for position, kind in enumerate(kinds):
            name = self.tender_name(kind)
            text = self.tr("%1 (F11)").replace("%1", name) if position == 0 else name
            button = key_button(text, f"other-{kind}")
            button.clicked.connect(lambda _checked=False, k=kind: self.other(k))
            self.other_keys.addWidget(button)
            self.other_buttons[kind] = button

    def tender_name(self, kind: str) -> str:
        """The name of another tender's kind, as the cashier reads it."""
        return {"cheque": self.tr("Cheque")}.get(kind, kind)

    def _first_other(self) -> None:
        if self.other_buttons:
            self.other(next(iter(self.other_buttons)))

    def other(self, kind: str) -> None:
        """A cheque (or the channel's other tender): the amount typed, or what is still due;
        never more (only cash gives change)."""
        if not self._can_tender() or self.plan is None:
            return
        text = self.amount.text().strip()
        amount = self._typed_amount(text) if text else self.plan.balance
        if amount is not None:
            self._take(lambda plan: plan.other(TenderMethod.OTHER, amount, kind))

    def on_account(self) -> None:
        """Shift+F11 (or Enter in the company's field): the amount typed, or what is still due,
        on the named company's waiting account, invoiced later; never more than is due."""
        if not self._can_tender() or self.plan is None:
            return
        company = " ".join(self.company.text().split())
        if not company:
            self.company.setFocus()
            self.message.setText(
                self.tr("Type the company whose account pays, then Enter (or Shift+F11).")
            )
            return
        before = self.plan
        self.other(accounts.reference(company))
        if self.plan is not before:  # taken: the field is empty for the next account
            self.company.clear()

    # --- the commit ------------------------------------------------------------------------

    def _complete(self) -> None:
        plan, cart_id, operator_id = self.plan, self.cart_id, self._operator_id
        assert plan is not None
        self.busy = True
        self._show_plan()
        self.message.setText(self.tr("Recording the sale…"))
        complete = self.complete
        self._lane.submit(
            lambda: complete(cart_id, plan, operator_id),
            self._completed,
            self._complete_failed,
            owner=self,
        )

    def _completed(self, result: SaleResult) -> None:
        self.busy = False
        self.result = result
        number = order_number(result.order.till, result.device_seq)
        self.message.setText(
            self.tr("Sale %1 recorded, %2 ticket(s) printing.")
            .replace("%1", number)
            .replace("%2", str(len(result.print_jobs)))
        )
        self._show_plan()
        change = total([t.change for t in result.order.tenders], result.order.fee.currency)
        if change.is_zero:
            self._display(self.tr("Thank you"), "")
        else:
            self._display(self.tr("Change"), formatting.money(change))
        self.back_button.hide()
        if result.receipt_job is None:
            self.receipt_button.show()  # on request (France), or when it could not be queued
        else:
            self.message.setText(self.message.text() + " " + self.tr("The receipt is printing."))
        self.next_button.show()
        self.next_button.setFocus()

    def print_receipt(self) -> None:
        """Ctrl+P after a sale: its receipt on the receipt printer."""
        if self.result is None:
            return
        order_id = self.result.order.id
        self._lane.submit(
            lambda: self._selling.print_receipt(order_id),
            self._receipt_queued,
            self._failed,
            owner=self,
        )

    def _receipt_queued(self, job: str | None) -> None:
        self.message.setText(
            self.tr("The receipt is printing.")
            if job is not None
            else self.tr("This station has no receipt printer.")
        )
        self.next_button.setFocus()

    def _complete_failed(self, error: BaseException) -> None:
        self.busy = False
        self.message.setText(
            errors.message_for(error)
            + " "
            + self.tr("The sale is not recorded. Enter records it again; Esc goes back.")
        )
        self._show_plan()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.message.setText(errors.message_for(error))
        self._show_plan()

    # --- leaving -----------------------------------------------------------------------------

    def back(self) -> None:
        """Esc: back to the cart — refused once a card was charged for this sale; during a
        card payment, Esc cancels it at the terminal."""
        if self.card_terminal is not None:
            self.cancel_card()
            return
        if self.result is not None or self.busy:
            return
        if self.plan is not None and not self.stopped and _has_card(self.plan.tenders):
            self.message.setText(
                self.tr("A card was charged for this sale: take the rest of the payment.")
            )
            return
        self.cancelled.emit()

    def _next(self) -> None:
        if self.result is not None:
            self.next_customer.emit()

    def _display(self, first: str, second: str) -> None:
        """The customer display, on the devices' lane: it never holds up the sale."""
        devices = self._devices
        name = None if devices is None else devices.device_for(Role.LINE_DISPLAY)
        if devices is None or name is None:
            return
        self._card_lane.submit(
            lambda: devices.display_text(name, first, second),
            None,
            lambda error: log.warning("the customer display did not show the sale: %s", error),
            owner=self,
        )

    # --- showing ------------------------------------------------------------------------------

    def _show_plan(self) -> None:
        plan = self.plan
        if plan is None:
            return
        self.due.setText(self.tr("Due: %1").replace("%1", formatting.money(plan.due)))
        self.balance.setText(self.tr("Still due: %1").replace("%1", formatting.money(plan.balance)))
        self.tenders.clear()
        for tender in plan.tenders:
            self.tenders.addItem(self._tender_text(tender))
        change = total([t.change for t in plan.tenders], plan.due.currency)
        self.change.setText(
            self.tr("Change: %1").replace("%1", formatting.money(change))
            if plan.tenders and any(t.method is TenderMethod.CASH for t in plan.tenders)
            else ""
        )
        open_for_tenders = self._can_tender()
        for widget in (
            self.cash_button,
            self.exact_button,
            self.card_button,
            self.voucher_button,
            self.amount,
            self.code,
            self.company,
            self.account_button,
            *self.other_buttons.values(),
        ):
            widget.setEnabled(open_for_tenders or (widget is self.amount and not self.stopped))

    def _tender_text(self, tender: Tender) -> str:
        amount = formatting.money(tender.amount)
        if tender.method is TenderMethod.CASH:
            return (
                self.tr("Cash %1 (given %2)")
                .replace("%1", amount)
                .replace("%2", formatting.money(tender.given or tender.amount))
            )
        if tender.method is TenderMethod.CARD:
            return self.tr("Card %1").replace("%1", amount)
        if tender.method is TenderMethod.VOUCHER:
            return self.tr("Gift card %1: %2").replace("%1", tender.reference).replace("%2", amount)
        company = accounts.company_of(tender.reference)
        if company is not None:
            return self.tr("On account of %1: %2").replace("%1", company).replace("%2", amount)
        return (
            self.tr("%1 %2").replace("%1", self.tender_name(tender.reference)).replace("%2", amount)
        )


log = logging.getLogger(__name__)


def _has_card(tenders: tuple[Tender, ...]) -> bool:
    return any(t.method is TenderMethod.CARD for t in tenders)
