"""Run by test_fault_scenarios.py in a child process: an enrolled demo till sells two sales on
its own places and is killed (SIGKILL, no clean-up at all) at the step named on the command
line: ``inside_commit`` (inside the first sale's transaction, as its outbox row is written),
``after_commit`` (the sales are in its database, nothing was sent) or ``after_send`` (the
server stored the batch; the till dies before it marks anything acknowledged). It prints the
sales' ids first."""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path

from app.composition import open_till
from app.config import load_station
from app.services.selling import SellingServices
from app.services.syncing import SyncServices, _Store
from app.services.tills import ensure_demo_session
from domain.orders import PaymentPlan
from tests.fakes import PINNED_MOMENT, FixedClock


def main(data_dir: str, step: str) -> None:
    clock = FixedClock(PINNED_MOMENT)  # the test server's clock
    services = open_till(load_station(Path(data_dir)), clock)
    ensure_demo_session(services.uow_factory, clock, "G1")
    selling = SellingServices(services.uow_factory, clock, "G1", lambda: "GUICHET")
    if step == "inside_commit":
        from app.persistence.repositories.sales import SaleRepository

        def dies(*_args: object, **_kwargs: object) -> None:
            print("[]", flush=True)
            os.kill(os.getpid(), signal.SIGKILL)

        SaleRepository.add_outbox = dies  # type: ignore[method-assign]
    sales = []
    for places in (1, 2):
        view = selling.add_places(selling.open_cart().cart.id, "P-FAB-1", "GRADINS", places)
        sales.append(
            selling.complete(view.cart.id, PaymentPlan(view.due).exact_cash(), "OP").order.id
        )
    print(json.dumps(sales), flush=True)
    if step == "after_commit":
        os.kill(os.getpid(), signal.SIGKILL)

    def die(*_args: object) -> None:  # the server's answer came: die before storing it
        os.kill(os.getpid(), signal.SIGKILL)

    _Store.acknowledge = die  # type: ignore[assignment,method-assign]
    SyncServices(services.uow_factory, clock, "G1").upload()
    raise SystemExit("the upload did not come back")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
