"""Credit balances (avoirs): a refund given back onto a code instead of the tenders it came from,
spent later as a tender like a gift card. Plain Python, no I/O.

A credit balance is kept as a stored-value card (the till's gift card store, by its code
``AV-…``), so it is spent by the gift card tender ("voucher") and its balance is what is left.
The refund that issues it keeps `domain.refunds`' shape: each part of the money still names
the original tender it is taken from (``original_tender``: later refunds never give back more
than was paid), but goes back by the tender "voucher" with the new code as its reference, and
the record names the code (``"credit_balance": "AV-…"``). The ledger reads it as any refund to
a voucher: the sale's revenue is reversed, the voucher row's net goes down by what was issued
and back up as it is spent; its slip is the refund's receipt, which prints the code.
"""

from __future__ import annotations

from dataclasses import replace

from domain.refunds import VOUCHER, CorrectionPlan, TenderReturn

PREFIX = "AV-"


def credit_code(random_part: str) -> str:
    """The code of a new credit balance from an unguessable random text (base32)."""
    return PREFIX + random_part[:16]


def is_credit_code(code: str) -> bool:
    return code.startswith(PREFIX)


def to_credit_balance(plan: CorrectionPlan, code: str) -> CorrectionPlan:
    """The same correction, its money going back onto the credit balance ``code``: the same
    amounts per original tender, each by the tender "voucher"."""
    return replace(
        plan,
        returns=tuple(
            TenderReturn(
                original=r.original,
                original_method=r.original_method,
                method=VOUCHER,
                amount=r.amount,
                reference=code,
            )
            for r in plan.returns
        ),
    )
