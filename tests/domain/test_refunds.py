"""The refund rules: each ticket given back once, the money back to the tenders it came from,
never more than was paid (per tender, in all, and in VAT per rate) whatever the sequence of
partial refunds; the ledger reads the records as the reversal of the sale."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.ledger import CANCELLATION, REFUND, totals
from domain.money import Money
from domain.orders import (
    Cart,
    CartLine,
    LineKind,
    PaymentPlan,
    TenderMethod,
    Ticket,
    make_order,
    sale_record,
)
from domain.refunds import (
    AlreadyRefunded,
    NoTicketChosen,
    NotInThisSale,
    ReasonNeeded,
    RefundTooLarge,
    correction_record,
    needs_approval,
    plan_correction,
    ticket_lines,
)

AT = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)
EUR = "EUR"


def _eur(minor: int) -> Money:
    return Money(minor, EUR)


def _sale(
    prices: Sequence[int],
    tenders: Sequence[tuple[str, int]] | None = None,
    fee: int = 200,
    standing: int = 0,
) -> dict[str, object]:
    """A sale record: one seat line per price (+ one standing line of ``standing`` places at
    15.00), paid by ``tenders`` (method, minor) or all by card."""
    lines = [
        CartLine(
            f"L{i}", "P1", LineKind.SEAT, "CAT1", "FULL", _eur(p), 550, "Show", seat_id=f"S{i}"
        )
        for i, p in enumerate(prices)
    ]
    if standing:
        lines.append(
            CartLine("LG", "P1", LineKind.STANDING, "GA", "FULL", _eur(1500), 2000, "Show",
                     zone_id="GA", quantity=standing)
        )  # fmt: skip
    cart = Cart("c", "G1", EUR, tuple(lines))
    due = cart.subtotal() + _eur(fee)
    plan = PaymentPlan(due)
    for method, minor in tenders or [("card", due.minor)]:
        if method == "cash":
            plan = plan.cash(_eur(minor))
        else:
            plan = plan.other(TenderMethod(method), _eur(minor), f"ref-{method}")
    tickets = []
    number = 1
    for line in lines:
        for _ in range(line.quantity):
            tickets.append(
                Ticket(number, f"B{number}", line.id, "P1", line.category, line.audience,
                       line.unit_price, line.seat_id, line.zone_id)
            )  # fmt: skip
            number += 1
    order = make_order("sale-1", cart, _eur(fee), 550, plan, tickets,
                       session_id="S1", operator_id="op", at=AT)  # fmt: skip
    return sale_record(order)


def _record(sale: dict[str, object], corrections: list[dict[str, object]], tickets: list[int],
            same_session: bool = False) -> dict[str, object]:  # fmt: skip
    plan = plan_correction(sale, corrections, tickets, same_session=same_session)
    return correction_record(
        plan, correction_id=f"c{len(corrections)}", at=AT, till="G1", session="S1",
        operator="op", reason="lost",
    )  # fmt: skip


def test_one_ticket_of_two_goes_back_to_the_card_without_the_fee() -> None:
    sale = _sale([2500, 3000])
    plan = plan_correction(sale, [], [2], same_session=True)
    assert plan.kind == REFUND  # not every ticket: a refund, not a cancellation
    assert plan.total == _eur(3000) and plan.fee.is_zero
    assert [(r.method, r.amount) for r in plan.returns] == [("card", _eur(3000))]
    assert plan.lines[0]["quantity"] == 1 and plan.lines[0]["seat"] == "S1"


def test_every_ticket_at_once_in_the_same_session_is_a_cancellation_with_the_fee() -> None:
    sale = _sale([2500, 3000])
    plan = plan_correction(sale, [], [1, 2], same_session=True)
    assert plan.kind == CANCELLATION and plan.completes
    assert plan.total == _eur(5700) and plan.fee == _eur(200)
    assert plan_correction(sale, [], [1, 2], same_session=False).kind == REFUND


def test_the_last_tickets_bring_the_fee_back_with_them() -> None:
    sale = _sale([2500, 3000])
    first = _record(sale, [], [1])
    plan = plan_correction(sale, [first], [2], same_session=True)
    assert plan.kind == REFUND and plan.fee == _eur(200) and plan.total == _eur(3200)


def test_bad_input_is_refused_by_name() -> None:
    sale = _sale([2500, 3000])
    first = _record(sale, [], [1])
    with pytest.raises(AlreadyRefunded) as again:
        plan_correction(sale, [first], [1, 2], same_session=False)
    assert again.value.numbers == (1,)
    with pytest.raises(NotInThisSale):
        plan_correction(sale, [], [7], same_session=False)
    with pytest.raises(NoTicketChosen):
        plan_correction(sale, [], [], same_session=False)
    with pytest.raises(ReasonNeeded):
        correction_record(plan_correction(sale, [], [1], same_session=False),
                          correction_id="x", at=AT, till="G1", session="S1", operator="op",
                          reason="  ")  # fmt: skip


def test_money_goes_back_card_first_then_cash_and_a_cheque_in_cash() -> None:
    sale = _sale([2500, 3000], [("other", 1000), ("cash", 2700), ("card", 2000)])
    plan = plan_correction(sale, [], [1, 2], same_session=False)
    assert [(r.original_method, r.method, r.amount.minor) for r in plan.returns] == [
        ("card", "card", 2000),
        ("cash", "cash", 2700),
        ("other", "cash", 1000),
    ]


def test_a_standing_line_gives_back_some_of_its_places() -> None:
    sale = _sale([2500], standing=3)
    assert ticket_lines(sale) == {1: 0, 2: 1, 3: 1, 4: 1}
    plan = plan_correction(sale, [], [3, 4], same_session=False)
    assert plan.lines[0]["quantity"] == 2 and plan.total == _eur(3000)
    assert [v.rate_bp for v in plan.vat] == [2000]


def test_the_ledger_reads_the_records_as_the_reversal_of_the_sale() -> None:
    sale = _sale([2500, 3000], [("cash", 2700), ("card", 3000)])
    corrections = [_record(sale, [], [2])]
    corrections.append(_record(sale, corrections, [1]))
    result = totals([sale, *corrections])
    assert result.net_total.is_zero
    assert result.refunds.count == 2
    assert all(t.net.is_zero for t in result.tenders)
    assert all(v.gross.is_zero and v.vat.is_zero for v in result.vat)
    assert result.fees.is_zero


def test_the_threshold_asks_a_supervisor_only_above_it() -> None:
    assert not needs_approval(_eur(5000), _eur(5000))
    assert needs_approval(_eur(5001), _eur(5000))
    assert not needs_approval(_eur(10**9), None)


@settings(max_examples=150, deadline=None)
@given(
    prices=st.lists(st.integers(1, 20_000), min_size=1, max_size=6),
    standing=st.integers(0, 4),
    fee=st.integers(0, 500),
    split=st.lists(st.sampled_from(["cash", "card", "voucher", "other"]), min_size=1, max_size=3),
    data=st.data(),
)
def test_no_sequence_of_partial_refunds_gives_back_more_than_was_paid(
    prices: list[int], standing: int, fee: int, split: list[str], data: st.DataObject
) -> None:
    due = sum(prices) + 1500 * standing + fee
    parts = [due // len(split)] * len(split)
    parts[-1] += due - sum(parts)
    tenders = [(m, p) for m, p in zip(split, parts, strict=True) if p > 0]
    sale = _sale(prices, tenders, fee=fee, standing=standing)
    numbers = list(ticket_lines(sale))
    left = list(numbers)
    corrections: list[dict[str, object]] = []
    while left:
        chosen = data.draw(st.lists(st.sampled_from(left), min_size=1, unique=True))
        if data.draw(st.booleans()) and corrections:  # a ticket given back twice: refused
            with pytest.raises(AlreadyRefunded):
                _record(sale, corrections, [*chosen, _first_back(corrections)])
        corrections.append(_record(sale, corrections, chosen))
        left = [n for n in left if n not in chosen]
        # Per tender, never more than it paid; in all, never more than the sale.
        back = [0] * len(tenders)
        for record in corrections:
            for t in record["tenders"]:  # type: ignore[union-attr]
                back[t["original_tender"]] += t["amount"]["minor"]
        assert all(b <= p for b, (_, p) in zip(back, tenders, strict=True))
        result = totals([sale, *corrections])
        assert not result.net_total.is_negative
        assert all(not v.vat.is_negative and not v.gross.is_negative for v in result.vat)
    result = totals([sale, *corrections])
    assert result.net_total.is_zero  # all given back: exactly what was paid
    assert all(v.vat.is_zero and v.gross.is_zero for v in result.vat)


def _first_back(corrections: list[dict[str, object]]) -> int:
    return int(corrections[0]["original_tickets"][0])  # type: ignore[index]


def test_more_than_the_tenders_have_left_is_refused() -> None:
    sale = _sale([2500, 3000])
    sale["tenders"][0]["amount"]["minor"] = 1000  # type: ignore[index]  # a record paid short
    with pytest.raises(RefundTooLarge) as caught:
        plan_correction(sale, [], [2], same_session=False)
    assert caught.value.left == _eur(1000) and caught.value.asked == _eur(3000)
