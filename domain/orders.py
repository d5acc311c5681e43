"""The counter sale: a cart of lines, the tenders that pay it, and the order it becomes.

Plain Python, no I/O, no clock: callers pass the moment. A cart changes until it is paid; an
**order is never edited after payment** (later changes — a refund, an exchange — are new
records), so `Order` has no method that changes it.

A cart line is one of:

- a numbered seat (``SEAT``: one ticket, its seat held in the inventory);
- a count of places in a general-admission zone (``STANDING``);
- a quantity of a category for a performance sold without a plan (``NO_PLAN``).

Payment (`PaymentPlan`): several tenders until the balance is zero; change only in cash; a card
or voucher is never asked for more than the balance.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime

from domain.errors import DomainError
from domain.money import Money, total
from domain.pricing import VatLine, vat_breakdown


class OrderError(DomainError):
    pass


class TooManyTickets(OrderError):
    def __init__(self, performance_id: str, limit: int) -> None:
        super().__init__(f"at most {limit} tickets per order for this performance")
        self.performance_id = performance_id
        self.limit = limit


class UnknownLine(OrderError):
    def __init__(self, line_id: str) -> None:
        super().__init__(f"no line {line_id!r} in the cart")
        self.line_id = line_id


class EmptyCart(OrderError):
    def __init__(self) -> None:
        super().__init__("the cart is empty")


class TenderRefused(OrderError):
    """A tender that does not fit the balance (a card for more than is due, change but not
    in cash, a zero amount...)."""


class NotPaid(OrderError):
    def __init__(self, balance: Money) -> None:
        super().__init__(f"{balance.minor} minor units are still due")
        self.balance = balance


class LineKind(enum.Enum):
    SEAT = "seat"
    STANDING = "standing"
    NO_PLAN = "no_plan"


@dataclass(frozen=True, slots=True)
class CartLine:
    id: str
    performance_id: str
    kind: LineKind
    category: str
    audience: str  # the tariff
    unit_price: Money
    vat_rate_bp: int
    label: str  # e.g. "Le Misanthrope · Tue 1 Dec 20:00", for the receipt and the journal
    seat_id: str | None = None  # SEAT
    seat_label: str = ""  # e.g. "Parterre, row K, seat 7"
    zone_id: str | None = None  # STANDING
    quantity: int = 1
    hold: str = ""  # the central server's hold of this line, when it holds it ("": local)
    # What an advantage or a promo code takes off the line (domain.advantages): ``amount``
    # is what is paid for it, so the sale record, the ledger and the VAT see the discount.
    discount: Money | None = None
    discount_by: str = ""  # the advantage's name or code, for the receipt and the journal

    def __post_init__(self) -> None:
        if self.discount is not None and not 0 < self.discount.minor <= self.gross.minor:
            raise OrderError("a line's discount is more than zero and at most its price")
        if self.quantity < 1:
            raise OrderError("a cart line holds at least one ticket")
        if self.kind is LineKind.SEAT and (self.seat_id is None or self.quantity != 1):
            raise OrderError("a seat line is one numbered seat")
        if self.kind is LineKind.STANDING and self.zone_id is None:
            raise OrderError("a standing line names its zone")

    @property
    def gross(self) -> Money:
        """The line at its tariff's price, before any discount."""
        return self.unit_price * self.quantity

    @property
    def amount(self) -> Money:
        """What is paid for the line."""
        return self.gross if self.discount is None else self.gross - self.discount


