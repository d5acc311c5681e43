"""The counter sale's use cases: a cart whose seats are held at once, tariffs per ticket, and
the payment that turns it into an order in **one** transaction.

A sale, in order (ARCHITECTURE.md): hold the seats (`add_seats`, `add_places`) → take the
card or voucher payments (the card through `app.services.payments`, before `complete`) →
`complete`: in one write transaction, check the till session, the tenders and the holds, take
the ticket numbers and unguessable barcodes, sell the seats, store the order with its tickets
and tenders, append the journal entry and the outbox message, and queue the tickets' print
jobs → after the commit, hand the jobs to the printers and open the drawer for cash. A print
failure never undoes the sale; nothing prints before the commit.

Holds: a cart's seats are held for the channel's hold time from the last change; starting a
payment (`begin_payment`) extends them, so a hold cannot lapse while a card is in the
terminal; `complete` sells only seats the cart still holds (a lapsed hold nobody took is still
the cart's), and refuses — before any cash is taken, and with the card payment left approved
for a refund — if another cart took one meanwhile.

Nothing here touches Qt; the inventory is a port (`Inventory`), local now, the server's later.
"""

from __future__ import annotations

import logging
import secrets
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from app.services import advantages, browsing, training
from app.services.accounts import account_companies
from app.services.changes import Changes
from app.services.payments import PaymentState
from app.services.ports import (
    Clock,
    Held,
    Inventory,
    Returned,
    UnitOfWork,
    UnitOfWorkFactory,
)
from app.services.tickets import receipt_document
from app.services.tills import session_for_sale
from domain.accounts import company_of
from domain.availability import SeatState, may_sell_now, may_sell_seat
from domain.barcodes import new_barcode
from domain.best_available import best_available
from domain.catalog import Performance, PriceGrid, max_tickets
from domain.channels import SalesChannel
from domain.configuration import LogicalLayout
from domain.errors import DomainError
from domain.exchanges import EXCHANGE
from domain.gift_cards import GiftCard, spendable
from domain.money import Money
from domain.orders import (
    Cart,
    CartLine,
    LineKind,
    Order,
    PaymentPlan,
    Tender,
    TenderMethod,
    Ticket,
    due,
    make_order,
    sale_record,
)
from domain.pricing import next_tariff, order_fee, tariffs, ticket_price
from domain.training import marked
from drivers.payment import TransactionKind
from printing.data import ReceiptData

log = logging.getLogger(__name__)


class SaleError(DomainError):
    pass


class SeatsUnavailable(SaleError):
    """Seats that cannot go into the cart, each with why (a `Refusal` value, or "held")."""

    def __init__(self, reasons: dict[str, str]) -> None:
        shown = ", ".join(f"{seat} ({why})" for seat, why in sorted(reasons.items())[:5])
        super().__init__(f"seats not available: {shown}")
        self.reasons = reasons


class PlacesUnavailable(SaleError):
    def __init__(self, zone: str, left: int) -> None:
        super().__init__(f"only {left} places left in {zone}")
        self.zone = zone
        self.left = left


class NotEnoughSeats(SaleError):
    """A sale without a plan asked for more seats of a category than are left to sell."""

    def __init__(self, category: str, wanted: int, left: int) -> None:
        super().__init__(f"{wanted} seats asked in {category}, {left} left")
        self.category = category
        self.wanted = wanted
        self.left = left


class TenderNotValid(SaleError):
    """A card payment not approved (or for another amount), a gift card without the balance."""


class PaymentToSettle(SaleError):
    """A card payment of this cart has no known outcome yet: settle it before anything else
    is charged (`app.services.payments.reconcile_open` or a supervisor's close)."""

    def __init__(self, payment_id: str, state: str) -> None:
        super().__init__(f"card payment {payment_id} is {state}: settle it before paying again")
        self.payment_id = payment_id
        self.state = state


class SeatsLost(SaleError):
    """A hold lapsed during the payment and another cart took the seats: the sale is not
    recorded; an approved card payment stays approved, to be refunded."""

    def __init__(self, seats: list[str]) -> None:
        super().__init__(f"these seats were taken by another cart meanwhile: {', '.join(seats)}")
        self.seats = seats


@dataclass(frozen=True, slots=True)
class CartView:
    cart: Cart
    fee: Money
    due: Money
    changes: Changes = field(default_factory=Changes)

    @property
    def hold_expires_at(self) -> datetime | None:
        return self.cart.hold_expires_at


