"""Orders placed elsewhere for pick-up at a till (`domain.pickups`): placed here, printed there.

`place` is the web shop's order (the demo and ``guichet-server orders place`` stand in for the
shop): its seats sold from the central pool by the channel's own rules (`inventory.sell_online`
under a device of the channel, ``channel:WEB``, that never enrolls), its tickets numbered in
the channel's sequence and given barcodes that access control knows (``ticket``), and the
order published to every till as the catalog entity ``pickup_order``. One transaction.

An order placed to be **paid at the box office** (``pay_at_box_office``: a telephone order,
say) is sold the same way, but nothing is paid when it is placed: it carries ``due`` (its
total), and the till that collects it takes the money. Its number starts with the channel's
initial (``P-000003`` for PHONE, ``W-…`` for WEB; one sequence for all).

A till's ``pickup`` event (its journal record, `domain.pickups.pickup_record`) marks the order
collected, and paid (``paid_minor``, ``paid_tenders``: the record's tenders) when the till took
money for it, and publishes it again, so the other tills refuse a second print; a pick-up of
an order collected already by another till (two tills offline at once) or of an order the
server does not know is stored and raised as an incident, never refused; so is one that paid
other than what was due (``pickup_paid_amiss``: the order is collected all the same).
"""

from __future__ import annotations

import json
import secrets
import uuid
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any, Final

from sqlalchemy import Connection, insert, select, update

from domain.availability import may_sell_contingent
from domain.barcodes import new_barcode
from domain.journal import GENESIS
from domain.money import Money
from domain.pickups import PICKUP, PickupOrder, PickupState, PickupTicket
from domain.pricing import tariffs
from server import tables as t
from server.catalog import Catalog
from server.devices import DeviceRow, lock_device
from server.errors import ApiError, not_found
from server.feed import Changes, ga_change, put_entity
from server.inventory import free_seats, sell_online
from sync import catalog as codec
from sync.protocol import ErrorCode, Event, MoneyWire, SaleLineRequest, SaleRequest

KINDS: Final = (PICKUP,)
PICKUP_MODE: Final = "PICKUP"  # the delivery mode "pick-up at the box office"
# The demo's orders waiting at the box office: (customer, performance, seats, channel, and
# whether it is paid there): two web orders paid online, one telephone order paid at pick-up.
DEMO_ORDERS: Final = (
    ("Claire Dupont", "P-MIS-2", 2, "WEB", False),
    ("Marc Lefèvre", "P-NEU-1", 3, "WEB", False),
    ("Jean Martin", "P-MIS-2", 2, "PHONE", True),
)
_ORDER_SEQ: Final = "pickup_order_number"
_TICKET_SEQ: Final = "pickup_ticket_number:"  # + the channel

Incidents = list[tuple[str, dict[str, Any]]]


def channel_device(conn: Connection, channel: str, now: datetime) -> DeviceRow:
    """The device a channel's orders are sold under (made once; it never enrolls)."""
    name = f"channel:{channel}"
    found = conn.scalar(select(t.device.c.id).where(t.device.c.name == name))
    if found is None:
        found = str(uuid.uuid4())
        conn.execute(
            insert(t.device).values(
                id=found,
                name=name,
                channel=channel,
                point_of_sale=None,
                enrollment_code_hash=None,
                created_at=now,
                acked_seq=0,
                journal_seq=0,
                journal_hash=GENESIS,
            )
        )
    return lock_device(conn, found)


def next_number(conn: Connection, key: str, count: int) -> int:
    """The first of ``count`` numbers of the sequence ``key`` (1, 2, ...), taken in the
    caller's transaction (the row is locked on PostgreSQL until it commits)."""
    query = select(t.server_state.c.value).where(t.server_state.c.key == key)
    if conn.dialect.name == "postgresql":
        query = query.with_for_update()
    current = conn.scalar(query)
    if current is None:
        conn.execute(insert(t.server_state).values(key=key, value=str(count)))
        return 1
    conn.execute(
        update(t.server_state)
        .where(t.server_state.c.key == key)
        .values(value=str(int(current) + count))
    )
    return int(current) + 1


