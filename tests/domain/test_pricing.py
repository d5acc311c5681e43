"""Prices, tariffs, the order's fee and the VAT in it: each amount rounded once, the parts of a
total adding up to it exactly."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

import pytest
from builders import channel, performance
from hypothesis import given
from hypothesis import strategies as st

from domain.catalog import DeliveryMode, PriceGrid
from domain.money import Money
from domain.pricing import (
    TariffNotSold,
    next_tariff,
    order_fee,
    tariffs,
    ticket_price,
    vat_breakdown,
    vat_included,
)

EUR = "EUR"
GRID = PriceGrid(
    "G",
    "Théâtre",
    EUR,
    {
        ("CAT1", "FULL"): Money.of("100.00", EUR),
        ("CAT1", "YOUNG"): Money.of("25.00", EUR),
        ("CAT1", "JOBLESS"): Money.of("12.00", EUR),
        ("CAT2", "FULL"): Money.of("60.00", EUR),
    },
)


def test_the_grid_prices_a_ticket_and_the_channel_limits_the_tariffs() -> None:
    everything = channel()
    assert tariffs(GRID, "CAT1", everything) == ("FULL", "YOUNG", "JOBLESS")
    assert ticket_price(GRID, "CAT1", "YOUNG", everything) == Money.of("25.00", EUR)
    web = replace(channel("WEB"), audiences=("FULL", "YOUNG"))
    assert tariffs(GRID, "CAT1", web) == ("FULL", "YOUNG")
    with pytest.raises(TariffNotSold, match="JOBLESS"):
        ticket_price(GRID, "CAT1", "JOBLESS", web)
    with pytest.raises(TariffNotSold):
        ticket_price(GRID, "CAT2", "YOUNG", everything)  # the grid has no such price


def test_f4_cycles_through_the_allowed_tariffs_and_back() -> None:
    box = channel()
    seen = ["FULL"]
    for _ in range(3):
        seen.append(next_tariff(GRID, "CAT1", box, seen[-1]))
    assert seen == ["FULL", "YOUNG", "JOBLESS", "FULL"]
    assert next_tariff(GRID, "CAT2", box, "FULL") == "FULL"
    assert next_tariff(GRID, "CAT1", box, "UNKNOWN") == "FULL"


def test_one_booking_fee_per_order_under_the_channels_cap() -> None:
    cheap = performance()
    dear = replace(performance(), booking_fee=Money.of("3.00", EUR))
    fee = replace(performance(), booking_fee=Money.of("2.00", EUR))
    assert order_fee(channel(), [fee, dear, cheap], EUR) == Money.of("3.00", EUR)
    post = DeliveryMode("POST", "Post", Money.of("4.50", EUR))
    capped = channel(fee_cap=Money.of("5.00", EUR))
    assert order_fee(capped, [dear], EUR, post) == Money.of("5.00", EUR)
    assert order_fee(channel(), [cheap], EUR) == (cheap.booking_fee or Money.zero(EUR))


def test_vat_inside_a_french_show_price() -> None:
    # 100.00 at 5.5 %: 100 * 5.5 / 105.5 = 5.2132... -> 5.21; net 94.79.
    assert vat_included(Money.of("100.00", EUR), 550) == Money.of("5.21", EUR)
    assert vat_included(Money.of("2.00", EUR), 2000) == Money.of("0.33", EUR)
    assert vat_included(Money.zero(EUR), 550) == Money.zero(EUR)


amounts = st.lists(
    st.tuples(st.integers(-(10**9), 10**9), st.sampled_from([0, 210, 550, 1000, 2000])),
    max_size=30,
)


@given(amounts)
def test_vat_is_rounded_once_per_rate_and_the_parts_add_up(pairs: list[tuple[int, int]]) -> None:
    lines = vat_breakdown([(Money(minor, EUR), rate) for minor, rate in pairs], EUR)
    assert sum(v.gross.minor for v in lines) == sum(minor for minor, _ in pairs)
    assert [v.rate_bp for v in lines] == sorted({rate for _, rate in pairs})
    for line in lines:
        assert line.net + line.vat == line.gross
        exact = Fraction(line.gross.minor * line.rate_bp, 10_000 + line.rate_bp)
        assert abs(line.vat.minor - exact) <= Fraction(1, 2)  # rounded once, to the nearest
