"""Advantages and promo codes (seed 004): who may have a better price, on what, and when.

Plain Python, no I/O, no clock: callers pass the moment.

An `Advantage` lowers what a cart costs. Its target says who may use it:

- ``PUBLIC``: anyone; it applies by itself when its conditions hold;
- ``CONTACTS``: the contacts of a list (a marketing campaign's target);
- ``PARTNER``: anyone who knows its one shared access code;
- ``SINGLE_USE``: anyone holding one of its codes, each usable **once** (generated in batches
  of at most 1,000, tracked as available, used or invalidated);
- ``PROMO``: a promo code: one shared code discounting the **whole cart**.

Each has channels (empty: every channel), a validity window (``starts_at`` inclusive,
``ends_at`` exclusive), a quota (how many sales may use it, ``None``: no limit), a minimum cart
amount, and the performances it is for (empty: every line of the cart). The discount is a
percentage (basis points) or an amount off the eligible lines, never more than they cost, and
it is spread over those lines in proportion to their amounts (`Money.allocate`), so each
line's amount in the sale record is what was paid for it and the VAT stays right.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from domain.errors import DomainError
from domain.money import Money
from domain.orders import Cart, CartLine

MAX_BATCH = 1_000  # the seed's advice: no more single-use codes than this in one batch
BASIS_POINTS = 10_000
# Codes people read out and type: no 0/O, 1/I/L, 2/Z, 5/S, 8/B.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 10  # 25**10 ≈ 9.5e13: a guessed code is a code of the batch ~1e-11 of the time


class Target(enum.Enum):
    PUBLIC = "public"
    CONTACTS = "contacts"
    PARTNER = "partner"
    SINGLE_USE = "single_use"
    PROMO = "promo"


class CodeState(enum.Enum):
    AVAILABLE = "available"
    USED = "used"
    INVALIDATED = "invalidated"


class Refusal(enum.Enum):
    """Why a code or an advantage is refused; the screen says it in the cashier's language."""

    UNKNOWN = "unknown"
    USED = "used"
    INVALIDATED = "invalidated"
    NOT_YET = "not_yet"
    EXPIRED = "expired"
    CHANNEL = "channel"
    MINIMUM = "minimum"
    QUOTA = "quota"
    NO_ELIGIBLE_LINE = "no_eligible_line"
    NOT_IN_LIST = "not_in_list"
    OFFLINE = "offline"  # a single-use code needs the server of an enrolled till
    ALREADY_APPLIED = "already_applied"


class AdvantageError(DomainError):
    pass


class CodeRefused(AdvantageError):
    def __init__(self, reason: Refusal, code: str = "", detail: str = "") -> None:
        text = f"code {code!r} refused: {reason.value}" if code else f"refused: {reason.value}"
        super().__init__(f"{text} ({detail})" if detail else text)
        self.reason = reason
        self.code = code
        self.detail = detail


class BatchTooLarge(AdvantageError):
    def __init__(self, count: int) -> None:
        super().__init__(f"between 1 and {MAX_BATCH} codes per batch, not {count}")
        self.count = count


