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
from drivers.payment import PaymentResult, TerminalResult, TransactionKind

_payments = table_of(CardPaymentRow)
_results = table_of(TerminalResultRow)
_OPEN = ("pending", "sent", "unknown")
_TRANSACTIONS = ("payment", "refund", "reversal")


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
        decided_at=row.decided_at,
        message=row.message,
        result_code=row.result_code,
        trace=row.trace,
        receipt_no=row.receipt_no,
        terminal_id=row.terminal_id,
        card_name=row.card_name,
        receipt_text=row.receipt_text,
        reconciled=row.reconciled,
        closed_by=row.closed_by,
        supervisor_reference=row.supervisor_reference,
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
            .where(_results.c.payment_id == payment_id)
            .order_by(_results.c.id.desc())
            .limit(1)
        ).first()
        if row is None:
            return None
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

    def is_known_result(
        self, terminal_id: str | None, trace: int | None, receipt_no: int | None
    ) -> bool:
        """A transaction of this terminal with this trace number that belongs to one of our
        payments."""
        if trace is None:
            return False
        query = select(_results.c.id).where(
            _results.c.payment_id.is_not(None),
            _results.c.command.in_(_TRANSACTIONS),
            _results.c.trace == trace,
        )
        settled = select(_payments.c.id).where(
            _payments.c.state.in_(("approved", "declined")), _payments.c.trace == trace
        )
        if terminal_id is not None:
            query = query.where(_results.c.terminal_id == terminal_id)
            settled = settled.where(_payments.c.terminal_id == terminal_id)
        # A result stored for a payment, or a payment settled later by reconciliation.
        return (
            self._session.execute(query.limit(1)).first() is not None
            or self._session.execute(settled.limit(1)).first() is not None
        )

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

    def recent(self, limit: int = 50) -> list[CardPayment]:
        rows = self._session.execute(
            select(_payments).order_by(_payments.c.created_at.desc()).limit(limit)
        )
        return [_payment(row) for row in rows]
