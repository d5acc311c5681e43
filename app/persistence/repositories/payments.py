"""Card payments and the terminal's results: store what the services and the driver decide.

Implements the storage behind `app.services.payments` (including its `DatabaseJournal`); never
decides an outcome itself. ``terminal_results`` rows are only ever inserted.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Row, insert, select, update
from sqlalchemy.orm import Session

from app.persistence.errors import NotFound
from app.persistence.tables import table_of
from app.persistence.tables_payments import CardPaymentRow, TerminalResultRow
from app.services.payments import CardPayment, PaymentState
from domain.money import Money
from drivers.payment import PaymentResult, StoredResult, TerminalResult, TransactionKind

_payments = table_of(CardPaymentRow)
_results = table_of(TerminalResultRow)
_OPEN = ("pending", "sent", "unknown")
# Results that are a transaction of their own ("reconciled": a repeated result tied to the
# payment it settled), and those that advance the terminal's trace numbers.
_TRANSACTIONS = ("payment", "refund", "reversal", "reconciled")
_SEQUENCE = ("payment", "refund", "reversal", "end_of_day")


def _payment(row: Row[Any]) -> CardPayment:
    return CardPayment(
        id=row.id,
        terminal=row.terminal,
        kind=TransactionKind(row.kind),
        amount=Money(row.amount_minor, row.amount_currency),
        state=PaymentState(row.state),
        created_at=row.created_at,
        reference=row.reference,
        original_receipt_no=row.original_receipt_no,
        sent_at=row.sent_at,
        accepted_at=row.accepted_at,
        decided_at=row.decided_at,
        message=row.message,
        result_code=row.result_code,
        trace=row.trace,
        receipt_no=row.receipt_no,
        terminal_id=row.terminal_id,
        card_name=row.card_name,
        receipt_text=row.receipt_text,
        merchant_receipt_text=row.merchant_receipt_text,
        reconciled=row.reconciled,
        closed_by=row.closed_by,
        supervisor_reference=row.supervisor_reference,
    )


def _terminal_result(row: Row[Any]) -> TerminalResult:
    amount = None
    if row.amount_minor is not None and row.amount_currency is not None:
        amount = Money(row.amount_minor, row.amount_currency)
    return TerminalResult(
        row.result_code,
        row.result_text,
        amount,
        row.trace,
        row.receipt_no,
        row.terminal_id,
        terminal_time=row.terminal_time,
    )


def _result_values(result: TerminalResult | None) -> dict[str, Any]:
    if result is None:
        return {}
    return {
        "result_code": result.result_code,
        "trace": result.trace,
        "receipt_no": result.receipt_no,
        "terminal_id": result.terminal_id,
        "card_name": result.card_name,
    }


class PaymentRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, payment: CardPayment) -> None:
        self._session.execute(
            insert(_payments).values(
                id=payment.id,
                terminal=payment.terminal,
                kind=payment.kind.value,
                amount_minor=payment.amount.minor,
                amount_currency=payment.amount.currency,
                reference=payment.reference,
                original_receipt_no=payment.original_receipt_no,
                state=payment.state.value,
                created_at=payment.created_at,
                message=payment.message,
                reconciled=False,
            )
        )

    def get(self, payment_id: str) -> CardPayment:
        row = self._session.execute(select(_payments).where(_payments.c.id == payment_id)).first()
        if row is None:
            raise NotFound("card payment", payment_id)
        return _payment(row)

    def _update(self, payment_id: str, **values: Any) -> None:
        result = self._session.execute(
            update(_payments).where(_payments.c.id == payment_id).values(**values)
        )
        if result.rowcount == 0:  # type: ignore[attr-defined]
            raise NotFound("card payment", payment_id)

    def mark_sent(self, payment_id: str, at: datetime) -> None:
        self._update(payment_id, state="sent", sent_at=at)

    def mark_accepted(self, payment_id: str, at: datetime) -> None:
        self._update(payment_id, accepted_at=at)

    def record_result(
        self,
        payment_id: str | None,
        terminal: str,
        command: str,
        raw: bytes,
        result: TerminalResult,
        at: datetime,
    ) -> None:
        amount = result.amount
        self._session.execute(
            insert(_results).values(
                payment_id=payment_id,
                terminal=terminal,
                command=command,
                received_at=at,
                raw_hex=raw.hex(" "),
                result_code=result.result_code,
                result_text=result.text[:200],
                amount_minor=None if amount is None else amount.minor,
                amount_currency=None if amount is None else amount.currency,
                trace=result.trace,
                receipt_no=result.receipt_no,
                terminal_id=result.terminal_id,
                terminal_time=result.terminal_time,
            )
        )

    def last_result(self, payment_id: str) -> TerminalResult | None:
        row = self._session.execute(
            select(_results)
            .where(_results.c.payment_id == payment_id, _results.c.command != "reconciled")
            .order_by(_results.c.id.desc())
            .limit(1)
        ).first()
        return None if row is None else _terminal_result(row)

    def _stored(self, query: Any) -> StoredResult | None:
        row = self._session.execute(
            query.add_columns(_payments.c.sent_at.label("payment_sent_at"))
            .select_from(_results.outerjoin(_payments, _payments.c.id == _results.c.payment_id))
            .limit(1)
        ).first()
        if row is None:
            return None
        return StoredResult(
            _terminal_result(row), row.received_at, row.payment_id, row.payment_sent_at
        )

    def find_result(self, terminal: str, result: TerminalResult) -> StoredResult | None:
        """The stored result of this terminal that is this very transaction: the same
        terminal id, trace, receipt number, amount and terminal clock (a trace number alone
        repeats when a terminal restarts its numbering). One tied to a payment first."""
        if result.trace is None or result.terminal_time is None:
            return None
        amount = result.amount
        query = select(_results).where(
            _results.c.terminal == terminal,
            _results.c.command.in_(_TRANSACTIONS),
            _results.c.trace == result.trace,
            _results.c.terminal_time == result.terminal_time,
            _results.c.terminal_id.is_(None)
            if result.terminal_id is None
            else _results.c.terminal_id == result.terminal_id,
            _results.c.receipt_no.is_(None)
            if result.receipt_no is None
            else _results.c.receipt_no == result.receipt_no,
            _results.c.amount_minor.is_(None)
            if amount is None
            else _results.c.amount_minor == amount.minor,
        )
        return self._stored(query.order_by(_results.c.payment_id.is_(None), _results.c.id.desc()))

    def previous_result(self, terminal: str, before: datetime) -> StoredResult | None:
        """The last result of a transaction (or end-of-day) of this terminal stored before
        ``before``."""
        query = select(_results).where(
            _results.c.terminal == terminal,
            _results.c.command.in_(_SEQUENCE),
            _results.c.received_at < before,
        )
        return self._stored(query.order_by(_results.c.received_at.desc(), _results.c.id.desc()))

    def decide(
        self, payment_id: str, state: PaymentState, result: PaymentResult, at: datetime
    ) -> None:
        values = _result_values(result.result)
        self._update(
            payment_id,
            state=state.value,
            decided_at=at,
            message=result.message,
            reconciled=result.reconciled,
            receipt_text="\n".join(result.receipt_lines) or None,
            merchant_receipt_text="\n".join(result.merchant_lines) or None,
            **values,
        )

    def close_by_supervisor(
        self, payment_id: str, state: PaymentState, operator_id: str, reference: str, at: datetime
    ) -> None:
        self._update(
            payment_id,
            state=state.value,
            decided_at=at,
            closed_by=operator_id,
            supervisor_reference=reference,
            message=f"closed by a supervisor from the terminal's receipt {reference}",
        )

    def open_payments(self, terminal: str | None = None) -> list[CardPayment]:
        query = select(_payments).where(_payments.c.state.in_(_OPEN))
        if terminal is not None:
            query = query.where(_payments.c.terminal == terminal)
        rows = self._session.execute(query.order_by(_payments.c.created_at))
        return [_payment(row) for row in rows]

    def for_reference(self, reference: str) -> list[CardPayment]:
        """The card transactions made for a reference (a cart), oldest first."""
        rows = self._session.execute(
            select(_payments)
            .where(_payments.c.reference == reference)
            .order_by(_payments.c.created_at)
        )
        return [_payment(row) for row in rows]

    def with_reference_prefix(self, prefix: str) -> list[CardPayment]:
        """The card transactions whose reference starts with ``prefix``, oldest first."""
        rows = self._session.execute(
            select(_payments)
            .where(_payments.c.reference.startswith(prefix, autoescape=True))
            .order_by(_payments.c.created_at)
        )
        return [_payment(row) for row in rows]

    def recent(self, limit: int = 50) -> list[CardPayment]:
        rows = self._session.execute(
            select(_payments).order_by(_payments.c.created_at.desc()).limit(limit)
        )
        return [_payment(row) for row in rows]
