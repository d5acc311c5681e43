"""The one ledger: totals from the journal's records only.

The sales are made by the domain (`make_order`, `sale_record`), the expected figures are
written out by hand (or, in the property, summed from what the test generated), never by
reading the records back the way the ledger does.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.ledger import (
    CANCELLATION,
    CASH_IN,
    CASH_OUT,
    REFUND,
    LedgerError,
    Selection,
    cash_movement_record,
    correction_record,
    totals,
    totals_record,
)
from domain.money import Money
from domain.orders import TenderMethod
from tests.till_records import AT, closing, eur, line, opening, sale

EUR = "EUR"


def test_a_session_adds_up_per_tender_rate_and_performance() -> None:
    s1 = sale("a", [line(1, "25.00"), line(2, "30.00", "P2")], first_ticket=10, fee="1.00")
    s2 = sale("b", [line(3, "40.00", "P2")], [(TenderMethod.CARD, "15.00")], first_ticket=12)
    s3 = sale("c", [line(4, "12.00", vat=2000)], [(TenderMethod.OTHER, "12.00")], first_ticket=13)
    records = [
        opening("S1", "150.00"),
        s1,
        s2,
        cash_movement_record(CASH_OUT, AT, "G1", "S1", "Ann", "op", eur("20.00"), "bank"),
        cash_movement_record(CASH_IN, AT, "G1", "S1", "Ann", "op", eur("5.00"), "change"),
        s3,
        {"type": "reprint", "at": AT.isoformat(), "till": "G1", "ticket": 12},
        {"type": "drawer_opened", "reason": "no_sale", "at": AT.isoformat(), "till": "G1"},
        {"type": "print", "at": AT.isoformat(), "till": "G1", "ticket": 12},
    ]
    t = totals(records, Selection(session="S1"))
    assert t.sales.count == 3 and t.sales.amount == eur("108.00")
    assert t.net_total == eur("108.00")
    assert t.tender("cash") == eur("81.00")  # 56.00 + 25.00
    assert t.tender("card") == eur("15.00")
    assert t.tender("cheque") == eur("12.00")
    assert t.tender("voucher") == eur("0.00")
    assert t.expected_cash == eur("216.00")  # 150 + 81 - 20 + 5
    assert t.expected() == {"cash": eur("216.00"), "card": eur("15.00"), "cheque": eur("12.00")}
    by_rate = {v.rate_bp: v for v in t.vat}
    assert by_rate[550].gross == eur("95.00") and by_rate[2000].gross == eur("13.00")
    assert all(v.net + v.vat == v.gross for v in t.vat)
    by_show = {p.performance: (p.tickets, p.gross) for p in t.performances}
    assert by_show == {"P1": (2, eur("37.00")), "P2": (2, eur("70.00"))}
    assert t.fees == eur("1.00")
    assert t.reprints == 1 and t.drawer_openings_without_sale == 1
    assert (t.first_ticket, t.last_ticket, t.tickets_issued) == (10, 13, 4)
    assert t.cash_out.amount == eur("20.00") and t.cash_in.count == 1
    assert t.sessions == ("S1",)


def test_corrections_are_new_entries_that_reverse_what_they_name() -> None:
    s1 = sale("a", [line(1, "25.00"), line(2, "30.00", "P2")], [(TenderMethod.CARD, "55.00")])
    s2 = sale("b", [line(3, "40.00", "P2")], first_ticket=3)
    cancel = correction_record(
        CANCELLATION, s1, correction_id="x1", at=AT, session="S1", operator="Ann",
        reason="wrong seats",
    )  # fmt: skip
    refund = correction_record(
        REFUND, s2, correction_id="x2", at=AT, session="S1", operator="Ann",
        reason="performance cancelled", tickets=[9],
    )  # fmt: skip
    assert cancel["original_tickets"] == [1, 2] and cancel["sale"] == "a"
    t = totals([opening("S1", "0.00"), s1, s2, cancel, refund])
    assert t.sales.amount == eur("95.00")
    assert (t.cancellations.count, t.cancellations.amount) == (1, eur("55.00"))
    assert (t.refunds.count, t.refunds.amount) == (1, eur("40.00"))
    assert t.net_total.is_zero and t.tender("card").is_zero and t.tender("cash").is_zero
    assert all(v.gross.is_zero for v in t.vat)
    assert all(p.tickets == 0 and p.gross.is_zero for p in t.performances)
    assert t.last_ticket == 9  # the refund's own ticket


def test_training_records_never_count() -> None:
    real = sale("a", [line(1, "25.00")])
    training = {**sale("b", [line(2, "99.00")], first_ticket=2), "training": True}
    t = totals([opening("S1", "10.00"), real, training])
    assert t.sales.count == 1 and t.net_total == eur("25.00") and t.last_ticket == 1


def test_records_without_a_session_belong_to_the_one_open_on_their_till() -> None:
    def reprint(at: datetime) -> dict[str, object]:
        return {"type": "reprint", "at": at.isoformat(), "till": "G1", "ticket": 1}

    records = [
        opening("S1", "0.00"),
        reprint(AT),
        closing("S1"),
        reprint(AT),  # between sessions: no session's
        opening("S2", "0.00"),
        reprint(AT),
        reprint(AT),
        {"type": "reprint", "at": AT.isoformat(), "till": "G2", "ticket": 1},  # another till
    ]
    assert totals(records, Selection(session="S1")).reprints == 1
    assert totals(records, Selection(session="S2")).reprints == 2
    assert totals(records, Selection(till="G1")).reprints == 4
    assert totals(records).reprints == 5


def test_a_period_is_start_inclusive_end_exclusive() -> None:
    day = timedelta(days=1)
    records = [sale(str(i), [line(i, "10.00")], first_ticket=i, at=AT + i * day) for i in range(4)]
    t = totals(records, Selection(start=AT + day, end=AT + 3 * day))
    assert t.sales.count == 2 and (t.first_ticket, t.last_ticket) == (1, 2)
    assert t.first_at == AT + day and t.last_at == AT + 2 * day
    with pytest.raises(LedgerError):
        Selection(start=datetime(2026, 1, 1))


def test_money_in_another_currency_is_refused_not_added() -> None:
    odd = {**opening("S1", "0.00"), "float": {"amount_minor": 100, "currency": "CHF"}}
    with pytest.raises(LedgerError, match="CHF"):
        totals([odd])


def test_the_totals_record_is_journal_values() -> None:
    t = totals([opening("S1", "150.00"), sale("a", [line(1, "25.00")])])
    record = totals_record(t)
    assert record["expected_cash"] == {"minor": 17500, "currency": EUR}
    assert record["net_total"] == {"minor": 2500, "currency": EUR}


amounts = st.integers(min_value=1, max_value=50_000)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.tuples(amounts, st.sampled_from(["P1", "P2", "P3"])), min_size=1,
                     max_size=4),
            st.sampled_from([TenderMethod.CASH, TenderMethod.CARD, TenderMethod.VOUCHER]),
            st.booleans(),  # cancelled afterwards
        ),
        max_size=25,
    )
)  # fmt: skip
def test_totals_agree_with_what_was_sold(
    sales: list[tuple[list[tuple[int, str]], TenderMethod, bool]],
) -> None:
    records: list[dict[str, object]] = [opening("S1", "100.00")]
    kept_by_method: dict[str, int] = {}
    kept_by_show: dict[str, int] = {}
    ticket = 1
    for n, (prices, method, cancelled) in enumerate(sales):
        lines = [
            line(ticket + i, str(Money(p, EUR).to_decimal()), show)
            for i, (p, show) in enumerate(prices)
        ]
        total = sum(p for p, _ in prices)
        pay = [] if method is TenderMethod.CASH else [(method, str(Money(total, EUR).to_decimal()))]
        record = sale(f"s{n}", lines, pay, first_ticket=ticket)
        ticket += len(prices)
        records.append(record)
        if cancelled:
            records.append(
                correction_record(CANCELLATION, record, correction_id=f"c{n}", at=AT,
                                  session="S1", operator="Ann", reason="r")
            )  # fmt: skip
        else:
            kept_by_method[method.value] = kept_by_method.get(method.value, 0) + total
            for p, show in prices:
                kept_by_show[show] = kept_by_show.get(show, 0) + p
    t = totals(records, Selection(session="S1"))
    assert t.net_total.minor == sum(kept_by_method.values())
    for method in ("cash", "card", "voucher"):
        assert t.tender(method).minor == kept_by_method.get(method, 0)
    assert {p.performance: p.gross.minor for p in t.performances if p.gross.minor} == {
        k: v for k, v in kept_by_show.items() if v
    }
    assert sum(v.gross.minor for v in t.vat) == t.net_total.minor
    assert t.expected_cash.minor == 10_000 + kept_by_method.get("cash", 0)
    assert t.cancellations.count == sum(1 for *_, c in sales if c)
