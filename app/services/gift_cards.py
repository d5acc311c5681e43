"""Gift cards at the counter: sell a new one, top one up, read its balance. A gift card is a
liability, not revenue (`domain.ledger`'s "gift_card_sale"/"top_up" records): the value goes
onto the card in the till's gift card store and one journal entry says who, when, which card,
for how much and how it was paid; the sale's revenue counts when the card is spent (the
"voucher" tender of the counter sale, `app.services.selling`).

Each operation is one write transaction (the card's balance and its journal entry together),
in an open till session, paid in cash here (the drawer opens after the commit). Refused in
training mode: a trainee's card would hold real value.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from app.services import journal, training
from app.services.after_sale import AfterSaleServices
from app.services.ports import Clock, UnitOfWorkFactory
from app.services.tills import session_for_sale
from domain.barcodes import new_barcode
from domain.errors import DomainError
from domain.gift_cards import GiftCard, valid_until
from domain.ledger import GIFT_CARD_SALE, TOP_UP, gift_card_record, money_record
from domain.money import Money
from domain.operators import Operator

PREFIX = "GC-"


class GiftCardError(DomainError):
    pass


class UnknownGiftCard(GiftCardError):
    def __init__(self, code: str) -> None:
        super().__init__(f"no gift card {code!r} on this till: check the code; nothing was done")
        self.code = code


class AmountNotValid(GiftCardError):
    def __init__(self) -> None:
        super().__init__("a gift card is sold or topped up for more than zero; nothing was done")


class NotEnoughCash(GiftCardError):
    def __init__(self, amount: Money, given: Money) -> None:
        super().__init__(f"{given.minor} minor units given for {amount.minor}: nothing was done")
        self.amount = amount
        self.given = given


class NotInTraining(GiftCardError):
    def __init__(self) -> None:
        super().__init__("training mode is on: gift cards are sold or topped up only outside it")


@dataclass(frozen=True, slots=True)
class GiftCardResult:
    kind: str  # GIFT_CARD_SALE or TOP_UP
    code: str
    amount: Money
    balance: Money  # the card's balance after it
    valid_until: datetime  # it pays until then
    change: Money  # cash to hand back
    journal_seq: int


class GiftCardServices:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        till: str,
        *,
        open_drawer: Callable[[], None] | None = None,
        random_bits: Callable[[int], int] = secrets.randbits,
    ) -> None:
        self._uow = uow_factory
        self._clock = clock
        self._till = till
        self._open_drawer = open_drawer
        self._random_bits = random_bits

    def card(self, code: str) -> tuple[GiftCard | None, bool]:
        """The card ``code`` (None: no such card) and whether it pays now."""
        with self._uow(read_only=True) as uow:
            card = uow.gift_cards.get(code.strip().upper())
        return card, card is not None and card.usable(self._clock.now())

    def sell(self, amount: Money, operator: Operator, cash_given: Money) -> GiftCardResult:
        """A new gift card holding ``amount``, paid in cash; its code is new and unguessable."""
        return self._move(GIFT_CARD_SALE, None, amount, operator, cash_given)

    def top_up(
        self, code: str, amount: Money, operator: Operator, cash_given: Money
    ) -> GiftCardResult:
        """``amount`` added to an existing card (`UnknownGiftCard` for another code)."""
        return self._move(TOP_UP, code.strip().upper(), amount, operator, cash_given)

    def _move(
        self,
        kind: str,
        code: str | None,
        amount: Money,
        operator: Operator,
        given: Money,
    ) -> GiftCardResult:
        if amount.minor <= 0:
            raise AmountNotValid()
        if given.currency != amount.currency or given.minor < amount.minor:
            raise NotEnoughCash(amount, given)
        with self._uow() as uow:
            if training.current(uow) is not None:
                raise NotInTraining()
            session = session_for_sale(uow, self._till)
            until = valid_until(self._clock.now())
            if code is None:
                code = PREFIX + new_barcode(self._random_bits)[:16]
                uow.gift_cards.add(code, amount, until)
            elif not uow.gift_cards.credit(code, amount):
                raise UnknownGiftCard(code)
            else:
                uow.gift_cards.renew(code, until)  # a top-up starts its year again
            balance = uow.gift_cards.balance(code)
            assert balance is not None
            tender: dict[str, object] = {
                "method": "cash",
                "amount": money_record(amount),
                "reference": "",
                "given": money_record(given),
                "change": money_record(given - amount),
            }
            record = gift_card_record(
                kind, self._clock.now(), self._till, session.id, operator.id, code, amount,
                [tender],
            )  # fmt: skip
            record["balance_after"] = money_record(balance)
            record["valid_until"] = until.isoformat()
            entry = journal.record(uow, self._till, record)
            uow.commit()
        if self._open_drawer is not None:
            self._open_drawer()
        return GiftCardResult(kind, code, amount, balance, until, given - amount, entry.seq)


def gift_cards_of(after_sale: AfterSaleServices) -> GiftCardServices:
    """The gift card services of the till whose after-sale services these are (its database,
    clock and drawer)."""
    return GiftCardServices(
        after_sale.uow_factory,
        after_sale.clock,
        after_sale.till,
        open_drawer=after_sale.open_drawer,
    )
