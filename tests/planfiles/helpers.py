"""Builders of small plan documents for the planfiles tests."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from planfiles import PlanError, parse_plan


def row(label: str, prefix: str, n: int, y: float = 10.0, **extra: Any) -> dict[str, Any]:
    seats: dict[str, Any] = {
        "id": [f"{prefix}-{label}-{i + 1}" for i in range(n)],
        "number": [str(i + 1) for i in range(n)],
        "x": [10.0 * (i + 1) for i in range(n)],
        "y": [y] * n,
    }
    seats.update(extra)
    return {"label": label, "seats": seats}


def small_plan() -> dict[str, Any]:
    """A valid plan: two zones, flags, aisles, per-seat categories, a GA zone, areas."""
    return {
        "format": "guichet.seatplan",
        "version": 1,
        "name": "Petite salle",
        "size": {"width": 500, "height": 400},
        "focal_point": {"x": 250, "y": 0},
        "categories": [
            {"code": "CAT1", "name": "Cat 1", "colour": "#ff0000"},
            {"code": "PMR", "name": "PMR", "colour": "#00ff00"},
        ],
        "entrances": [{"id": "E1", "name": "Entrée 1"}],
        "zones": [
            {
                "id": "PAR",
                "name": "Parterre",
                "entrance": "E1",
                "blocks": [
                    {
                        "id": "G",
                        "name": "Gauche",
                        "rows": [
                            row("A", "PAR", 4, 10.0, category="CAT1", aisle_after=[1]),
                            row(
                                "B",
                                "PAR",
                                3,
                                20.0,
                                category=["PMR", "PMR", None],
                                flags={"wheelchair": [0], "companion": [1]},
                            ),
                        ],
                    }
                ],
            },
            {
                "id": "BAL",
                "name": "Balcon",
                "blocks": [{"id": "BAL", "rows": [row("A", "BAL", 2, 50.0, category="CAT1")]}],
            },
        ],
        "ga_zones": [
            {
                "id": "FOSSE",
                "name": "Fosse",
                "capacity": 120,
                "category": "CAT1",
                "entrance": "E1",
                "outline": [[0, 100], [100, 100], [100, 200]],
            }
        ],
        "areas": [
            {
                "shape": "rectangle",
                "points": [[0, 0], [500, 5]],
                "label": "Scène",
                "colour": "#333",
            },
            {"shape": "text", "points": [[250, 2]], "label": "SCÈNE"},
        ],
    }


def modified(change: Any) -> dict[str, Any]:
    doc = copy.deepcopy(small_plan())
    change(doc)
    return doc


def problems_of(doc: Any) -> list[tuple[str, str]]:
    text = doc if isinstance(doc, str) else json.dumps(doc)
    with pytest.raises(PlanError) as caught:
        parse_plan(text, layout_id="L", hall_id="H")
    return [(p.place, p.message) for p in caught.value.problems]
