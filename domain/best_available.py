"""Best available: propose N seats for a customer, vectorised with numpy.

The seats of a physical layout are taken in their canonical order (zone → block → row → seat);
two seats are neighbours when they follow each other in the same row and no aisle
(`SeatFlag.AISLE_AFTER`) cuts them. The search goes in stages and stops at the first that
finds an answer:

1. ``SAME_ROW``: N neighbouring seats in one row, leaving no orphan (a single free seat squeezed
   between the group and a taken seat, an aisle or the row's end) when such a group exists;
2. ``TWO_ROWS``: the group split over two consecutive rows of the same block, one above the
   other, again orphan-free first;
3. ``SPLIT``: smaller same-row groups (largest first), never single seats unless N is odd and
   nothing else fits.

Within a stage, the lowest sum of per-seat `quality` wins (default: distance to the layout's
focal point, the stage). Seats the caller does not allow (category, contingent, channel,
accessibility) are never returned, and when nothing fits the answer is ``None``, never a
partial or wrong proposal.

This is only a proposal: the caller holds the seats for real (locally and on the server), and
the server may still answer that they are gone. Plain Python and numpy: no Qt, no I/O.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from domain.venue import PhysicalLayout, SeatFlag

BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.int32]
FloatArray = npt.NDArray[np.float32]

# How many of the best first-row windows the two-row stage pairs up; enough to find a good
# pair, small enough to stay a few milliseconds on 100,000 seats.
_TWO_ROW_CANDIDATES = 400


class Stage(enum.Enum):
    SAME_ROW = "same_row"
    TWO_ROWS = "two_rows"
    SPLIT = "split"


@dataclass(frozen=True, slots=True)
class SeatRows:
    """The columnar form of a layout's seats that the search needs (canonical order).

    ``row``: row number per seat (0..rows-1, in order of appearance); ``cut_after``: no
    adjacency between seat i and seat i+1 (row change or aisle); ``row_block``: block number per
    row, to know which rows lie one behind the other; ``quality``: lower is better.
    """

    x: FloatArray
    y: FloatArray
    row: IntArray
    cut_after: BoolArray
    row_block: IntArray
    flags: npt.NDArray[np.uint8]
    quality: FloatArray

    @property
    def size(self) -> int:
        return int(self.row.shape[0])

    def with_quality(self, quality: npt.ArrayLike) -> SeatRows:
        """The same seats ranked by another per-seat score (lower is better)."""
        values = np.asarray(quality, dtype=np.float32)
        if values.shape != self.row.shape:
            raise ValueError(f"expected {self.size} quality values, got {values.shape}")
        return SeatRows(
            self.x, self.y, self.row, self.cut_after, self.row_block, self.flags, values
        )


def seat_rows(layout: PhysicalLayout, quality: npt.ArrayLike | None = None) -> SeatRows:
    """`SeatRows` of a layout; `quality` overrides the default distance to the focal point."""
    seats = layout.seats
    n = len(seats)
    x = np.fromiter((s.x for s in seats), dtype=np.float32, count=n)
    y = np.fromiter((s.y for s in seats), dtype=np.float32, count=n)
    flags = np.fromiter((int(s.flags) for s in seats), dtype=np.uint8, count=n)
    row_numbers: dict[tuple[str, str, str], int] = {}
    block_numbers: dict[tuple[str, str], int] = {}
    row_block: list[int] = []
    rows = np.empty(n, dtype=np.int32)
    for i, seat in enumerate(seats):
        key = (seat.zone, seat.block, seat.row)
        number = row_numbers.get(key)
        if number is None:
            number = row_numbers[key] = len(row_numbers)
            row_block.append(block_numbers.setdefault((seat.zone, seat.block), len(block_numbers)))
        rows[i] = number
    return _from_layout_arrays(layout, x, y, rows, flags, row_block, quality)


def _from_layout_arrays(
    layout: PhysicalLayout,
    x: FloatArray,
    y: FloatArray,
    rows: IntArray,
    flags: npt.NDArray[np.uint8],
    row_block: Sequence[int],
    quality: npt.ArrayLike | None,
) -> SeatRows:
    focal = layout.focal_point
    return from_arrays(
        x,
        y,
        rows,
        flags,
        np.asarray(row_block, dtype=np.int32),
        focal_point=None if focal is None else (focal.x, focal.y),
        quality=quality,
    )


def from_arrays(
    x: npt.ArrayLike,
    y: npt.ArrayLike,
    row: npt.ArrayLike,
    flags: npt.ArrayLike,
    row_block: npt.ArrayLike,
    *,
    focal_point: tuple[float, float] | None = None,
    quality: npt.ArrayLike | None = None,
) -> SeatRows:
    """`SeatRows` from columns already in canonical order (rows numbered from 0 in order).

    Without `quality`, a seat is as good as it is close to `focal_point` (or, without one, to
    the middle of the front edge of the seats' bounding box).
    """
    xs = np.asarray(x, dtype=np.float32)
    ys = np.asarray(y, dtype=np.float32)
    rows = np.asarray(row, dtype=np.int32)
    seat_flags = np.asarray(flags, dtype=np.uint8)
    blocks = np.asarray(row_block, dtype=np.int32)
    n = rows.shape[0]
    if not xs.shape == ys.shape == seat_flags.shape == (n,):
        raise ValueError("x, y, row and flags must have one value per seat")
    if n and (rows.min() < 0 or rows.max() >= blocks.shape[0]):
        raise ValueError("every row number needs its block in row_block")
    cut = np.ones(n, dtype=np.bool_)
    if n > 1:
        cut[:-1] = (rows[1:] != rows[:-1]) | ((seat_flags[:-1] & SeatFlag.AISLE_AFTER) != 0)
    if quality is None:
        if focal_point is None:
            if n:
                fx, fy = float((xs.min() + xs.max()) / 2), float(ys.min())
            else:
                fx = fy = 0.0
        else:
            fx, fy = focal_point
        score = np.hypot(xs - np.float32(fx), ys - np.float32(fy)).astype(np.float32)
    else:
        score = np.asarray(quality, dtype=np.float32)
        if score.shape != (n,):
            raise ValueError(f"expected {n} quality values, got {score.shape}")
    return SeatRows(xs, ys, rows, cut, blocks, seat_flags, score)


@dataclass(frozen=True, slots=True)
class Proposal:
    """Seat indices (canonical order) proposed, grouped as they sit together, and the stage."""

    seats: tuple[int, ...]
    groups: tuple[tuple[int, ...], ...]
    stage: Stage
    orphans: int  # single free seats the proposal leaves behind


DEFAULT_EXCLUDED = SeatFlag.WHEELCHAIR | SeatFlag.COMPANION


def best_available(
    rows: SeatRows,
    count: int,
    free: npt.ArrayLike,
    allowed: npt.ArrayLike | None = None,
    *,
    exclude: SeatFlag = DEFAULT_EXCLUDED,
    stages: Sequence[Stage] = (Stage.SAME_ROW, Stage.TWO_ROWS, Stage.SPLIT),
) -> Proposal | None:
    """The best `count` seats among those `free` (and `allowed`, and without `exclude` flags).

    `free`: the seat is free for this performance (any category: orphans are judged on it);
    `allowed`: this channel may sell it in the asked categories and contingents. ``None`` when
    no stage finds `count` seats.
    """
    n = rows.size
    free_mask = np.asarray(free, dtype=np.bool_)
    if free_mask.shape != (n,):
        raise ValueError(f"free must have {n} values")
    selectable = free_mask.copy()
    if allowed is not None:
        allowed_mask = np.asarray(allowed, dtype=np.bool_)
        if allowed_mask.shape != (n,):
            raise ValueError(f"allowed must have {n} values")
        selectable &= allowed_mask
    if exclude:
        selectable &= (rows.flags & np.uint8(int(exclude))) == 0
    if count <= 0 or count > int(selectable.sum()):
        return None
    search = _Search(rows, free_mask, selectable)
    for stage in stages:
        found: Proposal | None
        if stage is Stage.SAME_ROW:
            found = search.same_row(count)
        elif stage is Stage.TWO_ROWS:
            found = search.two_rows(count)
        else:
            found = search.split(count)
        if found is not None:
            return found
    return None


class _Search:
    """Precomputed runs of one search; each method is one stage."""

    def __init__(self, rows: SeatRows, free: BoolArray, selectable: BoolArray) -> None:
        self.rows = rows
        self.free = free
        self.selectable = selectable
        n = rows.size
        index = np.arange(n, dtype=np.int64)
        # Runs of free seats within a row segment, for the orphan rule: a run starts where the
        # seat is free and the previous one is not free or not a neighbour.
        neighbour_before = np.zeros(n, dtype=np.bool_)
        if n > 1:
            neighbour_before[1:] = ~rows.cut_after[:-1]
        free_before = np.zeros(n, dtype=np.bool_)
        free_before[1:] = free[:-1]
        starts = free & ~(neighbour_before & free_before)
        self.run_start = np.maximum.accumulate(np.where(starts, index, 0))
        neighbour_after = ~rows.cut_after
        free_after = np.zeros(n, dtype=np.bool_)
        free_after[:-1] = free[1:]
        ends = free & ~(neighbour_after & free_after)
        end_at = np.where(ends, index + 1, n + 1)
        self.run_end = np.minimum.accumulate(end_at[::-1])[::-1]
        # Links i→i+1 usable inside a proposed group.
        link = np.zeros(n, dtype=np.int64)
        if n > 1:
            link[:-1] = selectable[:-1] & selectable[1:] & ~rows.cut_after[:-1]
        self.links = np.concatenate(([0], np.cumsum(link)))
        self.quality_sum = np.concatenate(([0.0], np.cumsum(rows.quality, dtype=np.float64)))
        self.n = n

    def windows(self, size: int) -> npt.NDArray[np.int64]:
        """Starts of every run of `size` neighbouring selectable seats."""
        if size > self.n:
            return np.empty(0, dtype=np.int64)
        starts = np.arange(self.n - size + 1, dtype=np.int64)
        ok = self.selectable[starts] & (
            self.links[starts + size - 1] - self.links[starts] == size - 1
        )
        found: npt.NDArray[np.int64] = starts[ok]
        return found

    def orphans(self, starts: npt.NDArray[np.int64], size: int) -> npt.NDArray[np.int64]:
        """Orphans (0, 1 or 2) each window would leave in its run of free seats."""
        left = starts - self.run_start[starts]
        right = self.run_end[starts] - (starts + size)
        counted: npt.NDArray[np.int64] = (left == 1).astype(np.int64) + (right == 1).astype(
            np.int64
        )
        return counted

    def score(self, starts: npt.NDArray[np.int64], size: int) -> npt.NDArray[np.float64]:
        result: npt.NDArray[np.float64] = self.quality_sum[starts + size] - self.quality_sum[starts]
        return result

    def same_row(self, size: int) -> Proposal | None:
        starts = self.windows(size)
        if starts.size == 0:
            return None
        orphans = self.orphans(starts, size)
        best = _best(self.score(starts, size), orphans)
        seats = tuple(range(int(starts[best]), int(starts[best]) + size))
        return Proposal(seats, (seats,), Stage.SAME_ROW, int(orphans[best]))

    def two_rows(self, size: int) -> Proposal | None:
        if size < 2:
            return None
        front_size = (size + 1) // 2
        back_size = size - front_size
        fronts = self.windows(front_size)
        backs = self.windows(back_size)
        if fronts.size == 0 or backs.size == 0:
            return None
        rows = self.rows
        front_orphans = self.orphans(fronts, front_size)
        back_orphans = self.orphans(backs, back_size)
        front_scores = self.score(fronts, front_size)
        back_scores = self.score(backs, back_size)
        back_rows = rows.row[backs]
        order = np.argsort(back_rows, kind="stable")
        backs, back_rows = backs[order], back_rows[order]
        back_orphans, back_scores = back_orphans[order], back_scores[order]
        back_cx = _centres(rows.x, backs, back_size)
        back_cy = _centres(rows.y, backs, back_size)
        pitch = _seat_pitch(rows)
        ranking = np.lexsort((front_scores, front_orphans))[:_TWO_ROW_CANDIDATES]
        best: tuple[int, float, int, int] | None = None  # orphans, score, front, back
        for k in ranking:
            start = int(fronts[k])
            row = int(rows.row[start])
            block = rows.row_block[row]
            cx = float(_centres(rows.x, fronts[k : k + 1], front_size)[0])
            cy = float(_centres(rows.y, fronts[k : k + 1], front_size)[0])
            for other in (row - 1, row + 1):
                if other < 0 or other >= rows.row_block.shape[0] or rows.row_block[other] != block:
                    continue
                lo = int(np.searchsorted(back_rows, other, "left"))
                hi = int(np.searchsorted(back_rows, other, "right"))
                if lo == hi:
                    continue
                distance = np.hypot(back_cx[lo:hi] - cx, back_cy[lo:hi] - cy)
                # one behind the other: centres within about a seat and a half of each other
                # along the row, and one row apart
                near = distance <= pitch * (1.5 + size / 4) + _row_pitch(rows, pitch)
                if not near.any():
                    continue
                candidates = np.flatnonzero(near) + lo
                total = back_scores[candidates] + front_scores[k] + distance[near]
                orphans = back_orphans[candidates] + front_orphans[k]
                pick = _best(total, orphans)
                key = (int(orphans[pick]), float(total[pick]), int(k), int(candidates[pick]))
                if best is None or key[:2] < best[:2]:
                    best = key
        if best is None:
            return None
        front = tuple(range(int(fronts[best[2]]), int(fronts[best[2]]) + front_size))
        back = tuple(range(int(backs[best[3]]), int(backs[best[3]]) + back_size))
        seats = tuple(sorted(front + back))
        return Proposal(seats, (front, back), Stage.TWO_ROWS, best[0])

    def split(self, size: int) -> Proposal | None:
        """Greedy: the largest same-row group that fits, then the next for the rest; single
        seats only when no group of two fits any more."""
        selectable = self.selectable.copy()
        free = self.free.copy()
        groups: list[tuple[int, ...]] = []
        left = size
        orphans = 0
        while left > 0:
            placed = False
            for group_size in range(min(left, size - 1), 1, -1):
                search = _Search(self.rows, free, selectable)
                starts = search.windows(group_size)
                if starts.size == 0:
                    continue
                group_orphans = search.orphans(starts, group_size)
                best = _best(search.score(starts, group_size), group_orphans)
                start = int(starts[best])
                groups.append(tuple(range(start, start + group_size)))
                selectable[start : start + group_size] = False
                free[start : start + group_size] = False
                orphans += int(group_orphans[best])
                left -= group_size
                placed = True
                break
            if not placed:
                singles = np.flatnonzero(selectable)
                if singles.size < left:
                    return None
                chosen = singles[np.argsort(self.rows.quality[singles], kind="stable")[:left]]
                groups.extend((int(i),) for i in np.sort(chosen))
                left = 0
        seats = tuple(sorted(i for g in groups for i in g))
        return Proposal(seats, tuple(groups), Stage.SPLIT, orphans)


def _best(scores: npt.NDArray[np.float64], orphans: npt.NDArray[np.int64]) -> int:
    """Index of the best candidate: fewest orphans, then lowest score, then first."""
    return int(np.lexsort((scores, orphans))[0])


def _centres(
    values: FloatArray, starts: npt.NDArray[np.int64], size: int
) -> npt.NDArray[np.float64]:
    total = np.zeros(starts.shape[0], dtype=np.float64)
    for offset in range(size):
        total += values[starts + offset]
    result: npt.NDArray[np.float64] = total / size
    return result


def _seat_pitch(rows: SeatRows) -> float:
    """Typical distance between two neighbouring seats (plan units)."""
    neighbours = np.flatnonzero(~rows.cut_after[:-1]) if rows.size > 1 else np.empty(0, np.int64)
    if neighbours.size == 0:
        return 1.0
    sample = neighbours[:: max(1, neighbours.size // 2000)]
    d = np.hypot(rows.x[sample + 1] - rows.x[sample], rows.y[sample + 1] - rows.y[sample])
    value = float(np.median(d))
    return value if math.isfinite(value) and value > 0 else 1.0


def _row_pitch(rows: SeatRows, seat_pitch: float) -> float:
    """How far apart two consecutive rows may be: a row depth is about 1.5 seat pitches."""
    return 1.5 * seat_pitch


def orphans_left(rows: SeatRows, free: npt.ArrayLike, taken: Sequence[int]) -> int:
    """How many single free seats remain between taken seats, aisles and row ends once
    `taken` are taken (and were free). Used by tests and by callers judging a manual choice."""
    after = np.asarray(free, dtype=np.bool_).copy()
    after[list(taken)] = False
    n = rows.size
    if n == 0:
        return 0
    prev_ok = np.zeros(n, dtype=np.bool_)
    prev_ok[1:] = after[:-1] & ~rows.cut_after[:-1]
    next_ok = np.zeros(n, dtype=np.bool_)
    next_ok[:-1] = after[1:] & ~rows.cut_after[:-1]
    single = after & ~prev_ok & ~next_ok
    # Only a single seat next to one of the taken seats counts: others were there before.
    touched = np.zeros(n, dtype=np.bool_)
    idx = np.asarray(list(taken), dtype=np.int64)
    if idx.size:
        left = idx[idx > 0] - 1
        left = left[~rows.cut_after[left]]
        right = idx[idx < n - 1] + 1
        right = right[~rows.cut_after[right - 1]]
        touched[left] = True
        touched[right] = True
    return int((single & touched).sum())
