"""What a sale costs: ticket prices from the grid, the tariffs a channel sells, the order's fee,
and the VAT in it. Plain Python, no I/O.

Money is `Money` (integer minor units). Every amount is rounded once, at a named place:

- ticket prices and fees are whole minor units already (the grid and the catalog hold them);
- VAT is included in the gross prices (French box-office prices are all-taxes-included); it is
  computed **once per VAT rate on the order's gross total for that rate** (`vat_breakdown`),
  rounded half up to the minor unit there and nowhere else; net = gross − VAT, so for every
  rate net + VAT = gross exactly, and the rates' grosses add up to the order's total exactly.

VAT rates are integer basis points (550 = 5.50 %), never floats.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from domain.catalog import DeliveryMode, Performance, PriceGrid, order_fees
from domain.channels import SalesChannel
from domain.errors import CatalogError
from domain.money import Money, total

# The French reduced rate for shows (CGI art. 281 quater): the demo's rate for tickets.
SHOWS_VAT_BP = 550
BASIS_POINTS = 10_000


class TariffNotSold(CatalogError):
    """A tariff (audience subcategory) this channel may not sell, or the grid has no price."""

    def __init__(self, category: str, audience: str, channel: str) -> None:
        super().__init__(f"tariff {audience!r} of category {category!r} is not sold on {channel}")
        self.category = category
        self.audience = audience
        self.channel = channel


def tariffs(grid: PriceGrid, category: str, channel: SalesChannel) -> tuple[str, ...]:
    """The tariffs (audience codes) a cashier may pick for a seat of ``category`` on this
    channel, in the grid's order: the grid must price them and the channel sell them (a channel
    listing no audiences sells all the grid's)."""
    priced = grid.audiences_for(category)
    if not channel.audiences:
        return priced
    return tuple(a for a in priced if a in channel.audiences)


def ticket_price(grid: PriceGrid, category: str, audience: str, channel: SalesChannel) -> Money:
    """The price of one ticket, or `TariffNotSold`."""
    if audience not in tariffs(grid, category, channel):
        raise TariffNotSold(category, audience, channel.code)
    return grid.price(category, audience)


def next_tariff(grid: PriceGrid, category: str, channel: SalesChannel, current: str) -> str:
    """The tariff after ``current`` in the channel's list (F4 cycles through them)."""
    allowed = tariffs(grid, category, channel)
    if not allowed:
        raise TariffNotSold(category, current, channel.code)
    if current not in allowed:
        return allowed[0]
    return allowed[(allowed.index(current) + 1) % len(allowed)]


def order_fee(
    channel: SalesChannel,
    performances: Iterable[Performance],
    currency: str,
    delivery: DeliveryMode | None = None,
) -> Money:
    """The fee of one order: the booking fee (the highest of its performances' fees — an
    order pays one booking fee, not one per performance) plus the delivery fee, under the
    channel's cap (`domain.catalog.order_fees`). Zero for an order without tickets."""
    fees = [p.booking_fee for p in performances if p.booking_fee is not None]
    booking = max(fees, key=lambda m: m.minor) if fees else Money.zero(currency)
    return order_fees(channel, booking, delivery)


@dataclass(frozen=True, slots=True)
class VatLine:
    """The order's total at one VAT rate."""

    rate_bp: int
    gross: Money
    vat: Money

    @property
    def net(self) -> Money:
        return self.gross - self.vat


def vat_included(gross: Money, rate_bp: int) -> Money:
    """The VAT inside an all-taxes-included amount, rounded half up to the minor unit: the
    one place VAT is rounded."""
    if rate_bp < 0:
        raise ValueError("a VAT rate is not negative")
    numerator = gross.minor * rate_bp
    denominator = BASIS_POINTS + rate_bp
    sign = -1 if numerator < 0 else 1
    vat = (abs(numerator) * 2 + denominator) // (2 * denominator)
    return Money(sign * vat, gross.currency)


def vat_breakdown(amounts: Sequence[tuple[Money, int]], currency: str) -> tuple[VatLine, ...]:
    """Per VAT rate, lowest rate first: the gross total of the amounts at that rate and the VAT
    in it. The grosses add up to the sum of ``amounts`` exactly."""
    by_rate: dict[int, list[Money]] = {}
    for amount, rate in amounts:
        by_rate.setdefault(rate, []).append(amount)
    lines = []
    for rate in sorted(by_rate):
        gross = total(by_rate[rate], currency)
        lines.append(VatLine(rate, gross, vat_included(gross, rate)))
    return tuple(lines)
