"""Our plan format, ``guichet.seatplan`` version 1: read it into a layout, write a layout to it.

The format is columnar: each row holds its seats as parallel arrays (``id``, ``number``, ``x``,
``y``, optional ``category``) with absolute coordinates, plus index lists for flags and aisles.
The JSON Schema is ``resources/schemas/guichet-seatplan-1.schema.json``; it validates a skeleton
of the document (columns cut to one value) and the columns are checked here, which keeps a
100,000-seat plan well under a second. Reading returns a whole layout or raises `PlanError`;
it must not return a partial layout, touch a database or import Qt.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import repeat
from typing import Any

from domain.venue import (
    Area,
    Category,
    Entrance,
    GeneralAdmissionZone,
    PhysicalLayout,
    Point,
    Seat,
    SeatFlag,
    Zone,
)
from planfiles import schema
from planfiles.common import finite, first_bad_number, point, read_checked, xy_point
from planfiles.errors import PlanError, Problems, TooManyProblems

FORMAT = "guichet.seatplan"
VERSION = 1

_COLUMNS = ("id", "number", "x", "y")
_CUT_COLUMNS = frozenset({*_COLUMNS, "category"})  # what `skeleton` cuts, the reader checks
_FLAG_NAMES = {
    "wheelchair": SeatFlag.WHEELCHAIR,
    "companion": SeatFlag.COMPANION,
    "obstructed": SeatFlag.OBSTRUCTED,
}
_STR = frozenset({str})
_FLAGS_BY_VALUE = [SeatFlag(v) for v in range(16)]
_AREA_POINTS = {"rectangle": 2, "ellipse": 2, "circle": 2, "text": 1}


def skeleton(doc: Any) -> Any:
    """What the schema validates: `doc` with each block's rows cut to the first one and seat
    columns cut to their first value. Anything of an unexpected shape is left as it is, for the
    schema to report. The other rows are checked by `odd_rows`.
    """
    if not isinstance(doc, dict) or not isinstance(doc.get("zones"), list):
        return doc
    zones = []
    for zone in doc["zones"]:
        if isinstance(zone, dict) and isinstance(zone.get("blocks"), list):
            blocks = []
            for block in zone["blocks"]:
                if isinstance(block, dict) and isinstance(block.get("rows"), list):
                    block = {**block, "rows": [_row_skeleton(r) for r in block["rows"][:1]]}
                blocks.append(block)
            zone = {**zone, "blocks": blocks}
        zones.append(zone)
    return {**doc, "zones": zones}


def _row_skeleton(row: Any) -> Any:
    """`row` with its seat columns cut to their first value (index lists are kept whole: the
    schema checks their items, and the reader relies on it)."""
    if not isinstance(row, dict) or not isinstance(row.get("seats"), dict):
        return row
    seats = {
        k: (v[:1] if k in _CUT_COLUMNS and isinstance(v, list) else v)
        for k, v in row["seats"].items()
    }
    return {**row, "seats": seats}


_ROW_KEYS = frozenset({"label", "seats"})
_SEAT_KEYS = frozenset({*_COLUMNS, "category", "flags", "aisle_after"})


def _plain_indices(value: Any) -> bool:
    return (
        type(value) is list
        and all(type(i) is int and i >= 0 for i in value)
        and len(set(value)) == len(value)
    )


def _plain_row(row: Any) -> bool:
    """True if `row` surely passes the schema's row definition (seat values aside, which the
    reader checks). False means: let the schema say what is wrong."""
    if type(row) is not dict or row.keys() != _ROW_KEYS or type(row["label"]) is not str:
        return False
    seats = row["seats"]
    if type(seats) is not dict or not seats.keys() <= _SEAT_KEYS:
        return False
    if not all(type(seats.get(c)) is list for c in _COLUMNS):
        return False
    category = seats.get("category")
    if not (category is None or type(category) is list or (type(category) is str and category)):
        return False
    flags = seats.get("flags", {})
    if type(flags) is not dict or not flags.keys() <= _FLAG_NAMES.keys():
        return False
    if not all(_plain_indices(v) for v in flags.values()):
        return False
    return "aisle_after" not in seats or _plain_indices(seats["aisle_after"])


def check_rows(doc: Any, problems: Problems) -> None:
    """Schema problems of the rows that `skeleton` left out (each is checked on its own)."""
    if not isinstance(doc, dict) or not isinstance(doc.get("zones"), list):
        return
    for zi, zone in enumerate(doc["zones"]):
        if not isinstance(zone, dict) or not isinstance(zone.get("blocks"), list):
            continue
        for bi, block in enumerate(zone["blocks"]):
            if not isinstance(block, dict) or not isinstance(block.get("rows"), list):
                continue
            for ri, row in enumerate(block["rows"][1:], start=1):
                if not _plain_row(row):
                    at = ("zones", zi, "blocks", bi, "rows", ri)
                    schema.check(
                        _row_skeleton(row),
                        schema.SEATPLAN_SCHEMA,
                        problems,
                        definition="row",
                        at=at,
                    )


class _Reader:
    """One read of one document: collects problems, then builds the layout if there are none."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc
        self.problems = Problems()
        self.codes: set[str] = set()
        self.entrance_ids: set[str] = set()
        self.seats: list[Seat] = []
        self.seat_ids: list[str] = []
        self.row_starts: list[int] = []  # index in seat_ids where each row's ids begin
        self.row_places: list[str] = []  # the path of each row's id column
        self.zone_places: dict[str, str] = {}  # zone id -> where it is defined

    def read(self, *, layout_id: str, hall_id: str, name: str | None) -> PhysicalLayout:
        doc = self.doc
        categories = self._categories(doc["categories"])
        entrances = self._entrances(doc.get("entrances", []))
        zones = self._zones(doc["zones"])
        ga_zones = self._ga_zones(doc.get("ga_zones", []))
        areas = self._areas(doc.get("areas", []))
        self._duplicate_seats()
        size = doc["size"]
        width = finite(size["width"], "size.width", self.problems)
        height = finite(size["height"], "size.height", self.problems)
        focal = None
        if "focal_point" in doc:
            focal = point(doc["focal_point"], "focal_point", self.problems)
        if self.problems:
            raise TooManyProblems
        return PhysicalLayout(
            id=layout_id,
            hall_id=hall_id,
            name=doc["name"] if name is None else name,
            seats=tuple(self.seats),
            zones=zones,
            ga_zones=ga_zones,
            entrances=entrances,
            categories=categories,
            areas=areas,
            width=width,
            height=height,
            focal_point=focal,
        )

    def _unique(self, seen: dict[str, str], key: str, place: str, what: str) -> None:
        if key in seen:
            self.problems.add(place, f"{what} {key!r} is already used at {seen[key]}")
        else:
            seen[key] = place

    def _categories(self, items: list[dict[str, Any]]) -> tuple[Category, ...]:
        seen: dict[str, str] = {}
        for i, item in enumerate(items):
            self._unique(seen, item["code"], f"categories[{i}].code", "category code")
        self.codes = set(seen)
        return tuple(Category(c["code"], c["name"], c["colour"]) for c in items)

    def _entrances(self, items: list[dict[str, Any]]) -> tuple[Entrance, ...]:
        seen: dict[str, str] = {}
        for i, item in enumerate(items):
            self._unique(seen, item["id"], f"entrances[{i}].id", "entrance id")
        self.entrance_ids = set(seen)
        return tuple(Entrance(e["id"], e["name"]) for e in items)

    def _entrance(self, value: str | None, place: str) -> str | None:
        if value is not None and value not in self.entrance_ids:
            self.problems.add(place, f"unknown entrance {value!r}")
        return value

    def _category(self, value: str | None, place: str) -> None:
        if value is not None and value not in self.codes:
            self.problems.add(place, f"unknown category {value!r}")

    def _zones(self, items: list[dict[str, Any]]) -> tuple[Zone, ...]:
        seen: dict[str, str] = {}
        zones = []
        for zi, item in enumerate(items):
            zplace = f"zones[{zi}]"
            self._unique(seen, item["id"], f"{zplace}.id", "zone id")
            entrance = self._entrance(item.get("entrance"), f"{zplace}.entrance")
            zones.append(Zone(item["id"], item["name"], entrance))
            blocks_seen: dict[str, str] = {}
            for bi, block in enumerate(item["blocks"]):
                bplace = f"{zplace}.blocks[{bi}]"
                self._unique(blocks_seen, block["id"], f"{bplace}.id", "block id")
                for ri, row in enumerate(block["rows"]):
                    self._row(item["id"], block["id"], row, f"{bplace}.rows[{ri}]")
        self.zone_places = seen
        return tuple(zones)

    def _row(self, zone: str, block: str, row: dict[str, Any], place: str) -> None:
        cols = row["seats"]
        sp = f"{place}.seats"
        ids, numbers, xs, ys = (cols[c] for c in _COLUMNS)
        category = cols.get("category")
        lengths = {c: len(cols[c]) for c in _COLUMNS}
        if isinstance(category, list):
            lengths["category"] = len(category)
        n = len(ids)
        if len(set(lengths.values())) > 1:
            detail = ", ".join(f"{c} {k}" for c, k in lengths.items())
            self.problems.add(sp, f"columns have different lengths: {detail}")
            return
        if n == 0:
            self.problems.add(sp, f"row {row['label']!r} has no seats")
            return
        ok = True
        if not set(map(type, ids)) <= _STR or "" in ids:
            i = next(i for i, v in enumerate(ids) if not (type(v) is str and v))
            self.problems.add(f"{sp}.id[{i}]", "a seat id must be a non-empty string")
            ok = False
        if not set(map(type, numbers)) <= _STR:
            i = next(i for i, v in enumerate(numbers) if type(v) is not str)
            self.problems.add(f"{sp}.number[{i}]", "a seat number must be a string")
            ok = False
        for name, column in (("x", xs), ("y", ys)):
            bad = first_bad_number(column)
            if bad is not None:
                self.problems.add(
                    f"{sp}.{name}[{bad}]", f"must be a finite number, got {column[bad]!r}"
                )
                ok = False
        categories: Any
        if isinstance(category, list):
            if not all(v is None or (type(v) is str and v) for v in category):
                i = next(
                    i for i, v in enumerate(category) if not (v is None or (type(v) is str and v))
                )
                self.problems.add(f"{sp}.category[{i}]", "a category must be a code or null")
                ok = False
            elif unknown := set(category) - self.codes - {None}:
                i = next(i for i, v in enumerate(category) if v in unknown)
                self.problems.add(f"{sp}.category[{i}]", f"unknown category {category[i]!r}")
                ok = False
            categories = category
        else:
            self._category(category, f"{sp}.category")
            categories = repeat(category, n)
        flags = self._flags(cols, n, sp)
        if not ok or flags is None or self.problems:
            return
        self.row_starts.append(len(self.seat_ids))
        self.row_places.append(f"{sp}.id")
        self.seat_ids.extend(ids)
        self.seats.extend(
            map(
                Seat,
                ids,
                repeat(zone, n),
                repeat(block, n),
                repeat(row["label"], n),
                numbers,
                map(float, xs),
                map(float, ys),
                categories,
                flags,
            )
        )

    def _flags(self, cols: dict[str, Any], n: int, sp: str) -> list[SeatFlag] | None:
        lists: list[tuple[str, list[int], SeatFlag]] = [
            (f"{sp}.flags.{name}", indices, _FLAG_NAMES[name])
            for name, indices in cols.get("flags", {}).items()
        ]
        if "aisle_after" in cols:
            lists.append((f"{sp}.aisle_after", cols["aisle_after"], SeatFlag.AISLE_AFTER))
        values = [0] * n
        ok = True
        for place, indices, flag in lists:
            for k, index in enumerate(indices):
                if type(index) is float and index.is_integer():  # the schema's "integer"
                    index = int(index)
                if type(index) is not int or index < 0:
                    self.problems.add(f"{place}[{k}]", "a seat index must be a whole number >= 0")
                    ok = False
                elif index >= n:
                    message = f"seat index {index} is out of range (the row has {n} seats)"
                    self.problems.add(f"{place}[{k}]", message)
                    ok = False
                else:
                    values[index] |= flag
        if not ok:
            return None
        return [_FLAGS_BY_VALUE[v] for v in values]

    def _duplicate_seats(self) -> None:
        ids = self.seat_ids
        if len(set(ids)) == len(ids):
            return
        first: dict[str, int] = {}
        for index, seat_id in enumerate(ids):
            if seat_id in first:
                self.problems.add(
                    self._seat_place(index),
                    f"seat id {seat_id!r} is already used at {self._seat_place(first[seat_id])}",
                )
            else:
                first[seat_id] = index

    def _seat_place(self, index: int) -> str:
        row = bisect_right(self.row_starts, index) - 1
        return f"{self.row_places[row]}[{index - self.row_starts[row]}]"

    def _ga_zones(self, items: list[dict[str, Any]]) -> tuple[GeneralAdmissionZone, ...]:
        seen: dict[str, str] = dict(self.zone_places)
        result = []
        for i, item in enumerate(items):
            place = f"ga_zones[{i}]"
            self._unique(seen, item["id"], f"{place}.id", "zone id")
            if item["capacity"] <= 0:
                self.problems.add(
                    f"{place}.capacity", f"capacity must be positive, got {item['capacity']}"
                )
            self._category(item.get("category"), f"{place}.category")
            entrance = self._entrance(item.get("entrance"), f"{place}.entrance")
            outline = tuple(
                xy_point(p, f"{place}.outline[{k}]", self.problems)
                for k, p in enumerate(item.get("outline", []))
            )
            result.append(
                GeneralAdmissionZone(
                    id=item["id"],
                    name=item["name"],
                    capacity=int(item["capacity"]),  # the schema's integer may be 120.0
                    category=item.get("category"),
                    entrance=entrance,
                    outline=outline,
                )
            )
        return tuple(result)

    def _areas(self, items: list[dict[str, Any]]) -> tuple[Area, ...]:
        result = []
        for i, item in enumerate(items):
            place = f"areas[{i}]"
            shape = item["shape"]
            points = tuple(
                xy_point(p, f"{place}.points[{k}]", self.problems)
                for k, p in enumerate(item["points"])
            )
            wanted = _AREA_POINTS.get(shape)
            if wanted is not None and len(points) != wanted:
                self.problems.add(
                    f"{place}.points", f"a {shape} needs {wanted} point(s), got {len(points)}"
                )
            elif shape == "polygon" and len(points) < 3:
                self.problems.add(f"{place}.points", f"a polygon needs 3 points, got {len(points)}")
            result.append(Area(shape, points, item.get("label", ""), item.get("colour", "")))
        return tuple(result)


