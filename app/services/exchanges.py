"""Exchanges at the till: some tickets of a paid order given back for the tickets of a cart
(another performance, seat or tariff), the difference paid or given back in cash, in **one**
write transaction (`domain.exchanges` says how it is journaled: a refund and a sale sharing
an exchange id, the returned tickets' value carried by the tender "exchange").

An exchange, in order:

1. the cart is filled as for a sale (`SellingServices.add_seats`, `add_places`,
   `add_quantities`): its seats are held at once, so a sold-out performance or a taken seat
   is refused there, before anything is given back;
2. `quote` says what the returned tickets are worth, what the new ones cost, and what the
   customer pays or gets back;
3. `exchange`, one transaction: the rules of a refund (each ticket once, the till's mode, an
   open session, a supervisor above the refund threshold for the cash handed back), the
   refund journaled with its tickets voided ("exchanged") and their places back on sale, then
   the cart's sale journaled with its new tickets, barcodes and print jobs. Anything refused
   (the cart's seats lost meanwhile, too little cash given) rolls both back: nothing half done;
4. after the commit: the drawer opens when cash moved, the new tickets print.

The difference is settled in cash only (a card difference is not taken here yet).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace

from app.services.after_sale import AfterSaleServices, ApprovalNeeded, same_mode
from app.services.selling import SaleResult, SellingServices
from app.services.tills import session_for_sale
from domain.errors import DomainError
from domain.exchanges import EXCHANGE, ExchangePlan, plan_exchange
from domain.money import Money
from domain.operators import Operator
from domain.orders import PaymentPlan, TenderMethod
from domain.refunds import ReasonNeeded, may_approve, needs_approval


class ExchangeError(DomainError):
    pass


class CartEmpty(ExchangeError):
    def __init__(self) -> None:
        super().__init__("choose the new tickets first: the exchange cart is empty")


class CashShort(ExchangeError):
    def __init__(self, due: Money, given: Money | None) -> None:
        given_text = "nothing" if given is None else f"{given.minor} minor units"
        super().__init__(
            f"the customer pays {due.minor} minor units more in cash, {given_text} given: "
            "nothing was exchanged"
        )
        self.due = due
        self.given = given


@dataclass(frozen=True, slots=True)
class ExchangeResult:
    exchange_id: str
    plan: ExchangePlan
    refund: dict[str, object]  # the refund's journal record
    sale: SaleResult  # the new tickets' sale
    change: Money  # cash handed back: the difference owed to the customer and any change


class ExchangeServices:
    def __init__(self, selling: SellingServices, after_sale: AfterSaleServices) -> None:
        self._uow = after_sale.uow_factory
        self._till = after_sale.till
        self._selling = selling
        self._after = after_sale

    def quote(self, order_id: str, tickets: Sequence[int], cart_id: str) -> ExchangePlan:
        """What exchanging ``tickets`` of the order for the cart's tickets comes to (nothing
        is changed): `domain.refunds`' errors refuse the tickets, `CartEmpty` an empty cart."""
        view = self._selling.cart(cart_id)
        if not view.cart.lines:
            raise CartEmpty()
        return plan_exchange(self._after.quote(order_id, tickets), view.due)

    def exchange(
        self,
        order_id: str,
        tickets: Sequence[int],
        cart_id: str,
        reason: str,
        operator: Operator,
        *,
        cash_given: Money | None = None,
        approver: tuple[str, str] | None = None,
    ) -> ExchangeResult:
        """Exchange ``tickets`` of the order for the cart's (see the module docstring):
        ``cash_given`` pays what is still due (`CashShort` without enough); ``approver`` (a
        supervisor's id and PIN) above the refund threshold for the cash handed back."""
        if not reason.strip():
            raise ReasonNeeded()
        quoted = self.quote(order_id, tickets, cart_id)
        threshold = self._after.refund_approval_above
        supervisor: Operator | None = None
        if needs_approval(quoted.to_give_back, threshold):
            assert threshold is not None
            if approver is not None:
                supervisor = self._after.supervisor(*approver)
            elif may_approve(operator):
                supervisor = operator
            else:
                raise ApprovalNeeded(quoted.to_give_back, threshold)
        exchange_id = str(uuid.uuid4())
        with self._uow() as uow:
            order = uow.after_sale.order(order_id)
            same_mode(uow, order)
            session = session_for_sale(uow, self._till)
            given_back = self._after.plan_in(uow, order, tickets)
            plan = plan_exchange(given_back, quoted.due)
            payment = PaymentPlan(plan.due)
            if plan.carried.minor > 0:
                payment = payment.other(TenderMethod.OTHER, plan.carried, EXCHANGE)
            if plan.to_pay.minor > 0:
                if cash_given is None or cash_given.minor < plan.to_pay.minor:
                    raise CashShort(plan.to_pay, cash_given)
                payment = payment.cash(cash_given)
            correction = self._after.begin_in(
                uow,
                order,
                replace(given_back, returns=plan.returns),
                reason,
                operator,
                supervisor,
                session.id,
                {"exchange": exchange_id},
            )
            refund, _, _ = self._after.complete_in(uow, correction.id, {}, "exchanged")
            sold, device_seq, jobs = self._selling.record_sale(
                uow,
                cart_id,
                payment,
                operator.id,
                extra={"exchange": exchange_id, "exchange_correction": correction.id},
                credit=plan.carried,
            )
            uow.commit()
        cash_tenders = [t for t in sold.tenders if t.method is TenderMethod.CASH]
        change = plan.to_give_back + sum(
            (t.change for t in cash_tenders), Money.zero(plan.due.currency)
        )
        if not cash_tenders and change.minor > 0:
            self._after.open_drawer()
        sale = self._selling.after_commit(sold, device_seq, jobs)
        return ExchangeResult(exchange_id, plan, refund, sale, change)
