"""Gift cards at the counter: sell a new one, top one up, read its balance. A gift card is a
liability, not revenue (`domain.ledger`'s "gift_card_sale"/"top_up" records): the value goes
onto the card in the till's gift card store and one journal entry says who, when, which card,
for how much and how it was paid; the sale's revenue counts when the card is spent (the
"voucher" tender of the counter sale, `app.services.selling`).

Each operation is one write transaction (the card's balance and its journal entry together),
in an open till session, paid in cash (the drawer opens after the commit) or by card. Refused
in training mode: a trainee's card would hold real value.

**By card** the terminal cannot be in the transaction, so it goes first: every check is made
before the card is asked, the card payment's reference names the card and the operator
(``giftcard:CODE:OPERATOR``; a new card's code is drawn before the payment), then the
transaction records the card as the operation's tender. A till stopped between the approval
and the commit finishes it at the next start (`recover_at_start`): an approved payment of such
a reference that put nothing on a card yet (each card payment that did is kept with it, in the
same transaction) puts its amount on its card (a new card when there is none yet), the card not
charged again. A commit that fails after the approval says so (`GiftCardCharged`): the next
start puts it on the card.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from app.services import journal, training
from app.services.after_sale import AfterSaleServices, Recovered
from app.services.payments import CardPayment, PaymentState
from app.services.ports import Clock, UnitOfWork, UnitOfWorkFactory
from app.services.tills import session_for_sale
from domain.barcodes import new_barcode
from domain.errors import DomainError
from domain.gift_cards import GiftCard, valid_until
from domain.ledger import GIFT_CARD_SALE, TOP_UP, gift_card_record, money_record, read_money
from domain.money import Money
from domain.operators import Operator
from drivers.payment import PaymentResult, ProgressListener, TransactionKind

log = logging.getLogger(__name__)

PREFIX = "GC-"
CARD_REFERENCE = "giftcard:"  # + the card's code, ":", the operator: its card payments
# The terminal: (amount, reference, progress) -> the payment and the terminal's result.
CardPayer = Callable[[Money, str, ProgressListener | None], tuple[CardPayment, PaymentResult]]


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


class GiftCardDeclined(GiftCardError):
    def __init__(self, message: str) -> None:
        super().__init__(f"the card was declined ({message}): nothing was put on a gift card")
        self.message = message


class GiftCardPaymentUnsettled(GiftCardError):
    def __init__(self, payment_id: str) -> None:
        super().__init__(
            f"card payment {payment_id} has no known outcome: a supervisor settles it on the "
            "Devices screen; the gift card gets it at the next start if it was approved"
        )
        self.payment_id = payment_id


class GiftCardCharged(GiftCardError):
    """The card paid but the gift card's transaction failed: the next start records it."""

    def __init__(self, code: str, amount: Money, cause: BaseException) -> None:
        super().__init__(
            f"the card paid {amount.minor} for gift card {code} but it was not recorded "
            f"({cause}); do not charge the card again: the till's next start puts it on the card"
        )
        self.code = code
        self.amount = amount
        self.cause = cause


