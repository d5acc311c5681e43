"""Pick-up at the till of orders placed elsewhere (`domain.pickups`): find one by its number,
a ticket's barcode or the customer's name; collect it: its tickets printed.

`collect` is one transaction: the order marked collected here, a ``pickup`` journal entry (in
the till's open session: the X report counts the orders and tickets picked up, no money) and
its outbox event (the server then marks the order collected for every till), and the tickets'
print jobs queued; the jobs are dispatched after the commit. Nothing is written when the order
was collected already, was cancelled, or a ticket cannot be laid out (its performance unknown
here): the error says why. Training mode picks nothing up (the order is real).
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
from domain.errors import DomainError
from domain.orders import Ticket
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


@dataclass(frozen=True, slots=True)
class PickupResult:
    order: PickupOrder  # as collected
    journal_seq: int
    print_jobs: tuple[str, ...]
    changes: Changes


class PickupServices:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        till: str,
        queue_tickets: QueueTickets | None = None,
        dispatch: Callable[[Sequence[str]], None] | None = None,
        uploaded: Callable[[], None] | None = None,
    ) -> None:
        self._uow = uow_factory
        self._clock = clock
        self._till = till
        self._queue = queue_tickets
        self._dispatch = dispatch
        self._uploaded = uploaded  # wakes the upload: the other tills learn of it soon

    def find(self, text: str) -> list[PickupOrder]:
        """By order number or a ticket's barcode, else by the customer's name."""
        with self._uow(read_only=True) as uow:
            return uow.pickups.find(text)

    def waiting(self) -> list[PickupOrder]:
        with self._uow(read_only=True) as uow:
            return uow.pickups.waiting()

    def collect(self, number: str, operator_id: str) -> PickupResult:
        """Print the order's tickets (see the module docstring): `AlreadyCollected`,
        `PickupCancelled`, `NothingToPickUp`, `PickupNotInTraining`, `NoOpenSession`."""
        now = self._clock.now()
        with self._uow() as uow:
            order = uow.pickups.get(number)
            if order is None:
                raise NothingToPickUp(number)
            if training.current(uow) is not None:
                raise PickupNotInTraining()
            collected = rules.collect(order, self._till, now)
            session = session_for_sale(uow, self._till)
            documents = [_document(uow, collected, t, self._till) for t in collected.tickets]
            record = rules.pickup_record(collected, self._till, operator_id, session.id, now)
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
        if jobs and self._dispatch is not None:
            self._dispatch(jobs)
        if self._uploaded is not None:
            self._uploaded()
        return PickupResult(collected, entry.seq, tuple(jobs), Changes(print_jobs=bool(jobs)))


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
        raise DomainError(
            f"order {order.number}: ticket {ticket.number} cannot be printed here ({exc})"
        ) from exc
