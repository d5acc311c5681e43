"""Pick-up of a validated option, and of an order placed on the web: from the scan of its
number to tickets printed in two actions (the scan, which ends with Enter, then Enter on the
focused button)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.config import load_station
from app.main import Station, open_station
from app.services.after_sale import AfterSaleServices
from app.services.contacts import ContactServices
from app.services.options import OptionServices
from app.services.tills import ensure_demo_session
from app.ui.orders.options_panel import OptionsPanel
from app.ui.orders.pick_up_panel import PickUpPanel
from app.ui.tasks import Lane
from domain.money import Money
from domain.options import OptionState
from tests.fakes import FixedClock
from tests.services.test_pickups import _feed, _web_order

from .test_orders_screen import _orders, station  # noqa: F401


@pytest.fixture
def options_station(tmp_path: Path) -> Iterator[tuple[Station, OptionServices]]:
    clock = FixedClock()
    built = open_station(load_station(tmp_path / "till", demo=True), clock)
    ensure_demo_session(built.services.uow_factory, clock, "G1")
    yield built, OptionServices(built.services.uow_factory, clock, "G1", built.selling)
    built.stop()


@pytest.mark.timeout(60)
def test_a_scan_then_enter_pays_and_prints_a_validated_option(
    qtbot: QtBot, options_station: tuple[Station, OptionServices]
) -> None:
    built, options = options_station
    uow, clock = built.services.uow_factory, built.services.clock
    contact = ContactServices(uow, clock).create("Blanche Dainville").id
    option = options.create_direct(contact, "P-MIS-2", {"CAT2": 2},
                                   clock.now() + timedelta(days=1), "D-42")  # fmt: skip
    options.validate(option.id)
    with uow(read_only=True) as read:
        cashier = read.operators.get("OP-CASHIER")
        jobs_before = len(read.print_jobs.recent(1000))
    say = QLabel()
    lane = Lane("pick-up-test")
    panel = PickUpPanel(options, lane, cashier, say)
    qtbot.addWidget(panel)
    panel.show()
    panel.query.setFocus()
    actions = 0
    qtbot.keyClicks(panel.query, "D-42")  # the scanner types the file number's barcode …
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)  # … and its Enter: one action
    actions += 1
    qtbot.waitUntil(lambda: panel.pay_button.hasFocus())
    qtbot.keyClick(panel.pay_button, Qt.Key.Key_Return)  # Enter on "Pay and print"
    actions += 1
    qtbot.waitUntil(lambda: "tickets printed" in say.text())
    assert actions <= 2
    assert "2 tickets printed" in say.text()
    assert options.get(option.id).state is OptionState.ORDERED
    with uow(read_only=True) as read:
        assert len(read.print_jobs.recent(1000)) == jobs_before + 2
    # Bad input: an unknown number is refused and nothing is done.
    qtbot.keyClicks(panel.query, "NOSUCH")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "No order or validated option NOSUCH" in say.text())
    assert not panel.pay_button.isEnabled()
    lane.shutdown()


@pytest.mark.timeout(60)
def test_f8_takes_the_keyboard_to_the_pick_up_field(
    qtbot: QtBot,
    station: tuple[Station, AfterSaleServices],  # noqa: F811
) -> None:
    built, after = station
    window, screen = _orders(qtbot, built, after)
    assert screen.pick_up is not None and window.work is not None
    screen.search.setFocus()
    qtbot.keyClick(window.work.nav, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: screen.pick_up is not None and screen.pick_up.query.hasFocus())


@pytest.mark.timeout(60)
def test_an_option_created_listed_and_validated_from_the_panel(
    qtbot: QtBot, options_station: tuple[Station, OptionServices]
) -> None:
    built, options = options_station
    contact = ContactServices(built.services.uow_factory, built.services.clock).create("A B").id
    say = QLabel()
    lane = Lane("options-test")
    panel = OptionsPanel(options, lane, say)
    qtbot.addWidget(panel)
    panel.quantities.setText("two please")
    qtbot.keyClick(panel.quantities, Qt.Key.Key_Return)
    assert "CAT1=2" in say.text() and options.listed() == []  # refused, nothing done
    panel.contact.setText(contact)
    panel.performance.setText("P-MIS-2")
    panel.quantities.setText("cat1=2, CAT2=1")
    qtbot.keyClick(panel.quantities, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.listing.count() == 1)
    [option] = options.listed()
    assert dict(option.held) == {"CAT1": 2, "CAT2": 1} and "placed" in say.text()
    assert option.expires_at == built.services.clock.now() + timedelta(days=10)
    panel.listing.setCurrentRow(0)
    panel.findChild(QWidget, "optionValidate").click()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "validated" in panel.listing.item(0).text())
    assert options.get(option.id).state is OptionState.VALIDATED
    lane.shutdown()


@pytest.mark.timeout(90)
def test_a_web_order_scanned_from_any_screen_is_printed_with_one_more_enter(
    qtbot: QtBot,
    station: tuple[Station, AfterSaleServices],  # noqa: F811
) -> None:
    """The README's pick-up: the cashier scans the web order's number on whatever screen is
    shown (one action: the scanner ends with Enter), the pick-up panel names the customer and
    focuses "Print the tickets", Enter prints them (two actions)."""
    built, after = station
    order = _web_order(built)
    _feed(built, order, version=1, seq=10)
    window, screen = _orders(qtbot, built, after)
    assert screen.pick_up is not None and window.work is not None
    with built.services.uow_factory(read_only=True) as uow:
        jobs_before = len(uow.print_jobs.recent(1000))
    window.work.nav.setCurrentRow(0)  # another screen
    actions = 0
    window.scans.from_device(order.number, "test")
    actions += 1
    pick_up = screen.pick_up
    qtbot.waitUntil(lambda: pick_up.pay_button.hasFocus())
    assert screen.isVisible()
    assert "Claire Dupont" in screen.message.text() and "2 ticket(s)" in screen.message.text()
    # The lines to print appear: each ticket as it will print.
    assert screen.tickets.topLevelItemCount() == 2
    first = screen.tickets.topLevelItem(0)
    assert first.text(0) == "41" and "Le Misanthrope" in first.text(1)
    assert first.text(5) == "to print" and "Claire Dupont" in screen.header.text()
    assert screen.tenders.text() == "Paid where it was placed."
    qtbot.keyClick(pick_up.pay_button, Qt.Key.Key_Return)
    actions += 1
    qtbot.waitUntil(lambda: "picked up" in screen.message.text())
    assert actions == 2
    assert "2 ticket(s) printed" in screen.message.text()
    with built.services.uow_factory(read_only=True) as uow:
        assert len(uow.print_jobs.recent(1000)) == jobs_before + 2
    # Scanned again: refused, said where it went, nothing printed.
    window.scans.from_device(order.tickets[0].barcode, "test")
    qtbot.waitUntil(lambda: "picked up already" in screen.message.text())
    assert not pick_up.pay_button.isEnabled()
    with built.services.uow_factory(read_only=True) as uow:
        assert len(uow.print_jobs.recent(1000)) == jobs_before + 2


@pytest.mark.timeout(90)
def test_a_phone_order_to_pay_here_is_scanned_paid_in_cash_and_printed(
    qtbot: QtBot,
    station: tuple[Station, AfterSaleServices],  # noqa: F811
) -> None:
    """An order placed by telephone, to pay at the box office: the scan says what is due and
    focuses the cash field; too little cash is refused with nothing done; the amount given
    and Enter take it, print the tickets and say the change."""
    built, after = station
    order = replace(_web_order(built, "P-000003", channel="PHONE", customer="Jean Martin"),
                    due=Money.of("64.00", "EUR"))  # fmt: skip
    _feed(built, order, version=1, seq=10)
    window, screen = _orders(qtbot, built, after)
    pick_up = screen.pick_up
    assert pick_up is not None
    with built.services.uow_factory(read_only=True) as uow:
        jobs_before = len(uow.print_jobs.recent(1000))
        journal_before = len(list(uow.journal.entries("G1")))
    window.scans.from_device("P-000003", "test")
    qtbot.waitUntil(lambda: pick_up.cash.hasFocus())
    said = screen.message.text()
    assert "Order P-000003 for Jean Martin: 2 ticket(s)" in said and "to pay" in said
    assert "64.00" in said

    qtbot.keyClicks(pick_up.cash, "50")
    qtbot.keyClick(pick_up.cash, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Nothing was done" in screen.message.text())
    assert "given" in screen.message.text() and pick_up.cash.hasFocus()
    with built.services.uow_factory(read_only=True) as uow:
        assert len(uow.print_jobs.recent(1000)) == jobs_before
        assert len(list(uow.journal.entries("G1"))) == journal_before

    pick_up.cash.clear()
    qtbot.keyClicks(pick_up.cash, "70")
    qtbot.keyClick(pick_up.cash, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "picked up" in screen.message.text())
    said = screen.message.text()
    assert "2 ticket(s) printed for Jean Martin" in said and "6.00" in said  # the change
    assert not pick_up.cash.isVisible() and pick_up.query.hasFocus()
    with built.services.uow_factory(read_only=True) as uow:
        assert len(uow.print_jobs.recent(1000)) == jobs_before + 2
        [record] = [e.record for e in uow.journal.entries("G1") if e.record["type"] == "pickup"]
    assert record["tenders"][0]["given"] == {"minor": 7000, "currency": "EUR"}  # type: ignore[index]


@pytest.mark.timeout(90)
def test_f6_pays_what_an_order_has_due_on_the_card_terminal(
    qtbot: QtBot,
    station: tuple[Station, AfterSaleServices],  # noqa: F811
) -> None:
    """A group's option validated in the back office, found by its file number: F6 takes
    what is due on the demo's card terminal and prints the tickets."""
    built, after = station
    order = replace(_web_order(built, "OPT-000001", channel="GROUPES", customer="Compagnie"),
                    due=Money.of("64.00", "EUR"), contact_number="C-0042",
                    file_number="GRP-2026-17")  # fmt: skip
    _feed(built, order, version=1, seq=10)
    window, screen = _orders(qtbot, built, after)
    pick_up = screen.pick_up
    assert pick_up is not None
    window.scans.from_device("GRP-2026-17", "test")
    qtbot.waitUntil(lambda: pick_up.cash.hasFocus())
    assert "F6: by card" in screen.message.text() and pick_up.card_button.isVisible()
    assert [screen.tickets.topLevelItem(i).text(5) for i in range(2)] == ["to pay and print"] * 2
    assert "64.00" in screen.tenders.text()
    qtbot.keyClick(pick_up.cash, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: "picked up" in screen.message.text(), timeout=30_000)
    assert "paid by card" in screen.message.text()
    with built.services.uow_factory(read_only=True) as uow:
        [record] = [e.record for e in uow.journal.entries("G1") if e.record["type"] == "pickup"]
    assert record["tenders"][0]["method"] == "card"  # type: ignore[index]
    assert not pick_up.card_button.isVisible() and pick_up.query.hasFocus()
