"""Values and files that once crashed or hung the readers: each gets a problem with its place."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from helpers import modified, problems_of, small_plan

import planfiles
from planfiles import PlanError, parse_plan, read_plan_bytes
from planfiles.errors import Problem

ROW_A = "zones[0].blocks[0].rows[0].seats"
ROW_B = "zones[0].blocks[0].rows[1].seats"


def rows(doc):
    return doc["zones"][0]["blocks"][0]["rows"]


def layout_of(doc):
    return parse_plan(json.dumps(doc), layout_id="L", hall_id="H")


# --- seat indices ----------------------------------------------------------------------


@pytest.mark.parametrize("row", [0, 1])
def test_a_seat_index_written_as_a_float_is_the_whole_number(row) -> None:
    # JSON Schema's "integer" is any number without a fraction: 1.0 is the seat at index 1.
    def change(doc):
        rows(doc)[row]["seats"]["aisle_after"] = [1.0]
        rows(doc)[row]["seats"]["flags"] = {"obstructed": [0.0]}

    layout = layout_of(modified(change))
    expected = layout_of(
        modified(
            lambda doc: rows(doc)[row]["seats"].update(aisle_after=[1], flags={"obstructed": [0]})
        )
    )
    assert layout.seats == expected.seats


def test_a_seat_index_written_as_a_string_after_the_first_is_reported() -> None:
    # The schema saw only the first index: the skeleton cut the list like a seat column.
    doc = modified(lambda d: rows(d)[0]["seats"].update(aisle_after=[0, "2"]))
    assert problems_of(doc) == [(f"{ROW_A}.aisle_after[1]", "expected an integer, got a string")]


def test_a_fractional_seat_index_is_reported() -> None:
    doc = modified(lambda d: rows(d)[1]["seats"].update(flags={"wheelchair": [0.5]}))
    assert problems_of(doc) == [
        (f"{ROW_B}.flags.wheelchair[0]", "expected an integer, got a number")
    ]


# --- numbers ---------------------------------------------------------------------------

TOO_BIG = "integer out of range: at most 9,007,199,254,740,992 (2^53) either way"


@pytest.mark.parametrize(
    ("change", "place"),
    [
        (lambda d: rows(d)[0]["seats"]["x"].__setitem__(0, 10**400), f"{ROW_A}.x[0]"),
        (lambda d: rows(d)[0]["seats"]["y"].__setitem__(2, -(10**400)), f"{ROW_A}.y[2]"),
        (lambda d: d["size"].update(width=10**400), "size.width"),
        (lambda d: d["ga_zones"][0].update(capacity=2**53 + 1), "ga_zones[0].capacity"),
        (lambda d: d["focal_point"].update(x=10**309), "focal_point.x"),
        (lambda d: d["areas"][0]["points"][0].__setitem__(1, 10**400), "areas[0].points[0][1]"),
    ],
)
def test_an_integer_beyond_float_range_is_reported(change, place) -> None:
    assert problems_of(modified(change)) == [(place, TOO_BIG)]


def test_an_integer_of_thousands_of_digits_is_placed_by_line_and_column() -> None:
    # Python refuses to read integers of more than 4,300 digits (a ValueError, not JSON's).
    text = json.dumps(small_plan(), indent=1).replace('"width": 500', '"width": ' + "9" * 5000)
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "9" * 5000 in t)
    assert problems_of(text) == [(f"line {line}, column 12", "a number has too many digits")]


def test_the_largest_exact_integer_is_fine() -> None:
    layout = layout_of(modified(lambda d: d["size"].update(width=2**53)))
    assert layout.width == 2.0**53


# --- texts -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "place"),
    [
        ('"Petite salle"', "name"),
        ('"PAR-A-1"', f"{ROW_A}.id[0]"),
        ('"Gauche"', "zones[0].blocks[0].name"),
        ('"Sc\\u00e8ne"', "areas[0].label"),
    ],
)
def test_a_lone_surrogate_is_reported_where_it_is(old, place) -> None:
    # Valid JSON, but not text: SQLite, the screen and the terminal all refuse it.
    text = json.dumps(small_plan()).replace(old, '"A\\ud800"')
    assert text != json.dumps(small_plan())
    message = "holds \\ud800, half of a surrogate pair, which is not a character"
    assert problems_of(text) == [(place, message)]


def test_a_lone_surrogate_in_a_field_name_is_reported_printably() -> None:
    text = json.dumps(small_plan()).replace('"focal_point"', '"\\udfff"', 1)
    [(place, message)] = problems_of(text)
    assert place == "\\udfff"
    assert message.startswith("the field name holds \\udfff")


def test_a_pair_of_surrogates_is_one_character_and_fine() -> None:
    text = json.dumps(small_plan()).replace('"Petite salle"', '"Salle \\ud83c\\udfad"')
    assert parse_plan(text, layout_id="L", hall_id="H").name == "Salle \U0001f3ad"


def test_a_lone_surrogate_in_a_pretix_plan_is_reported() -> None:
    path = Path(__file__).parent / "data" / "pretix_sample.json"
    text = path.read_text(encoding="utf-8").replace('"p-1-2"', '"\\udc00"')
    message = "holds \\udc00, half of a surrogate pair, which is not a character"
    assert problems_of(text) == [("zones[0].rows[0].seats[1].seat_guid", message)]


def test_a_name_of_200_characters_is_fine_201_is_not() -> None:
    assert layout_of(modified(lambda d: d.update(name="n" * 200))).name == "n" * 200
    doc = modified(lambda d: d.update(name="n" * 201))
    assert problems_of(doc) == [("name", "is 201 characters long, more than the 200 allowed")]


def test_a_huge_name_is_refused_and_not_quoted() -> None:
    doc = modified(lambda d: rows(d)[1]["seats"].update(number=["1", "2", "3" * 10**7]))
    [(place, message)] = problems_of(doc)
    assert place == f"{ROW_B}.number[2]"
    assert message == "is 10,000,000 characters long, more than the 200 allowed"


def test_a_problem_is_always_short_and_printable() -> None:
    problem = Problem("x" * 10**6, "bad \udc80 " + "y" * 10**6)
    assert len(problem.place) == len(problem.message) == 300
    assert problem.message.startswith("bad \\udc80 yyy")
    assert problem.message.endswith("...")
    str(problem).encode("utf-8")


# --- the file itself ------------------------------------------------------------------


def test_a_fifo_is_refused_at_once(tmp_path) -> None:
    fifo = tmp_path / "plan.json"
    os.mkfifo(fifo)  # nobody writes to it: reading it would wait for ever
    with pytest.raises(PlanError) as caught:
        read_plan_bytes(fifo)
    assert [str(p) for p in caught.value.problems] == [f"{fifo}: not a plan file but a pipe (FIFO)"]


def test_a_device_is_refused_unread() -> None:
    with pytest.raises(PlanError) as caught:
        read_plan_bytes("/dev/zero")  # endless: reading it would fill the memory
    assert str(caught.value) == "/dev/zero: not a plan file but a device"


def test_a_folder_is_refused(tmp_path) -> None:
    with pytest.raises(PlanError) as caught:
        read_plan_bytes(tmp_path)
    assert str(caught.value) == f"{tmp_path}: not a plan file but a folder"


def test_a_file_over_the_size_limit_is_refused(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(planfiles, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "plan.json"
    path.write_bytes(b" " * 1000)
    assert read_plan_bytes(path) == b" " * 1000
    path.write_bytes(b" " * 1001)
    with pytest.raises(PlanError) as caught:
        read_plan_bytes(path)
    assert str(caught.value) == f"{path}: the file is larger than 0 MiB, too large for a plan"
