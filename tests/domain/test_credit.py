"""A refund onto a credit balance (avoir): the same money per original tender, all by the tender
"voucher" onto the new code; never negative, never more than the plain refund."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from domain.credit import PREFIX, credit_code, is_credit_code, to_credit_balance
from domain.refunds import plan_correction
from tests.domain.test_refunds import _sale


def test_a_credit_code_is_recognised_by_its_prefix() -> None:
    code = credit_code("ABCDEFGHIJKLMNOPQRST")
    assert code == PREFIX + "ABCDEFGHIJKLMNOP" and is_credit_code(code)
    assert not is_credit_code("GIFT-2026-0001")


@given(
    prices=st.lists(st.integers(100, 20000), min_size=1, max_size=4),
    card_share=st.integers(0, 100),
    pick=st.data(),
)
def test_the_credit_is_the_refund_per_original_tender(
    prices: list[int], card_share: int, pick: st.DataObject
) -> None:
    full = sum(prices) + 200
    card = full * card_share // 100
    sale = _sale(prices, tenders=[(m, a) for m, a in (("card", card), ("cash", full - card)) if a])
    chosen = pick.draw(
        st.lists(st.sampled_from(range(1, len(prices) + 1)), min_size=1, unique=True)
    )
    plain = plan_correction(sale, [], chosen, same_session=False)
    credit = to_credit_balance(plain, "AV-X")
    assert {r.method for r in credit.returns} == {"voucher"}
    assert {r.reference for r in credit.returns} == {"AV-X"}
    assert [(r.original, r.amount) for r in credit.returns] == [
        (r.original, r.amount) for r in plain.returns
    ]
    assert all(r.amount.minor > 0 for r in credit.returns)
    assert credit.by("voucher") == plain.total == credit.total
