"""Advantages and promo codes (seed 004): who may use them, when, and what they take off."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.advantages import (
    MAX_BATCH,
    Advantage,
    AdvantageError,
    BatchTooLarge,
    CodeRefused,
    CodeState,
    Refusal,
    Target,
    applicable,
    check,
    check_code_state,
    discounted,
    generate_codes,
    normalise_code,
    tally,
)
from domain.money import Money
from domain.orders import Cart, CartLine, LineKind, OrderError, PaymentPlan, make_order, sale_record
from tests.fakes import PINNED_MOMENT


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def line(line_id: str, price: int, quantity: int = 1, performance: str = "P1") -> CartLine:
    return CartLine(
        id=line_id,
        performance_id=performance,
        kind=LineKind.NO_PLAN if quantity > 1 else LineKind.SEAT,
        category="CAT1",
        audience="PLEIN",
        unit_price=eur(price),
        vat_rate_bp=550,
        label="Le Misanthrope",
        seat_id=None if quantity > 1 else f"S-{line_id}",
        quantity=quantity,
    )


def cart(*lines: CartLine) -> Cart:
    return Cart("C1", "T1", "EUR", lines)


def promo(**kwargs: object) -> Advantage:
    values: dict[str, object] = {
        "id": "A1",
        "name": "Coupon 3%",
        "target": Target.PROMO,
        "currency": "EUR",
        "percent_bp": 300,
        "access_code": "COUPON3",
    }
    values.update(kwargs)
    return Advantage(**values)  # type: ignore[arg-type]


def test_a_promo_code_discounts_the_whole_cart_and_the_sale_record_shows_what_was_paid() -> None:
    sold = discounted(cart(line("L1", 8000), line("L2", 2000, 2)), [(promo(), "COUPON3")])
    assert [x.discount for x in sold.lines] == [eur(240), eur(120)]
    assert sold.subtotal() == eur(12000 - 360)
    plan = PaymentPlan(sold.subtotal()).exact_cash()
    order = make_order(
        "O1", sold, eur(0), 2000, plan, [], session_id="S", operator_id="op", at=PINNED_MOMENT
    )
    record = sale_record(order)
    lines = record["lines"]
    assert isinstance(lines, list)
    assert lines[0]["amount"] == {"minor": 7760, "currency": "EUR"}
    assert lines[0]["discount"] == {"minor": 240, "currency": "EUR", "by": "COUPON3"}
    assert record["total"] == {"minor": 11640, "currency": "EUR"}
    assert sum(v.gross.minor for v in order.vat) == 11640


def test_an_amount_off_never_takes_more_than_the_lines_cost() -> None:
    sold = discounted(cart(line("L1", 500)), [(promo(percent_bp=0, amount_off=eur(900)), "X")])
    assert sold.subtotal() == eur(0)


def test_an_advantage_for_one_performance_takes_off_only_its_lines() -> None:
    offer = promo(target=Target.PUBLIC, access_code="", performances=frozenset({"P2"}))
    sold = discounted(cart(line("L1", 1000), line("L2", 1000, performance="P2")), [(offer, "")])
    assert [x.discount for x in sold.lines] == [None, eur(30)]
    assert sold.lines[1].discount_by == "Coupon 3%"


def test_changing_the_cart_drops_its_discounts_until_they_are_applied_again() -> None:
    sold = discounted(cart(line("L1", 1000), line("L2", 1000)), [(promo(), "COUPON3")])
    assert sold.without("L2").lines[0].discount is None
    assert sold.with_tariff("L1", "REDUIT", eur(800)).subtotal() == eur(1800)
    assert all(x.discount is None for x in sold.with_lines([line("L3", 100)]).lines)


@given(
    prices=st.lists(st.tuples(st.integers(0, 50_000), st.integers(1, 6)), min_size=1, max_size=8),
    percent=st.integers(1, 10_000),
    off=st.integers(1, 500_000),
    use_amount=st.booleans(),
)
def test_a_discount_is_spread_exactly_and_never_more_than_the_price(
    prices: list[tuple[int, int]], percent: int, off: int, use_amount: bool
) -> None:
    lines = [line(f"L{i}", p, q) for i, (p, q) in enumerate(prices)]
    offer = promo(percent_bp=0, amount_off=eur(off)) if use_amount else promo(percent_bp=percent)
    before = cart(*lines)
    after = discounted(before, [(offer, "C")])
    gross = sum(p * q for p, q in prices)
    taken = gross - after.subtotal().minor
    # the oracle: the whole discount, computed here without the domain's allocation
    expected = min(off, gross) if use_amount else (gross * percent * 2 + 10_000) // 20_000
    assert taken == expected
    for x in after.lines:
        assert 0 <= x.amount.minor <= x.gross.minor


@pytest.mark.parametrize(
    ("offer", "at", "channel", "uses", "reason"),
    [
        (promo(channels=frozenset({"WEB"})), PINNED_MOMENT, "BOX", 0, Refusal.CHANNEL),
        (
            promo(starts_at=PINNED_MOMENT + timedelta(days=1)),
            PINNED_MOMENT,
            "BOX",
            0,
            Refusal.NOT_YET,
        ),
        (promo(ends_at=PINNED_MOMENT), PINNED_MOMENT, "BOX", 0, Refusal.EXPIRED),
        (promo(quota=2), PINNED_MOMENT, "BOX", 2, Refusal.QUOTA),
        (promo(minimum=eur(5001)), PINNED_MOMENT, "BOX", 0, Refusal.MINIMUM),
        (
            promo(target=Target.CONTACTS, access_code="", contacts=frozenset({"K2"})),
            PINNED_MOMENT,
            "BOX",
            0,
            Refusal.NOT_IN_LIST,
        ),
        (
            promo(target=Target.PUBLIC, access_code="", performances=frozenset({"P9"})),
            PINNED_MOMENT,
            "BOX",
            0,
            Refusal.NO_ELIGIBLE_LINE,
        ),
    ],
)
def test_a_code_outside_its_conditions_is_refused_by_name(
    offer: Advantage, at: datetime, channel: str, uses: int, reason: Refusal
) -> None:
    with pytest.raises(CodeRefused) as refused:
        check(
            offer,
            cart(line("L1", 5000)),
            channel=channel,
            at=at,
            uses=uses,
            contact="K1",
            code="COUPON3",
        )
    assert refused.value.reason is reason


def test_a_cart_at_the_minimum_and_inside_the_window_may_use_the_code() -> None:
    offer = promo(
        minimum=eur(5000),
        starts_at=PINNED_MOMENT,
        ends_at=PINNED_MOMENT + timedelta(1),
        channels=frozenset({"BOX"}),
        quota=1,
    )
    check(offer, cart(line("L1", 5000)), channel="BOX", at=PINNED_MOMENT, uses=0)


def test_the_cart_shows_the_advantages_its_contact_may_have_without_a_code() -> None:
    public = promo(id="A2", name="Tout public", target=Target.PUBLIC, access_code="")
    listed = promo(
        id="A3", name="Abonnés", target=Target.CONTACTS, access_code="", contacts=frozenset({"K1"})
    )
    found = applicable(
        [promo(), public, listed],
        cart(line("L1", 100)),
        channel="BOX",
        at=PINNED_MOMENT,
        uses={},
        contact="K1",
    )
    assert [a.id for a in found] == ["A2", "A3"]
    anonymous = applicable(
        [public, listed], cart(line("L1", 100)), channel="BOX", at=PINNED_MOMENT, uses={}
    )
    assert [a.id for a in anonymous] == ["A2"]


def test_a_single_use_code_is_refused_once_another_sale_used_it() -> None:
    check_code_state(CodeState.AVAILABLE, "K", "sale-1", None)
    check_code_state(CodeState.USED, "K", "sale-1", "sale-1")  # the same sale again
    for state, reason in [
        (None, Refusal.UNKNOWN),
        (CodeState.INVALIDATED, Refusal.INVALIDATED),
        (CodeState.USED, Refusal.USED),
    ]:
        with pytest.raises(CodeRefused) as refused:
            check_code_state(state, "K", "sale-2", "sale-1")
        assert refused.value.reason is reason


def test_a_batch_holds_different_codes_none_taken_at_most_a_thousand() -> None:
    rng = random.Random(4)
    taken = set(generate_codes(5, rng.randrange))
    codes = generate_codes(MAX_BATCH, rng.randrange, taken.__contains__)
    assert len(set(codes)) == MAX_BATCH and not taken & set(codes)
    assert all(normalise_code(c) == c for c in codes)
    for count in (0, MAX_BATCH + 1):
        with pytest.raises(BatchTooLarge):
            generate_codes(count, rng.randrange)


def test_a_code_is_read_whatever_its_case_spaces_and_dashes() -> None:
    assert normalise_code(" coupon-3 ") == "COUPON3"


def test_the_dashboard_counts_codes_by_state() -> None:
    counted = tally([CodeState.AVAILABLE] * 3 + [CodeState.USED, CodeState.INVALIDATED])
    assert (counted.generated, counted.available, counted.used, counted.invalidated) == (5, 3, 1, 1)


def test_an_advantage_is_a_percentage_or_an_amount_never_both() -> None:
    with pytest.raises(AdvantageError):
        promo(amount_off=eur(100))
    with pytest.raises(AdvantageError):
        promo(access_code="")
    with pytest.raises(OrderError):
        CartLine(
            "L", "P", LineKind.SEAT, "C", "A", eur(100), 550, "x", seat_id="S", discount=eur(101)
        )
