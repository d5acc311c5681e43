"""Logical layouts: categories, contingents, blocked and invalidated seats (seed 003)."""

from __future__ import annotations

import pytest
from builders import (
    CAT1,
    CAT2,
    contingent,
    ga_zone,
    logical,
    physical,
    seat,
    seat_ids,
    seats,
)
from hypothesis import given
from hypothesis import strategies as st

from domain.configuration import Contingent, ContingentType, LogicalLayout
from domain.errors import (
    ConfigurationError,
    DomainError,
    LayoutNotValidated,
    SeatHasContingent,
    SeatInvalidated,
    UnknownCategory,
    UnknownContingent,
    UnknownSeat,
)

# --- building over a physical layout ---------------------------------------------------------


def test_building_over_a_draft_physical_layout_is_refused() -> None:
    with pytest.raises(LayoutNotValidated):
        LogicalLayout.from_physical("L", "L", "S", physical(validated=False))
    with pytest.raises(LayoutNotValidated):
        LogicalLayout(
            id="L", name="L", season_id="S", physical=physical(validated=False), categories=()
        )


def test_from_physical_takes_the_plans_default_categories() -> None:
    phys = physical(
        [seat("A1", category="CAT1"), seat("A2", category="CAT2"), seat("A3", category=None)],
        ga_zones=[ga_zone("PELOUSE", category="CAT2")],
    )
    layout = LogicalLayout.from_physical("L", "L", "S", phys)
    assert layout.categories == phys.categories
    assert layout.category_of("A1") == "CAT1"
    assert layout.category_of("A2") == "CAT2"
    assert layout.category_of("A3") is None
    assert dict(layout.ga_categories) == {"PELOUSE": "CAT2"}
    assert layout.contingents == ()
    assert layout.blocked == frozenset() and layout.invalidated == frozenset()


def test_category_of_an_unknown_seat_is_refused() -> None:
    with pytest.raises(UnknownSeat):
        logical().category_of("Z9")


def test_unknown_category_is_refused() -> None:
    layout = logical()
    assert layout.category("CAT2") == CAT2
    with pytest.raises(UnknownCategory):
        layout.category("CAT9")
    with pytest.raises(UnknownCategory):
        layout.set_category(["S0"], "CAT9")
    with pytest.raises(UnknownCategory):
        LogicalLayout(
            id="L",
            name="L",
            season_id="S",
            physical=physical(),
            categories=(CAT1,),
            seat_categories={"S0": "CAT2"},
        )


def test_set_category_changes_only_the_given_seats() -> None:
    layout = logical(physical(seats(3)))
    changed = layout.set_category(["S0", "S2"], "CAT2")
    assert [changed.category_of(s) for s in ("S0", "S1", "S2")] == ["CAT2", "CAT1", "CAT2"]
    assert layout.category_of("S0") == "CAT1"  # the original is unchanged
    with pytest.raises(UnknownSeat):
        layout.set_category(["Z9"], "CAT1")


def test_the_mappings_are_read_only_copies() -> None:
    mapping = {"S0": "C1"}
    layout = logical(contingents=[contingent("C1")], seat_contingents=mapping)
    mapping["S1"] = "C1"  # the caller's dict does not leak in
    assert layout.contingent_of("S1") is None
    with pytest.raises(TypeError):
        layout.seat_contingents["S2"] = "C1"  # type: ignore[index]


def test_construction_refuses_unknown_seats_and_contingents() -> None:
    with pytest.raises(UnknownContingent):
        logical(contingents=[contingent("C1")], seat_contingents={"S0": "C2"})
    with pytest.raises(UnknownSeat):
        logical(contingents=[contingent("C1")], seat_contingents={"Z9": "C1"})
    with pytest.raises(UnknownSeat):
        logical(blocked=["Z9"])
    with pytest.raises(UnknownSeat):
        logical(invalidated=["Z9"])


def test_construction_refuses_an_invalidated_seat_with_a_contingent() -> None:
    with pytest.raises(SeatHasContingent):
        logical(contingents=[contingent("C1")], seat_contingents={"S0": "C1"}, invalidated=["S0"])


# --- contingents -----------------------------------------------------------------------------


def test_every_seat_starts_in_no_contingent() -> None:
    layout = logical(contingents=[contingent("C1")])
    assert all(layout.contingent_of(s) is None for s in layout.physical.seat_ids())


