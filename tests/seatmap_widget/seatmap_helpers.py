"""A small plan with every state, two categories, two contingents, an aisle, a stage and a GA
zone: enough to exercise every look of the seat map."""

from __future__ import annotations

from seatmap_widget import (
    Area,
    ColourTables,
    Flag,
    GaZone,
    SeatMapWidget,
    SeatPlan,
    SeatStatus,
    State,
    Swatch,
)

ROWS = ("A", "B", "C")
PER_ROW = 8
PITCH = 10.0


def small_plan() -> SeatPlan:
    ids, xs, ys, zones, rows, numbers, flags = [], [], [], [], [], [], []
    for r, row in enumerate(ROWS):
        for n in range(1, PER_ROW + 1):
            ids.append(f"{row}-{n}")
            # an aisle after seat 4: a wider gap on the plan, and no adjacency
            xs.append(20 + n * PITCH + (PITCH if n > 4 else 0))
            ys.append(40 + r * PITCH * 1.2)
            zones.append("Stalls")
            rows.append(row)
            numbers.append(str(n))
            flags.append(int(Flag.AISLE_AFTER) if n == 4 else 0)
    return SeatPlan.from_columns(
        ids,
        xs,
        ys,
        zones,
        rows,
        numbers,
        flags,
        shapes=[Area("rectangle", ((40.0, 5.0), (90.0, 20.0)), "Stage", "#5d4037")],
        ga_zones=[
            GaZone("Pit", ((140.0, 35.0), (175.0, 35.0), (175.0, 70.0), (140.0, 70.0)), 50, 1, 42)
        ],
        name="Small",
    )


def small_status(plan: SeatPlan) -> SeatStatus:
    state = [State.FREE] * plan.size
    for i, s in zip(
        (1, 2, 3, 4, 5, 9),
        (State.HELD, State.BLOCKED, State.RESERVED, State.SOLD, State.INVALID, State.SOLD),
        strict=True,
    ):
        state[i] = s
    category = [0 if i < PER_ROW else 1 for i in range(plan.size)]
    contingent = [-1] * plan.size
    contingent[16:20] = [0, 0, 0, 0]
    contingent[20:24] = [1, 1, 1, 1]
    sellable = [True] * plan.size
    sellable[20:24] = [False] * 4  # contingent 1 is not for this channel
    held = [False] * plan.size
    held[12] = True
    return SeatStatus.of(
        plan.size,
        state=[int(s) for s in state],
        category=category,
        contingent=contingent,
        sellable=sellable,
        held_by_me=held,
    )


TABLES = ColourTables(
    categories=(Swatch("C1", "Cat 1", "#E69F00"), Swatch("C2", "Cat 2", "#56B4E9")),
    contingents=(Swatch("BOX", "Box office", "#0072B2"), Swatch("EXT", "Agency", "#CC79A7")),
)


def make_widget(qtbot: object, width: int = 400, height: int = 240) -> SeatMapWidget:
    widget = SeatMapWidget()
    qtbot.addWidget(widget)  # type: ignore[attr-defined]
    widget.resize(width, height)
    plan = small_plan()
    widget.set_plan(plan, small_status(plan), TABLES)
    widget.show()
    qtbot.waitExposed(widget)  # type: ignore[attr-defined]
    return widget
