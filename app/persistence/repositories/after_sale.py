"""After the sale's rows: find an order by its number, a ticket's barcode or number; its
tickets as they stand; its corrections (refunds, cancellations) and reprints. Everything runs
inside the caller's unit of work; ticket states change only by conditional updates naming the
state they expect.

Must not decide what may be given back: `domain.refunds` does.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Row, insert, select, update
from sqlalchemy.orm import Session

from app.persistence.errors import NotFound
from app.persistence.tables import table_of
from app.persistence.tables_after_sale import CorrectionRow, ReprintRow
from app.persistence.tables_sales import OrderRow, TicketRow
from app.services.records import CorrectionRecord, OrderRecord, ReprintRecord, TicketRecord

_orders = table_of(OrderRow)
_tickets = table_of(TicketRow)
_corrections = table_of(CorrectionRow)
_reprints = table_of(ReprintRow)


def _order(row: Row[Any]) -> OrderRecord:
    return OrderRecord(
        id=row.id,
        till=row.till,
        device_seq=row.device_seq,
        session_id=row.session_id,
        operator_id=row.operator_id,
        at=row.at,
        document=json.loads(row.document),
    )


def _ticket(row: Row[Any]) -> TicketRecord:
    return TicketRecord(
        number=row.number,
        barcode=row.barcode,
        order_id=row.order_id,
        performance_id=row.performance_id,
        seat_id=row.seat_id,
        zone_id=row.zone_id,
        category=row.category,
        audience=row.audience,
        price_minor=row.price_minor,
        currency=row.currency,
        state=row.state,
        void_reason=row.void_reason,
        correction_id=row.correction_id,
    )


def _correction(row: Row[Any]) -> CorrectionRecord:
    return CorrectionRecord(
        id=row.id,
        till=row.till,
        order_id=row.order_id,
        kind=row.kind,
        state=row.state,
        tickets=tuple(json.loads(row.tickets)),
        total_minor=row.total_minor,
        currency=row.currency,
        operator_id=row.operator_id,
        approved_by=row.approved_by,
        reason=row.reason,
        document=json.loads(row.document),
        created_at=row.created_at,
        decided_at=row.decided_at,
        detail=row.detail,
        journal_seq=row.journal_seq,
    )


def _reprint(row: Row[Any]) -> ReprintRecord:
    return ReprintRecord(
        id=row.id,
        till=row.till,
        order_id=row.order_id,
        ticket_number=row.ticket_number,
        old_barcode=row.old_barcode,
        new_barcode=row.new_barcode,
        operator_id=row.operator_id,
        reason=row.reason,
        at=row.at,
        journal_seq=row.journal_seq,
    )


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class AfterSaleRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    # --- finding --------------------------------------------------------------------------

    def order(self, order_id: str) -> OrderRecord:
        row = self._session.execute(select(_orders).where(_orders.c.id == order_id)).first()
        if row is None:
            raise NotFound("order", order_id)
        return _order(row)

    def order_by_number(self, till: str, device_seq: int) -> OrderRecord | None:
        row = self._session.execute(
            select(_orders).where(_orders.c.till == till, _orders.c.device_seq == device_seq)
        ).first()
        return None if row is None else _order(row)

    def ticket_by_barcode(self, barcode: str) -> TicketRecord | None:
        row = self._session.execute(select(_tickets).where(_tickets.c.barcode == barcode)).first()
        return None if row is None else _ticket(row)

    def ticket_by_number(self, till: str, number: int) -> TicketRecord | None:
        row = self._session.execute(
            select(_tickets).where(_tickets.c.till == till, _tickets.c.number == number)
        ).first()
        return None if row is None else _ticket(row)

    def reprint_of_barcode(self, barcode: str) -> ReprintRecord | None:
        """The reprint that voided ``barcode``, if one did."""
        row = self._session.execute(
            select(_reprints).where(_reprints.c.old_barcode == barcode)
        ).first()
        return None if row is None else _reprint(row)

    def tickets(self, order_id: str) -> list[TicketRecord]:
        rows = self._session.execute(
            select(_tickets).where(_tickets.c.order_id == order_id).order_by(_tickets.c.number)
        )
        return [_ticket(row) for row in rows]

    def corrections(self, order_id: str) -> list[CorrectionRecord]:
        rows = self._session.execute(
            select(_corrections)
            .where(_corrections.c.order_id == order_id)
            .order_by(_corrections.c.created_at, _corrections.c.id)
        )
        return [_correction(row) for row in rows]

    def correction(self, correction_id: str) -> CorrectionRecord:
        row = self._session.execute(
            select(_corrections).where(_corrections.c.id == correction_id)
        ).first()
        if row is None:
            raise NotFound("correction", correction_id)
        return _correction(row)

    def pending_corrections(self, till: str) -> list[CorrectionRecord]:
        rows = self._session.execute(
            select(_corrections)
            .where(_corrections.c.till == till, _corrections.c.state == "pending")
            .order_by(_corrections.c.created_at)
        )
        return [_correction(row) for row in rows]

    def reprints(self, order_id: str) -> list[ReprintRecord]:
        rows = self._session.execute(
            select(_reprints).where(_reprints.c.order_id == order_id).order_by(_reprints.c.at)
        )
        return [_reprint(row) for row in rows]

    # --- changing --------------------------------------------------------------------------

    def add_correction(self, correction: CorrectionRecord) -> None:
        self._session.execute(
            insert(_corrections).values(
                id=correction.id,
                till=correction.till,
                order_id=correction.order_id,
                kind=correction.kind,
                state=correction.state,
                tickets=_json(list(correction.tickets)),
                total_minor=correction.total_minor,
                currency=correction.currency,
                operator_id=correction.operator_id,
                approved_by=correction.approved_by,
                reason=correction.reason,
                document=_json(correction.document),
                created_at=correction.created_at,
                decided_at=correction.decided_at,
                detail=correction.detail,
                journal_seq=correction.journal_seq,
            )
        )

    def decide_correction(
        self,
        correction_id: str,
        state: str,
        at: datetime,
        detail: str = "",
        document: dict[str, object] | None = None,
        journal_seq: int | None = None,
    ) -> bool:
        """A pending correction becomes done or abandoned; False (nothing changed) when it is
        not pending any more."""
        values: dict[str, object] = {"state": state, "decided_at": at, "detail": detail}
        if document is not None:
            values["document"] = _json(document)
        if journal_seq is not None:
            values["journal_seq"] = journal_seq
        result = self._session.execute(
            update(_corrections)
            .where(_corrections.c.id == correction_id, _corrections.c.state == "pending")
            .values(values)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    def void_tickets(
        self, till: str, numbers: Iterable[int], reason: str, correction_id: str
    ) -> list[int]:
        """Void valid tickets; the numbers that were not valid any more are returned and then
        nothing changed (the caller rolls back)."""
        wanted = sorted(set(numbers))
        valid = set(
            self._session.scalars(
                select(_tickets.c.number).where(
                    _tickets.c.till == till,
                    _tickets.c.number.in_(wanted),
                    _tickets.c.state == "valid",
                )
            )
        )
        missing = [n for n in wanted if n not in valid]
        if missing:
            return missing
        self._session.execute(
            update(_tickets)
            .where(
                _tickets.c.till == till, _tickets.c.number.in_(wanted), _tickets.c.state == "valid"
            )
            .values(state="void", void_reason=reason, correction_id=correction_id)
        )
        return []

    def replace_barcode(self, reprint: ReprintRecord) -> bool:
        """The ticket's barcode becomes the reprint's new one, the old one is kept as voided;
        False (nothing changed) when the ticket is not valid with that barcode any more."""
        result = self._session.execute(
            update(_tickets)
            .where(
                _tickets.c.till == reprint.till,
                _tickets.c.number == reprint.ticket_number,
                _tickets.c.barcode == reprint.old_barcode,
                _tickets.c.state == "valid",
            )
            .values(barcode=reprint.new_barcode)
        )
        if not result.rowcount:  # type: ignore[attr-defined]
            return False
        self._session.execute(
            insert(_reprints).values(
                id=reprint.id,
                till=reprint.till,
                order_id=reprint.order_id,
                ticket_number=reprint.ticket_number,
                old_barcode=reprint.old_barcode,
                new_barcode=reprint.new_barcode,
                operator_id=reprint.operator_id,
                reason=reprint.reason,
                at=reprint.at,
                journal_seq=reprint.journal_seq,
            )
        )
        return True

    def set_reprint_seq(self, reprint_id: str, journal_seq: int) -> None:
        self._session.execute(
            update(_reprints).where(_reprints.c.id == reprint_id).values(journal_seq=journal_seq)
        )