def test_assign_a_contingent_and_back_to_no_contingent() -> None:
    c1 = contingent("C1")
    layout = logical(contingents=[c1, contingent("C2")])
    assigned = layout.assign_contingent(["S0", "S1"], "C1")
    assert assigned.contingent_of("S0") == c1
    assert assigned.contingent_of("S1") == c1
    assert assigned.contingent_of("S2") is None
    assert layout.contingent_of("S0") is None  # immutability

    moved = assigned.assign_contingent(["S1"], "C2")  # a seat is in exactly one contingent
    assert moved.contingent_of("S1") is not None
    assert moved.contingent_of("S1").code == "C2"  # type: ignore[union-attr]
    assert moved.contingent_of("S0") == c1

    released = moved.assign_contingent(["S0", "S1"], None)
    assert released.contingent_of("S0") is None
    assert released.contingent_of("S1") is None
    assert dict(released.seat_contingents) == {}


def test_assign_refuses_unknown_contingent_and_unknown_seat() -> None:
    layout = logical(contingents=[contingent("C1")])
    with pytest.raises(UnknownContingent) as caught:
        layout.assign_contingent(["S0"], "NOPE")
    assert caught.value.code == "NOPE"
    with pytest.raises(UnknownSeat):
        layout.assign_contingent(["Z9"], "C1")
    with pytest.raises(UnknownContingent):
        layout.contingent("NOPE")


def test_cannot_assign_a_contingent_to_an_invalidated_seat() -> None:
    layout = logical(contingents=[contingent("C1")]).invalidate(["S0"])
    with pytest.raises(SeatInvalidated) as caught:
        layout.assign_contingent(["S0", "S1"], "C1")
    assert caught.value.seat_ids == ("S0",)
    # putting it back into "no contingent" is harmless
    assert layout.assign_contingent(["S0"], None).contingent_of("S0") is None


def test_external_contingent_targets_exactly_one_channel() -> None:
    ext = contingent("FNAC", type=ContingentType.EXTERNAL, channels=["NTJ_FNAC"])
    assert ext.channels == frozenset({"NTJ_FNAC"})
    for channels in ([], ["FNAC", "DIGITICK"]):
        with pytest.raises(ConfigurationError):
            contingent("FNAC", type=ContingentType.EXTERNAL, channels=channels)


@pytest.mark.parametrize("kind", [ContingentType.OTHER, ContingentType.GROUP])
def test_other_contingents_may_have_any_number_of_channels(kind: ContingentType) -> None:
    assert contingent("X", type=kind, channels=[]).channels == frozenset()
    assert len(contingent("X", type=kind, channels=["A", "B", "C"]).channels) == 3


def test_exclusive_contingent_is_sellable_only_by_its_channels() -> None:
    c = contingent("C1", channels=["BOX"], exclusive=True)
    assert c.sellable_by("BOX", channel_sells_no_contingent=True)
    assert c.sellable_by("BOX", channel_sells_no_contingent=False)
    assert not c.sellable_by("WEB", channel_sells_no_contingent=True)
    assert not c.sellable_by("WEB", channel_sells_no_contingent=False)


def test_non_exclusive_contingent_is_also_sellable_by_no_contingent_channels() -> None:
    c = contingent("C1", channels=["BOX"], exclusive=False)
    assert c.sellable_by("BOX", channel_sells_no_contingent=False)
    assert c.sellable_by("WEB", channel_sells_no_contingent=True)
    assert not c.sellable_by("WEB", channel_sells_no_contingent=False)


def test_external_contingent_is_sold_only_by_its_distributor_even_when_not_exclusive() -> None:
    c = contingent("FNAC", type=ContingentType.EXTERNAL, channels=["NTJ_FNAC"], exclusive=False)
    assert c.sellable_by("NTJ_FNAC", channel_sells_no_contingent=False)
    assert not c.sellable_by("BOX", channel_sells_no_contingent=True)


# --- blocking --------------------------------------------------------------------------------


def test_blocking_keeps_the_contingent_and_unblocking_restores_it() -> None:
    c1 = contingent("C1")
    layout = logical(contingents=[c1]).assign_contingent(["S0"], "C1")
    blocked = layout.block(["S0", "S1"])
    assert blocked.blocked == {"S0", "S1"}
    assert blocked.contingent_of("S0") == c1
    unblocked = blocked.unblock(["S0"])
    assert unblocked.blocked == {"S1"}
    assert unblocked.contingent_of("S0") == c1
    assert layout.blocked == frozenset()