@dataclass(frozen=True, slots=True)
class TariffPrice:
    """One cell of the quantity grid: a category at a tariff, and its price."""

    category: str
    category_name: str
    audience: str
    audience_name: str
    price: Money


@dataclass(frozen=True, slots=True)
class SaleResult:
    order: Order
    device_seq: int
    print_jobs: tuple[str, ...]
    changes: Changes
    receipt_job: str | None = None  # queued after the sale on a station set to "always"


class LocalInventory:
    """The `Inventory` port on the till's own database: seats and places held and sold inside
    the caller's transaction. The server's (sync issue) takes the same calls."""

    def hold_seats(
        self,
        uow: UnitOfWork,
        performance_id: str,
        seat_ids: Sequence[str],
        owner: str,
        expires_at: datetime,
        now: datetime,
    ) -> Held:
        taken = uow.seat_states.hold(performance_id, seat_ids, owner, expires_at, now)
        return Held(dict.fromkeys(taken, "seat_held"))

    def hold_places(
        self,
        uow: UnitOfWork,
        performance_id: str,
        zone_id: str,
        places: int,
        capacity: int,
        owner: str,
        expires_at: datetime,
        now: datetime,
    ) -> Held:
        if uow.standing.hold(performance_id, zone_id, owner, places, capacity, expires_at, now):
            return Held()
        return Held({zone_id: "not_enough_places"})

    def release(self, uow: UnitOfWork, cart: Cart, line: CartLine | None = None) -> None:
        for item in cart.lines if line is None else (line,):
            if item.kind is LineKind.SEAT and item.seat_id is not None:
                uow.seat_states.release(item.performance_id, [item.seat_id], owner_of(cart))
            elif item.kind is LineKind.STANDING:
                uow.standing.release(places_owner(cart, item))

    def extend(self, uow: UnitOfWork, cart: Cart, expires_at: datetime, now: datetime) -> list[str]:
        """Hold the cart's seats and places until ``expires_at``; the seats another cart took
        after the hold lapsed are returned (and then nothing changed for their performance)."""
        lost: list[str] = []
        for performance_id, seats in _seats_by_performance(cart).items():
            lost += uow.seat_states.hold(performance_id, seats, owner_of(cart), expires_at, now)
        for line in cart.lines:
            if line.kind is LineKind.STANDING:
                uow.standing.extend(places_owner(cart, line), expires_at)
        return lost

    def lease_of(self, cart: Cart) -> tuple[str, int] | None:
        return None  # a till on its own has no lease

    def give_back(self, uow: UnitOfWork, sale: str, places: Sequence[Returned]) -> list[str]:
        """A refund: the seats and standing places sold to ``sale`` are free again, all or
        none (the places not sold to it are returned; the caller rolls back)."""
        missing: list[str] = []
        seats: dict[str, list[str]] = {}
        for place in places:
            if place.seat_id is not None:
                seats.setdefault(place.performance_id, []).append(place.seat_id)
            elif place.zone_id is not None and not uow.standing.unsell(
                sale, place.zone_id, place.places
            ):
                missing.append(place.zone_id)
        for performance_id, seat_ids in seats.items():
            missing += uow.seat_states.unsell(performance_id, seat_ids, sale)
        return missing

    def sell(self, uow: UnitOfWork, cart: Cart, sale: str) -> list[str]:
        lost: list[str] = []
        for performance_id, seats in _seats_by_performance(cart).items():
            lost += uow.seat_states.sell(performance_id, seats, owner_of(cart), sale)
        if not lost:
            for line in cart.lines:
                if line.kind is LineKind.STANDING:
                    uow.standing.sell(places_owner(cart, line), sale)
        return lost


LEASED = "lease:"  # a cart line's ``hold`` when its place comes from a lease: lease:<id>:<epoch>


class TrainingInventory(LocalInventory):
    """The inventory while the till is in training: seats and places are held on this till
    only (the server never hears of them), and a training sale gives them back as it
    commits — practice never takes a seat from a real customer."""

    def sell(self, uow: UnitOfWork, cart: Cart, sale: str) -> list[str]:
        self.release(uow, cart)
        return []


_TRAINING_INVENTORY = TrainingInventory()


def leased_hold(lease_id: str, epoch: int) -> str:
    return f"{LEASED}{lease_id}:{epoch}"


