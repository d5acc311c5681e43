"""Single-use advantage codes on the central server: generated in batches, claimed by one
sale at most, across every till.

``POST /v1/codes/{code}/redeem`` claims a code for a sale with one conditional ``UPDATE``
(``WHERE state = 'available'``): of two tills asking at once, one row changes and the other
reads the code as used by another sale. It is idempotent on the sale: the same sale asking
again gets the same answer. ``POST /v1/codes/{code}/release`` gives a code back when its sale
did not take place (the cart was abandoned or the code removed from it).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Annotated, Any, cast

from fastapi import FastAPI, Header
from sqlalchemy import CheckConstraint, Connection, Integer, String, Table, insert, select, update
from sqlalchemy.orm import Mapped, mapped_column

from domain.advantages import generate_codes, normalise_code
from domain.clock import Clock
from server.errors import ApiError, not_found
from server.tables import ID, Base, UtcDateTime
from sync.codes import CodeClaimRequest, CodeClaimResponse
from sync.protocol import ErrorCode


class SingleUseCode(Base):
    __tablename__ = "single_use_code"
    __table_args__ = (
        CheckConstraint("state IN ('available', 'used', 'invalidated')", name="state"),
    )
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    advantage: Mapped[str] = mapped_column(ID, index=True)
    batch: Mapped[str] = mapped_column(ID)
    generated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    state: Mapped[str] = mapped_column(String(12))  # available, used, invalidated
    sale_id: Mapped[str | None] = mapped_column(ID)
    device_id: Mapped[str | None] = mapped_column(ID)
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    claims: Mapped[int] = mapped_column(Integer, default=0)


_codes = cast(Table, SingleUseCode.__table__)


def generate(
    conn: Connection,
    advantage: str,
    count: int,
    now: datetime,
    random_below: Callable[[int], int] = secrets.randbelow,
) -> tuple[str, list[str]]:
    """A batch of ``count`` (≤ 1,000) new codes for ``advantage``: its id and its codes."""
    batch = secrets.token_hex(16)

    def taken(code: str) -> bool:
        return conn.scalar(select(_codes.c.code).where(_codes.c.code == code)) is not None

    codes = generate_codes(count, random_below, taken)
    conn.execute(
        insert(_codes),
        [
            {
                "code": code,
                "advantage": advantage,
                "batch": batch,
                "generated_at": now,
                "state": "available",
                "claims": 0,
            }
            for code in codes
        ],
    )
    return batch, codes


def add_known(
    conn: Connection, advantage: str, batch: str, known: Sequence[str], now: datetime
) -> None:
    """Codes chosen in advance (the demo's), available for ``advantage``; those the server
    has already are left as they are."""
    have = set(conn.scalars(select(_codes.c.code).where(_codes.c.code.in_(list(known)))))
    rows = [
        {"code": code, "advantage": advantage, "batch": batch, "generated_at": now,
         "state": "available", "claims": 0}
        for code in known
        if code not in have
    ]  # fmt: skip
    if rows:
        conn.execute(insert(_codes), rows)


def invalidate(conn: Connection, code: str) -> bool:
    changed = conn.execute(
        update(_codes)
        .where(_codes.c.code == normalise_code(code), _codes.c.state == "available")
        .values(state="invalidated")
    )
    return bool(changed.rowcount)


def tally(conn: Connection, advantage: str) -> dict[str, int]:
    rows = conn.execute(select(_codes.c.state).where(_codes.c.advantage == advantage))
    counted = {"generated": 0, "available": 0, "used": 0, "invalidated": 0}
    for row in rows:
        counted["generated"] += 1
        counted[row.state] += 1
    return counted


def redeem(conn: Connection, code: str, sale: str, device: str, now: datetime) -> str:
    """Claim ``code`` for ``sale``: the code's advantage, or `ApiError` (404 unknown, 422
    used by another sale or invalidated)."""
    code = normalise_code(code)
    conn.execute(
        update(_codes)
        .where(_codes.c.code == code, _codes.c.state == "available")
        .values(
            state="used",
            sale_id=sale,
            device_id=device,
            claimed_at=now,
            claims=_codes.c.claims + 1,
        )
    )
    row = conn.execute(select(_codes).where(_codes.c.code == code)).first()
    if row is None:
        raise not_found("code", code)
    if row.state == "used" and row.sale_id == sale:
        return str(row.advantage)
    reason = "invalidated" if row.state == "invalidated" else "used"
    raise ApiError(
        422,
        ErrorCode.NOT_SELLABLE,
        f"the code {code} is {reason}" + (" by another sale" if reason == "used" else ""),
        {"reason": reason, "code": code},
    )


def release(conn: Connection, code: str, sale: str) -> str:
    """Give ``code`` back if ``sale`` holds it (idempotent): the code's advantage."""
    code = normalise_code(code)
    conn.execute(
        update(_codes)
        .where(_codes.c.code == code, _codes.c.state == "used", _codes.c.sale_id == sale)
        .values(state="available", sale_id=None, device_id=None, claimed_at=None)
    )
    row = conn.execute(select(_codes.c.advantage).where(_codes.c.code == code)).first()
    if row is None:
        raise not_found("code", code)
    return str(row.advantage)


def register(
    app: FastAPI,
    prefix: str,
    clock: Clock,
    as_device: Callable[[str | None, Callable[[Connection, Any, Any], str]], str],
    errors: dict[int | str, dict[str, Any]],
) -> None:
    """The codes' routes on the server's app; ``as_device`` runs a write transaction for the
    device the ``Authorization`` header names (`server.api`)."""

    @app.post(f"{prefix}/codes/{{code}}/redeem", responses=errors)
    def post_redeem(
        code: str,
        request: CodeClaimRequest,
        authorization: Annotated[str | None, Header()] = None,
    ) -> CodeClaimResponse:
        """Claim a single-use code for a sale; the same sale again gets the same answer."""
        advantage = as_device(
            authorization,
            lambda conn, _changes, device: redeem(conn, code, request.sale, device.id, clock.now()),
        )
        return CodeClaimResponse(
            server_time=clock.now(),
            code=normalise_code(code),
            advantage=advantage,
            sale=request.sale,
            claimed=True,
        )

    @app.post(f"{prefix}/codes/{{code}}/release", responses=errors)
    def post_release(
        code: str,
        request: CodeClaimRequest,
        authorization: Annotated[str | None, Header()] = None,
    ) -> CodeClaimResponse:
        """Give a code back: its sale did not take place."""
        advantage = as_device(
            authorization, lambda conn, _changes, _device: release(conn, code, request.sale)
        )
        return CodeClaimResponse(
            server_time=clock.now(),
            code=normalise_code(code),
            advantage=advantage,
            sale=request.sale,
            claimed=False,
        )