@dataclass(frozen=True, slots=True)
class Cart:
    """The lines a cashier is selling. ``hold_expires_at``: when its held seats go back."""

    id: str
    till: str
    currency: str
    lines: tuple[CartLine, ...] = ()
    hold_expires_at: datetime | None = None

    def tickets_for(self, performance_id: str) -> int:
        return sum(line.quantity for line in self.lines if line.performance_id == performance_id)

    def with_lines(self, lines: Iterable[CartLine], limit: int | None = None) -> Cart:
        """The cart with more lines; `TooManyTickets` (nothing added) past ``limit`` tickets
        for one performance (the performance's and channel's maximum per order)."""
        added = tuple(lines)
        cart = replace(self, lines=self.undiscounted().lines + added)
        if limit is not None:
            for performance_id in {line.performance_id for line in added}:
                if cart.tickets_for(performance_id) > limit:
                    raise TooManyTickets(performance_id, limit)
        return cart

    def line(self, line_id: str) -> CartLine:
        for line in self.lines:
            if line.id == line_id:
                return line
        raise UnknownLine(line_id)

    def without(self, line_id: str) -> Cart:
        self.line(line_id)
        kept = self.undiscounted()
        return replace(kept, lines=tuple(x for x in kept.lines if x.id != line_id))

    def with_tariff(self, line_id: str, audience: str, unit_price: Money) -> Cart:
        kept = self.undiscounted()
        changed = replace(kept.line(line_id), audience=audience, unit_price=unit_price)
        return replace(kept, lines=tuple(changed if x.id == line_id else x for x in kept.lines))

    def undiscounted(self) -> Cart:
        """The cart without its lines' discounts: a changed cart has its codes applied again
        (`app.services.advantages`), never a discount computed for other lines."""
        if all(line.discount is None for line in self.lines):
            return self
        lines = tuple(replace(x, discount=None, discount_by="") for x in self.lines)
        return replace(self, lines=lines)

    def performances(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(line.performance_id for line in self.lines))

    def subtotal(self) -> Money:
        return total([line.amount for line in self.lines], self.currency)


class TenderMethod(enum.Enum):
    CASH = "cash"
    CARD = "card"
    VOUCHER = "voucher"
    OTHER = "other"  # a cheque and the like, configured per channel


@dataclass(frozen=True, slots=True)
class Tender:
    """What one means of payment paid. ``amount`` is what it counts for (never more than was
    due); for cash, ``given`` is what the customer handed over and `change` the difference."""

    method: TenderMethod
    amount: Money
    reference: str = ""  # card payment id, voucher code, other tender's kind ("cheque")
    given: Money | None = None

    @property
    def change(self) -> Money:
        if self.given is None:
            return Money.zero(self.amount.currency)
        return self.given - self.amount


@dataclass(frozen=True, slots=True)
class PaymentPlan:
    """The tenders of one sale so far against what is due."""

    due: Money
    tenders: tuple[Tender, ...] = ()

    @property
    def paid(self) -> Money:
        return total([t.amount for t in self.tenders], self.due.currency)

    @property
    def balance(self) -> Money:
        return self.due - self.paid

    @property
    def settled(self) -> bool:
        return self.balance.is_zero

    def cash(self, given: Money) -> PaymentPlan:
        """Cash handed over: it pays up to the balance, the rest is change."""
        if given.minor <= 0:
            raise TenderRefused("the amount given must be more than zero")
        counted = given if given.minor <= self.balance.minor else self.balance
        return self._add(Tender(TenderMethod.CASH, counted, given=given))

    def exact_cash(self) -> PaymentPlan:
        return self.cash(self.balance)

    def other(self, method: TenderMethod, amount: Money, reference: str = "") -> PaymentPlan:
        """A card, voucher or cheque: never for more than the balance (no change but cash)."""
        if method is TenderMethod.CASH:
            return self.cash(amount)
        if amount.minor <= 0:
            raise TenderRefused("the amount must be more than zero")
        if amount.minor > self.balance.minor:
            raise TenderRefused(f"only cash gives change: at most {self.balance.minor} is due")
        return self._add(Tender(method, amount, reference))

    def _add(self, tender: Tender) -> PaymentPlan:
        if self.settled:
            raise TenderRefused("nothing is due any more")
        return replace(self, tenders=(*self.tenders, tender))


class OrderState(enum.Enum):
    PAID = "paid"


@dataclass(frozen=True, slots=True)
class Ticket:
    number: int  # from the till's ticket sequence
    barcode: str
    line_id: str
    performance_id: str
    category: str
    audience: str
    price: Money
    seat_id: str | None = None
    zone_id: str | None = None


