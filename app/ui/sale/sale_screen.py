"""The sale screen: the performance page's plan with the cart beside it, and the payment panel
(F12) in its place while the customer pays.

Picked seats or the best-available proposal go into the cart with one key (Enter, or "Add to
cart"): `SellingServices.add_seats` holds them at once. F4 cycles the selected line's tariff,
Del removes it; a standing zone sells by quantity. The hold's time left is counted down from
`CartView.hold_expires_at` on the injected clock; when it lapses the seats go back
(`lapse_holds`) and the cashier is told. Every use case runs on the database lane.

The cart's codes and contact (`CounterServices`): Ctrl+K takes the keyboard to the code
field (a promo, partner or single-use code, typed or scanned while the cart shows), Enter
applies it; the codes list's selected code goes with Del or "Remove code". After every change
of the cart the selling service applies the codes again; the cart says which it dropped and
why. Ctrl+U finds or creates the customer (`ContactPanel`), whose advantages without a code
show beside the name; Ctrl+J applies the first of them. The contact is attached to the order
right after the sale's commit (`ContactServices.attach`, on the lane).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from app.services.advantages import AdvantageServices, AppliedCart, CartCodes
from app.services.browsing import PerformancePage
from app.services.changes import Changes
from app.services.contacts import ContactServices
from app.services.devices import DevicesService
from app.services.printing import PrintingServices
from app.services.selling import CartView, SellingServices, TariffPrice
from app.services.till import TillServices
from app.ui import errors, formatting
from app.ui.performances.performance_page import PerformancePageScreen
from app.ui.sale.cart_panel import CartPanel
from app.ui.sale.contact_panel import ContactPanel
from app.ui.sale.payment_panel import PaymentPanel
from app.ui.sale.print_problems import PrintProblems
from app.ui.sale.quantity_grid import QuantityGrid
from app.ui.tasks import Lane
from domain.advantages import CodeRefused, Refusal
from domain.contacts import Contact

# What a scan on the cart leaves to the orders screen: a ticket's barcode (20 characters of
# base32) or an order number (G1-000001).
_TICKET_OR_ORDER = re.compile(r"^([A-Z2-7]{20}|[A-Z0-9]+-\d{6})$")


@dataclass(frozen=True)
class CounterServices:
    """The cart's promo and advantage codes, and the customer at the counter."""

    advantages: AdvantageServices
    contacts: ContactServices