def place(
    conn: Connection,
    changes: Changes,
    catalog: Catalog,
    channel: str,
    customer: str,
    lines: Sequence[SaleLineRequest],
    now: datetime,
    random_bits: Callable[[int], int] = secrets.randbits,
    *,
    pay_at_box_office: bool = False,
    hold_tokens: Sequence[str] = (),
    number: str | None = None,
    contact_number: str = "",
    file_number: str = "",
) -> PickupOrder:
    """An order of ``channel`` for pick-up at the box office, paid where it was placed or
    (``pay_at_box_office``) to be paid there (see the module docstring): the `ApiError` of
    the sale (seats taken, a rule of the channel) and nothing is done. A back-office option
    validated (`server.options`) sells from its ``hold_tokens`` (the channel device's) under
    its own ``number``, with its contact's and file's numbers."""
    customer = " ".join(customer.split())
    if not customer:
        raise ApiError(422, ErrorCode.NOT_SELLABLE, "an order for pick-up needs a customer's name")
    if PICKUP_MODE not in catalog.channel(conn, channel).delivery_modes:
        raise ApiError(
            422, ErrorCode.NOT_SELLABLE, f"the channel {channel} does not deliver at the box office"
        )
    device = channel_device(conn, channel, now)
    sale_id = str(uuid.uuid4())
    request = SaleRequest(sale_id=sale_id, lines=list(lines), hold_tokens=list(hold_tokens))
    sold = sell_online(conn, changes, catalog, device, request, now)
    units = [(line, _money(line.unit_price)) for line in sold.lines for _ in range(line.quantity)]
    fee = _money(sold.fee)
    shares = fee.split(len(units))
    first = next_number(conn, _TICKET_SEQ + channel, len(units))
    tickets = []
    for index, ((line, price), share) in enumerate(zip(units, shares, strict=True)):
        barcode = new_barcode(random_bits)
        while conn.scalar(select(t.ticket.c.barcode).where(t.ticket.c.barcode == barcode)):
            barcode = new_barcode(random_bits)  # 2^-100: for the record
        tickets.append(
            PickupTicket(
                number=first + index,
                barcode=barcode,
                performance_id=line.performance_id,
                category=line.category,
                audience=line.audience,
                price=price + share,
                seat_id=line.seat_id,
                zone_id=line.zone_id,
            )
        )
    number = number or f"{channel[:1].upper()}-{next_number(conn, _ORDER_SEQ, 1):06d}"
    total = _money(sold.total)
    order = PickupOrder(
        number=number,
        sale_id=sale_id,
        channel=channel,
        customer=customer,
        placed_at=now,
        tickets=tuple(tickets),
        total=total,
        due=total if pay_at_box_office else Money.zero(total.currency),
        contact_number=contact_number,
        file_number=file_number,
    )
    conn.execute(
        insert(t.ticket),
        [
            {
                "barcode": x.barcode,
                "sale_id": sale_id,
                "number": x.number,
                "state": "valid",
                "reason": None,
                "replaced_by": None,
                "event_id": sale_id,
                "updated_at": now,
            }
            for x in tickets
        ],
    )
    conn.execute(
        insert(t.pickup_order).values(
            number=number,
            sale_id=sale_id,
            channel=channel,
            customer=customer,
            state=PickupState.WAITING.value,
            placed_at=now,
            due_minor=order.due.minor,
        )
    )
    put_entity(conn, changes, codec.PICKUP_ORDER, number, codec.pickup_order(order), now)
    return order


def place_best(
    conn: Connection,
    changes: Changes,
    catalog: Catalog,
    channel: str,
    customer: str,
    performance_id: str,
    count: int,
    now: datetime,
    *,
    pay_at_box_office: bool = False,
) -> PickupOrder:
    """`place` for ``count`` free seats of the performance the channel may sell (`best`)."""
    lines = best(conn, catalog, channel, performance_id, count)
    return place(
        conn, changes, catalog, channel, customer, lines, now, pay_at_box_office=pay_at_box_office
    )


