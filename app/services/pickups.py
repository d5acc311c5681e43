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

What is due is paid in cash (the amount given, or exact; the change handed back) or **by
card** on the station's terminal (`PickupCardNotTaken` without one). A card payment cannot
share the pick-up's one transaction, so it goes first, its reference the order's
(``pickup:`` + its number): every check the transaction makes is made before the card is
asked (nothing is charged for an order that would be refused), then the terminal, then the
transaction, which counts the approved payment as the order's tender. A till stopped between
the approval and the commit charges nothing again: the next collection of that order finds
the approved payment for its reference and records it; a payment of that reference whose
outcome is unknown stops the collection until a supervisor settles it (Devices screen). An
approved card the pick-up could not record (the order collected meanwhile at another till)
is said so, to be refunded.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.services import training
from app.services.changes import Changes
from app.services.payments import CardPayment, PaymentState
from app.services.ports import Clock, UnitOfWork, UnitOfWorkFactory
from app.services.tickets import ticket_document
from app.services.tills import session_for_sale
from domain import pickups as rules
from domain.money import Money
from domain.orders import PaymentPlan, TenderMethod, TenderRefused, Ticket
from domain.pickups import PickupOrder
from domain.till import TillSession
from drivers.payment import PaymentResult, ProgressListener, TransactionKind
from printing.data import TicketData

QueueTickets = Callable[[UnitOfWork, Sequence[TicketData]], list[str]]
# The terminal: (kind, amount, reference, receipt number, progress) -> the payment and its result.
CardPayer = Callable[
    [TransactionKind, Money, str, int | None, ProgressListener | None],
    tuple[CardPayment, PaymentResult],
]
CARD_REFERENCE = "pickup:"  # + the order's number: the card payments made for it


class PickupNotInTraining(rules.PickupError):
    def __init__(self) -> None:
        super().__init__("training mode is on: orders are picked up only outside it")


class NothingToPickUp(rules.PickupError):
    def __init__(self, text: str) -> None:
        super().__init__(f"no order for pick-up {text!r} on this till")
        self.text = text


class PickupCardNotTaken(rules.PickupError):
    """A card offered for what an order placed elsewhere has due on a station without a card
    terminal."""

    def __init__(self, order: PickupOrder) -> None:
        super().__init__(
            f"order {order.number}: this station has no card terminal; take the cash: "
            "nothing was done"
        )
        self.order = order


class PickupCardDeclined(rules.PickupError):
    def __init__(self, order: PickupOrder, message: str) -> None:
        super().__init__(f"order {order.number}: the card was declined ({message}): nothing done")
        self.order = order
        self.message = message


class PickupCardToSettle(rules.PickupError):
    """A card payment for this order has no known outcome: never charge it again blindly."""

    def __init__(self, order: PickupOrder, payment_id: str) -> None:
        super().__init__(
            f"order {order.number}: card payment {payment_id} has no known outcome; a "
            "supervisor settles it on the Devices screen before the order is picked up"
        )
        self.order = order
        self.payment_id = payment_id


