"""The seat map of a performance: the service's plan data turned into the widget's plain data,
and best available run for the cashier's request.

`seat_map_data` is numpy work that may run on a lane (it takes a few milliseconds for a big
plan). Nothing here holds seats: a proposal is only shown; selling holds them for real.
"""

from __future__ import annotations

import numpy as np

from app.services.browsing import STATE_CODES, PerformancePlan
from domain.best_available import Proposal, best_available
from seatmap_widget import (
    Area,
    ColourTables,
    GaZone,
    SeatPlan,
    SeatStatus,
    State,
    Swatch,
)

# The widget's state code of each service state code (they are matched by name).
_WIDGET_STATE = np.array([State[state.name].value for state in STATE_CODES], dtype=np.uint8)


def seat_map_data(plan: PerformancePlan) -> tuple[SeatPlan, SeatStatus, ColourTables]:
    seat_plan = SeatPlan.from_columns(
        plan.seat_ids,
        plan.x,
        plan.y,
        plan.zones,
        plan.row_labels,
        plan.numbers,
        plan.flags,
        shapes=[Area(a.shape, a.points, a.label, a.colour) for a in plan.areas],
        ga_zones=[
            GaZone(z.name, z.outline, z.capacity, z.category, z.places_left) for z in plan.standing
        ],
        name=plan.name,
    )
    status = SeatStatus.of(
        seat_plan.size,
        state=_WIDGET_STATE[plan.states],
        category=plan.category,
        contingent=plan.contingent,
        sellable=plan.sellable,
    )
    tables = ColourTables(
        categories=tuple(Swatch(c.code, c.name, c.colour) for c in plan.categories),
        contingents=tuple(Swatch(c.code, c.name, c.colour) for c in plan.contingents),
    )
    return seat_plan, status, tables


def propose(plan: PerformancePlan, status: SeatStatus, count: int) -> Proposal | None:
    """Best available for `count` seats among those free and sellable here now."""
    free = status.state == State.FREE
    return best_available(plan.rows, count, free, status.sellable)
