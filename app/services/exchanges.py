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

**The difference by card** (``card=True``) cannot be one transaction with the terminal in it,
so it goes as a card refund does (`app.services.after_sale`):

1. one transaction: the same rules, the exchange's correction stored *pending* (its planned
   refund record naming the exchange and its cart): the order's tickets cannot be refunded or
   exchanged meanwhile, and nothing is given back yet;
2. the card payment of the difference, its reference the correction's id (so no sale of the
   cart can count it): declined, or the terminal failing before anything was charged, the
   correction is abandoned — nothing was exchanged, the old tickets stay valid; no answer, it
   stays pending and the payment unknown (a supervisor settles it on the Devices screen);
3. one transaction: the refund and the cart's sale, paid by the tender "exchange" and the
   approved card payment (`_finish`).

A till stopped between 1 and 3 is settled at the next start (`recover_at_start`): the card
approved, the exchange is finished then (the customer is never charged twice, the new tickets
print); no card charged, the exchange is abandoned and the cart's seats go back on sale; a
card outcome still unknown waits for the supervisor.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace

from app.services.after_sale import (
    AfterSaleServices,
    ApprovalNeeded,
    Recovered,
    same_mode,
)
from app.services.payments import PaymentState
from app.services.ports import UnitOfWork
from app.services.records import CorrectionRecord
from app.services.selling import SaleResult, SellingServices, order_number
from app.services.tills import session_for_sale
from domain.errors import DomainError
from domain.exchanges import EXCHANGE, ExchangePlan, plan_exchange
from domain.ledger import read_money
from domain.money import Money
from domain.operators import Operator
from domain.orders import Order, PaymentPlan, TenderMethod
from domain.refunds import ReasonNeeded, may_approve, needs_approval
from drivers.payment import PaymentOutcome, ProgressListener


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


class ExchangeDeclined(ExchangeError):
    """The card refused the difference: nothing was charged, nothing exchanged."""

    def __init__(self, message: str) -> None:
        super().__init__(f"the card was declined ({message}): nothing was exchanged")
        self.message = message


class ExchangeOutcomeUnknown(ExchangeError):
    """The terminal did not say whether the difference was charged: the exchange waits."""

    def __init__(self, correction_id: str, message: str) -> None:
        super().__init__(
            f"the card payment of exchange {correction_id} has no known outcome ({message}): "
            "do not charge the card again; a supervisor settles it on the Devices screen and "
            "the exchange is finished at the next start"
        )
        self.correction_id = correction_id
        self.message = message


