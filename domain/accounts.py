"""The waiting account (compte d'attente): a company's tickets paid "on account" at the till and
invoiced later; the balance per company is what is left to invoice. Plain Python, no I/O.

An on-account payment is an "other" tender whose reference — its kind for the ledger — is
``account:<company>`` (`reference`), so the ledger's tender rows and the X report show each
company's account on a row of its own, with no table beside the journal: the balance per
company (`balances`) is read from the journal records alone, as every total is. A refund of
such a sale gives the money back to the same account (`domain.refunds` keeps the tender),
never in cash, so a balance never goes below zero.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from domain.errors import DomainError
from domain.ledger import CORRECTIONS, SALE, read_money
from domain.money import Money

ACCOUNT = "account"
_PREFIX = ACCOUNT + ":"


class CompanyNeeded(DomainError):
    def __init__(self) -> None:
        super().__init__("name the company whose account pays (it is invoiced later)")


def company_name(text: str) -> str:
    """The company's name as the account keeps it (spaces tidied); `CompanyNeeded`."""
    name = " ".join(text.split())
    if not name:
        raise CompanyNeeded()
    return name


def reference(company: str) -> str:
    """The tender reference of an on-account payment for ``company``."""
    return _PREFIX + company_name(company)


def company_of(tender_reference: str) -> str | None:
    """The company an "other" tender's reference names, or None for another tender."""
    if tender_reference.startswith(_PREFIX) and tender_reference[len(_PREFIX) :].strip():
        return tender_reference[len(_PREFIX) :]
    return None


def balances(records: Iterable[Mapping[str, object]]) -> dict[str, Money]:
    """Per company, what its account owes (sales on account less what corrections gave back
    to it), from the journal's records in any order; training records do not count."""
    found: dict[str, Money] = {}
    for record in records:
        kind = record.get("type")
        if record.get("training") is True or kind not in (SALE, *CORRECTIONS):
            continue
        sign = 1 if kind == SALE else -1
        tenders = record.get("tenders") or []
        if not isinstance(tenders, list):
            continue
        for tender in tenders:
            if not isinstance(tender, Mapping) or tender.get("method") != "other":
                continue
            company = company_of(str(tender.get("reference") or ""))
            if company is None:
                continue
            amount = read_money(tender.get("amount"), "an on-account tender")
            before = found.get(company, Money.zero(amount.currency))
            found[company] = before + amount if sign > 0 else before - amount
    return found