class GiftCardNoTerminal(GiftCardError):
    def __init__(self) -> None:
        super().__init__("this station has no card terminal: take the cash; nothing was done")


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
        card: CardPayer | None = None,
    ) -> None:
        self._uow = uow_factory
        self._clock = clock
        self._till = till
        self._open_drawer = open_drawer
        self._random_bits = random_bits
        self._card = card  # (amount, reference, progress) -> the terminal's payment

    @property
    def takes_cards(self) -> bool:
        return self._card is not None

    def card(self, code: str) -> tuple[GiftCard | None, bool]:
        """The card ``code`` (None: no such card) and whether it pays now."""
        with self._uow(read_only=True) as uow:
            card = uow.gift_cards.get(code.strip().upper())
        return card, card is not None and card.usable(self._clock.now())

    def sell(self, amount: Money, operator: Operator, cash_given: Money) -> GiftCardResult:
        """A new gift card holding ``amount``, paid in cash; its code is new and unguessable."""
        if _given_short(amount, cash_given):
            raise NotEnoughCash(amount, cash_given)
        tender = _cash(amount, cash_given)
        return self._move(GIFT_CARD_SALE, self._new_code(), amount, operator.id, tender)

    def top_up(
        self, code: str, amount: Money, operator: Operator, cash_given: Money
    ) -> GiftCardResult:
        """``amount`` added to an existing card (`UnknownGiftCard` for another code)."""
        if _given_short(amount, cash_given):
            raise NotEnoughCash(amount, cash_given)
        tender = _cash(amount, cash_given)
        return self._move(TOP_UP, code.strip().upper(), amount, operator.id, tender)

    def by_card(
        self,
        code: str | None,
        amount: Money,
        operator: Operator,
        progress: ProgressListener | None = None,
    ) -> GiftCardResult:
        """A new card (``code`` None) or a top-up of ``code``, paid on the card terminal (see
        the module docstring); blocks until the terminal is done: run it on a lane of its own.
        `GiftCardNoTerminal`, `GiftCardDeclined`, `GiftCardPaymentUnsettled`, and the refusals of
        `sell` and `top_up`, before the card is asked."""
        if self._card is None:
            raise GiftCardNoTerminal()
        kind = GIFT_CARD_SALE if code is None else TOP_UP
        code = self._new_code() if code is None else code.strip().upper()
        with self._uow(read_only=True) as uow:  # every refusal before the card is asked
            self._check(uow, kind, code, amount)
        payment, result = self._card(amount, f"{CARD_REFERENCE}{code}:{operator.id}", progress)
        if payment.state is PaymentState.DECLINED:
            raise GiftCardDeclined(result.message)
        if payment.state is not PaymentState.APPROVED:
            raise GiftCardPaymentUnsettled(payment.id)
        try:
            return self._move(kind, code, amount, operator.id, _card_tender(payment))
        except Exception as exc:
            raise GiftCardCharged(code, amount, exc) from exc

    def recover_at_start(self) -> list[Recovered]:
        """Card payments for gift cards that a stopped till approved and never recorded: put
        on their cards now (see the module docstring), each said for the cashier."""
        with self._uow(read_only=True) as uow:
            made = [
                p
                for p in uow.payments.with_reference_prefix(CARD_REFERENCE)
                if p.state is PaymentState.APPROVED and p.kind is TransactionKind.PAYMENT
            ]
            pending = [p for p in made if not uow.gift_cards.paid_with(p.id)]
        done = []
        for payment in pending:
            code, _, operator_id = (payment.reference or "")[len(CARD_REFERENCE) :].partition(":")
            with self._uow(read_only=True) as uow:
                kind = TOP_UP if uow.gift_cards.get(code) is not None else GIFT_CARD_SALE
            try:
                self._move(kind, code, payment.amount, operator_id, _card_tender(payment))
            except DomainError as error:  # no session open...: said, and tried at the next start
                log.warning("gift card %s: approved card payment %s not recorded: %s",
                            code, payment.id, error)  # fmt: skip
                continue
            done.append(Recovered(payment.id, code, "gift_card", "", amount=payment.amount))
        return done

    def _new_code(self) -> str:
        return PREFIX + new_barcode(self._random_bits)[:16]

    def _check(self, uow: UnitOfWork, kind: str, code: str, amount: Money) -> None:
        if amount.minor <= 0:
            raise AmountNotValid()
        if training.current(uow) is not None:
            raise NotInTraining()
        session_for_sale(uow, self._till)  # NoOpenSession
        if kind == TOP_UP and uow.gift_cards.get(code) is None:
            raise UnknownGiftCard(code)

    def _move(
        self, kind: str, code: str, amount: Money, operator_id: str, tender: dict[str, object]
    ) -> GiftCardResult:
        """The one transaction: the value on the card (a new one for a sale) and its entry."""
        with self._uow() as uow:
            self._check(uow, kind, code, amount)
            session = session_for_sale(uow, self._till)
            until = valid_until(self._clock.now())
            if tender["method"] == "card":  # the payment puts its value on one card, once
                if uow.gift_cards.paid_with(str(tender["reference"])):
                    raise GiftCardError(f"card payment {tender['reference']} is recorded already")
                uow.gift_cards.add_payment(str(tender["reference"]), code)
            if kind == GIFT_CARD_SALE:
                uow.gift_cards.add(code, amount, until)
            else:
                uow.gift_cards.credit(code, amount)
                uow.gift_cards.renew(code, until)  # a top-up starts its year again
            balance = uow.gift_cards.balance(code)
            assert balance is not None
            record = gift_card_record(
                kind, self._clock.now(), self._till, session.id, operator_id, code, amount,
                [tender],
            )  # fmt: skip
            record["balance_after"] = money_record(balance)
            record["valid_until"] = until.isoformat()
            entry = journal.record(uow, self._till, record)
            uow.commit()
        cash = tender["method"] == "cash"
        if cash and self._open_drawer is not None:
            self._open_drawer()
        change = read_money(tender["change"]) if cash else Money.zero(amount.currency)
        return GiftCardResult(kind, code, amount, balance, until, change, entry.seq)


def _given_short(amount: Money, given: Money) -> bool:
    """Is the cash given less than the amount (or in another currency)?"""
    return given.currency != amount.currency or given.minor < amount.minor


def _cash(amount: Money, given: Money) -> dict[str, object]:
    return {
        "method": "cash",
        "amount": money_record(amount),
        "reference": "",
        "given": money_record(given),
        "change": money_record(given - amount),
    }


def _card_tender(payment: CardPayment) -> dict[str, object]:
    return {"method": "card", "amount": money_record(payment.amount), "reference": payment.id}


def gift_cards_of(after_sale: AfterSaleServices) -> GiftCardServices:
    """The gift card services of the till whose after-sale services these are (its database,
    clock, drawer and card terminal)."""
    return GiftCardServices(
        after_sale.uow_factory,
        after_sale.clock,
        after_sale.till,
        open_drawer=after_sale.open_drawer,
        card=after_sale.card_payment if after_sale.takes_cards else None,
    )