@dataclass(frozen=True, slots=True)
class Advantage:
    id: str
    name: str
    target: Target
    currency: str
    percent_bp: int = 0  # e.g. 1000 = 10 % off
    amount_off: Money | None = None  # or a fixed amount off the eligible lines
    access_code: str = ""  # PARTNER and PROMO: the one shared code
    channels: frozenset[str] = frozenset()  # empty: every channel
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    quota: int | None = None  # sales that may use it
    minimum: Money | None = None  # the cart's amount (before discount) at least
    performances: frozenset[str] = frozenset()  # empty: every line
    contacts: frozenset[str] = frozenset()  # CONTACTS: the list

    def __post_init__(self) -> None:
        if (self.percent_bp > 0) == (self.amount_off is not None):
            raise AdvantageError("an advantage is either a percentage or an amount off")
        if not 0 <= self.percent_bp <= BASIS_POINTS:
            raise AdvantageError("a percentage is between 0 and 100 %")
        if self.amount_off is not None and (
            self.amount_off.minor <= 0 or self.amount_off.currency != self.currency
        ):
            raise AdvantageError("an amount off is more than zero, in the advantage's currency")
        if self.target in (Target.PARTNER, Target.PROMO) and not self.access_code.strip():
            raise AdvantageError("a partner advantage or a promo code has an access code")
        window = (self.starts_at, self.ends_at)
        if window[0] is not None and window[1] is not None and window[1] <= window[0]:
            raise AdvantageError("an advantage ends after it starts")
        if self.quota is not None and self.quota < 0:
            raise AdvantageError("a quota is not negative")
        if self.target is Target.PROMO and self.performances:
            raise AdvantageError("a promo code discounts the whole cart")

    @property
    def needs_code(self) -> bool:
        return self.target in (Target.PARTNER, Target.PROMO, Target.SINGLE_USE)


def normalise_code(text: str) -> str:
    """A code as typed or scanned: case, spaces and dashes do not matter."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def eligible_lines(advantage: Advantage, lines: Iterable[CartLine]) -> tuple[CartLine, ...]:
    return tuple(
        line
        for line in lines
        if not advantage.performances or line.performance_id in advantage.performances
    )


def check(
    advantage: Advantage,
    cart: Cart,
    *,
    channel: str,
    at: datetime,
    uses: int,
    contact: str | None = None,
    code: str = "",
) -> None:
    """`CodeRefused` unless ``advantage`` may discount ``cart`` now, on ``channel``, after
    ``uses`` sales used it. The cart's amount is before any discount."""
    if advantage.channels and channel not in advantage.channels:
        raise CodeRefused(Refusal.CHANNEL, code, channel)
    if advantage.starts_at is not None and at < advantage.starts_at:
        raise CodeRefused(Refusal.NOT_YET, code, advantage.starts_at.isoformat())
    if advantage.ends_at is not None and at >= advantage.ends_at:
        raise CodeRefused(Refusal.EXPIRED, code, advantage.ends_at.isoformat())
    if advantage.quota is not None and uses >= advantage.quota:
        raise CodeRefused(Refusal.QUOTA, code, str(advantage.quota))
    if advantage.target is Target.CONTACTS and (
        contact is None or contact not in advantage.contacts
    ):
        raise CodeRefused(Refusal.NOT_IN_LIST, code)
    gross = Money.zero(cart.currency)
    for line in cart.lines:
        gross = gross + line.gross
    if advantage.minimum is not None and gross < advantage.minimum:
        raise CodeRefused(Refusal.MINIMUM, code, str(advantage.minimum.minor))
    if not any(line.unit_price.minor > 0 for line in eligible_lines(advantage, cart.lines)):
        raise CodeRefused(Refusal.NO_ELIGIBLE_LINE, code)


def check_code_state(state: CodeState | None, code: str, sale: str, used_by: str | None) -> None:
    """A single-use code's own state: unknown, invalidated, or used by *another* sale (the
    same sale asking again is not a second use)."""
    if state is None:
        raise CodeRefused(Refusal.UNKNOWN, code)
    if state is CodeState.INVALIDATED:
        raise CodeRefused(Refusal.INVALIDATED, code)
    if state is CodeState.USED and used_by != sale:
        raise CodeRefused(Refusal.USED, code)


def discounts(
    advantage: Advantage, lines: Sequence[CartLine], *, after_discount: bool = False
) -> dict[str, Money]:
    """Per line id, what the advantage takes off it: spread over the eligible lines in
    proportion to their amounts (their tariff prices, or what is left after the discounts
    already on them), the total never more than they cost."""

    def cost(line: CartLine) -> int:
        return line.amount.minor if after_discount else line.gross.minor

    eligible = [line for line in eligible_lines(advantage, lines) if cost(line) > 0]
    if not eligible:
        return {}
    gross = [cost(line) for line in eligible]
    base = sum(gross)
    if advantage.amount_off is not None:
        off = min(advantage.amount_off.minor, base)
    else:  # rounded half up, once, on the eligible total
        off = (base * advantage.percent_bp * 2 + BASIS_POINTS) // (2 * BASIS_POINTS)
    if off == 0:
        return {}
    shares = Money(off, advantage.currency).allocate(gross)
    return {line.id: share for line, share in zip(eligible, shares, strict=True)}