class PickupCardCharged(rules.PickupError):
    """The card paid what is due but the pick-up was not recorded: the payment stays
    approved for the order (the next collection records it without charging again)."""

    def __init__(self, order: PickupOrder, amount: Money, cause: BaseException) -> None:
        super().__init__(
            f"order {order.number}: the card paid {amount.minor} but the pick-up was not "
            f"recorded ({cause}); collect it again to record it (the card is not charged "
            "again), or have a supervisor refund the card"
        )
        self.order = order
        self.amount = amount
        self.cause = cause


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
        card: CardPayer | None = None,
    ) -> None:
        self._uow = uow_factory
        self._card = card  # the station's terminal (`DevicesService.correction_payment`)
        self._clock = clock
        self._till = till
        self._queue = queue_tickets
        self._dispatch = dispatch
        self._uploaded = uploaded  # wakes the upload: the other tills learn of it soon
        self._open_drawer = open_drawer

    @property
    def takes_cards(self) -> bool:
        """Is there a card terminal to take what is due on?"""
        return self._card is not None

    def find(self, text: str) -> list[PickupOrder]:
        """By order number or a ticket's barcode, else by the customer's name."""
        with self._uow(read_only=True) as uow:
            return uow.pickups.find(text)

    def lines(self, number: str) -> list[TicketData]:
        """The order's tickets as they will print (event, date, seat, tariff, price), for the
        cashier to see before printing; `NothingToPickUp`, `PickupNotPrintable`."""
        with self._uow(read_only=True) as uow:
            order = uow.pickups.get(number)
            if order is None:
                raise NothingToPickUp(number)
            return [_document(uow, order, t, self._till) for t in order.tickets]

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
        progress: ProgressListener | None = None,
    ) -> PickupResult:
        """Print the order's tickets, and take what is due in cash (``cash_given``, or the
        exact amount when None) or, with ``card``, on the terminal (blocks: run it on a lane
        of its own): see the module docstring. `AlreadyCollected`, `PickupCancelled`,
        `PickupCashShort`, `PickupNothingDue`, `PickupCardNotTaken`, `PickupCardDeclined`,
        `PickupCardToSettle`, `PickupCardCharged`, `NothingToPickUp`, `PickupNotInTraining`,
        `NoOpenSession`, `PickupNotPrintable`."""
        if not card:
            return self._record(number, operator_id, lambda order: _payment(order, cash_given))
        with self._uow(read_only=True) as uow:  # every check first: nothing charged for them
            order, _plan, _session, _documents = self._prepared(uow, number, _card_check)
            if self._card is None:
                raise PickupCardNotTaken(order)
            reference = CARD_REFERENCE + order.number
            payment = _approved_for(uow, order, reference)
        if payment is None:  # not charged before a stop: the terminal now
            payment, result = self._card(
                TransactionKind.PAYMENT, order.due, reference, None, progress
            )
            if payment.state is PaymentState.DECLINED:
                raise PickupCardDeclined(order, result.message)
            if payment.state is not PaymentState.APPROVED:
                raise PickupCardToSettle(order, payment.id)
        plan = PaymentPlan(order.due).other(TenderMethod.CARD, payment.amount, payment.id)
        try:
            return self._record(number, operator_id, lambda _order: plan)
        except Exception as exc:
            raise PickupCardCharged(order, payment.amount, exc) from exc

    def _prepared(
        self,
        uow: UnitOfWork,
        number: str,
        payment_for: Callable[[PickupOrder], PaymentPlan | None],
    ) -> tuple[PickupOrder, PaymentPlan | None, TillSession, list[TicketData]]:
        """The order as collected, its payment, the session and the tickets to print: every
        refusal of a collection, before anything is written."""
        order = uow.pickups.get(number)
        if order is None:
            raise NothingToPickUp(number)
        if training.current(uow) is not None:
            raise PickupNotInTraining()
        payment = payment_for(order)
        collected = rules.collect(order, self._till, self._clock.now(), payment)
        session = session_for_sale(uow, self._till)
        documents = [_document(uow, collected, t, self._till) for t in collected.tickets]
        return collected, payment, session, documents

    def _record(
        self,
        number: str,
        operator_id: str,
        payment_for: Callable[[PickupOrder], PaymentPlan | None],
    ) -> PickupResult:
        """The one transaction of a collection (see the module docstring)."""
        now = self._clock.now()
        with self._uow() as uow:
            collected, payment, session, documents = self._prepared(uow, number, payment_for)
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
        zero = Money.zero(collected.total.currency)
        paid = sum((t.amount for t in tenders), zero)
        change = sum((t.change for t in cash), zero)
        return PickupResult(
            collected, entry.seq, tuple(jobs), Changes(print_jobs=bool(jobs)), paid, change
        )


def _card_check(order: PickupOrder) -> PaymentPlan:
    """The payment a card would make, for the checks before the terminal is asked."""
    if order.due.is_zero:
        raise rules.PickupNothingDue(order)
    return PaymentPlan(order.due).other(TenderMethod.CARD, order.due, "?")


def _approved_for(uow: UnitOfWork, order: PickupOrder, reference: str) -> CardPayment | None:
    """A card payment the terminal approved for this order before the till stopped (the
    order was not collected, or the checks would have refused it): recorded, not charged
    again. `PickupCardToSettle` while one has no known outcome."""
    made = uow.payments.for_reference(reference)
    unsettled = [p for p in made if p.state.open]
    if unsettled:
        raise PickupCardToSettle(order, unsettled[0].id)
    approved = [
        p
        for p in made
        if p.state is PaymentState.APPROVED
        and p.kind is TransactionKind.PAYMENT
        and p.amount == order.due
    ]
    return approved[-1] if approved else None


def _payment(order: PickupOrder, cash_given: Money | None) -> PaymentPlan | None:
    """How what the order has due is paid in cash: None when nothing is due nor offered."""
    if order.due.is_zero:
        if cash_given is not None:
            raise rules.PickupNothingDue(order)
        return None
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
