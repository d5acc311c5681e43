"""The sale screen: the performance page's plan with the cart beside it, and the payment panel
(F12) in its place while the customer pays.

Picked seats or the best-available proposal go into the cart with one key (Enter, or "Add to
cart"): `SellingServices.add_seats` holds them at once. F4 cycles the selected line's tariff,
Del removes it; a standing zone sells by quantity. The hold's time left is counted down from
`CartView.hold_expires_at` on the injected clock; when it lapses the seats go back
(`lapse_holds`) and the cashier is told. Every use case runs on the database lane.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from app.services.browsing import PerformancePage
from app.services.changes import Changes
from app.services.devices import DevicesService
from app.services.printing import PrintingServices
from app.services.selling import CartView, SellingServices, TariffPrice
from app.services.till import TillServices
from app.ui import errors
from app.ui.performances.performance_page import PerformancePageScreen
from app.ui.sale.cart_panel import CartPanel
from app.ui.sale.payment_panel import PaymentPanel
from app.ui.sale.print_problems import PrintProblems
from app.ui.sale.quantity_grid import QuantityGrid
from app.ui.tasks import Lane


class SaleScreen(QWidget):
    def __init__(
        self,
        page: PerformancePageScreen,
        selling: SellingServices,
        services: TillServices,
        lane: Lane,
        operator_id: str,
        devices: DevicesService | None = None,
        printing: PrintingServices | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("saleScreen")
        self.page = page
        self._selling = selling
        self._services = services
        self._lane = lane
        self.view: CartView | None = None
        self.tariff_names: dict[str, str] = {}
        self._lapsing = False
        self.card_lane = Lane("sale devices", self)  # the terminal, the customer display
        self.cart = CartPanel()
        self.payment = PaymentPanel(selling, lane, self.card_lane, operator_id, devices)

        self.selling_view = QWidget()
        row = QHBoxLayout(self.selling_view)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(page, 1)
        row.addWidget(self.cart)
        self.modes = QStackedWidget()
        self.modes.addWidget(self.selling_view)
        self.modes.addWidget(self.payment)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Tickets that did not print, whichever sale they are from: F9 reprints them.
        self.print_problems = (
            None if printing is None else PrintProblems(printing, lane, operator_id)
        )
        if self.print_problems is not None:
            layout.addWidget(self.print_problems)
            QShortcut(QKeySequence(Qt.Key.Key_F9), self, activated=self.print_problems.reprint)
        layout.addWidget(self.modes)

        for key, slot in (
            (Qt.Key.Key_F4, self.cycle_tariff),
            (Qt.Key.Key_Delete, self.remove),
            (Qt.Key.Key_F12, self.pay),
        ):
            QShortcut(QKeySequence(key), self.selling_view, activated=slot)
        self.quantities = QuantityGrid()  # the sale without a plan, in the plan's place
        self._quantities_for = ""
        page.set_quantity_grid(self.quantities)
        self.quantities.chosen.connect(self.add_quantities)
        page.search_mode.currentIndexChanged.connect(self._grid_focus)
        page.seats_chosen.connect(self.add_seats)
        page.seat_map.installEventFilter(self)  # a digit on the plan: that many best seats
        page.shown.connect(self._performance_shown)
        self.cart.add_button.clicked.connect(
            lambda: self.add_seats(self.page.seat_map.selected_ids())
        )
        self.cart.add_places.clicked.connect(self.add_places)
        self.cart.tariff_button.clicked.connect(self.cycle_tariff)
        self.cart.remove_button.clicked.connect(self.remove)
        self.cart.pay_button.clicked.connect(self.pay)
        self.payment.cancelled.connect(self._back_to_cart)
        self.payment.next_customer.connect(self._next_customer)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self._open_cart()

    # --- the cart ---------------------------------------------------------------------------

    def _open_cart(self) -> None:
        selling = self._selling

        def job() -> tuple[CartView, dict[str, str]]:
            return selling.open_cart(), selling.tariff_names()

        self._lane.submit(job, self._cart_opened, self._failed, owner=self)

    def _cart_opened(self, result: tuple[CartView, dict[str, str]]) -> None:
        self.view, self.tariff_names = result
        self.cart.message.clear()
        self._show_cart()
        if self.view.cart.lines:  # a new cart is empty: this one was kept
            self.cart.message.setText(
                self.tr(
                    "This cart was kept from before (the till was locked or stopped): its "
                    "seats are still held. F12 pays it, Del removes a line."
                )
            )

    def _show_cart(self) -> None:
        if self.view is not None:
            self.cart.show_cart(self.view, self.tariff_names)
        self.tick()

    def _changed(self, view: CartView, message: str = "") -> None:
        self.view = view
        self._show_cart()
        self.cart.message.setText(message)

    def _performance_id(self) -> str | None:
        plan = self.page.plan
        return None if plan is None else plan.performance_id

    def add_seats(self, seat_ids: list[str]) -> None:
        """The seats picked (or proposed) go into the cart, held at once."""
        performance_id = self._performance_id()
        if self.view is None or performance_id is None:
            return
        if not seat_ids:
            self.cart.message.setText(self.tr("Pick seats on the plan, or F3 for the best ones."))
            return
        cart_id, selling, ids = self.view.cart.id, self._selling, list(seat_ids)
        self.cart.message.setText(self.tr("Holding the seats…"))
        self._lane.submit(
            lambda: selling.add_seats(cart_id, performance_id, ids),
            self._seats_added,
            self._failed,
            owner=self,
        )

    def _seats_added(self, view: CartView) -> None:
        added = 0 if self.view is None else len(view.cart.lines) - len(self.view.cart.lines)
        self.page.seat_map.clear_proposal()
        self.page.seat_map.clear_selection()
        self._changed(view, self.tr("%1 seat(s) added to the cart.").replace("%1", str(added)))
        self.cart.select_last()

    def add_places(self) -> None:
        """Standing places by quantity, in the zone chosen."""
        performance_id = self._performance_id()
        zone = self.cart.zone.currentData()
        if self.view is None or performance_id is None or not isinstance(zone, str):
            return
        cart_id, selling, count = self.view.cart.id, self._selling, self.cart.places.value()
        self._lane.submit(
            lambda: selling.add_places(cart_id, performance_id, zone, count),
            lambda view: (
                self._changed(
                    view, self.tr("%1 standing place(s) added.").replace("%1", str(count))
                ),
                self.cart.select_last(),
            ),
            self._failed,
            owner=self,
        )

    def cycle_tariff(self) -> None:
        """F4: the selected line's next tariff."""
        line_id = self.cart.selected_line_id()
        if self.view is None or line_id is None:
            return
        cart_id, selling = self.view.cart.id, self._selling
        self._lane.submit(
            lambda: selling.cycle_tariff(cart_id, line_id), self._changed, self._failed, owner=self
        )

    def remove(self) -> None:
        """Del: the selected line leaves the cart, its seat goes back on sale."""
        line_id = self.cart.selected_line_id()
        if self.view is None or line_id is None:
            return
        cart_id, selling = self.view.cart.id, self._selling
        self._lane.submit(
            lambda: selling.remove(cart_id, line_id),
            lambda view: self._changed(view, self.tr("Line removed: its seats are on sale again.")),
            self._failed,
            owner=self,
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """1 to 9 on the plan (F3 then 4, say): the best available for that many seats."""
        if (
            watched is self.page.seat_map
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and Qt.Key.Key_1.value <= event.key() <= Qt.Key.Key_9.value
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.page.quantity.setValue(event.key() - Qt.Key.Key_0.value)
            self.page.best_key()
            return True
        return super().eventFilter(watched, event)

    def _performance_shown(self, page: PerformancePage) -> None:
        self.cart.set_zones(page.standing if page.sellable.allowed else ())
        if page.performance_id == self._quantities_for:
            return
        self._quantities_for = page.performance_id
        selling, performance_id = self._selling, page.performance_id
        self._lane.submit(
            lambda: selling.price_table(performance_id),
            self._price_table,
            self._failed,
            owner=self,
        )

    def _price_table(self, table: list[TariffPrice]) -> None:
        plan = self.page.plan
        self.quantities.set_table(table, None if plan is None else plan.max_tickets)
        self._grid_focus()

    def _grid_focus(self) -> None:
        if self.page.no_plan():
            self.quantities.focus_first()

    def add_quantities(self, wanted: list[tuple[str, str, int]]) -> None:
        """The sale without a plan: the till picks the seats for the quantities typed."""
        page = self.page.page
        if self.view is None or page is None:
            return
        if not page.sellable.allowed:
            self.cart.message.setText(self.page.sale_state.text())  # why it is not on sale
            return
        cart_id, selling, performance_id = self.view.cart.id, self._selling, page.performance_id
        count = sum(n for _c, _a, n in wanted)
        self.cart.message.setText(self.tr("Holding the seats…"))

        def added(view: CartView) -> None:
            self.quantities.clear()
            self._changed(
                view, self.tr("%1 ticket(s) added to the cart.").replace("%1", str(count))
            )
            self.cart.select_last()
            self.quantities.focus_first()

        self._lane.submit(
            lambda: selling.add_quantities(cart_id, performance_id, wanted),
            added,
            self._failed,
            owner=self,
        )

    def _failed(self, error: BaseException) -> None:
        self.cart.message.setText(errors.message_for(error))

    # --- the hold's time ------------------------------------------------------------------

    def tick(self) -> None:
        """The hold's time left, minutes:seconds on the injected clock; at zero the seats go
        back on sale and the cashier is told."""
        view = self.view
        if view is None or view.hold_expires_at is None or not view.cart.lines:
            self.cart.hold.clear()
            return
        left = int((view.hold_expires_at - self._services.clock.now()).total_seconds())
        if left > 0:
            minutes, seconds = divmod(left, 60)
            self.cart.hold.setText(
                self.tr("Seats held for %1").replace("%1", f"{minutes}:{seconds:02d}")
            )
            return
        self.cart.hold.setText(self.tr("Hold lapsed"))
        if self._lapsing or self.modes.currentWidget() is not self.selling_view:
            return  # while paying, `begin_payment` extended the holds; the commit decides
        self._lapsing = True
        cart_id, selling = view.cart.id, self._selling

        def job() -> CartView:
            lapsed = selling.lapse_holds()
            touched = frozenset(p for cart in lapsed for p in cart.performances())
            return replace(selling.cart(cart_id), changes=Changes(performances=touched))

        self._lane.submit(job, self._lapsed, self._lapse_failed, owner=self)

    def _lapsed(self, view: CartView) -> None:
        self._lapsing = False
        self._changed(
            view,
            self.tr(
                "The hold ran out: the cart's seats went back on sale. Pick them again if the "
                "customer still wants them."
            ),
        )

    def _lapse_failed(self, error: BaseException) -> None:
        self._lapsing = False
        self._failed(error)

    # --- paying ---------------------------------------------------------------------------

    def pay(self) -> None:
        """F12: the payment panel for the cart."""
        if self.view is None:
            return
        if not self.view.cart.lines:
            self.cart.message.setText(self.tr("The cart is empty: add seats first."))
            return
        self.modes.setCurrentWidget(self.payment)
        self.payment.start(self.view)

    def scanned(self, code: str, _source: str) -> None:
        """A scan from any scanner: while the customer pays, a gift card's code."""
        if self.modes.currentWidget() is self.payment and self.isVisible():
            self.payment.code.setText(code)
            self.payment.voucher()

    def _back_to_cart(self) -> None:
        self.modes.setCurrentWidget(self.selling_view)
        self.page.seat_map.setFocus()
        if self.view is not None:  # the holds were extended: show their new time
            cart_id, selling = self.view.cart.id, self._selling
            self._lane.submit(
                lambda: selling.cart(cart_id), self._changed, self._failed, owner=self
            )

    def _next_customer(self) -> None:
        self.view = None
        self.cart.message.clear()
        self.modes.setCurrentWidget(self.selling_view)
        self.page.seat_map.setFocus()
        self._open_cart()
