"""Import of pretix seating-plan JSON, written from the format's documented fields.

No pretix code and no pretix schema file is used (pretix is AGPL and its seating editor is
proprietary): ``resources/schemas/pretix-seating-plan-import.schema.json`` is our own, lenient
description. Mapping to the domain:

- seat position is absolute = zone ``position`` + row ``position`` (optional) + seat ``position``;
- ``seat_guid`` -> ``Seat.id``; ``seat_number`` -> ``Seat.number``; row label = ``row_label``
  if set, else ``row_number``;
- zone id = ``zone_id``, else ``name``, else ``zone-N`` (N counted from 1); a repeated id gets
  ``-2``, ``-3``...; pretix has no blocks, so ``Seat.block`` is the zone id; zones without rows
  (pretix uses them for decoration) only contribute their areas;
- **category code = the pretix category name, unchanged** (seats refer to categories by name);
  ``color`` -> colour as ``#rrggbb`` (``#rgb`` is expanded, a missing colour is grey);
- areas -> `Area` (rectangle, ellipse and circle by the corners of their bounding box, polygon by
  its vertices, text by its anchor); ``rotation`` and ``border_color`` are dropped;
- no size (older plans) -> the seats' extent plus a margin.

pretix has no flags, aisles, entrances, general admission or focal point. `layout_to_pretix`
writes a layout in pretix form (lossy: blocks, flags, GA zones, entrances are dropped); the
benchmark and the tests use it. This module must not touch a database or import Qt.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from typing import Any

from domain.venue import Area, Category, PhysicalLayout, Point, Seat, Zone
from planfiles import schema
from planfiles.common import DEFAULT_COLOUR, finite, is_number, normalise_colour, read_checked
from planfiles.errors import Problems, TooManyProblems

_NUMBER = frozenset({int, float})
_INF = math.inf
SEAT_RADIUS = 10.0  # pretix's default seat radius: the margin when a plan has no size


def looks_like_pretix(doc: dict[str, Any]) -> bool:
    """A pretix plan: zones and categories, and a size or (older plans) zones with rows."""
    if "zones" not in doc or "categories" not in doc:
        return False
    if "size" in doc:
        return True
    zones = doc["zones"]
    return isinstance(zones, list) and any(isinstance(z, dict) and "rows" in z for z in zones)


def skeleton(doc: Any) -> Any:
    """What the schema validates: `doc` with each zone's rows cut to the first one, without
    its seats (the reader checks seats; `check_rows` checks the other rows)."""
    if not isinstance(doc, dict) or not isinstance(doc.get("zones"), list):
        return doc
    zones = []
    for zone in doc["zones"]:
        if isinstance(zone, dict) and isinstance(zone.get("rows"), list):
            rows = [_row_skeleton(r) for r in zone["rows"][:1]]
            zone = {**zone, "rows": rows}
        zones.append(zone)
    return {**doc, "zones": zones}


def _row_skeleton(row: Any) -> Any:
    if isinstance(row, dict) and isinstance(row.get("seats"), list):
        return {**row, "seats": []}
    return row


_OPTIONAL_TEXT = frozenset({str, type(None)})
_ROW_NUMBER_POSITIONS = frozenset({"start", "end", "both", None})


def _plain_position(value: Any) -> bool:
    return (
        type(value) is dict and type(value.get("x")) in _NUMBER and type(value.get("y")) in _NUMBER
    )


def _plain_row(row: Any) -> bool:
    """True if `row` surely passes the schema's row definition (seats aside, which the reader
    checks). False means: let the schema say what is wrong."""
    if type(row) is not dict or type(row.get("seats")) is not list:
        return False
    if type(row.get("row_number")) not in (str, int):
        return False
    if any(type(row.get(k)) not in _OPTIONAL_TEXT for k in ("row_label", "seat_label", "uuid")):
        return False
    if row.get("row_number_position") not in _ROW_NUMBER_POSITIONS:
        return False
    return "position" not in row or _plain_position(row["position"])


def check_rows(doc: Any, problems: Problems) -> None:
    """Schema problems of the rows that `skeleton` left out (each is checked on its own)."""
    if not isinstance(doc, dict) or not isinstance(doc.get("zones"), list):
        return
    for zi, zone in enumerate(doc["zones"]):
        if not isinstance(zone, dict) or not isinstance(zone.get("rows"), list):
            continue
        for ri, row in enumerate(zone["rows"][1:], start=1):
            if not _plain_row(row):
                at = ("zones", zi, "rows", ri)
                schema.check(_row_skeleton(row), schema.PRETIX_SCHEMA, problems, "row", at=at)


def _offset(obj: dict[str, Any], place: str, problems: Problems) -> tuple[float, float]:
    pos = obj.get("position")
    if pos is None:
        return 0.0, 0.0
    return finite(pos["x"], f"{place}.position.x", problems), finite(
        pos["y"], f"{place}.position.y", problems
    )


class _Reader:
    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc
        self.problems = Problems()
        self.seats: list[Seat] = []
        self.areas: list[Area] = []
        self.names: set[str] = set()
        self.guid_list: list[str] = []
        self.row_starts: list[int] = []  # index in guid_list where each row's seats begin
        self.row_places: list[str] = []  # the path of each row's seats

    def read(self, *, layout_id: str, hall_id: str, name: str | None) -> PhysicalLayout:
        doc = self.doc
        categories = self._categories(doc["categories"])
        zones = self._zones(doc["zones"])
        self._duplicate_seats()
        if "size" in doc:
            width = finite(doc["size"]["width"], "size.width", self.problems)
            height = finite(doc["size"]["height"], "size.height", self.problems)
        elif self.seats:
            width = max(s.x for s in self.seats) + SEAT_RADIUS
            height = max(s.y for s in self.seats) + SEAT_RADIUS
        else:
            width = height = 0.0
        if self.problems:
            raise TooManyProblems
        return PhysicalLayout(
            id=layout_id,
            hall_id=hall_id,
            name=name if name is not None else str(doc.get("name") or layout_id),
            seats=tuple(self.seats),
            zones=zones,
            categories=categories,
            areas=tuple(self.areas),
            width=width,
            height=height,
        )

    def _categories(self, items: list[dict[str, Any]]) -> tuple[Category, ...]:
        result = []
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            name = item["name"]
            if name in seen:
                self.problems.add(
                    f"categories[{i}].name",
                    f"category {name!r} is already defined at categories[{seen[name]}]",
                )
                continue
            seen[name] = i
            raw = item.get("color")
            colour = DEFAULT_COLOUR if raw is None else normalise_colour(raw)
            if colour is None:
                self.problems.add(f"categories[{i}].color", f"not a colour #rrggbb: {raw!r}")
                colour = DEFAULT_COLOUR
            result.append(Category(code=name, name=name, colour=colour))
        self.names = set(seen)
        return tuple(result)

    def _zones(self, items: list[dict[str, Any]]) -> tuple[Zone, ...]:
        zones = []
        used: set[str] = set()
        for zi, item in enumerate(items):
            zplace = f"zones[{zi}]"
            base = str(item.get("zone_id") or item.get("name") or f"zone-{zi + 1}")
            zone_id, k = base, 1
            while zone_id in used:
                k += 1
                zone_id = f"{base}-{k}"
            used.add(zone_id)
            zx, zy = _offset(item, zplace, self.problems)
            if item["rows"]:
                zones.append(Zone(zone_id, str(item.get("name") or zone_id)))
            for ri, row in enumerate(item["rows"]):
                self._row(zone_id, row, zi, ri, zx, zy)
            for ai, area in enumerate(item.get("areas", [])):
                self.areas.append(self._area(area, f"{zplace}.areas[{ai}]", zx, zy))
        return tuple(zones)

    def _row(
        self, zone_id: str, row: dict[str, Any], zi: int, ri: int, zx: float, zy: float
    ) -> None:
        rplace = f"zones[{zi}].rows[{ri}]"
        label = row.get("row_label")
        if label is None:
            label = row["row_number"]
        label = str(label)
        rx, ry = _offset(row, rplace, self.problems)
        ox, oy = zx + rx, zy + ry
        seats = row["seats"]
        if not seats:
            self.problems.add(f"{rplace}.seats", f"row {label!r} has no seats")
            return
        self.row_starts.append(len(self.guid_list))
        self.row_places.append(f"{rplace}.seats")
        names = self.names
        guids = self.guid_list.append
        append = self.seats.append
        for si, seat in enumerate(seats):
            try:
                guid = seat["seat_guid"]
                number = seat["seat_number"]
                category = seat["category"]
                pos = seat["position"]
                x = pos["x"]
                y = pos["y"]
            except (KeyError, TypeError, IndexError):
                self._bad_seat(seat, f"{rplace}.seats[{si}]")
                continue
            if (
                type(guid) is not str
                or not guid
                or type(number) is not str
                or type(category) is not str
                or category not in names
                or type(x) not in _NUMBER
                or type(y) not in _NUMBER
                or not -_INF < x < _INF
                or not -_INF < y < _INF
            ):
                number = self._bad_seat(seat, f"{rplace}.seats[{si}]")
                if number is None:
                    continue
            guids(guid)
            append(Seat(guid, zone_id, zone_id, label, number, ox + x, oy + y, category))

    def _bad_seat(self, seat: Any, place: str) -> str | None:
        """Reports what is wrong with a seat that failed the fast checks.

        Returns the seat number as a string if the seat is fine after all (a number written as
        an integer, which older plans do), else None.
        """
        add = self.problems.add
        if type(seat) is not dict:
            add(place, f"expected an object, got {schema.json_type(seat)}")
            return None
        for key in ("seat_guid", "seat_number", "position", "category"):
            if key not in seat:
                add(f"{place}.{key}", "required field is missing")
                return None
        guid, number, pos, category = (
            seat[k] for k in ("seat_guid", "seat_number", "position", "category")
        )
        if type(guid) is not str or not guid:
            add(f"{place}.seat_guid", "a seat guid must be a non-empty string")
            return None
        if type(number) is int:
            number = str(number)
        elif type(number) is not str:
            add(f"{place}.seat_number", "a seat number must be a string")
            return None
        if type(category) is not str or category not in self.names:
            add(f"{place}.category", f"unknown category {category!r}")
            return None
        if type(pos) is not dict:
            add(f"{place}.position", f"expected an object, got {schema.json_type(pos)}")
            return None
        for key in ("x", "y"):
            if key not in pos:
                add(f"{place}.position.{key}", "required field is missing")
                return None
            if not is_number(pos[key]) or not math.isfinite(pos[key]):
                add(f"{place}.position.{key}", f"must be a finite number, got {pos[key]!r}")
                return None
        return number

    def _duplicate_seats(self) -> None:
        ids = self.guid_list
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
        return f"{self.row_places[row]}[{index - self.row_starts[row]}].seat_guid"

    def _area(self, area: dict[str, Any], place: str, zx: float, zy: float) -> Area:
        ax, ay = _offset(area, place, self.problems)
        bx, by = zx + ax, zy + ay
        shape = area["shape"]
        colour = str(area.get("color") or "")
        label = ""
        points: tuple[Point, ...]
        if shape == "rectangle":
            w = finite(area["rectangle"]["width"], f"{place}.rectangle.width", self.problems)
            h = finite(area["rectangle"]["height"], f"{place}.rectangle.height", self.problems)
            points = (Point(bx, by), Point(bx + w, by + h))
        elif shape == "circle":
            r = finite(area["circle"]["radius"], f"{place}.circle.radius", self.problems)
            points = (Point(bx - r, by - r), Point(bx + r, by + r))
        elif shape == "ellipse":
            radius = area["ellipse"]["radius"]
            rx = finite(radius["x"], f"{place}.ellipse.radius.x", self.problems)
            ry = finite(radius["y"], f"{place}.ellipse.radius.y", self.problems)
            points = (Point(bx - rx, by - ry), Point(bx + rx, by + ry))
        elif shape == "polygon":
            vertices = area["polygon"]["points"]
            if len(vertices) < 3:
                self.problems.add(
                    f"{place}.polygon.points", f"a polygon needs 3 points, got {len(vertices)}"
                )
            points = tuple(
                Point(
                    bx + finite(p["x"], f"{place}.polygon.points[{k}].x", self.problems),
                    by + finite(p["y"], f"{place}.polygon.points[{k}].y", self.problems),
                )
                for k, p in enumerate(vertices)
            )
        else:  # text
            text = area["text"]
            tx, ty = _offset(text, f"{place}.text", self.problems)
            points = (Point(bx + tx, by + ty),)
            label = text["text"]
            colour = str(text.get("color") or colour)
        return Area(shape, points, label, colour)


def read_pretix(
    doc: dict[str, Any],
    *,
    layout_id: str,
    hall_id: str,
    name: str | None = None,
    source: str = "<plan>",
) -> PhysicalLayout:
    """The layout described by a parsed pretix seating plan, or `PlanError`."""
    return read_checked(
        doc,
        plan_schema=schema.PRETIX_SCHEMA,
        skeleton=skeleton,
        check_rows=check_rows,
        reader=_Reader(doc),
        layout_id=layout_id,
        hall_id=hall_id,
        name=name,
        source=source,
    )


def layout_to_pretix(layout: PhysicalLayout) -> dict[str, Any]:
    """`layout` as a pretix seating plan, with nested positions (lossy, see module doc).

    Each zone is placed at the top-left of its seats, each row at its first seat's y (relative
    to the zone), each seat relative to its row. Reading it back gives the same seats, up to
    floating-point rounding of the coordinates, with ``block`` = zone id and no flags.
    """
    names = {c.code: c.name for c in layout.categories}
    by_zone: dict[str, list[list[Seat]]] = {z.id: [] for z in layout.zones}
    previous: tuple[str, str, str] | None = None
    for seat in layout.seats:
        key = (seat.zone, seat.block, seat.row)
        rows = by_zone.setdefault(seat.zone, [])
        if key == previous:
            rows[-1].append(seat)
        else:
            rows.append([seat])
            previous = key
    zone_names = {z.id: z.name for z in layout.zones}
    zones: list[dict[str, Any]] = []
    for zone_id, rows in by_zone.items():
        if not rows:
            continue
        zx = min(s.x for r in rows for s in r)
        zy = min(s.y for r in rows for s in r)
        zone_rows = []
        for row in rows:
            ry = row[0].y - zy
            zone_rows.append(
                {
                    "row_number": row[0].row,
                    "row_label": None,
                    "position": {"x": 0, "y": ry},
                    "seats": [
                        {
                            "seat_guid": s.id,
                            "seat_number": s.number,
                            "position": {"x": s.x - zx, "y": s.y - zy - ry},
                            "category": names.get(s.category or "", s.category or ""),
                        }
                        for s in row
                    ],
                }
            )
        zones.append(
            {
                "name": zone_names.get(zone_id, zone_id),
                "zone_id": zone_id,
                "position": {"x": zx, "y": zy},
                "rows": zone_rows,
                "areas": [],
            }
        )
    return {
        "name": layout.name,
        "size": {"width": layout.width, "height": layout.height},
        "categories": [{"name": c.name, "color": c.colour} for c in layout.categories],
        "zones": zones,
    }