def read_seatplan(
    doc: dict[str, Any],
    *,
    layout_id: str,
    hall_id: str,
    name: str | None = None,
    source: str = "<plan>",
) -> PhysicalLayout:
    """The layout described by a parsed ``guichet.seatplan`` document, or `PlanError`."""
    return read_checked(
        doc,
        plan_schema=schema.SEATPLAN_SCHEMA,
        skeleton=skeleton,
        check_rows=check_rows,
        reader=_Reader(doc),
        layout_id=layout_id,
        hall_id=hall_id,
        name=name,
        source=source,
    )


def write_plan(layout: PhysicalLayout) -> dict[str, Any]:
    """`layout` as a ``guichet.seatplan`` version 1 document (a JSON-ready dict).

    Seats are grouped by zone (in the order of ``layout.zones``), then by block (first
    appearance), then into rows (runs of consecutive seats with the same row label). For every
    layout this package reads, that is the layout's own order, so ``write_plan`` then
    ``parse_plan`` gives an equal layout. A zone that seats name but ``layout.zones`` lacks is
    written with its id as name.
    """
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "name": layout.name,
        "size": {"width": layout.width, "height": layout.height},
    }
    if layout.focal_point is not None:
        doc["focal_point"] = {"x": layout.focal_point.x, "y": layout.focal_point.y}
    doc["categories"] = [
        {"code": c.code, "name": c.name, "colour": c.colour} for c in layout.categories
    ]
    doc["entrances"] = [{"id": e.id, "name": e.name} for e in layout.entrances]

    # zone id -> block id -> runs of seats (a run is one written row)
    grouped: dict[str, dict[str, list[list[Seat]]]] = {z.id: {} for z in layout.zones}
    previous: tuple[str, str, str] | None = None
    for seat in layout.seats:
        key = (seat.zone, seat.block, seat.row)
        runs = grouped.setdefault(seat.zone, {}).setdefault(seat.block, [])
        if key == previous:
            runs[-1].append(seat)
        else:
            runs.append([seat])
            previous = key
    zone_info = {z.id: z for z in layout.zones}
    zones = []
    for zone_id, blocks in grouped.items():
        zone = zone_info.get(zone_id, Zone(zone_id, zone_id))
        zone_doc: dict[str, Any] = {"id": zone.id, "name": zone.name}
        if zone.entrance is not None:
            zone_doc["entrance"] = zone.entrance
        zone_doc["blocks"] = [
            {"id": block_id, "rows": [_write_row(run) for run in runs]}
            for block_id, runs in blocks.items()
        ]
        zones.append(zone_doc)
    doc["zones"] = zones
    doc["ga_zones"] = [_write_ga(ga) for ga in layout.ga_zones]
    doc["areas"] = [_write_area(area) for area in layout.areas]
    return doc


