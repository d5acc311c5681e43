"""The waiting account (compte d'attente) at the till: what each company's account owes, read
from the journal alone (`domain.accounts.balances`: sales paid on account less refunds given
back to it), to invoice later. A sale is paid on account by the "other" tender whose
reference is `domain.accounts.reference` (the company named); the sale checks only that a
company is named."""

from __future__ import annotations

from app.services.ports import UnitOfWorkFactory
from domain.accounts import balances, company_name
from domain.money import Money


def account_balances(uow_factory: UnitOfWorkFactory, till: str) -> dict[str, Money]:
    """Per company, what its waiting account owes on this till's journal."""
    with uow_factory(read_only=True) as uow:
        return balances(e.record for e in uow.journal.entries(till))


def account_companies(uow_factory: UnitOfWorkFactory, till: str) -> list[str]:
    """The companies the payment panel proposes as the cashier types one: those that have a
    waiting account on this till's journal, then the contacts' companies; each once (spaces
    tidied, case kept as first seen), in alphabetical order."""
    with uow_factory(read_only=True) as uow:
        names = list(balances(e.record for e in uow.journal.entries(till)))
        names += [c.company for c in uow.contacts.not_erased() if c.company.strip()]
    found: dict[str, str] = {}
    for name in names:
        tidy = company_name(name)
        found.setdefault(tidy.casefold(), tidy)
    return sorted(found.values(), key=str.casefold)
