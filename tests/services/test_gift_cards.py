"""Gift cards sold and topped up on the demo till's real database: the value on the card and
one journal entry, the cash in the drawer and in the X report, no revenue until the card is
spent as a tender; bad input (nothing, too little cash, an unknown card) changes nothing."""

from __future__ import annotations

import pytest

from app.services.gift_cards import (
    AmountNotValid,
    GiftCardServices,
    NotEnoughCash,
    UnknownGiftCard,
)
from app.services.till_reports import report_page
from domain.ledger import totals
from domain.money import Money
from domain.orders import PaymentPlan, TenderMethod
from tests.services.test_after_sale import (  # noqa: F401 (the fixtures)
    Till,
    _seats,
    template,
    till,
)


def eur(text: str) -> Money:
    return Money.of(text, "EUR")


def test_a_gift_card_sold_then_spent_then_topped_up(till: Till) -> None:  # noqa: F811
    drawer: list[str] = []
    cards = GiftCardServices(
        till.services.uow_factory, till.clock, "G1", open_drawer=lambda: drawer.append("open")
    )
    cashier = till.operator("OP-CASHIER")
    sold = cards.sell(eur("50.00"), cashier, eur("60.00"))
    assert sold.code.startswith("GC-") and sold.balance == eur("50.00")
    assert sold.change == eur("10.00") and drawer == ["open"]
    record = till.journal()[-1]
    assert record["type"] == "gift_card_sale" and record["card"] == sold.code
    x = till.services.x_report().totals
    assert x.sales.count == 0 and x.net_total.is_zero  # not revenue
    assert x.tender("cash") == eur("50.00") and x.gift_cards_sold is not None
    assert x.gift_cards_sold.amount == eur("50.00")
    rows = report_page(till.services.x_report(), "G1", "Europe/Paris", "en").rows
    sold_row = next(r for r in rows if r[0] == "Gift cards sold (not revenue)")
    assert sold_row[1] == "1" and "50" in sold_row[2]  # the X report shows it, apart
    # Spent as a tender: now it is revenue, and the card holds less.
    view = till.selling.add_seats(
        till.selling.open_cart().cart.id, "P-MIS-2", _seats(till, "P-MIS-2", 1)
    )
    used = min(view.due, eur("30.00"), key=lambda m: m.minor)
    plan = PaymentPlan(view.due).other(TenderMethod.VOUCHER, used, sold.code)
    if not plan.settled:
        plan = plan.exact_cash()
    till.selling.complete(view.cart.id, plan, "OP-CASHIER")
    assert cards.card(sold.code)[0].balance == eur("50.00") - used
    topped = cards.top_up(sold.code.lower(), eur("25.00"), cashier, eur("25.00"))
    assert topped.balance == eur("75.00") - used and topped.change.is_zero
    report = totals(till.journal())
    assert report.top_ups is not None and report.top_ups.amount == eur("25.00")
    assert report.sales.amount == view.due and report.tender("voucher") == used


def test_nothing_too_little_cash_or_an_unknown_card_changes_nothing(
    till: Till,  # noqa: F811
) -> None:
    cards = GiftCardServices(till.services.uow_factory, till.clock, "G1")
    cashier = till.operator("OP-CASHIER")
    before = till.journal()
    with pytest.raises(AmountNotValid):
        cards.sell(eur("0.00"), cashier, eur("10.00"))
    with pytest.raises(NotEnoughCash):
        cards.sell(eur("20.00"), cashier, eur("19.99"))
    with pytest.raises(UnknownGiftCard):
        cards.top_up("GC-NOSUCHCARD", eur("10.00"), cashier, eur("10.00"))
    balance = cards.card("GIFT-2026-0001")[0].balance
    with pytest.raises(NotEnoughCash):
        cards.top_up("GIFT-2026-0001", eur("10.00"), cashier, eur("5.00"))
    assert cards.card("GIFT-2026-0001")[0].balance == balance
    assert till.journal() == before


def test_a_card_pays_for_a_year_and_a_top_up_starts_the_year_again(till: Till) -> None:  # noqa: F811
    from datetime import timedelta

    from domain.gift_cards import GiftCardExpired

    cards = GiftCardServices(till.services.uow_factory, till.clock, "G1")
    cashier = till.operator("OP-CASHIER")
    sold = cards.sell(eur("40.00"), cashier, eur("40.00"))
    assert sold.valid_until == till.clock.now() + timedelta(days=365)
    assert till.journal()[-1]["valid_until"] == sold.valid_until.isoformat()
    till.clock.advance(timedelta(days=300))
    assert cards.card(sold.code)[1] is True
    topped = cards.top_up(sold.code, eur("10.00"), cashier, eur("10.00"))
    assert topped.valid_until == till.clock.now() + timedelta(days=365)  # a year from today
    till.clock.advance(timedelta(days=364))
    assert cards.card(sold.code)[1] is True
    till.clock.advance(timedelta(days=1))
    card, usable = cards.card(sold.code)
    assert card is not None and not usable and card.balance == eur("50.00")  # kept, unusable
    with pytest.raises(GiftCardExpired):
        till.selling.gift_card(sold.code)


