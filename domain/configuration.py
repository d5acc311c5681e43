"""The logical layout: what a physical layout is sold as, for a season.

It assigns seat categories, contingents, blocked and invalidated seats. Rules from the source
documents:
- every seat is in exactly one contingent, by default in none ("no contingent");
- blocking takes a seat out of sale and keeps its contingent; it is reversible;
- invalidating removes a seat from the plan (a broken seat); a seat that has a contingent
  cannot be invalidated, because the contingent could not be restored on revalidation.

Every change returns a new layout; nothing here mutates.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from domain.errors import (
    ConfigurationError,
    LayoutNotValidated,
    SeatHasContingent,
    SeatInvalidated,
    UnknownCategory,
    UnknownContingent,
)
from domain.venue import Category, LayoutState, PhysicalLayout


class ContingentType(enum.Enum):
    OTHER = "other"
    GROUP = "group"
    EXTERNAL = "external"  # allotment exported to one external distributor


@dataclass(frozen=True, slots=True)
class Contingent:
    """A reserve of seats for some channels.

    ``exclusive``: only the listed channels may sell it. A non-exclusive contingent may also be
    sold by any channel that has the right to sell from "no contingent" — except an external
    contingent: its seats are exported to one distributor, and selling them anywhere else
    would sell them twice.
    """

    code: str
    name: str
    colour: str
    type: ContingentType = ContingentType.OTHER
    exclusive: bool = True
    channels: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if self.type is ContingentType.EXTERNAL and len(self.channels) != 1:
            raise ConfigurationError(
                f"external contingent {self.code!r} must target exactly one channel"
            )

    def sellable_by(self, channel_code: str, channel_sells_no_contingent: bool) -> bool:
        if channel_code in self.channels:
            return True
        if self.type is ContingentType.EXTERNAL:
            return False
        return not self.exclusive and channel_sells_no_contingent


def _frozen(mapping: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True, slots=True)
class LogicalLayout:
    id: str
    name: str
    season_id: str
    physical: PhysicalLayout
    categories: tuple[Category, ...]
    seat_categories: Mapping[str, str] = field(default_factory=dict)  # seat id -> category
    ga_categories: Mapping[str, str] = field(default_factory=dict)  # GA zone id -> category
    contingents: tuple[Contingent, ...] = ()
    seat_contingents: Mapping[str, str] = field(default_factory=dict)  # absent: no contingent
    blocked: frozenset[str] = frozenset()
    invalidated: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if self.physical.state is not LayoutState.VALIDATED:
            raise LayoutNotValidated(
                f"physical layout {self.physical.name!r} must be validated before use"
            )
        codes = {c.code for c in self.categories}
        for code in list(self.seat_categories.values()) + list(self.ga_categories.values()):
            if code not in codes:
                raise UnknownCategory(code)
        known = {c.code for c in self.contingents}
        for code in self.seat_contingents.values():
            if code not in known:
                raise UnknownContingent(code)
        self.physical.require_seats(
            set(self.seat_categories) | set(self.seat_contingents) | self.blocked | self.invalidated
        )
        clash = self.invalidated & self.seat_contingents.keys()
        if clash:
            raise SeatHasContingent(clash)
        object.__setattr__(self, "seat_categories", _frozen(self.seat_categories))
        object.__setattr__(self, "ga_categories", _frozen(self.ga_categories))
        object.__setattr__(self, "seat_contingents", _frozen(self.seat_contingents))

    @classmethod
    def from_physical(
        cls, id: str, name: str, season_id: str, physical: PhysicalLayout
    ) -> LogicalLayout:
        """A logical layout that sells every seat in the plan's default category."""
        return cls(
            id=id,
            name=name,
            season_id=season_id,
            physical=physical,
            categories=physical.categories,
            seat_categories={s.id: s.category for s in physical.seats if s.category},
            ga_categories={z.id: z.category for z in physical.ga_zones if z.category},
        )

    def category_of(self, seat_id: str) -> str | None:
        self.physical.require_seats([seat_id])
        return self.seat_categories.get(seat_id)

    def contingent_of(self, seat_id: str) -> Contingent | None:
        code = self.seat_contingents.get(seat_id)
        return None if code is None else self.contingent(code)

    def contingent(self, code: str) -> Contingent:
        for contingent in self.contingents:
            if contingent.code == code:
                return contingent
        raise UnknownContingent(code)

    def category(self, code: str) -> Category:
        for category in self.categories:
            if category.code == code:
                return category
        raise UnknownCategory(code)

    # --- actions on the plan -------------------------------------------------------------

    def assign_contingent(self, seat_ids: Iterable[str], code: str | None) -> LogicalLayout:
        """Put seats into a contingent, or back into "no contingent" with ``None``."""
        seats = self.physical.require_seats(seat_ids)
        if code is not None:
            self.contingent(code)
            invalid = seats & self.invalidated
            if invalid:
                raise SeatInvalidated(invalid)
        mapping = dict(self.seat_contingents)
        for seat_id in seats:
            if code is None:
                mapping.pop(seat_id, None)
            else:
                mapping[seat_id] = code
        return replace(self, seat_contingents=mapping)

    def set_category(self, seat_ids: Iterable[str], code: str) -> LogicalLayout:
        seats = self.physical.require_seats(seat_ids)
        self.category(code)
        mapping = dict(self.seat_categories)
        mapping.update(dict.fromkeys(seats, code))
        return replace(self, seat_categories=mapping)

    def block(self, seat_ids: Iterable[str]) -> LogicalLayout:
        """Take seats out of sale; they keep their contingent."""
        seats = self.physical.require_seats(seat_ids)
        invalid = seats & self.invalidated
        if invalid:
            raise SeatInvalidated(invalid)
        return replace(self, blocked=self.blocked | seats)

    def unblock(self, seat_ids: Iterable[str]) -> LogicalLayout:
        seats = self.physical.require_seats(seat_ids)
        return replace(self, blocked=self.blocked - seats)

    def invalidate(self, seat_ids: Iterable[str]) -> LogicalLayout:
        """Remove seats from the plan (broken seats). Refused for seats with a contingent."""
        seats = self.physical.require_seats(seat_ids)
        with_contingent = seats & self.seat_contingents.keys()
        if with_contingent:
            raise SeatHasContingent(with_contingent)
        return replace(self, invalidated=self.invalidated | seats)

    def revalidate(self, seat_ids: Iterable[str]) -> LogicalLayout:
        seats = self.physical.require_seats(seat_ids)
        return replace(self, invalidated=self.invalidated - seats)