def discounted(cart: Cart, applied: Sequence[tuple[Advantage, str]]) -> Cart:
    """The cart with the discounts of the ``(advantage, code)`` pairs applied one after the
    other, each on what the lines cost after the ones before (`CartLine.discount`)."""
    cart = cart.undiscounted()
    for advantage, code in applied:
        off = discounts(advantage, cart.lines, after_discount=True)
        lines = []
        for line in cart.lines:
            share = off.get(line.id)
            if share is None or share.is_zero:
                lines.append(line)
                continue
            before = line.discount or Money.zero(cart.currency)
            label = code or advantage.name
            by = f"{line.discount_by}+{label}" if line.discount_by else label
            lines.append(replace(line, discount=before + share, discount_by=by))
        cart = replace(cart, lines=tuple(lines))
    return cart


def discount_of_each(cart: Cart, applied: Sequence[tuple[Advantage, str]]) -> tuple[Money, ...]:
    """What each of the ``applied`` advantages takes off the cart, in order (as `discounted`
    applies them): what the cart shows beside each code."""
    base = cart.undiscounted()
    before = base.subtotal()
    each = []
    for count in range(1, len(applied) + 1):
        after = discounted(base, applied[:count]).subtotal()
        each.append(before - after)
        before = after
    return tuple(each)


def applicable(
    advantages: Iterable[Advantage],
    cart: Cart,
    *,
    channel: str,
    at: datetime,
    uses: Mapping[str, int],
    contact: str | None = None,
) -> tuple[Advantage, ...]:
    """The advantages the cart may have without a code (public ones, and a contact list's for
    the cart's contact): what the cart shows beside the contact."""
    fitting = []
    for advantage in advantages:
        if advantage.needs_code:
            continue
        try:
            check(
                advantage,
                cart,
                channel=channel,
                at=at,
                uses=uses.get(advantage.id, 0),
                contact=contact,
            )
        except CodeRefused:
            continue
        fitting.append(advantage)
    return tuple(fitting)


def generate_codes(
    count: int, random_below: Callable[[int], int], taken: Callable[[str], bool] = lambda c: False
) -> list[str]:
    """``count`` new single-use codes, all different and none ``taken`` (`BatchTooLarge`
    past `MAX_BATCH`). ``random_below(n)`` is a uniform integer in [0, n) — `secrets.randbelow`."""
    if not 1 <= count <= MAX_BATCH:
        raise BatchTooLarge(count)
    codes: dict[str, None] = {}
    while len(codes) < count:
        code = "".join(CODE_ALPHABET[random_below(len(CODE_ALPHABET))] for _ in range(CODE_LENGTH))
        if code not in codes and not taken(code):
            codes[code] = None
    return list(codes)


@dataclass(frozen=True, slots=True)
class SingleUseCode:
    """One code as the till keeps it: USED while a cart holds it or once that cart is paid."""

    code: str
    advantage_id: str
    state: CodeState
    cart_id: str | None  # the cart that holds or used it
    claimed_on_server: bool


@dataclass(frozen=True, slots=True)
class CodeTally:
    """The dashboard of one advantage's single-use codes."""

    generated: int
    available: int
    used: int
    invalidated: int


def tally(states: Iterable[CodeState]) -> CodeTally:
    counted = {state: 0 for state in CodeState}
    for state in states:
        counted[state] += 1
    return CodeTally(
        sum(counted.values()),
        counted[CodeState.AVAILABLE],
        counted[CodeState.USED],
        counted[CodeState.INVALIDATED],
    )
