"""The cart's codes and contact on the real demo station, driven by the keys: the promo code
BIENVENUE lowers the total and the journal and the X report see what was paid; a single-use
code sells once; each refusal says why and changes nothing; a code a change of the cart no
longer fits leaves it, said; the contact found (or created) is attached to the order; erasing
a contact's personal data needs a supervisor's PIN."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.config import load_station
from app.main import Station, open_station
from app.services.advantages import AdvantageServices
from app.services.tills import ensure_demo_session
from app.ui.application import build_main_window
from app.ui.main_window import MainWindow
from app.ui.sale.contact_panel import ContactPanel
from app.ui.sale.sale_screen import CounterServices, SaleScreen
from domain.advantages import Advantage, Target
from domain.money import Money
from planfiles.demo_advantages import DEMO_CONTACT
from tests.fakes import FixedClock
from tests.services.test_advantages import Offline

from .test_sale_counter_speed import open_performance

EUR = "EUR"


@pytest.fixture
def station(tmp_path: Path) -> Iterator[Station]:
    built = open_station(load_station(tmp_path / "till", demo=True), FixedClock())
    yield built
    built.stop()


def counter_window(
    qtbot: QtBot, station: Station, counter: CounterServices | None = None
) -> MainWindow:
    assert station.advantages is not None and station.contacts is not None
    window = build_main_window(
        station.services,
        "en",
        5,
        "Europe/Paris",
        station.printing,
        station.devices,
        station.selling,
        station.syncing,
        counter=counter or CounterServices(station.advantages, station.contacts),
    )
    qtbot.addWidget(window)
    window.scans.wedge.min_length = 10_000  # qtbot types faster than a scanner: typing here
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.login.operator_box.count() == 3)
    return window


def ready(qtbot: QtBot, station: Station, counter: CounterServices | None = None) -> SaleScreen:
    """Camille at the sale screen of Le Misanthrope, a till session open, two best seats in
    the cart."""
    services = station.services
    ensure_demo_session(services.uow_factory, services.clock, "G1")
    window = counter_window(qtbot, station, counter)
    sale = open_performance(qtbot, window, "Le Misanthrope")
    sale.keep_window = window  # type: ignore[attr-defined]  # alive for the test
    best_two(qtbot, sale)
    return sale


def best_two(qtbot: QtBot, sale: SaleScreen) -> None:
    qtbot.keyClick(sale.page, Qt.Key.Key_F3)
    qtbot.keyClick(sale.page.seat_map, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sale.view is not None and len(sale.view.cart.lines) == 2)


def type_code(qtbot: QtBot, sale: SaleScreen, code: str) -> None:
    """Ctrl+K, the code, Enter; waits for the lane's answer."""
    qtbot.keyClick(sale.page.seat_map, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert sale.cart.code.hasFocus()
    qtbot.keyClicks(sale.cart.code, code)
    before = sale.cart.message.text()
    qtbot.keyClick(sale.cart.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sale.cart.message.text() not in (before, "") and "…" not in
                    sale.cart.message.text())  # fmt: skip


def pay_exact_cash(qtbot: QtBot, sale: SaleScreen) -> str:
    """F12, Enter: exact cash; the order's id."""
    qtbot.keyClick(sale.cart, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: sale.payment.ready)
    qtbot.keyClick(sale.payment.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sale.payment.result is not None, timeout=10_000)
    assert sale.payment.result is not None
    return sale.payment.result.order.id


def next_customer(qtbot: QtBot, sale: SaleScreen) -> None:
    qtbot.keyClick(sale.payment.next_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sale.view is not None and not sale.view.cart.lines)


def test_bienvenue_lowers_the_total_and_the_journal_and_x_report_see_the_discount(
    qtbot: QtBot, station: Station
) -> None:
    sale = ready(qtbot, station)
    assert sale.view is not None
    before = sale.view.due
    gross = sale.view.cart.subtotal()
    type_code(qtbot, sale, "bienvenue")
    off = Money((gross.minor + 5) // 10, EUR)  # 10 % of the tickets, the fee not discounted
    assert sale.view.due == before - off
    assert sale.cart.codes.count() == 1
    assert "BIENVENUE" in sale.cart.codes.item(0).text()
    assert "applied" in sale.cart.message.text() and sale.cart.code.text() == ""
    order_id = pay_exact_cash(qtbot, sale)
    with station.services.uow_factory(read_only=True) as uow:
        record = uow.sales.document(order_id)
    assert record["total"]["minor"] == before.minor - off.minor
    assert {line["discount"]["by"] for line in record["lines"]} == {"BIENVENUE"}
    assert sum(line["discount"]["minor"] for line in record["lines"]) == off.minor
    totals = station.services.x_report().totals  # F10's X report, from the journal
    assert totals.net_total == before - off
    assert totals.tender("cash") == before - off


def test_a_single_use_code_sells_once_and_is_refused_the_second_time(
    qtbot: QtBot, station: Station
) -> None:
    sale = ready(qtbot, station)
    assert sale.view is not None
    before = sale.view.due
    type_code(qtbot, sale, "MERCI-0001")
    assert sale.view.due == before - Money.of("5.00", EUR)
    pay_exact_cash(qtbot, sale)
    next_customer(qtbot, sale)
    best_two(qtbot, sale)
    due = sale.view.due
    type_code(qtbot, sale, "merci 0001")
    assert "used already" in sale.cart.message.text()
    assert "Nothing was changed" in sale.cart.message.text()
    assert sale.view.due == due and sale.cart.codes.count() == 0
    assert sale.cart.code.hasFocus() and sale.cart.code.text() == "merci 0001"  # to correct it


def test_each_refusal_says_why_and_leaves_the_cart_as_it_was(
    qtbot: QtBot, station: Station
) -> None:
    assert station.advantages is not None and station.contacts is not None
    advantages = station.advantages
    now = station.services.clock.now()
    for advantage in (
        Advantage("SOON", "Soon", Target.PROMO, EUR, percent_bp=500, access_code="SOON",
                  starts_at=now + timedelta(days=3)),
        Advantage("OLD", "Old", Target.PROMO, EUR, percent_bp=500, access_code="OLD",
                  ends_at=now - timedelta(days=1)),
        Advantage("WEBONLY", "Web", Target.PROMO, EUR, percent_bp=500, access_code="WEBONLY",
                  channels=frozenset({"WEB"})),
        Advantage("FULL", "Full", Target.PROMO, EUR, percent_bp=500, access_code="FULL",
                  quota=0),
        Advantage("RICH", "Rich", Target.PROMO, EUR, percent_bp=500, access_code="RICH",
                  minimum=Money.of("5000.00", EUR)),
        Advantage("OTHER", "Other hall", Target.PARTNER, EUR, percent_bp=500,
                  access_code="OTHER", performances=frozenset({"P-CAR-1"})),
    ):  # fmt: skip
        advantages.create(advantage)
    advantages.invalidate("MERCI-0002")
    sale = ready(qtbot, station)
    assert sale.view is not None
    type_code(qtbot, sale, "BIENVENUE")
    due = sale.view.due
    expected = {
        "NOPE": "is not known",
        "MERCI-0002": "invalidated",
        "SOON": "valid only from",
        "OLD": "ended on",
        "WEBONLY": "not valid on this sales channel",
        "FULL": "reached its quota",
        "RICH": "minimum of €5,000.00",
        "OTHER": "Nothing in the cart is eligible",
        "BIENVENUE": "already applied",
    }
    for code, said in expected.items():
        sale.cart.code.clear()
        sale.cart.message.clear()
        type_code(qtbot, sale, code)
        message = sale.cart.message.text()
        assert said in message, (code, message)
        assert "Nothing was changed in the cart." in message
        assert sale.view.due == due
        assert sale.cart.codes.count() == 1  # BIENVENUE only
    assert advantages.tally("DEMO-MERCI").available == 9  # 0002 invalidated


def test_an_enrolled_till_offline_refuses_a_single_use_code_and_says_to_try_online(
    qtbot: QtBot, station: Station
) -> None:
    assert station.contacts is not None
    enrolled = AdvantageServices(
        station.services.uow_factory,
        station.services.clock,
        lambda: station.services.till().channel.code,
        Offline(),  # its server does not answer
    )
    sale = ready(qtbot, station, CounterServices(enrolled, station.contacts))
    assert sale.view is not None
    due = sale.view.due
    type_code(qtbot, sale, "MERCI-0003")
    message = sale.cart.message.text()
    assert "must be checked with the server, which cannot be reached" in message
    assert "try again when online" in message
    assert sale.view.due == due and sale.cart.codes.count() == 0
    sale.cart.code.clear()
    type_code(qtbot, sale, "BIENVENUE")  # a shared code needs no server
    assert sale.cart.codes.count() == 1 and sale.view.due < due


def test_a_code_the_changed_cart_no_longer_fits_leaves_it_and_the_cart_says_why(
    qtbot: QtBot, station: Station
) -> None:
    assert station.advantages is not None
    sale = ready(qtbot, station)
    assert sale.view is not None
    two = sale.view.cart.subtotal()
    station.advantages.create(
        Advantage("DUO", "Duo", Target.PROMO, EUR, percent_bp=1000, access_code="DUO",
                  minimum=two)
    )  # fmt: skip
    type_code(qtbot, sale, "DUO")
    assert sale.cart.codes.count() == 1
    # Del removes one seat (the focus on the plan, the last line selected)
    sale.page.seat_map.setFocus()
    qtbot.keyClick(sale.page.seat_map, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: sale.view is not None and len(sale.view.cart.lines) == 1)
    qtbot.waitUntil(lambda: sale.cart.codes.count() == 0)
    message = sale.cart.message.text()
    assert "Duo left the cart" in message and "minimum of" in message
    assert sale.view.due == sale.view.cart.undiscounted().subtotal() + sale.view.fee


def test_del_in_the_codes_list_removes_the_selected_code(qtbot: QtBot, station: Station) -> None:
    sale = ready(qtbot, station)
    assert sale.view is not None
    due = sale.view.due
    type_code(qtbot, sale, "BIENVENUE")
    assert sale.view.due < due
    sale.cart.codes.setFocus()
    qtbot.keyClick(sale.cart.codes, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: sale.cart.codes.count() == 0)
    assert sale.view.due == due and len(sale.view.cart.lines) == 2  # no seat left the cart


def find_contact(qtbot: QtBot, sale: SaleScreen, text: str) -> ContactPanel:
    """Ctrl+U from the cart, the text in the search field, Enter."""
    qtbot.keyClick(sale.page.seat_map, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    panel = sale.contact_panel
    assert panel is not None and sale.modes.currentWidget() is panel
    assert panel.query.hasFocus()
    qtbot.keyClicks(panel.query, text)
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    return panel


def test_the_contact_found_shows_its_advantage_and_is_attached_to_the_order(
    qtbot: QtBot, station: Station
) -> None:
    assert station.contacts is not None
    sale = ready(qtbot, station)
    assert sale.view is not None
    assert sale.cart.gift.isHidden()  # nobody: no advantage without a code
    due = sale.view.due
    panel = find_contact(qtbot, sale, "marchand")
    qtbot.waitUntil(lambda: panel.results.count() == 1)
    assert panel.results.hasFocus()
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)  # Enter picks it
    qtbot.waitUntil(lambda: sale.modes.currentWidget() is sale.selling_view)
    assert "Louise Marchand" in sale.cart.contact.text()
    qtbot.waitUntil(lambda: not sale.cart.gift.isHidden())
    assert "🎁" in sale.cart.gift.text() and "Abonnés" in sale.cart.gift.text()
    qtbot.keyClick(sale.page.seat_map, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: sale.cart.codes.count() == 1)
    gross = sale.view.cart.undiscounted().subtotal()
    assert sale.view.due == due - Money((gross.minor * 1500 + 5_000) // 10_000, EUR)
    assert sale.cart.gift.isHidden()  # applied: nothing more to offer
    order_id = pay_exact_cash(qtbot, sale)
    contacts = station.contacts
    qtbot.waitUntil(lambda: contacts.contact_of(order_id) is not None, timeout=5_000)
    assert contacts.contact_of(order_id) == DEMO_CONTACT
    next_customer(qtbot, sale)
    assert "No contact" in sale.cart.contact.text()


def test_a_new_contact_is_created_with_what_the_sale_needs_and_picked(
    qtbot: QtBot, station: Station
) -> None:
    assert station.contacts is not None
    sale = ready(qtbot, station)
    panel = find_contact(qtbot, sale, "Zoe Nouvelle")
    qtbot.waitUntil(panel.name.hasFocus)  # nobody found: the name typed is the new one's
    assert panel.name.text() == "Zoe Nouvelle"
    qtbot.keyClick(panel.name, Qt.Key.Key_Tab)
    qtbot.keyClicks(panel.email, "not-an-email")
    qtbot.keyClick(panel.email, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "not a valid e-mail" in panel.message.text())
    assert station.contacts.find("Nouvelle") == []  # nothing saved
    panel.email.clear()
    qtbot.keyClicks(panel.email, "zoe@example.org")
    qtbot.keyClick(panel.email, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sale.modes.currentWidget() is sale.selling_view)
    assert "Zoe Nouvelle" in sale.cart.contact.text()
    [created] = station.contacts.find("zoe@example.org")
    assert sale.contact == created
    order_id = pay_exact_cash(qtbot, sale)
    qtbot.waitUntil(lambda: station.contacts.contact_of(order_id) == created, timeout=5_000)


def test_erasing_a_contacts_personal_data_needs_a_supervisors_pin(
    qtbot: QtBot, station: Station
) -> None:
    assert station.contacts is not None
    sale = ready(qtbot, station)
    panel = find_contact(qtbot, sale, "Marchand")
    qtbot.waitUntil(lambda: panel.results.count() == 1)
    qtbot.mouseClick(panel.erase_button, Qt.MouseButton.LeftButton)
    assert panel.confirm.isVisible() and panel.pin.hasFocus()
    assert "Louise Marchand" in panel.confirm_text.text()
    assert panel.supervisor.currentText() == "Jules Bernard"
    qtbot.keyClicks(panel.pin, "0000")
    qtbot.keyClick(panel.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Wrong PIN" in panel.message.text())
    assert not station.contacts.get(DEMO_CONTACT.id).erased
    qtbot.keyClicks(panel.pin, "5678")
    qtbot.keyClick(panel.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "were erased" in panel.message.text())
    erased = station.contacts.get(DEMO_CONTACT.id)
    assert erased.erased and erased.name == "" and erased.email == ""
    assert panel.results.count() == 0 and station.contacts.find("Marchand") == []
    qtbot.keyClick(panel, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: sale.modes.currentWidget() is sale.selling_view)


def test_a_code_scanned_on_the_cart_is_applied_and_an_order_number_finds_its_order(
    qtbot: QtBot, station: Station
) -> None:
    sale = ready(qtbot, station)
    window = sale.keep_window  # type: ignore[attr-defined]
    assert sale.view is not None
    due = sale.view.due
    window.scans.scanned.emit("BIENVENUE", "test")
    qtbot.waitUntil(lambda: sale.cart.codes.count() == 1)
    assert sale.view.due < due
    assert window.work.stack.currentWidget() is not window.work.screens.get("orders")
    assert sale.takes_scan("MERCI-0004") and not sale.takes_scan("G1-000001")


def test_the_readme_sale_bienvenue_then_a_single_use_code_both_listed_then_paid(
    qtbot: QtBot, station: Station, tmp_path: Path
) -> None:
    sale = ready(qtbot, station)
    assert sale.view is not None
    before = sale.view.due
    type_code(qtbot, sale, "BIENVENUE")
    qtbot.keyClicks(sale.cart.code, "MERCI-0005")
    qtbot.keyClick(sale.cart.code, Qt.Key.Key_Delete)  # editing the code, not the cart
    qtbot.keyClick(sale.cart.code, Qt.Key.Key_Backspace)
    qtbot.keyClicks(sale.cart.code, "4")
    assert sale.cart.code.text() == "MERCI-0004" and len(sale.view.cart.lines) == 2
    qtbot.keyClick(sale.cart.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sale.cart.codes.count() == 2)
    texts = [sale.cart.codes.item(i).text() for i in range(2)]
    assert "BIENVENUE" in texts[0] and "MERCI0004" in texts[1] and "5.00" in texts[1]
    gross = sale.view.cart.undiscounted().subtotal()
    ten = Money((gross.minor + 5) // 10, EUR)
    assert sale.view.due == before - ten - Money.of("5.00", EUR)
    assert sale.view.due.minor > 0 and "€" in sale.cart.total.text()
    sale.grab().save(str(tmp_path / "cart.png"))
    order_id = pay_exact_cash(qtbot, sale)
    with station.services.uow_factory(read_only=True) as uow:
        record = uow.sales.document(order_id)
    assert {line["discount"]["by"] for line in record["lines"]} == {"BIENVENUE+MERCI0004"}
    assert station.services.x_report().totals.net_total == sale.payment.result.order.total
