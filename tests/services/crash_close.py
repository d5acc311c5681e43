"""Run by test_till_close_crash.py in a child process: sales on the demo station, a cash out,
the blind count, then the till killed (SIGKILL, no clean-up at all) at the step named on the
command line: inside the count's transaction, inside the close's, or just after the close."""

from __future__ import annotations

import json
import os
import random
import signal
import sys
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from app.config import load_station
from app.main import open_station
from app.persistence.repositories.till_sessions import TillSessionRepository
from app.services.simulation import simulate_sales
from app.services.tills import ensure_demo_session
from domain import ledger
from domain.money import Money
from domain.till import CashCount
from tests.fakes import FixedClock


def _kill_inside(method: str) -> None:
    """Die in the middle of the repository's ``method``: its transaction never commits."""

    def die(self: TillSessionRepository, *args: Any, **kwargs: Any) -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    setattr(TillSessionRepository, method, die)


def main(data_dir: str, step: str) -> None:
    station = open_station(load_station(Path(data_dir), demo=True), FixedClock())
    services = station.services
    session = ensure_demo_session(services.uow_factory, services.clock, "G1")
    supervisor = next(o for o in services.operators() if o.id == session.opened_by)
    with services.uow_factory(read_only=True) as uow:
        operator = uow.operators.get(supervisor.id)
    simulate_sales(services, station.selling, 3, operator.id, random.Random(7),
                   ZoneInfo("Europe/Paris"))  # fmt: skip
    services.move_cash(operator, ledger.CASH_OUT, Money.of("20.00", "EUR"), "to the safe")
    x = services.x_report().totals
    short = x.expected_cash - Money.of("2.00", "EUR")
    counted = CashCount.of("EUR", {1: short.minor})
    print(json.dumps({"session": session.id, "x": ledger.totals_record(x)}), flush=True)
    if step == "in_count":
        _kill_inside("add_count")
    services.declare_count(
        operator, counted, {k: v for k, v in x.expected().items() if k != "cash"}
    )
    if step == "in_close":
        _kill_inside("close")
    services.close_session(operator, 1, {"cash": "a coin given twice as change"})
    if step == "after_close":
        os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