def _write_row(seats: list[Seat]) -> dict[str, Any]:
    columns: dict[str, Any] = {
        "id": [s.id for s in seats],
        "number": [s.number for s in seats],
        "x": [s.x for s in seats],
        "y": [s.y for s in seats],
    }
    categories = [s.category for s in seats]
    if any(c != categories[0] for c in categories):
        columns["category"] = categories
    elif categories[0] is not None:
        columns["category"] = categories[0]
    flags: dict[str, list[int]] = {}
    for name, flag in _FLAG_NAMES.items():
        indices = [i for i, s in enumerate(seats) if s.flags & flag]
        if indices:
            flags[name] = indices
    if flags:
        columns["flags"] = flags
    aisles = [i for i, s in enumerate(seats) if s.flags & SeatFlag.AISLE_AFTER]
    if aisles:
        columns["aisle_after"] = aisles
    return {"label": seats[0].row, "seats": columns}


def _write_ga(ga: GeneralAdmissionZone) -> dict[str, Any]:
    doc: dict[str, Any] = {"id": ga.id, "name": ga.name, "capacity": ga.capacity}
    if ga.category is not None:
        doc["category"] = ga.category
    if ga.entrance is not None:
        doc["entrance"] = ga.entrance
    if ga.outline:
        doc["outline"] = [_xy(p) for p in ga.outline]
    return doc


def _write_area(area: Area) -> dict[str, Any]:
    doc: dict[str, Any] = {"shape": area.shape, "points": [_xy(p) for p in area.points]}
    if area.label:
        doc["label"] = area.label
    if area.colour:
        doc["colour"] = area.colour
    return doc


def _xy(p: Point) -> list[float]:
    return [p.x, p.y]


__all__ = ["FORMAT", "VERSION", "PlanError", "read_seatplan", "skeleton", "write_plan"]
