"""Orders placed elsewhere for pick-up at the box office (remis au guichet, seed 000).

A web order (or one taken by telephone) whose delivery mode is pick-up is sold on the central
server: its seats are sold there, its tickets numbered and given barcodes there. The tills
learn of it through the catalog feed (a `PickupOrder`), so a till finds it even offline. At
the counter the cashier scans the order's number (or one of its tickets' barcodes) and the
till prints its tickets; the till journals a ``pickup`` record, and the server marks the order
collected from that record. Plain Python, no I/O.

An order paid where it was placed (the web shop) has nothing ``due``: nothing is paid at the
till. An order placed to be paid at the box office (by telephone, say) carries what is
``due``: `collect` takes a settled `domain.orders.PaymentPlan` for it (cash given, the change
handed back), and the ``pickup`` record carries its tenders. Either way the sale is the
server's (its seats, tickets and VAT were recorded where the order was placed): a pick-up is
never the till's revenue or VAT; `domain.ledger` counts the money taken at a pick-up in the
session's tenders (the drawer holds it) and apart (`Totals.pickups_paid`).

A second collection of the same order is refused while the till knows of the first (its own,
or another till's through the feed); two tills offline at once may both print it, and the
server then raises an incident (the barcodes are the same ones: the gate lets each in once).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from domain.errors import DomainError
from domain.money import Money
from domain.orders import PaymentPlan, Tender, tender_record

PICKUP = "pickup"  # the journal record's type and the outbox event's kind
_NOTHING_DUE = Money.zero("EUR")  # `PickupOrder.due`'s default, made the order's currency


class PickupState(enum.StrEnum):
    WAITING = "waiting"  # placed, its tickets not printed yet
    COLLECTED = "collected"  # its tickets printed at a till
    CANCELLED = "cancelled"  # cancelled where it was placed: nothing to print


@dataclass(frozen=True, slots=True)
class PickupTicket:
    number: int  # the ticket's number in the order's channel
    barcode: str
    performance_id: str
    category: str
    audience: str
    price: Money  # as paid, its share of the order's fee included
    seat_id: str | None = None
    zone_id: str | None = None


@dataclass(frozen=True, slots=True)
class PickupOrder:
    number: str  # printed on the customer's confirmation, e.g. "W-000001"
    sale_id: str  # the server's sale
    channel: str  # where it was placed ("WEB", "PHONE")
    customer: str  # the name the order is under, to be said at the counter
    placed_at: datetime
    tickets: tuple[PickupTicket, ...]
    total: Money
    state: PickupState = PickupState.WAITING
    collected_by: str = ""  # the till that printed it
    collected_at: datetime | None = None
    # What the customer pays at the box office when collecting it: zero for an order paid
    # where it was placed (the web shop), the order's total for one placed to be paid here.
    # (Its default is zero in the order's currency.)
    due: Money = _NOTHING_DUE
    # A group's option validated in the back office (seed 001): the contact's number and the
    # file's, by which the till finds it too ("" for a web or telephone order).
    contact_number: str = ""
    file_number: str = ""

    def __post_init__(self) -> None:
        if self.due.is_zero and self.due.currency != self.total.currency:
            object.__setattr__(self, "due", Money.zero(self.total.currency))
        if self.due.currency != self.total.currency or self.due.minor < 0:
            raise PickupError(f"order {self.number}: what is due is not an amount of its total")
        if self.due.minor > self.total.minor:
            raise PickupError(f"order {self.number}: more is due than the order's total")

    def matches(self, text: str) -> bool:
        """Its order number, an option's contact or file number (case and spaces ignored) or
        one of its tickets' barcodes."""
        wanted = "".join(text.split()).upper()
        numbers = {self.number, self.contact_number, self.file_number}
        return bool(wanted) and (
            wanted in {"".join(n.split()).upper() for n in numbers if n}
            or any(t.barcode == wanted for t in self.tickets)
        )


class PickupError(DomainError):
    pass


