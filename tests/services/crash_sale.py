"""Run by test_sale_crash.py in a child process: a sale on the demo station, killed (SIGKILL,
no clean-up at all) at the step named on the command line."""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path

from app.config import load_station
from app.main import open_station
from app.services.printing import PrintingServices
from app.services.tills import ensure_demo_session
from drivers.base import Role
from drivers.printers.base import JobState
from tests.fakes import FixedClock


def _kill_when_a_ticket_is_marked_printed() -> None:
    """The ticket came out of the printer; the till dies before it stores that."""
    original = PrintingServices._set_state

    def set_state(self: PrintingServices, job_id: str, state: JobState, detail: str) -> None:
        if state is JobState.CONFIRMED:
            os.kill(os.getpid(), signal.SIGKILL)
        original(self, job_id, state, detail)

    PrintingServices._set_state = set_state  # type: ignore[method-assign]


def main(data_dir: str, step: str) -> None:
    if step == "after_print":
        _kill_when_a_ticket_is_marked_printed()
    station = open_station(load_station(Path(data_dir), demo=True), FixedClock())
    services, selling = station.services, station.selling
    ensure_demo_session(services.uow_factory, services.clock, "G1")
    plan = services.performance_view("P-MIS-2").plan
    seats = [plan.seat_ids[i] for i in range(len(plan.seat_ids)) if plan.sellable[i]][:2]
    view = selling.add_seats(selling.open_cart().cart.id, "P-MIS-2", seats)
    view = selling.begin_payment(view.cart.id)
    terminal = station.devices.device_for(Role.PAYMENT_TERMINAL)
    assert terminal is not None
    payment, result = station.devices.sale_payment(terminal, view.due, view.cart.id)
    print(json.dumps({"cart": view.cart.id, "seats": seats, "payment": payment.id,
                      "outcome": result.outcome.value}), flush=True)  # fmt: skip
    if step == "after_card":
        os.kill(os.getpid(), signal.SIGKILL)
    plan_paid = selling.resume_payment(view.cart.id)
    selling.complete(view.cart.id, plan_paid, "OP-CASHIER")
    if step == "after_commit":
        os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(30)  # after_print: killed by the printer's thread


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
