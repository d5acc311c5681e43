"""Journal records of sales and openings made by the domain itself (`make_order`,
`sale_record`), for the ledger's and the till close's tests."""

from __future__ import annotations

from datetime import UTC, datetime

from domain.money import Money
from domain.orders import (
    Cart,
    CartLine,
    LineKind,
    PaymentPlan,
    TenderMethod,
    Ticket,
    due,
    make_order,
    sale_record,
)

EUR = "EUR"
AT = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def eur(amount: str) -> Money:
    return Money.of(amount, EUR)


def line(n: int, price: str, performance: str = "P1", vat: int = 550) -> CartLine:
    return CartLine(
        f"L{n}", performance, LineKind.SEAT, "CAT1", "FULL", eur(price), vat,
        f"Show {performance}", seat_id=f"S{n}",
    )  # fmt: skip


def sale(
    sale_id: str,
    lines: list[CartLine],
    pay: list[tuple[TenderMethod, str]] | None = None,
    *,
    first_ticket: int = 1,
    fee: str = "0.00",
    at: datetime = AT,
    session: str = "S1",
    till: str = "G1",
) -> dict[str, object]:
    cart = Cart(sale_id, till, EUR).with_lines(lines)
    plan = PaymentPlan(due(cart, eur(fee)))
    for method, amount in pay or []:
        plan = plan.other(method, eur(amount), "cheque" if method is TenderMethod.OTHER else "")
    if not plan.settled:
        plan = plan.exact_cash()
    tickets = [
        Ticket(first_ticket + i, f"B{first_ticket + i}", x.id, x.performance_id, "CAT1", "FULL",
               x.unit_price, seat_id=x.seat_id)
        for i, x in enumerate(lines)
    ]  # fmt: skip
    order = make_order(
        sale_id, cart, eur(fee), 2000, plan, tickets, session_id=session, operator_id="op",
        at=at,
    )  # fmt: skip
    return sale_record(order)


def opening(session: str, float_: str, at: datetime = AT, till: str = "G1") -> dict[str, object]:
    return {
        "type": "session_open", "at": at.isoformat(), "till": till, "session": session,
        "float": {"amount_minor": eur(float_).minor, "currency": EUR},
    }  # fmt: skip


def closing(session: str, at: datetime = AT, till: str = "G1") -> dict[str, object]:
    return {"type": "session_close", "at": at.isoformat(), "till": till, "session": session}
