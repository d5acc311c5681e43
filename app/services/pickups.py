"""Pick-up at the till of orders placed elsewhere (`domain.pickups`): find one by its number,
a ticket's barcode or the customer's name; collect it: its tickets printed, and what is due
paid when it was placed to be paid at the box office.

`collect` is one transaction: the order marked collected here, a ``pickup`` journal entry (in
the till's open session: the X report counts the orders and tickets picked up, and the money
taken for them in the session's tenders, never as revenue) and its outbox event (the server
then marks the order collected, and paid, for every till), and the tickets' print jobs
queued; after the commit the drawer opens when cash was taken and the jobs are dispatched.
Nothing is written when the order was collected already, was cancelled, too little cash was
given for what is due, no session is open, or a ticket cannot be laid out (its performance
unknown here): the error says why. Training mode picks nothing up (the order is real).

What is due is paid **in cash** (the amount given, or exact; the change handed back). A card
is refused for it (`PickupCardNotTaken`): a card payment cannot share the pick-up's one
transaction, and the crash-safe way (`app.services.exchanges`: a pending step, the terminal,
then a second transaction, settled at the next start) is not built for pick-ups.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.services import training
from app.services.changes import Changes
from app.services.ports import Clock, UnitOfWork, UnitOfWorkFactory
from app.services.tickets import ticket_document
from app.services.tills import session_for_sale
from domain import pickups as rules
from domain.money import Money
from domain.orders import PaymentPlan, TenderMethod, TenderRefused, Ticket
from domain.pickups import PickupOrder
from printing.data import TicketData

QueueTickets = Callable[[UnitOfWork, Sequence[TicketData]], list[str]]


class PickupNotInTraining(rules.PickupError):
    def __init__(self) -> None:
        super().__init__("training mode is on: orders are picked up only outside it")


class NothingToPickUp(rules.PickupError):
    def __init__(self, text: str) -> None:
        super().__init__(f"no order for pick-up {text!r} on this till")
        self.text = text


class PickupCardNotTaken(rules.PickupError):
    """A card offered for what an order placed elsewhere has due: cash only (the module
    docstring says why)."""

    def __init__(self, order: PickupOrder) -> None:
        super().__init__(
            f"order {order.number}: what is due at pick-up is paid in cash; a card is not "
            "taken for it: nothing was done"
        )
        self.order = order


class PickupNotPrintable(rules.PickupError):
    """A ticket of the order is for a performance this till does not have."""

    def __init__(self, order_number: str, ticket_number: int, performance_id: str) -> None:
        super().__init__(
            f"order {order_number}: ticket {ticket_number} is for performance "
            f"{performance_id}, which this till does not have: nothing was printed"
        )
        self.order_number = order_number
        self.ticket_number = ticket_number
        self.performance_id = performance_id


@dataclass(frozen=True, slots=True)
class PickupResult:
    order: PickupOrder  # as collected
    journal_seq: int
    print_jobs: tuple[str, ...]
    changes: Changes
    paid: Money  # what was paid here (zero for an order paid where it was placed)
    change: Money  # the cash handed back


class PickupServices:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        till: str,
        queue_tickets: QueueTickets | None = None,
        dispatch: Callable[[Sequence[str]], None] | None = None,
        uploaded: Callable[[], None] | None = None,
        open_drawer: Callable[[], None] | None = None,
    ) -> None:
        self._uow = uow_factory
        self._clock = clock
        self._till = till
        self._queue = queue_tickets
        self._dispatch = dispatch
        self._uploaded = uploaded  # wakes the upload: the other tills learn of it soon
        self._open_drawer = open_drawer

    def find(self, text: str) -> list[PickupOrder]:
        """By order number or a ticket's barcode, else by the customer's name."""
        with self._uow(read_only=True) as uow:
            return uow.pickups.find(text)

    def waiting(self) -> list[PickupOrder]:
        with self._uow(read_only=True) as uow:
            return uow.pickups.waiting()

    def collect(
        self,
        number: str,
        operator_id: str,
        cash_given: Money | None = None,
        *,
        card: bool = False,
    ) -> PickupResult:
        """Print the order's tickets, and take what is due in cash (``cash_given``, or the
        exact amount when None): see the module docstring. `AlreadyCollected`,
        `PickupCancelled`, `PickupCashShort`, `PickupNothingDue`, `PickupCardNotTaken`,
        `NothingToPickUp`, `PickupNotInTraining`, `NoOpenSession`, `PickupNotPrintable`."""
        now = self._clock.now()
        with self._uow() as uow:
            order = uow.pickups.get(number)
            if order is None:
                raise NothingToPickUp(number)
            if training.current(uow) is not None:
                raise PickupNotInTraining()
            payment = _payment(order, cash_given, card)
            collected = rules.collect(order, self._till, now, payment)
            session = session_for_sale(uow, self._till)
            documents = [_document(uow, collected, t, self._till) for t in collected.tickets]
            tenders = () if payment is None else payment.tenders
            record = rules.pickup_record(
                collected, self._till, operator_id, session.id, now, tenders
            )
            entry = uow.journal.append(self._till, record)
            uow.sales.add_outbox(
                self._till,
                uow.sales.next_device_seq(self._till),
                str(uuid.uuid4()),
                rules.PICKUP,
                record,
                now,
                journal_seq=entry.seq,
            )
            uow.pickups.put(collected)
            jobs = [] if self._queue is None else self._queue(uow, documents)
            uow.commit()
        cash = [t for t in tenders if t.method is TenderMethod.CASH]
        if cash and self._open_drawer is not None:
            self._open_drawer()
        if jobs and self._dispatch is not None:
            self._dispatch(jobs)
        if self._uploaded is not None:
            self._uploaded()
        zero = Money.zero(order.total.currency)
        paid = sum((t.amount for t in tenders), zero)
        change = sum((t.change for t in cash), zero)
        return PickupResult(
            collected, entry.seq, tuple(jobs), Changes(print_jobs=bool(jobs)), paid, change
        )


def _payment(order: PickupOrder, cash_given: Money | None, card: bool) -> PaymentPlan | None:
    """How what the order has due is paid: None when nothing is due and nothing offered."""
    if order.due.is_zero:
        if card or cash_given is not None:
            raise rules.PickupNothingDue(order)
        return None
    if card:
        raise PickupCardNotTaken(order)
    plan = PaymentPlan(order.due)
    if cash_given is None:
        return plan.exact_cash()
    if cash_given.currency != order.due.currency or cash_given.minor <= 0:
        raise rules.PickupCashShort(order, Money.zero(order.due.currency))
    try:
        return plan.cash(cash_given)
    except TenderRefused:
        raise rules.PickupCashShort(order, Money.zero(order.due.currency)) from None


def _document(
    uow: UnitOfWork, order: PickupOrder, ticket: rules.PickupTicket, till: str
) -> TicketData:
    """One ticket of the order as printed: the catalog's values, the order's number and the
    ticket's own number and barcode (the ones access control knows)."""
    try:
        return ticket_document(
            uow,
            Ticket(
                number=ticket.number,
                barcode=ticket.barcode,
                line_id="",
                performance_id=ticket.performance_id,
                category=ticket.category,
                audience=ticket.audience,
                price=ticket.price,
                seat_id=ticket.seat_id,
                zone_id=ticket.zone_id,
            ),
            ticket.price * 0,
            order.number,
            till,
        )
    except LookupError as exc:  # NotFound: a performance this till does not have
        raise PickupNotPrintable(order.number, ticket.number, ticket.performance_id) from exc
