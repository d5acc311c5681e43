"""The central pool's seats and counts: online holds, online sales, leases to tills.

Every change of a seat is **one conditional UPDATE naming the state it expects** (free, or held
by this very hold, or held past its expiry) and checking how many rows it changed: two tills
asking for the same seat at once cannot both get it, under PostgreSQL's row locks as under
SQLite's single writer. Standing counts move by ``UPDATE ... WHERE sold + leased + held + n
<= size`` (the table's CHECK backs it). Whether a channel may sell a seat at all is the domain's
rule (`domain.availability.may_sell_seat`); prices are `domain.pricing`'s.

Each function runs inside the caller's transaction and adds what it changed to a `Changes`
buffer; the caller flushes it last and commits.
"""

from __future__ import annotations

import functools
import hashlib
import json
import secrets
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Connection, Table, and_, bindparam, insert, or_, select, text, update

from domain.availability import may_sell_contingent, may_sell_now, may_sell_seat
from domain.catalog import max_tickets
from domain.errors import DomainError
from domain.money import total
from domain.pricing import order_fee, ticket_price
from server import tables as t
from server.catalog import Catalog, Selling
from server.database import insert_if_new
from server.devices import DeviceRow
from server.errors import ApiError, key_reused, not_found
from server.feed import LEASE, Changes, device_scope, ga_change
from sync.protocol import (
    MAX_OPTION_DAYS,
    ErrorCode,
    HoldExtendRequest,
    HoldReleaseResponse,
    HoldRequest,
    HoldResponse,
    LeaseRequest,
    LeaseResponse,
    LeaseReturnRequest,
    LeaseReturnResponse,
    LeaseState,
    LeaseWire,
    MoneyWire,
    PlacesWire,
    SaleLineRequest,
    SaleLineResponse,
    SaleRequest,
    SaleResponse,
)

seats_t = t.seat_inventory
quota_t = t.ga_quota


