"""The README's path through the real sale use cases on the demo station: a supervisor opens
with a float, the cashier sells for cash, by card on the simulated terminal and with a gift
card, takes cash out, counts blind 2.00 short with the card total from the terminal's end of
day; the supervisor closes with a reason. The X just before the close, the Z, the close's
record and the day's accounting export agree to the cent."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.config import load_station
from app.main import Station, open_station
from app.services import accounting
from app.services.journal import verify_journal
from domain import ledger
from domain.money import Money
from domain.operators import Role
from domain.orders import PaymentPlan, TenderMethod
from domain.periods import Period
from domain.till import CashCount
from drivers.base import Role as DeviceRole
from tests.fakes import PARIS, FixedClock

FLOAT = CashCount.of("EUR", {5000: 2, 1000: 5})  # 150.00


@pytest.fixture
def station(tmp_path: Path) -> Iterator[Station]:
    built = open_station(load_station(tmp_path, demo=True), FixedClock())
    yield built
    built.stop()


def _sell(station: Station, operator_id: str, seats: int, pay: str) -> dict[str, Money]:
    """One sale of ``seats`` seats; what each tender took."""
    selling, services = station.selling, station.services
    plan_view = services.performance_view("P-MIS-2").plan
    free = [s for i, s in enumerate(plan_view.seat_ids) if plan_view.sellable[i]][:seats]
    view = selling.begin_payment(
        selling.add_seats(selling.open_cart().cart.id, "P-MIS-2", free).cart.id
    )
    plan = PaymentPlan(view.due)
    if pay == "cash":
        plan = plan.exact_cash()
    elif pay == "card":
        terminal = station.devices.device_for(DeviceRole.PAYMENT_TERMINAL)
        assert terminal is not None
        payment, _ = station.devices.sale_payment(terminal, view.due, view.cart.id)
        plan = selling.resume_payment(view.cart.id)
        assert plan.settled and plan.tenders[0].reference == payment.id
    else:  # the gift card's 50.00, the rest in cash
        plan = plan.other(TenderMethod.VOUCHER, Money.of("50.00", "EUR"), "GIFT-2026-0001")
        plan = plan.exact_cash()
    selling.complete(view.cart.id, plan, operator_id)
    return {t.method.value: t.amount for t in plan.tenders}


def test_the_readme_path_x_z_close_record_and_export_agree(station: Station) -> None:
    services, devices = station.services, station.devices
    terminal = devices.device_for(DeviceRole.PAYMENT_TERMINAL)
    assert terminal is not None
    devices.end_of_day(terminal)  # the simulated terminal's batch starts empty
    cards = {c.role: c for c in services.operators()}
    supervisor = services.log_in(cards[Role.SUPERVISOR].id, "5678")
    cashier = services.log_in(cards[Role.CASHIER].id, "1234")
    session = services.open_session(supervisor, FLOAT).session
    first = _sell(station, cashier.id, 2, "cash")
    card = _sell(station, cashier.id, 1, "card")["card"]
    mixed = _sell(station, cashier.id, 1, "voucher")
    cash, voucher = first["cash"] + mixed["cash"], mixed["voucher"]
    services.move_cash(cashier, ledger.CASH_OUT, Money.of("20.00", "EUR"), "to the safe")

    eod = devices.end_of_day(terminal)
    assert eod.approved and eod.total == card
    x = services.x_report().totals
    assert x.tender("cash") == cash and x.tender("card") == card and x.tender("voucher") == voucher
    assert x.expected_cash == Money.of("130.00", "EUR") + cash
    short = x.expected_cash - Money.of("2.00", "EUR")
    count = services.declare_count(
        cashier, CashCount.of("EUR", {100: short.minor // 100}),
        {"card": eod.total, "voucher": voucher}, eod.total,
    )  # fmt: skip
    review = services.review_close(supervisor)
    assert [(v.tender, v.difference) for v in review.variances if not v.is_zero] == [
        ("cash", Money.of("-2.00", "EUR"))
    ]
    closed = services.close_session(supervisor, count.number, {"cash": "change given twice"})

    z = services.z_report(session.id)
    assert z.totals == x == closed.totals
    assert z.close is not None and z.close["totals"] == ledger.totals_record(x)
    day = accounting.day_totals(
        services.uow_factory,
        "G1",
        PARIS,
        Period.parse(session.opened_at.astimezone(PARIS).date().isoformat()),
    )
    assert {t.key: t.net for t in day.tenders} == {t.key: t.net for t in x.tenders}
    assert day.vat == x.vat and day.net_total == x.net_total
    assert verify_journal(services.uow_factory, "G1").ok
