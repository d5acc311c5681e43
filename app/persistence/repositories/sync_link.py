"""The till's side of the sync in its database: the enrollment row, and the outbox as the
sender reads and acknowledges it (`sync.sender.OutboxStore` is built on these calls).

Acknowledging is one statement pair in the caller's transaction: every event through the
server's ``acked_through_seq`` is marked sent, and any after it is unmarked, so that a server
that lost events (restored from a backup) gets them again. Nothing is ever deleted.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from app.persistence.tables import JournalEntryRow, table_of
from app.persistence.tables_sales import OutboxRow
from app.persistence.tables_sync import SyncLinkRow
from app.services.records import SyncLink
from sync.sender import JournalItem, Pending

_link = table_of(SyncLinkRow)
_outbox = table_of(OutboxRow)
_journal = table_of(JournalEntryRow)


class SyncLinkRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self) -> SyncLink | None:
        row = self._session.execute(select(_link)).first()
        if row is None:
            return None
        return SyncLink(
            server_url=row.server_url,
            device_id=row.device_id,
            name=row.name,
            token=row.token,
            ca_pem=row.ca_pem,
            channel=row.channel,
            enrolled_at=row.enrolled_at,
            acked_through_seq=int(row.acked_through_seq),
            journal_verified_through=int(row.journal_verified_through),
            catalog_cursor=row.catalog_cursor,
            catalog_at=row.catalog_at,
            last_contact_at=row.last_contact_at,
            last_error=row.last_error,
            revoked=bool(row.revoked),
            server_time_at=row.server_time_at,
        )

    def enroll(self, link: SyncLink) -> None:
        """Store the enrollment (a till enrolled again replaces its link)."""
        self._session.execute(delete(_link))
        self._session.execute(
            insert(_link).values(
                id=1,
                server_url=link.server_url,
                device_id=link.device_id,
                name=link.name,
                token=link.token,
                ca_pem=link.ca_pem,
                channel=link.channel,
                enrolled_at=link.enrolled_at,
                acked_through_seq=link.acked_through_seq,
                journal_verified_through=link.journal_verified_through,
                catalog_cursor=link.catalog_cursor,
                catalog_at=link.catalog_at,
                last_contact_at=link.last_contact_at,
                last_error=link.last_error,
                revoked=link.revoked,
                server_time_at=link.server_time_at,
            )
        )

    def acknowledge(
        self, till: str, acked_through_seq: int, journal_verified_through: int, now: datetime
    ) -> None:
        outbox = _outbox.c
        self._session.execute(
            update(_outbox)
            .where(
                outbox.till == till,
                outbox.device_seq <= acked_through_seq,
                outbox.acked_at.is_(None),
            )
            .values(acked_at=now)
        )
        self._session.execute(
            update(_outbox)
            .where(
                outbox.till == till,
                outbox.device_seq > acked_through_seq,
                outbox.acked_at.is_not(None),
            )
            .values(acked_at=None)
        )
        self._session.execute(
            update(_link).values(
                acked_through_seq=acked_through_seq,
                journal_verified_through=journal_verified_through,
                last_contact_at=now,
                last_error="",
            )
        )

    def set_token(self, token: str) -> None:
        self._session.execute(update(_link).values(token=token))

    def note_error(self, message: str) -> None:
        self._session.execute(update(_link).values(last_error=message[:2000]))

    def note_contact(self, now: datetime, server_time: datetime | None = None) -> None:
        values: dict[str, Any] = {"last_contact_at": now, "last_error": ""}
        if server_time is not None:
            values["server_time_at"] = server_time
        self._session.execute(update(_link).values(**values))

    def revoke(self, message: str) -> None:
        self._session.execute(update(_link).values(revoked=True, last_error=message[:2000]))

    def pending(self, till: str, limit: int) -> list[Pending]:
        """Unacknowledged events in device_seq order, each with its journal entry's link."""
        o, j = _outbox.c, _journal.c
        rows = self._session.execute(
            select(o.device_seq, o.message_id, o.kind, j.seq, j.prev_hash, j.hash, j.record)
            .join(_journal, (j.till == o.till) & (j.seq == o.journal_seq))
            .where(o.till == till, o.acked_at.is_(None))
            .order_by(o.device_seq)
            .limit(limit)
        )
        return [
            Pending(
                device_seq=int(r.device_seq),
                event_id=str(r.message_id),
                kind=str(r.kind),
                record=_record(r.record),
                journal_seq=int(r.seq),
                prev_hash=str(r.prev_hash),
                hash=str(r.hash),
            )
            for r in rows
        ]

    def queued(self, till: str) -> int:
        o = _outbox.c
        count = self._session.scalar(
            select(func.count()).where(o.till == till, o.acked_at.is_(None))
        )
        return int(count or 0)

    def journal(self, till: str, first_seq: int, limit: int) -> list[JournalItem]:
        j = _journal.c
        rows = self._session.execute(
            select(j.seq, j.prev_hash, j.hash, j.record)
            .where(j.till == till, j.seq >= first_seq)
            .order_by(j.seq)
            .limit(limit)
        )
        return [
            JournalItem(int(r.seq), str(r.prev_hash), str(r.hash), _record(r.record)) for r in rows
        ]

    def set_catalog(self, cursor: int, at: datetime) -> None:
        self._session.execute(update(_link).values(catalog_cursor=cursor, catalog_at=at))


def _record(text: str) -> dict[str, Any]:
    found = json.loads(text)
    return found if isinstance(found, dict) else {}
