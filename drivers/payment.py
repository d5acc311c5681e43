"""The payment-terminal role: what the till asks a card terminal and what it gets back.

Protocol-free: `drivers.zvt` implements it today, Caisse-AP may tomorrow. The rule the whole
role serves: a payment is never reported as failed when the customer was charged, nor as paid
when they were not. So every result the terminal sends is handed to a `ResultJournal` (the till's
database) before it is acknowledged, and an outcome that cannot be known is reported as
`PaymentOutcome.UNKNOWN`, never guessed. Nothing here talks to a line or a database.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from domain.money import Money
from drivers.base import Device, Role


class PaymentOutcome(enum.Enum):
    APPROVED = "approved"  # the customer was charged (or refunded)
    DECLINED = "declined"  # nothing happened on the card
    UNKNOWN = "unknown"  # the till cannot tell yet: block retries, reconcile


class TransactionKind(enum.Enum):
    PAYMENT = "payment"
    REFUND = "refund"
    REVERSAL = "reversal"


@dataclass(frozen=True, slots=True)
class TerminalResult:
    """What a terminal said about one transaction (a ZVT status-information).

    ``result_code`` is None when the terminal's message held none that could be read: such a
    result decides nothing (the outcome is asked of the terminal). The other fields are
    evidence (amount, trace, receipt number, terminal id and clock) or text for people.
    """

    result_code: int | None
    text: str
    amount: Money | None = None
    trace: int | None = None
    receipt_no: int | None = None
    terminal_id: str | None = None
    card_name: str | None = None
    pan: str | None = None
    terminal_time: str | None = None  # "MMDD HHMMSS" as the terminal's clock said it

    @property
    def approved(self) -> bool:
        return self.result_code == 0

    @property
    def decisive(self) -> bool:
        """The result code was read: approved (00) or failed (anything else)."""
        return self.result_code is not None


@dataclass(frozen=True, slots=True)
class PaymentRequest:
    """One transaction the till wants, already committed as pending in its database."""

    payment_id: str
    kind: TransactionKind
    amount: Money
    receipt_no: int | None = None  # the transaction to reverse (reversals only)
    sent_at: datetime | None = None  # when it was about to be written to the terminal
    accepted_at: datetime | None = None  # when the terminal acknowledged it, if it did


@dataclass(frozen=True, slots=True)
class StoredResult:
    """A result the journal holds, with what the till knew when it stored it."""

    result: TerminalResult
    received_at: datetime
    payment_id: str | None = None  # the payment it belongs to, if any
    payment_sent_at: datetime | None = None  # when that payment was sent


@dataclass(frozen=True, slots=True)
class PaymentResult:
    payment_id: str
    outcome: PaymentOutcome
    message: str  # for the cashier: what happened (English; the UI words it per outcome)
    result: TerminalResult | None = None
    receipt_lines: tuple[str, ...] = ()  # the customer's copy (or a receipt of no stated type)
    reconciled: bool = False  # the outcome comes from asking the terminal afterwards
    merchant_lines: tuple[str, ...] = ()  # the merchant's copy, kept apart


@dataclass(frozen=True, slots=True)
class EndOfDayResult:
    approved: bool
    message: str
    total: Money | None = None
    count: int = 0
    per_card: tuple[tuple[str, int, Money], ...] = ()
    receipt_lines: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TerminalStatus:
    ready: bool
    message: str
    status_code: int | None = None
    software_version: str | None = None
    receipt_lines: tuple[str, ...] = field(default=())


class ResultJournal(Protocol):
    """Where the driver writes what the terminal said, durably, before acknowledging it; and
    where it reads back what identifies a transaction when its answer was lost. One journal
    per terminal."""

    def mark_sent(self, payment_id: str, at: datetime) -> None:
        """Durable before the command is written: a payment never marked sent was never sent."""
        ...

    def mark_accepted(self, payment_id: str, at: datetime) -> None:
        """The terminal acknowledged the command: it took this transaction on."""
        ...

    def record_result(
        self, payment_id: str | None, command: str, raw: bytes, result: TerminalResult
    ) -> None:
        """Store one status-information; must be durable when it returns."""
        ...

    def find_result(self, result: TerminalResult) -> StoredResult | None:
        """The stored result that is this very terminal transaction (same terminal id, trace,
        receipt number, amount and terminal clock), preferring one tied to a payment."""
        ...

    def previous_result(self, before: datetime) -> StoredResult | None:
        """The last transaction result this terminal gave the till before ``before``."""
        ...


ProgressListener = Callable[[int, str], None]  # (terminal status code, English text)


class PaymentTerminal(Device):
    """The role every card-terminal driver implements."""

    role = Role.PAYMENT_TERMINAL
    journal: ResultJournal | None = None

    def pay(
        self, request: PaymentRequest, progress: ProgressListener | None = None
    ) -> PaymentResult:
        raise NotImplementedError

    def refund(
        self, request: PaymentRequest, progress: ProgressListener | None = None
    ) -> PaymentResult:
        raise NotImplementedError

    def reverse(
        self, request: PaymentRequest, progress: ProgressListener | None = None
    ) -> PaymentResult:
        raise NotImplementedError

    def reconcile(self, request: PaymentRequest) -> PaymentResult:
        """Ask the terminal what became of a transaction whose answer was lost."""
        raise NotImplementedError

    def amount_problem(self, amount: Money) -> str | None:
        """Why this terminal cannot be asked for ``amount`` (checked before anything is
        recorded), or None."""
        return None if amount.minor > 0 else "a card amount must be positive"

    def abort(self) -> None:
        """Ask the terminal to stop the running transaction; callable from any thread.
        The terminal may finish it anyway: the transaction's own result decides."""
        raise NotImplementedError

    def end_of_day(self) -> EndOfDayResult:
        raise NotImplementedError

    def diagnosis(self) -> TerminalStatus:
        raise NotImplementedError

    def status(self) -> TerminalStatus:
        raise NotImplementedError
