"""Print jobs: add one before sending, move it through its states, list what waits for a
decision. Returns frozen `PrintJob` values, never rows.

Nothing is ever deleted: a failed or unknown job stays until a person decides (reprint,
dismiss, or "it did print"), and that decision is stored with who made it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Row, insert, select, update
from sqlalchemy.orm import Session

from app.persistence.errors import NotFound
from app.persistence.tables import table_of
from app.persistence.tables_printing import PrintJobRow
from app.services.records import AWAITING_DECISION, PrintJob

_jobs = table_of(PrintJobRow)


def _job(row: Row[Any]) -> PrintJob:
    return PrintJob(
        id=row.id,
        printer=row.printer,
        kind=row.kind,
        label=row.label,
        document=row.document,
        state=row.state,
        detail=row.detail,
        created_at=row.created_at,
        updated_at=row.updated_at,
        ticket_number=row.ticket_number,
        reprint_of=row.reprint_of,
        resolution=row.resolution,
        resolved_by=row.resolved_by,
        resolved_at=row.resolved_at,
    )


class PrintJobRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, job: PrintJob) -> None:
        self._session.execute(
            insert(_jobs).values(
                id=job.id,
                printer=job.printer,
                kind=job.kind,
                label=job.label,
                document=job.document,
                state=job.state,
                detail=job.detail,
                created_at=job.created_at,
                updated_at=job.updated_at,
                ticket_number=job.ticket_number,
                reprint_of=job.reprint_of,
            )
        )

    def get(self, job_id: str) -> PrintJob:
        row = self._session.execute(select(_jobs).where(_jobs.c.id == job_id)).first()
        if row is None:
            raise NotFound("print job", job_id)
        return _job(row)

    def set_state(self, job_id: str, state: str, detail: str, at: datetime) -> None:
        result = self._session.execute(
            update(_jobs)
            .where(_jobs.c.id == job_id)
            .values(state=state, detail=detail, updated_at=at)
        )
        if result.rowcount == 0:  # type: ignore[attr-defined]
            raise NotFound("print job", job_id)

    def resolve(self, job_id: str, resolution: str, by: str, at: datetime) -> None:
        result = self._session.execute(
            update(_jobs)
            .where(_jobs.c.id == job_id, _jobs.c.resolution.is_(None))
            .values(resolution=resolution, resolved_by=by, resolved_at=at)
        )
        if result.rowcount == 0:  # type: ignore[attr-defined]
            raise NotFound("print job awaiting a decision", job_id)

    def recent(self, limit: int = 50, printer: str | None = None) -> list[PrintJob]:
        query = select(_jobs).order_by(_jobs.c.created_at.desc(), _jobs.c.id).limit(limit)
        if printer is not None:
            query = query.where(_jobs.c.printer == printer)
        return [_job(r) for r in self._session.execute(query)]

    def for_tickets(self, numbers: Iterable[int]) -> list[PrintJob]:
        """The ticket jobs of these ticket numbers (originals and DUPLICATA), oldest first."""
        query = (
            select(_jobs)
            .where(_jobs.c.kind == "ticket", _jobs.c.ticket_number.in_(sorted(set(numbers))))
            .order_by(_jobs.c.created_at, _jobs.c.id)
        )
        return [_job(r) for r in self._session.execute(query)]

    def awaiting_decision(self) -> list[PrintJob]:
        query = (
            select(_jobs)
            .where(_jobs.c.state.in_(AWAITING_DECISION), _jobs.c.resolution.is_(None))
            .order_by(_jobs.c.created_at)
        )
        return [_job(r) for r in self._session.execute(query)]

    def unfinished(self) -> list[PrintJob]:
        """Jobs left queued or sent when the till stopped: their outcome is unknown."""
        query = select(_jobs).where(_jobs.c.state.in_(("queued", "sent")))
        return [_job(r) for r in self._session.execute(query.order_by(_jobs.c.created_at))]
