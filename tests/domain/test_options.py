"""Options at the till (seed 001): the lifecycle, and the places an option holds."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain import options as o
from domain.options import (
    HoldChange,
    Option,
    OptionExpiryInvalid,
    OptionQuantitiesInvalid,
    OptionState,
    OptionTransitionRefused,
)
from tests.fakes import PINNED_MOMENT

NOW = PINNED_MOMENT
LATER = NOW + timedelta(days=10)


def _direct(**quantities: int) -> tuple[Option, HoldChange]:
    return o.place_directly(o.request("OP1", "K1", "P1", quantities, LATER, NOW, "D-21"))


def test_a_direct_option_is_placed_and_holds_its_quantities() -> None:
    option, change = _direct(A=2, B=3)
    assert option.state is OptionState.PLACED
    assert dict(change.take) == {"A": 2, "B": 3} and not change.release
    assert dict(option.held) == {"A": 2, "B": 3}


def test_a_request_holds_nothing_until_placed_possibly_with_fewer_places() -> None:
    asked = o.request("OP1", "K1", "P1", {"A": 4}, LATER, NOW)
    assert asked.state is OptionState.REQUESTED and not asked.held
    placed, change = o.place(asked, {"A": 3})
    assert dict(change.take) == {"A": 3} and dict(placed.held) == {"A": 3}
    with pytest.raises(OptionQuantitiesInvalid) as refused:
        o.place(asked, {"A": 5})
    assert refused.value.reason == "more_than_requested"
    with pytest.raises(OptionQuantitiesInvalid):
        o.place(asked, {"B": 1})


def test_modifying_a_placed_option_takes_and_gives_back_the_difference() -> None:
    option, _ = _direct(A=2, B=3)
    modified, change = o.place(option, {"A": 1, "B": 3})
    assert dict(change.release) == {"A": 1} and not change.take
    assert dict(modified.held) == {"A": 1, "B": 3}


def test_the_seed_lifecycle_to_an_order() -> None:
    option, _ = _direct(A=2)
    validated, change = o.validate(option)
    assert validated.state is OptionState.VALIDATED and change.empty
    ordered, change = o.order(validated, "ORD-7", NOW)
    assert ordered.state is OptionState.ORDERED and ordered.order_id == "ORD-7"
    assert dict(change.release) == {"A": 2} and not ordered.held


def test_a_refusal_pending_keeps_the_places_and_can_be_taken_back() -> None:
    option, _ = _direct(A=2)
    pending, change = o.start_refusal(option)
    assert change.empty and dict(pending.held) == {"A": 2}
    back, change = o.cancel_refusal(pending)
    assert back.state is OptionState.PLACED and change.empty
    refused, change = o.refuse(pending)
    assert refused.state is OptionState.REFUSED and dict(change.release) == {"A": 2}


@pytest.mark.parametrize(
    "step",
    [
        o.validate,
        o.refuse,
        o.cancel,
        o.start_refusal,
        o.put_on_waiting_list,
        lambda x: o.order(x, "ORD", NOW),
        lambda x: o.place(x, {"A": 1}),
    ],
)
def test_an_ordered_option_allows_nothing_more(step: Callable[[Option], object]) -> None:
    ordered, _ = o.order(o.validate(_direct(A=2)[0])[0], "ORD-1", NOW)
    with pytest.raises(OptionTransitionRefused):
        step(ordered)


def test_only_a_validated_option_becomes_an_order_and_not_once_expired() -> None:
    option, _ = _direct(A=2)
    with pytest.raises(OptionTransitionRefused):
        o.order(option, "ORD-1", NOW)
    validated, _ = o.validate(option)
    with pytest.raises(OptionTransitionRefused):
        o.order(validated, "ORD-1", LATER)


def test_bad_quantities_and_expiry_are_refused_with_their_reason() -> None:
    for quantities, reason in [({}, "nothing_asked"), ({"A": 0}, "nothing_asked"),
                               ({"A": -1}, "negative"), ({"": 1}, "no_category")]:  # fmt: skip
        with pytest.raises(OptionQuantitiesInvalid) as refused:
            o.place_directly(o.request("OP1", "K1", "P1", quantities, LATER, NOW))
        assert refused.value.reason == reason
    for when in (NOW, NOW - timedelta(seconds=1), LATER.replace(tzinfo=None)):
        with pytest.raises(OptionExpiryInvalid):
            o.place_directly(o.request("OP1", "K1", "P1", {"A": 1}, when, NOW))


def test_expiry_only_once_due_and_only_of_holding_options() -> None:
    option, _ = _direct(A=2)
    with pytest.raises(OptionTransitionRefused):
        o.expire(option, LATER - timedelta(seconds=1))
    expired, change = o.expire(option, LATER)
    assert expired.state is OptionState.EXPIRED and dict(change.release) == {"A": 2}
    asked = o.request("OP2", "K1", "P1", {"A": 1}, LATER, NOW)
    assert not asked.due(LATER)


def test_found_by_option_contact_or_file_number() -> None:
    option, _ = _direct(A=1)
    for query in ("op1", " K1 ", "d-21"):
        assert o.matches(option, query), query
    for query in ("", "OP", "K2"):
        assert not o.matches(option, query), query


CATEGORIES = ("A", "B", "C")
quantities = st.dictionaries(st.sampled_from(CATEGORIES), st.integers(0, 6)).filter(
    lambda q: any(q.values())
)
STEPS: dict[str, Callable[[Option], tuple[Option, HoldChange]]] = {
    "validate": o.validate,
    "refuse": o.refuse,
    "cancel": o.cancel,
    "start_refusal": o.start_refusal,
    "cancel_refusal": o.cancel_refusal,
    "waiting_list": o.put_on_waiting_list,
    "order": lambda x: o.order(x, "ORD", NOW),
}
actions = st.one_of(
    st.sampled_from(sorted(STEPS)).map(lambda name: (name, None)),
    quantities.map(lambda q: ("place", q)),
)


def _apply(inventory: dict[str, int], change: HoldChange) -> None:
    for category, count in change.take.items():
        inventory[category] = inventory.get(category, 0) + count
    for category, count in change.release.items():
        inventory[category] = inventory.get(category, 0) - count
        assert inventory[category] >= 0, "released more than was held"
        if not inventory[category]:
            del inventory[category]


@given(asked=quantities, steps=st.lists(actions, max_size=12), direct=st.booleans())
def test_an_option_never_holds_more_than_its_quantities_and_expiry_releases_exactly_them(
    asked: dict[str, int], steps: list[tuple[str, dict[str, int] | None]], direct: bool
) -> None:
    inventory: dict[str, int] = {}  # an oracle: the places the inventory holds for it
    if direct:
        option, change = o.place_directly(o.request("OP1", "K1", "P1", asked, LATER, NOW))
        _apply(inventory, change)
    else:
        option = o.request("OP1", "K1", "P1", asked, LATER, NOW)
    for name, given_quantities in steps:
        try:
            if given_quantities is not None:
                option, change = o.place(option, given_quantities)
            else:
                option, change = STEPS[name](option)
        except (OptionTransitionRefused, OptionQuantitiesInvalid):
            continue
        _apply(inventory, change)
        assert inventory == dict(option.held)
        for category, count in inventory.items():
            assert count <= asked.get(category, 0)
    held_before = dict(option.held)
    expired, released = o.expire_due([option], LATER)
    assert released.get("P1", {}) == held_before
    if expired:
        _apply(inventory, o.HoldChange(release=held_before))
        assert expired[0].state is OptionState.EXPIRED and not expired[0].held
    assert not inventory or not held_before