def lease_of(cart: Cart) -> tuple[str, int] | None:
    """The lease every line of the cart is sold from (an offline-able sale), or None."""
    found = {line.hold for line in cart.lines}
    if len(found) != 1:
        return None
    hold = next(iter(found))
    if not hold.startswith(LEASED):
        return None
    lease_id, _, epoch = hold[len(LEASED) :].rpartition(":")
    return (lease_id, int(epoch)) if lease_id and epoch.isdigit() else None


def _seats_by_performance(cart: Cart) -> dict[str, list[str]]:
    seats: dict[str, list[str]] = {}
    for line in cart.lines:
        if line.seat_id is not None:
            seats.setdefault(line.performance_id, []).append(line.seat_id)
    return seats


def order_number(till: str, device_seq: int) -> str:
    """The order number printed on tickets and receipts: the till and its sale sequence."""
    return f"{till}-{device_seq:06d}"


def owner_of(cart: Cart) -> str:
    """Who holds a cart's seats in the inventory."""
    return f"cart:{cart.id}"


def places_owner(cart: Cart, line: CartLine) -> str:
    """Who holds one standing line's places: one per line, so removing a line gives back
    exactly its places."""
    return f"cart:{cart.id}:{line.id}"


class SellingServices:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        till: str,
        channel_code: Callable[[], str],
        inventory: Inventory | None = None,
        print_tickets: Callable[[UnitOfWork, Order, str], list[str]] | None = None,
        print_receipt: Callable[[ReceiptData], str] | None = None,
        dispatch: Callable[[Sequence[str]], None] | None = None,
        open_drawer: Callable[[], None] | None = None,
        random_bits: Callable[[int], int] = secrets.randbits,
        receipt_always: bool = False,
        recorded: Callable[[], None] | None = None,
    ) -> None:
        self._uow = uow_factory
        self._clock = clock
        self._till = till
        self._channel_code = channel_code
        self._inventory: Inventory = inventory or LocalInventory()
        self._print_tickets = print_tickets
        self._dispatch = dispatch
        self._print_receipt = print_receipt
        self._open_drawer = open_drawer
        self._random_bits = random_bits
        self._receipt_always = receipt_always  # else on request only (France)
        self._recorded = recorded  # told after each sale's commit (the upload)

    # --- the cart ----------------------------------------------------------------------

    def inventory_in(self, uow: UnitOfWork) -> Inventory:
        """The station's inventory, or the training one while the till is in training."""
        return self._inventory if training.current(uow) is None else _TRAINING_INVENTORY

    def open_cart(self, currency: str = "EUR") -> CartView:
        """The till's open cart (after a restart: the one it had), or a new one."""
        now = self._clock.now()
        with self._uow() as uow:
            cart = uow.carts.open_for(self._till)
            if cart is None:
                cart = Cart(uuid.uuid4().hex, self._till, currency)
                uow.carts.save(cart, now)
                uow.commit()
            return self._view(uow, cart)

    def cart(self, cart_id: str) -> CartView:
        with self._uow(read_only=True) as uow:
            return self._view(uow, uow.carts.get(cart_id))

    def add_seats(self, cart_id: str, performance_id: str, seat_ids: Sequence[str]) -> CartView:
        """Hold the seats at once and add one line per seat at the first tariff the channel
        sells for its category; `SeatsUnavailable` (nothing held) names each refused seat."""
        now = self._clock.now()
        with self._uow() as uow:
            cart = self._hold_seats(uow, uow.carts.get(cart_id), performance_id, seat_ids, {}, now)
            cart = self._save(uow, cart, now)
            uow.commit()
            return self._view(uow, cart, Changes(performances=frozenset({performance_id})))

    def add_places(self, cart_id: str, performance_id: str, zone_id: str, count: int) -> CartView:
        """Hold ``count`` places of a standing zone and add them as one line."""
        now = self._clock.now()
        with self._uow() as uow:
            cart = self._hold_places(
                uow, uow.carts.get(cart_id), performance_id, zone_id, count, None, now
            )
            cart = self._save(uow, cart, now)
            uow.commit()
            return self._view(uow, cart, Changes(performances=frozenset({performance_id})))

    def price_table(self, performance_id: str) -> list[TariffPrice]:
        """What each category sells for on this till's channel, tariff by tariff (the grid's
        order): the quantity grid of a sale without a plan."""
        with self._uow(read_only=True) as uow:
            channel, _performance, layout, grid = self._selling(uow, performance_id)
            names = {a.code: a.name for a in uow.catalog.list_audiences()}
            return [
                TariffPrice(c.code, c.name, a, names.get(a, a), grid.price(c.code, a))
                for c in layout.categories
                for a in tariffs(grid, c.code, channel)
            ]

    def add_quantities(
        self, cart_id: str, performance_id: str, wanted: Sequence[tuple[str, str, int]]
    ) -> CartView:
        """The sale without a plan: ``(category, tariff, count)`` triples. Each category's
        seats are the best available of that category (`domain.best_available`), its standing
        places those of the zone that sells it; all held in one transaction, or nothing
        (`SeatsUnavailable`, `PlacesUnavailable`, `NotEnoughSeats`)."""
        wanted = [(c, a, n) for c, a, n in wanted if n > 0]
        if not wanted:
            raise SeatsUnavailable({"": "nothing_asked"})
        with self._uow(read_only=True) as uow:
            channel = uow.channels.get_channel(self._channel_code())
        plan = browsing.performance_view(self._uow, self._clock, channel, performance_id).plan
        now = self._clock.now()
        with self._uow() as uow:
            cart = uow.carts.get(cart_id)
            _, _, layout, _ = self._selling(uow, performance_id)
            zones = {
                layout.ga_categories.get(z.id) or z.category: z for z in layout.physical.ga_zones
            }
            per_category: dict[str, list[str]] = {}
            for category, audience, count in wanted:
                zone = zones.get(category)
                if zone is not None:
                    cart = self._hold_places(
                        uow, cart, performance_id, zone.id, count, audience, now
                    )
                else:
                    per_category.setdefault(category, []).extend([audience] * count)
            for category, audiences in per_category.items():
                seats = _best_of_category(plan, category, len(audiences))
                cart = self._hold_seats(
                    uow, cart, performance_id, seats, dict(zip(seats, audiences, strict=True)), now
                )
            cart = self._save(uow, cart, now)
            uow.commit()
            return self._view(uow, cart, Changes(performances=frozenset({performance_id})))

    def cycle_tariff(self, cart_id: str, line_id: str) -> CartView:
        """F4: the line's next tariff among those the channel sells for its category."""
        now = self._clock.now()
        with self._uow() as uow:
            cart = uow.carts.get(cart_id)
            line = cart.line(line_id)
            channel = uow.channels.get_channel(self._channel_code())
            performance = uow.catalog.get_performance(line.performance_id)
            grid = uow.catalog.get_price_grid(performance.price_grid_id)
            audience = next_tariff(grid, line.category, channel, line.audience)
            price = ticket_price(grid, line.category, audience, channel)
            cart = cart.with_tariff(line_id, audience, price)
            cart = self._save(uow, cart, now)
            uow.commit()
            return self._view(uow, cart)

    def remove(self, cart_id: str, line_id: str) -> CartView:
        """Del: the line leaves the cart and its seat or places go back on sale."""
        now = self._clock.now()
        with self._uow() as uow:
            cart = uow.carts.get(cart_id)
            line = cart.line(line_id)
            self.inventory_in(uow).release(uow, cart, line)
            cart = cart.without(line_id)
            cart = self._save(uow, cart, now)
            uow.commit()
            return self._view(uow, cart, Changes(performances=frozenset({line.performance_id})))

    def abandon(self, cart_id: str) -> Changes:
        """The customer left: every seat goes back, the cart is closed."""
        now = self._clock.now()
        with self._uow() as uow:
            cart = uow.carts.get(cart_id)
            self.inventory_in(uow).release(uow, cart)
            uow.carts.close(cart_id, "abandoned", now)
            uow.commit()
        return Changes(performances=frozenset(cart.performances()))

    def lapse_holds(self) -> list[Cart]:
        """Carts whose holds lapsed: their seats go back on sale and their lines leave them
        (the cashier is told by the screen with the returned carts)."""
        now = self._clock.now()
        with self._uow() as uow:
            lapsed = uow.carts.lapsed(now)
            for cart in lapsed:
                self.inventory_in(uow).release(uow, cart)
                self._save(uow, Cart(cart.id, cart.till, cart.currency), now)
            uow.commit()
        return lapsed

    def _save(self, uow: UnitOfWork, cart: Cart, now: datetime) -> Cart:
        """Save a changed cart with its promo and advantage codes applied again to its new
        lines (`app.services.advantages.reprice`): what is due is always the discounted
        amount, and a code that no longer fits leaves the cart."""
        if not uow.advantages.applied(cart.id):
            uow.carts.save(cart, now)
            return cart
        return advantages.reprice(uow, cart, self._channel_code(), now).cart

    # --- paying --------------------------------------------------------------------------

    def begin_payment(self, cart_id: str) -> CartView:
        """Before a card or voucher is taken: the holds run for another hold time, so they
        cannot lapse while the customer pays."""
        now = self._clock.now()
        with self._uow() as uow:
            cart = uow.carts.get(cart_id)
            channel = uow.channels.get_channel(self._channel_code())
            expires = now + timedelta(minutes=channel.hold_minutes)
            if cart.hold_expires_at is not None and cart.hold_expires_at > expires:
                expires = cart.hold_expires_at  # an option's places: held until its expiry
            # SeatsLost before any money is taken: the cashier picks other seats.
            cart = self._extended(uow, cart, expires, now)
            cart = self._save(uow, cart, now)
            uow.commit()
            return self._view(uow, cart)

    def complete(self, cart_id: str, plan: PaymentPlan, operator_id: str) -> SaleResult:
        """The one durable commit of a paid cart (see the module docstring)."""
        with self._uow() as uow:
            order, device_seq, jobs = self.record_sale(uow, cart_id, plan, operator_id)
            uow.commit()
        return self.after_commit(order, device_seq, jobs)

    def record_sale(
        self,
        uow: UnitOfWork,
        cart_id: str,
        plan: PaymentPlan,
        operator_id: str,
        extra: Mapping[str, object] | None = None,
        credit: Money | None = None,
    ) -> tuple[Order, int, list[str]]:
        """Inside the caller's write transaction, uncommitted: the sale of a paid cart, its
        record (with ``extra`` keys: an exchange's id) journaled and queued for the server,
        its print jobs queued. `complete` and an exchange (`app.services.exchanges`) use it;
        ``credit``: an exchange's, the most its "exchange" tender may pay (none elsewhere)."""
        now = self._clock.now()
        cart = uow.carts.get(cart_id)
        session = session_for_sale(uow, self._till)  # NoOpenSession without one
        view = self._view(uow, cart)
        if plan.due != view.due:
            raise TenderNotValid("the amount due changed: take the payment again")
        carried = sum(t.amount.minor for t in plan.tenders if _is_exchange(t))
        if carried and (credit is None or carried > credit.minor):
            raise TenderNotValid("an exchange's credit pays only the tickets of that exchange")
        for tender in plan.tenders:
            if not _is_exchange(tender):
                self._check_tender(uow, tender)
        count = sum(line.quantity for line in cart.lines)
        numbers = uow.ticket_numbers.take(self._till, count)
        tickets = self._tickets(uow, cart, numbers)
        order_id = str(uuid.uuid4())
        order = make_order(
            order_id,
            cart,
            view.fee,
            _fee_rate(cart),
            plan,
            tickets,
            session_id=session.id,
            operator_id=operator_id,
            at=now,
        )
        lost = self.inventory_in(uow).sell(uow, cart, order_id)
        if lost:
            raise SeatsLost(lost)
        device_seq = uow.sales.next_device_seq(self._till)
        number = order_number(self._till, device_seq)
        # In training mode the record says so, naming the supervisor (domain.training).
        record = marked(
            {**sale_record(order), **(extra or {}), "order_number": number},
            training.current(uow),
        )
        leased = self.inventory_in(uow).lease_of(cart)
        if leased is not None:  # sold from this till's lease: the upload names it
            record["lease"] = {"id": leased[0], "epoch": leased[1]}
        uow.sales.add(order, device_seq, record)
        entry = uow.journal.append(self._till, record)
        uow.sales.add_outbox(
            self._till, device_seq, order_id, "sale", record, now, journal_seq=entry.seq
        )
        jobs = self._print_tickets(uow, order, number) if self._print_tickets else []
        uow.carts.close(cart_id, "paid", now)
        return order, device_seq, jobs

    def after_commit(self, order: Order, device_seq: int, jobs: list[str]) -> SaleResult:
        """After `record_sale`'s commit: the drawer, the tickets, the receipt, the listeners."""
        cart_performances = frozenset(line.performance_id for line in order.lines)
        # After the commit, on the device lanes: the drawer first for cash, then the tickets.
        if self._open_drawer is not None and any(
            t.method is TenderMethod.CASH for t in order.tenders
        ):
            self._open_drawer()
        if self._dispatch is not None and jobs:
            self._dispatch(jobs)
        receipt = self._receipt_after_sale(order.id) if self._receipt_always else None
        if self._recorded is not None:
            self._recorded()
        return SaleResult(
            order,
            device_seq,
            tuple(jobs),
            Changes(performances=cart_performances, print_jobs=bool(jobs)),
            receipt,
        )

    def _receipt_after_sale(self, order_id: str) -> str | None:
        """The receipt of a station that prints one after every sale: a failure to queue it
        is logged and never undoes the recorded sale (Ctrl+P prints it on request)."""
        try:
            return self.print_receipt(order_id)
        except Exception:
            log.exception("the receipt of sale %s was not queued", order_id)
            return None

    def resume_payment(self, cart_id: str) -> PaymentPlan:
        """The payment of a cart as far as it went: its card payments the terminal approved
        count already (after a crash between the approval and the commit, the card is not
        charged again); `PaymentToSettle` while one of its card payments is open or unknown
        (settle it with the terminal or a supervisor first: never charge twice)."""
        with self._uow(read_only=True) as uow:
            view = self._view(uow, uow.carts.get(cart_id))
            made = uow.payments.for_reference(cart_id)
        unsettled = [p for p in made if p.state.open]
        if unsettled:
            raise PaymentToSettle(unsettled[0].id, unsettled[0].state.value)
        plan = PaymentPlan(view.due)
        for payment in made:
            if payment.state is PaymentState.APPROVED and payment.kind is TransactionKind.PAYMENT:
                plan = plan.other(TenderMethod.CARD, payment.amount, payment.id)
        return plan

    def receipt(self, order_id: str) -> ReceiptData:
        """The receipt of a recorded sale, from its journal record (in France printed on the
        customer's request only)."""
        with self._uow(read_only=True) as uow:
            record = uow.sales.document(order_id)
            performance = uow.catalog.get_performance(record["lines"][0]["performance"])
            event = uow.catalog.get_event(performance.event_id)
            season = uow.catalog.get_season(uow.catalog.get_activity(event.activity_id).season_id)
            organizer = uow.catalog.get_organizer(season.organizer_id)
            site = uow.venues.get_site(uow.venues.get_hall(performance.hall_id).site_id)
        return receipt_document(record, str(record["order_number"]), organizer.name, site.timezone)

    def print_receipt(self, order_id: str) -> str | None:
        """Queue the sale's receipt on the receipt printer; None on a station without one."""
        if self._print_receipt is None:
            return None
        return self._print_receipt(self.receipt(order_id))

    def tariff_names(self) -> dict[str, str]:
        """The name of each tariff (audience code), as the cart shows it."""
        with self._uow(read_only=True) as uow:
            return {a.code: a.name for a in uow.catalog.list_audiences()}

    def other_tenders(self) -> tuple[str, ...]:
        """The tenders this till's channel takes besides cash, card and gift card (a cheque...)."""
        with self._uow(read_only=True) as uow:
            return uow.channels.get_channel(self._channel_code()).other_tenders

    def gift_card(self, code: str) -> GiftCard | None:
        """The gift card or credit balance ``code`` to pay with: None when there is none,
        `GiftCardExpired` when it pays nothing any more."""
        with self._uow(read_only=True) as uow:
            card = uow.gift_cards.get(code)
        return None if card is None else spendable(card, self._clock.now())

    def account_companies(self) -> list[str]:
        """The companies to propose for a payment on account (`app.services.accounts`)."""
        return account_companies(self._uow, self._till)

    # --- inside ----------------------------------------------------------------------------

    def _hold_seats(
        self,
        uow: UnitOfWork,
        cart: Cart,
        performance_id: str,
        seat_ids: Sequence[str],
        audiences: Mapping[str, str],
        now: datetime,
    ) -> Cart:
        """The cart with the seats held and added (at ``audiences[seat]``, else the first
        tariff), inside ``uow``; `SeatsUnavailable` names each refused seat."""
        channel, performance, layout, grid = self._selling(uow, performance_id)
        booked = uow.seat_states.booked(performance_id, now)
        mine = {line.seat_id for line in cart.lines if line.performance_id == performance_id}
        reasons = {}
        for seat_id in seat_ids:
            if seat_id in mine:
                reasons[seat_id] = "in_this_cart"
                continue
            verdict = may_sell_seat(channel, performance, layout, booked, seat_id, now)
            if not verdict:
                assert verdict.refusal is not None
                reasons[seat_id] = verdict.refusal.value
        if reasons:
            raise SeatsUnavailable(reasons)
        expires = now + timedelta(minutes=channel.hold_minutes)
        held = self.inventory_in(uow).hold_seats(
            uow, performance_id, seat_ids, owner_of(cart), expires, now
        )
        if held.refused:
            raise SeatsUnavailable(dict(held.refused))
        label = self._label(uow, performance)
        lines = []
        for seat_id in seat_ids:
            seat = layout.physical.seat(seat_id)
            category = layout.seat_categories.get(seat_id) or seat.category or ""
            lines.append(
                _new_line(
                    seat_id,
                    LineKind.SEAT,
                    performance_id,
                    category,
                    grid,
                    channel,
                    label,
                    audience=audiences.get(seat_id),
                    seat_id=seat_id,
                    seat_label=seat.label,
                    hold=held.tokens.get(seat_id, ""),
                )
            )
        cart = cart.with_lines(lines, max_tickets(performance, channel))
        return self._extended(uow, cart, expires, now)

    def _hold_places(
        self,
        uow: UnitOfWork,
        cart: Cart,
        performance_id: str,
        zone_id: str,
        count: int,
        audience: str | None,
        now: datetime,
    ) -> Cart:
        channel, performance, layout, grid = self._selling(uow, performance_id)
        timing = may_sell_now(channel, performance, now)
        if not timing:
            raise SeatsUnavailable({zone_id: timing.refusal.value if timing.refusal else ""})
        zone = next((z for z in layout.physical.ga_zones if z.id == zone_id), None)
        if zone is None:
            raise SeatsUnavailable({zone_id: "unknown_zone"})
        category = layout.ga_categories.get(zone_id) or zone.category or ""
        line = _new_line(
            zone_id,
            LineKind.STANDING,
            performance_id,
            category,
            grid,
            channel,
            self._label(uow, performance),
            audience=audience,
            seat_label=zone.name,
            zone_id=zone_id,
            quantity=count,
        )
        cart = cart.with_lines([line], max_tickets(performance, channel))
        expires = now + timedelta(minutes=channel.hold_minutes)
        owner = places_owner(cart, line)
        held = self.inventory_in(uow).hold_places(
            uow, performance_id, zone_id, count, zone.capacity, owner, expires, now
        )
        if held.refused:
            left = zone.capacity - uow.standing.taken(performance_id, zone_id, now)
            raise PlacesUnavailable(zone.name, max(0, left))
        if held.tokens.get(zone_id):
            line = replace(line, hold=held.tokens[zone_id])
            cart = replace(cart, lines=(*cart.lines[:-1], line))
        return self._extended(uow, cart, expires, now)

    def _extended(self, uow: UnitOfWork, cart: Cart, expires: datetime, now: datetime) -> Cart:
        """The cart's holds, all of them, run until ``expires`` (from the last change)."""
        cart = replace(cart, hold_expires_at=expires)
        lost = self.inventory_in(uow).extend(uow, cart, expires, now)
        if lost:
            raise SeatsLost(lost)
        return cart

    def _check_tender(self, uow: UnitOfWork, tender: Tender) -> None:
        if tender.method is TenderMethod.CARD:
            payment = uow.payments.get(tender.reference)
            if payment.state is not PaymentState.APPROVED or payment.amount != tender.amount:
                raise TenderNotValid(
                    f"card payment {tender.reference} is {payment.state.value}, not approved "
                    "for this amount"
                )
        elif tender.method is TenderMethod.VOUCHER and not uow.gift_cards.spend(
            tender.reference, tender.amount, self._clock.now()
        ):
            card = uow.gift_cards.get(tender.reference)
            if card is not None:
                spendable(card, self._clock.now())  # GiftCardExpired: it pays nothing now
            raise TenderNotValid(
                f"gift card {tender.reference!r} "
                + ("is unknown" if card is None else f"holds only {card.balance.minor}")
            )
        elif tender.method is TenderMethod.OTHER and company_of(tender.reference) is not None:
            pass  # a company's waiting account (domain.accounts): invoiced later
        elif tender.method is TenderMethod.OTHER:
            taken = uow.channels.get_channel(self._channel_code()).other_tenders
            if tender.reference not in taken:
                raise TenderNotValid(f"this channel does not take {tender.reference!r}")

    def _tickets(self, uow: UnitOfWork, cart: Cart, numbers: range) -> list[Ticket]:
        tickets = []
        number = iter(numbers)
        for line in cart.lines:
            for _ in range(line.quantity):
                barcode = new_barcode(self._random_bits)
                while uow.sales.barcode_taken(barcode):  # 2^-100: for the record
                    barcode = new_barcode(self._random_bits)
                tickets.append(
                    Ticket(
                        number=next(number),
                        barcode=barcode,
                        line_id=line.id,
                        performance_id=line.performance_id,
                        category=line.category,
                        audience=line.audience,
                        price=line.unit_price,
                        seat_id=line.seat_id,
                        zone_id=line.zone_id,
                    )
                )
        return tickets

    def _view(self, uow: UnitOfWork, cart: Cart, changes: Changes | None = None) -> CartView:
        channel = uow.channels.get_channel(self._channel_code())
        performances: list[Performance] = [
            uow.catalog.get_performance(p) for p in cart.performances()
        ]
        fee = order_fee(channel, performances, cart.currency)
        return CartView(cart, fee, due(cart, fee), changes or Changes())

    def _selling(
        self, uow: UnitOfWork, performance_id: str
    ) -> tuple[SalesChannel, Performance, LogicalLayout, PriceGrid]:
        """What adding to a cart reads: this till's channel, the performance, its logical
        layout and its price grid."""
        performance = uow.catalog.get_performance(performance_id)
        return (
            uow.channels.get_channel(self._channel_code()),
            performance,
            uow.configurations.get(performance.logical_layout_id),
            uow.catalog.get_price_grid(performance.price_grid_id),
        )

    @staticmethod
    def _label(uow: UnitOfWork, performance: Performance) -> str:
        """The line's label for the cart, the receipt and the journal: the event and when it
        starts, on the venue's clock."""
        event = uow.catalog.get_event(performance.event_id)
        site = uow.venues.get_site(uow.venues.get_hall(performance.hall_id).site_id)
        local = performance.starts_at.astimezone(ZoneInfo(site.timezone))
        return f"{event.name} · {local:%Y-%m-%d %H:%M}"


