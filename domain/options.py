"""Options at the till (seed 001): places a contact asks for, held until a date, then paid.

Plain Python, no I/O. An option is for one contact and one performance: quantities per seat
category, an expiry date. Its life follows the seed's vocabulary:

    requested ──place──▶ placed ──validate──▶ validated ──order──▶ ordered
        │                  │ ▲                   │
        │                  │ └─cancel_refusal─┐  ├──▶ expired / cancelled
        │                  ├──▶ refusal_pending ──refuse──▶ refused
        │                  └──▶ expired / cancelled / refused
        ├──▶ waiting_list ──place──▶ placed
        └──▶ refused / cancelled

"Placing" (pose) gives the final quantities, possibly fewer than asked, never more; a direct
option (pose directe) is created placed, without a request. A placed or validated option
holds its places until its expiry; a refusal pending is reversible, so its places stay held;
every other state holds nothing. Each transition says which places to take and which to give
back (`HoldChange`): the inventory applies exactly that, so an option never holds more than
its quantities and its expiry releases exactly what it held.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from domain.errors import DomainError


class OptionState(StrEnum):
    REQUESTED = "requested"  # demandée
    PLACED = "placed"  # posée
    WAITING_LIST = "waiting_list"  # sur liste d'attente
    REFUSAL_PENDING = "refusal_pending"  # refus en cours
    VALIDATED = "validated"  # validée: a reservation
    ORDERED = "ordered"  # commandée: an order was made of it
    REFUSED = "refused"  # refusée
    EXPIRED = "expired"  # échue
    CANCELLED = "cancelled"  # annulée


HOLDING = frozenset({OptionState.PLACED, OptionState.REFUSAL_PENDING, OptionState.VALIDATED})
FINAL = frozenset(
    {OptionState.ORDERED, OptionState.REFUSED, OptionState.EXPIRED, OptionState.CANCELLED}
)
_NEXT: Mapping[OptionState, frozenset[OptionState]] = {
    OptionState.REQUESTED: frozenset(
        {OptionState.PLACED, OptionState.WAITING_LIST, OptionState.REFUSED, OptionState.CANCELLED}
    ),
    OptionState.WAITING_LIST: frozenset(
        {OptionState.PLACED, OptionState.REFUSED, OptionState.CANCELLED}
    ),
    OptionState.PLACED: frozenset(
        {
            OptionState.PLACED,  # modified while not ordered
            OptionState.VALIDATED,
            OptionState.REFUSAL_PENDING,
            OptionState.REFUSED,
            OptionState.EXPIRED,
            OptionState.CANCELLED,
        }
    ),
    OptionState.REFUSAL_PENDING: frozenset(
        {OptionState.PLACED, OptionState.REFUSED, OptionState.EXPIRED}
    ),
    OptionState.VALIDATED: frozenset(
        {OptionState.ORDERED, OptionState.EXPIRED, OptionState.CANCELLED}
    ),
}


class OptionError(DomainError):
    pass


class OptionTransitionRefused(OptionError):
    """The option's state does not allow that step (an ordered option is not refused, …)."""

    def __init__(self, option_id: str, state: OptionState, wanted: OptionState) -> None:
        super().__init__(f"option {option_id} is {state}: it cannot become {wanted}")
        self.option_id = option_id
        self.state = state
        self.wanted = wanted


class OptionQuantitiesInvalid(OptionError):
    """Quantities that are negative, all zero, or more than the contact asked for."""

    def __init__(self, reason: str, category: str = "") -> None:
        super().__init__(f"option quantities refused: {reason} {category}".strip())
        self.reason = reason
        self.category = category


class OptionExpiryInvalid(OptionError):
    """An expiry date that is naive or already past when the option is made."""

    def __init__(self, expires_at: datetime) -> None:
        super().__init__(f"option expiry {expires_at.isoformat()} is not in the future")
        self.expires_at = expires_at


Quantities = Mapping[str, int]


@dataclass(frozen=True, slots=True)
class HoldChange:
    """What the inventory must do for one transition: take these places, give back those."""

    take: Mapping[str, int] = field(default_factory=dict)
    release: Mapping[str, int] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.take and not self.release


@dataclass(frozen=True, slots=True)
class Option:
    id: str
    contact_id: str
    performance_id: str
    requested: Mapping[str, int]
    placed: Mapping[str, int]
    expires_at: datetime
    state: OptionState
    file_number: str = ""
    order_id: str = ""

    @property
    def held(self) -> Mapping[str, int]:
        """The places this option holds now, per category."""
        return dict(self.placed) if self.state in HOLDING else {}

    @property
    def total_held(self) -> int:
        return sum(self.held.values())

    def due(self, now: datetime) -> bool:
        """Past its expiry and still holding: `expire` it."""
        return self.state in HOLDING and now >= self.expires_at