@dataclass(frozen=True, slots=True)
class Order:
    """A paid sale, as it was paid: immutable."""

    id: str  # a UUID, the sale's identity everywhere (outbox, server, journal)
    till: str
    session_id: str
    operator_id: str
    at: datetime
    lines: tuple[CartLine, ...]
    fee: Money
    fee_vat_rate_bp: int
    tenders: tuple[Tender, ...]
    tickets: tuple[Ticket, ...]
    state: OrderState = OrderState.PAID
    vat: tuple[VatLine, ...] = field(default=())

    @property
    def total(self) -> Money:
        return total([line.amount for line in self.lines], self.fee.currency) + self.fee


def due(cart: Cart, fee: Money) -> Money:
    """What the customer pays for the cart: its lines and the order's fee."""
    return cart.subtotal() + fee


def make_order(
    order_id: str,
    cart: Cart,
    fee: Money,
    fee_vat_rate_bp: int,
    plan: PaymentPlan,
    tickets: Iterable[Ticket],
    *,
    session_id: str,
    operator_id: str,
    at: datetime,
) -> Order:
    """The order a paid cart becomes: refused while the plan is not settled or the cart is
    empty. Its VAT per rate is computed here, once."""
    if not cart.lines:
        raise EmptyCart()
    if plan.due != due(cart, fee):
        raise OrderError("the payment was planned for another amount")
    if not plan.settled:
        raise NotPaid(plan.balance)
    amounts = [(line.amount, line.vat_rate_bp) for line in cart.lines]
    if not fee.is_zero:
        amounts.append((fee, fee_vat_rate_bp))
    return Order(
        id=order_id,
        till=cart.till,
        session_id=session_id,
        operator_id=operator_id,
        at=at,
        lines=cart.lines,
        fee=fee,
        fee_vat_rate_bp=fee_vat_rate_bp,
        tenders=plan.tenders,
        tickets=tuple(tickets),
        vat=vat_breakdown(amounts, cart.currency),
    )


def tender_record(tender: Tender) -> dict[str, object]:
    """One tender as the journal keeps it (a sale's, a paid pick-up's): method, amount,
    reference, and for cash what was given and the change."""

    def money(m: Money) -> dict[str, object]:
        return {"minor": m.minor, "currency": m.currency}

    return {
        "method": tender.method.value,
        "amount": money(tender.amount),
        "reference": tender.reference,
        **(
            {"given": money(tender.given), "change": money(tender.change)}
            if tender.given is not None
            else {}
        ),
    }


def sale_record(order: Order) -> dict[str, object]:
    """The fiscal journal's record of a sale: values, not database ids (label, performance,
    seat, tariff, quantity, unit price, VAT rate, amount per line; totals per VAT rate; each
    tender; the ticket numbers; operator, till, session, time). Amounts are integer minor
    units with the currency: no floats in the journal."""

    def money(m: Money) -> dict[str, object]:
        return {"minor": m.minor, "currency": m.currency}

    return {
        "type": "sale",
        "sale": order.id,
        "at": order.at.isoformat(),
        "till": order.till,
        "session": order.session_id,
        "operator": order.operator_id,
        "lines": [
            {
                "label": line.label,
                "performance": line.performance_id,
                "seat": line.seat_label or line.seat_id or line.zone_id or "",
                "category": line.category,
                "tariff": line.audience,
                "quantity": line.quantity,
                "unit_price": money(line.unit_price),
                "vat_rate_bp": line.vat_rate_bp,
                "amount": money(line.amount),
                **(
                    {"discount": {**money(line.discount), "by": line.discount_by}}
                    if line.discount is not None
                    else {}
                ),
            }
            for line in order.lines
        ],
        "fee": {**money(order.fee), "vat_rate_bp": order.fee_vat_rate_bp},
        "vat": [
            {
                "rate_bp": v.rate_bp,
                "gross": money(v.gross),
                "vat": money(v.vat),
                "net": money(v.net),
            }
            for v in order.vat
        ],
        "total": money(order.total),
        "tenders": [tender_record(t) for t in order.tenders],
        "tickets": [t.number for t in order.tickets],
        # Each ticket's barcode, in the order of ``tickets``: access control on the server
        # knows a ticket's barcode from its sale (`server.after_sale.sale_tickets`).
        "barcodes": [t.barcode for t in order.tickets],
    }
