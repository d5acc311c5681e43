"""Catalog objects on the wire: `domain` values to the JSON ``data`` of a
`sync.protocol.CatalogEntity` and back.

Shared by the server (which stores and serves them) and the till (which applies them). Money
is integer minor units with its currency, times ISO 8601 with their offset; a physical layout
travels as our ``guichet.seatplan`` document. Pure: no I/O, no HTTP, no database.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any, Final

from pydantic import JsonValue

from domain.catalog import (
    Activity,
    AudienceSubcategory,
    DeliveryMode,
    Event,
    Organizer,
    Performance,
    PerformanceState,
    PriceGrid,
    SaleWindow,
    Season,
)
from domain.channels import ChannelType, PointOfSale, SalesChannel, SeatSearchMode
from domain.configuration import Contingent, ContingentType, LogicalLayout
from domain.money import Money
from domain.pickups import PickupOrder, PickupState, PickupTicket
from domain.venue import Category, Hall, PhysicalLayout, Site
from planfiles import parse_plan, write_plan

Data = dict[str, JsonValue]

SITE: Final = "site"
HALL: Final = "hall"
PHYSICAL_LAYOUT: Final = "physical_layout"
LOGICAL_LAYOUT: Final = "logical_layout"
ORGANIZER: Final = "organizer"
SEASON: Final = "season"
ACTIVITY: Final = "activity"
AUDIENCE: Final = "audience"
PRICE_GRID: Final = "price_grid"
DELIVERY_MODE: Final = "delivery_mode"
CHANNEL: Final = "channel"
POINT_OF_SALE: Final = "point_of_sale"
EVENT: Final = "event"
PERFORMANCE: Final = "performance"
PICKUP_ORDER: Final = "pickup_order"  # an order placed elsewhere, to print at a till

# The order a till applies a snapshot in: what an entity refers to comes before it.
ENTITY_ORDER: Final = (
    SITE,
    HALL,
    PHYSICAL_LAYOUT,
    ORGANIZER,
    SEASON,
    LOGICAL_LAYOUT,
    ACTIVITY,
    AUDIENCE,
    PRICE_GRID,
    DELIVERY_MODE,
    CHANNEL,
    POINT_OF_SALE,
    EVENT,
    PERFORMANCE,
    PICKUP_ORDER,
)


def money(value: Money) -> Data:
    return {"minor": value.minor, "currency": value.currency}


def money_of(data: JsonValue) -> Money:
    assert isinstance(data, dict)
    minor, currency = data["minor"], data["currency"]
    assert isinstance(minor, int) and isinstance(currency, str)
    return Money(minor, currency)


def _optional_money(value: Money | None) -> JsonValue:
    return None if value is None else money(value)


def _text(data: Mapping[str, JsonValue], key: str) -> str:
    value = data[key]
    if not isinstance(value, str):
        raise ValueError(f"{key} is not text")
    return value


def _int_or_none(data: Mapping[str, JsonValue], key: str) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, int):
        raise ValueError(f"{key} is not an integer")
    return value


def _texts(data: Mapping[str, JsonValue], key: str) -> list[str]:
    value = data.get(key) or []
    assert isinstance(value, list)
    return [str(item) for item in value]


def _mapping(data: Mapping[str, JsonValue], key: str) -> dict[str, str]:
    value = data.get(key) or {}
    assert isinstance(value, dict)
    return {str(k): str(v) for k, v in value.items()}


def _strings(values: Iterable[str]) -> list[JsonValue]:
    return [*values]


def _plain(value: Any) -> JsonValue:
    """A JSON-ready copy (json.loads of json.dumps keeps it exact and typed as JSON)."""
    result: JsonValue = json.loads(json.dumps(value))
    return result


# --- encoding ----------------------------------------------------------------------------


def site(value: Site) -> Data:
    return {"id": value.id, "name": value.name, "timezone": value.timezone}


def hall(value: Hall) -> Data:
    return {"id": value.id, "site_id": value.site_id, "name": value.name}


def physical_layout(value: PhysicalLayout) -> Data:
    return {"id": value.id, "hall_id": value.hall_id, "plan": _plain(write_plan(value))}


def logical_layout(value: LogicalLayout) -> Data:
    return {
        "id": value.id,
        "name": value.name,
        "season_id": value.season_id,
        "physical_id": value.physical.id,
        "categories": [
            {"code": c.code, "name": c.name, "colour": c.colour} for c in value.categories
        ],
        "seat_categories": dict(value.seat_categories),
        "ga_categories": dict(value.ga_categories),
        "contingents": [
            {
                "code": c.code,
                "name": c.name,
                "colour": c.colour,
                "type": c.type.value,
                "exclusive": c.exclusive,
                "channels": _strings(sorted(c.channels)),
            }
            for c in value.contingents
        ],
        "seat_contingents": dict(value.seat_contingents),
        "blocked": _strings(sorted(value.blocked)),
        "invalidated": _strings(sorted(value.invalidated)),
    }


def organizer(value: Organizer) -> Data:
    return {"id": value.id, "name": value.name}


def season(value: Season) -> Data:
    return {
        "id": value.id,
        "organizer_id": value.organizer_id,
        "name": value.name,
        "starts_on": value.starts_on.isoformat(),
        "ends_on": value.ends_on.isoformat(),
    }


def activity(value: Activity) -> Data:
    return {"id": value.id, "season_id": value.season_id, "name": value.name}


def audience(value: AudienceSubcategory) -> Data:
    return {"code": value.code, "name": value.name}


def price_grid(value: PriceGrid) -> Data:
    return {
        "id": value.id,
        "name": value.name,
        "currency": value.currency,
        "vat_rate_bp": value.vat_rate_bp,
        "prices": [
            {"category": category, "audience": aud, "price": money(amount)}
            for (category, aud), amount in value.prices.items()
        ],
    }


def delivery_mode(value: DeliveryMode) -> Data:
    return {"code": value.code, "name": value.name, "fee": money(value.fee)}


def channel(value: SalesChannel) -> Data:
    return {
        "code": value.code,
        "name": value.name,
        "type": value.type.value,
        "sells_no_contingent": value.sells_no_contingent,
        "cash_float_allowed": value.cash_float_allowed,
        "contact_origin_mandatory": value.contact_origin_mandatory,
        "default_seat_search": value.default_seat_search.value,
        "max_tickets_per_performance": value.max_tickets_per_performance,
        "delivery_modes": _strings(value.delivery_modes),
        "fee_cap": _optional_money(value.fee_cap),
        "audiences": _strings(value.audiences),
        "hold_minutes": value.hold_minutes,
        "other_tenders": _strings(value.other_tenders),
    }


def point_of_sale(value: PointOfSale) -> Data:
    return {
        "code": value.code,
        "name": value.name,
        "channel_code": value.channel_code,
        "number": value.number,
    }


def event(value: Event) -> Data:
    return {"id": value.id, "activity_id": value.activity_id, "name": value.name}


def performance(value: Performance) -> Data:
    return {
        "id": value.id,
        "event_id": value.event_id,
        "hall_id": value.hall_id,
        "logical_layout_id": value.logical_layout_id,
        "price_grid_id": value.price_grid_id,
        "starts_at": value.starts_at.isoformat(),
        "state": value.state.value,
        "sale_windows": {
            code: {"opens_at": w.opens_at.isoformat(), "closes_at": w.closes_at.isoformat()}
            for code, w in value.sale_windows.items()
        },
        "booking_fee": _optional_money(value.booking_fee),
        "max_tickets": value.max_tickets,
    }


# --- decoding (what the rules need back as domain values) ----------------------------------


def physical_layout_of(data: Mapping[str, JsonValue]) -> PhysicalLayout:
    return parse_plan(
        json.dumps(data["plan"]), layout_id=_text(data, "id"), hall_id=_text(data, "hall_id")
    ).validated()


def logical_layout_of(data: Mapping[str, JsonValue], physical: PhysicalLayout) -> LogicalLayout:
    categories = data["categories"]
    contingents = data["contingents"]
    assert isinstance(categories, list) and isinstance(contingents, list)
    return LogicalLayout(
        id=_text(data, "id"),
        name=_text(data, "name"),
        season_id=_text(data, "season_id"),
        physical=physical,
        categories=tuple(
            Category(_text(c, "code"), _text(c, "name"), _text(c, "colour"))
            for c in categories
            if isinstance(c, dict)
        ),
        seat_categories=_mapping(data, "seat_categories"),
        ga_categories=_mapping(data, "ga_categories"),
        contingents=tuple(
            Contingent(
                _text(c, "code"),
                _text(c, "name"),
                _text(c, "colour"),
                ContingentType(_text(c, "type")),
                bool(c["exclusive"]),
                frozenset(_texts(c, "channels")),
            )
            for c in contingents
            if isinstance(c, dict)
        ),
        seat_contingents=_mapping(data, "seat_contingents"),
        blocked=frozenset(_texts(data, "blocked")),
        invalidated=frozenset(_texts(data, "invalidated")),
    )


def price_grid_of(data: Mapping[str, JsonValue]) -> PriceGrid:
    prices = data["prices"]
    assert isinstance(prices, list)
    vat = data["vat_rate_bp"]
    assert isinstance(vat, int)
    return PriceGrid(
        _text(data, "id"),
        _text(data, "name"),
        _text(data, "currency"),
        {
            (_text(p, "category"), _text(p, "audience")): money_of(p["price"])
            for p in prices
            if isinstance(p, dict)
        },
        vat_rate_bp=vat,
    )


def channel_of(data: Mapping[str, JsonValue]) -> SalesChannel:
    fee_cap = data.get("fee_cap")
    hold = data["hold_minutes"]
    assert isinstance(hold, int)
    return SalesChannel(
        code=_text(data, "code"),
        name=_text(data, "name"),
        type=ChannelType(_text(data, "type")),
        sells_no_contingent=bool(data["sells_no_contingent"]),
        cash_float_allowed=bool(data["cash_float_allowed"]),
        contact_origin_mandatory=bool(data["contact_origin_mandatory"]),
        default_seat_search=SeatSearchMode(_text(data, "default_seat_search")),
        max_tickets_per_performance=_int_or_none(data, "max_tickets_per_performance"),
        delivery_modes=tuple(_texts(data, "delivery_modes")),
        fee_cap=None if fee_cap is None else money_of(fee_cap),
        audiences=tuple(_texts(data, "audiences")),
        hold_minutes=hold,
        other_tenders=tuple(_texts(data, "other_tenders")),
    )


def performance_of(data: Mapping[str, JsonValue]) -> Performance:
    windows = data["sale_windows"]
    assert isinstance(windows, dict)
    fee = data.get("booking_fee")
    return Performance(
        id=_text(data, "id"),
        event_id=_text(data, "event_id"),
        hall_id=_text(data, "hall_id"),
        logical_layout_id=_text(data, "logical_layout_id"),
        price_grid_id=_text(data, "price_grid_id"),
        starts_at=datetime.fromisoformat(_text(data, "starts_at")),
        state=PerformanceState(_text(data, "state")),
        sale_windows={
            code: SaleWindow(
                datetime.fromisoformat(_text(w, "opens_at")),
                datetime.fromisoformat(_text(w, "closes_at")),
            )
            for code, w in windows.items()
            if isinstance(w, dict)
        },
        booking_fee=None if fee is None else money_of(fee),
        max_tickets=_int_or_none(data, "max_tickets"),
    )


def season_of(data: Mapping[str, JsonValue]) -> Season:
    return Season(
        _text(data, "id"),
        _text(data, "organizer_id"),
        _text(data, "name"),
        date.fromisoformat(_text(data, "starts_on")),
        date.fromisoformat(_text(data, "ends_on")),
    )


def site_of(data: Mapping[str, JsonValue]) -> Site:
    return Site(_text(data, "id"), _text(data, "name"), _text(data, "timezone"))


def hall_of(data: Mapping[str, JsonValue]) -> Hall:
    return Hall(_text(data, "id"), _text(data, "site_id"), _text(data, "name"))


def organizer_of(data: Mapping[str, JsonValue]) -> Organizer:
    return Organizer(_text(data, "id"), _text(data, "name"))


def activity_of(data: Mapping[str, JsonValue]) -> Activity:
    return Activity(_text(data, "id"), _text(data, "season_id"), _text(data, "name"))


def audience_of(data: Mapping[str, JsonValue]) -> AudienceSubcategory:
    return AudienceSubcategory(_text(data, "code"), _text(data, "name"))


def delivery_mode_of(data: Mapping[str, JsonValue]) -> DeliveryMode:
    return DeliveryMode(_text(data, "code"), _text(data, "name"), money_of(data["fee"]))


def point_of_sale_of(data: Mapping[str, JsonValue]) -> PointOfSale:
    number = data["number"]
    if not isinstance(number, int):
        raise ValueError("number is not an integer")
    return PointOfSale(
        _text(data, "code"), _text(data, "name"), _text(data, "channel_code"), number
    )


def event_of(data: Mapping[str, JsonValue]) -> Event:
    return Event(_text(data, "id"), _text(data, "activity_id"), _text(data, "name"))


def pickup_order(value: PickupOrder) -> Data:
    return {
        "number": value.number,
        "sale_id": value.sale_id,
        "channel": value.channel,
        "customer": value.customer,
        "placed_at": value.placed_at.isoformat(),
        "total": money(value.total),
        "due": money(value.due),
        "contact_number": value.contact_number,
        "file_number": value.file_number,
        "state": value.state.value,
        "collected_by": value.collected_by,
        "collected_at": None if value.collected_at is None else value.collected_at.isoformat(),
        "tickets": [
            {
                "number": t.number,
                "barcode": t.barcode,
                "performance_id": t.performance_id,
                "category": t.category,
                "audience": t.audience,
                "price": money(t.price),
                "seat_id": t.seat_id,
                "zone_id": t.zone_id,
            }
            for t in value.tickets
        ],
    }


def _optional_text(data: Mapping[str, JsonValue], key: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{key} is not text")
    return value


def pickup_order_of(data: Mapping[str, JsonValue]) -> PickupOrder:
    tickets = data["tickets"]
    if not isinstance(tickets, list):
        raise ValueError("tickets is not a list")
    read: list[PickupTicket] = []
    for item in tickets:
        if not isinstance(item, dict):
            raise ValueError("a ticket is not an object")
        number = item["number"]
        if not isinstance(number, int) or isinstance(number, bool):
            raise ValueError("a ticket's number is not an integer")
        read.append(
            PickupTicket(
                number=number,
                barcode=_text(item, "barcode"),
                performance_id=_text(item, "performance_id"),
                category=_text(item, "category"),
                audience=_text(item, "audience"),
                price=money_of(item["price"]),
                seat_id=_optional_text(item, "seat_id"),
                zone_id=_optional_text(item, "zone_id"),
            )
        )
    collected = _optional_text(data, "collected_at")
    placed = datetime.fromisoformat(_text(data, "placed_at"))
    if placed.utcoffset() is None:
        raise ValueError("placed_at has no offset")
    total = money_of(data["total"])
    # An order published before orders could be paid at the box office: nothing is due.
    due = money_of(data["due"]) if data.get("due") is not None else Money.zero(total.currency)
    if due.currency != total.currency or not 0 <= due.minor <= total.minor:
        raise ValueError("due is not an amount of the order's total")
    return PickupOrder(
        number=_text(data, "number"),
        sale_id=_text(data, "sale_id"),
        channel=_text(data, "channel"),
        customer=_text(data, "customer"),
        placed_at=placed,
        tickets=tuple(read),
        total=total,
        state=PickupState(_text(data, "state")),
        collected_by=_text(data, "collected_by"),
        collected_at=None if collected is None else datetime.fromisoformat(collected),
        due=due,
        # Absent from orders published before options came from the back office.
        contact_number=_optional_text(data, "contact_number") or "",
        file_number=_optional_text(data, "file_number") or "",
    )
