"""The plain-data plan the seat-map widget draws: numpy columns, string tables, shapes.

A `SeatPlan` is the geometry (seat ids, positions, zone/row/number labels, flags, GA zones,
graphic areas); `SeatStatus` is what changes per performance (state, category, contingent,
sellable, held by this till). Both are plain numpy and Python: no Qt, no prices, no orders, no
database, and nothing of the client, so the widget can be published alone. Seats are in the
plan's canonical order (zone → block → row → seat); a seat's index is its identity inside the
widget.
"""

from __future__ import annotations

import enum
import json
import zipfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt

CACHE_VERSION = 1


class State(enum.IntEnum):
    """Seat states, in the order of ``domain.availability.SeatState``."""

    FREE = 0
    HELD = 1
    BLOCKED = 2
    RESERVED = 3
    SOLD = 4
    INVALID = 5


STATE_COUNT = len(State)


class Flag(enum.IntFlag):
    """Seat flags; the same bits as ``domain.venue.SeatFlag``."""

    NONE = 0
    AISLE_AFTER = 1
    WHEELCHAIR = 2
    COMPANION = 4
    OBSTRUCTED = 8


@dataclass(frozen=True, slots=True)
class Area:
    """A graphic element: ``rectangle``/``ellipse``/``circle`` (two opposite corners of the
    bounding box), ``polygon`` (vertices) or ``text`` (one anchor, the text in `label`)."""

    kind: str
    points: tuple[tuple[float, float], ...]
    label: str = ""
    colour: str = ""


@dataclass(frozen=True, slots=True)
class GaZone:
    """An unnumbered zone: drawn as its outline, showing the places left."""

    name: str
    outline: tuple[tuple[float, float], ...]
    capacity: int
    category: int = -1  # index into the colour table of categories, -1: none
    left: int | None = None  # places left; None: the whole capacity


@dataclass(frozen=True, slots=True)
class Swatch:
    """One entry of a colour table (a category or a contingent)."""

    code: str
    name: str
    colour: str  # "#rrggbb"