def _new_line(
    place: str,
    kind: LineKind,
    performance_id: str,
    category: str,
    grid: PriceGrid,
    channel: SalesChannel,
    label: str,
    *,
    audience: str | None = None,
    seat_id: str | None = None,
    seat_label: str = "",
    zone_id: str | None = None,
    quantity: int = 1,
    hold: str = "",
) -> CartLine:
    """A new cart line at ``audience`` or else the first tariff the channel sells for the
    category (the grid lists full price first); `SeatsUnavailable` naming ``place`` when the
    channel sells none (or not that one)."""
    allowed = tariffs(grid, category, channel)
    if not allowed or (audience is not None and audience not in allowed):
        raise SeatsUnavailable({place: "no_tariff"})
    chosen = allowed[0] if audience is None else audience
    return CartLine(
        id=uuid.uuid4().hex[:12],
        performance_id=performance_id,
        kind=kind,
        category=category,
        audience=chosen,
        unit_price=grid.price(category, chosen),
        vat_rate_bp=grid.vat_rate_bp,
        label=label,
        seat_id=seat_id,
        seat_label=seat_label,
        zone_id=zone_id,
        quantity=quantity,
        hold=hold,
    )


def _is_exchange(tender: Tender) -> bool:
    return tender.method is TenderMethod.OTHER and tender.reference == EXCHANGE


def _fee_rate(cart: Cart) -> int:
    """The booking fee follows the VAT of the tickets it goes with (an accessory service
    takes its principal's rate): the highest rate among the cart's lines."""
    return max((line.vat_rate_bp for line in cart.lines), default=0)


def _best_of_category(plan: browsing.PerformancePlan, category: str, count: int) -> list[str]:
    """The best ``count`` free seats of ``category`` this channel may sell now, or
    `NotEnoughSeats`."""
    index = next((i for i, c in enumerate(plan.categories) if c.code == category), None)
    free = plan.states == browsing.STATE_CODES.index(SeatState.FREE)
    allowed = plan.sellable & (plan.category == index) if index is not None else None
    proposal = None if allowed is None else best_available(plan.rows, count, free, allowed)
    if proposal is None:
        left = 0 if allowed is None else int((allowed & free).sum())
        raise NotEnoughSeats(category, count, left)
    return [plan.seat_ids[i] for i in proposal.seats]