_RECOVERED = {  # `ExchangeServices.recover_at_start`'s outcomes, for the log
    "exchanged": "the card had paid the exchange's difference before the till stopped: the "
    "exchange is recorded now, its new tickets print",
    "exchange_waiting": "the exchange's card payment is not settled: a supervisor settles it on "
    "the Devices screen; the exchange is finished at the next start",
    "exchange_abandoned": "the till stopped before the exchange was paid: nothing was "
    "exchanged, the old tickets stay valid",
}


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
        card: bool = False,
        progress: ProgressListener | None = None,
    ) -> ExchangeResult:
        """Exchange ``tickets`` of the order for the cart's (see the module docstring):
        ``cash_given`` pays what is still due (`CashShort` without enough), or ``card`` on the
        terminal (then this blocks: run it on a lane of its own); ``approver`` (a
        supervisor's id and PIN) above the refund threshold for the cash handed back."""
        if not reason.strip():
            raise ReasonNeeded()
        quoted = self.quote(order_id, tickets, cart_id)
        supervisor = self._approval(quoted, operator, approver)
        if card and quoted.to_pay.minor > 0:
            return self._by_card(order_id, tickets, cart_id, reason, operator, supervisor, progress)
        exchange_id = str(uuid.uuid4())
        with self._uow() as uow:
            plan, correction = self._begin_in(
                uow, order_id, tickets, quoted.due, reason, operator, supervisor,
                {"exchange": exchange_id, "exchange_cart": cart_id},
            )  # fmt: skip
            payment = _carried_payment(plan.due, plan.carried)
            if plan.to_pay.minor > 0:
                if cash_given is None or cash_given.minor < plan.to_pay.minor:
                    raise CashShort(plan.to_pay, cash_given)
                payment = payment.cash(cash_given)
            refund, sold, device_seq, jobs = self._record_in(uow, correction, payment, plan.carried)
            uow.commit()
        cash_tenders = [t for t in sold.tenders if t.method is TenderMethod.CASH]
        change = plan.to_give_back + sum(
            (t.change for t in cash_tenders), Money.zero(plan.due.currency)
        )
        if not cash_tenders and change.minor > 0:
            self._after.open_drawer()
        sale = self._selling.after_commit(sold, device_seq, jobs)
        return ExchangeResult(exchange_id, plan, refund, sale, change)

    def _approval(
        self, quoted: ExchangePlan, operator: Operator, approver: tuple[str, str] | None
    ) -> Operator | None:
        """The supervisor approving the cash handed back above the refund threshold (the
        operator, if one); `ApprovalNeeded`, or a wrong PIN refused and counted."""
        threshold = self._after.refund_approval_above
        if not needs_approval(quoted.to_give_back, threshold):
            return None
        assert threshold is not None
        if approver is not None:
            return self._after.supervisor(*approver)
        if may_approve(operator):
            return operator
        raise ApprovalNeeded(quoted.to_give_back, threshold)

    def _begin_in(
        self,
        uow: UnitOfWork,
        order_id: str,
        tickets: Sequence[int],
        due: Money,
        reason: str,
        operator: Operator,
        supervisor: Operator | None,
        extra: dict[str, object],
    ) -> tuple[ExchangePlan, CorrectionRecord]:
        """Inside the caller's write transaction: the rules, then the exchange's refund stored
        pending (``extra``: the exchange's id and cart)."""
        order = uow.after_sale.order(order_id)
        same_mode(uow, order)
        session = session_for_sale(uow, self._till)
        given_back = self._after.plan_in(uow, order, tickets)
        plan = plan_exchange(given_back, due)
        correction = self._after.begin_in(
            uow,
            order,
            replace(given_back, returns=plan.returns),
            reason,
            operator,
            supervisor,
            session.id,
            extra,
        )
        return plan, correction

    def _record_in(
        self, uow: UnitOfWork, correction: CorrectionRecord, payment: PaymentPlan, carried: Money
    ) -> tuple[dict[str, object], Order, int, list[str]]:
        """Inside the caller's write transaction: the pending exchange's refund done (its
        tickets "exchanged") and its cart's sale recorded, paid by ``payment``."""
        refund, _, _ = self._after.complete_in(uow, correction.id, {}, "exchanged")
        exchange_id = correction.document["exchange"]
        sold, device_seq, jobs = self._selling.record_sale(
            uow,
            str(correction.document["exchange_cart"]),
            payment,
            correction.operator_id,
            extra={"exchange": exchange_id, "exchange_correction": correction.id},
            credit=carried,
        )
        return refund, sold, device_seq, jobs

    def _by_card(
        self,
        order_id: str,
        tickets: Sequence[int],
        cart_id: str,
        reason: str,
        operator: Operator,
        supervisor: Operator | None,
        progress: ProgressListener | None,
    ) -> ExchangeResult:
        """The difference paid by card (see the module docstring, steps 1 to 3)."""
        due = self._selling.begin_payment(cart_id).due  # the seats cannot lapse during the card
        with self._uow() as uow:
            plan, correction = self._begin_in(
                uow, order_id, tickets, due, reason, operator, supervisor,
                {"exchange": str(uuid.uuid4()), "exchange_cart": cart_id},
            )  # fmt: skip
            uow.commit()
        try:
            payment, answer = self._after.card_payment(plan.to_pay, correction.id, progress)
        except Exception as failure:  # abandoned when nothing can have been charged
            self._after.after_card_failure(correction, failure)
            raise
        if answer.outcome is PaymentOutcome.DECLINED:
            self._after.abandon(correction.id, f"exchange card payment declined: {answer.message}")
            raise ExchangeDeclined(answer.message)
        if answer.outcome is not PaymentOutcome.APPROVED:
            raise ExchangeOutcomeUnknown(correction.id, answer.message)
        return self._finish(correction.id, payment.id)

    def _finish(self, correction_id: str, payment_id: str) -> ExchangeResult:
        """Step 3, one transaction: the pending exchange's refund and its cart's sale, paid by
        the returned tickets' credit and the approved card payment."""
        with self._uow() as uow:
            correction = uow.after_sale.correction(correction_id)
            card = uow.payments.get(payment_id)
            carried = _carried(correction)
            payment = _carried_payment(carried + card.amount, carried)
            payment = payment.other(TenderMethod.CARD, card.amount, payment_id)
            refund, sold, device_seq, jobs = self._record_in(uow, correction, payment, carried)
            uow.commit()
        credit = Money(correction.total_minor, correction.currency)
        plan = ExchangePlan(
            credit=credit,
            due=payment.due,
            carried=carried,
            to_pay=card.amount,
            to_give_back=credit - carried,
            returns=(),
        )
        sale = self._selling.after_commit(sold, device_seq, jobs)
        zero = Money.zero(credit.currency)
        return ExchangeResult(str(correction.document["exchange"]), plan, refund, sale, zero)

    def recover_at_start(self) -> list[Recovered]:
        """Exchanges paid by card that a stopped till left pending: finished when the terminal
        approved the difference (the card is not charged again), abandoned — the old tickets
        valid, the new seats back on sale — when it was not charged, left waiting while the
        card payment's outcome is unknown."""
        found: list[Recovered] = []
        with self._uow(read_only=True) as uow:
            pending = [
                (c, uow.payments.for_reference(c.id), uow.after_sale.order(c.order_id))
                for c in uow.after_sale.pending_corrections(self._till)
                if "exchange" in c.document
            ]
        for correction, made, order in pending:
            number = order_number(order.till, order.device_seq)
            approved = [p for p in made if p.state is PaymentState.APPROVED]
            detail = ""
            if any(p.state.open for p in made):
                outcome = "exchange_waiting"
            elif approved:
                try:
                    self._finish(correction.id, approved[0].id)
                    outcome = "exchanged"
                except DomainError as error:  # the card was charged: never dropped silently
                    outcome = "exchange_waiting"
                    detail = f" (approved card payment {approved[0].id}: {error})"
            else:
                self._after.abandon(correction.id, "the till stopped before the exchange was paid")
                cart_id = str(correction.document["exchange_cart"])
                with self._uow(read_only=True) as uow:
                    cart = uow.carts.open_for(self._till)
                if cart is not None and cart.id == cart_id:  # its seats back on sale
                    self._selling.abandon(cart_id)
                outcome = "exchange_abandoned"
            found.append(Recovered(correction.id, number, outcome, _RECOVERED[outcome] + detail))
        return found


def _carried_payment(due: Money, carried: Money) -> PaymentPlan:
    """The new sale's payment, first by the returned tickets' credit (tender "exchange")."""
    payment = PaymentPlan(due)
    return payment.other(TenderMethod.OTHER, carried, EXCHANGE) if carried.minor > 0 else payment


def _carried(correction: CorrectionRecord) -> Money:
    """What a pending exchange's refund carries into the new sale (its "exchange" tenders)."""
    tenders = correction.document.get("tenders") or []
    assert isinstance(tenders, list)
    return sum(
        (read_money(t["amount"]) for t in tenders if t.get("reference") == EXCHANGE),
        Money.zero(correction.currency),
    )
