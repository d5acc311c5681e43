"""Options taken in the back office for groups (seed 001), picked up and paid at any till.

An option is *placed* for a contact (their name, contact number and the file's number): the
best seats the channel may sell (``GROUPES`` in the demo) are held in the central pool under
the channel's device until the option's expiry (`inventory.create_hold`, then
`inventory.extend_hold`), so no till sells them meanwhile. *Validated* (it becomes a
reservation), it is sold from that hold, to be paid at the box office, and published to every
till as an order for pick-up (`server.pickups.place`) under the option's own number with the
contact's and file's numbers, by which a cashier finds it (seed 001: "by contact number or
file number"); the till takes what is due and prints the tickets, and its ``pickup`` event
marks the order collected and paid (`server.pickups.effects`). Placed and not validated by
its expiry, the option's hold lapses and its seats are on sale again; *cancelled*, they are at
once (a validated one's order for pick-up with it, until a till collects it). Each step is
one transaction. ``guichet-server options place|validate|cancel|list``.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from sqlalchemy import Connection, insert, select, update

from domain.pickups import PickupOrder
from server import tables as t
from server.catalog import Catalog
from server.errors import ApiError, not_found
from server.feed import Changes
from server.inventory import create_hold, extend_hold, release_hold
from server.pickups import best, channel_device, next_number, place
from server.pickups import cancel as cancel_order
from sync.protocol import ErrorCode, HoldExtendRequest, HoldRequest, SaleLineRequest

GROUP_CHANNEL: Final = "GROUPES"
_OPTION_SEQ: Final = "group_option_number"


@dataclass(frozen=True, slots=True)
class GroupOption:
    id: str  # e.g. "OPT-000001": the order for pick-up's number once validated
    customer: str
    contact_number: str
    file_number: str
    performance_id: str
    seats: tuple[str, ...]
    state: str  # placed, validated, cancelled; "expired": placed, its hold lapsed
    until: datetime
    pickup_number: str | None


def _number(text: str) -> str:
    return "".join(text.split()).upper()


def place_option(
    conn: Connection,
    changes: Changes,
    catalog: Catalog,
    customer: str,
    contact_number: str,
    file_number: str,
    performance_id: str,
    count: int,
    until: datetime,
    now: datetime,
    channel: str = GROUP_CHANNEL,
) -> GroupOption:
    """An option for ``count`` seats held until ``until`` (see the module docstring); the
    `ApiError` of the hold (seats taken, an expiry past the performance) and nothing done."""
    customer = " ".join(customer.split())
    contact, file = _number(contact_number), _number(file_number)
    if not customer or not contact:
        raise ApiError(422, ErrorCode.NOT_SELLABLE, "an option needs the contact's name and number")
    lines = best(conn, catalog, channel, performance_id, count)
    device = channel_device(conn, channel, now)
    seats = [line.seat_id for line in lines if line.seat_id is not None]
    request = HoldRequest(performance_id=performance_id, seats=seats)
    hold = create_hold(conn, changes, catalog, device, str(uuid.uuid4()), request, now)
    extend_hold(
        conn, changes, catalog, device, hold.hold_token, HoldExtendRequest(until=until), now
    )
    option_id = f"OPT-{next_number(conn, _OPTION_SEQ, 1):06d}"
    conn.execute(
        insert(t.group_option).values(
            id=option_id,
            channel=channel,
            customer=customer,
            contact_number=contact,
            file_number=file,
            performance_id=performance_id,
            lines=json.dumps([line.model_dump(mode="json") for line in lines]),
            hold_token=hold.hold_token,
            state="placed",
            until=until,
            pickup_number=None,
            created_at=now,
        )
    )
    return _option(conn, option_id, now)


def validate_option(
    conn: Connection, changes: Changes, catalog: Catalog, option_id: str, now: datetime
) -> PickupOrder:
    """The placed option becomes a reservation: sold from its hold, to be paid at the box
    office, published as an order for pick-up (see the module docstring). 409 when it is
    not placed any more or its hold lapsed (its seats may be anyone's now)."""
    row = _locked(conn, option_id)
    if row.state != "placed":
        raise ApiError(409, ErrorCode.CONFLICT, f"option {option_id} is {row.state}")
    hold = conn.execute(select(t.hold).where(t.hold.c.token == row.hold_token)).one()
    if hold.state != "active" or hold.expires_at <= now:
        raise ApiError(
            409,
            ErrorCode.SEATS_UNAVAILABLE,
            f"option {option_id} lapsed on {row.until.isoformat()}: its seats are not held "
            "any more; place it again",
            {"option": option_id},
        )
    lines = [SaleLineRequest.model_validate(x) for x in json.loads(row.lines)]
    order = place(
        conn, changes, catalog, row.channel, row.customer, lines, now,
        pay_at_box_office=True, hold_tokens=[row.hold_token], number=row.id,
        contact_number=row.contact_number, file_number=row.file_number,
    )  # fmt: skip
    conn.execute(
        update(t.group_option)
        .where(t.group_option.c.id == row.id)
        .values(state="validated", pickup_number=order.number)
    )
    return order


def cancel_option(conn: Connection, changes: Changes, option_id: str, now: datetime) -> None:
    """An option given up: its seats on sale again at once. Validated, its order for pick-up
    is cancelled with it (`server.pickups.cancel`: 409 once a till collected it)."""
    row = _locked(conn, option_id)
    if row.state == "validated" and row.pickup_number:
        cancel_order(conn, changes, row.pickup_number, now)
    elif row.state != "placed":
        raise ApiError(409, ErrorCode.CONFLICT, f"option {option_id} is {row.state}")
    else:
        device = channel_device(conn, row.channel, now)
        release_hold(conn, changes, device, row.hold_token, now)
    conn.execute(
        update(t.group_option).where(t.group_option.c.id == row.id).values(state="cancelled")
    )


def listed(conn: Connection, now: datetime) -> list[GroupOption]:
    ids = conn.scalars(select(t.group_option.c.id).order_by(t.group_option.c.id)).all()
    return [_option(conn, x, now) for x in ids]


def _locked(conn: Connection, option_id: str) -> Any:
    query = select(t.group_option).where(t.group_option.c.id == _number(option_id))
    if conn.dialect.name == "postgresql":
        query = query.with_for_update()
    row = conn.execute(query).one_or_none()
    if row is None:
        raise not_found("option", option_id)
    return row


def _option(conn: Connection, option_id: str, now: datetime) -> GroupOption:
    row = conn.execute(select(t.group_option).where(t.group_option.c.id == option_id)).one()
    state = row.state
    if state == "placed":
        hold = conn.execute(
            select(t.hold.c.state, t.hold.c.expires_at).where(t.hold.c.token == row.hold_token)
        ).one()
        if hold.state != "active" or hold.expires_at <= now:
            state = "expired"
    lines = json.loads(row.lines)
    return GroupOption(
        id=row.id,
        customer=row.customer,
        contact_number=row.contact_number,
        file_number=row.file_number,
        performance_id=row.performance_id,
        seats=tuple(str(x["seat_id"]) for x in lines if x.get("seat_id")),
        state=state,
        until=row.until,
        pickup_number=row.pickup_number,
    )


# The demo's group: its option on Le Misanthrope (P-MIS-3) validated, to pick up and pay.
DEMO_OPTION: Final = ("Compagnie des Lumières", "C-0042", "GRP-2026-17", "P-MIS-3", 4)


def place_demo(conn: Connection, catalog: Catalog, now: datetime) -> PickupOrder | None:
    """The demo's validated option (`DEMO_OPTION`), once (None when it is there already):
    found at a till by its contact number C-0042 or its file number GRP-2026-17."""
    if conn.scalar(select(t.group_option.c.id).limit(1)) is not None:
        return None
    customer, contact, file, performance_id, count = DEMO_OPTION
    starts = catalog.performance(conn, performance_id).starts_at
    changes = Changes()
    option = place_option(
        conn, changes, catalog, customer, contact, file, performance_id, count, starts, now
    )
    order = validate_option(conn, changes, catalog, option.id, now)
    changes.flush(conn, now)
    return order
