"""Run by test_exchange_crash.py in a child process: a cash sale of two tickets on the demo
station, then one exchanged for two seats of another date with the difference paid by card,
killed (SIGKILL, no clean-up at all) at the step named on the command line: ``after_card``
once the terminal approved the difference and before the till recorded the exchange,
``before_card`` once the exchange is stored pending and before the card is asked for."""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path

from app.config import load_station
from app.main import open_station
from app.services.after_sale import AfterSaleServices
from app.services.exchanges import ExchangeServices
from app.services.tills import ensure_demo_session
from app.station_after_sale import after_sale_services
from domain.orders import PaymentPlan
from tests.fakes import FixedClock


def _kill(*_args: object, **_kwargs: object) -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _sellable(station: object, performance: str, n: int) -> list[str]:
    plan = station.services.performance_view(performance).plan  # type: ignore[attr-defined]
    return [plan.seat_ids[i] for i in range(len(plan.seat_ids)) if plan.sellable[i]][:n]


def main(data_dir: str, step: str) -> None:
    config = load_station(Path(data_dir), demo=True)
    station = open_station(config, FixedClock())
    services, selling = station.services, station.selling
    ensure_demo_session(services.uow_factory, services.clock, "G1")
    view = selling.add_seats(
        selling.open_cart().cart.id, "P-MIS-2", _sellable(station, "P-MIS-2", 2)
    )
    sale = selling.complete(view.cart.id, PaymentPlan(view.due).exact_cash(), "OP-CASHIER")
    back = sale.order.tickets[1]
    seats = _sellable(station, "P-MIS-3", 2)
    cart = selling.add_seats(selling.open_cart().cart.id, "P-MIS-3", seats).cart.id
    after = after_sale_services(station, config)
    exchanges = ExchangeServices(selling, after)
    quote = exchanges.quote(sale.order.id, [back.number], cart)
    said = {"order": sale.order.id, "ticket": back.number, "barcode": back.barcode,
            "cart": cart, "seats": seats, "to_pay": quote.to_pay.minor}  # fmt: skip
    print(json.dumps(said), flush=True)
    if step == "after_card":
        ExchangeServices._finish = _kill  # type: ignore[assignment,method-assign]
    else:
        AfterSaleServices.card_payment = _kill  # type: ignore[assignment,method-assign]
    with services.uow_factory(read_only=True) as uow:
        cashier = uow.operators.get("OP-CASHIER")
    exchanges.exchange(sale.order.id, [back.number], cart, "another date", cashier, card=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
