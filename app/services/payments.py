"""Card payments: the use cases around the payment terminal, and the journal port the driver
writes into.

A card transaction, in order: the terminal checks the amount → `start` commits a *pending*
record (amount, terminal, sale reference) → the driver marks it *sent* just before it writes to
the terminal (so a pending payment was never sent) and notes when the terminal accepted it →
every result the terminal sends is stored (`DatabaseJournal.record_result`) before the driver
acknowledges it → `finish` records the outcome: approved, declined or unknown. When that last
write fails the payment stays open and `PaymentNotRecorded` says what the terminal answered.
An open payment blocks a new payment for the same reference until it is reconciled with the
terminal (`reconcile_open`) or, unknown, closed by a supervisor who read the terminal's receipt
(`close_unknown`). Nothing here touches Qt; each
function is one transaction on the database (the journal's writes are short transactions of
their own, made on the terminal's thread because they must be durable before the ACK).
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from datetime import datetime

from app.services.ports import Clock, UnitOfWorkFactory
from domain.errors import DomainError
from domain.money import Money
from domain.operators import Operator, Role
from drivers.payment import (
    PaymentOutcome,
    PaymentRequest,
    PaymentResult,
    PaymentTerminal,
    ProgressListener,
    StoredResult,
    TerminalResult,
    TransactionKind,
)


class PaymentState(enum.Enum):
    PENDING = "pending"  # committed, maybe not written to the terminal yet
    SENT = "sent"  # written to the terminal; no outcome yet
    APPROVED = "approved"
    DECLINED = "declined"
    UNKNOWN = "unknown"  # the outcome could not be established: never retry blindly

    @property
    def open(self) -> bool:
        return self in (PaymentState.PENDING, PaymentState.SENT, PaymentState.UNKNOWN)


@dataclass(frozen=True, slots=True)
class CardPayment:
    id: str
    terminal: str
    kind: TransactionKind
    amount: Money
    state: PaymentState
    created_at: datetime
    reference: str | None = None
    original_receipt_no: int | None = None
    sent_at: datetime | None = None
    accepted_at: datetime | None = None
    decided_at: datetime | None = None
    message: str = ""
    result_code: int | None = None
    trace: int | None = None
    receipt_no: int | None = None
    terminal_id: str | None = None
    card_name: str | None = None
    receipt_text: str | None = None
    merchant_receipt_text: str | None = None
    reconciled: bool = False
    closed_by: str | None = None
    supervisor_reference: str | None = None

    def request(self) -> PaymentRequest:
        return PaymentRequest(
            self.id,
            self.kind,
            self.amount,
            self.original_receipt_no,
            self.sent_at,
            self.accepted_at,
        )


class PaymentError(DomainError):
    """A card payment use case was refused."""


class PaymentStillOpen(PaymentError):
    def __init__(self, payment: CardPayment) -> None:
        super().__init__(
            f"card payment {payment.id} for this sale is still {payment.state.value}: "
            "reconcile it with the terminal first"
        )
        self.payment = payment


class PaymentNotRecorded(PaymentError):
    """The terminal answered, but the till could not record the outcome: the payment stays
    open (it blocks a retry and is settled with the terminal at the next start). Nothing here
    may be read as "nothing was changed": the customer may have been charged."""

    def __init__(self, payment_id: str, result: PaymentResult | None, cause: BaseException) -> None:
        said = (
            f"the terminal said: {result.outcome.value} ({result.message})"
            if result is not None
            else "what the terminal did is not known"
        )
        super().__init__(
            f"card payment {payment_id} could not be recorded by the till ({cause}); {said}. "
            "Do not charge again: check the terminal's receipt, then have the payment "
            "settled when the database works again"
        )
        self.payment_id = payment_id
        self.result = result


class NotSupervisor(PaymentError):
    def __init__(self) -> None:
        super().__init__("only a supervisor may close an unknown card payment")


class PaymentNotUnknown(PaymentError):
    def __init__(self, payment: CardPayment) -> None:
        super().__init__(f"card payment {payment.id} is {payment.state.value}, not unknown")


_STATE_OF = {
    PaymentOutcome.APPROVED: PaymentState.APPROVED,
    PaymentOutcome.DECLINED: PaymentState.DECLINED,
    PaymentOutcome.UNKNOWN: PaymentState.UNKNOWN,
}


class DatabaseJournal:
    """The driver's `ResultJournal` on the till's database: each call one short transaction."""

    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock, terminal: str) -> None:
        self._uow = uow_factory
        self._clock = clock
        self._terminal = terminal

    def mark_sent(self, payment_id: str, at: datetime) -> None:
        with self._uow() as uow:
            uow.payments.mark_sent(payment_id, at)
            uow.commit()

    def mark_accepted(self, payment_id: str, at: datetime) -> None:
        with self._uow() as uow:
            uow.payments.mark_accepted(payment_id, at)
            uow.commit()

    def record_result(
        self, payment_id: str | None, command: str, raw: bytes, result: TerminalResult
    ) -> None:
        with self._uow() as uow:
            uow.payments.record_result(
                payment_id, self._terminal, command, raw, result, self._clock.now()
            )
            uow.commit()

    def find_result(self, result: TerminalResult) -> StoredResult | None:
        with self._uow(read_only=True) as uow:
            return uow.payments.find_result(self._terminal, result)

    def previous_result(self, before: datetime) -> StoredResult | None:
        with self._uow(read_only=True) as uow:
            return uow.payments.previous_result(self._terminal, before)


def start(
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    terminal: str,
    kind: TransactionKind,
    amount: Money,
    reference: str | None = None,
    original_receipt_no: int | None = None,
) -> CardPayment:
    """Commit a pending card transaction; refused while another one for ``reference`` is open."""
    if amount.minor <= 0:
        raise PaymentError("a card amount must be positive")
    with uow_factory() as uow:
        if reference is not None:
            for other in uow.payments.open_payments():
                if other.reference == reference:
                    raise PaymentStillOpen(other)
        payment = CardPayment(
            id=uuid.uuid4().hex,
            terminal=terminal,
            kind=kind,
            amount=amount,
            state=PaymentState.PENDING,
            created_at=clock.now(),
            reference=reference,
            original_receipt_no=original_receipt_no,
        )
        uow.payments.add(payment)
        uow.commit()
    return payment


def finish(uow_factory: UnitOfWorkFactory, clock: Clock, result: PaymentResult) -> CardPayment:
    """Record the outcome the driver reported; `PaymentNotRecorded` when it cannot be."""
    try:
        with uow_factory() as uow:
            uow.payments.decide(result.payment_id, _STATE_OF[result.outcome], result, clock.now())
            payment: CardPayment = uow.payments.get(result.payment_id)
            uow.commit()
    except Exception as failure:  # disk full, read-only, locked: the terminal has answered
        raise PaymentNotRecorded(result.payment_id, result, failure) from failure
    return payment


def run(
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    terminal: PaymentTerminal,
    kind: TransactionKind,
    amount: Money,
    reference: str | None = None,
    original_receipt_no: int | None = None,
    progress: ProgressListener | None = None,
) -> tuple[CardPayment, PaymentResult]:
    """The whole card transaction; blocks, so call it on the terminal's own thread.

    An amount the terminal cannot take is refused before anything is recorded. When the
    driver fails, the payment is closed as declined if nothing was sent, and left unknown
    otherwise; the failure is raised again."""
    problem = terminal.amount_problem(amount)
    if problem is not None:
        raise PaymentError(problem)
    payment = start(uow_factory, clock, terminal.name, kind, amount, reference, original_receipt_no)
    terminal.journal = DatabaseJournal(uow_factory, clock, terminal.name)
    request = payment.request()
    try:
        if kind is TransactionKind.PAYMENT:
            result = terminal.pay(request, progress)
        elif kind is TransactionKind.REFUND:
            result = terminal.refund(request, progress)
        else:
            result = terminal.reverse(request, progress)
    except Exception as failure:
        _close_after_failure(uow_factory, clock, payment.id, failure)
        raise
    return finish(uow_factory, clock, result), result


def _close_after_failure(
    uow_factory: UnitOfWorkFactory, clock: Clock, payment_id: str, failure: BaseException
) -> None:
    try:
        with uow_factory() as uow:
            now: CardPayment = uow.payments.get(payment_id)
    except Exception as unreadable:
        raise PaymentNotRecorded(payment_id, None, unreadable) from failure
    if now.state is PaymentState.PENDING:  # marked sent just before any write: never sent
        outcome, message = PaymentOutcome.DECLINED, f"not sent to the terminal: {failure}"
    else:
        outcome, message = PaymentOutcome.UNKNOWN, f"the terminal's dialogue failed: {failure}"
    finish(uow_factory, clock, PaymentResult(payment_id, outcome, message))


def open_payments(uow_factory: UnitOfWorkFactory, terminal: str | None = None) -> list[CardPayment]:
    with uow_factory(read_only=True) as uow:
        return uow.payments.open_payments(terminal)


def recent(uow_factory: UnitOfWorkFactory, limit: int = 50) -> list[CardPayment]:
    with uow_factory(read_only=True) as uow:
        return uow.payments.recent(limit)


def reconcile_open(
    uow_factory: UnitOfWorkFactory, clock: Clock, terminal: PaymentTerminal
) -> list[CardPayment]:
    """After a restart or a lost answer: settle every open transaction of this terminal.

    One still *pending* was never sent (it is marked sent before it is written): declined. One
    whose result was stored before the break is decided from that result (a result whose code
    could not be read decides nothing). The others are asked of the terminal, oldest first;
    what it cannot prove stays unknown.
    """
    terminal.journal = DatabaseJournal(uow_factory, clock, terminal.name)
    settled = []
    for payment in open_payments(uow_factory, terminal.name):
        with uow_factory() as uow:
            stored: TerminalResult | None = uow.payments.last_result(payment.id)
        if payment.state is PaymentState.PENDING:
            result = PaymentResult(
                payment.id,
                PaymentOutcome.DECLINED,
                "never sent to the terminal: nothing was charged",
                reconciled=True,
            )
        elif stored is not None and stored.decisive:
            outcome = PaymentOutcome.APPROVED if stored.approved else PaymentOutcome.DECLINED
            result = PaymentResult(payment.id, outcome, stored.text, stored, (), True)
        else:
            result = terminal.reconcile(payment.request())
        settled.append(finish(uow_factory, clock, result))
    return settled


def close_unknown(
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    by: Operator,
    payment_id: str,
    approved: bool,
    receipt_reference: str,
) -> CardPayment:
    """A supervisor closes an unknown payment from the terminal's own journal or receipt."""
    if by.role is not Role.SUPERVISOR:
        raise NotSupervisor()
    reference = receipt_reference.strip()
    if not reference:
        raise PaymentError("enter the reference printed on the terminal's receipt or journal")
    with uow_factory() as uow:
        payment: CardPayment = uow.payments.get(payment_id)
        if payment.state is not PaymentState.UNKNOWN:
            raise PaymentNotUnknown(payment)
        state = PaymentState.APPROVED if approved else PaymentState.DECLINED
        uow.payments.close_by_supervisor(payment_id, state, by.id, reference, clock.now())
        closed: CardPayment = uow.payments.get(payment_id)
        uow.commit()
    return closed