def test_a_gift_card_sold_and_topped_up_by_card_names_the_payment_in_its_entry(
    till: Till,  # noqa: F811
) -> None:
    from app.services.gift_cards import gift_cards_of

    cards = gift_cards_of(till.after)
    assert cards.takes_cards
    cashier = till.operator("OP-CASHIER")
    sold = cards.by_card(None, eur("40.00"), cashier)
    record = till.journal()[-1]
    assert record["type"] == "gift_card_sale" and record["card"] == sold.code
    [tender] = record["tenders"]  # type: ignore[misc]
    assert tender["method"] == "card" and tender["amount"] == {"minor": 4000, "currency": "EUR"}
    with till.services.uow_factory(read_only=True) as uow:
        [payment] = uow.payments.for_reference(f"giftcard:{sold.code}:OP-CASHIER")
    assert tender["reference"] == payment.id and till.drawer == []  # no cash, no drawer
    topped = cards.by_card(sold.code.lower(), eur("10.00"), cashier)
    assert topped.balance == eur("50.00") and till.journal()[-1]["type"] == "top_up"
    x = till.services.x_report().totals
    assert x.tender("card") == eur("50.00") and x.net_total.is_zero  # not revenue
    assert cards.recover_at_start() == []  # both recorded: nothing to finish


def test_a_card_approved_before_the_till_stopped_goes_on_its_gift_card_at_the_next_start(
    till: Till,  # noqa: F811
) -> None:
    from app.services.gift_cards import gift_cards_of

    cards = gift_cards_of(till.after)
    code = "GC-RECOVERED234567"
    # The terminal approved the card, then the till stopped before the gift card's commit.
    till.after.card_payment(eur("30.00"), f"giftcard:{code}:OP-CASHIER")
    assert cards.card(code) == (None, False)
    [recovered] = cards.recover_at_start()
    assert (recovered.order_number, recovered.outcome, recovered.amount) == (
        code, "gift_card", eur("30.00"),
    )  # fmt: skip
    card, usable = cards.card(code)
    assert card is not None and usable and card.balance == eur("30.00")
    record = till.journal()[-1]
    assert record["type"] == "gift_card_sale" and record["operator"] == "OP-CASHIER"
    assert cards.recover_at_start() == []  # once: the card is not credited twice


def test_a_declined_card_puts_nothing_on_a_gift_card(till: Till) -> None:  # noqa: F811
    from app.services.gift_cards import GiftCardDeclined, gift_cards_of

    cards = gift_cards_of(till.after)
    till.terminal.simulator.limit = 1  # declines every amount
    before = len(till.journal())
    with pytest.raises(GiftCardDeclined):
        cards.by_card(None, eur("25.00"), till.operator("OP-CASHIER"))
    with pytest.raises(GiftCardDeclined):
        cards.by_card("GIFT-2026-0001", eur("5.00"), till.operator("OP-CASHIER"))
    assert len(till.journal()) == before
    assert cards.card("GIFT-2026-0001")[0].balance == eur("50.00")  # type: ignore[union-attr]
    with pytest.raises(UnknownGiftCard):  # refused before the card is asked
        cards.by_card("GC-NOSUCH", eur("5.00"), till.operator("OP-CASHIER"))


def test_a_commit_that_fails_after_the_card_paid_says_so_and_the_next_start_records_it(
    till: Till,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.services.gift_cards import GiftCardCharged, GiftCardServices, gift_cards_of

    cards = gift_cards_of(till.after)
    recorded = GiftCardServices._move

    def disk_full(*_args: object, **_kwargs: object) -> object:
        raise OSError("disk full")

    monkeypatch.setattr(GiftCardServices, "_move", disk_full)
    with pytest.raises(GiftCardCharged) as charged:
        cards.by_card(None, eur("20.00"), till.operator("OP-CASHIER"))
    code = charged.value.code
    assert cards.card(code) == (None, False)  # nothing on a card yet, the card charged
    monkeypatch.setattr(GiftCardServices, "_move", recorded)
    [recovered] = cards.recover_at_start()  # the till's next start
    assert recovered.order_number == code
    assert cards.card(code)[0].balance == eur("20.00")  # type: ignore[union-attr]
