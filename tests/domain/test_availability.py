"""Seat states of a performance, their counts, and whether a channel may sell a seat now."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from builders import (
    NOW,
    channel,
    contingent,
    logical,
    performance,
    physical,
    seat_ids,
    seats,
    window,
)
from hypothesis import given
from hypothesis import strategies as st

from domain.availability import (
    ALLOWED,
    BOOKED_STATES,
    Refusal,
    SeatState,
    StateCounts,
    Verdict,
    may_sell_contingent,
    may_sell_now,
    may_sell_seat,
    pickable_seats,
    seat_state,
    seat_states,
)
from domain.catalog import PerformanceState
from domain.configuration import LogicalLayout

# --- states ----------------------------------------------------------------------------------


def test_a_seat_with_nothing_recorded_is_free() -> None:
    assert seat_state(logical(), {}, "S0") is SeatState.FREE


@pytest.mark.parametrize("booked", [SeatState.HELD, SeatState.RESERVED, SeatState.SOLD])
def test_invalid_beats_everything(booked: SeatState) -> None:
    layout = logical().invalidate(["S0"])
    assert seat_state(layout, {"S0": booked}, "S0") is SeatState.INVALID


@pytest.mark.parametrize("booked", [SeatState.HELD, SeatState.RESERVED, SeatState.SOLD])
def test_booked_beats_blocked(booked: SeatState) -> None:
    layout = logical().block(["S0"])
    assert seat_state(layout, {"S0": booked}, "S0") is booked


def test_blocked_beats_free() -> None:
    assert seat_state(logical().block(["S0"]), {}, "S0") is SeatState.BLOCKED


def test_booked_states_are_held_reserved_sold() -> None:
    assert {SeatState.HELD, SeatState.RESERVED, SeatState.SOLD} == BOOKED_STATES


def test_seat_states_covers_every_seat_and_ignores_foreign_bookings() -> None:
    layout = logical(physical(seats(5))).block(["S1"]).invalidate(["S4"])
    states = seat_states(layout, {"S2": SeatState.SOLD, "S3": SeatState.HELD, "X": SeatState.SOLD})
    assert states == {
        "S0": SeatState.FREE,
        "S1": SeatState.BLOCKED,
        "S2": SeatState.SOLD,
        "S3": SeatState.HELD,
        "S4": SeatState.INVALID,
    }


def test_state_counts_of_a_layout() -> None:
    layout = (
        logical(physical(seats(10))).block(["S0", "S1", "S2"]).invalidate(["S9"])
    )  # S2 blocked but sold: counts as sold
    booked = {
        "S2": SeatState.SOLD,
        "S3": SeatState.SOLD,
        "S4": SeatState.RESERVED,
        "S5": SeatState.HELD,
        "S6": SeatState.HELD,
        "S9": SeatState.SOLD,  # invalid wins
    }
    counts = StateCounts.of(seat_states(layout, booked).values())
    assert counts == StateCounts(total=10, free=2, held=2, blocked=2, reserved=1, sold=2, invalid=1)
    assert (
        counts.free + counts.held + counts.blocked + counts.reserved + counts.sold + counts.invalid
        == counts.total
    )


def test_state_counts_of_nothing_are_zeros() -> None:
    assert StateCounts.of([]) == StateCounts(0, 0, 0, 0, 0, 0, 0)


def test_a_fresh_plan_is_all_free() -> None:
    # seed 002: "Total 1526, Places libres 1526"
    layout = logical(physical(seats(1526)))
    counts = StateCounts.of(seat_states(layout, {}).values())
    assert counts.total == counts.free == 1526


# --- may_sell_now ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "state",
    [PerformanceState.PLANNED, PerformanceState.SUSPENDED, PerformanceState.CANCELLED],
)
def test_a_performance_not_on_sale_is_refused(state: PerformanceState) -> None:
    verdict = may_sell_now(channel(), performance(state=state), NOW)
    assert not verdict
    assert verdict.refusal is Refusal.PERFORMANCE_NOT_ON_SALE
    assert verdict.detail == state.value


def test_a_channel_without_a_window_is_refused() -> None:
    verdict = may_sell_now(channel("WEB"), performance(sale_windows={"BOX": window()}), NOW)
    assert verdict.refusal is Refusal.CHANNEL_NOT_OPEN
    assert verdict.detail == "WEB"


def test_before_opening_and_after_closing() -> None:
    opens, closes = NOW + timedelta(hours=1), NOW + timedelta(hours=3)
    perf = performance(sale_windows={"BOX": window(opens, closes)})
    early = may_sell_now(channel(), perf, NOW)
    assert early.refusal is Refusal.SALES_NOT_OPEN_YET
    assert early.detail == opens.isoformat()
    assert may_sell_now(channel(), perf, opens) == ALLOWED
    assert may_sell_now(channel(), perf, closes - timedelta(microseconds=1)) == ALLOWED
    late = may_sell_now(channel(), perf, closes)
    assert late.refusal is Refusal.SALES_CLOSED
    assert late.detail == closes.isoformat()


def test_verdict_truthiness() -> None:
    assert ALLOWED
    assert ALLOWED.refusal is None
    assert not Verdict(False, Refusal.SEAT_SOLD)


# --- may_sell_seat ---------------------------------------------------------------------------


def _sell(
    layout: LogicalLayout | None = None,
    *,
    seat_id: str = "S0",
    booked: dict[str, SeatState] | None = None,
    channel_code: str = "BOX",
    sells_no_contingent: bool = True,
    perf_state: PerformanceState = PerformanceState.ON_SALE,
) -> Verdict:
    return may_sell_seat(
        channel(channel_code, sells_no_contingent=sells_no_contingent),
        performance(state=perf_state, sale_windows={channel_code: window()}),
        layout or logical(),
        booked or {},
        seat_id,
        NOW,
    )


def test_a_free_seat_in_no_contingent_is_allowed() -> None:
    assert _sell() == ALLOWED


def test_an_unknown_seat_is_refused_first() -> None:
    verdict = _sell(seat_id="Z9", perf_state=PerformanceState.CANCELLED)
    assert verdict.refusal is Refusal.UNKNOWN_SEAT
    assert verdict.detail == "Z9"


def test_timing_is_checked_before_the_seat() -> None:
    verdict = _sell(booked={"S0": SeatState.SOLD}, perf_state=PerformanceState.PLANNED)
    assert verdict.refusal is Refusal.PERFORMANCE_NOT_ON_SALE


def test_outside_the_window_the_seat_is_refused() -> None:
    for opens, closes, refusal in [
        (NOW + timedelta(days=1), NOW + timedelta(days=2), Refusal.SALES_NOT_OPEN_YET),
        (NOW - timedelta(days=2), NOW - timedelta(days=1), Refusal.SALES_CLOSED),
    ]:
        verdict = may_sell_seat(
            channel(),
            performance(sale_windows={"BOX": window(opens, closes)}),
            logical(),
            {},
            "S0",
            NOW,
        )
        assert verdict.refusal is refusal


def test_a_channel_without_a_window_cannot_sell_a_seat() -> None:
    verdict = may_sell_seat(
        channel("WEB"), performance(sale_windows={"BOX": window()}), logical(), {}, "S0", NOW
    )
    assert verdict.refusal is Refusal.CHANNEL_NOT_OPEN


@pytest.mark.parametrize(
    ("state", "refusal"),
    [
        (SeatState.HELD, Refusal.SEAT_HELD),
        (SeatState.RESERVED, Refusal.SEAT_RESERVED),
        (SeatState.SOLD, Refusal.SEAT_SOLD),
    ],
)
def test_each_booked_state_is_refused(state: SeatState, refusal: Refusal) -> None:
    verdict = _sell(booked={"S0": state})
    assert not verdict
    assert verdict.refusal is refusal
    assert _sell(booked={"S1": state}) == ALLOWED  # only that seat


def test_a_blocked_seat_is_refused() -> None:
    assert _sell(logical().block(["S0"])).refusal is Refusal.SEAT_BLOCKED


def test_an_invalid_seat_is_refused() -> None:
    assert _sell(logical().invalidate(["S0"])).refusal is Refusal.SEAT_INVALID


def test_the_seat_state_is_checked_before_the_contingent() -> None:
    layout = logical(contingents=[contingent("C1", channels=["WEB"])])
    layout = layout.assign_contingent(["S0"], "C1").block(["S0"])
    assert _sell(layout).refusal is Refusal.SEAT_BLOCKED


def _with_contingent(*, exclusive: bool, channels: tuple[str, ...]) -> LogicalLayout:
    c = contingent("C1", channels=channels, exclusive=exclusive)
    return logical(contingents=[c]).assign_contingent(["S0"], "C1")


@pytest.mark.parametrize("exclusive", [True, False])
@pytest.mark.parametrize("sells_no_contingent", [True, False])
def test_a_channel_listed_in_the_contingent_may_sell_it(
    exclusive: bool, sells_no_contingent: bool
) -> None:
    layout = _with_contingent(exclusive=exclusive, channels=("WEB", "BOX"))
    assert _sell(layout, sells_no_contingent=sells_no_contingent) == ALLOWED


@pytest.mark.parametrize("sells_no_contingent", [True, False])
def test_an_exclusive_contingent_of_another_channel_is_refused(sells_no_contingent: bool) -> None:
    layout = _with_contingent(exclusive=True, channels=("WEB",))
    verdict = _sell(layout, sells_no_contingent=sells_no_contingent)
    assert verdict.refusal is Refusal.CONTINGENT_NOT_FOR_CHANNEL
    assert verdict.detail == "C1"


def test_a_non_exclusive_contingent_is_open_to_channels_that_sell_no_contingent() -> None:
    layout = _with_contingent(exclusive=False, channels=("WEB",))
    assert _sell(layout, sells_no_contingent=True) == ALLOWED
    verdict = _sell(layout, sells_no_contingent=False)
    assert verdict.refusal is Refusal.CONTINGENT_NOT_FOR_CHANNEL
    assert verdict.detail == "C1"


def test_a_channel_refused_no_contingent_cannot_sell_a_seat_without_contingent() -> None:
    verdict = _sell(sells_no_contingent=False)
    assert verdict.refusal is Refusal.NO_CONTINGENT_NOT_ALLOWED
    # but it sells from its own contingent
    layout = _with_contingent(exclusive=True, channels=("BOX",))
    assert _sell(layout, sells_no_contingent=False) == ALLOWED
    assert _sell(layout, seat_id="S1", sells_no_contingent=False).refusal is (
        Refusal.NO_CONTINGENT_NOT_ALLOWED
    )


def test_may_sell_contingent_alone() -> None:
    layout = _with_contingent(exclusive=True, channels=("WEB",))
    assert may_sell_contingent(channel("WEB"), layout, "S0") == ALLOWED
    assert may_sell_contingent(channel("BOX"), layout, "S0").refusal is (
        Refusal.CONTINGENT_NOT_FOR_CHANNEL
    )
    assert may_sell_contingent(channel("BOX"), layout, "S1") == ALLOWED


def test_every_refusal_is_reachable() -> None:
    # S0 in WEB's exclusive contingent, S1 blocked, S2 invalid, S3..S5 booked, S6 no contingent.
    layout = logical(physical(seats(7)), contingents=[contingent("C1", channels=["WEB"])])
    layout = layout.assign_contingent(["S0"], "C1").block(["S1"]).invalidate(["S2"])
    booked = {"S3": SeatState.HELD, "S4": SeatState.RESERVED, "S5": SeatState.SOLD}
    perf = performance(
        sale_windows={
            "BOX": window(),
            "WEB": window(),
            "EARLY": window(NOW + timedelta(days=1), NOW + timedelta(days=2)),
            "LATE": window(NOW - timedelta(days=2), NOW - timedelta(days=1)),
        }
    )
    planned = performance(state=PerformanceState.PLANNED)
    box, strict_box = channel("BOX"), channel("BOX", sells_no_contingent=False)
    cases = {
        Refusal.PERFORMANCE_NOT_ON_SALE: (box, planned, "S6"),
        Refusal.CHANNEL_NOT_OPEN: (channel("NONE"), perf, "S6"),
        Refusal.SALES_NOT_OPEN_YET: (channel("EARLY"), perf, "S6"),
        Refusal.SALES_CLOSED: (channel("LATE"), perf, "S6"),
        Refusal.UNKNOWN_SEAT: (box, perf, "Z9"),
        Refusal.SEAT_INVALID: (box, perf, "S2"),
        Refusal.SEAT_BLOCKED: (box, perf, "S1"),
        Refusal.SEAT_HELD: (box, perf, "S3"),
        Refusal.SEAT_RESERVED: (box, perf, "S4"),
        Refusal.SEAT_SOLD: (box, perf, "S5"),
        Refusal.CONTINGENT_NOT_FOR_CHANNEL: (box, perf, "S0"),
        Refusal.NO_CONTINGENT_NOT_ALLOWED: (strict_box, perf, "S6"),
    }
    assert set(cases) == set(Refusal)
    for refusal, (ch, pf, seat_id) in cases.items():
        verdict = may_sell_seat(ch, pf, layout, booked, seat_id, NOW)
        assert verdict.refusal is refusal, (refusal, verdict)
        assert not verdict
    assert may_sell_seat(box, perf, layout, booked, "S6", NOW) == ALLOWED
    assert may_sell_seat(channel("WEB"), perf, layout, booked, "S0", NOW) == ALLOWED


# --- properties over random layouts ----------------------------------------------------------

N = 12
IDS = seat_ids(N)
CHANNELS = ["BOX", "WEB", "FNAC"]


@st.composite
def situations(draw: st.DrawFn) -> tuple[LogicalLayout, dict[str, SeatState], str, bool]:
    contingents = [
        contingent(
            code,
            channels=draw(st.sets(st.sampled_from(CHANNELS), max_size=2)),
            exclusive=draw(st.booleans()),
        )
        for code in ("C1", "C2")
    ]
    seat_contingents = {
        sid: code for sid in IDS if (code := draw(st.sampled_from([None, "C1", "C2"]))) is not None
    }
    free_of_contingent = [s for s in IDS if s not in seat_contingents]
    invalidated = (
        draw(st.sets(st.sampled_from(free_of_contingent))) if free_of_contingent else set()
    )
    blocked = draw(st.sets(st.sampled_from(IDS))) - invalidated
    layout = logical(
        physical(seats(N)),
        contingents=contingents,
        seat_contingents=seat_contingents,
        blocked=blocked,
        invalidated=invalidated,
    )
    booked = draw(
        st.dictionaries(st.sampled_from(IDS), st.sampled_from(sorted(BOOKED_STATES, key=str)))
    )
    return layout, booked, draw(st.sampled_from(CHANNELS)), draw(st.booleans())


@given(situation=situations(), seat_id=st.sampled_from(IDS))
def test_a_seat_is_allowed_only_if_free_and_its_contingent_rule_allows_it(
    situation: tuple[LogicalLayout, dict[str, SeatState], str, bool], seat_id: str
) -> None:
    layout, booked, channel_code, sells_no_contingent = situation
    verdict = may_sell_seat(
        channel(channel_code, sells_no_contingent=sells_no_contingent),
        performance(sale_windows={channel_code: window()}),
        layout,
        booked,
        seat_id,
        NOW,
    )
    free = (
        seat_id not in layout.invalidated
        and seat_id not in booked
        and seat_id not in layout.blocked
    )
    c = layout.contingent_of(seat_id)
    if c is None:
        contingent_ok = sells_no_contingent
    else:
        contingent_ok = channel_code in c.channels or (not c.exclusive and sells_no_contingent)
    assert bool(verdict) == (free and contingent_ok)
    assert (verdict.refusal is None) == bool(verdict)
    if not free:
        assert verdict.refusal in {
            Refusal.SEAT_INVALID,
            Refusal.SEAT_BLOCKED,
            Refusal.SEAT_HELD,
            Refusal.SEAT_RESERVED,
            Refusal.SEAT_SOLD,
        }


@given(situation=situations())
def test_counts_add_up_and_match_the_states(
    situation: tuple[LogicalLayout, dict[str, SeatState], str, bool],
) -> None:
    layout, booked, _, _ = situation
    states = seat_states(layout, booked)
    counts = StateCounts.of(states.values())
    assert counts.total == N
    assert (
        counts.free + counts.held + counts.blocked + counts.reserved + counts.sold + counts.invalid
        == N
    )
    assert counts.invalid == len(layout.invalidated)
    assert counts.sold == sum(
        1 for s, st_ in booked.items() if st_ is SeatState.SOLD and s not in layout.invalidated
    )
    assert counts.free == sum(
        1
        for s in IDS
        if s not in layout.invalidated and s not in booked and s not in layout.blocked
    )


@given(
    situation=situations(),
    moment=st.sampled_from([NOW, NOW - timedelta(days=400), NOW + timedelta(days=400)]),
    on_sale=st.booleans(),
    extra=st.lists(st.sampled_from([*IDS, "NOT-A-SEAT"]), max_size=4),
)
def test_the_plans_pickable_seats_are_exactly_what_may_sell_seat_allows(
    situation: tuple[LogicalLayout, dict[str, SeatState], str, bool],
    moment: datetime,
    on_sale: bool,
    extra: list[str],
) -> None:
    layout, booked, channel_code, sells_no_contingent = situation
    seller = channel(channel_code, sells_no_contingent=sells_no_contingent)
    show = performance(
        sale_windows={channel_code: window()},
        state=PerformanceState.ON_SALE if on_sale else PerformanceState.SUSPENDED,
    )
    asked = [*IDS, *extra]
    pickable = pickable_seats(seller, show, layout, booked, asked, moment)
    expected = [bool(may_sell_seat(seller, show, layout, booked, s, moment)) for s in asked]
    assert pickable.tolist() == expected
