"""Best available: checked against a brute force on random small halls (hypothesis), and on
the cases a cashier would notice (aisles, orphans, the stage, nothing fits)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.best_available import (
    SeatRows,
    Stage,
    best_available,
    from_arrays,
    orphans_left,
    seat_rows,
)
from domain.venue import PhysicalLayout, Point, Seat, SeatFlag


@st.composite
def halls(draw: st.DrawFn) -> tuple[SeatRows, np.ndarray, np.ndarray, int]:
    lengths = draw(st.lists(st.integers(1, 12), min_size=1, max_size=4))
    x, y, row, flags = [], [], [], []
    for r, length in enumerate(lengths):
        for i in range(length):
            x.append(float(i))
            y.append(float(r))
            row.append(r)
            aisle = draw(st.booleans()) if draw(st.integers(0, 4)) == 0 else False
            flags.append(int(SeatFlag.AISLE_AFTER) if aisle else 0)
    n = len(x)
    free = np.array(draw(st.lists(st.booleans(), min_size=n, max_size=n)))
    allowed = np.array(draw(st.lists(st.booleans(), min_size=n, max_size=n)))
    if draw(st.booleans()):
        allowed[:] = True
    rows = from_arrays(x, y, row, flags, [0] * len(lengths), focal_point=(3.0, -1.0))
    return rows, free, allowed, draw(st.integers(1, 6))


def windows(rows: SeatRows, free: np.ndarray, allowed: np.ndarray, n: int) -> list[tuple[int, ...]]:
    """Every run of n neighbouring free, allowed seats (brute force)."""
    found = []
    for start in range(rows.size - n + 1):
        seats = tuple(range(start, start + n))
        if not all(free[i] and allowed[i] for i in seats):
            continue
        if any(rows.cut_after[i] for i in seats[:-1]):
            continue
        found.append(seats)
    return found


@settings(max_examples=300, deadline=None)
@given(halls())
def test_answers_are_allowed_together_and_orphan_free_when_possible(
    hall: tuple[SeatRows, np.ndarray, np.ndarray, int],
) -> None:
    rows, free, allowed, n = hall
    proposal = best_available(rows, n, free, allowed)
    candidates = windows(rows, free, allowed, n)
    clean = [w for w in candidates if orphans_left(rows, free, w) == 0]
    if n > int((free & allowed).sum()):
        assert proposal is None  # nothing rather than something wrong
        return
    assert proposal is not None
    seats = list(proposal.seats)
    assert len(set(seats)) == n
    assert all(free[i] and allowed[i] for i in seats), "never a seat that is not allowed"
    if candidates:
        assert proposal.stage is Stage.SAME_ROW, "together in a row first"
    if proposal.stage is Stage.SAME_ROW:
        assert seats == list(range(seats[0], seats[0] + n))
        assert not rows.cut_after[seats[:-1]].any(), "never across an aisle or a row end"
        assert proposal.orphans == orphans_left(rows, free, seats)
        if clean:
            assert proposal.orphans == 0, "no orphan when an orphan-free answer exists"
            best = min(float(rows.quality[list(w)].sum()) for w in clean)
            assert float(rows.quality[seats].sum()) <= best + 1e-3
    for group in proposal.groups:
        assert list(group) == list(range(group[0], group[0] + len(group)))
        assert not rows.cut_after[list(group[:-1])].any()


@settings(max_examples=150, deadline=None)
@given(halls())
def test_same_row_only_returns_nothing_when_no_group_fits(
    hall: tuple[SeatRows, np.ndarray, np.ndarray, int],
) -> None:
    rows, free, allowed, n = hall
    proposal = best_available(rows, n, free, allowed, stages=(Stage.SAME_ROW,))
    assert (proposal is None) == (not windows(rows, free, allowed, n))


def straight_rows(*rows: str, aisle_after: dict[int, set[int]] | None = None) -> SeatRows:
    """Rows drawn as strings: '.' free, 'x' taken; the stage is above row 0."""
    x, y, row, flags = [], [], [], []
    for r, text in enumerate(rows):
        for i, _ in enumerate(text):
            x.append(float(i))
            y.append(float(r))
            row.append(r)
            aisle = aisle_after is not None and i in aisle_after.get(r, set())
            flags.append(int(SeatFlag.AISLE_AFTER) if aisle else 0)
    centre = (len(rows[0]) - 1) / 2
    return from_arrays(x, y, row, flags, [0] * len(rows), focal_point=(centre, -1.0))


def free_of(*rows: str) -> np.ndarray:
    return np.array([c == "." for text in rows for c in text])


def test_an_aisle_is_never_crossed_by_a_group() -> None:
    hall = ("....",)
    rows = straight_rows(*hall, aisle_after={0: {1}})
    assert best_available(rows, 3, free_of(*hall), stages=(Stage.SAME_ROW,)) is None
    assert best_available(rows, 2, free_of(*hall)).seats in ((0, 1), (2, 3))


def test_no_single_seat_is_left_when_avoidable() -> None:
    hall = ("x.....x",)  # taking 2 from the middle would leave singles
    proposal = best_available(straight_rows(*hall), 2, free_of(*hall))
    assert proposal is not None and proposal.orphans == 0
    assert proposal.seats in ((1, 2), (4, 5))


def test_closest_to_the_stage_wins() -> None:
    hall = ("xx..xx", "......")
    proposal = best_available(straight_rows(*hall), 2, free_of(*hall))
    assert proposal is not None and proposal.seats == (2, 3)


def test_two_rows_only_when_no_row_has_room() -> None:
    hall = ("..x..x", "..x..x")
    proposal = best_available(straight_rows(*hall), 4, free_of(*hall))
    assert proposal is not None and proposal.stage is Stage.TWO_ROWS
    assert sorted(len(g) for g in proposal.groups) == [2, 2]


def test_split_groups_as_a_last_resort() -> None:
    hall = ("..x..x..", "xxxxxxxx")
    proposal = best_available(straight_rows(*hall), 5, free_of(*hall))
    assert proposal is not None and proposal.stage is Stage.SPLIT
    assert sorted(len(g) for g in proposal.groups) in ([1, 2, 2], [2, 3])


def test_wheelchair_spaces_are_left_out_unless_asked() -> None:
    seats = tuple(
        Seat(f"A-{i}", "Z", "Z", "A", str(i), float(i), 0.0, flags=flag)
        for i, flag in enumerate([SeatFlag.WHEELCHAIR, SeatFlag.COMPANION, SeatFlag.NONE])
    )
    layout = PhysicalLayout("L", "H", "Hall", seats, focal_point=Point(0, -1))
    rows = seat_rows(layout)
    free = np.ones(3, dtype=bool)
    assert (
        best_available(rows, 2, free) is None or best_available(rows, 2, free).stage is Stage.SPLIT
    )
    assert best_available(rows, 2, free, exclude=SeatFlag.NONE).seats == (0, 1)


def test_quality_can_be_overridden_per_plan() -> None:
    hall = ("......",)
    rows = straight_rows(*hall).with_quality([5, 5, 5, 5, 0, 0])
    proposal = best_available(rows, 2, free_of(*hall))
    assert proposal is not None and proposal.seats == (4, 5)
