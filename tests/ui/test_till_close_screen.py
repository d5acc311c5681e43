"""The till session screen's close, from the keyboard: a cashier moves cash out, counts the
drawer blind (no expected figure anywhere on the screen), a supervisor types a PIN on the
cashier's screen, sees the 2.00 shortfall, gives a reason and seals; the Z report shows, and
its PDF read back (with PDFium, not our code) says the same figures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.config import load_station
from app.main import Station, open_station, open_till
from app.services import journal
from app.services.till import TillServices
from app.ui.changes import hub
from app.ui.tasks import Lane
from app.ui.till.session_screen import TillSessionScreen
from app.ui.till.status import SessionStatusLabel
from app.ui.translation import set_language
from domain import ledger
from domain.money import Money
from domain.operators import Operator, Role
from domain.orders import TenderMethod
from domain.till import CashCount, SessionState
from drivers.base import Role as DeviceRole
from tests.fakes import FixedClock
from tests.till_records import line, sale

FLOAT = CashCount.of("EUR", {5000: 2, 1000: 5})  # 150.00


@pytest.fixture
def services(demo_dir: Path, qapp: QApplication) -> TillServices:
    set_language("en")  # the login screen's choice, here without it
    return open_till(load_station(demo_dir), FixedClock())


def _operator(services: TillServices, role: Role) -> Operator:
    card = next(c for c in services.operators() if c.role is role)
    with services.uow_factory(read_only=True) as uow:
        return uow.operators.get(card.id)


def _sell(services: TillServices, session: str, n: int, price: str, method: TenderMethod) -> None:
    pay = [] if method is TenderMethod.CASH else [(method, price)]
    record = sale(f"s{n}", [line(n, price)], pay, first_ticket=n, session=session, till="G1")
    with services.uow_factory() as uow:
        journal.record(uow, "G1", record)
        uow.commit()


def _screen(qtbot: QtBot, services: TillServices, operator: Operator) -> TillSessionScreen:
    screen = TillSessionScreen(services, Lane("database"), operator, language="en")
    qtbot.addWidget(screen)
    screen.show()
    screen.load()
    return screen


def _type(qtbot: QtBot, text: str) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClicks(focused, text)


def _enter(qtbot: QtBot) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Return)


def _pdf_text(path: Path) -> str:
    document = pypdfium2.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def test_a_cashier_counts_blind_and_a_supervisor_seals_with_a_reason(
    qtbot: QtBot, services: TillServices, tmp_path: Path
) -> None:
    supervisor = _operator(services, Role.SUPERVISOR)
    session = services.open_session(supervisor, FLOAT).session
    _sell(services, session.id, 1, "25.00", TenderMethod.CASH)
    _sell(services, session.id, 2, "40.00", TenderMethod.CARD)
    _sell(services, session.id, 3, "15.00", TenderMethod.VOUCHER)
    screen = _screen(qtbot, services, _operator(services, Role.CASHIER))
    qtbot.waitUntil(lambda: screen.action_bar.isVisible())
    assert not screen.x_button.isVisible()  # a cashier never sees what the till expects

    # Cash out 50.00 to the safe: Alt+O, the amount, Enter, the reason, Enter.
    qtbot.keyClick(screen, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.amount_field)
    _type(qtbot, "50")
    _enter(qtbot)
    _enter(qtbot)  # no reason yet: refused in words, nothing recorded
    assert screen.message.text() == "Say why the cash moves: a reason is needed."
    _type(qtbot, "to the safe")
    _enter(qtbot)
    qtbot.waitUntil(lambda: "recorded" in screen.message.text())
    assert screen.message.text() == "Cash out of €50.00 recorded (to the safe)."

    # The blind count: 123.00 in cash (2.00 short), the card and voucher totals.
    screen.count_button.click()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.blind.grid.counts[1])
    screen.blind.grid.counts[5000].setValue(2)
    screen.blind.grid.counts[1000].setValue(2)
    screen.blind.grid.counts[200].setValue(1)
    screen.blind.grid.counts[100].setValue(1)
    assert screen.blind.total.text() == "Cash counted: €123.00"
    screen.blind.others["card"].setText("40")
    screen.blind.others["voucher"].setText("15,00")
    visible = "\n".join(w.text() for w in screen.findChildren(type(screen.status)) if w.isVisible())
    assert "125" not in visible and "expected" not in visible.lower()  # blind
    screen.blind.others["voucher"].setFocus()
    _enter(qtbot)
    qtbot.waitUntil(lambda: "Count no. 1 recorded" in screen.message.text())
    qtbot.waitUntil(lambda: screen.close_button.isVisible())
    assert services.current_session().state is SessionState.COUNTED  # type: ignore[union-attr]

    # The supervisor types a PIN on the cashier's screen.
    screen.close_button.click()
    qtbot.waitUntil(lambda: screen.closing.auth.isVisible())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.closing.pin_field)
    _type(qtbot, "5678")
    _enter(qtbot)
    qtbot.waitUntil(lambda: "cash" in screen.closing.figures)
    expected, declared, variance = screen.closing.figures["cash"]
    assert (expected.text(), declared.text(), variance.text()) == (
        "€125.00", "€123.00", "-€2.00 (short)"
    )  # fmt: skip
    assert screen.closing.figures["card"][2].text() == "none"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.closing.reasons["cash"])
    screen.closing.seal_button.click()  # no reason: refused, nothing sealed
    assert screen.closing.message.text() == "Give a reason for each variance: Cash."
    _type(qtbot, "a 2 euro coin given twice as change")
    _enter(qtbot)
    qtbot.waitUntil(lambda: screen.report_frame.isVisible())
    assert services.current_session() is None
    shown = screen.report_view.toPlainText()
    assert shown.startswith("Z report — till Guichet 1")
    assert "Cash variance" in shown and "-€2.00" in shown
    assert "a 2 euro coin given twice as change" in " ".join(shown.split())  # wrapped

    # The PDF says the same, read back by PDFium.
    path = tmp_path / "z.pdf"
    screen.write_pdf(path)
    qtbot.waitUntil(lambda: "Saved" in screen.message.text())
    text = _pdf_text(path)
    assert "Z report" in text and "Net sales total" in text
    for figure in ("€80.00", "€125.00", "€123.00", "-€2.00", "€50.00", "€150.00"):
        assert figure in text, figure
    assert "a 2 euro coin given twice as change" in text


def test_a_supervisor_sees_the_x_report_and_a_closed_session_s_z_again(
    qtbot: QtBot, services: TillServices
) -> None:
    supervisor = _operator(services, Role.SUPERVISOR)
    session = services.open_session(supervisor, FLOAT).session
    _sell(services, session.id, 1, "25.00", TenderMethod.CASH)
    screen = _screen(qtbot, services, supervisor)
    qtbot.waitUntil(lambda: screen.x_button.isVisible())
    qtbot.keyClick(screen, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: screen.report_frame.isVisible())
    shown = screen.report_view.toPlainText()
    assert shown.startswith("X report — till Guichet 1") and "(still open)" in shown
    assert "Cash expected" in shown and "€175.00" in shown
    qtbot.keyClick(screen, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # cash in...
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.amount_field)
    qtbot.keyClick(screen.amount_field, Qt.Key.Key_Escape)  # ...and Esc: nothing recorded
    assert not screen.movement.isVisible() and screen.action_bar.isVisible()
    services.declare_count(supervisor, FLOAT, {})
    services.close_session(supervisor, 1, {"cash": "the 25.00 sale was not in the drawer"})
    screen.load()
    qtbot.waitUntil(lambda: screen.history.count() == 1)
    item = screen.history.item(0)
    screen.history.itemActivated.emit(item)
    qtbot.waitUntil(lambda: screen.report_view.toPlainText().startswith("Z report"))
    shown = " ".join(screen.report_view.toPlainText().split())
    assert "the 25.00 sale was not in the drawer" in shown


@pytest.fixture
def station(demo_dir: Path, qapp: QApplication) -> Iterator[Station]:
    set_language("en")
    built = open_station(load_station(demo_dir), FixedClock())
    yield built
    built.stop()


def test_the_card_total_comes_from_the_terminal_s_end_of_day_and_the_z_prints(
    qtbot: QtBot, station: Station
) -> None:
    services, devices = station.services, station.devices
    terminal = devices.device_for(DeviceRole.PAYMENT_TERMINAL)
    assert terminal is not None
    devices.end_of_day(terminal)  # the terminal's batch starts empty
    supervisor = _operator(services, Role.SUPERVISOR)
    session = services.open_session(supervisor, FLOAT).session
    devices.sale_payment(terminal, Money.of("40.00", "EUR"), "cart-1")  # approved: in its batch
    _sell(services, session.id, 1, "40.00", TenderMethod.CARD)
    screen = TillSessionScreen(
        services, Lane("database"), supervisor, printing=station.printing, devices=devices,
        language="en",
    )  # fmt: skip
    qtbot.addWidget(screen)
    screen.show()
    screen.load()
    qtbot.waitUntil(lambda: screen.action_bar.isVisible())
    drawer = station.device_station.device("drawer")
    assert drawer is not None and not drawer.is_open()
    screen.start_movement(ledger.CASH_IN)
    screen.amount_field.setText("10")
    screen.reason_field.setText("change from the safe")
    screen.record_movement()
    qtbot.waitUntil(drawer.is_open, timeout=10_000)  # once the cash in is recorded
    screen.count_button.click()
    qtbot.waitUntil(lambda: screen.blind.isVisible())
    assert screen.blind.terminal_button.isVisible()
    screen.blind.terminal_button.click()
    qtbot.waitUntil(lambda: screen.blind.terminal_total is not None, timeout=20_000)
    assert screen.blind.others["card"].text() == "40.00"
    screen.blind.grid.counts[5000].setValue(2)
    screen.blind.grid.counts[1000].setValue(6)
    screen.blind.declare()
    qtbot.waitUntil(lambda: screen.close_button.isVisible())
    review = services.review_close(supervisor)
    count = review.count
    assert count.terminal == Money.of("40.00", "EUR") and not count.terminal_disagrees
    assert review.totals.cash_in.count == 1 and review.totals.drawer_openings_without_sale == 0
    assert all(v.is_zero for v in review.variances)
    screen.close_button.click()
    qtbot.waitUntil(lambda: screen.closing.seal_button.isEnabled())
    screen.closing.seal()
    qtbot.waitUntil(lambda: screen.report_frame.isVisible())
    screen.print_button.click()
    qtbot.waitUntil(lambda: "printing" in screen.message.text())
    qtbot.waitUntil(
        lambda: any(j.kind == "report" and j.state == "confirmed"
                    for j in station.printing.recent_jobs(5)),
        timeout=20_000,
    )  # fmt: skip


def test_the_status_bar_says_open_counted_or_none(qtbot: QtBot, services: TillServices) -> None:
    label = SessionStatusLabel(services, Lane("database"))
    qtbot.addWidget(label)
    qtbot.waitUntil(lambda: label.text().startswith("No till session"))
    supervisor = _operator(services, Role.SUPERVISOR)
    opened = services.open_session(supervisor, FLOAT)
    hub().publish(opened.changes)
    qtbot.waitUntil(lambda: label.text().startswith("Session open since "))
    assert label.text().endswith(" · float €150.00")
    screen = _screen(qtbot, services, supervisor)
    qtbot.waitUntil(lambda: screen.action_bar.isVisible())
    screen.start_count()
    screen.blind.grid.counts[5000].setValue(3)
    screen.blind.declare()
    qtbot.waitUntil(lambda: label.text().startswith("Session counted"))
    screen.start_close()
    qtbot.waitUntil(lambda: screen.closing.seal_button.isEnabled())
    screen.closing.seal()
    qtbot.waitUntil(lambda: label.text().startswith("No till session"))
