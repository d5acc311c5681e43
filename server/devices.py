"""Tills as the server knows them: one-time enrollment codes, per-device tokens (stored as
SHA-256 only), rotation with a grace period, revocation, and incidents.

A token is 256 random bits, so a plain SHA-256 is enough to keep it (no password hashing is
needed for a secret that cannot be guessed); the enrollment code is single-use.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from pydantic import JsonValue
from sqlalchemy import Connection, bindparam, insert, select, update

from domain.journal import GENESIS
from server import tables as t
from server.errors import ApiError, not_found
from sync.protocol import ErrorCode

TOKEN_GRACE: Final = timedelta(hours=24)  # the old token lives on this long after a rotation


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_code() -> str:
    """A one-time enrollment code a technician can type: 4 groups of 4, no look-alikes."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    raw = "".join(secrets.choice(alphabet) for _ in range(16))
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


@dataclass(frozen=True, slots=True)
class DeviceRow:
    id: str
    name: str
    channel: str
    point_of_sale: str | None
    acked_seq: int
    journal_seq: int
    journal_hash: str


def _row(found: object) -> DeviceRow:
    return DeviceRow(
        id=found.id,  # type: ignore[attr-defined]
        name=found.name,  # type: ignore[attr-defined]
        channel=found.channel,  # type: ignore[attr-defined]
        point_of_sale=found.point_of_sale,  # type: ignore[attr-defined]
        acked_seq=found.acked_seq,  # type: ignore[attr-defined]
        journal_seq=found.journal_seq,  # type: ignore[attr-defined]
        journal_hash=found.journal_hash,  # type: ignore[attr-defined]
    )


def add_device(
    conn: Connection, name: str, channel: str, point_of_sale: str | None, now: datetime
) -> str:
    """Register a till; its one-time enrollment code (shown once, kept as a hash)."""
    if conn.scalar(select(t.device.c.id).where(t.device.c.name == name)) is not None:
        raise ApiError(409, ErrorCode.CONFLICT, f"a till named {name!r} exists already")
    code = new_code()
    conn.execute(
        insert(t.device).values(
            id=str(uuid.uuid4()),
            name=name,
            channel=channel,
            point_of_sale=point_of_sale,
            enrollment_code_hash=digest(code),
            created_at=now,
            acked_seq=0,
            journal_seq=0,
            journal_hash=GENESIS,
        )
    )
    return code


def reissue_code(conn: Connection, name: str, now: datetime) -> str:
    """A new one-time code for a till that has not enrolled yet (the old code stops)."""
    code = new_code()
    result = conn.execute(
        update(t.device)
        .where(
            t.device.c.name == name,
            t.device.c.enrolled_at.is_(None),
            t.device.c.revoked_at.is_(None),
        )
        .values(enrollment_code_hash=digest(code))
    )
    if result.rowcount == 0:
        raise not_found("till waiting for enrollment", name)
    return code


def revoke_device(conn: Connection, name: str, now: datetime) -> None:
    result = conn.execute(
        update(t.device)
        .where(t.device.c.name == name, t.device.c.revoked_at.is_(None))
        .values(revoked_at=now, enrollment_code_hash=None)
    )
    if result.rowcount == 0:
        raise not_found("active till", name)


def _issue_token(conn: Connection, device_id: str, now: datetime) -> str:
    token = secrets.token_urlsafe(32)
    conn.execute(
        insert(t.device_token).values(token_hash=digest(token), device_id=device_id, created_at=now)
    )
    return token


def enroll(conn: Connection, code: str, now: datetime) -> tuple[DeviceRow, str]:
    """Trade a one-time code for the device and its first token."""
    found = conn.execute(
        select(t.device).where(
            t.device.c.enrollment_code_hash == digest(code.strip().upper()),
            t.device.c.revoked_at.is_(None),
        )
    ).one_or_none()
    if found is None:
        raise ApiError(
            401,
            ErrorCode.ENROLLMENT_CODE_INVALID,
            "this enrollment code is unknown or was used already: ask for a new one",
        )
    conn.execute(
        update(t.device)
        .where(t.device.c.id == found.id)
        .values(enrolled_at=now, enrollment_code_hash=None)
    )
    return _row(found), _issue_token(conn, found.id, now)


