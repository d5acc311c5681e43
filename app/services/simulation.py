"""Random counter sales through the real sale use cases (not the screens): random performances,
seats or standing places, tariffs and tenders. For `guichet simulate sales`, to fill a demo,
for support, and for the sale benchmark. Deterministic for a given random seed.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from zoneinfo import ZoneInfo

from app.services.selling import CartView, SaleResult, SeatsUnavailable, SellingServices
from app.services.till import TillServices
from domain.errors import DomainError
from domain.money import Money
from domain.orders import PaymentPlan, TenderMethod

# A card payment: (amount, cart id) -> the approved payment's id, or None when declined.
CardPayer = Callable[[Money, str], str | None]


@dataclass
class SimulationReport:
    sales: int = 0
    tickets: int = 0
    refused: int = 0  # carts given up: seats taken meanwhile, a declined card...
    tenders: Counter[str] = field(default_factory=Counter)
    results: list[SaleResult] = field(default_factory=list)


def simulate_sales(
    till: TillServices,
    selling: SellingServices,
    count: int,
    operator_id: str,
    rng: random.Random,
    timezone: ZoneInfo,
    pay_by_card: CardPayer | None = None,
) -> SimulationReport:
    """Make ``count`` sales (or try to: a refused cart counts as refused, not as a sale)."""
    now = till.clock.now()
    on_sale = [
        p.performance_id
        for p in till.performances(now.date(), (now + timedelta(days=60)).date(), None, timezone)
        if till.performance_view(p.performance_id).page.sellable.allowed
    ]
    report = SimulationReport()
    if not on_sale:
        return report
    for _ in range(count):
        performance_id = rng.choice(on_sale)
        cart_id = selling.open_cart().cart.id
        try:
            view = _fill(till, selling, cart_id, performance_id, rng)
            if view is None:
                selling.abandon(cart_id)
                report.refused += 1
                continue
            for line in view.cart.lines:
                for _ in range(rng.randrange(3)):
                    view = selling.cycle_tariff(cart_id, line.id)
            view = selling.begin_payment(cart_id)
            plan = _tenders(PaymentPlan(view.due), cart_id, rng, pay_by_card)
            if plan is None:
                selling.abandon(cart_id)
                report.refused += 1
                continue
            result = selling.complete(cart_id, plan, operator_id)
        except DomainError:
            selling.abandon(cart_id)
            report.refused += 1
            continue
        report.sales += 1
        report.tickets += len(result.order.tickets)
        report.tenders.update(t.method.value for t in result.order.tenders)
        report.results.append(result)
    return report


def _fill(
    till: TillServices,
    selling: SellingServices,
    cart_id: str,
    performance_id: str,
    rng: random.Random,
) -> CartView | None:
    plan = till.performance_view(performance_id).plan
    free = [plan.seat_ids[i] for i in range(len(plan.seat_ids)) if plan.sellable[i]]
    wanted = rng.randint(1, 4)
    if plan.standing and (not free or rng.random() < 0.5):
        zone = rng.choice(plan.standing)
        return selling.add_places(cart_id, performance_id, zone.id, wanted)
    if len(free) < wanted:
        return None
    start = rng.randrange(len(free) - wanted + 1)
    try:
        return selling.add_seats(cart_id, performance_id, free[start : start + wanted])
    except SeatsUnavailable:
        return None


def _tenders(
    plan: PaymentPlan, cart_id: str, rng: random.Random, pay_by_card: CardPayer | None
) -> PaymentPlan | None:
    choice = rng.random()
    if pay_by_card is not None and choice < 0.3:
        payment_id = pay_by_card(plan.balance, cart_id)
        if payment_id is None:
            return None
        return plan.other(TenderMethod.CARD, plan.balance, payment_id)
    if choice < 0.6:
        return plan.exact_cash()
    given = Money(((plan.balance.minor // 1000) + 1) * 1000, plan.balance.currency)  # a note
    return plan.cash(given)