class AlreadyCollected(PickupError):
    def __init__(self, order: PickupOrder) -> None:
        at = "" if order.collected_at is None else f" at {order.collected_at.isoformat()}"
        super().__init__(
            f"order {order.number} was collected already (by {order.collected_by or '?'}{at}); "
            "a lost ticket is reprinted as DUPLICATA"
        )
        self.order = order


class PickupCancelled(PickupError):
    def __init__(self, order: PickupOrder) -> None:
        super().__init__(f"order {order.number} was cancelled: it has no ticket to print")
        self.order = order


class PickupCashShort(PickupError):
    """Less was given than the order's ``due``: nothing is collected."""

    def __init__(self, order: PickupOrder, paid: Money) -> None:
        super().__init__(
            f"order {order.number}: {order.due.minor} minor units are due, {paid.minor} given: "
            "nothing was done"
        )
        self.order = order
        self.due = order.due
        self.paid = paid


class PickupNothingDue(PickupError):
    """A payment offered for an order paid where it was placed."""

    def __init__(self, order: PickupOrder) -> None:
        super().__init__(f"order {order.number} was paid where it was placed: nothing is due")
        self.order = order


def collect(
    order: PickupOrder, till: str, now: datetime, payment: PaymentPlan | None = None
) -> PickupOrder:
    """The order collected at ``till``: `AlreadyCollected` or `PickupCancelled` else. An order
    with something ``due`` is collected only with a ``payment`` of that amount that is settled
    (`PickupCashShort` else); one with nothing due takes no payment (`PickupNothingDue`)."""
    if order.state is PickupState.COLLECTED:
        raise AlreadyCollected(order)
    if order.state is PickupState.CANCELLED:
        raise PickupCancelled(order)
    if order.due.is_zero:
        if payment is not None and payment.tenders:
            raise PickupNothingDue(order)
    elif payment is None:
        raise PickupCashShort(order, Money.zero(order.due.currency))
    elif payment.due != order.due:
        raise PickupError(f"order {order.number}: the payment was planned for another amount")
    elif not payment.settled:
        raise PickupCashShort(order, payment.paid)
    return replace(order, state=PickupState.COLLECTED, collected_by=till, collected_at=now)


def merged(known: PickupOrder | None, incoming: PickupOrder) -> PickupOrder:
    """What the till keeps when the feed brings ``incoming``: the server's word, except that
    a collection this till made and the server has not heard of yet stays collected."""
    if (
        known is not None
        and known.state is PickupState.COLLECTED
        and incoming.state is PickupState.WAITING
    ):
        return replace(
            incoming,
            state=PickupState.COLLECTED,
            collected_by=known.collected_by,
            collected_at=known.collected_at,
        )
    return incoming


def pickup_record(
    order: PickupOrder,
    till: str,
    operator: str,
    session: str,
    now: datetime,
    tenders: Iterable[Tender] = (),
) -> dict[str, object]:
    """The journal record of a pick-up: which order, which tickets printed, by whom, and, for
    an order paid here, ``due`` and the ``tenders`` that paid it (the sale record's shape:
    cash given and change). ``value`` is the order's total, the server's sale: never the
    till's revenue. `domain.ledger` counts the orders and tickets picked up, and the tenders
    of those paid here in the session's takings."""
    return {
        "type": PICKUP,
        "at": now.isoformat(),
        "till": till,
        "session": session,
        "operator": operator,
        "order_number": order.number,
        "sale": order.sale_id,
        "channel": order.channel,
        "tickets": [t.number for t in order.tickets],
        "barcodes": [t.barcode for t in order.tickets],
        "value": {"minor": order.total.minor, "currency": order.total.currency},
        "due": {"minor": order.due.minor, "currency": order.due.currency},
        "tenders": [tender_record(t) for t in tenders],
    }


def waiting(orders: Iterable[PickupOrder]) -> list[PickupOrder]:
    return [o for o in orders if o.state is PickupState.WAITING]
