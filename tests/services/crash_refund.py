"""Run by test_refund_crash.py in a child process: a two-ticket card sale on the demo station,
then the refund of one ticket to the card, killed (SIGKILL, no clean-up at all) once the
terminal approved the refund and before the till recorded it."""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path

from app.config import load_station
from app.main import open_station
from app.services.after_sale import AfterSaleServices
from app.services.tills import ensure_demo_session
from app.station_after_sale import after_sale_services
from drivers.base import Role
from tests.fakes import FixedClock


def _kill_before_the_refund_is_recorded() -> None:
    def complete(self: AfterSaleServices, correction_id: str, references: object) -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    AfterSaleServices._complete = complete  # type: ignore[assignment,method-assign]


def main(data_dir: str) -> None:
    config = load_station(Path(data_dir), demo=True)
    station = open_station(config, FixedClock())
    services, selling = station.services, station.selling
    ensure_demo_session(services.uow_factory, services.clock, "G1")
    plan = services.performance_view("P-MIS-2").plan
    seats = [plan.seat_ids[i] for i in range(len(plan.seat_ids)) if plan.sellable[i]][:2]
    view = selling.add_seats(selling.open_cart().cart.id, "P-MIS-2", seats)
    view = selling.begin_payment(view.cart.id)
    terminal = station.devices.device_for(Role.PAYMENT_TERMINAL)
    assert terminal is not None
    station.devices.sale_payment(terminal, view.due, view.cart.id)
    sale = selling.complete(view.cart.id, selling.resume_payment(view.cart.id), "OP-CASHIER")
    back = sale.order.tickets[1]
    print(json.dumps({"order": sale.order.id, "ticket": back.number, "barcode": back.barcode,
                      "seat": back.seat_id, "price": back.price.minor}), flush=True)  # fmt: skip
    after = after_sale_services(station, config)
    with services.uow_factory(read_only=True) as uow:
        supervisor = uow.operators.get("OP-SUPERVISOR")
    _kill_before_the_refund_is_recorded()
    after.refund(sale.order.id, [back.number], "lost", supervisor)


if __name__ == "__main__":
    main(sys.argv[1])