def request_hash(request: BaseModel) -> str:
    text = json.dumps(request.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def lock_key(conn: Connection, key: str) -> None:
    """Wait for any transaction working on the same client key (an Idempotency-Key, a sale
    UUID) to finish: the second request then finds the first one's row and answers as its
    replay, instead of racing it. SQLite serialises writers already."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"), {"key": key})


def _replayed(conn: Connection, table: Table, device: DeviceRow, key: str, digest: str) -> Any:
    """The row a request with this Idempotency-Key made before (None: a new key); 422 when
    the key came with another request."""
    lock_key(conn, f"{table.name}:{device.id}:{key}")
    existing = conn.execute(
        select(table).where(table.c.device_id == device.id, table.c.idempotency_key == key)
    ).one_or_none()
    if existing is not None and existing.request_hash != digest:
        raise key_reused(key)
    return existing


def _places(text: str) -> list[PlacesWire]:
    return [PlacesWire.model_validate(p) for p in json.loads(text)]


def _dump_places(places: Iterable[PlacesWire]) -> str:
    return json.dumps([p.model_dump() for p in places])


def _not_sellable(refusals: dict[str, str]) -> ApiError:
    return ApiError(
        422,
        ErrorCode.NOT_SELLABLE,
        "the rules do not let this till sell these places",
        {"refusals": dict(refusals)},
    )


def _unavailable(refusals: dict[str, str]) -> ApiError:
    return ApiError(
        409,
        ErrorCode.SEATS_UNAVAILABLE,
        "some places were taken meanwhile: nothing was changed",
        {"refusals": dict(refusals)},
    )


def check_rules(
    selling: Selling, seat_ids: Sequence[str], zone_ids: Sequence[str], now: datetime
) -> None:
    """The domain's verdict on every seat and zone; 422 naming each refusal."""
    refusals: dict[str, str] = {}
    for seat_id in seat_ids:
        verdict = may_sell_seat(
            selling.channel, selling.performance, selling.layout, {}, seat_id, now
        )
        if not verdict and verdict.refusal is not None:
            refusals[seat_id] = verdict.refusal.value
    if zone_ids:
        timing = may_sell_now(selling.channel, selling.performance, now)
        known = {z.id for z in selling.layout.physical.ga_zones}
        for zone_id in zone_ids:
            if zone_id not in known:
                refusals[zone_id] = "unknown_zone"
            elif not timing and timing.refusal is not None:
                refusals[zone_id] = timing.refusal.value
    if refusals:
        raise _not_sellable(refusals)


def _current_states(
    conn: Connection, performance_id: str, seat_ids: Iterable[str]
) -> dict[str, str]:
    rows = conn.execute(
        select(seats_t.c.seat_id, seats_t.c.state, seats_t.c.lease_id).where(
            seats_t.c.performance_id == performance_id, seats_t.c.seat_id.in_(list(seat_ids))
        )
    )
    return {r.seat_id: ("leased" if r.lease_id and r.state == "free" else r.state) for r in rows}


@functools.cache
def _take_statement(columns: tuple[str, ...]) -> Any:
    """`_take_seats`'s UPDATE setting these columns, built once (everything else is bound)."""
    available = or_(
        seats_t.c.state == "free",
        and_(
            seats_t.c.state == "held",
            or_(
                seats_t.c.hold_expires_at <= bindparam("now"),
                seats_t.c.hold_token.in_(bindparam("mine", expanding=True)),
            ),
        ),
    )
    return (
        update(seats_t)
        .where(
            seats_t.c.performance_id == bindparam("performance"),
            seats_t.c.seat_id.in_(bindparam("seat_ids", expanding=True)),
            seats_t.c.lease_id.is_(None),
            available,
        )
        .values(
            {
                **{c: bindparam(f"new_{c}", type_=seats_t.c[c].type) for c in columns},
                "version": seats_t.c.version + 1,
            }
        )
        .returning(seats_t.c.seat_id)
    )


def _take_seats(
    conn: Connection,
    changes: Changes,
    performance_id: str,
    seat_ids: Sequence[str],
    now: datetime,
    values: dict[str, Any],
    mine: Sequence[str] = (),
) -> None:
    """Move seats of the central pool that are free (or held past expiry, or held by one of
    ``mine``) to ``values``, all or none: 409 naming the seats that were not."""
    if not seat_ids:
        return
    statement = _take_statement(tuple(sorted(values)))
    parameters = {f"new_{column}": value for column, value in values.items()}
    taken = (
        conn.execute(
            statement,
            {
                **parameters,
                "performance": performance_id,
                "seat_ids": list(seat_ids),
                "now": now,
                "mine": list(mine),
            },
        )
        .scalars()
        .all()
    )
    if len(taken) != len(seat_ids):
        missing = set(seat_ids) - set(taken)
        states = _current_states(conn, performance_id, missing)
        raise _unavailable({s: states.get(s, "unknown_seat") for s in sorted(missing)})
    for seat_id in taken:
        changes.seat(performance_id, seat_id, values["state"], values.get("lease_id"))


def _move_count(
    conn: Connection,
    changes: Changes,
    performance_id: str,
    zone_id: str,
    *,
    sold: int = 0,
    leased: int = 0,
    held: int = 0,
) -> bool:
    """Add to a zone's counters if the capacity allows; False (nothing changed) if not."""
    result = conn.execute(
        update(quota_t)
        .where(
            quota_t.c.performance_id == performance_id,
            quota_t.c.zone_id == zone_id,
            quota_t.c.sold + quota_t.c.leased + quota_t.c.held + (sold + leased + held)
            <= quota_t.c.size,
            quota_t.c.held + held >= 0,
            quota_t.c.leased + leased >= 0,
        )
        .values(
            sold=quota_t.c.sold + sold,
            leased=quota_t.c.leased + leased,
            held=quota_t.c.held + held,
            version=quota_t.c.version + 1,
        )
    )
    if result.rowcount != 1:
        return False
    ga_change(changes, conn, performance_id, zone_id)
    return True


def _take_counts(
    conn: Connection,
    changes: Changes,
    performance_id: str,
    places: Sequence[PlacesWire],
    **kind: int,
) -> None:
    short = {}
    for place in places:
        amounts = {name: place.count * sign for name, sign in kind.items()}
        if not _move_count(conn, changes, performance_id, place.zone_id, **amounts):
            short[place.zone_id] = "not_enough_places"
    if short:
        raise _unavailable(short)


def free_seats(conn: Connection, performance_id: str) -> set[str]:
    """The seats of the central pool that are free now (no lease, no hold, not sold)."""
    return set(
        conn.execute(
            select(seats_t.c.seat_id).where(
                seats_t.c.performance_id == performance_id,
                seats_t.c.state == "free",
                seats_t.c.lease_id.is_(None),
            )
        ).scalars()
    )


# --- holds ---------------------------------------------------------------------------------


def expire_holds(conn: Connection, changes: Changes, performance_id: str, now: datetime) -> None:
    """Holds past their expiry give their seats and counts back."""
    lapsed = conn.execute(
        select(t.hold).where(
            t.hold.c.performance_id == performance_id,
            t.hold.c.state == "active",
            t.hold.c.expires_at <= now,
        )
    ).all()
    for row in lapsed:
        _release_hold(conn, changes, row, "expired")


def any_lapsed(conn: Connection, now: datetime) -> bool:
    """Is some hold past its expiry still holding seats or places?"""
    found = conn.execute(
        select(t.hold.c.token)
        .where(t.hold.c.state == "active", t.hold.c.expires_at <= now)
        .limit(1)
    ).first()
    return found is not None


def expire_lapsed(conn: Connection, changes: Changes, now: datetime) -> None:
    """Every hold past its expiry, whatever its performance, gives its places back (and the
    change log says so, for the tills that show them as taken)."""
    lapsed = conn.execute(
        select(t.hold).where(t.hold.c.state == "active", t.hold.c.expires_at <= now)
    ).all()
    for row in lapsed:
        _release_hold(conn, changes, row, "expired")


def _release_hold(conn: Connection, changes: Changes, row: Any, state: str) -> None:
    freed = (
        conn.execute(
            update(seats_t)
            .where(seats_t.c.hold_token == row.token, seats_t.c.state == "held")
            .values(
                state="free", hold_token=None, hold_expires_at=None, version=seats_t.c.version + 1
            )
            .returning(seats_t.c.seat_id)
        )
        .scalars()
        .all()
    )
    for seat_id in freed:
        changes.seat(row.performance_id, seat_id, "free", None)
    for place in _places(row.places):
        _move_count(conn, changes, row.performance_id, place.zone_id, held=-place.count)
    conn.execute(update(t.hold).where(t.hold.c.token == row.token).values(state=state))


def _hold_response(row: Any, now: datetime) -> HoldResponse:
    return HoldResponse(
        server_time=now,
        hold_token=row.token,
        performance_id=row.performance_id,
        seats=json.loads(row.seats),
        places=_places(row.places),
        expires_at=row.expires_at,
    )


def create_hold(
    conn: Connection,
    changes: Changes,
    catalog: Catalog,
    device: DeviceRow,
    key: str,
    request: HoldRequest,
    now: datetime,
) -> HoldResponse:
    digest = request_hash(request)
    existing = _replayed(conn, t.hold, device, key, digest)
    if existing is not None:
        return _hold_response(existing, now)
    selling = catalog.selling(conn, device.channel, request.performance_id)
    check_rules(selling, request.seats, [p.zone_id for p in request.places], now)
    expire_holds(conn, changes, request.performance_id, now)
    token = secrets.token_urlsafe(16)
    expires = now + timedelta(minutes=request.minutes)
    _take_seats(
        conn,
        changes,
        request.performance_id,
        request.seats,
        now,
        {"state": "held", "hold_token": token, "hold_expires_at": expires},
    )
    _take_counts(conn, changes, request.performance_id, request.places, held=1)
    conn.execute(
        insert(t.hold).values(
            token=token,
            device_id=device.id,
            performance_id=request.performance_id,
            state="active",
            expires_at=expires,
            created_at=now,
            idempotency_key=key,
            request_hash=digest,
            seats=json.dumps(request.seats),
            places=_dump_places(request.places),
        )
    )
    row = conn.execute(select(t.hold).where(t.hold.c.token == token)).one()
    return _hold_response(row, now)


def release_hold(
    conn: Connection, changes: Changes, device: DeviceRow, token: str, now: datetime
) -> HoldReleaseResponse:
    row = conn.execute(
        select(t.hold).where(t.hold.c.token == token, t.hold.c.device_id == device.id)
    ).one_or_none()
    if row is None:
        raise not_found("hold", token)
    if row.state != "active":
        return HoldReleaseResponse(server_time=now, hold_token=token, released=False)
    _release_hold(conn, changes, row, "released")
    return HoldReleaseResponse(server_time=now, hold_token=token, released=True)


def extend_hold(
    conn: Connection,
    changes: Changes,
    catalog: Catalog,
    device: DeviceRow,
    token: str,
    request: HoldExtendRequest,
    now: datetime,
) -> HoldResponse:
    """An option's hold (seed 001): the device's own active hold runs until ``until``, at most
    `MAX_OPTION_DAYS` ahead and not past the performance's start. A hold that lapsed,
    was released or sold is gone (409, its places may be anyone's now): the till refuses the
    option rather than hold what it no longer has."""
    row = conn.execute(
        select(t.hold).where(t.hold.c.token == token, t.hold.c.device_id == device.id)
    ).one_or_none()
    if row is None:
        raise not_found("hold", token)
    if row.state == "active" and row.expires_at <= now:
        _release_hold(conn, changes, row, "expired")
        row = conn.execute(select(t.hold).where(t.hold.c.token == token)).one()
    if row.state != "active":
        raise ApiError(
            409,
            ErrorCode.SEATS_UNAVAILABLE,
            f"hold {token} is {row.state}: its places are not held any more",
            {"hold": token, "state": row.state},
        )
    starts = catalog.performance(conn, row.performance_id).starts_at
    latest = min(starts, now + timedelta(days=MAX_OPTION_DAYS))
    if not now < request.until <= latest:
        raise ApiError(
            422,
            ErrorCode.NOT_SELLABLE,
            f"a hold runs from now until {latest.isoformat()} at the latest "
            f"(the performance starts at {starts.isoformat()})",
            {"hold": token, "until": request.until.isoformat(), "latest": latest.isoformat()},
        )
    conn.execute(
        update(seats_t)
        .where(seats_t.c.hold_token == token, seats_t.c.state == "held")
        .values(hold_expires_at=request.until)
    )
    conn.execute(update(t.hold).where(t.hold.c.token == token).values(expires_at=request.until))
    return _hold_response(conn.execute(select(t.hold).where(t.hold.c.token == token)).one(), now)


# --- online sales -----------------------------------------------------------------------


def _category(selling: Selling, seat_id: str | None, zone_id: str | None) -> str:
    layout = selling.layout
    if seat_id is not None:
        return layout.category_of(seat_id) or layout.physical.seat(seat_id).category or ""
    zone = next(z for z in layout.physical.ga_zones if z.id == zone_id)
    return layout.ga_categories.get(zone.id) or zone.category or ""


def _replay(
    conn: Connection, device: DeviceRow, request: SaleRequest, digest: str, now: datetime
) -> SaleResponse | None:
    """The answer given to this sale before (None: no sale has its UUID); 422 when the UUID
    came with another request or from another till."""
    existing = conn.execute(_SALE_BY_ID, {"id": request.sale_id}).one_or_none()
    if existing is None:
        return None
    if existing.request_hash != digest or existing.device_id != device.id:
        raise key_reused(request.sale_id)
    return SaleResponse.model_validate({**json.loads(existing.document), "server_time": now})


_SALE_BY_ID = select(t.sale.c.request_hash, t.sale.c.device_id, t.sale.c.document).where(
    t.sale.c.id == bindparam("id")
)


@dataclass
class _Priced:
    """A sale judged and priced from the catalog alone, before any seat is touched."""

    holds: Sequence[Any]
    sellings: dict[str, tuple[Selling, list[SaleLineRequest]]]  # performance -> its lines
    response: SaleResponse


def _price_sale(
    conn: Connection,
    catalog: Catalog,
    device: DeviceRow,
    request: SaleRequest,
    now: datetime,
) -> _Priced:
    """The holds named, the rules' verdict and the prices: an `ApiError` when a rule
    refuses. Reads only."""
    holds = (
        []
        if not request.hold_tokens
        else conn.execute(
            select(t.hold).where(
                t.hold.c.token.in_(request.hold_tokens),
                t.hold.c.device_id == device.id,
                t.hold.c.state == "active",
                t.hold.c.expires_at > now,
            )
        ).all()
    )
    if len(holds) != len(set(request.hold_tokens)):
        raise _unavailable({token: "hold_gone" for token in request.hold_tokens})
    lines: list[SaleLineResponse] = []
    sellings: dict[str, tuple[Selling, list[SaleLineRequest]]] = {}
    for line in request.lines:
        if line.performance_id not in sellings:
            sellings[line.performance_id] = (
                catalog.selling(conn, device.channel, line.performance_id),
                [],
            )
        sellings[line.performance_id][1].append(line)
    for performance_id, (selling, chosen) in sellings.items():
        limit = max_tickets(selling.performance, selling.channel)
        if limit is not None and sum(x.quantity for x in chosen) > limit:
            raise ApiError(
                422,
                ErrorCode.NOT_SELLABLE,
                f"at most {limit} tickets per order for this performance",
                {"performance_id": performance_id, "limit": limit},
            )
        seat_ids = [x.seat_id for x in chosen if x.seat_id is not None]
        zone_ids = [x.zone_id for x in chosen if x.zone_id is not None]
        check_rules(selling, seat_ids, zone_ids, now)
        for line in chosen:
            category = _category(selling, line.seat_id, line.zone_id)
            try:
                price = ticket_price(selling.grid, category, line.audience, selling.channel)
            except DomainError as exc:
                raise ApiError(422, ErrorCode.NOT_SELLABLE, str(exc)) from exc
            lines.append(
                SaleLineResponse(
                    performance_id=performance_id,
                    audience=line.audience,
                    category=category,
                    seat_id=line.seat_id,
                    zone_id=line.zone_id,
                    quantity=line.quantity,
                    unit_price=MoneyWire.of(price),
                    amount=MoneyWire.of(price * line.quantity),
                )
            )
    currency = lines[0].unit_price.currency
    channel = next(iter(sellings.values()))[0].channel  # the device's, for every line
    fee = order_fee(channel, [s.performance for s, _ in sellings.values()], currency)
    amount = total([x.amount.to_money() for x in lines], currency) + fee
    response = SaleResponse(
        server_time=now,
        sale_id=request.sale_id,
        lines=lines,
        fee=MoneyWire.of(fee),
        total=MoneyWire.of(amount),
    )
    return _Priced(holds, sellings, response)


def sell_online(
    conn: Connection,
    changes: Changes,
    catalog: Catalog,
    device: DeviceRow,
    request: SaleRequest,
    now: datetime,
) -> SaleResponse:
    """Sell from the central pool (and this till's holds), all or nothing.

    The sale's UUID is claimed first, by inserting its row (``ON CONFLICT DO NOTHING``): a
    second request with the same UUID waits on that row until the first one commits or rolls
    back, then answers as its replay (or goes ahead). The row is written whole, so the sale
    is judged and priced before, from the catalog; a refusal then checks whether the sale
    was made already (a replay must not be refused by a rule that changed since)."""
    digest = request_hash(request)
    try:
        priced = _price_sale(conn, catalog, device, request, now)
    except ApiError:
        replayed = _replay(conn, device, request, digest, now)
        if replayed is None:
            raise
        return replayed
    response = priced.response
    amount = response.total
    claimed = insert_if_new(
        conn,
        t.sale,
        {
            "id": request.sale_id,
            "device_id": device.id,
            "source": "online",
            "request_hash": digest,
            "total_minor": amount.minor,
            "currency": amount.currency,
            "document": response.model_dump_json(exclude={"server_time"}),
            "created_at": now,
        },
    )
    if not claimed:
        replayed = _replay(conn, device, request, digest, now)
        if replayed is None:  # the row that held it out is gone: cannot happen, sales stay
            raise ApiError(409, ErrorCode.CONFLICT, "busy: nothing was changed, retry")
        return replayed
    holds = priced.holds
    for performance_id, (_selling, chosen) in priced.sellings.items():
        expire_holds(conn, changes, performance_id, now)
        seat_ids = [x.seat_id for x in chosen if x.seat_id is not None]
        zones = [x for x in chosen if x.zone_id is not None]
        tokens = [h.token for h in holds if h.performance_id == performance_id]
        _take_seats(
            conn,
            changes,
            performance_id,
            seat_ids,
            now,
            {
                "state": "sold",
                "sale_id": request.sale_id,
                "hold_token": None,
                "hold_expires_at": None,
            },
            mine=tokens,
        )
        held: dict[str, int] = {}
        for h in holds:
            if h.performance_id == performance_id:
                for place in _places(h.places):
                    held[place.zone_id] = held.get(place.zone_id, 0) + place.count
        short = {}
        for zone in zones:
            assert zone.zone_id is not None
            from_hold = min(held.get(zone.zone_id, 0), zone.quantity)
            held[zone.zone_id] = held.get(zone.zone_id, 0) - from_hold
            if not _move_count(
                conn, changes, performance_id, zone.zone_id, sold=zone.quantity, held=-from_hold
            ):
                short[zone.zone_id] = "not_enough_places"
        if short:
            raise _unavailable(short)
        for zone_id, left in held.items():  # what the holds kept but the sale did not take
            if left > 0:
                _move_count(conn, changes, performance_id, zone_id, held=-left)
    for h in holds:  # seats the holds kept but the sale did not take go back
        conn.execute(update(t.hold).where(t.hold.c.token == h.token).values(places="[]"))
        _release_hold(conn, changes, h, "sold")
    seat_rows = [
        {
            "sale_id": request.sale_id,
            "performance_id": x.performance_id,
            "seat_id": x.seat_id,
            "live": True,
        }
        for x in request.lines
        if x.seat_id is not None
    ]
    if seat_rows:
        conn.execute(insert(t.sold_seat), seat_rows)
    place_rows: dict[tuple[str, str], int] = {}
    for x in request.lines:
        if x.zone_id is not None:
            key = (x.performance_id, x.zone_id)
            place_rows[key] = place_rows.get(key, 0) + x.quantity
    if place_rows:
        conn.execute(
            insert(t.sold_places),
            [
                {
                    "sale_id": request.sale_id,
                    "performance_id": p,
                    "zone_id": z,
                    "count": n,
                    "live": True,
                }
                for (p, z), n in place_rows.items()
            ],
        )
    return response


# --- leases -------------------------------------------------------------------------------


def lease_wire(row: Any) -> LeaseWire:
    return LeaseWire(
        lease_id=row.id,
        epoch=row.epoch,
        state=LeaseState(row.state),
        performance_id=row.performance_id,
        seats=json.loads(row.seats),
        places=_places(row.places),
        sell_until=row.sell_until,
    )


def open_leases(conn: Connection, device: DeviceRow) -> list[LeaseWire]:
    """The device's leases that are not over, oldest first."""
    rows = conn.execute(
        select(t.lease)
        .where(
            t.lease.c.device_id == device.id,
            t.lease.c.state.in_([LeaseState.ACTIVE.value, LeaseState.REVOKING.value]),
        )
        .order_by(t.lease.c.created_at, t.lease.c.id)
    )
    return [lease_wire(row) for row in rows]


def _lease_response(row: Any, now: datetime) -> LeaseResponse:
    return LeaseResponse(
        server_time=now,
        lease_id=row.id,
        epoch=row.epoch,
        state=LeaseState(row.state),
        performance_id=row.performance_id,
        seats=json.loads(row.seats),
        places=_places(row.places),
        sell_until=row.sell_until,
    )


def _lease_change(conn: Connection, changes: Changes, lease_id: str, now: datetime) -> None:
    row = conn.execute(select(t.lease).where(t.lease.c.id == lease_id)).one()
    changes.entity(
        device_scope(row.device_id),
        LEASE,
        row.id,
        row.epoch,
        _lease_response(row, now).model_dump(mode="json", exclude={"server_time"}),
    )


def grant_lease(
    conn: Connection,
    changes: Changes,
    catalog: Catalog,
    device: DeviceRow,
    key: str,
    request: LeaseRequest,
    now: datetime,
) -> LeaseResponse:
    """Move seats (or counts) from the central pool to this till, all or nothing."""
    digest = request_hash(request)
    existing = _replayed(conn, t.lease, device, key, digest)
    if existing is not None:
        return _lease_response(existing, now)
    if request.sell_until <= now:
        raise ApiError(422, ErrorCode.NOT_SELLABLE, "sell_until is already past")
    selling = catalog.selling(conn, device.channel, request.performance_id)
    refusals: dict[str, str] = {}
    for seat_id in request.seats:
        if not selling.layout.physical.has_seat(seat_id):
            refusals[seat_id] = "unknown_seat"
            continue
        verdict = may_sell_contingent(selling.channel, selling.layout, seat_id)
        if not verdict and verdict.refusal is not None:
            refusals[seat_id] = verdict.refusal.value
    known = {z.id for z in selling.layout.physical.ga_zones}
    refusals.update({p.zone_id: "unknown_zone" for p in request.places if p.zone_id not in known})
    if refusals:
        raise _not_sellable(refusals)
    expire_holds(conn, changes, request.performance_id, now)
    lease_id = str(uuid.uuid4())
    _take_seats(
        conn,
        changes,
        request.performance_id,
        request.seats,
        now,
        {"state": "free", "lease_id": lease_id, "hold_token": None, "hold_expires_at": None},
    )
    _take_counts(conn, changes, request.performance_id, request.places, leased=1)
    conn.execute(
        insert(t.lease).values(
            id=lease_id,
            device_id=device.id,
            performance_id=request.performance_id,
            epoch=1,
            state=LeaseState.ACTIVE.value,
            sell_until=request.sell_until,
            created_at=now,
            idempotency_key=key,
            request_hash=digest,
            seats=json.dumps(request.seats),
            places=_dump_places(request.places),
        )
    )
    if request.places:
        conn.execute(
            insert(t.lease_places),
            [
                {"lease_id": lease_id, "zone_id": p.zone_id, "count": p.count, "used": 0}
                for p in request.places
            ],
        )
    _lease_change(conn, changes, lease_id, now)
    return _lease_response(conn.execute(select(t.lease).where(t.lease.c.id == lease_id)).one(), now)


def _release_lease(
    conn: Connection, changes: Changes, row: Any
) -> tuple[list[str], list[PlacesWire]]:
    """A lease's unsold seats and places back to the central pool."""
    released = list(
        conn.execute(
            update(seats_t)
            .where(seats_t.c.lease_id == row.id, seats_t.c.state.in_(["free", "quarantined"]))
            .values(state="free", lease_id=None, version=seats_t.c.version + 1)
            .returning(seats_t.c.seat_id)
        ).scalars()
    )
    for seat_id in released:
        changes.seat(row.performance_id, seat_id, "free", None)
    places = []
    for lp in conn.execute(select(t.lease_places).where(t.lease_places.c.lease_id == row.id)):
        unused = lp.count - lp.used
        if unused > 0:
            _move_count(conn, changes, row.performance_id, lp.zone_id, leased=-unused)
            places.append(PlacesWire(zone_id=lp.zone_id, count=unused))
    return released, places


def expire_leases(conn: Connection, changes: Changes, now: datetime, grace: timedelta) -> list[str]:
    """Leases of silent tills: ``grace`` after their ``sell_until`` their unsold seats and
    places go back to the central pool (notes/sync.md §5.5). A sale uploaded later is still
    taken, as an incident. The leases expired."""
    rows = conn.execute(
        select(t.lease).where(
            t.lease.c.state.in_([LeaseState.ACTIVE.value, LeaseState.REVOKING.value]),
            t.lease.c.sell_until <= now - grace,
        )
    ).all()
    for row in rows:
        _release_lease(conn, changes, row)
        conn.execute(
            update(t.lease).where(t.lease.c.id == row.id).values(state=LeaseState.EXPIRED.value)
        )
        _lease_change(conn, changes, row.id, now)
    return [row.id for row in rows]


def return_lease(
    conn: Connection,
    changes: Changes,
    device: DeviceRow,
    lease_id: str,
    request: LeaseReturnRequest,
    now: datetime,
) -> LeaseReturnResponse:
    """Give back what a lease did not sell, once every event up to ``through_seq`` is in."""
    row = conn.execute(
        select(t.lease).where(t.lease.c.id == lease_id, t.lease.c.device_id == device.id)
    ).one_or_none()
    if row is None:
        raise not_found("lease", lease_id)
    if row.state == LeaseState.RETURNED.value:
        if row.returned_through_seq == request.through_seq and row.returned is not None:
            return LeaseReturnResponse.model_validate(
                {**json.loads(row.returned), "server_time": now}
            )
        raise ApiError(409, ErrorCode.LEASE_NOT_ACTIVE, "this lease was returned already")
    if row.state == LeaseState.EXPIRED.value:
        raise ApiError(
            409, ErrorCode.LEASE_NOT_ACTIVE, "this lease lapsed: the server took it back"
        )
    if device.acked_seq < request.through_seq:
        raise ApiError(
            409,
            ErrorCode.EVENTS_NOT_INGESTED,
            "upload every event up to through_seq first",
            {"acked_through_seq": device.acked_seq, "through_seq": request.through_seq},
            retry_after=5,
        )
    released, places = _release_lease(conn, changes, row)
    response = LeaseReturnResponse(
        server_time=now,
        lease_id=lease_id,
        state=LeaseState.RETURNED,
        through_seq=request.through_seq,
        released_seats=sorted(released),
        released_places=places,
    )
    conn.execute(
        update(t.lease)
        .where(t.lease.c.id == lease_id)
        .values(
            state=LeaseState.RETURNED.value,
            returned_through_seq=request.through_seq,
            returned=response.model_dump_json(exclude={"server_time"}),
        )
    )
    _lease_change(conn, changes, lease_id, now)
    return response


def revoke_lease(conn: Connection, changes: Changes, lease_id: str, now: datetime) -> None:
    """A lease the office takes back: its unsold seats are quarantined (sold nowhere) until the
    till uploads and returns it; its epoch moves on."""
    row = conn.execute(select(t.lease).where(t.lease.c.id == lease_id)).one_or_none()
    if row is None:
        raise not_found("lease", lease_id)
    if row.state != LeaseState.ACTIVE.value:
        raise ApiError(409, ErrorCode.LEASE_NOT_ACTIVE, f"lease {lease_id} is {row.state}")
    quarantined = (
        conn.execute(
            update(seats_t)
            .where(seats_t.c.lease_id == lease_id, seats_t.c.state == "free")
            .values(state="quarantined", version=seats_t.c.version + 1)
            .returning(seats_t.c.seat_id)
        )
        .scalars()
        .all()
    )
    for seat_id in quarantined:
        changes.seat(row.performance_id, seat_id, "quarantined", lease_id)
    conn.execute(
        update(t.lease)
        .where(t.lease.c.id == lease_id)
        .values(state=LeaseState.REVOKING.value, epoch=row.epoch + 1)
    )
    _lease_change(conn, changes, lease_id, now)