def _clean(quantities: Quantities) -> dict[str, int]:
    cleaned: dict[str, int] = {}
    for category, count in quantities.items():
        if not category:
            raise OptionQuantitiesInvalid("no_category")
        if count < 0:
            raise OptionQuantitiesInvalid("negative", category)
        if count:
            cleaned[category] = count
    if not cleaned:
        raise OptionQuantitiesInvalid("nothing_asked")
    return cleaned


def _check_expiry(expires_at: datetime, now: datetime) -> None:
    if expires_at.tzinfo is None or expires_at <= now:
        raise OptionExpiryInvalid(expires_at)


def _diff(before: Mapping[str, int], after: Mapping[str, int]) -> HoldChange:
    take = {c: after.get(c, 0) - before.get(c, 0) for c in after}
    release = {c: before[c] - after.get(c, 0) for c in before}
    return HoldChange(
        take={c: n for c, n in take.items() if n > 0},
        release={c: n for c, n in release.items() if n > 0},
    )


def _move(option: Option, wanted: OptionState, **changes: object) -> tuple[Option, HoldChange]:
    if wanted not in _NEXT.get(option.state, frozenset()):
        raise OptionTransitionRefused(option.id, option.state, wanted)
    moved = replace(option, state=wanted, **changes)  # type: ignore[arg-type]
    return moved, _diff(option.held, moved.held)


def request(
    option_id: str,
    contact_id: str,
    performance_id: str,
    quantities: Quantities,
    expires_at: datetime,
    now: datetime,
    file_number: str = "",
) -> Option:
    """A contact's request (demande d'option): it holds nothing until an operator places it."""
    _check_expiry(expires_at, now)
    asked = _clean(quantities)
    return Option(
        option_id, contact_id, performance_id, asked, {}, expires_at, OptionState.REQUESTED,
        file_number,
    )  # fmt: skip


def place_directly(asked: Option) -> tuple[Option, HoldChange]:
    """A direct option (pose directe) at the till: a request placed at once with all it asked
    for, its places to hold."""
    return place(asked, asked.requested)


def place(option: Option, quantities: Quantities) -> tuple[Option, HoldChange]:
    """Place (poser) a request, or modify a placed option: the final quantities, each at
    most what the contact asked for."""
    given = _clean(quantities)
    for category, count in given.items():
        if count > option.requested.get(category, 0):
            raise OptionQuantitiesInvalid("more_than_requested", category)
    return _move(option, OptionState.PLACED, placed=given)


def put_on_waiting_list(option: Option) -> tuple[Option, HoldChange]:
    return _move(option, OptionState.WAITING_LIST)


def validate(option: Option) -> tuple[Option, HoldChange]:
    """Validate (confirmer): the option becomes a reservation, its places still held."""
    return _move(option, OptionState.VALIDATED)


def start_refusal(option: Option) -> tuple[Option, HoldChange]:
    """Refus en cours: reversible, so the places stay held."""
    return _move(option, OptionState.REFUSAL_PENDING)


def cancel_refusal(option: Option) -> tuple[Option, HoldChange]:
    if option.state is not OptionState.REFUSAL_PENDING:
        raise OptionTransitionRefused(option.id, option.state, OptionState.PLACED)
    return _move(option, OptionState.PLACED)


def refuse(option: Option) -> tuple[Option, HoldChange]:
    return _move(option, OptionState.REFUSED)


def cancel(option: Option) -> tuple[Option, HoldChange]:
    return _move(option, OptionState.CANCELLED)


def expire(option: Option, now: datetime) -> tuple[Option, HoldChange]:
    """Past its expiry date, a holding option gives back exactly the places it held."""
    if not option.due(now):
        raise OptionTransitionRefused(option.id, option.state, OptionState.EXPIRED)
    return _move(option, OptionState.EXPIRED)


def order(option: Option, order_id: str, now: datetime) -> tuple[Option, HoldChange]:
    """A validated option becomes an order (commande): its places pass to the order, so the
    change releases them from the option — the caller moves them to the order's cart in the
    same transaction. Refused once expired."""
    if option.state is OptionState.VALIDATED and now >= option.expires_at:
        raise OptionTransitionRefused(option.id, OptionState.EXPIRED, OptionState.ORDERED)
    if not order_id:
        raise OptionTransitionRefused(option.id, option.state, OptionState.ORDERED)
    return _move(option, OptionState.ORDERED, order_id=order_id)


def expire_due(
    options: list[Option], now: datetime
) -> tuple[list[Option], dict[str, dict[str, int]]]:
    """Every option due at ``now``, expired; and per performance the places to give back."""
    expired: list[Option] = []
    released: dict[str, dict[str, int]] = {}
    for option in options:
        if option.due(now):
            moved, change = expire(option, now)
            expired.append(moved)
            per = released.setdefault(option.performance_id, {})
            for category, count in change.release.items():
                per[category] = per.get(category, 0) + count
    return expired, released


def matches(option: Option, query: str) -> bool:
    """Found by its number, its contact's number or its file number (seed 001)."""
    wanted = query.strip().casefold()
    return bool(wanted) and wanted in {
        option.id.casefold(),
        option.contact_id.casefold(),
        option.file_number.casefold(),
    } - {""}
