"""Gift cards on the orders screen: sell a new card or top one up, paid in cash or on the card
terminal (*By card*, on a lane of its own: the screen never waits for the terminal), and read a
card's balance. Thin: the rules are `app.services.gift_cards'` (a liability, not revenue).
Ctrl+G takes the keyboard to the card's code."""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from app.services.gift_cards import (
    AmountNotValid,
    GiftCardCharged,
    GiftCardPaymentUnsettled,
    GiftCardResult,
    GiftCardServices,
    NotEnoughCash,
    UnknownGiftCard,
)
from app.ui import errors, formatting
from app.ui.sale.cart_panel import key_button
from app.ui.tasks import Lane, gui_listener
from domain.errors import DomainError
from domain.gift_cards import GiftCard
from domain.ledger import GIFT_CARD_SALE
from domain.money import Money
from domain.operators import Operator
from drivers.base import ListenerGone


class GiftCardPanel(QWidget):
    def __init__(
        self,
        cards: GiftCardServices,
        lane: Lane,
        operator: Operator,
        say: QLabel,
        parent: QWidget | None = None,
        card_lane: Lane | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("giftCardPanel")
        self._card_lane = card_lane if cards.takes_cards else None
        self._cards = cards
        self._lane = lane
        self._operator = operator
        self._say = say  # the screen's message line
        self.code = QLineEdit()
        self.code.setObjectName("giftCardCode")
        self.code.setPlaceholderText(self.tr("Gift card code (empty: a new card)"))
        self.code.setAccessibleName(self.tr("Gift card code"))
        self.amount = QLineEdit()
        self.amount.setObjectName("giftCardAmount")
        self.amount.setPlaceholderText(self.tr("Amount"))
        self.amount.setAccessibleName(self.tr("Amount to put on the card"))
        self.cash = QLineEdit()
        self.cash.setObjectName("giftCardCash")
        self.cash.setPlaceholderText(self.tr("Cash given (empty: the exact amount)"))
        self.cash.setAccessibleName(self.tr("Cash given"))
        self.cash.returnPressed.connect(lambda: self.put())
        self.put_button = key_button(self.tr("Sell / top up"), "giftCardPut")
        self.put_button.clicked.connect(lambda: self.put())
        self.card_button = key_button(self.tr("By card"), "giftCardByCard")
        self.card_button.clicked.connect(lambda: self.put_by_card())
        if self._card_lane is None:  # (shown before it has a parent, it would be a window)
            self.card_button.hide()
        balance = key_button(self.tr("Balance"), "giftCardBalance")
        balance.clicked.connect(lambda: self.balance())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Gift card:")))
        row.addWidget(self.code, 2)
        row.addWidget(self.amount, 1)
        row.addWidget(self.cash, 1)
        row.addWidget(self.put_button)
        row.addWidget(self.card_button)
        row.addWidget(balance)

    def _money(self, text: str, field: QLineEdit) -> Money | None:
        try:
            return Money.of(text.strip().replace(",", ".").replace(" ", ""), "EUR")
        except DomainError:
            self._say.setText(
                self.tr("“%1” is not an amount: type it like 20 or 20.50.").replace("%1", text)
            )
            field.setFocus()
            return None

    def put(self) -> None:
        """A new card when the code is empty, else a top-up of that card."""
        amount = self._money(self.amount.text(), self.amount)
        if amount is None:
            return
        cash_text = self.cash.text().strip()
        given = amount if not cash_text else self._money(cash_text, self.cash)
        if given is None:
            return
        code, cards, operator = self.code.text().strip(), self._cards, self._operator
        if code:
            job = lambda: cards.top_up(code, amount, operator, given)  # noqa: E731
        else:
            job = lambda: cards.sell(amount, operator, given)  # noqa: E731
        self._lane.submit(job, self._done, self._refused, owner=self)

    def put_by_card(self) -> None:
        """The same, the amount paid on the card terminal."""
        lane = self._card_lane
        amount = self._money(self.amount.text(), self.amount)
        if amount is None or lane is None:
            return
        code, cards, operator = self.code.text().strip() or None, self._cards, self._operator
        self.card_button.setEnabled(False)
        self.put_button.setEnabled(False)
        self._say.setText(
            self.tr("Card payment of %1: the customer follows the terminal's prompts.").replace(
                "%1", formatting.money(amount)
            )
        )
        shown = gui_listener(self, self._say.setText)

        def progress(_status: int, text: str) -> None:
            with suppress(ListenerGone):  # the panel went: the payment goes on
                shown(text)

        lane.submit(
            lambda: cards.by_card(code, amount, operator, progress),
            self._done,
            self._refused,
            owner=self,
        )

    def _done(self, result: GiftCardResult) -> None:
        self.card_button.setEnabled(True)
        self.put_button.setEnabled(True)
        text = (
            self.tr("Gift card %1 sold: %2 on it.")
            if result.kind == GIFT_CARD_SALE
            else self.tr("Gift card %1 topped up: %2 on it.")
        )
        text = text.replace("%1", result.code).replace("%2", formatting.money(result.balance))
        if result.change.minor:
            text += " " + self.tr("GIVE %1 IN CASH from the drawer").replace(
                "%1", formatting.money(result.change)
            )
        self._say.setText(text)
        self.code.setText(result.code)
        self.amount.clear()
        self.cash.clear()

    def balance(self) -> None:
        code = self.code.text().strip()
        if not code:
            self._say.setText(self.tr("Type or scan the gift card's code first."))
            self.code.setFocus()
            return
        cards = self._cards

        def said(found: tuple[GiftCard | None, bool]) -> None:
            card, usable = found
            if card is None:
                self._say.setText(self.tr("No gift card %1 on this till.").replace("%1", code))
                return
            if card.valid_until is None:
                text = self.tr("Gift card %1 holds %2.")
            elif usable:
                text = self.tr("Gift card %1 holds %2, to spend until %3.")
            else:
                text = self.tr("Gift card %1 holds %2 but expired on %3: it pays nothing.")
            until = "" if card.valid_until is None else formatting.day(card.valid_until)
            self._say.setText(
                text.replace("%1", card.code)
                .replace("%2", formatting.money(card.balance))
                .replace("%3", until)
            )

        self._lane.submit(lambda: cards.card(code), said, self._refused, owner=self)

    def _refused(self, error: BaseException) -> None:
        self.card_button.setEnabled(True)
        self.put_button.setEnabled(True)
        if isinstance(error, GiftCardPaymentUnsettled | GiftCardCharged):  # charged, maybe
            self._say.setText(errors.message_for(error))
            return
        if isinstance(error, UnknownGiftCard):
            text = self.tr("No gift card %1 on this till.").replace("%1", error.code)
        elif isinstance(error, AmountNotValid):
            text = self.tr("Type an amount more than zero.")
        elif isinstance(error, NotEnoughCash):
            text = self.tr("The customer gives at least %1 in cash.").replace(
                "%1", formatting.money(error.amount)
            )
        else:
            text = errors.message_for(error)
        self._say.setText(text + " " + self.tr("Nothing was done."))
