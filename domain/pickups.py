"""Orders placed elsewhere for pick-up at the box office (remis au guichet, seed 000).

A web order (or one taken by telephone) whose delivery mode is pick-up is sold on the central
server: its seats are sold there, its tickets numbered and given barcodes there. The tills
learn of it through the catalog feed (a `PickupOrder`), so a till finds it even offline. At
the counter the cashier scans the order's number (or one of its tickets' barcodes) and the
till prints its tickets: nothing is paid at the till (the order was paid where it was placed)
and nothing counts as the till's revenue; the till journals a ``pickup`` record, and the
server marks the order collected from that record. Plain Python, no I/O.

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

PICKUP = "pickup"  # the journal record's type and the outbox event's kind


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
    channel: str  # where it was placed ("WEB")
    customer: str  # the name the order is under, to be said at the counter
    placed_at: datetime
    tickets: tuple[PickupTicket, ...]
    total: Money
    state: PickupState = PickupState.WAITING
    collected_by: str = ""  # the till that printed it
    collected_at: datetime | None = None

    def matches(self, text: str) -> bool:
        """Its order number (case and spaces ignored) or one of its tickets' barcodes."""
        wanted = "".join(text.split()).upper()
        return bool(wanted) and (
            wanted == self.number.upper() or any(t.barcode == wanted for t in self.tickets)
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


def collect(order: PickupOrder, till: str, now: datetime) -> PickupOrder:
    """The order collected at ``till``: `AlreadyCollected` or `PickupCancelled` else."""
    if order.state is PickupState.COLLECTED:
        raise AlreadyCollected(order)
    if order.state is PickupState.CANCELLED:
        raise PickupCancelled(order)
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
    order: PickupOrder, till: str, operator: str, session: str, now: datetime
) -> dict[str, object]:
    """The journal record of a pick-up: which order, which tickets printed, by whom. It
    counts no money (the order was paid where it was placed): `domain.ledger` counts the
    orders and tickets picked up."""
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
    }


def waiting(orders: Iterable[PickupOrder]) -> list[PickupOrder]:
    return [o for o in orders if o.state is PickupState.WAITING]
