"""Gift cards and credit balances as stored value: a balance and the date it may be spent until.
Plain Python, no I/O.

A gift card (``GC-…``) sold or topped up, and a credit balance (``AV-…``, `domain.credit`)
issued by a refund, may be spent for `VALIDITY` after that (a year: what French box offices
print on their cards); a top-up starts the year again from its day. Past it the card pays
nothing (`GiftCardExpired`, saying since when) and its balance stays on record: a supervisor
can still see it, and a top-up makes it usable again. Cards made before validity was recorded
(``valid_until`` None) never lapse.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from domain.errors import DomainError
from domain.money import Money

VALIDITY = timedelta(days=365)


@dataclass(frozen=True, slots=True)
class GiftCard:
    code: str
    balance: Money
    valid_until: datetime | None = None

    def usable(self, now: datetime) -> bool:
        return self.valid_until is None or now < self.valid_until


class GiftCardExpired(DomainError):
    def __init__(self, card: GiftCard) -> None:
        until = "" if card.valid_until is None else card.valid_until.isoformat()
        super().__init__(f"gift card {card.code} expired on {until}: it pays nothing any more")
        self.code = card.code
        self.valid_until = card.valid_until
        self.balance = card.balance


def valid_until(now: datetime, validity: timedelta = VALIDITY) -> datetime:
    """Until when a card sold, topped up or issued at ``now`` may be spent."""
    if now.tzinfo is None:
        raise ValueError("a gift card's date must be timezone-aware")
    return now + validity


def spendable(card: GiftCard, now: datetime) -> GiftCard:
    """The card, if it may pay at ``now``; `GiftCardExpired` else."""
    if not card.usable(now):
        raise GiftCardExpired(card)
    return card
