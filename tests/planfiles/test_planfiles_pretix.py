"""pretix seating plans: nested positions, mapping to the domain, bad files, round trips."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from helpers import problems_of

from domain.venue import Area, Category, Point, SeatFlag, Zone
from planfiles import layout_to_pretix, parse_plan, read_plan, write_plan

SAMPLE = Path(__file__).parent / "data" / "pretix_sample.json"


def sample() -> dict[str, Any]:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def layout():
    return read_plan(SAMPLE, layout_id="P1", hall_id="H1")


def test_seat_positions_are_zone_plus_row_plus_seat(layout) -> None:
    coordinates = {s.id: (s.x, s.y) for s in layout.seats}
    assert coordinates == {
        "p-1-1": (110.0, 205.0),  # zone (100, 200) + row (0, 0) + seat (10, 5)
        "p-1-2": (140.0, 205.0),
        "p-1-3": (170.0, 205.0),
        "p-2-1": (115.0, 235.0),  # zone (100, 200) + row (5, 30) + seat (10, 5)
        "p-2-2": (145.5, 235.0),
        "b-1-1": (50.5, 400.25),  # zone (50.5, 400.25), row without position
        "b-1-2": (80.5, 400.25),
    }


def test_rows_zones_and_categories_map_to_the_domain(layout) -> None:
    assert layout.name == "Petite salle" and (layout.width, layout.height) == (600.0, 600.0)
    assert [(s.zone, s.block, s.row, s.number) for s in layout.seats][2:5] == [
        ("parterre", "parterre", "1", "3"),  # row_label null: the row number
        ("parterre", "parterre", "B", "1"),  # row_label set: the label
        ("parterre", "parterre", "B", "2"),
    ]
    assert layout.seat("b-1-1").zone == "Balcon"  # no zone_id: the name
    assert layout.seat("b-1-2").number == "2"  # an integer seat number (older plans)
    assert layout.zones == (Zone("parterre", "Parterre"), Zone("Balcon", "Balcon"))
    assert layout.categories == (
        Category("Normal", "Normal", "#3498db"),
        Category("Premium", "Premium", "#f1c40f"),
    )
    categories = [s.category for s in layout.seats]
    assert categories == ["Normal", "Normal", "Premium", "Normal", "Normal", "Premium", "Premium"]
    assert all(s.flags == SeatFlag.NONE for s in layout.seats)


def test_areas_are_placed_absolutely(layout) -> None:
    assert layout.areas == (
        Area("rectangle", (Point(100, 100), Point(400, 150)), "", "#333333"),
        Area("text", (Point(150.5, 380.25),), "Balcon", "#000000"),
        Area("circle", (Point(40.5, 440.25), Point(60.5, 460.25)), "", "#cccccc"),
    )


def test_an_imported_plan_saves_in_our_format_exactly(layout) -> None:
    written = json.dumps(write_plan(layout))
    again = parse_plan(written, layout_id="P1", hall_id="H1")
    assert again == layout and again.seats == layout.seats and again.areas == layout.areas


def test_older_plans_without_size_or_zone_names() -> None:
    doc = sample()
    del doc["size"]
    del doc["zones"][0]["zone_id"]
    del doc["zones"][0]["name"]
    layout = parse_plan(json.dumps(doc), layout_id="P", hall_id="H")
    assert layout.seats[0].zone == "zone-1"
    assert (layout.width, layout.height) == (180.0, 410.25)  # extent of seats + radius 10


def test_repeated_zone_names_get_distinct_ids() -> None:
    doc = sample()
    doc["zones"][1]["name"] = "parterre"
    layout = parse_plan(json.dumps(doc), layout_id="P", hall_id="H")
    assert [z.id for z in layout.zones] == ["parterre", "parterre-2"]


def test_layout_to_pretix_reads_back_to_the_same_seats(layout) -> None:
    doc = layout_to_pretix(layout)
    assert doc["zones"][0]["position"] == {"x": 110.0, "y": 205.0}
    again = parse_plan(json.dumps(doc), layout_id="P1", hall_id="H1")
    assert [(s.id, s.zone, s.row, s.number, s.category) for s in again.seats] == [
        (s.id, s.zone, s.row, s.number, s.category) for s in layout.seats
    ]
    assert [c for s in again.seats for c in (s.x, s.y)] == pytest.approx(
        [c for s in layout.seats for c in (s.x, s.y)]
    )


def broken(change) -> dict[str, Any]:
    doc = copy.deepcopy(sample())
    change(doc)
    return doc


def test_duplicate_guids_name_both_places() -> None:
    def change(d: dict[str, Any]) -> None:
        d["zones"][1]["rows"][0]["seats"][1]["seat_guid"] = "p-1-2"

    assert problems_of(broken(change)) == [
        (
            "zones[1].rows[0].seats[1].seat_guid",
            "seat id 'p-1-2' is already used at zones[0].rows[0].seats[1].seat_guid",
        )
    ]


def test_unknown_category_names_and_missing_fields() -> None:
    def change(d: dict[str, Any]) -> None:
        d["zones"][0]["rows"][1]["seats"][0]["category"] = "VIP"
        del d["zones"][1]["rows"][0]["seats"][0]["seat_guid"]
        d["zones"][1]["rows"][0]["seats"][1]["position"]["y"] = float("nan")

    assert problems_of(broken(change)) == [
        ("zones[0].rows[1].seats[0].category", "unknown category 'VIP'"),
        ("zones[1].rows[0].seats[0].seat_guid", "required field is missing"),
        ("zones[1].rows[0].seats[1].position.y", "must be a finite number, got nan"),
    ]


def test_structure_errors_have_paths() -> None:
    def change(d: dict[str, Any]) -> None:
        del d["zones"][0]["position"]
        d["zones"][0]["rows"][1]["row_number"] = None
        d["zones"][0]["rows"][1]["seats"] = []
        d["categories"][1]["color"] = "gold"

    assert problems_of(broken(change)) == [
        ("zones[0].position", "required field is missing"),
        ("zones[0].rows[1].row_number", "expected a string or an integer, got null"),
    ]

    # once the structure is right, the semantic checks run
    def fix(d: dict[str, Any]) -> None:
        change(d)
        d["zones"][0]["position"] = {"x": 0, "y": 0}
        d["zones"][0]["rows"][1]["row_number"] = "2"

    assert problems_of(broken(fix)) == [
        ("categories[1].color", "not a colour #rrggbb: 'gold'"),
        ("zones[0].rows[1].seats", "row 'B' has no seats"),
    ]
