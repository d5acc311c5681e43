"""The catalog: seasons, activities, events, performances, prices and fees.

Price = f(performance's price grid, seat category, audience sub-category). Fees are a booking
fee per order plus the delivery mode's fee, capped by the channel.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType

from domain.channels import SalesChannel
from domain.errors import CatalogError, InvalidAmount, NoPrice, UnknownDeliveryMode
from domain.money import Money


def _require_aware(moment: datetime, what: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise CatalogError(f"{what} must be timezone-aware")


@dataclass(frozen=True, slots=True)
class Organizer:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Season:
    id: str
    organizer_id: str
    name: str
    starts_on: date
    ends_on: date

    def __post_init__(self) -> None:
        if self.ends_on < self.starts_on:
            raise CatalogError(f"season {self.name!r} ends before it starts")


@dataclass(frozen=True, slots=True)
class Activity:
    id: str
    season_id: str
    name: str


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    activity_id: str
    name: str


@dataclass(frozen=True, slots=True)
class AudienceSubcategory:
    """An audience tariff: full price, student, child, group..."""

    code: str
    name: str


class PerformanceState(enum.Enum):
    PLANNED = "planned"  # announced, not sellable
    ON_SALE = "on_sale"
    SUSPENDED = "suspended"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class SaleWindow:
    opens_at: datetime
    closes_at: datetime

    def __post_init__(self) -> None:
        _require_aware(self.opens_at, "a sale window's opening")
        _require_aware(self.closes_at, "a sale window's closing")
        if self.closes_at <= self.opens_at:
            raise CatalogError("a sale window must close after it opens")

    def contains(self, moment: datetime) -> bool:
        return self.opens_at <= moment < self.closes_at


@dataclass(frozen=True, slots=True)
class PriceGrid:
    id: str
    name: str
    currency: str
    prices: Mapping[tuple[str, str], Money] = field(default_factory=dict)
    vat_rate_bp: int = 550  # VAT in the prices, basis points (the French 5.5 % for shows)

    def __post_init__(self) -> None:
        for (category, audience), amount in self.prices.items():
            if amount.currency != self.currency:
                raise InvalidAmount(f"price {category}/{audience} is not in {self.currency}")
            if amount.is_negative:
                raise InvalidAmount(f"price {category}/{audience} is negative")
        object.__setattr__(self, "prices", MappingProxyType(dict(self.prices)))

    def price(self, category: str, audience: str) -> Money:
        try:
            return self.prices[(category, audience)]
        except KeyError:
            raise NoPrice(category, audience) from None

    def audiences_for(self, category: str) -> tuple[str, ...]:
        return tuple(a for (c, a) in self.prices if c == category)


@dataclass(frozen=True, slots=True)
class DeliveryMode:
    code: str
    name: str
    fee: Money


@dataclass(frozen=True, slots=True)
class Performance:
    id: str
    event_id: str
    hall_id: str
    logical_layout_id: str
    price_grid_id: str
    starts_at: datetime
    state: PerformanceState = PerformanceState.PLANNED
    sale_windows: Mapping[str, SaleWindow] = field(default_factory=dict)  # channel -> window
    booking_fee: Money | None = None  # per order
    max_tickets: int | None = None  # per order for this performance

    def __post_init__(self) -> None:
        _require_aware(self.starts_at, "a performance's start")
        object.__setattr__(self, "sale_windows", MappingProxyType(dict(self.sale_windows)))


def max_tickets(performance: Performance, channel: SalesChannel) -> int | None:
    """The most tickets one order may hold for this performance on this channel."""
    limits = [
        n for n in (performance.max_tickets, channel.max_tickets_per_performance) if n is not None
    ]
    return min(limits) if limits else None


def order_fees(
    channel: SalesChannel,
    booking_fee: Money,
    delivery_mode: DeliveryMode | None,
) -> Money:
    """Fees of one order: the booking fee plus the delivery fee, never above the channel's cap."""
    fees = booking_fee
    if delivery_mode is not None:
        if delivery_mode.code not in channel.delivery_modes:
            raise UnknownDeliveryMode(delivery_mode.code)
        fees = fees + delivery_mode.fee
    if channel.fee_cap is not None and fees > channel.fee_cap:
        return channel.fee_cap
    return fees