def best(
    conn: Connection, catalog: Catalog, channel: str, performance_id: str, count: int
) -> list[SaleLineRequest]:
    """``count`` free seats of the performance the channel may sell, in the plan's order,
    each at the first tariff the channel sells in its category (the web shop's or the back
    office's own choice stands in here: the demo, ``guichet-server orders|options place``);
    409 when there are fewer."""
    selling = catalog.selling(conn, channel, performance_id)
    free = free_seats(conn, performance_id)
    lines: list[SaleLineRequest] = []
    for seat in selling.layout.physical.seats:
        if len(lines) == count:
            break
        if seat.id not in free or not may_sell_contingent(selling.channel, selling.layout, seat.id):
            continue
        category = selling.layout.category_of(seat.id)
        sold = tariffs(selling.grid, category, selling.channel) if category else ()
        if sold:
            lines.append(
                SaleLineRequest(performance_id=performance_id, audience=sold[0], seat_id=seat.id)
            )
    if len(lines) < count:
        raise ApiError(409, ErrorCode.CONFLICT, f"only {len(lines)} seats free for {channel}")
    return lines


def place_demo(conn: Connection, catalog: Catalog, now: datetime) -> list[PickupOrder]:
    """The demo's orders (`DEMO_ORDERS`), once: the web orders W-000001 and W-000002, paid
    online, and the telephone order P-000003, paid at pick-up. Idempotent."""
    if conn.scalar(select(t.pickup_order.c.number).limit(1)) is not None:
        return []
    placed = []
    for customer, performance_id, count, channel, at_box_office in DEMO_ORDERS:
        changes = Changes()
        order = place_best(
            conn, changes, catalog, channel, customer, performance_id, count, now,
            pay_at_box_office=at_box_office,
        )  # fmt: skip
        placed.append(order)
        changes.flush(conn, now)
    return placed


def cancel(conn: Connection, changes: Changes, number: str, now: datetime) -> PickupOrder:
    """An order waiting for pick-up cancelled where it was placed (the shop, the back office):
    its seats and places on sale again, its barcodes void, and every till told (it refuses to
    print it: `domain.pickups.PickupCancelled`). One collected or cancelled already: 409."""
    query = select(t.pickup_order).where(t.pickup_order.c.number == number.strip().upper())
    if conn.dialect.name == "postgresql":
        query = query.with_for_update()
    row = conn.execute(query).one_or_none()
    if row is None:
        raise not_found("order for pick-up", number)
    if row.state != PickupState.WAITING.value:
        raise ApiError(409, ErrorCode.CONFLICT, f"order {row.number} is {row.state}")
    sale_id, ss, sp, inv, q = (
        row.sale_id,
        t.sold_seat.c,
        t.sold_places.c,
        t.seat_inventory.c,
        t.ga_quota.c,
    )
    for seat in conn.execute(select(t.sold_seat).where(ss.sale_id == sale_id, ss.live.is_(True))):
        conn.execute(
            update(t.seat_inventory)
            .where(
                inv.performance_id == seat.performance_id,
                inv.seat_id == seat.seat_id,
                inv.state == "sold",
                inv.sale_id == sale_id,
            )
            .values(state="free", sale_id=None, version=inv.version + 1)
        )
        changes.seat(seat.performance_id, seat.seat_id, "free", None)
    conn.execute(
        update(t.sold_seat)
        .where(ss.sale_id == sale_id, ss.live.is_(True))
        .values(live=False, refunded_by=f"cancel:{row.number}")
    )
    for places in conn.execute(
        select(t.sold_places).where(sp.sale_id == sale_id, sp.live.is_(True))
    ):
        left = places.count - places.refunded
        if left <= 0:
            continue
        conn.execute(
            update(t.sold_places)
            .where(
                sp.sale_id == sale_id,
                sp.performance_id == places.performance_id,
                sp.zone_id == places.zone_id,
            )
            .values(refunded=places.count)
        )
        conn.execute(
            update(t.ga_quota)
            .where(q.performance_id == places.performance_id, q.zone_id == places.zone_id)
            .values(sold=q.sold - left, version=q.version + 1)
        )
        ga_change(changes, conn, places.performance_id, places.zone_id)
    conn.execute(
        update(t.ticket)
        .where(t.ticket.c.sale_id == sale_id, t.ticket.c.state == "valid")
        .values(state="void", reason="cancelled", updated_at=now)
    )
    conn.execute(
        update(t.pickup_order)
        .where(t.pickup_order.c.number == row.number)
        .values(state=PickupState.CANCELLED.value)
    )
    order = replace(published(conn, row.number), state=PickupState.CANCELLED)
    put_entity(conn, changes, codec.PICKUP_ORDER, row.number, codec.pickup_order(order), now)
    return order