def test_block_and_unblock_are_idempotent() -> None:
    layout = logical().block(["S0"]).block(["S0"])
    assert layout.blocked == {"S0"}
    assert layout.unblock(["S0"]).unblock(["S0"]).blocked == frozenset()


def test_block_and_unblock_refuse_unknown_seats() -> None:
    with pytest.raises(UnknownSeat):
        logical().block(["Z9"])
    with pytest.raises(UnknownSeat):
        logical().unblock(["Z9"])


def test_cannot_block_an_invalidated_seat() -> None:
    layout = logical().invalidate(["S0"])
    with pytest.raises(SeatInvalidated):
        layout.block(["S0", "S1"])
    assert layout.blocked == frozenset()


# --- invalidating ----------------------------------------------------------------------------


def test_invalidating_a_seat_with_a_contingent_is_refused() -> None:
    layout = logical(contingents=[contingent("C1")]).assign_contingent(["S0", "S1"], "C1")
    with pytest.raises(SeatHasContingent) as caught:
        layout.invalidate(["S0", "S1", "S2"])
    assert caught.value.seat_ids == ("S0", "S1")
    # after taking the seat back to "no contingent", it can be invalidated
    freed = layout.assign_contingent(["S0"], None)
    assert freed.invalidate(["S0"]).invalidated == {"S0"}


def test_invalidate_then_revalidate() -> None:
    layout = logical()
    broken = layout.invalidate(["S0", "S1"])
    assert broken.invalidated == {"S0", "S1"}
    assert layout.invalidated == frozenset()
    repaired = broken.revalidate(["S0"])
    assert repaired.invalidated == {"S1"}
    assert repaired.revalidate(["S1"]).invalidated == frozenset()


def test_invalidate_and_revalidate_refuse_unknown_seats() -> None:
    with pytest.raises(UnknownSeat):
        logical().invalidate(["Z9"])
    with pytest.raises(UnknownSeat):
        logical().revalidate(["Z9"])


def test_invalidating_a_blocked_seat_keeps_the_block_for_revalidation() -> None:
    layout = logical().block(["S0"]).invalidate(["S0"])
    assert layout.invalidated == {"S0"}
    revalidated = layout.revalidate(["S0"])
    assert revalidated.invalidated == frozenset()
    assert revalidated.blocked == {"S0"}  # it comes back blocked, not on sale


def test_configuration_errors_are_domain_errors() -> None:
    for error in (SeatHasContingent, SeatInvalidated, UnknownContingent):
        assert issubclass(error, ConfigurationError)
    assert issubclass(ConfigurationError, DomainError)


# --- properties ------------------------------------------------------------------------------

SEATS = seat_ids(8)
actions = st.lists(
    st.tuples(
        st.sampled_from(["assign", "release", "block", "unblock", "invalidate", "revalidate"]),
        st.sets(st.sampled_from(SEATS), min_size=1, max_size=3),
    ),
    max_size=25,
)


@given(steps=actions)
def test_invariants_hold_after_any_sequence_of_actions(
    steps: list[tuple[str, set[str]]],
) -> None:
    c1: Contingent = contingent("C1")
    layout = logical(physical(seats(len(SEATS))), contingents=[c1])
    for action, ids in steps:
        before = layout
        try:
            if action == "assign":
                layout = layout.assign_contingent(ids, "C1")
            elif action == "release":
                layout = layout.assign_contingent(ids, None)
            elif action == "block":
                layout = layout.block(ids)
            elif action == "unblock":
                layout = layout.unblock(ids)
            elif action == "invalidate":
                layout = layout.invalidate(ids)
            else:
                layout = layout.revalidate(ids)
        except SeatHasContingent:
            assert action == "invalidate" and ids & before.seat_contingents.keys()
            assert layout is before
        except SeatInvalidated:
            assert action in {"assign", "block"} and ids & before.invalidated
            assert layout is before
        else:
            if action == "block":
                # blocking never touches contingents
                assert layout.seat_contingents == before.seat_contingents
        # an invalidated seat never has a contingent and is never newly blocked
        assert not layout.invalidated & layout.seat_contingents.keys()
        if action == "block":
            assert not (layout.blocked - before.blocked) & layout.invalidated
        # every seat is in at most one known contingent
        assert set(layout.seat_contingents.values()) <= {"C1"}
