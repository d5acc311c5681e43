"""Exchanges: some tickets of a paid sale given back for others (another performance, seat or
tariff), the difference paid or given back in the same operation. Plain Python, no I/O.

An exchange is journaled as **a refund and a sale sharing an exchange id** (both records carry
``"exchange": "<id>"``), written in one transaction:

- the **refund** (`domain.ledger`'s "refund" shape) gives back the returned tickets as
  `domain.refunds.plan_correction` plans them (each ticket once, the fee with the last); its
  money goes back first by the tender **"exchange"** (an "other" tender whose kind, its
  reference, is "exchange") up to what the new tickets cost, any rest in cash; each part keeps
  the original tender it is taken from (``original_tender``), so later refunds of the same
  sale never give back more than was paid;
- the **sale** of the new tickets is paid first by the tender "exchange" for the same amount,
  then by cash for any difference still due. No ordinary sale takes that tender (the service
  refuses it beyond the exchange's credit); a later refund of an exchanged ticket gives its
  "exchange" part back in cash, as for any other tender.

So the ledger reads an exchange with no rule of its own: the "exchange" tender is taken and
returned for the same amount (its tender row, "other" of kind "exchange", nets to zero), the
cash tender moves by exactly the difference, the returned tickets leave their performance and
the new ones count on theirs.
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.money import Money
from domain.refunds import CASH, CorrectionPlan, TenderReturn

EXCHANGE = "exchange"  # the kind (reference) of the "other" tender carrying the credit
OTHER = "other"


@dataclass(frozen=True, slots=True)
class ExchangePlan:
    """``credit``: what the returned tickets are worth; ``due``: what the new ones cost;
    ``carried``: the part of the credit that pays the new sale (tender "exchange");
    ``to_pay``: what the customer still pays; ``to_give_back``: the cash handed back."""

    credit: Money
    due: Money
    carried: Money
    to_pay: Money
    to_give_back: Money
    returns: tuple[TenderReturn, ...]  # the refund's tenders

    @property
    def difference(self) -> Money:
        """The money in at the till: positive paid by the customer, negative handed back."""
        return self.to_pay - self.to_give_back


def plan_exchange(correction: CorrectionPlan, due: Money) -> ExchangePlan:
    """How an exchange pays: the returned tickets' value (``correction``) carried into the new
    sale of ``due``, the rest paid or given back in cash (see the module docstring)."""
    credit = correction.total
    carried_minor = min(credit.minor, max(due.minor, 0))
    left = carried_minor
    returns: list[TenderReturn] = []
    for part in correction.returns:
        take = min(left, part.amount.minor)
        rest = part.amount.minor - take
        left -= take
        for method, reference, minor in ((OTHER, EXCHANGE, take), (CASH, "", rest)):
            if minor > 0:
                returns.append(
                    TenderReturn(
                        original=part.original,
                        original_method=part.original_method,
                        method=method,
                        amount=Money(minor, credit.currency),
                        reference=reference,
                    )
                )
    carried = Money(carried_minor, credit.currency)
    return ExchangePlan(
        credit=credit,
        due=due,
        carried=carried,
        to_pay=due - carried,
        to_give_back=credit - carried,
        returns=tuple(returns),
    )
