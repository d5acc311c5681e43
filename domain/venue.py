"""Sites, halls and physical layouts (the seats as built).

A physical layout is either *with plan* (seats with a stable id and coordinates, possibly
general-admission zones beside them) or *without plan* (general-admission zones only). It must
be validated before a logical layout can use it. Categories here are the plan's defaults; the
logical layout (configuration.py) decides what is sold as what.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from domain.errors import DuplicateSeatId, EmptyLayout, UnknownCategory, UnknownSeat


class SeatFlag(enum.IntFlag):
    NONE = 0
    AISLE_AFTER = 1  # no adjacency between this seat and the next one in its row
    WHEELCHAIR = 2  # a wheelchair space (PMR)
    COMPANION = 4  # the companion seat of a wheelchair space
    OBSTRUCTED = 8  # restricted view


class LayoutState(enum.Enum):
    DRAFT = "draft"
    VALIDATED = "validated"


@dataclass(frozen=True, slots=True)
class Site:
    id: str
    name: str
    timezone: str  # IANA name; performances are shown in their venue's zone


@dataclass(frozen=True, slots=True)
class Hall:
    id: str
    site_id: str
    name: str


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class Seat:
    id: str  # stable across plan versions: the key that sales refer to
    zone: str  # zone id
    block: str
    row: str  # row label as printed ("13", "AA")
    number: str  # seat number as printed ("4", "12bis")
    x: float
    y: float
    category: str | None = None  # the plan's default category code
    flags: SeatFlag = SeatFlag.NONE

    @property
    def label(self) -> str:
        return f"{self.zone} - {self.row} - {self.number}"


@dataclass(frozen=True, slots=True)
class Zone:
    """A physical zone of seats (stalls, balcony 1, box 3...)."""

    id: str
    name: str
    entrance: str | None = None


@dataclass(frozen=True, slots=True)
class GeneralAdmissionZone:
    """Unnumbered places: sold by count up to a capacity."""

    id: str
    name: str
    capacity: int
    category: str | None = None
    entrance: str | None = None
    outline: tuple[Point, ...] = ()


@dataclass(frozen=True, slots=True)
class Entrance:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Area:
    """A graphic element of the plan: stage, text, decoration."""

    shape: str  # rectangle, ellipse, circle, polygon, text
    points: tuple[Point, ...]
    label: str = ""
    colour: str = ""


@dataclass(frozen=True, slots=True)
class Category:
    """A seat category as the plan declares it (code, name, colour #rrggbb)."""

    code: str
    name: str
    colour: str


@dataclass(frozen=True, slots=True)
class PhysicalLayout:
    id: str
    hall_id: str
    name: str
    seats: tuple[Seat, ...]
    zones: tuple[Zone, ...] = ()
    ga_zones: tuple[GeneralAdmissionZone, ...] = ()
    entrances: tuple[Entrance, ...] = ()
    categories: tuple[Category, ...] = ()
    areas: tuple[Area, ...] = ()
    width: float = 0.0
    height: float = 0.0
    focal_point: Point | None = None
    state: LayoutState = LayoutState.DRAFT
    _index: Mapping[str, int] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, int] = {}
        for position, seat in enumerate(self.seats):
            if seat.id in index:
                raise DuplicateSeatId(seat.id)
            index[seat.id] = position
        object.__setattr__(self, "_index", MappingProxyType(index))
        codes = {c.code for c in self.categories}
        for seat in self.seats:
            if seat.category is not None and seat.category not in codes:
                raise UnknownCategory(seat.category)
        for ga in self.ga_zones:
            if ga.category is not None and ga.category not in codes:
                raise UnknownCategory(ga.category)

    @property
    def with_plan(self) -> bool:
        return bool(self.seats)

    @property
    def seated_capacity(self) -> int:
        return len(self.seats)

    @property
    def standing_capacity(self) -> int:
        return sum(z.capacity for z in self.ga_zones)

    @property
    def capacity(self) -> int:
        return self.seated_capacity + self.standing_capacity

    def has_seat(self, seat_id: str) -> bool:
        return seat_id in self._index

    def seat(self, seat_id: str) -> Seat:
        try:
            return self.seats[self._index[seat_id]]
        except KeyError:
            raise UnknownSeat([seat_id]) from None

    def seat_ids(self) -> frozenset[str]:
        return frozenset(self._index)

    def require_seats(self, seat_ids: Iterable[str]) -> frozenset[str]:
        wanted = frozenset(seat_ids)
        # Not ``wanted - self._index.keys()``: that copies every seat id of the hall.
        unknown = {s for s in wanted if s not in self._index}
        if unknown:
            raise UnknownSeat(unknown)
        return wanted

    def validated(self) -> PhysicalLayout:
        """The layout marked valid: it has places to sell. A logical layout needs this."""
        if not self.seats and not self.ga_zones:
            raise EmptyLayout(f"layout {self.name!r} has neither seats nor standing zones")
        if any(z.capacity <= 0 for z in self.ga_zones):
            raise EmptyLayout("a general-admission zone needs a positive capacity")
        return replace(self, state=LayoutState.VALIDATED)

    def bounding_box(self) -> tuple[float, float, float, float]:
        """(min x, min y, max x, max y) of the seats; zeros without seats."""
        if not self.seats:
            return (0.0, 0.0, 0.0, 0.0)
        xs = [s.x for s in self.seats]
        ys = [s.y for s in self.seats]
        return (min(xs), min(ys), max(xs), max(ys))
