"""The waiting account: sales paid on a company's account and their refunds, read from the
records alone; a refund goes back to the account, never in cash, so no balance is negative."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.accounts import CompanyNeeded, balances, company_of, reference
from domain.ledger import totals
from domain.refunds import correction_record, plan_correction
from tests.domain.test_refunds import AT, _sale


def test_a_reference_names_its_company_tidied() -> None:
    assert reference("  Acme   SA ") == "account:Acme SA"
    assert company_of("account:Acme SA") == "Acme SA"
    assert company_of("cheque") is None and company_of("account:") is None
    with pytest.raises(CompanyNeeded):
        reference("   ")


@given(
    prices=st.lists(st.integers(100, 20000), min_size=1, max_size=4),
    refunds=st.data(),
)
def test_the_balance_is_what_was_put_on_account_less_what_went_back_to_it(
    prices: list[int], refunds: st.DataObject
) -> None:
    full = sum(prices) + 200
    sale = _sale(prices, tenders=[("other", full)])
    sale["tenders"][0]["reference"] = "account:Acme"  # type: ignore[index]
    records: list[dict[str, object]] = [sale]
    left = list(range(1, len(prices) + 1))
    done: list[dict[str, object]] = []
    while left and refunds.draw(st.booleans()):
        chosen = refunds.draw(st.lists(st.sampled_from(left), min_size=1, unique=True))
        plan = plan_correction(sale, done, chosen, same_session=False)
        assert {(r.method, r.reference) for r in plan.returns} == {("other", "account:Acme")}
        record = correction_record(
            plan, correction_id=f"c{len(done)}", at=AT, till="G1", session="S1",
            operator="op", reason="x",
        )  # fmt: skip
        done.append(record)
        left = [n for n in left if n not in chosen]
    records += done
    owed = balances(records)["Acme"]
    assert 0 <= owed.minor <= full
    given_back = sum(r["total"]["minor"] for r in done)  # type: ignore[index]
    assert owed.minor == full - given_back
    assert totals(records).tender("account:Acme") == owed  # the X report's row agrees
    assert totals(records).tender("cash").is_zero
