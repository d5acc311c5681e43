"""The ledger's rows per performance and tariff (the settlement's): each record's VAT at a rate
shared over its lines at that rate, so that the rows' VAT and the fees' add up to the VAT
totals to the cent. Expected figures are worked out by hand."""

from __future__ import annotations

from dataclasses import replace

from domain.ledger import CANCELLATION, TariffTotal, correction_record, totals
from domain.money import Money
from domain.orders import TenderMethod
from tests.domain.test_ledger import AT, eur, line, sale


def test_each_tariff_of_each_performance_has_its_tickets_gross_and_share_of_vat() -> None:
    reduced = replace(line(2, "10.00"), audience="REDUIT")
    a = sale("a", [line(1, "25.00"), reduced, line(3, "25.00", "P2")], fee="1.00")
    t = totals([a])
    # 5.5 %: gross 60.00, VAT round(6000 * 550 / 10550) = 3.13, shared 25:10:25 as 130.42,
    # 52.17 and 130.42 cents: the cent left goes to the first of the largest remainders.
    assert t.tariffs == (
        TariffTotal("P1", "FULL", 1, eur("25.00"), eur("1.31")),
        TariffTotal("P1", "REDUIT", 1, eur("10.00"), eur("0.52")),
        TariffTotal("P2", "FULL", 1, eur("25.00"), eur("1.30")),
    )
    assert t.fees_vat == eur("0.17")  # 20 % in 1.00
    vat_total = sum((v.vat for v in t.vat), Money.zero("EUR"))
    assert sum((x.vat for x in t.tariffs), t.fees_vat) == vat_total


def test_a_cancellation_takes_its_tickets_and_vat_back_from_the_tariff() -> None:
    a = sale("a", [line(1, "25.00"), line(2, "25.00")], [(TenderMethod.CARD, "50.00")])
    cancel = correction_record(
        CANCELLATION, a, correction_id="c", at=AT, session="S1", operator="op", reason="error"
    )
    t = totals([a, cancel])
    assert t.tariffs == (TariffTotal("P1", "FULL", 0, eur("0.00"), eur("0.00")),)
    assert t.fees_vat == eur("0.00")
