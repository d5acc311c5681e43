"""Generates the demo venues' plan files (``guichet.seatplan``) in ``resources/demo``.

Run ``python -m resources.demo.make_venues`` after changing this script; the output is committed
and must come out byte-identical on every run (no randomness, no timestamps). Venues:

- ``le-theatre.seatplan.json``: "Le Théâtre", an Italian-style theatre (stalls with a centre
  aisle, boxes, two balconies; CAT1-3 and PMR wheelchair spaces with companion seats).
- ``salle-concert.seatplan.json``: "Salle de concert", an 800-place standing pit and a seated
  balcony of 300 seats.
- ``studio.seatplan.json``: "Studio", Le Théâtre's small room without a seat plan: unnumbered
  bench tiers and floor cushions, sold by quantity per category.

This script only writes these files; it must not touch the catalog or any database.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from planfiles.seatplan import read_seatplan

DEMO_DIR = Path(__file__).resolve().parent
FORMAT = "guichet.seatplan"
ROW_LABELS = "ABCDEFGHJKLMNOPQRSTUVWXYZ"  # no I, as French theatres print them


def _r(value: float) -> float:
    return round(value, 1)


def _arc_row(
    cx: float, cy: float, radius: float, offsets: list[float]
) -> tuple[list[float], list[float]]:
    """Seats on a circle around (cx, cy), downwards (y grows), at the given arc offsets."""
    xs, ys = [], []
    for s in offsets:
        theta = s / radius
        xs.append(_r(cx + radius * math.sin(theta)))
        ys.append(_r(cy + radius * math.cos(theta)))
    return xs, ys


def _sections(counts: list[int], pitch: float, aisle: float) -> tuple[list[float], list[int]]:
    """Arc offsets of seats in sections separated by aisles, centred on 0; and the index of
    the last seat before each aisle."""
    total = sum(counts) * pitch + (len(counts) - 1) * aisle
    offsets: list[float] = []
    aisle_after: list[int] = []
    s = -total / 2
    for k, count in enumerate(counts):
        for _ in range(count):
            offsets.append(s + pitch / 2)
            s += pitch
        if k < len(counts) - 1:
            aisle_after.append(len(offsets) - 1)
            s += aisle
    return offsets, aisle_after


def _row(
    prefix: str,
    label: str,
    xs: list[float],
    ys: list[float],
    category: str | list[str],
    **extra: Any,
) -> dict[str, Any]:
    n = len(xs)
    seats: dict[str, Any] = {
        "id": [f"{prefix}-{label}-{i + 1}" for i in range(n)],
        "number": [str(i + 1) for i in range(n)],
        "x": xs,
        "y": ys,
        "category": category,
    }
    seats.update({k: v for k, v in extra.items() if v})
    return {"label": label, "seats": seats}


def theatre() -> dict[str, Any]:
    cx, cy = 1000.0, 120.0  # the front of the stage, centre: the focal point
    pitch = 22.0

    stalls = []
    n_rows = 18
    for i in range(n_rows):
        label = ROW_LABELS[i]
        radius = 220.0 + 24.0 * i
        side = int((radius * 0.84 - 20.0) / pitch)
        offsets, aisles = _sections([side, side], pitch, 40.0)
        xs, ys = _arc_row(cx, cy, radius, offsets)
        n = len(xs)
        category: str | list[str] = "CAT1" if i < 8 else "CAT2" if i < 14 else "CAT3"
        flags: dict[str, list[int]] = {}
        if i == n_rows - 1:
            # wheelchair spaces at both row ends and both sides of the aisle, companions beside
            wheelchair = [0, side - 1, side, n - 1]
            companion = [1, side - 2, side + 1, n - 2]
            categories = ["CAT3"] * n
            for k in wheelchair + companion:
                categories[k] = "PMR"
            category = categories
            flags = {"wheelchair": wheelchair, "companion": sorted(companion)}
        stalls.append(_row("PAR", label, xs, ys, category, flags=flags, aisle_after=aisles))

    boxes = []
    for k in range(8):
        left = k < 4
        step = k % 4
        angle = math.radians(54.0 + 10.0 * step) * (-1 if left else 1)
        number = k + 1
        front, back = (3, 3) if step % 2 == 0 else (3, 2)
        rows = []
        for r, (label, count) in enumerate((("A", front), ("B", back))):
            radius = 690.0 + 22.0 * r
            centre = angle * radius
            offsets = [centre + (j - (count - 1) / 2) * pitch for j in range(count)]
            xs, ys = _arc_row(cx, cy, radius, offsets)
            rows.append(_row(f"LOG{number}", label, xs, ys, "CAT1" if r == 0 else "CAT2"))
        boxes.append({"id": f"LOG{number}", "name": f"Loge {number}", "rows": rows})

    def balcony(prefix: str, first_radius: float, cats: tuple[str, str]) -> list[dict[str, Any]]:
        rows = []
        for i in range(5):
            label = ROW_LABELS[i]
            radius = first_radius + 24.0 * i
            per_section = int(radius * 2 * 1.134 / 24.0 / 3)
            offsets, aisles = _sections([per_section] * 3, 24.0, 40.0)
            xs, ys = _arc_row(cx, cy, radius, offsets)
            category = cats[0] if i < 2 else cats[1]
            rows.append(_row(prefix, label, xs, ys, category, aisle_after=aisles))
        return rows

    return {
        "format": FORMAT,
        "version": 1,
        "name": "Le Théâtre",
        "size": {"width": 2000.0, "height": 1250.0},
        "focal_point": {"x": cx, "y": cy},
        "categories": [
            {"code": "CAT1", "name": "Cat 1", "colour": "#c0392b"},
            {"code": "CAT2", "name": "Cat 2", "colour": "#e67e22"},
            {"code": "CAT3", "name": "Cat 3", "colour": "#2980b9"},
            {"code": "PMR", "name": "PMR", "colour": "#27ae60"},
        ],
        "entrances": [
            {"id": "PORTE-PAR", "name": "Entrée Parterre"},
            {"id": "ESC-A", "name": "Escalier A (balcons)"},
            {"id": "ESC-B", "name": "Escalier B (loges)"},
        ],
        "zones": [
            {
                "id": "PAR",
                "name": "Parterre",
                "entrance": "PORTE-PAR",
                "blocks": [{"id": "PAR", "rows": stalls}],
            },
            {"id": "LOG", "name": "Loges", "entrance": "ESC-B", "blocks": boxes},
            {
                "id": "B1",
                "name": "1er balcon",
                "entrance": "ESC-A",
                "blocks": [{"id": "B1", "rows": balcony("B1", 760.0, ("CAT1", "CAT2"))}],
            },
            {
                "id": "B2",
                "name": "2e balcon",
                "entrance": "ESC-A",
                "blocks": [{"id": "B2", "rows": balcony("B2", 920.0, ("CAT2", "CAT3"))}],
            },
        ],
        "ga_zones": [],
        "areas": [
            {
                "shape": "rectangle",
                "points": [[600.0, 10.0], [1400.0, 110.0]],
                "label": "Scène",
                "colour": "#5d4037",
            },
            {
                "shape": "ellipse",
                "points": [[780.0, 125.0], [1220.0, 185.0]],
                "label": "Fosse d'orchestre",
                "colour": "#9e9e9e",
            },
            {"shape": "text", "points": [[cx, 60.0]], "label": "SCÈNE", "colour": "#ffffff"},
        ],
    }


def concert_hall() -> dict[str, Any]:
    cx, cy = 800.0, 100.0
    rows = []
    for i in range(8):
        label = ROW_LABELS[i]
        count = 34 + i
        radius = 720.0 + 24.0 * i
        offsets, aisles = _sections([count // 3, count - 2 * (count // 3), count // 3], 24.0, 40.0)
        xs, ys = _arc_row(cx, cy, radius, offsets)
        category: str | list[str] = "BAL1" if i < 3 else "BAL2"
        flags: dict[str, list[int]] = {}
        if i == 7:
            categories = ["BAL2"] * count
            for k in (0, 1, count - 2, count - 1):
                categories[k] = "PMR"
            category = categories
            flags = {"wheelchair": [0, count - 1], "companion": [1, count - 2]}
        rows.append(_row("BAL", label, xs, ys, category, flags=flags, aisle_after=aisles))
    return {
        "format": FORMAT,
        "version": 1,
        "name": "Salle de concert",
        "size": {"width": 1600.0, "height": 1100.0},
        "focal_point": {"x": cx, "y": 180.0},
        "categories": [
            {"code": "FOSSE", "name": "Fosse", "colour": "#8e44ad"},
            {"code": "BAL1", "name": "Balcon 1", "colour": "#c0392b"},
            {"code": "BAL2", "name": "Balcon 2", "colour": "#2980b9"},
            {"code": "PMR", "name": "PMR", "colour": "#27ae60"},
        ],
        "entrances": [
            {"id": "PORTE-FOSSE", "name": "Entrée Fosse"},
            {"id": "ESC-BAL", "name": "Escalier Balcon"},
        ],
        "zones": [
            {
                "id": "BAL",
                "name": "Balcon",
                "entrance": "ESC-BAL",
                "blocks": [{"id": "BAL", "rows": rows}],
            }
        ],
        "ga_zones": [
            {
                "id": "FOSSE",
                "name": "Fosse",
                "capacity": 800,
                "category": "FOSSE",
                "entrance": "PORTE-FOSSE",
                "outline": [[350.0, 220.0], [1250.0, 220.0], [1300.0, 620.0], [300.0, 620.0]],
            }
        ],
        "areas": [
            {
                "shape": "rectangle",
                "points": [[500.0, 40.0], [1100.0, 180.0]],
                "label": "Scène",
                "colour": "#5d4037",
            },
            {"shape": "text", "points": [[800.0, 420.0]], "label": "FOSSE", "colour": "#ffffff"},
        ],
    }


def studio() -> dict[str, Any]:
    """No numbered seat at all: two unnumbered zones, one per category."""
    return {
        "format": FORMAT,
        "version": 1,
        "name": "Studio",
        "size": {"width": 800.0, "height": 600.0},
        "focal_point": {"x": 400.0, "y": 80.0},
        "categories": [
            {"code": "GRADIN", "name": "Gradins", "colour": "#c0392b"},
            {"code": "COUSSIN", "name": "Coussins", "colour": "#16a085"},
        ],
        "entrances": [{"id": "PORTE-STUDIO", "name": "Entrée Studio"}],
        "zones": [],
        "ga_zones": [
            {
                "id": "GRADINS",
                "name": "Gradins",
                "capacity": 90,
                "category": "GRADIN",
                "entrance": "PORTE-STUDIO",
                "outline": [[100.0, 320.0], [700.0, 320.0], [700.0, 560.0], [100.0, 560.0]],
            },
            {
                "id": "COUSSINS",
                "name": "Coussins",
                "capacity": 30,
                "category": "COUSSIN",
                "entrance": "PORTE-STUDIO",
                "outline": [[150.0, 180.0], [650.0, 180.0], [650.0, 300.0], [150.0, 300.0]],
            },
        ],
        "areas": [
            {
                "shape": "rectangle",
                "points": [[200.0, 30.0], [600.0, 150.0]],
                "label": "Scène",
                "colour": "#5d4037",
            }
        ],
    }


def _plain_list(value: Any) -> bool:
    return isinstance(value, list) and not any(isinstance(w, dict | list) for w in value)


def dumps(value: Any, indent: int = 0) -> str:
    """JSON with one item per line, except arrays of plain values, kept on one line."""
    pad, inner = "  " * indent, "  " * (indent + 1)
    if isinstance(value, dict) and value:
        items = [f"{inner}{json.dumps(k)}: {dumps(v, indent + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list) and any(isinstance(v, dict | list) for v in value):
        if all(_plain_list(v) for v in value):
            return "[" + ", ".join(dumps(v) for v in value) + "]"
        return "[\n" + ",\n".join(inner + dumps(v, indent + 1) for v in value) + "\n" + pad + "]"
    return json.dumps(value, ensure_ascii=False)


VENUES = {
    "le-theatre.seatplan.json": theatre,
    "salle-concert.seatplan.json": concert_hall,
    "studio.seatplan.json": studio,
}


def main() -> None:
    for filename, make in VENUES.items():
        doc = make()
        layout = read_seatplan(doc, layout_id=filename, hall_id="demo", source=filename)
        (DEMO_DIR / filename).write_text(dumps(doc) + "\n", encoding="utf-8")
        print(f"{filename}: {layout.seated_capacity} seats, {layout.standing_capacity} standing")


if __name__ == "__main__":
    main()
