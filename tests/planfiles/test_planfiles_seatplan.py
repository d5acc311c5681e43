"""Our format: reading, writing, round trips and each class of bad file."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from helpers import modified, problems_of, row, small_plan

from domain.venue import Area, GeneralAdmissionZone, Point, SeatFlag, Zone
from planfiles import PlanError, Problem, parse_plan, read_plan, write_plan
from planfiles.errors import MAX_PROBLEMS


def parse(doc: dict[str, Any], **kwargs: Any):
    return parse_plan(json.dumps(doc), layout_id="L1", hall_id="H1", **kwargs)


def test_a_small_plan_maps_to_the_domain() -> None:
    layout = parse(small_plan())
    assert layout.id == "L1" and layout.hall_id == "H1" and layout.name == "Petite salle"
    assert (layout.width, layout.height, layout.focal_point) == (500.0, 400.0, Point(250.0, 0.0))
    assert [s.id for s in layout.seats] == [
        "PAR-A-1", "PAR-A-2", "PAR-A-3", "PAR-A-4", "PAR-B-1", "PAR-B-2", "PAR-B-3",
        "BAL-A-1", "BAL-A-2",
    ]  # fmt: skip
    seat = layout.seat("PAR-A-2")
    assert (seat.zone, seat.block, seat.row, seat.number) == ("PAR", "G", "A", "2")
    assert (seat.x, seat.y, seat.category) == (20.0, 10.0, "CAT1")
    assert seat.flags == SeatFlag.AISLE_AFTER
    assert layout.seat("PAR-A-1").flags == SeatFlag.NONE
    assert layout.seat("PAR-B-1").flags == SeatFlag.WHEELCHAIR
    assert layout.seat("PAR-B-2").flags == SeatFlag.COMPANION
    assert [layout.seat(f"PAR-B-{i}").category for i in (1, 2, 3)] == ["PMR", "PMR", None]
    assert layout.zones == (Zone("PAR", "Parterre", "E1"), Zone("BAL", "Balcon", None))
    assert layout.ga_zones == (
        GeneralAdmissionZone(
            "FOSSE",
            "Fosse",
            120,
            "CAT1",
            "E1",
            (Point(0, 100), Point(100, 100), Point(100, 200)),
        ),
    )
    assert layout.areas[0] == Area("rectangle", (Point(0, 0), Point(500, 5)), "Scène", "#333")
    assert layout.areas[1] == Area("text", (Point(250, 2),), "SCÈNE", "")
    assert layout.capacity == 9 + 120


def test_coordinates_are_floats_and_the_name_can_be_overridden() -> None:
    layout = parse(small_plan(), name="Autre nom")
    assert layout.name == "Autre nom"
    assert all(type(s.x) is float and type(s.y) is float for s in layout.seats)


def test_write_then_parse_gives_the_same_layout_and_document() -> None:
    layout = parse(small_plan())
    written = write_plan(layout)
    again = parse_plan(json.dumps(written), layout_id="L1", hall_id="H1")
    assert again == layout
    assert again.seats == layout.seats  # seats are compared field by field
    assert write_plan(again) == written


def test_read_plan_reads_a_file(tmp_path) -> None:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(small_plan()), encoding="utf-8")
    assert len(read_plan(path, layout_id="L", hall_id="H").seats) == 9
    assert len(read_plan(str(path), layout_id="L", hall_id="H").seats) == 9


def test_an_unreadable_file_is_a_plan_error(tmp_path) -> None:
    with pytest.raises(PlanError) as caught:
        read_plan(tmp_path / "missing.json", layout_id="L", hall_id="H")
    assert "cannot read the file" in caught.value.problems[0].message


def test_invalid_json_is_placed_by_line_and_column() -> None:
    text = '{\n  "format": "guichet.seatplan",\n  "version": 1,,\n}'
    assert problems_of(text) == [
        ("line 3, column 16", "Expecting property name enclosed in double quotes")
    ]


def test_plan_error_text_lists_one_problem_per_line() -> None:
    error = PlanError([Problem("a.b", "first"), Problem("c[0]", "second")])
    assert str(error) == "a.b: first\nc[0]: second"


def test_a_missing_field_is_named_by_its_path() -> None:
    doc = modified(lambda d: d["zones"][0]["blocks"][0]["rows"][0].pop("label"))
    assert problems_of(doc) == [("zones[0].blocks[0].rows[0].label", "required field is missing")]


def test_a_missing_field_in_a_later_row_is_named_by_its_path() -> None:
    # rows after the first are checked apart from the skeleton: the path must still be right
    doc = modified(lambda d: d["zones"][0]["blocks"][0]["rows"][1]["seats"].pop("x"))
    assert problems_of(doc) == [("zones[0].blocks[0].rows[1].seats.x", "required field is missing")]


def test_a_wrong_type_and_an_unknown_field_are_reported() -> None:
    def change(d: dict[str, Any]) -> None:
        d["zones"][1]["name"] = 7
        d["zones"][0]["blocks"][0]["rows"][1]["seats"]["colour"] = "red"
        d["size"].pop("height")

    assert sorted(problems_of(modified(change))) == [
        ("size.height", "required field is missing"),
        ("zones[0].blocks[0].rows[1].seats.colour", "unknown field"),
        ("zones[1].name", "expected a string, got a number"),
    ]


def test_duplicate_seat_ids_name_both_places() -> None:
    doc = modified(
        lambda d: d["zones"][1]["blocks"][0]["rows"][0]["seats"]["id"].__setitem__(1, "PAR-A-3")
    )
    assert problems_of(doc) == [
        (
            "zones[1].blocks[0].rows[0].seats.id[1]",
            "seat id 'PAR-A-3' is already used at zones[0].blocks[0].rows[0].seats.id[2]",
        )
    ]


def test_an_unknown_category_is_reported_where_it_is_used() -> None:
    def change(d: dict[str, Any]) -> None:
        d["zones"][0]["blocks"][0]["rows"][0]["seats"]["category"] = "VIP"
        d["zones"][0]["blocks"][0]["rows"][1]["seats"]["category"] = ["PMR", "GOLD", None]
        d["ga_zones"][0]["category"] = "STANDING"

    assert problems_of(modified(change)) == [
        ("zones[0].blocks[0].rows[0].seats.category", "unknown category 'VIP'"),
        ("zones[0].blocks[0].rows[1].seats.category[1]", "unknown category 'GOLD'"),
        ("ga_zones[0].category", "unknown category 'STANDING'"),
    ]


def test_an_empty_row_is_refused() -> None:
    doc = modified(lambda d: d["zones"][1]["blocks"][0]["rows"].append(row("B", "BAL", 0)))
    assert problems_of(doc) == [("zones[1].blocks[0].rows[1].seats", "row 'B' has no seats")]


def test_a_block_without_rows_is_refused() -> None:
    doc = modified(lambda d: d["zones"][1]["blocks"][0].__setitem__("rows", []))
    assert problems_of(doc) == [("zones[1].blocks[0].rows", "must not be empty")]


def test_columns_of_unequal_length_name_the_row() -> None:
    doc = modified(lambda d: d["zones"][0]["blocks"][0]["rows"][1]["seats"]["x"].pop())
    assert problems_of(doc) == [
        (
            "zones[0].blocks[0].rows[1].seats",
            "columns have different lengths: id 3, number 3, x 2, y 3, category 3",
        )
    ]


def test_flag_and_aisle_indices_must_be_in_the_row() -> None:
    def change(d: dict[str, Any]) -> None:
        d["zones"][0]["blocks"][0]["rows"][0]["seats"]["aisle_after"] = [1, 4]
        d["zones"][0]["blocks"][0]["rows"][1]["seats"]["flags"]["companion"] = [3]

    assert problems_of(modified(change)) == [
        (
            "zones[0].blocks[0].rows[0].seats.aisle_after[1]",
            "seat index 4 is out of range (the row has 4 seats)",
        ),
        (
            "zones[0].blocks[0].rows[1].seats.flags.companion[0]",
            "seat index 3 is out of range (the row has 3 seats)",
        ),
    ]


def test_non_finite_coordinates_are_refused() -> None:
    doc = small_plan()
    doc["zones"][0]["blocks"][0]["rows"][1]["seats"]["y"][2] = math.nan
    doc["focal_point"]["x"] = math.inf
    text = json.dumps(doc)  # writes NaN and Infinity, which Python's json reads back
    assert problems_of(text) == [
        ("zones[0].blocks[0].rows[1].seats.y[2]", "must be a finite number, got nan"),
        ("focal_point.x", "must be a finite number, got inf"),
    ]


def test_wrong_seat_values_are_found_beyond_the_first_seat() -> None:
    def change(d: dict[str, Any]) -> None:
        seats = d["zones"][0]["blocks"][0]["rows"][0]["seats"]
        seats["id"][3] = ""
        seats["number"][2] = 3
        seats["x"][1] = "10"

    assert problems_of(modified(change)) == [
        ("zones[0].blocks[0].rows[0].seats.id[3]", "a seat id must be a non-empty string"),
        ("zones[0].blocks[0].rows[0].seats.number[2]", "a seat number must be a string"),
        ("zones[0].blocks[0].rows[0].seats.x[1]", "must be a finite number, got '10'"),
    ]


def test_references_and_capacities_are_checked() -> None:
    def change(d: dict[str, Any]) -> None:
        d["zones"][1]["entrance"] = "E9"
        d["ga_zones"][0]["capacity"] = 0
        d["ga_zones"].append({"id": "PAR", "name": "Debout", "capacity": 10})
        d["categories"].append({"code": "PMR", "name": "Again", "colour": "#000000"})

    assert problems_of(modified(change)) == [
        ("categories[2].code", "category code 'PMR' is already used at categories[1].code"),
        ("zones[1].entrance", "unknown entrance 'E9'"),
        ("ga_zones[0].capacity", "capacity must be positive, got 0"),
        ("ga_zones[1].id", "zone id 'PAR' is already used at zones[0].id"),
    ]


def test_area_point_counts_follow_the_shape() -> None:
    doc = modified(lambda d: d["areas"].append({"shape": "polygon", "points": [[0, 0], [1, 1]]}))
    assert problems_of(doc) == [("areas[2].points", "a polygon needs 3 points, got 2")]


def test_format_and_version_are_checked() -> None:
    assert problems_of(modified(lambda d: d.__setitem__("version", 2))) == [
        ("version", "must be 1, got 2")
    ]
    assert problems_of(modified(lambda d: d.__setitem__("format", "other"))) == [
        ("format", "unknown plan format 'other', expected 'guichet.seatplan'")
    ]
    assert problems_of("[1, 2]") == [("(plan)", "expected a JSON object at the top level")]
    assert problems_of({"name": "x"})[0][1].startswith("not a plan")


def test_problems_are_capped() -> None:
    def change(d: dict[str, Any]) -> None:
        d["zones"][0]["blocks"][0]["rows"] = [
            row("A", "PAR", 2, category="CAT1") for _ in range(200)
        ]

    problems = problems_of(modified(change))
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[-1] == ("(plan)", f"more problems not listed (stopped after {MAX_PROBLEMS})")


def test_bad_utf8_is_reported() -> None:
    with pytest.raises(PlanError) as caught:
        parse_plan(b'{"name": "\xff"}', layout_id="L", hall_id="H")
    assert caught.value.problems == [Problem("byte 10", "the file is not UTF-8 text")]
