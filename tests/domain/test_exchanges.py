"""An exchange's money: the returned tickets' value carried into the new sale, the rest paid or
handed back in cash; the money in at the till is exactly the difference, nothing is ever
negative, and the ledger reads the refund + sale pair with the "exchange" tender at zero."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from domain.exchanges import EXCHANGE, plan_exchange
from domain.ledger import totals
from domain.money import Money
from domain.refunds import correction_record, plan_correction
from tests.domain.test_refunds import _sale

AT = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)


def _eur(minor: int) -> Money:
    return Money(minor, "EUR")


def test_a_dearer_seat_is_paid_the_difference_and_a_cheaper_one_gives_it_back() -> None:
    sale = _sale([2500, 3000], tenders=[("cash", 5700)])
    back = plan_correction(sale, [], [1], same_session=False)  # 25.00
    dearer = plan_exchange(back, _eur(4000))
    assert (dearer.carried, dearer.to_pay, dearer.to_give_back) == (_eur(2500), _eur(1500), _eur(0))
    assert [(r.method, r.reference, r.amount) for r in dearer.returns] == [
        ("other", EXCHANGE, _eur(2500))
    ]
    cheaper = plan_exchange(back, _eur(1000))
    assert (cheaper.carried, cheaper.to_pay, cheaper.to_give_back) == (
        _eur(1000),
        _eur(0),
        _eur(1500),
    )
    assert [(r.method, r.amount) for r in cheaper.returns] == [
        ("other", _eur(1000)),
        ("cash", _eur(1500)),
    ]
    assert cheaper.difference == _eur(-1500) and dearer.difference == _eur(1500)


@given(
    prices=st.lists(st.integers(100, 20000), min_size=1, max_size=4),
    card_share=st.integers(0, 100),
    pick=st.data(),
    due=st.integers(0, 60000),
)
def test_the_money_in_is_the_difference_and_the_ledger_nets_the_exchange_tender(
    prices: list[int], card_share: int, pick: st.DataObject, due: int
) -> None:
    full = sum(prices) + 200
    card = full * card_share // 100
    tenders = [(m, a) for m, a in (("card", card), ("cash", full - card)) if a > 0]
    sale = _sale(prices, tenders=tenders)
    numbers = list(range(1, len(prices) + 1))
    chosen = pick.draw(st.lists(st.sampled_from(numbers), min_size=1, unique=True))
    back = plan_correction(sale, [], chosen, same_session=False)
    plan = plan_exchange(back, _eur(due))
    # Never negative, and exactly the difference comes in.
    for amount in (plan.carried, plan.to_pay, plan.to_give_back, *[r.amount for r in plan.returns]):
        assert amount.minor >= 0
    assert plan.difference == _eur(due) - back.total
    assert sum(r.amount.minor for r in plan.returns) == back.total.minor
    assert sum(r.amount.minor for r in plan.returns if r.method == "other") == plan.carried.minor
    # Each part stays within the original tender it comes from.
    for index, tender in enumerate(sale["tenders"]):  # type: ignore[arg-type]
        taken = sum(r.amount.minor for r in plan.returns if r.original == index)
        assert taken <= tender["amount"]["minor"]
    # The ledger, from the records alone (an oracle: the sums here, not the ledger's rows).
    refund = correction_record(
        replace(back, returns=plan.returns), correction_id="c1", at=AT, till="G1",
        session="S1", operator="op", reason="exchange",
    )  # fmt: skip
    new_sale = {
        "type": "sale", "at": AT.isoformat(), "till": "G1", "session": "S1", "sale": "s2",
        "lines": [], "vat": [], "fee": {"minor": 0, "currency": "EUR", "vat_rate_bp": 0},
        "total": {"minor": due, "currency": "EUR"}, "tickets": [],
        "tenders": [
            {"method": m, "amount": {"minor": a, "currency": "EUR"}, "reference": ref}
            for m, a, ref in (("other", plan.carried.minor, EXCHANGE),
                              ("cash", plan.to_pay.minor, ""))
            if a > 0
        ],
    }  # fmt: skip
    report = totals([sale, refund, new_sale])
    exchange_rows = [t for t in report.tenders if t.key == EXCHANGE]
    assert all(t.net.is_zero for t in exchange_rows)
    cash_before = sum(a for m, a in tenders if m == "cash")
    assert report.tender("cash").minor == cash_before + plan.difference.minor
