"""The counter sale on the demo till's real database: seats held at once, tariffs, standing
places, cash / card / voucher tenders, and the one commit of order, tickets, journal and outbox."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from app.config import load_station
from app.main import open_till
from app.services import payments
from app.services.selling import (
    PlacesUnavailable,
    SeatsLost,
    SeatsUnavailable,
    SellingServices,
    TenderNotValid,
    new_barcode,
)
from app.services.till import TillServices
from app.services.tills import ensure_demo_session
from domain.errors import NoOpenSession
from domain.gift_cards import GiftCardExpired
from domain.money import Money
from domain.orders import PaymentPlan, TenderMethod, TooManyTickets
from drivers.payment import PaymentOutcome, PaymentResult, TransactionKind
from tests.fakes import FixedClock

EUR = "EUR"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("selling-template")
    open_till(load_station(folder, demo=True), FixedClock())
    return folder


@pytest.fixture
def till(
    template: Path, tmp_path: Path
) -> Iterator[tuple[TillServices, SellingServices, FixedClock]]:
    shutil.copytree(template, tmp_path / "till")
    clock = FixedClock()
    services = open_till(load_station(tmp_path / "till"), clock)
    selling = SellingServices(
        services.uow_factory, clock, "G1", lambda: services.till().channel.code
    )
    yield services, selling, clock


def free_seats(services: TillServices, performance: str, n: int) -> list[str]:
    plan = services.performance_view(performance).plan
    return [plan.seat_ids[i] for i in range(len(plan.seat_ids)) if plan.sellable[i]][:n]


def test_two_seats_for_cash_become_an_order_with_tickets_journal_and_outbox(till) -> None:  # type: ignore[no-untyped-def]
    services, selling, clock = till
    ensure_demo_session(services.uow_factory, clock, "G1")
    seats = free_seats(services, "P-MIS-2", 2)
    view = selling.add_seats(selling.open_cart().cart.id, "P-MIS-2", seats)
    assert [line.seat_id for line in view.cart.lines] == seats
    assert {line.audience for line in view.cart.lines} == {"FULL"}  # the grid's first tariff
    assert view.fee == Money.of("2.00", EUR)  # one booking fee per order
    plan = PaymentPlan(view.due).cash(Money.of("500.00", EUR))
    result = selling.complete(view.cart.id, plan, "OP-CASHIER")
    order = result.order
    assert order.total == view.due and plan.tenders[0].change == Money.of("500.00", EUR) - view.due
    assert [t.number for t in order.tickets] == [1, 2]
    assert len({t.barcode for t in order.tickets}) == 2
    assert sum(v.gross.minor for v in order.vat) == order.total.minor
    with services.uow_factory(read_only=True) as uow:
        assert uow.sales.outbox("G1") == [(result.device_seq, order.id, "sale")]
        assert uow.seat_states.owners("P-MIS-2", clock.now())[seats[0]] == order.id
        assert uow.sales.document(order.id)["tickets"] == [1, 2]
        assert uow.carts.open_for("G1") is None  # the paid cart is closed
    # the seats are sold: nobody can put them in a cart again
    with pytest.raises(SeatsUnavailable) as caught:
        selling.add_seats(selling.open_cart().cart.id, "P-MIS-2", seats[:1])
    assert caught.value.reasons == {seats[0]: "seat_sold"}


def test_a_seat_another_cart_holds_is_refused_and_nothing_is_held(till) -> None:  # type: ignore[no-untyped-def]
    services, selling, clock = till
    seats = free_seats(services, "P-MIS-2", 3)
    first = selling.open_cart().cart.id
    selling.add_seats(first, "P-MIS-2", seats[:1])
    other = SellingServices(services.uow_factory, clock, "G2", lambda: "GUICHET")
    second = other.open_cart().cart.id
    with pytest.raises(SeatsUnavailable) as caught:
        other.add_seats(second, "P-MIS-2", seats)
    assert caught.value.reasons == {seats[0]: "seat_held"}
    with services.uow_factory(read_only=True) as uow:
        owners = uow.seat_states.owners("P-MIS-2", clock.now())
    assert seats[1] not in owners and seats[2] not in owners


def test_holds_lapse_after_the_channels_hold_time_and_the_seats_go_back(till) -> None:  # type: ignore[no-untyped-def]
    services, selling, clock = till
    seats = free_seats(services, "P-MIS-3", 2)
    cart = selling.add_seats(selling.open_cart().cart.id, "P-MIS-3", seats).cart
    assert cart.hold_expires_at == clock.now() + timedelta(minutes=15)
    clock.advance(timedelta(minutes=16))
    lapsed = selling.lapse_holds()
    assert [c.id for c in lapsed] == [cart.id]
    assert selling.cart(cart.id).cart.lines == ()
    again = selling.add_seats(selling.open_cart().cart.id, "P-MIS-3", seats)
    assert len(again.cart.lines) == 2


def test_f4_cycles_the_tariffs_and_del_gives_the_seat_back(till) -> None:  # type: ignore[no-untyped-def]
    services, selling, clock = till
    seats = free_seats(services, "P-MIS-2", 1)
    view = selling.add_seats(selling.open_cart().cart.id, "P-MIS-2", seats)
    line = view.cart.lines[0]
    cycled = selling.cycle_tariff(view.cart.id, line.id)
    assert cycled.cart.lines[0].audience != line.audience
    assert cycled.due != view.due
    emptied = selling.remove(view.cart.id, line.id)
    assert emptied.cart.lines == ()
    with services.uow_factory(read_only=True) as uow:
        assert seats[0] not in uow.seat_states.owners("P-MIS-2", clock.now())


def test_standing_places_split_between_card_and_voucher(till) -> None:  # type: ignore[no-untyped-def]
    services, selling, clock = till
    ensure_demo_session(services.uow_factory, clock, "G1")
    view = selling.add_places(selling.open_cart().cart.id, "P-NEU-2", "FOSSE", 3)
    assert view.cart.lines[0].quantity == 3
    view = selling.begin_payment(view.cart.id)
    plan = PaymentPlan(view.due).other(
        TenderMethod.VOUCHER, Money.of("50.00", EUR), "GIFT-2026-0001"
    )
    card = payments.start(
        services.uow_factory, clock, "card", TransactionKind.PAYMENT, plan.balance, view.cart.id
    )
    paid = plan.other(TenderMethod.CARD, plan.balance, card.id)
    with pytest.raises(TenderNotValid, match="not approved"):  # the terminal has not answered
        selling.complete(view.cart.id, paid, "OP-CASHIER")
    assert _balance(selling, "GIFT-2026-0001") == Money.of("50.00", EUR)  # rolled back
    payments.finish(
        services.uow_factory, clock, PaymentResult(card.id, PaymentOutcome.APPROVED, "approved")
    )
    result = selling.complete(view.cart.id, paid, "OP-CASHIER")
    assert [t.method for t in result.order.tenders] == [TenderMethod.VOUCHER, TenderMethod.CARD]
    assert len(result.order.tickets) == 3 and result.order.total == view.due
    assert _balance(selling, "GIFT-2026-0001") == Money.zero(EUR)
    with services.uow_factory(read_only=True) as uow:
        assert uow.standing.taken("P-NEU-2", "FOSSE", clock.now()) == 3


def test_a_voucher_without_the_balance_is_refused(till) -> None:  # type: ignore[no-untyped-def]
    services, selling, clock = till
    ensure_demo_session(services.uow_factory, clock, "G1")
    view = selling.add_places(selling.open_cart().cart.id, "P-NEU-2", "FOSSE", 2)
    plan = PaymentPlan(view.due).other(
        TenderMethod.VOUCHER, Money.of("30.00", EUR), "GIFT-2026-0003"
    )
    with pytest.raises(TenderNotValid, match="holds only 2000"):
        selling.complete(view.cart.id, plan.exact_cash(), "OP")


def test_an_expired_gift_card_pays_nothing_and_keeps_its_balance(till) -> None:  # type: ignore[no-untyped-def]
    services, selling, clock = till
    ensure_demo_session(services.uow_factory, clock, "G1")
    with pytest.raises(GiftCardExpired) as expired:  # the demo's card lapsed the day before
        selling.gift_card("GIFT-2025-0009")
    assert expired.value.valid_until == clock.now() - timedelta(days=1)
    view = selling.add_places(selling.open_cart().cart.id, "P-NEU-2", "FOSSE", 2)
    plan = PaymentPlan(view.due).other(
        TenderMethod.VOUCHER, Money.of("10.00", EUR), "GIFT-2025-0009"
    )
    with pytest.raises(GiftCardExpired):
        selling.complete(view.cart.id, plan.exact_cash(), "OP")
    with services.uow_factory(read_only=True) as uow:
        assert uow.gift_cards.balance("GIFT-2025-0009") == Money.of("30.00", EUR)
        assert uow.sales.outbox("G1") == []  # no sale recorded
    assert selling.open_cart().cart.id == view.cart.id  # nothing sold: the cart is still open
    # A card sold with the demo is good for a year, and not a day more.
    assert _balance(selling, "GIFT-2026-0001") == Money.of("50.00", EUR)
    clock.advance(timedelta(days=365))
    with pytest.raises(GiftCardExpired):
        selling.gift_card("GIFT-2026-0001")


def _balance(selling: SellingServices, code: str) -> Money | None:
    card = selling.gift_card(code)
    return None if card is None else card.balance


def test_a_sale_needs_an_open_session_and_the_maximum_per_order_holds(till) -> None:  # type: ignore[no-untyped-def]
    services, selling, clock = till
    view = selling.add_places(selling.open_cart().cart.id, "P-NEU-2", "FOSSE", 2)
    with pytest.raises(NoOpenSession):
        selling.complete(view.cart.id, PaymentPlan(view.due).exact_cash(), "OP")
    limit = services.performance_view("P-NEU-2").plan.max_tickets
    assert limit == 20
    with pytest.raises(TooManyTickets):
        selling.add_places(view.cart.id, "P-NEU-2", "FOSSE", limit - 1)
    with services.uow_factory() as uow:  # other channels sold all but 10 of the 800 places
        far = clock.now() + timedelta(days=1)
        assert uow.standing.hold("P-NEU-2", "FOSSE", "web", 788, 800, far, clock.now())
        uow.commit()
    with pytest.raises(PlacesUnavailable) as caught:
        selling.add_places(view.cart.id, "P-NEU-2", "FOSSE", 11)
    assert caught.value.left == 10
    assert selling.cart(view.cart.id).cart.tickets_for("P-NEU-2") == 2  # nothing added


def test_barcodes_are_100_random_bits_in_printer_safe_characters() -> None:
    assert new_barcode(lambda bits: 0) == "A" * 20
    assert new_barcode(lambda bits: (1 << bits) - 1) == "7" * 20
    code = new_barcode()
    assert len(code) == 20 and set(code) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")


def test_a_seat_taken_after_the_hold_lapsed_stops_the_sale_before_any_money(till) -> None:  # type: ignore[no-untyped-def]
    services, selling, clock = till
    ensure_demo_session(services.uow_factory, clock, "G1")
    seats = free_seats(services, "P-MIS-4", 2)
    view = selling.add_seats(selling.open_cart().cart.id, "P-MIS-4", seats)
    clock.advance(timedelta(minutes=20))  # the cashier went for coffee: the hold lapsed
    other = SellingServices(services.uow_factory, clock, "G2", lambda: "GUICHET")
    other.add_seats(other.open_cart().cart.id, "P-MIS-4", seats[:1])
    with pytest.raises(SeatsLost) as caught:
        selling.begin_payment(view.cart.id)  # asked before the card is, or cash taken
    assert caught.value.seats == seats[:1]
    with pytest.raises(SeatsLost):
        selling.complete(view.cart.id, PaymentPlan(view.due).exact_cash(), "OP")
    with services.uow_factory(read_only=True) as uow:
        assert uow.sales.order_count("G1") == 0


def test_a_lapsed_hold_nobody_took_is_still_the_carts_and_sells(till) -> None:  # type: ignore[no-untyped-def]
    services, selling, clock = till
    ensure_demo_session(services.uow_factory, clock, "G1")
    seats = free_seats(services, "P-MIS-4", 1)
    view = selling.add_seats(selling.open_cart().cart.id, "P-MIS-4", seats)
    clock.advance(timedelta(minutes=20))
    result = selling.complete(view.cart.id, PaymentPlan(view.due).exact_cash(), "OP")
    assert [t.seat_id for t in result.order.tickets] == seats


def test_only_the_other_tenders_the_channel_takes_are_accepted(till) -> None:  # type: ignore[no-untyped-def]
    services, selling, clock = till
    ensure_demo_session(services.uow_factory, clock, "G1")
    assert selling.other_tenders() == ("cheque",)
    view = selling.add_places(selling.open_cart().cart.id, "P-NEU-2", "FOSSE", 2)
    with pytest.raises(TenderNotValid, match="does not take 'bitcoin'"):
        selling.complete(
            view.cart.id, PaymentPlan(view.due).other(TenderMethod.OTHER, view.due, "bitcoin"), "OP"
        )
    result = selling.complete(
        view.cart.id, PaymentPlan(view.due).other(TenderMethod.OTHER, view.due, "cheque"), "OP"
    )
    assert [(t.method, t.reference) for t in result.order.tenders] == [
        (TenderMethod.OTHER, "cheque")
    ]


def test_without_a_plan_quantities_per_category_and_tariff_take_the_best_seats(till) -> None:  # type: ignore[no-untyped-def]
    services, selling, clock = till
    cart_id = selling.open_cart().cart.id
    table = selling.price_table("P-NEU-2")
    assert ("FOSSE", "STUDENT", Money.of("30.00", EUR)) in [
        (t.category, t.audience, t.price) for t in table
    ]
    view = selling.add_quantities(
        cart_id, "P-NEU-2", [("FOSSE", "STUDENT", 3), ("BAL1", "FULL", 2), ("BAL1", "CHILD", 1)]
    )
    lines = view.cart.lines
    standing = [line for line in lines if line.zone_id == "FOSSE"]
    assert [(line.quantity, line.audience) for line in standing] == [(3, "STUDENT")]
    seated = [line for line in lines if line.seat_id is not None]
    assert sorted(line.audience for line in seated) == ["CHILD", "FULL", "FULL"]
    assert {line.category for line in seated} == {"BAL1"}
    assert sum(line.amount.minor for line in lines) == 3 * 3000 + 2 * 5500 + 2000
    with services.uow_factory(read_only=True) as uow:
        owners = uow.seat_states.owners("P-NEU-2", clock.now())
        assert uow.standing.taken("P-NEU-2", "FOSSE", clock.now()) >= 3
    assert all(owners[line.seat_id] == f"cart:{cart_id}" for line in seated)  # type: ignore[index]


def test_without_a_plan_a_request_that_cannot_be_met_holds_nothing(till) -> None:  # type: ignore[no-untyped-def]
    from app.services.selling import NotEnoughSeats

    services, selling, clock = till
    cart_id = selling.open_cart().cart.id
    with services.uow_factory(read_only=True) as uow:
        before = dict(uow.seat_states.owners("P-NEU-2", clock.now()))
        standing_before = uow.standing.taken("P-NEU-2", "FOSSE", clock.now())
    with pytest.raises(NotEnoughSeats) as refused:  # the places first, then too many seats
        selling.add_quantities(cart_id, "P-NEU-2", [("FOSSE", "FULL", 2), ("BAL1", "FULL", 999)])
    assert refused.value.category == "BAL1" and refused.value.left < 999
    with pytest.raises(SeatsUnavailable, match="no_tariff"):
        selling.add_quantities(cart_id, "P-NEU-2", [("BAL1", "NOPE", 1)])
    with services.uow_factory(read_only=True) as uow:
        assert dict(uow.seat_states.owners("P-NEU-2", clock.now())) == before
        assert uow.standing.taken("P-NEU-2", "FOSSE", clock.now()) == standing_before
    assert selling.cart(cart_id).cart.lines == ()
