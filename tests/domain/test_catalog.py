"""Catalog: prices from the grid, fees with the channel's cap, ticket limits, dates."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from builders import NOW, channel, delivery, eur, performance, seed_price_grid, window
from hypothesis import given
from hypothesis import strategies as st

from domain.catalog import (
    DeliveryMode,
    Performance,
    PriceGrid,
    SaleWindow,
    Season,
    max_tickets,
    order_fees,
)
from domain.errors import (
    CatalogError,
    CurrencyMismatch,
    DomainError,
    InvalidAmount,
    NoPrice,
    UnknownDeliveryMode,
)
from domain.money import Money

# --- prices ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("category", "audience", "price"),
    [
        ("CAT1", "FULL", "100.00"),
        ("CAT1", "STUDENT", "25.00"),
        ("CAT1", "CHILD", "12.00"),
        ("CAT1", "GROUP", "50.00"),
        ("CAT2", "FULL", "60.00"),
        ("CAT2", "STUDENT", "25.00"),
    ],
)
def test_price_lookup_from_the_seed_grid(category: str, audience: str, price: str) -> None:
    assert seed_price_grid().price(category, audience) == eur(price)


@pytest.mark.parametrize(
    ("category", "audience"),
    [("CAT2", "CHILD"), ("CAT2", "GROUP"), ("CAT3", "FULL"), ("CAT1", "SENIOR"), ("FULL", "CAT1")],
)
def test_a_missing_pair_has_no_price(category: str, audience: str) -> None:
    with pytest.raises(NoPrice) as caught:
        seed_price_grid().price(category, audience)
    assert (caught.value.category, caught.value.audience) == (category, audience)


def test_the_seed_order_totals() -> None:
    # seed 000: 2 x Cat 1 full + 1 x Cat 1 child = 212.00 EUR
    grid = seed_price_grid()
    assert 2 * grid.price("CAT1", "FULL") + grid.price("CAT1", "CHILD") == eur("212.00")


def test_audiences_for_a_category() -> None:
    grid = seed_price_grid()
    assert set(grid.audiences_for("CAT1")) == {"FULL", "STUDENT", "CHILD", "GROUP"}
    assert set(grid.audiences_for("CAT2")) == {"FULL", "STUDENT"}
    assert grid.audiences_for("PMR") == ()


def test_a_grid_refuses_prices_in_another_currency() -> None:
    with pytest.raises(InvalidAmount):
        PriceGrid("G", "G", "EUR", {("CAT1", "FULL"): Money.of("100", "CHF")})


def test_a_grid_refuses_negative_prices_but_accepts_free_tickets() -> None:
    with pytest.raises(InvalidAmount):
        PriceGrid("G", "G", "EUR", {("CAT1", "FULL"): eur("-1.00")})
    assert PriceGrid("G", "G", "EUR", {("CAT1", "INVITE"): eur("0")}).price(
        "CAT1", "INVITE"
    ) == eur("0.00")


def test_the_grid_is_a_read_only_copy() -> None:
    prices = {("CAT1", "FULL"): eur("100.00")}
    grid = PriceGrid("G", "G", "EUR", prices)
    prices[("CAT2", "FULL")] = eur("60.00")
    with pytest.raises(NoPrice):
        grid.price("CAT2", "FULL")
    with pytest.raises(TypeError):
        grid.prices[("CAT2", "FULL")] = eur("60.00")  # type: ignore[index]


# --- fees ------------------------------------------------------------------------------------


def test_booking_fee_alone() -> None:
    assert order_fees(channel(), eur("2.00"), None) == eur("2.00")


def test_booking_fee_plus_delivery_fee() -> None:
    assert order_fees(channel(), eur("2.00"), delivery("POST", "5.00")) == eur("7.00")
    assert order_fees(channel(), eur("2.00"), delivery("COUNTER", "0.00")) == eur("2.00")


def test_fees_are_capped_by_the_channel() -> None:
    capped = channel(fee_cap=eur("4.00"))
    assert order_fees(capped, eur("2.00"), delivery("POST", "5.00")) == eur("4.00")
    assert order_fees(capped, eur("2.00"), delivery("PDF", "2.00")) == eur("4.00")  # at the cap
    assert order_fees(capped, eur("2.00"), delivery("PDF", "1.50")) == eur("3.50")  # below
    assert order_fees(capped, eur("2.00"), None) == eur("2.00")
    # the cap applies even to the booking fee alone
    assert order_fees(channel(fee_cap=eur("1.00")), eur("2.00"), None) == eur("1.00")


def test_a_zero_cap_means_no_fees() -> None:
    assert order_fees(channel(fee_cap=eur("0")), eur("2.00"), delivery()) == eur("0.00")


def test_a_delivery_mode_the_channel_does_not_offer_is_refused() -> None:
    web = channel("WEB", delivery_modes=("PDF",))
    with pytest.raises(UnknownDeliveryMode) as caught:
        order_fees(web, eur("2.00"), delivery("POST", "5.00"))
    assert caught.value.code == "POST"
    with pytest.raises(UnknownDeliveryMode):
        order_fees(channel(delivery_modes=()), eur("2.00"), delivery("COUNTER", "0.00"))


def test_fees_in_mixed_currencies_are_refused() -> None:
    with pytest.raises(CurrencyMismatch):
        order_fees(channel(), eur("2.00"), DeliveryMode("POST", "Post", Money.of("5", "CHF")))
    with pytest.raises(CurrencyMismatch):
        order_fees(channel(fee_cap=Money.of("3", "CHF")), eur("2.00"), None)


@given(
    booking=st.integers(min_value=0, max_value=10_000),
    fee=st.integers(min_value=0, max_value=10_000),
    cap=st.none() | st.integers(min_value=0, max_value=10_000),
)
def test_fees_are_the_sum_or_the_cap_whichever_is_smaller(
    booking: int, fee: int, cap: int | None
) -> None:
    ch = channel(fee_cap=None if cap is None else Money(cap, "EUR"))
    result = order_fees(ch, Money(booking, "EUR"), DeliveryMode("POST", "Post", Money(fee, "EUR")))
    expected = booking + fee if cap is None else min(booking + fee, cap)
    assert result == Money(expected, "EUR")


# --- ticket limits ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("perf_limit", "channel_limit", "expected"),
    [
        (None, None, None),
        (10, None, 10),
        (None, 6, 6),
        (10, 6, 6),
        (4, 6, 4),
        (8, 8, 8),
    ],
)
def test_max_tickets_is_the_smaller_limit(
    perf_limit: int | None, channel_limit: int | None, expected: int | None
) -> None:
    assert max_tickets(performance(max_tickets=perf_limit), channel(max_tickets=channel_limit)) == (
        expected
    )


# --- dates and windows -----------------------------------------------------------------------


def test_naive_datetimes_are_refused() -> None:
    naive = datetime(2025, 3, 14, 20, 0)
    with pytest.raises(CatalogError):
        performance(starts_at=naive)
    with pytest.raises(CatalogError):
        SaleWindow(opens_at=naive, closes_at=NOW)
    with pytest.raises(CatalogError):
        SaleWindow(opens_at=NOW, closes_at=naive + timedelta(days=1))


def test_any_timezone_is_accepted() -> None:
    paris = timezone(timedelta(hours=1))
    perf = performance(starts_at=datetime(2025, 4, 1, 20, 0, tzinfo=paris))
    assert perf.starts_at.utcoffset() == timedelta(hours=1)


def test_a_window_must_close_after_it_opens() -> None:
    with pytest.raises(CatalogError):
        SaleWindow(opens_at=NOW, closes_at=NOW)
    with pytest.raises(CatalogError):
        SaleWindow(opens_at=NOW, closes_at=NOW - timedelta(seconds=1))


def test_a_window_is_half_open() -> None:
    w = window(NOW, NOW + timedelta(hours=2))
    assert w.contains(NOW)
    assert w.contains(NOW + timedelta(hours=2) - timedelta(microseconds=1))
    assert not w.contains(NOW + timedelta(hours=2))
    assert not w.contains(NOW - timedelta(microseconds=1))


def test_a_window_compares_instants_across_timezones() -> None:
    w = window(NOW, NOW + timedelta(hours=1))
    plus_two = timezone(timedelta(hours=2))
    assert w.contains(NOW.astimezone(plus_two))
    assert not w.contains((NOW - timedelta(minutes=1)).astimezone(plus_two))


def test_performance_sale_windows_are_read_only_copies() -> None:
    windows = {"BOX": window()}
    perf = performance(sale_windows=windows)
    windows["WEB"] = window()
    assert set(perf.sale_windows) == {"BOX"}
    with pytest.raises(TypeError):
        perf.sale_windows["WEB"] = window()  # type: ignore[index]


def test_season_dates() -> None:
    season = Season("S", "ORG", "2014-2015", date(2014, 9, 1), date(2015, 6, 30))
    assert season.starts_on < season.ends_on
    assert Season("S", "ORG", "One day", date(2015, 1, 1), date(2015, 1, 1)).ends_on == date(
        2015, 1, 1
    )
    with pytest.raises(CatalogError):
        Season("S", "ORG", "Backwards", date(2015, 6, 30), date(2014, 9, 1))


def test_catalog_errors_are_domain_errors() -> None:
    for error in (NoPrice, UnknownDeliveryMode):
        assert issubclass(error, CatalogError)
    assert issubclass(CatalogError, DomainError)


def test_performance_defaults() -> None:
    perf = Performance("P", "E", "H", "L", "G", starts_at=NOW)
    assert perf.state.value == "planned"
    assert perf.sale_windows == {}
    assert perf.booking_fee is None and perf.max_tickets is None