# One statement, built once: the token and its device (every request runs it).
_TOKEN_AND_DEVICE = (
    select(
        t.device_token.c.valid_until,
        t.device_token.c.pending,
        t.device.c.id,
        t.device.c.name,
        t.device.c.channel,
        t.device.c.point_of_sale,
        t.device.c.acked_seq,
        t.device.c.journal_seq,
        t.device.c.journal_hash,
        t.device.c.revoked_at,
    )
    .join(t.device, t.device.c.id == t.device_token.c.device_id)
    .where(t.device_token.c.token_hash == bindparam("token_hash"))
)


def authenticate(conn: Connection, token: str | None, now: datetime) -> DeviceRow:
    """The device a bearer token belongs to, or 401. The first use of a rotated-to token ends
    its predecessor's grace."""
    if not token:
        raise ApiError(401, ErrorCode.UNAUTHORIZED, "send Authorization: Device <token>")
    hashed = digest(token)
    found = conn.execute(_TOKEN_AND_DEVICE, {"token_hash": hashed}).one_or_none()
    if found is None or (found.valid_until is not None and now >= found.valid_until):
        raise ApiError(401, ErrorCode.UNAUTHORIZED, "this token is not valid")
    if found.revoked_at is not None:
        raise ApiError(
            401,
            ErrorCode.DEVICE_REVOKED,
            "this till was revoked: stop selling, keep the outbox, enroll again",
        )
    if found.pending is not None:  # the new token's first use: its predecessor ends now
        conn.execute(
            update(t.device_token).where(t.device_token.c.token_hash == hashed).values(pending=None)
        )
        conn.execute(
            update(t.device_token)
            .where(t.device_token.c.replaced_by == hashed)
            .values(valid_until=now)
        )
    return _row(found)


def rotate_token(conn: Connection, token: str, now: datetime) -> tuple[str, datetime]:
    """A new token for the holder of ``token`` (valid, see `authenticate`). Asked again with
    the old token before the new one is used, it returns the same new token."""
    hashed = digest(token)
    old = conn.execute(select(t.device_token).where(t.device_token.c.token_hash == hashed)).one()
    if old.replaced_by is not None:
        successor = conn.execute(
            select(t.device_token).where(t.device_token.c.token_hash == old.replaced_by)
        ).one()
        if successor.pending is not None:
            assert old.valid_until is not None
            return successor.pending, old.valid_until
    new = secrets.token_urlsafe(32)
    until = now + TOKEN_GRACE
    conn.execute(
        insert(t.device_token).values(
            token_hash=digest(new), device_id=old.device_id, created_at=now, pending=new
        )
    )
    conn.execute(
        update(t.device_token)
        .where(t.device_token.c.token_hash == hashed)
        .values(replaced_by=digest(new), valid_until=until)
    )
    return new, until


def lock_device(conn: Connection, device_id: str) -> DeviceRow:
    """The device's row, locked until commit: one device's uploads are processed one at a
    time (SQLite serialises every writer anyway)."""
    statement = select(t.device).where(t.device.c.id == device_id)
    if conn.dialect.name == "postgresql":
        statement = statement.with_for_update()
    return _row(conn.execute(statement).one())


def raise_incident(
    conn: Connection,
    now: datetime,
    kind: str,
    detail: dict[str, JsonValue],
    *,
    device_id: str | None = None,
    event_id: str | None = None,
    sale_id: str | None = None,
) -> None:
    conn.execute(
        insert(t.incident).values(
            device_id=device_id,
            kind=kind,
            event_id=event_id,
            sale_id=sale_id,
            detail=json.dumps(detail, ensure_ascii=False, sort_keys=True),
            created_at=now,
        )
    )
