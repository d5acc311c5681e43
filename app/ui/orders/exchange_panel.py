"""The exchange panel of the orders screen (Ctrl+E): the ticked tickets given back for seats of
another performance or tariff, picked here into the till's cart (best available, as the sale's
quantity grid picks them), then the difference paid or handed back in cash in one operation.

Thin: the rules are `app.services.exchanges`'; the cart is the sale's (`SellingServices`), so
its seats are held at once and a sold-out performance is refused when the seats are picked,
before anything is given back. Esc gives the picked seats back and leaves the panel.
"""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.services.exchanges import CartEmpty, CashShort, ExchangeResult, ExchangeServices
from app.services.records import PerformanceSummary
from app.services.selling import CartView, SellingServices, TariffPrice
from app.services.till import TillServices
from app.ui import errors, formatting
from app.ui.sale.cart_panel import emphasised, key_button
from app.ui.tasks import Lane
from domain.errors import DomainError
from domain.exchanges import ExchangePlan
from domain.money import Money
from domain.operators import Operator


class ExchangePanel(QWidget):
    finished = Signal(str)  # what was done, for the orders screen's message

    def __init__(
        self,
        exchanges: ExchangeServices,
        selling: SellingServices,
        services: TillServices,
        lane: Lane,
        operator: Operator,
        timezone: ZoneInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exchangePanel")
        self._exchanges = exchanges
        self._selling = selling
        self._services = services
        self._lane = lane
        self._operator = operator
        self._timezone = timezone
        self._order: str | None = None
        self._tickets: tuple[int, ...] = ()
        self._reason = ""
        self.cart_id: str | None = None
        self.plan: ExchangePlan | None = None

        self.performance = QComboBox()
        self.performance.setObjectName("exchangePerformance")
        self.performance.setAccessibleName(self.tr("New performance"))
        self.performance.currentIndexChanged.connect(lambda _: self._load_tariffs())
        self.tariff = QComboBox()
        self.tariff.setObjectName("exchangeTariff")
        self.tariff.setAccessibleName(self.tr("New tariff"))
        self.count = QSpinBox()
        self.count.setObjectName("exchangeCount")
        self.count.setAccessibleName(self.tr("Number of new tickets"))
        self.count.setRange(1, 20)
        self.pick_button = key_button(self.tr("Pick the seats"), "exchangePick")
        self.pick_button.clicked.connect(lambda: self.pick())
        self.summary = emphasised(QLabel(), 1.1)
        self.summary.setObjectName("exchangeSummary")
        self.summary.setWordWrap(True)
        self.cash = QLineEdit()
        self.cash.setObjectName("exchangeCash")
        self.cash.setPlaceholderText(self.tr("Cash given (empty: the exact amount)"))
        self.cash.setAccessibleName(self.tr("Cash given"))
        self.cash.returnPressed.connect(lambda: self.confirm())
        self.confirm_button = key_button(self.tr("Exchange (Ctrl+E)"), "exchangeConfirm")
        self.confirm_button.clicked.connect(lambda: self.confirm())
        self.confirm_button.setEnabled(False)
        cancel = key_button(self.tr("Cancel (Esc)"), "exchangeCancel")
        cancel.clicked.connect(lambda: self.cancel())

        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("Exchange for:")), 0, 0)
        grid.addWidget(self.performance, 0, 1, 1, 2)
        grid.addWidget(self.tariff, 1, 1)
        grid.addWidget(self.count, 1, 2)
        grid.addWidget(self.pick_button, 1, 3)
        grid.addWidget(self.summary, 2, 0, 1, 4)
        grid.addWidget(self.cash, 3, 1, 1, 2)
        grid.addWidget(self.confirm_button, 3, 3)
        grid.addWidget(cancel, 4, 3)
        QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            self,
            activated=lambda: self.cancel(),
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.hide()

    # --- steps ----------------------------------------------------------------------------

    def start(self, order_id: str, tickets: Sequence[int], reason: str) -> None:
        """Shown for these tickets: the performances to choose from, an empty cart."""
        self._order, self._tickets, self._reason = order_id, tuple(tickets), reason
        self.plan = None
        self.cart_id = None
        self.summary.setText(self.tr("Choose the new performance, tariff and number of tickets."))
        self.confirm_button.setEnabled(False)
        self.cash.clear()
        self.show()

        def load() -> tuple[CartView, list[PerformanceSummary]]:
            cart = self._selling.open_cart()
            found = self._services.performances(None, None, None, self._timezone)
            return cart, found

        self._lane.submit(load, self._loaded, self._refused, owner=self)

    def _loaded(self, found: tuple[CartView, list[PerformanceSummary]]) -> None:
        cart, performances = found
        if cart.cart.lines:
            self.hide()
            self.finished.emit(
                self.tr("A sale is in progress in the cart: finish or clear it first.")
            )
            return
        self.cart_id = cart.cart.id
        self.performance.blockSignals(True)
        self.performance.clear()
        for p in performances:
            when = formatting.date_time(p.starts_at.astimezone(self._timezone))
            self.performance.addItem(f"{p.event_name} · {when}", p.performance_id)
        self.performance.blockSignals(False)
        self._load_tariffs()
        self.performance.setFocus()

    def _load_tariffs(self) -> None:
        performance = self.performance.currentData()
        if performance is None:
            return
        self._lane.submit(
            lambda: self._selling.price_table(str(performance)),
            self._tariffs,
            self._refused,
            owner=self,
        )

    def _tariffs(self, prices: list[TariffPrice]) -> None:
        self.tariff.clear()
        for price in prices:
            self.tariff.addItem(
                f"{price.category_name} · {price.audience_name} · {formatting.money(price.price)}",
                (price.category, price.audience),
            )

    def pick(self) -> None:
        """The new seats, best available, held in the cart; then what the exchange comes to."""
        performance, tariff, cart = (
            self.performance.currentData(),
            self.tariff.currentData(),
            (self.cart_id),
        )
        order = self._order
        if performance is None or tariff is None or cart is None or order is None:
            return
        category, audience = tariff
        count, tickets = self.count.value(), self._tickets
        selling, exchanges = self._selling, self._exchanges

        def held() -> tuple[str, ExchangePlan]:
            if selling.cart(cart).cart.lines:  # a second pick replaces the first
                selling.abandon(cart)
            fresh = selling.open_cart().cart.id
            selling.add_quantities(fresh, str(performance), [(category, audience, count)])
            return fresh, exchanges.quote(order, tickets, fresh)

        self.summary.setText(self.tr("Holding the seats…"))
        self._lane.submit(held, self._quoted, self._refused, owner=self)

    def _quoted(self, found: tuple[str, ExchangePlan]) -> None:
        self.cart_id, plan = found
        self.plan = plan
        text = (
            self.tr("Given back: %1. New tickets: %2.")
            .replace("%1", formatting.money(plan.credit))
            .replace("%2", formatting.money(plan.due))
        )
        if plan.to_pay.minor:
            text += " " + self.tr("The customer pays %1 in cash.").replace(
                "%1", formatting.money(plan.to_pay)
            )
        elif plan.to_give_back.minor:
            text += " " + self.tr("GIVE %1 IN CASH from the drawer").replace(
                "%1", formatting.money(plan.to_give_back)
            )
        else:
            text += " " + self.tr("Nothing to pay.")
        self.summary.setText(text + " " + self.tr("Ctrl+E exchanges."))
        self.confirm_button.setEnabled(True)
        self.cash.setFocus()

    def confirm(self) -> None:
        """Ctrl+E: the exchange, in one operation."""
        plan, cart, order = self.plan, self.cart_id, self._order
        if plan is None or cart is None or order is None:
            self.summary.setText(self.tr("Pick the new seats first."))
            return
        given: Money | None = None
        if plan.to_pay.minor:
            text = self.cash.text().strip()
            try:
                given = (
                    plan.to_pay
                    if not text
                    else Money.of(text.replace(",", ".").replace(" ", ""), plan.due.currency)
                )
            except DomainError:
                self.summary.setText(self.tr("Type the cash given, e.g. 20.00."))
                self.cash.selectAll()
                return
        tickets, reason, operator, exchanges = (
            self._tickets,
            self._reason,
            self._operator,
            self._exchanges,
        )
        self.confirm_button.setEnabled(False)
        self._lane.submit(
            lambda: exchanges.exchange(order, tickets, cart, reason, operator, cash_given=given),
            self._exchanged,
            self._refused,
            owner=self,
        )

    def _exchanged(self, result: ExchangeResult) -> None:
        text = self.tr(
            "Exchanged: the old tickets' barcodes are void, %1 new tickets are printing."
        ).replace("%1", str(len(result.sale.order.tickets)))
        if result.change.minor:
            text += " " + self.tr("GIVE %1 IN CASH from the drawer").replace(
                "%1", formatting.money(result.change)
            )
        self._order, self.plan, self.cart_id = None, None, None
        self.hide()
        self.finished.emit(text)

    def cancel(self) -> None:
        """Esc: the picked seats go back on sale; nothing was exchanged."""
        cart = self.cart_id
        self._order, self.plan, self.cart_id = None, None, None
        self.hide()
        if cart is not None:
            selling = self._selling

            def give_back() -> None:
                if selling.cart(cart).cart.lines:
                    selling.abandon(cart)

            self._lane.submit(give_back, lambda _: None, self._refused, owner=self)
        self.finished.emit(self.tr("No exchange: nothing was changed."))

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, CashShort):
            text = self.tr("The customer pays %1 in cash: type at least that.").replace(
                "%1", formatting.money(error.due)
            )
        elif isinstance(error, CartEmpty):
            text = self.tr("Pick the new seats first.")
        else:
            text = errors.message_for(error)
        self.summary.setText(text + " " + self.tr("Nothing was exchanged."))
        self.confirm_button.setEnabled(self.plan is not None)
