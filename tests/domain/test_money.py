"""Money: exact parsing, arithmetic, comparison, allocation."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import CurrencyMismatch, DomainError, InvalidAmount, MoneyError
from domain.money import Money, minor_exponent, total

amounts = st.integers(min_value=-(10**15), max_value=10**15)
currencies = st.sampled_from(["EUR", "CHF", "JPY", "KWD", "USD"])


# --- construction and parsing ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "currency", "minor"),
    [
        ("12.50", "EUR", 1250),
        ("12.5", "EUR", 1250),
        ("12", "EUR", 1200),
        ("0.01", "EUR", 1),
        ("-0.01", "EUR", -1),
        ("100.00", "EUR", 10000),
        ("12.500", "EUR", 1250),  # trailing zeros are not extra precision
        ("1234", "JPY", 1234),
        ("1.000", "JPY", 1),
        ("1.234", "KWD", 1234),
        ("0", "EUR", 0),
    ],
)
def test_of_parses_decimal_strings_exactly(text: str, currency: str, minor: int) -> None:
    assert Money.of(text, currency) == Money(minor, currency)


def test_of_accepts_int_and_decimal() -> None:
    assert Money.of(3, "EUR") == Money(300, "EUR")
    assert Money.of(Decimal("2.05"), "EUR") == Money(205, "EUR")
    assert Money.of(500, "JPY") == Money(500, "JPY")


def test_of_refuses_floats() -> None:
    with pytest.raises(InvalidAmount):
        Money.of(12.5, "EUR")  # type: ignore[arg-type]
    with pytest.raises(InvalidAmount):
        Money.of(0.0, "EUR")  # type: ignore[arg-type]


def test_of_refuses_a_decimal_built_from_a_float() -> None:
    # Decimal(0.1) is 0.1000000000000000055511151231257827..., not 0.10
    with pytest.raises(InvalidAmount):
        Money.of(Decimal(0.1), "EUR")  # noqa: RUF032 (the point of the test)


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("1.005", "EUR"),
        ("0.001", "EUR"),
        ("12.5", "JPY"),
        ("0.1", "JPY"),
        ("1.2345", "KWD"),
    ],
)
def test_of_refuses_more_decimals_than_the_currency_has(text: str, currency: str) -> None:
    with pytest.raises(InvalidAmount):
        Money.of(text, currency)


@pytest.mark.parametrize(
    "text", ["abc", "", "12,50", "12.50 EUR", "NaN", "nan", "sNaN", "Infinity", "-Inf"]
)
def test_of_refuses_what_is_not_a_finite_amount(text: str) -> None:
    with pytest.raises(InvalidAmount):
        Money.of(text, "EUR")


def test_of_refuses_a_bool() -> None:
    with pytest.raises(InvalidAmount):
        Money.of(True, "EUR")


@pytest.mark.parametrize("text", ["1e2000000", "-1e2000000", "1e-2000000"])
def test_of_refuses_exponents_out_of_range_with_a_domain_error(text: str) -> None:
    # Must neither leak decimal.Overflow (the UI maps DomainError to messages) nor round a
    # tiny amount silently to zero.
    with pytest.raises(InvalidAmount):
        Money.of(text, "EUR")


def test_of_is_exact_beyond_the_default_decimal_precision() -> None:
    big = 10**30 + 1  # 31 significant digits, more than decimal's default 28
    assert Money.of(big, "EUR").minor == big * 100
    assert Money.of(f"{big}.01", "EUR").minor == big * 100 + 1


def test_to_decimal_is_exact_beyond_the_default_decimal_precision() -> None:
    minor = 10**30 + 1
    assert Money(minor, "EUR").to_decimal() == Decimal("10000000000000000000000000000.01")
    assert Money.of(str(Money(minor, "EUR").to_decimal()), "EUR") == Money(minor, "EUR")


@pytest.mark.parametrize("minor", [1.0, Decimal(1), "1", True, None])
def test_constructor_refuses_non_integer_minor_units(minor: object) -> None:
    with pytest.raises(InvalidAmount):
        Money(minor, "EUR")  # type: ignore[arg-type]


@pytest.mark.parametrize("currency", ["eur", "EU", "EURO", "E1R", "", "€€€"])
def test_constructor_refuses_codes_that_are_not_iso_4217(currency: str) -> None:
    with pytest.raises(InvalidAmount):
        Money(100, currency)


def test_of_validates_the_currency_too() -> None:
    with pytest.raises(InvalidAmount):
        Money.of("1.00", "eur")


def test_minor_exponents() -> None:
    assert minor_exponent("EUR") == 2
    assert minor_exponent("USD") == 2
    assert minor_exponent("JPY") == 0
    assert minor_exponent("KWD") == 3


def test_errors_belong_to_the_domain_tree() -> None:
    assert issubclass(InvalidAmount, MoneyError)
    assert issubclass(CurrencyMismatch, MoneyError)
    assert issubclass(MoneyError, DomainError)


def test_money_is_immutable() -> None:
    amount = Money(100, "EUR")
    with pytest.raises(AttributeError):
        amount.minor = 5  # type: ignore[misc]


# --- to_decimal ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("money", "expected"),
    [
        (Money(1250, "EUR"), Decimal("12.50")),
        (Money(-1, "EUR"), Decimal("-0.01")),
        (Money(0, "EUR"), Decimal("0.00")),
        (Money(1234, "JPY"), Decimal("1234")),
        (Money(1234, "KWD"), Decimal("1.234")),
    ],
)
def test_to_decimal(money: Money, expected: Decimal) -> None:
    result = money.to_decimal()
    assert result == expected
    assert str(result) == str(expected)  # keeps the currency's number of decimals


@given(minor=amounts, currency=currencies)
def test_to_decimal_then_of_round_trips(minor: int, currency: str) -> None:
    money = Money(minor, currency)
    assert Money.of(money.to_decimal(), currency) == money
    assert Money.of(str(money.to_decimal()), currency) == money


# --- arithmetic and comparison ---------------------------------------------------------------


def test_addition_and_subtraction() -> None:
    assert Money(1250, "EUR") + Money(250, "EUR") == Money(1500, "EUR")
    assert Money(1250, "EUR") - Money(1500, "EUR") == Money(-250, "EUR")
    assert -Money(1250, "EUR") == Money(-1250, "EUR")


def test_multiplication_by_an_integer_both_sides() -> None:
    assert Money(1250, "EUR") * 3 == Money(3750, "EUR")
    assert 3 * Money(1250, "EUR") == Money(3750, "EUR")
    assert Money(1250, "EUR") * 0 == Money(0, "EUR")
    assert Money(1250, "EUR") * -2 == Money(-2500, "EUR")


@pytest.mark.parametrize("factor", [1.5, Decimal("1.5"), True, "2"])
def test_multiplication_by_anything_but_an_int_is_refused(factor: object) -> None:
    with pytest.raises(TypeError):
        Money(1250, "EUR") * factor  # type: ignore[operator]


def test_combining_currencies_raises_currency_mismatch() -> None:
    eur, chf = Money(100, "EUR"), Money(100, "CHF")
    with pytest.raises(CurrencyMismatch) as caught:
        eur + chf
    assert (caught.value.left, caught.value.right) == ("EUR", "CHF")
    with pytest.raises(CurrencyMismatch):
        eur - chf
    with pytest.raises(CurrencyMismatch):
        _ = eur < chf
    with pytest.raises(CurrencyMismatch):
        _ = eur >= chf


def test_equality_includes_the_currency() -> None:
    assert Money(100, "EUR") == Money(100, "EUR")
    assert Money(100, "EUR") != Money(100, "CHF")
    assert Money(100, "EUR") != Money(101, "EUR")
    assert hash(Money(100, "EUR")) == hash(Money(100, "EUR"))


def test_ordering() -> None:
    small, big = Money(100, "EUR"), Money(200, "EUR")
    assert small < big
    assert small <= big
    assert big > small
    assert big >= small
    assert small <= Money(100, "EUR")
    assert not small < Money(100, "EUR")
    assert max(small, big) == big
    assert sorted([big, Money(-5, "EUR"), small]) == [Money(-5, "EUR"), small, big]


def test_zero_and_sign_predicates() -> None:
    assert Money.zero("EUR") == Money(0, "EUR")
    assert Money.zero("EUR").is_zero
    assert not Money(1, "EUR").is_zero
    assert Money(-1, "EUR").is_negative
    assert not Money(0, "EUR").is_negative
    assert not Money(1, "EUR").is_negative


def test_total() -> None:
    assert total([], "EUR") == Money(0, "EUR")
    assert total([Money(100, "EUR"), Money(250, "EUR")], "EUR") == Money(350, "EUR")
    with pytest.raises(CurrencyMismatch):
        total([Money(100, "CHF")], "EUR")


@given(a=amounts, b=amounts, c=amounts)
def test_addition_is_associative_and_commutative(a: int, b: int, c: int) -> None:
    x, y, z = Money(a, "EUR"), Money(b, "EUR"), Money(c, "EUR")
    assert x + y == y + x
    assert (x + y) + z == x + (y + z)
    assert x + y - y == x
    assert (x < y) == (a < b)


# --- allocation and split --------------------------------------------------------------------


def test_booking_fee_of_two_euros_over_three_tickets() -> None:
    assert Money.of("2.00", "EUR").allocate([1, 1, 1]) == [
        Money.of("0.67", "EUR"),
        Money.of("0.67", "EUR"),
        Money.of("0.66", "EUR"),
    ]
    assert Money.of("2.00", "EUR").split(3) == Money.of("2.00", "EUR").allocate([1, 1, 1])


def test_negative_amount_is_allocated_symmetrically() -> None:
    assert Money.of("-2.00", "EUR").allocate([1, 1, 1]) == [
        Money.of("-0.67", "EUR"),
        Money.of("-0.67", "EUR"),
        Money.of("-0.66", "EUR"),
    ]


def test_allocation_in_proportion_to_weights() -> None:
    # 100.00 and 25.00 tickets share a 10.00 refund in proportion to their prices.
    assert Money(1000, "EUR").allocate([10000, 2500]) == [Money(800, "EUR"), Money(200, "EUR")]
    assert Money(100, "EUR").allocate([1, 0, 1]) == [
        Money(50, "EUR"),
        Money(0, "EUR"),
        Money(50, "EUR"),
    ]


def test_remainder_goes_to_the_largest_fractional_share() -> None:
    # 10 cents by weights 1:2 -> 3.33 and 6.67: the 2-weight share has the larger remainder.
    assert Money(10, "EUR").allocate([1, 2]) == [Money(3, "EUR"), Money(7, "EUR")]


def test_allocation_keeps_the_currency() -> None:
    assert all(part.currency == "JPY" for part in Money(1000, "JPY").allocate([1, 1, 1]))
    assert Money(1000, "JPY").split(3) == [Money(334, "JPY"), Money(333, "JPY"), Money(333, "JPY")]


@pytest.mark.parametrize("weights", [[], [0], [0, 0], [1, -1], [-1]])
def test_allocate_refuses_bad_weights(weights: list[int]) -> None:
    with pytest.raises(InvalidAmount):
        Money(100, "EUR").allocate(weights)


@pytest.mark.parametrize("parts", [0, -1])
def test_split_refuses_fewer_than_one_part(parts: int) -> None:
    with pytest.raises(InvalidAmount):
        Money(100, "EUR").split(parts)


def test_split_into_one_part_is_the_whole() -> None:
    assert Money(199, "EUR").split(1) == [Money(199, "EUR")]


weights_lists = st.lists(
    st.integers(min_value=0, max_value=10_000), min_size=1, max_size=20
).filter(lambda ws: sum(ws) > 0)


@given(minor=amounts, weights=weights_lists)
def test_allocated_parts_always_sum_to_the_whole(minor: int, weights: list[int]) -> None:
    parts = Money(minor, "EUR").allocate(weights)
    assert len(parts) == len(weights)
    assert total(parts, "EUR") == Money(minor, "EUR")


@given(minor=amounts, weights=weights_lists)
def test_allocated_parts_are_within_one_unit_of_the_exact_share(
    minor: int, weights: list[int]
) -> None:
    parts = Money(minor, "EUR").allocate(weights)
    whole = sum(weights)
    for part, weight in zip(parts, weights, strict=True):
        exact = Decimal(minor) * weight / whole
        assert abs(Decimal(part.minor) - exact) < 1
        if weight == 0:
            assert part.is_zero
        # every part has the sign of the whole
        assert part.minor * minor >= 0


@given(minor=amounts, parts=st.integers(min_value=1, max_value=50))
def test_equal_split_parts_differ_by_at_most_one_minor_unit(minor: int, parts: int) -> None:
    result = Money(minor, "EUR").split(parts)
    assert len(result) == parts
    assert sum(p.minor for p in result) == minor
    assert max(p.minor for p in result) - min(p.minor for p in result) <= 1
    # the larger parts come first (ties to the earliest)
    assert [abs(p.minor) for p in result] == sorted((abs(p.minor) for p in result), reverse=True)


@given(minor=amounts, weights=weights_lists)
def test_allocating_the_negation_negates_every_part(minor: int, weights: list[int]) -> None:
    assert Money(-minor, "EUR").allocate(weights) == [
        -p for p in Money(minor, "EUR").allocate(weights)
    ]
