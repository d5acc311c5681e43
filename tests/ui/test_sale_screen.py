"""The sale screen on the real demo station: the cart beside the plan (F4, Del, the hold's time,
standing places, refusals in words) and the payment panel (cash with change, gift card and
card split, declined and unknown card outcomes)."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.config import load_station
from app.main import Station, open_station
from app.services.tills import ensure_demo_session
from app.ui.errors import message_for
from app.ui.sale.payment_panel import PaymentPanel
from app.ui.sale.sale_screen import SaleScreen
from app.ui.translation import set_language
from domain.channels import SeatSearchMode
from drivers.payment import PaymentOutcome, PaymentResult
from tests.fakes import FixedClock

from .test_sale_counter_speed import open_performance, sale_window, station  # noqa: F401
from .test_shell import log_in, styled  # noqa: F401


def _ready(
    qtbot: QtBot,
    station: Station,  # noqa: F811
    event: str = "Le Misanthrope",
    session: bool = True,
) -> SaleScreen:
    services = station.services
    if session:
        ensure_demo_session(services.uow_factory, services.clock, "G1")
    window = sale_window(qtbot, station)
    sale = open_performance(qtbot, window, event)
    sale.keep_window = window  # type: ignore[attr-defined]  # alive for the test
    return sale


def _best_two(qtbot: QtBot, sale: SaleScreen) -> None:
    qtbot.keyClick(sale.page, Qt.Key.Key_F3)
    qtbot.keyClick(sale.page.seat_map, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sale.view is not None and len(sale.view.cart.lines) == 2)


def _pay(qtbot: QtBot, sale: SaleScreen) -> None:
    qtbot.keyClick(sale.cart, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: sale.payment.ready)


def _at_payment(qtbot: QtBot, station: Station) -> tuple[SaleScreen, PaymentPanel]:  # noqa: F811
    """Two best seats of Le Misanthrope in the cart, the payment panel open."""
    sale = _ready(qtbot, station)
    _best_two(qtbot, sale)
    _pay(qtbot, sale)
    return sale, sale.payment


def test_f4_cycles_the_selected_line_and_del_removes_it(
    qtbot: QtBot,
    station: Station,  # noqa: F811
) -> None:
    sale = _ready(qtbot, station)
    _best_two(qtbot, sale)
    assert sale.cart.lines.topLevelItemCount() == 1  # one performance, its lines under it
    group = sale.cart.lines.topLevelItem(0)
    assert group.childCount() == 2
    before = sale.view.cart.lines[-1]
    assert sale.cart.selected_line_id() == before.id
    assert group.child(1).text(2).endswith("€") or "€" in group.child(1).text(2)
    qtbot.keyClick(sale.cart, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: sale.view.cart.lines[-1].audience != before.audience)
    assert sale.view.cart.lines[0].audience == before.audience  # only the selected line
    assert "Total" in sale.cart.total.text()
    qtbot.keyClick(sale.cart, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: len(sale.view.cart.lines) == 1)
    assert "removed" in sale.cart.message.text()


def test_a_seat_already_in_the_cart_is_refused_in_words(
    qtbot: QtBot,
    station: Station,  # noqa: F811
) -> None:
    sale = _ready(qtbot, station)
    _best_two(qtbot, sale)
    seat = sale.view.cart.lines[0].seat_id
    sale.add_seats([seat])
    qtbot.waitUntil(lambda: "cannot go into the cart" in sale.cart.message.text())
    assert f"{seat} (already in this cart)" in sale.cart.message.text()
    assert len(sale.view.cart.lines) == 2


def test_the_hold_counts_down_and_its_lapse_empties_the_cart(
    qtbot: QtBot,
    station: Station,  # noqa: F811
) -> None:
    sale = _ready(qtbot, station)
    _best_two(qtbot, sale)
    sale.tick()
    assert sale.cart.hold.text() == "Seats held for 15:00"
    clock = station.services.clock
    assert isinstance(clock, FixedClock)
    clock.advance(timedelta(minutes=14, seconds=55))
    sale.tick()
    assert sale.cart.hold.text() == "Seats held for 0:05"
    clock.advance(timedelta(seconds=5))
    sale.tick()
    qtbot.waitUntil(lambda: not sale.view.cart.lines)
    assert "hold ran out" in sale.cart.message.text()


def test_a_digit_on_the_plan_proposes_that_many_best_seats(
    qtbot: QtBot,
    station: Station,  # noqa: F811
) -> None:
    sale = _ready(qtbot, station)
    qtbot.keyClick(sale.page, Qt.Key.Key_F3)
    assert len(sale.page.seat_map.selected_ids()) == 2
    qtbot.keyClick(sale.page.seat_map, Qt.Key.Key_4)  # "F3 4": four seats
    assert len(sale.page.seat_map.selected_ids()) == 4
    qtbot.keyClick(sale.page.seat_map, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sale.view is not None and len(sale.view.cart.lines) == 4)


def test_only_cashiers_and_supervisors_sell(qtbot: QtBot, station: Station) -> None:  # noqa: F811
    window = sale_window(qtbot, station)
    log_in(qtbot, window, "Sacha Petit", "9012")
    qtbot.waitUntil(lambda: window.work is not None)
    assert window.work.performance_page is not None
    assert window.work.sale_screen is None


def test_the_cart_is_kept_when_the_till_is_locked(
    qtbot: QtBot,
    station: Station,  # noqa: F811
) -> None:
    sale = _ready(qtbot, station)
    _best_two(qtbot, sale)
    window = sale.keep_window  # type: ignore[attr-defined]
    window.lock()
    qtbot.waitUntil(lambda: window.login.operator_box.count() == 3)
    again = open_performance(qtbot, window, "Le Misanthrope")
    assert again is not sale
    assert again.view is not None and len(again.view.cart.lines) == 2
    assert again.cart.lines.topLevelItem(0).childCount() == 2
    assert "This cart was kept from before" in again.cart.message.text()


def test_standing_places_sell_by_quantity(qtbot: QtBot, station: Station) -> None:  # noqa: F811
    sale = _ready(qtbot, station, "Orchestre national : Symphonie n° 9")
    qtbot.waitUntil(lambda: not sale.cart.standing.isHidden())
    sale.cart.places.setValue(3)
    qtbot.mouseClick(sale.cart.add_places, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sale.view is not None and len(sale.view.cart.lines) == 1)
    line = sale.view.cart.lines[0]
    assert line.quantity == 3
    assert sale.cart.lines.topLevelItem(0).child(0).text(0).endswith("× 3")


def test_cash_given_shows_the_change_and_records_the_sale(
    qtbot: QtBot,
    station: Station,  # noqa: F811
) -> None:
    _sale, panel = _at_payment(qtbot, station)
    assert panel.plan is not None
    due = panel.plan.due
    qtbot.keyClicks(panel.amount, "50")
    qtbot.keyClick(panel.amount, Qt.Key.Key_Return)
    assert not panel.plan.settled or due.minor <= 5000
    while not panel.plan.settled:
        qtbot.keyClicks(panel.amount, "500")
        qtbot.keyClick(panel.amount, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: panel.result is not None)
    change = sum(t.change.minor for t in panel.plan.tenders)
    assert change > 0
    assert panel.change.text().startswith("Change: ")
    assert "recorded" in panel.message.text()

    def displayed() -> tuple[str, str]:
        return station.device_station.call("display", lambda display: display.shown)

    qtbot.waitUntil(lambda: displayed()[0] == "Change")  # the customer sees the change too
    assert displayed()[1].replace("\u00a0", " ").startswith("€")


def test_an_amount_that_is_not_one_is_said_so(qtbot: QtBot, station: Station) -> None:  # noqa: F811
    sale = _ready(qtbot, station)
    _best_two(qtbot, sale)
    _pay(qtbot, sale)
    qtbot.keyClicks(sale.payment.amount, "12x")
    qtbot.keyClick(sale.payment.amount, Qt.Key.Key_Return)
    assert "is not an amount" in sale.payment.message.text()
    assert sale.payment.plan is not None and not sale.payment.plan.tenders


def test_gift_card_then_card_pay_a_sale_together(
    qtbot: QtBot,
    station: Station,  # noqa: F811
) -> None:
    _sale, panel = _at_payment(qtbot, station)
    # The demo's expired card first: said so, with its date, and it takes nothing.
    qtbot.keyClicks(panel.code, "GIFT-2025-0009")
    qtbot.keyClick(panel.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "expired on" in panel.message.text())
    assert "Take another payment" in panel.message.text()
    assert panel.plan is not None and not panel.plan.tenders
    panel.code.clear()
    qtbot.keyClicks(panel.code, "GIFT-2026-0003")  # 20.00 on it; typed this fast: a scan
    qtbot.keyClick(panel.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.plan is not None and len(panel.plan.tenders) == 1)
    assert panel.plan.tenders[0].amount.minor == 2000
    assert "balance" in panel.message.text()
    qtbot.keyClick(panel.amount, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: panel.result is not None, timeout=20_000)
    methods = [t.method.value for t in panel.result.order.tenders]
    assert methods == ["voucher", "card"]
    assert station.selling.gift_card("GIFT-2026-0003").balance.minor == 0  # type: ignore[union-attr]


def test_a_gift_card_typed_by_hand_is_taken_with_enter(
    qtbot: QtBot,
    station: Station,  # noqa: F811
) -> None:
    _sale, panel = _at_payment(qtbot, station)
    qtbot.keyClicks(panel.code, "NOPE")
    qtbot.keyClick(panel.code, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: "There is no gift card NOPE." in panel.message.text())
    panel.code.clear()
    for key in "GIFT-2026-0001":
        qtbot.keyClicks(panel.code, key, delay=60)  # slower than a scanner
    qtbot.keyClick(panel.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.plan is not None and len(panel.plan.tenders) == 1)
    assert panel.plan.tenders[0].reference == "GIFT-2026-0001"
    assert panel.plan.tenders[0].amount.minor == 5000  # the card's whole balance, 50.00
    assert not panel.plan.settled  # two full-price seats cost more: the rest in cash
    qtbot.keyClick(panel.amount, Qt.Key.Key_Return)  # exact cash
    qtbot.waitUntil(lambda: panel.result is not None)


def _card_answered(
    qtbot: QtBot,
    built: Station,
    monkeypatch: pytest.MonkeyPatch,
    outcome: PaymentOutcome,
    gate: threading.Event | None = None,
) -> tuple[SaleScreen, list[str]]:
    """A cart of two seats paid by card (F6) on a terminal that answers ``outcome`` (after
    asking for the card and waiting for ``gate``, when given)."""
    calls: list[str] = []

    def sale_payment(name, amount, reference, progress=None):  # type: ignore[no-untyped-def]
        calls.append(reference)
        if gate is not None and progress is not None:
            progress(0x0A, "insert card")
            gate.wait(10)
        return None, PaymentResult("PAY-1", outcome, "said so")

    monkeypatch.setattr(built.devices, "sale_payment", sale_payment)
    sale = _ready(qtbot, built)
    _best_two(qtbot, sale)
    _pay(qtbot, sale)
    qtbot.keyClick(sale.payment.amount, Qt.Key.Key_F6)
    return sale, calls


def test_a_declined_card_is_said_and_nothing_is_taken(
    qtbot: QtBot,
    station: Station,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sale, calls = _card_answered(qtbot, station, monkeypatch, PaymentOutcome.DECLINED)
    qtbot.waitUntil(lambda: "declined" in sale.payment.message.text())
    assert sale.payment.plan is not None and not sale.payment.plan.tenders
    assert sale.payment.card_button.isEnabled()  # the cashier may try again, by hand
    assert len(calls) == 1


def test_the_terminal_prompts_show_in_the_panel(
    qtbot: QtBot,
    station: Station,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gate = threading.Event()
    sale, _calls = _card_answered(qtbot, station, monkeypatch, PaymentOutcome.DECLINED, gate)
    try:
        qtbot.waitUntil(lambda: sale.payment.message.text() == "Terminal: Insert card")
    finally:
        gate.set()
    qtbot.waitUntil(lambda: "declined" in sale.payment.message.text())


def test_an_unknown_card_outcome_stops_the_sale_and_is_never_retried(
    qtbot: QtBot,
    station: Station,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sale, calls = _card_answered(qtbot, station, monkeypatch, PaymentOutcome.UNKNOWN)
    panel = sale.payment
    qtbot.waitUntil(lambda: panel.stopped)
    assert "Payment to be settled" in panel.message.text()
    assert "Do not charge the card again" in panel.message.text()
    qtbot.keyClick(panel.amount, Qt.Key.Key_F6)
    qtbot.keyClick(panel.amount, Qt.Key.Key_Return)
    assert len(calls) == 1
    assert not panel.card_button.isEnabled() and not panel.exact_button.isEnabled()
    assert panel.result is None
    with station.services.uow_factory(read_only=True) as uow:
        assert uow.sales.order_count("G1") == 0
    qtbot.keyClick(panel.amount, Qt.Key.Key_Escape)
    assert sale.modes.currentWidget() is sale.selling_view  # the seats stay in the cart
    assert len(sale.view.cart.lines) == 2


def test_no_open_session_is_said_and_nothing_is_recorded(
    qtbot: QtBot,
    station: Station,  # noqa: F811
) -> None:
    sale = _ready(qtbot, station, session=False)
    _best_two(qtbot, sale)
    _pay(qtbot, sale)
    qtbot.keyClick(sale.payment.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "No till session is open" in sale.payment.message.text())
    assert sale.payment.result is None
    assert "not recorded" in sale.payment.message.text()


def test_the_sale_errors_are_said_in_words() -> None:
    from app.services.selling import (
        NotEnoughSeats,
        PlacesUnavailable,
        SeatsLost,
        SeatsUnavailable,
    )
    from domain.orders import TooManyTickets

    text = message_for(SeatsUnavailable({"K-7": "seat_sold", "K-8": "contingent_not_for_channel"}))
    assert "K-7 (sold)" in text
    assert "K-8 (kept for a contingent this till does not sell)" in text
    assert "Only 2 standing places are left in Fosse" in message_for(PlacesUnavailable("Fosse", 2))
    assert "At most 8 tickets" in message_for(TooManyTickets("P-1", 8))
    assert message_for(NotEnoughSeats("BAL1", 9, 4)).startswith("9 seats asked in BAL1, only 4")
    assert "K-7" in message_for(SeatsLost(["K-7"])) and "not recorded" in message_for(
        SeatsLost(["K-7"])
    )


@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_the_sale_and_payment_fit_1366_by_768(
    qtbot: QtBot,
    station: Station,  # noqa: F811
    styled: None,  # noqa: F811
    language: str,
) -> None:
    ensure_demo_session(station.services.uow_factory, station.services.clock, "G1")
    window = sale_window(qtbot, station, language)
    try:
        sale = open_performance(qtbot, window, "Le Misanthrope")
        _best_two(qtbot, sale)
        size = window.minimumSizeHint()
        assert size.width() <= 1366 and size.height() <= 768, size
        _pay(qtbot, sale)
        size = window.minimumSizeHint()
        assert size.width() <= 1366 and size.height() <= 768, size
    finally:
        window.close()
        set_language("en")


def _card_left_by_a_crash(station: Station, cart_id: str, euros: str, approved: bool) -> str:  # noqa: F811
    """What a crash leaves: a card payment for the cart, approved or not yet answered."""
    from app.services import payments
    from domain.money import Money
    from drivers.payment import TransactionKind

    services = station.services
    card = payments.start(
        services.uow_factory, services.clock, "card", TransactionKind.PAYMENT,
        Money.of(euros, "EUR"), cart_id,
    )  # fmt: skip
    if approved:
        payments.finish(
            services.uow_factory, services.clock,
            PaymentResult(card.id, PaymentOutcome.APPROVED, "approved"),
        )  # fmt: skip
    return card.id


def test_a_card_approved_before_a_crash_counts_when_the_payment_panel_opens(
    qtbot: QtBot,
    station: Station,  # noqa: F811
) -> None:
    from domain.money import Money

    sale = _ready(qtbot, station)
    _best_two(qtbot, sale)
    assert sale.view is not None
    card = _card_left_by_a_crash(station, sale.view.cart.id, "50.00", approved=True)
    _pay(qtbot, sale)
    plan = sale.payment.plan
    assert plan is not None and [t.reference for t in plan.tenders] == [card]
    assert plan.balance == plan.due - Money.of("50.00", "EUR")  # only the rest is asked
    assert "approved before the till stopped counts" in sale.payment.message.text()


def test_a_card_payment_with_no_known_outcome_stops_the_payment_until_settled(
    qtbot: QtBot,
    station: Station,  # noqa: F811
) -> None:
    sale = _ready(qtbot, station)
    _best_two(qtbot, sale)
    assert sale.view is not None
    # pending: the till stopped before the terminal answered
    _card_left_by_a_crash(station, sale.view.cart.id, "10.00", approved=False)
    qtbot.keyClick(sale.cart, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: "no known outcome" in sale.payment.message.text())
    assert not sale.payment.ready


def test_the_receipt_prints_on_request_after_the_sale(
    qtbot: QtBot,
    station: Station,  # noqa: F811
) -> None:
    _sale, panel = _at_payment(qtbot, station)
    qtbot.keyClick(panel.amount, Qt.Key.Key_Return)  # exact cash
    qtbot.waitUntil(lambda: panel.result is not None)
    assert panel.receipt_button.isVisible()

    def receipts() -> list[str]:
        return [j.state for j in station.printing.recent_jobs(20) if j.kind == "receipt"]

    assert receipts() == []  # none unless asked for
    qtbot.keyClick(panel, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: receipts() == ["confirmed"], timeout=15_000)
    assert "receipt is printing" in panel.message.text()


def test_a_cheque_pays_the_rest_on_f11_and_is_journaled_as_one(
    qtbot: QtBot,
    station: Station,  # noqa: F811
) -> None:
    _sale, panel = _at_payment(qtbot, station)
    assert "F11: Cheque." in panel.message.text()
    qtbot.keyClicks(panel.amount, "10")
    qtbot.keyClick(panel.amount, Qt.Key.Key_F5)  # 10.00 in cash first
    qtbot.keyClicks(panel.amount, "9999")
    qtbot.keyClick(panel.amount, Qt.Key.Key_F11)  # a cheque gives no change: refused
    assert "only cash gives change" in panel.message.text()
    assert panel.plan is not None and len(panel.plan.tenders) == 1
    panel.amount.clear()
    qtbot.keyClick(panel.amount, Qt.Key.Key_F11)  # the rest by cheque
    qtbot.waitUntil(lambda: panel.result is not None)
    tenders = panel.result.order.tenders
    assert [(t.method.value, t.reference) for t in tenders] == [("cash", ""), ("other", "cheque")]
    with station.services.uow_factory(read_only=True) as uow:
        record = uow.sales.document(panel.result.order.id)
    assert record["tenders"][1]["method"] == "other"
    assert record["tenders"][1]["reference"] == "cheque"
    receipt = station.selling.receipt(panel.result.order.id)
    assert [p.method for p in receipt.payments] == ["Espèces", "Chèque"]


def test_esc_cancels_a_card_payment_at_the_terminal_and_nothing_is_charged(
    qtbot: QtBot,
    station: Station,  # noqa: F811
) -> None:
    sale, panel = _at_payment(qtbot, station)
    qtbot.keyClick(panel.amount, Qt.Key.Key_F6)  # the demo terminal waits a second for a card
    assert panel.cancel_card_button.isVisible() and not panel.back_button.isVisible()
    qtbot.waitUntil(lambda: panel.message.text().startswith("Terminal:"), timeout=5_000)
    qtbot.keyClick(panel.amount, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not panel.busy, timeout=15_000)
    assert "cancelled: nothing was charged" in panel.message.text()
    assert panel.plan is not None and not panel.plan.tenders
    assert sale.modes.currentWidget() is sale.payment  # Esc cancelled the card, not the sale
    assert panel.back_button.isVisible() and panel.card_button.isEnabled()
    approved = [p for p in station.devices.recent_payments() if p.state.value == "approved"]
    assert approved == []
    qtbot.keyClick(panel.amount, Qt.Key.Key_Return)  # then exact cash
    qtbot.waitUntil(lambda: panel.result is not None)


@pytest.mark.timeout(120)
def test_after_a_crash_during_printing_the_sale_screen_says_so_and_f9_reprints(
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    from tests.services.test_sale_crash import _killed_at

    _killed_at("after_print", tmp_path / "till")
    built = open_station(load_station(tmp_path / "till", demo=True), FixedClock())
    try:
        sale = _ready(qtbot, built, session=False)  # the session opened before the crash
        bar = sale.print_problems
        assert bar is not None
        qtbot.waitUntil(bar.isVisible)
        assert bar.text.text().startswith("2 ticket(s) or receipt(s) not printed: Ticket 000001")
        assert "The till stopped while they were printing" in bar.text.text()
        assert "The sales are recorded." in bar.text.text()
        qtbot.keyClick(sale.page.seat_map, Qt.Key.Key_F9)
        qtbot.waitUntil(lambda: not bar.isVisible(), timeout=15_000)

        def duplicates() -> list[str]:
            return [
                j.state for j in built.printing.recent_jobs(10) if j.label.endswith("(DUPLICATA)")
            ]

        qtbot.waitUntil(lambda: duplicates() == ["confirmed", "confirmed"], timeout=15_000)
        with built.services.uow_factory(read_only=True) as uow:
            records = [e.record for e in uow.journal.entries("G1")]
        reprints = [r for r in records if r["type"] == "reprint"]
        assert [(r["ticket"], r["by"]) for r in reprints] == [(1, "OP-CASHIER"), (2, "OP-CASHIER")]
    finally:
        built.stop()


def test_the_no_plan_mode_sells_quantities_per_category_and_tariff(
    qtbot: QtBot,
    station: Station,  # noqa: F811
) -> None:
    sale = _ready(qtbot, station, "Orchestre national : Symphonie n° 9")
    page = sale.page
    page.search_mode.setCurrentIndex(page.search_mode.findData(SeatSearchMode.NO_PLAN))
    grid = sale.quantities
    assert page.centre.currentWidget() is grid and not page.search_row.isVisible()
    qtbot.waitUntil(lambda: ("BAL1", "STUDENT") in grid.fields)
    grid.fields[("BAL1", "STUDENT")].setValue(2)
    grid.fields[("FOSSE", "FULL")].setValue(1)
    assert grid.summary.text() == "3 ticket(s): €115.00"
    # Enter is the grid's shortcut: it needs the window active and the focus in the grid.
    field = grid.fields[("FOSSE", "FULL")]
    field.window().activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: sale.view is not None and len(sale.view.cart.lines) == 3, timeout=30_000
    )
    lines = sale.view.cart.lines
    assert sorted((line.category, line.audience, line.quantity) for line in lines) == [
        ("BAL1", "STUDENT", 1),
        ("BAL1", "STUDENT", 1),
        ("FOSSE", "FULL", 1),
    ]
    assert all(f.value() == 0 for f in grid.fields.values())  # ready for the next request
    grid.fields[("BAL1", "FULL")].setValue(20)
    qtbot.keyClick(grid.fields[("BAL1", "FULL")], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "nothing was added" in sale.cart.message.text())
    assert len(sale.view.cart.lines) == 3


def test_a_performance_without_a_plan_opens_on_the_quantity_grid_and_sells(
    qtbot: QtBot,
    station: Station,  # noqa: F811
) -> None:
    sale = _ready(qtbot, station, "Lectures : Les Fables de La Fontaine")
    page, grid = sale.page, sale.quantities
    assert page.page is not None and not page.page.with_plan
    assert page.centre.currentWidget() is grid  # no plan to pick on: quantities only
    qtbot.waitUntil(lambda: ("COUSSIN", "CHILD") in grid.fields)
    qtbot.waitUntil(lambda: grid.fields[("GRADIN", "FULL")].hasFocus())
    qtbot.waitUntil(lambda: grid.fields[("GRADIN", "FULL")].lineEdit().selectedText() == "0")
    qtbot.keyClicks(grid.fields[("GRADIN", "FULL")], "2")  # typed, as a cashier does
    grid.fields[("COUSSIN", "CHILD")].setValue(2)
    qtbot.keyClick(grid.fields[("GRADIN", "FULL")], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sale.view is not None and len(sale.view.cart.lines) == 2)
    assert sale.view.due.minor == 2 * 1800 + 2 * 500 + 200  # and the booking fee
    qtbot.keyClick(sale.cart, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: sale.payment.ready)
    qtbot.keyClick(sale.payment.amount, Qt.Key.Key_Return)  # exact cash
    qtbot.waitUntil(lambda: sale.payment.result is not None)
    assert len(sale.payment.result.order.tickets) == 4
