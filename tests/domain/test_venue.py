"""Physical layouts: seat ids, categories, validation, capacity, lookups, bounding box."""

from __future__ import annotations

import pytest
from builders import CAT1, ga_zone, physical, seat, seats
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import (
    DomainError,
    DuplicateSeatId,
    EmptyLayout,
    UnknownCategory,
    UnknownSeat,
    VenueError,
)
from domain.venue import LayoutState, PhysicalLayout, Seat


def test_duplicate_seat_ids_are_refused() -> None:
    with pytest.raises(DuplicateSeatId) as caught:
        physical([seat("A1"), seat("A2"), seat("A1", x=5.0)], validated=False)
    assert caught.value.seat_id == "A1"


def test_same_row_and_number_with_different_ids_is_accepted() -> None:
    layout = physical([seat("A1", number="4"), seat("A2", number="4")], validated=False)
    assert layout.seat_ids() == {"A1", "A2"}


def test_a_seat_with_an_unknown_category_is_refused() -> None:
    with pytest.raises(UnknownCategory) as caught:
        physical([seat("A1", category="CAT9")], validated=False)
    assert caught.value.code == "CAT9"


def test_a_ga_zone_with_an_unknown_category_is_refused() -> None:
    with pytest.raises(UnknownCategory):
        physical([], ga_zones=[ga_zone(category="NOPE")], validated=False)


def test_categories_are_optional_on_seats_and_ga_zones() -> None:
    layout = physical([seat("A1", category=None)], ga_zones=[ga_zone(category=None)], categories=())
    assert layout.seat("A1").category is None


def test_a_new_layout_is_a_draft_and_validated_returns_a_validated_copy() -> None:
    draft = physical(validated=False)
    assert draft.state is LayoutState.DRAFT
    valid = draft.validated()
    assert valid.state is LayoutState.VALIDATED
    assert draft.state is LayoutState.DRAFT  # unchanged
    assert valid.seats == draft.seats
    assert valid.seat("S3") == draft.seat("S3")  # the index survives the copy


def test_an_empty_layout_cannot_be_validated() -> None:
    with pytest.raises(EmptyLayout):
        physical([], validated=False).validated()


@pytest.mark.parametrize("capacity", [0, -5])
def test_a_ga_zone_needs_a_positive_capacity_to_validate(capacity: int) -> None:
    with pytest.raises(EmptyLayout):
        physical([], ga_zones=[ga_zone(capacity=capacity)], validated=False).validated()
    # even beside seats
    with pytest.raises(EmptyLayout):
        physical(seats(2), ga_zones=[ga_zone(capacity=capacity)], validated=False).validated()


def test_a_layout_without_plan_validates_with_a_ga_zone() -> None:
    layout = physical([], ga_zones=[ga_zone(capacity=500)])
    assert layout.state is LayoutState.VALIDATED
    assert not layout.with_plan
    assert layout.capacity == 500


def test_capacity_is_seats_plus_standing_places() -> None:
    layout = physical(seats(10), ga_zones=[ga_zone("P1", 100), ga_zone("P2", 250)])
    assert layout.with_plan
    assert layout.seated_capacity == 10
    assert layout.standing_capacity == 350
    assert layout.capacity == 360


def test_seat_lookup() -> None:
    layout = physical([seat("A1", x=1.0), seat("A2", x=2.0)])
    assert layout.has_seat("A1")
    assert not layout.has_seat("Z9")
    assert layout.seat("A2").x == 2.0
    with pytest.raises(UnknownSeat) as caught:
        layout.seat("Z9")
    assert caught.value.seat_ids == ("Z9",)


def test_require_seats_returns_the_set_or_names_every_unknown_seat() -> None:
    layout = physical(seats(3))
    assert layout.require_seats(["S0", "S2", "S0"]) == frozenset({"S0", "S2"})
    assert layout.require_seats([]) == frozenset()
    with pytest.raises(UnknownSeat) as caught:
        layout.require_seats(["S0", "X2", "X1"])
    assert caught.value.seat_ids == ("X1", "X2")


def test_seat_label_is_zone_row_number() -> None:
    assert seat("A1", zone="PLATEA", row="13", number="4").label == "PLATEA - 13 - 4"


def test_bounding_box() -> None:
    layout = physical([seat("A", x=3.0, y=-1.0), seat("B", x=-2.0, y=4.0), seat("C", x=1.0, y=1.0)])
    assert layout.bounding_box() == (-2.0, -1.0, 3.0, 4.0)


def test_bounding_box_of_a_layout_without_seats_is_zeros() -> None:
    assert physical([], ga_zones=[ga_zone()]).bounding_box() == (0.0, 0.0, 0.0, 0.0)


def test_venue_errors_are_domain_errors() -> None:
    for error in (DuplicateSeatId, UnknownSeat, UnknownCategory, EmptyLayout):
        assert issubclass(error, VenueError)
    assert issubclass(VenueError, DomainError)


coords = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


@given(points=st.lists(st.tuples(coords, coords), min_size=1, max_size=40))
def test_bounding_box_contains_every_seat(points: list[tuple[float, float]]) -> None:
    layout = PhysicalLayout(
        id="P",
        hall_id="H",
        name="N",
        seats=tuple(seat(f"S{i}", x=x, y=y) for i, (x, y) in enumerate(points)),
        categories=(CAT1,),
    )
    min_x, min_y, max_x, max_y = layout.bounding_box()
    assert all(min_x <= s.x <= max_x and min_y <= s.y <= max_y for s in layout.seats)
    assert min_x in {s.x for s in layout.seats} and max_y in {s.y for s in layout.seats}


@given(ids=st.lists(st.sampled_from(["A", "B", "C", "D", "E"]), min_size=1, max_size=8))
def test_a_layout_exists_only_with_distinct_seat_ids(ids: list[str]) -> None:
    seat_list: list[Seat] = [seat(i) for i in ids]
    if len(set(ids)) == len(ids):
        assert physical(seat_list, validated=False).seat_ids() == frozenset(ids)
    else:
        with pytest.raises(DuplicateSeatId):
            physical(seat_list, validated=False)
