"""Where seats are: a uniform grid over seat positions for hit tests, numpy masks for rectangles
and directions. Plain numpy in plan coordinates; no Qt, and no Python loop over seats.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt


class SeatGrid:
    """Seats bucketed into square cells of about one seat pitch, sorted by cell.

    A point query looks at the 3 × 3 cells around the point: a handful of binary searches and
    a few dozen distances, whatever the plan's size.
    """

    def __init__(self, x: npt.NDArray[np.float32], y: npt.NDArray[np.float32], cell: float):
        self.x = x
        self.y = y
        self.cell = max(float(cell), 1e-6)
        n = x.shape[0]
        if n:
            self.x0 = float(x.min())
            self.y0 = float(y.min())
            cx = ((x - self.x0) / self.cell).astype(np.int64)
            cy = ((y - self.y0) / self.cell).astype(np.int64)
            self.columns = int(cx.max()) + 3
        else:
            self.x0 = self.y0 = 0.0
            cx = cy = np.empty(0, np.int64)
            self.columns = 3
        keys = cy * self.columns + cx
        self.order = np.argsort(keys, kind="stable").astype(np.int32)
        self.keys = keys[self.order]

    def nearest(self, px: float, py: float, radius: float) -> int:
        """The seat closest to (px, py) within `radius`, or -1."""
        if self.keys.size == 0 or not (math.isfinite(px) and math.isfinite(py)):
            return -1
        reach = max(1, math.ceil(radius / self.cell))
        cx = math.floor((px - self.x0) / self.cell)
        cy = math.floor((py - self.y0) / self.cell)
        if cx < -reach or cy < -reach or cx > self.columns + reach:
            return -1
        pieces = []
        for row in range(cy - reach, cy + reach + 1):
            if row < 0:
                continue
            lo_x = max(cx - reach, 0)
            hi_x = min(cx + reach, self.columns - 1)
            if hi_x < lo_x:
                continue
            lo = int(np.searchsorted(self.keys, row * self.columns + lo_x, "left"))
            hi = int(np.searchsorted(self.keys, row * self.columns + hi_x, "right"))
            if hi > lo:
                pieces.append(self.order[lo:hi])
        if not pieces:
            return -1
        candidates = np.concatenate(pieces)
        d2 = (self.x[candidates] - px) ** 2 + (self.y[candidates] - py) ** 2
        best = int(np.argmin(d2))
        if float(d2[best]) > radius * radius:
            return -1
        return int(candidates[best])


def in_rect(
    x: npt.NDArray[np.float32],
    y: npt.NDArray[np.float32],
    left: float,
    top: float,
    right: float,
    bottom: float,
) -> npt.NDArray[np.bool_]:
    """Mask of seats inside a rectangle (plan coordinates, any corner order)."""
    x0, x1 = sorted((left, right))
    y0, y1 = sorted((top, bottom))
    mask: npt.NDArray[np.bool_] = (x >= x0) & (x <= x1) & (y >= y0) & (y <= y1)
    return mask


def step(
    x: npt.NDArray[np.float32],
    y: npt.NDArray[np.float32],
    origin: int,
    dx: float,
    dy: float,
    candidates: npt.NDArray[np.bool_] | None = None,
) -> int:
    """The seat to move a keyboard focus to from `origin` in direction (dx, dy), or -1.

    Seats ahead within a 45° cone are preferred; the cost favours little sideways drift so
    the focus follows a row or a column as the eye expects.
    """
    if origin < 0 or origin >= x.shape[0]:
        return -1
    vx = x - x[origin]
    vy = y - y[origin]
    along = vx * dx + vy * dy
    across = np.abs(vx * dy - vy * dx)
    ahead = along > 1e-6
    if candidates is not None:
        ahead &= candidates
    cone = ahead & (across <= along)
    pool = cone if cone.any() else ahead
    if not pool.any():
        return -1
    cost = np.where(pool, along + 3.0 * across, np.inf)
    return int(np.argmin(cost))