class SaleScreen(QWidget):
    unknown_scan = Signal(str)  # a scan on the cart that is no code: the orders screen finds it

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
        counter: CounterServices | None = None,
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
        self._counter = counter
        self.codes = CartCodes()
        self.contact: Contact | None = None
        self._contact_cart = ""  # the cart the contact was chosen for
        self._attached: set[str] = set()  # orders given their contact already
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
        self.contact_panel = (
            None if counter is None else ContactPanel(counter.contacts, services, lane)
        )
        if self.contact_panel is not None:
            self.modes.addWidget(self.contact_panel)
            self.contact_panel.chosen.connect(self._contact_chosen)
            self.contact_panel.cancelled.connect(self._contact_closed)
            self.contact_panel.erased.connect(self._contact_erased)
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
        if counter is not None:
            for sequence, slot in (
                ("Ctrl+K", self.focus_code),
                ("Ctrl+U", self.choose_contact),
                ("Ctrl+J", self.apply_available),
            ):
                QShortcut(QKeySequence(sequence), self.selling_view, activated=slot)
            self.cart.code.returnPressed.connect(lambda: self.apply_code())
            self.cart.apply_code.clicked.connect(lambda: self.apply_code())
            self.cart.remove_code.clicked.connect(self.remove_code)
            self.cart.contact_button.clicked.connect(self.choose_contact)
        else:
            for widget in (self.cart.code, self.cart.apply_code, self.cart.contact_button):
                widget.hide()
            self.cart.contact.hide()
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
        cart_id, selling = result[0].cart.id, self._selling
        self._submit(lambda: selling.cart(cart_id), self._changed_quietly)
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

    def _changed_quietly(self, view: CartView) -> None:
        self.view = view
        self._show_cart()

    def _submit(
        self,
        job: Callable[[], CartView],
        done: Callable[[CartView], object],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """A change of the cart on the lane, then its codes as the cart shows them: those the
        change dropped are said, with why."""
        counter = self._counter
        if counter is None:
            self._lane.submit(job, done, failed or self._failed, owner=self)
            return
        before, contact = self.codes.pairs(), self._contact_id()

        def with_codes() -> tuple[CartView, CartCodes]:
            view = job()
            return view, counter.advantages.cart_codes(view.cart.id, contact, before)

        def shown(result: tuple[CartView, CartCodes]) -> None:
            view, codes = result
            done(view)
            self._show_codes(codes, view)

        self._lane.submit(with_codes, shown, failed or self._failed, owner=self)

    def _show_codes(self, codes: CartCodes, view: CartView) -> None:
        self.codes = codes
        dropped = self.cart.show_codes(codes, view.cart.currency)
        if dropped:
            shown = self.cart.message.text()
            self.cart.message.setText(f"{shown} {dropped}".strip())

    def _contact_id(self) -> str | None:
        return None if self.contact is None else self.contact.id

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
        self._submit(lambda: selling.add_seats(cart_id, performance_id, ids), self._seats_added)

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
        self._submit(
            lambda: selling.add_places(cart_id, performance_id, zone, count),
            lambda view: (
                self._changed(
                    view, self.tr("%1 standing place(s) added.").replace("%1", str(count))
                ),
                self.cart.select_last(),
            ),
        )

    def cycle_tariff(self) -> None:
        """F4: the selected line's next tariff."""
        line_id = self.cart.selected_line_id()
        if self.view is None or line_id is None:
            return
        cart_id, selling = self.view.cart.id, self._selling
        self._submit(lambda: selling.cycle_tariff(cart_id, line_id), self._changed)

    def remove(self) -> None:
        """Del: the selected line leaves the cart, its seat goes back on sale (in the codes
        list: the selected code leaves the cart)."""
        if self.cart.codes.hasFocus():
            self.remove_code()
            return
        line_id = self.cart.selected_line_id()
        if self.view is None or line_id is None:
            return
        cart_id, selling = self.view.cart.id, self._selling
        self._submit(
            lambda: selling.remove(cart_id, line_id),
            lambda view: self._changed(view, self.tr("Line removed: its seats are on sale again.")),
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

        self._submit(lambda: selling.add_quantities(cart_id, performance_id, wanted), added)

    def _failed(self, error: BaseException) -> None:
        self.cart.message.setText(errors.message_for(error))

    # --- the codes --------------------------------------------------------------------------

    def focus_code(self) -> None:
        """Ctrl+K: the keyboard in the code field."""
        self.cart.code.selectAll()
        self.cart.code.setFocus()

    def apply_code(self, text: str | None = None, scanned: bool = False) -> None:
        """Enter in the code field (or a scan on the cart): the code applied to the whole
        cart, or refused with why, and nothing changed."""
        counter = self._counter
        code = (self.cart.code.text() if text is None else text).strip()
        if counter is None or self.view is None or not code:
            return
        cart_id, contact = self.view.cart.id, self._contact_id()
        self.cart.message.setText(self.tr("Checking the code %1…").replace("%1", code))

        def job() -> tuple[AppliedCart, CartView, CartCodes]:
            applied = counter.advantages.enter_code(cart_id, code)
            codes = counter.advantages.cart_codes(cart_id, contact)
            return applied, self._selling.cart(cart_id), codes

        def applied(result: tuple[AppliedCart, CartView, CartCodes]) -> None:
            _, view, codes = result
            self.cart.code.clear()
            last = codes.applied[-1] if codes.applied else None
            self._changed(
                view,
                ""
                if last is None
                else self.tr("%1 applied: %2 off. New total: %3.")
                .replace("%1", last[0].name)
                .replace("%2", formatting.money(last[2]))
                .replace("%3", formatting.money(view.due)),
            )
            self._show_codes(codes, view)

        def refused(error: BaseException) -> None:
            if scanned and isinstance(error, CodeRefused) and error.reason is Refusal.UNKNOWN:
                self.cart.message.clear()
                self.unknown_scan.emit(code)  # no code: an order, a contact, a ticket?
                return
            self._failed(error)
            if not scanned:
                self.focus_code()  # the code stays, to correct it

        self._lane.submit(job, applied, refused, owner=self)

    def remove_code(self) -> None:
        """Del in the codes list, or "Remove code": the selected code leaves the cart."""
        counter, advantage_id = self._counter, self.cart.selected_advantage_id()
        if counter is None or self.view is None or advantage_id is None:
            return
        cart_id, contact = self.view.cart.id, self._contact_id()

        def job() -> tuple[CartView, CartCodes]:
            counter.advantages.remove_code(cart_id, advantage_id)
            return self._selling.cart(cart_id), counter.advantages.cart_codes(cart_id, contact)

        def removed(result: tuple[CartView, CartCodes]) -> None:
            view, codes = result
            self._changed(
                view,
                self.tr("Code removed. New total: %1.").replace("%1", formatting.money(view.due)),
            )
            self._show_codes(codes, view)
            if not codes.applied:
                self.focus_code()

        self._lane.submit(job, removed, self._failed, owner=self)

    def apply_available(self) -> None:
        """Ctrl+J: the first advantage the cart's contact may have without a code."""
        counter = self._counter
        if counter is None or self.view is None or not self.codes.available:
            return
        advantage = self.codes.available[0]
        cart_id, contact = self.view.cart.id, self._contact_id()

        def job() -> tuple[CartView, CartCodes]:
            counter.advantages.apply_advantage(cart_id, advantage.id, contact)
            return self._selling.cart(cart_id), counter.advantages.cart_codes(cart_id, contact)

        def applied(result: tuple[CartView, CartCodes]) -> None:
            view, codes = result
            self._changed(
                view,
                self.tr("%1 applied. New total: %2.")
                .replace("%1", advantage.name)
                .replace("%2", formatting.money(view.due)),
            )
            self._show_codes(codes, view)

        self._lane.submit(job, applied, self._failed, owner=self)

    # --- the contact ------------------------------------------------------------------------

    def choose_contact(self) -> None:
        """Ctrl+U: find or create the customer for this sale."""
        if self.contact_panel is None or self.modes.currentWidget() is not self.selling_view:
            return
        self.modes.setCurrentWidget(self.contact_panel)
        self.contact_panel.start()

    def _contact_chosen(self, contact: Contact) -> None:
        self.contact = contact
        self._contact_cart = "" if self.view is None else self.view.cart.id
        self.cart.show_contact(contact)
        self._contact_closed()
        self.cart.message.setText(self.tr("%1 is this sale's contact.").replace("%1", contact.name))

    def _contact_closed(self) -> None:
        """Back to the cart; its codes shown again (the contact's advantages)."""
        self.modes.setCurrentWidget(self.selling_view)
        self.page.seat_map.setFocus()
        if self.view is not None:
            cart_id, selling = self.view.cart.id, self._selling
            self._submit(lambda: selling.cart(cart_id), self._changed_quietly)

    def _contact_erased(self, contact: Contact) -> None:
        if self.contact is not None and self.contact.id == contact.id:
            self.contact = None
            self.cart.show_contact(None)

    def _attach_sold(self) -> None:
        """Right after the sale's commit: the order's contact (on the lane; the order and its
        journal entry do not change)."""
        counter, result, contact = self._counter, self.payment.result, self.contact
        if counter is None or result is None or contact is None:
            return
        order_id = result.order.id
        if order_id in self._attached or self.payment.cart_id != self._contact_cart:
            return
        self._attached.add(order_id)
        self._lane.submit(
            lambda: counter.contacts.attach(order_id, contact.id),
            lambda _done: None,
            # the sale stands; said where the cashier looks
            lambda error: self.payment.message.setText(errors.message_for(error)),
            owner=self,
        )

    # --- the hold's time ------------------------------------------------------------------

    def tick(self) -> None:
        """The hold's time left, minutes:seconds on the injected clock; at zero the seats go
        back on sale and the cashier is told. A sale just recorded gets its contact."""
        self._attach_sold()
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

        self._submit(job, self._lapsed, self._lapse_failed)

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

    def takes_scan(self, code: str) -> bool:
        """Does a scan go to the cart's code field: the cart is shown, and the scan is no
        ticket's barcode or order number (those find their order)."""
        return (
            self._counter is not None
            and self.isVisible()
            and self.modes.currentWidget() is self.selling_view
            and _TICKET_OR_ORDER.match(code.strip().upper()) is None
        )

    def scanned(self, code: str, _source: str) -> None:
        """A scan from any scanner: while the customer pays, a gift card's code; while the
        cart shows, a promo or advantage code."""
        if self.modes.currentWidget() is self.payment and self.isVisible():
            self.payment.code.setText(code)
            self.payment.voucher()
        elif self.takes_scan(code):
            self.apply_code(code, scanned=True)

    def _back_to_cart(self) -> None:
        self.modes.setCurrentWidget(self.selling_view)
        self.page.seat_map.setFocus()
        if self.view is not None:  # the holds were extended: show their new time
            cart_id, selling = self.view.cart.id, self._selling
            self._submit(lambda: selling.cart(cart_id), self._changed)

    def _next_customer(self) -> None:
        self._attach_sold()
        self.view = None
        self.contact = None
        self.codes = CartCodes()
        self.cart.show_contact(None)
        self.cart.message.clear()
        self.modes.setCurrentWidget(self.selling_view)
        self.page.seat_map.setFocus()
        self._open_cart()
