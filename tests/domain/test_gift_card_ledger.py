"""A gift card sold or topped up is a liability, not revenue: the ledger counts its cash in the
drawer and the value apart, and no sale, VAT or net total until the card is spent."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.ledger import GIFT_CARD_SALE, TOP_UP, LedgerError, gift_card_record, totals
from domain.money import Money

AT = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)


def _eur(minor: int) -> Money:
    return Money(minor, "EUR")


def _cash(minor: int) -> list[dict[str, object]]:
    return [{"method": "cash", "amount": {"minor": minor, "currency": "EUR"}, "reference": ""}]


def _record(kind: str, minor: int) -> dict[str, object]:
    return gift_card_record(kind, AT, "G1", "S1", "Camille", "GC-1", _eur(minor), _cash(minor))


@given(st.lists(st.tuples(st.sampled_from([GIFT_CARD_SALE, TOP_UP]), st.integers(1, 50000))))
def test_gift_cards_sold_and_topped_up_count_in_the_drawer_never_as_revenue(
    movements: list[tuple[str, int]],
) -> None:
    report = totals([_record(kind, minor) for kind, minor in movements])
    sold = sum(m for k, m in movements if k == GIFT_CARD_SALE)
    topped = sum(m for k, m in movements if k == TOP_UP)
    assert report.sales.count == 0 and report.net_total.is_zero and report.vat == ()
    assert report.tender("cash") == _eur(sold + topped) == report.expected_cash
    assert report.gift_cards_sold is not None and report.top_ups is not None
    assert report.gift_cards_sold.amount == _eur(sold)
    assert report.top_ups.amount == _eur(topped)
    assert report.gift_cards_sold.count + report.top_ups.count == len(movements)


def test_nothing_or_another_kind_is_refused() -> None:
    with pytest.raises(LedgerError):
        _record(GIFT_CARD_SALE, 0)
    with pytest.raises(LedgerError):
        _record("sale", 100)
