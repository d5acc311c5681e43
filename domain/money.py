"""Money: an integer number of minor units and an ISO 4217 currency.

Never a float. Amounts are parsed from decimal strings exactly; rounding happens in one
named place (`Money.allocate`, `Money.percent`). Formatting for people lives in the UI.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Context, Decimal, DecimalException, Inexact, InvalidOperation, Overflow
from functools import total_ordering

from domain.errors import CurrencyMismatch, InvalidAmount

# Minor-unit exponents of the currencies a box office meets; ISO 4217 defaults to 2.
_EXPONENTS: dict[str, int] = {"JPY": 0, "KRW": 0, "ISK": 0, "CLP": 0, "BHD": 3, "KWD": 3, "TND": 3}


def minor_exponent(currency: str) -> int:
    return _EXPONENTS.get(currency, 2)


def _exact(value: Decimal) -> Context:
    """A context precise enough that shifting ``value``'s exponent never rounds it.

    Anything that would still round (an exponent out of range) raises instead.
    """
    return Context(
        prec=max(28, len(value.as_tuple().digits)), traps=[InvalidOperation, Overflow, Inexact]
    )


@total_ordering
@dataclass(frozen=True, slots=True)
class Money:
    minor: int
    currency: str

    def __post_init__(self) -> None:
        if isinstance(self.minor, bool) or not isinstance(self.minor, int):
            raise InvalidAmount(f"minor units must be an integer, not {type(self.minor).__name__}")
        if len(self.currency) != 3 or not self.currency.isalpha() or not self.currency.isupper():
            raise InvalidAmount(f"not an ISO 4217 currency code: {self.currency!r}")

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(0, currency)

    @classmethod
    def of(cls, amount: str | int | Decimal, currency: str) -> Money:
        """Money from major units given exactly: ``Money.of("12.50", "EUR")``.

        Refuses floats and amounts with more decimals than the currency has.
        """
        if isinstance(amount, float | bool):
            raise InvalidAmount("amounts are never floats or bools; pass a string or a Decimal")
        try:
            value = Decimal(amount)
        except (InvalidOperation, ValueError) as exc:
            raise InvalidAmount(f"not an amount: {amount!r}") from exc
        if not value.is_finite():
            raise InvalidAmount(f"not an amount: {amount!r}")
        try:
            scaled = value.scaleb(minor_exponent(currency), _exact(value))
        except DecimalException as exc:
            raise InvalidAmount(f"amount out of range: {amount!r}") from exc
        if scaled != scaled.to_integral_value():
            raise InvalidAmount(f"{amount} has more decimals than {currency} allows")
        return cls(int(scaled), currency)

    def to_decimal(self) -> Decimal:
        """The amount in major units, for formatting and export only."""
        value = Decimal(self.minor)
        return value.scaleb(-minor_exponent(self.currency), _exact(value))

    def _same(self, other: Money) -> None:
        if self.currency != other.currency:
            raise CurrencyMismatch(self.currency, other.currency)

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor + other.minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor - other.minor, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.minor, self.currency)

    def __mul__(self, factor: int) -> Money:
        if isinstance(factor, bool) or not isinstance(factor, int):
            return NotImplemented
        return Money(self.minor * factor, self.currency)

    __rmul__ = __mul__

    def __lt__(self, other: Money) -> bool:
        self._same(other)
        return self.minor < other.minor

    @property
    def is_zero(self) -> bool:
        return self.minor == 0

    @property
    def is_negative(self) -> bool:
        return self.minor < 0

    def allocate(self, weights: Sequence[int]) -> list[Money]:
        """Split this amount in proportion to integer weights; the parts always sum exactly.

        Remainders go one minor unit at a time to the largest fractional shares (ties to the
        earliest), so a 2.00 fee over three tickets gives 0.67, 0.67, 0.66.
        """
        if not weights or any(w < 0 for w in weights) or sum(weights) == 0:
            raise InvalidAmount("weights must be non-negative and not all zero")
        total = sum(weights)
        sign = -1 if self.minor < 0 else 1
        amount = abs(self.minor)
        shares = [amount * w // total for w in weights]
        remainders = [amount * w % total for w in weights]
        left = amount - sum(shares)
        for index in sorted(range(len(weights)), key=lambda i: (-remainders[i], i))[:left]:
            shares[index] += 1
        return [Money(sign * s, self.currency) for s in shares]

    def split(self, parts: int) -> list[Money]:
        """Split evenly into ``parts`` amounts that sum exactly."""
        if parts <= 0:
            raise InvalidAmount("cannot split into fewer than one part")
        return self.allocate([1] * parts)


def total(amounts: Sequence[Money], currency: str) -> Money:
    """Sum of amounts, zero in ``currency`` when there are none."""
    result = Money.zero(currency)
    for amount in amounts:
        result = result + amount
    return result
