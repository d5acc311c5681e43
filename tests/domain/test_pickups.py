"""Orders placed elsewhere and picked up at the box office (`domain.pickups`): one paid where
it was placed is collected with no money; one placed to be paid at the box office only with a
settled cash payment of what is due, and its journal record carries the tenders, which the
ledger counts in the session's takings (the drawer) and apart, never as revenue."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.ledger import totals
from domain.money import Money
from domain.orders import PaymentPlan, TenderMethod
from domain.pickups import (
    AlreadyCollected,
    PickupCashShort,
    PickupError,
    PickupNothingDue,
    PickupOrder,
    PickupState,
    PickupTicket,
    collect,
    pickup_record,
)

AT = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)


def _eur(text: str) -> Money:
    return Money.of(text, "EUR")


def _order(total: str = "54.00", due: str | None = None, number: str = "P-000003") -> PickupOrder:
    price = _eur(total).split(2)
    return PickupOrder(
        number=number,
        sale_id=f"sale-{number}",
        channel="PHONE" if due else "WEB",
        customer="Jean Martin",
        placed_at=AT,
        tickets=tuple(
            PickupTicket(10 + n, f"BARCODE{n}", "P-MIS-2", "CAT2", "FULL", price[n], f"S{n}")
            for n in range(2)
        ),
        total=_eur(total),
        due=_eur(due) if due else Money.zero("EUR"),
    )


def test_an_order_paid_where_it_was_placed_is_collected_without_money() -> None:
    order = _order()
    assert order.due == Money.zero("EUR")
    done = collect(order, "G1", AT)
    assert done.state is PickupState.COLLECTED and done.collected_by == "G1"
    record = pickup_record(done, "G1", "OP", "S1", AT)
    assert record["tenders"] == [] and record["due"] == {"minor": 0, "currency": "EUR"}
    with pytest.raises(PickupNothingDue):
        collect(order, "G1", AT, PaymentPlan(_eur("54.00")).exact_cash())
    with pytest.raises(AlreadyCollected):
        collect(done, "G1", AT)


def test_an_order_to_pay_here_is_collected_only_once_paid_and_its_record_carries_the_tenders() -> (
    None
):
    order = _order(due="54.00")
    with pytest.raises(PickupCashShort) as nothing:
        collect(order, "G1", AT)
    assert nothing.value.paid == Money.zero("EUR") and nothing.value.due == _eur("54.00")
    short = PaymentPlan(order.due).cash(_eur("50.00"))
    with pytest.raises(PickupCashShort) as refused:
        collect(order, "G1", AT, short)
    assert refused.value.paid == _eur("50.00")
    with pytest.raises(PickupError, match="another amount"):
        collect(order, "G1", AT, PaymentPlan(_eur("10.00")).exact_cash())

    paid = PaymentPlan(order.due).cash(_eur("60.00"))
    done = collect(order, "G1", AT, paid)
    assert done.state is PickupState.COLLECTED and done.due == _eur("54.00")
    record = pickup_record(done, "G1", "OP", "S1", AT, paid.tenders)
    assert record["due"] == {"minor": 5400, "currency": "EUR"}
    assert record["tenders"] == [
        {
            "method": "cash",
            "amount": {"minor": 5400, "currency": "EUR"},
            "reference": "",
            "given": {"minor": 6000, "currency": "EUR"},
            "change": {"minor": 600, "currency": "EUR"},
        }
    ]
    assert paid.tenders[0].method is TenderMethod.CASH


def test_what_is_due_is_an_amount_of_the_order_in_its_currency() -> None:
    with pytest.raises(PickupError):
        _order(total="54.00", due="60.00")
    with pytest.raises(PickupError):
        _order(due="-1.00")
    chf = PickupOrder("W-1", "s", "WEB", "A", AT, (), Money.of("5.00", "CHF"))
    assert chf.due == Money.zero("CHF")  # the default zero is in the order's currency


@given(st.lists(st.tuples(st.integers(1, 40000), st.booleans(), st.integers(0, 5000)), max_size=8))
def test_the_ledger_counts_what_pick_ups_took_in_the_drawer_never_as_revenue(
    orders: list[tuple[int, bool, int]],
) -> None:
    """Each order: its total, whether it is paid here, the change over the exact amount."""
    records: list[dict[str, object]] = [
        {"type": "session_open", "at": AT.isoformat(), "till": "G1", "session": "S1",
         "float": {"amount_minor": 10000, "currency": "EUR"}},
    ]  # fmt: skip
    for n, (minor, here, extra) in enumerate(orders):
        total = Money(minor, "EUR")
        order = _order(number=f"X-{n}", total=str(total.to_decimal()))
        if here:
            order = replace(order, due=total)
            plan = PaymentPlan(total).cash(total + Money(extra, "EUR"))
            done = collect(order, "G1", AT, plan)
            records.append(pickup_record(done, "G1", "OP", "S1", AT, plan.tenders))
        else:
            records.append(pickup_record(collect(order, "G1", AT), "G1", "OP", "S1", AT))
    report = totals(records)
    taken = sum(m for m, here, _ in orders if here)
    elsewhere = [m for m, here, _ in orders if not here]
    assert report.tender("cash") == Money(taken, "EUR")
    assert report.expected_cash == Money(10000 + taken, "EUR")  # the change went back
    assert report.pickups_paid is not None and report.pickups is not None
    assert report.pickups_paid.count == len(orders) - len(elsewhere)
    assert report.pickups_paid.amount == Money(taken, "EUR")
    assert report.pickups.count == len(elsewhere)
    assert report.pickups.amount == Money(sum(elsewhere), "EUR")
    assert report.pickup_tickets == 2 * len(orders)
    assert report.sales.count == 0 and report.net_total.is_zero and report.vat == ()
    assert report.performances == ()


def test_a_back_office_option_is_matched_by_its_contact_or_file_number_too() -> None:
    option = replace(_order(number="OPT-000001"), contact_number="C-0042", file_number="GRP-17")
    assert all(option.matches(text) for text in ("opt-000001", "c-0042", " grp-17 ", "GRP - 17"))
    assert not option.matches("C-0043") and not option.matches("")
    assert not _order().matches("C-0042")  # a telephone order has neither number