@dataclass(eq=False)
class SeatPlan:
    """Seat geometry in canonical order.

    ``zone`` and ``row`` index `zone_names` and `row_labels`; every seat of a row has the same
    ``row`` value and rows are numbered in order of appearance.
    """

    ids: npt.NDArray[np.str_]
    x: npt.NDArray[np.float32]
    y: npt.NDArray[np.float32]
    zone: npt.NDArray[np.uint16]
    row: npt.NDArray[np.int32]
    numbers: npt.NDArray[np.str_]
    flags: npt.NDArray[np.uint8]
    zone_names: tuple[str, ...]
    row_labels: tuple[str, ...]
    shapes: tuple[Area, ...] = ()
    ga_zones: tuple[GaZone, ...] = ()
    name: str = ""
    _id_order: npt.NDArray[np.int32] = field(init=False, repr=False)
    _sorted_ids: npt.NDArray[np.str_] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        n = self.ids.shape[0]
        for column in (self.x, self.y, self.zone, self.row, self.numbers, self.flags):
            if column.shape != (n,):
                raise ValueError("every seat column needs one value per seat")
        if n and (int(self.row.max()) >= len(self.row_labels) or int(self.row.min()) < 0):
            raise ValueError("a seat's row is not in row_labels")
        if n and int(self.zone.max()) >= len(self.zone_names):
            raise ValueError("a seat's zone is not in zone_names")
        order = np.argsort(self.ids, kind="stable").astype(np.int32)
        sorted_ids = self.ids[order]
        if n > 1 and bool((sorted_ids[1:] == sorted_ids[:-1]).any()):
            raise ValueError("seat ids must be unique")
        self._id_order = order
        self._sorted_ids = sorted_ids

    @property
    def size(self) -> int:
        return int(self.ids.shape[0])

    @classmethod
    def from_columns(
        cls,
        ids: Sequence[str],
        x: npt.ArrayLike,
        y: npt.ArrayLike,
        zones: Sequence[str],
        rows: Sequence[str],
        numbers: Sequence[str],
        flags: npt.ArrayLike | None = None,
        *,
        shapes: Sequence[Area] = (),
        ga_zones: Sequence[GaZone] = (),
        name: str = "",
    ) -> SeatPlan:
        """A plan from per-seat columns of strings (zone name, row label, number).

        A row is a run of seats with the same zone and row label.
        """
        n = len(ids)
        zone_names: dict[str, int] = {}
        zone_index = np.fromiter(
            (zone_names.setdefault(z, len(zone_names)) for z in zones), dtype=np.uint16, count=n
        )
        row_labels: list[str] = []
        row_index = np.empty(n, dtype=np.int32)
        previous: tuple[str, str] | None = None
        for i, (zone, row) in enumerate(zip(zones, rows, strict=True)):
            if (zone, row) != previous:
                row_labels.append(row)
                previous = (zone, row)
            row_index[i] = len(row_labels) - 1
        return cls(
            ids=np.asarray(list(ids), dtype=np.str_),
            x=np.asarray(x, dtype=np.float32),
            y=np.asarray(y, dtype=np.float32),
            zone=zone_index,
            row=row_index,
            numbers=np.asarray(list(numbers), dtype=np.str_),
            flags=np.zeros(n, np.uint8) if flags is None else np.asarray(flags, dtype=np.uint8),
            zone_names=tuple(zone_names),
            row_labels=tuple(row_labels),
            shapes=tuple(shapes),
            ga_zones=tuple(ga_zones),
            name=name,
        )

    def indices_of(self, seat_ids: Sequence[str]) -> npt.NDArray[np.int64]:
        """Index of each id; -1 for an id the plan does not have. Vectorised (binary search)."""
        if self.size == 0 or not len(seat_ids):
            return np.full(len(seat_ids), -1, dtype=np.int64)
        full = np.asarray(list(seat_ids), dtype=np.str_)
        wanted = full.astype(self._sorted_ids.dtype)
        position = np.minimum(np.searchsorted(self._sorted_ids, wanted), self.size - 1)
        found = self._sorted_ids[position] == wanted
        if full.dtype.itemsize > self._sorted_ids.dtype.itemsize:
            # longer than any stored id: truncated by the cast above, so never ours
            found &= np.char.str_len(full) <= self._sorted_ids.dtype.itemsize // 4
        return np.where(found, self._id_order[position].astype(np.int64), -1)

    def bounds(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) of seats, shapes and GA zones together."""
        xs: list[float] = []
        ys: list[float] = []
        if self.size:
            xs += [float(self.x.min()), float(self.x.max())]
            ys += [float(self.y.min()), float(self.y.max())]
        for shape in self.shapes:
            if shape.kind != "text":
                xs += [p[0] for p in shape.points]
                ys += [p[1] for p in shape.points]
        for zone in self.ga_zones:
            xs += [p[0] for p in zone.outline]
            ys += [p[1] for p in zone.outline]
        if not xs:
            return (0.0, 0.0, 1.0, 1.0)
        return (min(xs), min(ys), max(xs), max(ys))

    def neighbour_cut(self) -> npt.NDArray[np.bool_]:
        """True after a seat that has no neighbour next in its row (row end or aisle)."""
        cut = np.ones(self.size, dtype=np.bool_)
        if self.size > 1:
            cut[:-1] = (self.row[1:] != self.row[:-1]) | (
                (self.flags[:-1] & np.uint8(Flag.AISLE_AFTER)) != 0
            )
        return cut

    def seat_pitch(self) -> float:
        """Typical distance between neighbours in a row: the seat size in plan units."""
        if self.size < 2:
            return 10.0
        cut = self.neighbour_cut()[:-1]
        pairs = np.flatnonzero(~cut)
        if pairs.size == 0:
            span = max(float(np.ptp(self.x)), float(np.ptp(self.y)), 1.0)
            return span / max(1.0, float(np.sqrt(self.size)))
        sample = pairs[:: max(1, pairs.size // 4000)]
        d = np.hypot(self.x[sample + 1] - self.x[sample], self.y[sample + 1] - self.y[sample])
        d = d[d > 0]
        return float(np.median(d)) if d.size else 10.0

    def save(self, path: Path | str) -> None:
        """Write the compiled plan (a ``.npz``: columns plus a JSON header), for fast loads."""
        header = {
            "version": CACHE_VERSION,
            "name": self.name,
            "zone_names": list(self.zone_names),
            "row_labels": list(self.row_labels),
            "shapes": [asdict(s) for s in self.shapes],
            "ga_zones": [asdict(z) for z in self.ga_zones],
        }
        with open(path, "wb") as handle:
            np.savez(
                handle,
                header=np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8),
                ids=self.ids,
                x=self.x,
                y=self.y,
                zone=self.zone,
                row=self.row,
                numbers=self.numbers,
                flags=self.flags,
            )

    @classmethod
    def load(cls, path: Path | str) -> SeatPlan:
        """Read a plan written by `save`; ValueError if the file is not one (or is damaged)."""
        try:
            with np.load(path, allow_pickle=False) as data:
                header = json.loads(bytes(data["header"]).decode("utf-8"))
                if header.get("version") != CACHE_VERSION:
                    raise ValueError("a compiled plan of another version")
                return cls(
                    ids=data["ids"],
                    x=data["x"],
                    y=data["y"],
                    zone=data["zone"],
                    row=data["row"],
                    numbers=data["numbers"],
                    flags=data["flags"],
                    zone_names=tuple(header["zone_names"]),
                    row_labels=tuple(header["row_labels"]),
                    shapes=tuple(
                        Area(s["kind"], tuple(map(tuple, s["points"])), s["label"], s["colour"])
                        for s in header["shapes"]
                    ),
                    ga_zones=tuple(
                        GaZone(
                            z["name"],
                            tuple(map(tuple, z["outline"])),
                            z["capacity"],
                            z["category"],
                            z["left"],
                        )
                        for z in header["ga_zones"]
                    ),
                    name=header["name"],
                )
        except (OSError, KeyError, TypeError, ValueError, zipfile.BadZipFile) as error:
            raise ValueError(f"not a compiled seat plan: {error}") from None

    def nbytes(self) -> int:
        """Memory held by the per-seat columns (numpy buffers)."""
        return int(
            sum(
                a.nbytes
                for a in (
                    self.ids,
                    self.x,
                    self.y,
                    self.zone,
                    self.row,
                    self.numbers,
                    self.flags,
                    self._id_order,
                    self._sorted_ids,
                )
            )
        )


@dataclass(eq=False)
class SeatStatus:
    """What a performance says of each seat, in the plan's order.

    ``category`` and ``contingent`` index the colour tables (-1: none); ``sellable`` is False
    for a seat the caller's channel may not sell (drawn as such); ``held_by_me``: held by this
    till, drawn apart.
    """

    state: npt.NDArray[np.uint8]
    category: npt.NDArray[np.int16]
    contingent: npt.NDArray[np.int16]
    sellable: npt.NDArray[np.bool_]
    held_by_me: npt.NDArray[np.bool_]

    @classmethod
    def empty(cls, size: int) -> SeatStatus:
        """Every seat free, sellable, without category or contingent."""
        return cls(
            state=np.zeros(size, np.uint8),
            category=np.full(size, -1, np.int16),
            contingent=np.full(size, -1, np.int16),
            sellable=np.ones(size, np.bool_),
            held_by_me=np.zeros(size, np.bool_),
        )

    @classmethod
    def of(
        cls,
        size: int,
        *,
        state: npt.ArrayLike | None = None,
        category: npt.ArrayLike | None = None,
        contingent: npt.ArrayLike | None = None,
        sellable: npt.ArrayLike | None = None,
        held_by_me: npt.ArrayLike | None = None,
    ) -> SeatStatus:
        status = cls.empty(size)
        for name, value, dtype in (
            ("state", state, np.uint8),
            ("category", category, np.int16),
            ("contingent", contingent, np.int16),
            ("sellable", sellable, np.bool_),
            ("held_by_me", held_by_me, np.bool_),
        ):
            if value is not None:
                column = np.array(value, dtype=dtype)
                if column.shape != (size,):
                    raise ValueError(f"{name} needs {size} values")
                setattr(status, name, column)
        if int(status.state.max(initial=0)) >= STATE_COUNT:
            raise ValueError("unknown seat state code")
        return status

    def counts(self) -> dict[State, int]:
        """Seats per state."""
        counted = np.bincount(self.state, minlength=STATE_COUNT)
        return {state: int(counted[state]) for state in State}

    def nbytes(self) -> int:
        return int(
            sum(
                a.nbytes
                for a in (
                    self.state,
                    self.category,
                    self.contingent,
                    self.sellable,
                    self.held_by_me,
                )
            )
        )


@dataclass(frozen=True, slots=True)
class ColourTables:
    """Colours for the "by category" and "by contingent" modes, indexed by the status codes."""

    categories: tuple[Swatch, ...] = ()
    contingents: tuple[Swatch, ...] = ()
