"""The demo venues and the stadium generator have the properties the demos rely on."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from domain.venue import SeatFlag
from planfiles import parse_plan, read_plan, summarize, write_plan
from resources import resource_path
from resources.demo import make_venues
from resources.demo.stadium import generate_stadium, stadium_layout


@pytest.fixture(scope="module")
def theatre():
    return read_plan(resource_path("demo", "le-theatre.seatplan.json"), layout_id="T", hall_id="H")


@pytest.fixture(scope="module")
def concert():
    path = resource_path("demo", "salle-concert.seatplan.json")
    return read_plan(path, layout_id="C", hall_id="H")


@pytest.mark.parametrize("filename", sorted(make_venues.VENUES))
def test_committed_files_are_what_the_script_generates(filename) -> None:
    committed = resource_path("demo", filename).read_text(encoding="utf-8")
    assert committed == make_venues.dumps(make_venues.VENUES[filename]()) + "\n"


def test_theatre_has_its_halls_parts(theatre) -> None:
    assert theatre.name == "Le Théâtre"
    assert 1200 <= len(theatre.seats) <= 1600
    assert [z.name for z in theatre.zones] == ["Parterre", "Loges", "1er balcon", "2e balcon"]
    assert {c.code: c.name for c in theatre.categories} == {
        "CAT1": "Cat 1",
        "CAT2": "Cat 2",
        "CAT3": "Cat 3",
        "PMR": "PMR",
    }
    boxes = Counter(s.block for s in theatre.seats if s.zone == "LOG")
    assert len(boxes) >= 4 and all(4 <= n <= 6 for n in boxes.values())
    assert theatre.seat("PAR-A-12").zone == "PAR"
    assert theatre.focal_point is not None
    stage = theatre.areas[0]
    assert (stage.shape, stage.label) == ("rectangle", "Scène")
    assert stage.points[0].x <= theatre.focal_point.x <= stage.points[1].x
    assert len(theatre.entrances) >= 2 and all(z.entrance for z in theatre.zones)
    assert all(0 <= s.x <= theatre.width and 0 <= s.y <= theatre.height for s in theatre.seats)


def test_theatre_stalls_have_a_centre_aisle(theatre) -> None:
    rows: dict[str, list] = {}
    for seat in theatre.seats:
        if seat.zone == "PAR":
            rows.setdefault(seat.row, []).append(seat)
    for seats in rows.values():
        aisles = [i for i, s in enumerate(seats) if s.flags & SeatFlag.AISLE_AFTER]
        assert aisles == [len(seats) // 2 - 1]


def test_theatre_wheelchair_spaces_have_a_companion_beside_them(theatre) -> None:
    seats = theatre.seats
    wheelchair = [i for i, s in enumerate(seats) if s.flags & SeatFlag.WHEELCHAIR]
    assert len(wheelchair) >= 2
    for i in wheelchair:
        seat = seats[i]
        assert seat.zone == "PAR" and seat.category == "PMR"
        neighbours = [seats[j] for j in (i - 1, i + 1) if 0 <= j < len(seats)]
        companions = [n for n in neighbours if n.row == seat.row and n.flags & SeatFlag.COMPANION]
        assert companions and all(c.category == "PMR" for c in companions)


def test_concert_hall_has_a_pit_and_a_seated_balcony(concert) -> None:
    assert concert.standing_capacity == 800
    (pit,) = concert.ga_zones
    assert (pit.name, pit.category) == ("Fosse", "FOSSE") and len(pit.outline) >= 3
    assert 280 <= len(concert.seats) <= 320
    assert any(a.shape == "rectangle" and a.label == "Scène" for a in concert.areas)


def test_demo_files_round_trip(theatre, concert) -> None:
    for layout in (theatre, concert):
        again = parse_plan(json.dumps(write_plan(layout)), layout_id=layout.id, hall_id="H")
        assert again == layout


def test_stadium_is_deterministic_with_100k_seats() -> None:
    first = generate_stadium()
    assert generate_stadium() == first
    assert generate_stadium(seed=1) != first
    layout = parse_plan(json.dumps(first), layout_id="S", hall_id="H")
    summary = summarize(layout)
    assert summary.seats == 100_000 == len(layout.seat_ids())
    assert len({s.block for s in layout.seats}) == 40
    assert summary.rows == 2000
    assert summary.categories == 6
    assert all(count > 0 for _, count in summary.seats_per_category)
    assert summary.wheelchair_spaces == summary.companion_seats == 80


def test_stadium_size_can_be_chosen() -> None:
    layout = stadium_layout(1_234, seed=3)
    assert len(layout.seats) == 1_234
    assert len({s.block for s in layout.seats}) == 40
