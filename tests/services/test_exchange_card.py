"""An exchange's difference paid by card on the demo till's real database (the simulated ZVT
terminal): approved, the refund and the new sale are journaled together, the card paid once;
declined or with no answer, nothing is exchanged and the old ticket stays valid; a till
stopped between the card and the record finishes the exchange at the next start when the card
was charged, and gives it up when it was not."""

from __future__ import annotations

import pytest

from app.services.after_sale import RefundUnderWay
from app.services.exchanges import ExchangeDeclined, ExchangeOutcomeUnknown, ExchangeServices
from domain.exchanges import EXCHANGE
from domain.ledger import totals
from tests.services.test_after_sale import (  # noqa: F401 (the fixtures)
    Till,
    _cash_sale,
    template,
    till,
)
from tests.services.test_exchanges import _cart


def _exchange_by_card(till: Till, exchanges: ExchangeServices | None = None):  # type: ignore[no-untyped-def]  # noqa: F811
    """One ticket of a cash sale exchanged for two seats of another date, by card."""
    sale = _cash_sale(till, 2, "P-MIS-2")
    back = sale.order.tickets[1]
    cart = _cart(till, "P-MIS-3", 2)
    exchanges = exchanges or ExchangeServices(till.selling, till.after)
    quote = exchanges.quote(sale.order.id, [back.number], cart)
    assert quote.to_pay.minor > 0
    run = lambda: exchanges.exchange(  # noqa: E731
        sale.order.id, [back.number], cart, "another date", till.operator("OP-CASHIER"), card=True
    )
    return sale, back, cart, quote, run


def _payments_for(till: Till, reference: str):  # type: ignore[no-untyped-def]  # noqa: F811
    with till.services.uow_factory(read_only=True) as uow:
        return uow.payments.for_reference(reference)


def _corrections(till: Till, order_id: str):  # type: ignore[no-untyped-def]  # noqa: F811
    with till.services.uow_factory(read_only=True) as uow:
        return uow.after_sale.corrections(order_id)


def test_the_difference_paid_by_card_exchanges_in_one_record(till: Till) -> None:  # noqa: F811
    sale, _back, cart, quote, run = _exchange_by_card(till)
    before = len(till.journal())
    result = run()
    records = till.journal()[before:]
    assert [r["type"] for r in records] == ["refund", "sale"]
    refund, new_sale = records
    assert refund["exchange"] == new_sale["exchange"] == result.exchange_id
    tenders = [(t["method"], t["reference"]) for t in new_sale["tenders"]]  # type: ignore[union-attr]
    assert tenders[0] == ("other", EXCHANGE) and tenders[1][0] == "card"
    (correction,) = _corrections(till, sale.order.id)
    (charged,) = _payments_for(till, correction.id)  # the card charged once, for the exchange
    assert charged.amount == quote.to_pay and tenders[1][1] == charged.id
    assert _payments_for(till, cart) == []  # never counted for the cart's own sale
    assert len(result.sale.order.tickets) == 2 and result.change.is_zero
    report = totals(till.journal())
    assert report.tender("card") == quote.to_pay and report.tender(EXCHANGE).is_zero
    assert till.drawer == []  # no cash handed back: the drawer stays shut


def test_a_declined_card_exchanges_nothing_and_the_cash_can_then_pay(till: Till) -> None:  # noqa: F811
    sale, back, cart, quote, run = _exchange_by_card(till)
    before = len(till.journal())
    till.terminal.simulator.limit = 1  # declines every amount
    with pytest.raises(ExchangeDeclined):
        run()
    assert len(till.journal()) == before
    assert till.after.check_barcode(back.barcode).number == back.number  # still valid
    assert [c.state for c in _corrections(till, sale.order.id)] == ["abandoned"]
    assert till.selling.cart(cart).cart.lines  # the new seats still held: pay another way
    result = ExchangeServices(till.selling, till.after).exchange(
        sale.order.id, [back.number], cart, "another date", till.operator("OP-CASHIER"),
        cash_given=quote.to_pay,
    )  # fmt: skip
    assert len(result.sale.order.tickets) == 2


def test_no_answer_from_the_terminal_leaves_the_exchange_waiting(till: Till) -> None:  # noqa: F811
    sale, back, _cart_id, _quote, run = _exchange_by_card(till)
    before = len(till.journal())
    till.terminal.simulator.fault = "never_ack"
    with pytest.raises(ExchangeOutcomeUnknown):
        run()
    assert len(till.journal()) == before
    assert till.after.check_barcode(back.barcode).number == back.number
    with pytest.raises(RefundUnderWay):  # nothing else happens to that order meanwhile
        till.after.refund(sale.order.id, [back.number], "x", till.operator("OP-CASHIER"))
    found = ExchangeServices(till.selling, till.after).recover_at_start()
    assert [r.outcome for r in found] == ["exchange_waiting"]
    assert till.after.recover_at_start() == []  # not the refund's to finish


class _Stopped(BaseException):
    """The till stops here (nothing after it runs, as with a kill)."""


def test_a_till_stopped_after_the_card_finishes_the_exchange_at_the_next_start(
    till: Till,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sale, _back, _cart_id, _quote, run = _exchange_by_card(till)
    before = len(till.journal())

    def stop(self, correction_id, payment_id):  # type: ignore[no-untyped-def]
        raise _Stopped

    with monkeypatch.context() as patched:
        patched.setattr(ExchangeServices, "_finish", stop)
        with pytest.raises(_Stopped):
            run()
    assert len(till.journal()) == before  # charged, not recorded yet
    found = ExchangeServices(till.selling, till.after).recover_at_start()
    assert [(r.order_number, r.outcome) for r in found] == [
        (f"G1-{sale.device_seq:06d}", "exchanged")
    ]
    assert [r["type"] for r in till.journal()[before:]] == ["refund", "sale"]
    (correction,) = _corrections(till, sale.order.id)
    assert correction.state == "done" and len(_payments_for(till, correction.id)) == 1
    assert ExchangeServices(till.selling, till.after).recover_at_start() == []  # once


def test_a_till_stopped_before_the_card_gives_the_exchange_up_at_the_next_start(
    till: Till,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _sale, back, _cart_id, _quote, run = _exchange_by_card(till)
    before = len(till.journal())

    def stop(self, amount, correction_id, progress=None):  # type: ignore[no-untyped-def]
        raise _Stopped

    with monkeypatch.context() as patched:
        patched.setattr(type(till.after), "card_payment", stop)
        with pytest.raises(_Stopped):
            run()
    found = ExchangeServices(till.selling, till.after).recover_at_start()
    assert [r.outcome for r in found] == ["exchange_abandoned"]
    assert len(till.journal()) == before
    assert till.after.check_barcode(back.barcode).number == back.number
    with till.services.uow_factory(read_only=True) as uow:
        assert uow.carts.open_for("G1") is None  # the new seats went back on sale