def listed(conn: Connection) -> list[PickupOrder]:
    """Every order for pick-up, in the order they were placed (their numbers' sequence)."""
    numbers = conn.scalars(select(t.pickup_order.c.number))
    return [published(conn, n) for n in sorted(numbers, key=lambda n: (n.split("-")[-1], n))]


def _money(value: MoneyWire) -> Money:
    return Money(value.minor, value.currency)


def published(conn: Connection, number: str) -> PickupOrder:
    """The order as the tills have it (the catalog entity), or 404."""
    data = conn.scalar(
        select(t.catalog_entity.c.data).where(
            t.catalog_entity.c.entity == codec.PICKUP_ORDER,
            t.catalog_entity.c.entity_id == number,
        )
    )
    if data is None:
        raise not_found("order for pick-up", number)
    return codec.pickup_order_of(json.loads(data))


def applies(event: Event) -> bool:
    """A pick-up event this module acts on (not one of training mode)."""
    return event.kind in KINDS and event.record.get("training") is not True


def effects(
    conn: Connection, device: DeviceRow, event: Event, changes: Changes, now: datetime
) -> Incidents:
    """A till printed an order's tickets: the order collected (and paid, when the till took
    money for it), published again."""
    number = event.record.get("order_number")
    if not isinstance(number, str):
        return [("pickup_unknown", {"order_number": str(number)})]
    listed = event.record.get("tenders")
    tenders = [x for x in listed if isinstance(x, dict)] if isinstance(listed, list) else []
    paid = sum(_minor(x.get("amount")) for x in tenders)
    done = conn.execute(
        update(t.pickup_order)
        .where(
            t.pickup_order.c.number == number,
            t.pickup_order.c.state == PickupState.WAITING.value,
        )
        .values(
            state=PickupState.COLLECTED.value,
            collected_by=device.id,
            collected_at=now,
            collected_event=event.event_id,
            paid_minor=paid if tenders else None,
            paid_tenders=json.dumps(tenders, ensure_ascii=False) if tenders else None,
        )
    )
    if done.rowcount != 1:
        row = conn.execute(
            select(t.pickup_order.c.state, t.pickup_order.c.collected_event).where(
                t.pickup_order.c.number == number
            )
        ).first()
        if row is None:
            return [("pickup_unknown", {"order_number": number})]
        if row.collected_event == event.event_id:
            return []
        return [("pickup_twice", {"order_number": number, "state": row.state})]
    order = replace(
        published(conn, number),
        state=PickupState.COLLECTED,
        collected_by=device.name,
        collected_at=now,
    )
    put_entity(conn, changes, codec.PICKUP_ORDER, number, codec.pickup_order(order), now)
    if paid != order.due.minor:  # an older till, or a record that paid amiss: a person looks
        return [("pickup_paid_amiss", {"order_number": number, "due": order.due.minor,
                                       "paid": paid})]  # fmt: skip
    return []


def _minor(value: object) -> int:
    """The minor units of a journal record's money (0 when it is not money)."""
    minor = value.get("minor") if isinstance(value, dict) else None
    return minor if isinstance(minor, int) and not isinstance(minor, bool) else 0


def sale_of(event: Event) -> str | None:
    sale = event.record.get("sale")
    return sale if event.kind in KINDS and isinstance(sale, str) else None
