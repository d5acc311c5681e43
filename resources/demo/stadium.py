"""A synthetic 100,000-seat stadium in ``guichet.seatplan`` form, for benchmarks and tests.

40 blocks (four stands of ten) on an elliptical ring around a pitch, 50 rows of 50 seats each
for the default 100,000 seats, aisles between blocks, six categories (CAT1..CAT5 by stand side
and tier, PMR for the wheelchair spaces at the back of each block). Units are decimetres.
Deterministic: the same arguments give the same plan; `seed` only decides which seats have a
restricted view. Generated on the fly, never shipped as a file; must not do any I/O.
"""

from __future__ import annotations

import math
import random
from typing import Any

from domain.venue import PhysicalLayout

BLOCKS = 40
SEATS_PER_ROW = 50
ROW_DEPTH = 8.0
INNER_A, INNER_B = 1700.0, 1300.0  # inner semi-axes of the seating ring
AISLE = 0.012  # angular width of the aisle between two blocks (radians)
STANDS = (("N", "Tribune Nord"), ("E", "Tribune Est"), ("S", "Tribune Sud"), ("O", "Tribune Ouest"))
CATEGORIES = (
    ("CAT1", "Catégorie 1", "#c0392b"),
    ("CAT2", "Catégorie 2", "#e67e22"),
    ("CAT3", "Catégorie 3", "#f1c40f"),
    ("CAT4", "Catégorie 4", "#27ae60"),
    ("CAT5", "Catégorie 5", "#2980b9"),
    ("PMR", "PMR", "#8e44ad"),
)


def _category(side: float, row: int) -> str:
    s = 0 if side > 0.7 else 1 if side > 0.3 else 2
    t = 0 if 11 <= row <= 30 else 1 if row <= 10 else 2
    return f"CAT{min(5, s + t + 1)}"


def generate_stadium(seats: int = 100_000, seed: int = 0) -> dict[str, Any]:
    """A stadium plan document with exactly `seats` seats (at least one per block)."""
    if seats < BLOCKS:
        raise ValueError(f"a stadium needs at least {BLOCKS} seats")
    rng = random.Random(seed)
    per_block = [seats // BLOCKS + (1 if k < seats % BLOCKS else 0) for k in range(BLOCKS)]
    max_rows = math.ceil(max(per_block) / SEATS_PER_ROW)
    outer_a = INNER_A + max_rows * ROW_DEPTH
    outer_b = INNER_B + max_rows * ROW_DEPTH
    margin = 100.0
    cx, cy = outer_a + margin, outer_b + margin
    step = 2 * math.pi / BLOCKS
    zones: list[dict[str, Any]] = [
        {"id": code, "name": name, "entrance": f"PORTE-{code}", "blocks": []}
        for code, name in STANDS
    ]
    for k in range(BLOCKS):
        # block 0 starts at the north-west; blocks go clockwise (y grows downwards)
        start = -math.pi * 3 / 4 + k * step + AISLE / 2
        span = step - AISLE
        side = abs(math.sin(start + span / 2))
        block_id = f"B{k + 1:02d}"
        rows = []
        remaining = per_block[k]
        row = 0
        while remaining > 0:
            row += 1
            count = min(SEATS_PER_ROW, remaining)
            remaining -= count
            a = INNER_A + (row - 1) * ROW_DEPTH
            b = INNER_B + (row - 1) * ROW_DEPTH
            xs, ys = [], []
            for i in range(count):
                theta = start + span * (i + 0.5) / SEATS_PER_ROW
                xs.append(round(cx + a * math.cos(theta), 1))
                ys.append(round(cy + b * math.sin(theta), 1))
            columns: dict[str, Any] = {
                "id": [f"{block_id}-{row}-{i + 1}" for i in range(count)],
                "number": [str(i + 1) for i in range(count)],
                "x": xs,
                "y": ys,
                "category": _category(side, row),
            }
            flags: dict[str, list[int]] = {}
            if row == max_rows and count >= 4:
                categories = [columns["category"]] * count
                for i in (0, 1, count - 2, count - 1):
                    categories[i] = "PMR"
                columns["category"] = categories
                flags["wheelchair"] = [0, count - 1]
                flags["companion"] = [1, count - 2]
            obstructed = [i for i in range(count) if rng.random() < 0.003]
            if obstructed:
                flags["obstructed"] = obstructed
            if flags:
                columns["flags"] = flags
            rows.append({"label": str(row), "seats": columns})
        zones[(k * len(STANDS)) // BLOCKS]["blocks"].append({"id": block_id, "rows": rows})
    pitch_w, pitch_h = 1050.0, 680.0
    return {
        "format": "guichet.seatplan",
        "version": 1,
        "name": f"Stade ({seats:,} places)".replace(",", " "),
        "size": {"width": 2 * cx, "height": 2 * cy},
        "focal_point": {"x": cx, "y": cy},
        "categories": [{"code": c, "name": n, "colour": col} for c, n, col in CATEGORIES],
        "entrances": [{"id": f"PORTE-{code}", "name": f"Porte {code}"} for code, _ in STANDS],
        "zones": zones,
        "ga_zones": [],
        "areas": [
            {
                "shape": "rectangle",
                "points": [
                    [cx - pitch_w / 2, cy - pitch_h / 2],
                    [cx + pitch_w / 2, cy + pitch_h / 2],
                ],
                "label": "Terrain",
                "colour": "#3c8d40",
            },
            {"shape": "text", "points": [[cx, cy]], "label": "Terrain", "colour": "#ffffff"},
        ],
    }


def stadium_layout(
    seats: int = 100_000,
    seed: int = 0,
    *,
    layout_id: str = "stadium",
    hall_id: str = "stadium",
) -> PhysicalLayout:
    """The generated stadium read into a layout (through the normal, checking reader)."""
    from planfiles.seatplan import read_seatplan

    return read_seatplan(
        generate_stadium(seats, seed), layout_id=layout_id, hall_id=hall_id, source="<stadium>"
    )
