"""Exchanges on the demo till's real database: a ticket of a paid order given back for a seat
of another performance, the difference paid or handed back in cash in one operation; the old
barcode void, the old seat on sale again, the new tickets sold; the journal's refund + sale
pair read by the X report; and bad input (a seat sold already, too little cash, seats lost
after the refund part is written, the same ticket twice) refused with nothing half done."""

from __future__ import annotations

import pytest

from app.services.after_sale import BarcodeVoided
from app.services.exchanges import CartEmpty, CashShort, ExchangeServices
from app.services.selling import SeatsLost, SeatsUnavailable
from domain.exchanges import EXCHANGE
from domain.ledger import totals
from domain.money import Money
from domain.refunds import AlreadyRefunded
from tests.services.test_after_sale import (  # noqa: F401 (the fixtures)
    Till,
    _card_sale,
    _cash_sale,
    _seats,
    template,
    till,
)


def _exchanges(station: Till) -> ExchangeServices:
    return ExchangeServices(station.selling, station.after)


def _cart(station: Till, performance: str, n: int = 1) -> str:
    view = station.selling.add_seats(
        station.selling.open_cart().cart.id, performance, _seats(station, performance, n)
    )
    return view.cart.id


def test_a_ticket_exchanged_for_two_seats_of_another_date_paying_the_difference_in_cash(
    till: Till,  # noqa: F811
) -> None:
    sale = _card_sale(till, 2, "P-MIS-2")
    kept, back = sale.order.tickets
    journal_before = len(till.journal())
    cart = _cart(till, "P-MIS-3", 2)
    exchanges = _exchanges(till)
    quote = exchanges.quote(sale.order.id, [back.number], cart)
    assert quote.credit == back.price and quote.to_pay == quote.due - back.price
    given = quote.to_pay + Money.of("5.00", "EUR")
    result = exchanges.exchange(
        sale.order.id, [back.number], cart, "another date", till.operator("OP-CASHIER"),
        cash_given=given,
    )  # fmt: skip
    assert result.change == Money.of("5.00", "EUR")
    # One operation: a refund and a sale, sharing the exchange's id, nothing else.
    records = till.journal()[journal_before:]
    assert [r["type"] for r in records] == ["refund", "sale"]
    refund, new_sale = records
    assert refund["exchange"] == new_sale["exchange"] == result.exchange_id
    assert refund["original_tickets"] == [back.number]
    assert [(t["method"], t["reference"]) for t in refund["tenders"]] == [("other", EXCHANGE)]  # type: ignore[union-attr]
    # The old barcode is void, its seat on sale again; the new tickets are sold.
    with pytest.raises(BarcodeVoided) as voided:
        till.after.check_barcode(back.barcode)
    assert voided.value.why == "exchanged"
    with till.services.uow_factory(read_only=True) as uow:
        old_owners = uow.seat_states.owners("P-MIS-2", till.clock.now())
        new_owners = uow.seat_states.owners("P-MIS-3", till.clock.now())
    assert back.seat_id not in old_owners and old_owners[kept.seat_id] == sale.order.id  # type: ignore[index]
    new_tickets = result.sale.order.tickets
    assert len(new_tickets) == 2
    assert all(new_owners[t.seat_id] == result.sale.order.id for t in new_tickets)  # type: ignore[index]
    assert till.after.check_barcode(new_tickets[0].barcode).number == new_tickets[0].number
    # The ledger: the exchange tender nets to zero, the cash drawer gained the difference,
    # the card kept what it paid for the ticket kept; the X report agrees.
    report = totals(till.journal())
    assert report.tender(EXCHANGE).is_zero
    assert report.tender("cash") == quote.to_pay
    assert report.tender("card") == sale.order.total
    x = till.services.x_report().totals
    assert x.tender("cash") == quote.to_pay and x.refunds.count == 1 and x.sales.count == 2
    # The order shows the ticket exchanged.
    assert [t.state for t in till.after.order(sale.order.id).tickets] == ["valid", "exchanged"]


def test_a_cheaper_ticket_gives_the_difference_back_in_cash(
    till: Till,  # noqa: F811
) -> None:
    sale = _cash_sale(till, 2, "P-MIS-2")
    cart = _cart(till, "P-MIS-3", 1)
    exchanges = _exchanges(till)
    both = [t.number for t in sale.order.tickets]
    quote = exchanges.quote(sale.order.id, both, cart)
    assert quote.to_give_back.minor > 0 and quote.to_pay.is_zero
    result = exchanges.exchange(sale.order.id, both, cart, "one seat", till.operator("OP-CASHIER"))
    assert result.change == quote.to_give_back
    assert till.drawer == ["open"]  # the cash handed back
    report = totals(till.journal())
    assert report.tender("cash") == sale.order.total - quote.to_give_back == quote.due
    assert report.tender(EXCHANGE).is_zero


def test_a_sold_seat_too_little_cash_lost_seats_or_a_ticket_twice_change_nothing(
    till: Till,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sale = _cash_sale(till, 2, "P-MIS-2")
    back = sale.order.tickets[1]
    exchanges = _exchanges(till)
    operator = till.operator("OP-CASHIER")
    with pytest.raises(CartEmpty):
        exchanges.quote(sale.order.id, [back.number], till.selling.open_cart().cart.id)
    # A seat already sold (sold out, as far as this seat goes): refused when picked.
    with pytest.raises(SeatsUnavailable):
        till.selling.add_seats(
            till.selling.open_cart().cart.id, "P-MIS-2", [sale.order.tickets[0].seat_id]
        )  # type: ignore[list-item]
    before = till.journal()
    cart = _cart(till, "P-MIS-3", 1)
    dearer = exchanges.quote(sale.order.id, [back.number], cart)
    with pytest.raises(CashShort):
        exchanges.exchange(sale.order.id, [back.number], cart, "x", operator,
                           cash_given=dearer.to_pay - Money(1, "EUR"))  # fmt: skip

    # The cart's seats lost after the refund part is written: the whole exchange rolls back.
    def lost(*args: object, **kwargs: object) -> None:
        raise SeatsLost(["PAR-A-1"])

    monkeypatch.setattr(till.selling, "record_sale", lost)
    with pytest.raises(SeatsLost):
        exchanges.exchange(sale.order.id, [back.number], cart, "x", operator,
                           cash_given=dearer.to_pay)  # fmt: skip
    monkeypatch.undo()
    assert till.journal() == before
    assert [t.state for t in till.after.order(sale.order.id).tickets] == ["valid", "valid"]
    assert till.after.check_barcode(back.barcode).number == back.number
    with till.services.uow_factory(read_only=True) as uow:
        assert back.seat_id in uow.seat_states.owners("P-MIS-2", till.clock.now())
    # Once exchanged (the same cart, still held), the same ticket is refused by name.
    exchanges.exchange(sale.order.id, [back.number], cart, "x", operator, cash_given=dearer.to_pay)
    with pytest.raises(AlreadyRefunded):
        exchanges.quote(sale.order.id, [back.number], _cart(till, "P-MIS-3", 1))
