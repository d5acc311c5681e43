"""Reading plan files into the widget's plain data, without Qt: in this process, or in a
separate one so that parsing a large JSON file never holds the GUI's interpreter lock.

It imports ``planfiles`` and ``domain`` lazily, and never the client (``app``).
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from seatmap_widget.plan import (
    Area,
    ColourTables,
    GaZone,
    SeatPlan,
    SeatStatus,
    State,
    Swatch,
)

if TYPE_CHECKING:
    from domain.best_available import SeatRows
    from domain.venue import PhysicalLayout

DEMOS = ("stadium", "theatre", "concert")


@dataclass(eq=False)
class LoadedPlan:
    plan: SeatPlan
    categories: npt.NDArray[np.int16]
    tables: ColourTables
    focal_point: tuple[float, float] | None
    source: str

    def status(self, sold_share: float = 0.0, seed: int = 0) -> SeatStatus:
        state = np.zeros(self.plan.size, np.uint8)
        if sold_share > 0:
            rng = np.random.default_rng(seed)
            draw = rng.random(self.plan.size)
            state[draw < sold_share] = State.SOLD
            state[(draw >= sold_share) & (draw < sold_share + 0.02)] = State.HELD
            state[(draw >= sold_share + 0.02) & (draw < sold_share + 0.03)] = State.RESERVED
        return SeatStatus.of(self.plan.size, state=state, category=self.categories)

    def seat_rows(self) -> SeatRows:
        from domain.best_available import from_arrays

        plan = self.plan
        rows = plan.row
        blocks = np.zeros(len(plan.row_labels), dtype=np.int32)
        if plan.size:
            blocks[rows] = plan.zone[np.arange(plan.size)]
        return from_arrays(plan.x, plan.y, rows, plan.flags, blocks, focal_point=self.focal_point)


def plan_from_layout(layout: PhysicalLayout) -> LoadedPlan:
    """The widget's plain-data plan of a `domain.venue.PhysicalLayout`."""
    seats = layout.seats
    codes = {c.code: i for i, c in enumerate(layout.categories)}
    zone_names = {z.id: z.name for z in layout.zones}
    plan = SeatPlan.from_columns(
        [s.id for s in seats],
        [s.x for s in seats],
        [s.y for s in seats],
        # blocks are drawn and labelled as zones: "1er balcon" or "B07" in a stadium stand
        [zone_names.get(s.zone, s.zone) if s.block == s.zone else f"{s.block}" for s in seats],
        [s.row for s in seats],
        [s.number for s in seats],
        [int(s.flags) for s in seats],
        shapes=[
            Area(a.shape, tuple((p.x, p.y) for p in a.points), a.label, a.colour)
            for a in layout.areas
        ],
        ga_zones=[
            GaZone(
                z.name,
                tuple((p.x, p.y) for p in z.outline),
                z.capacity,
                codes.get(z.category or "", -1),
            )
            for z in layout.ga_zones
        ],
        name=layout.name,
    )
    categories = np.fromiter(
        (codes.get(s.category or "", -1) for s in seats), dtype=np.int16, count=len(seats)
    )
    tables = ColourTables(
        categories=tuple(Swatch(c.code, c.name, c.colour) for c in layout.categories)
    )
    focal = layout.focal_point
    return LoadedPlan(
        plan, categories, tables, None if focal is None else (focal.x, focal.y), layout.name
    )


def load(source: str, demo: bool = False) -> LoadedPlan:
    """Read a plan file (or a demo venue) into a `LoadedPlan`. Blocking: call it off the GUI
    thread. Raises ``planfiles.PlanError`` (with every problem and its place) on a bad file."""
    import planfiles

    if demo:
        if source == "stadium":
            from resources.demo.stadium import stadium_layout

            return plan_from_layout(stadium_layout())
        name = {"theatre": "le-theatre", "concert": "salle-concert"}[source]
        path = Path(__file__).resolve().parents[1] / "resources" / "demo" / f"{name}.seatplan.json"
        return plan_from_layout(planfiles.read_plan(path, layout_id=name, hall_id=name))
    path = Path(source)
    data = planfiles.read_plan_bytes(path)  # refuses a FIFO, a device or a huge file
    layout = planfiles.parse_plan(data, layout_id="viewer", hall_id="viewer", source=str(path))
    return plan_from_layout(layout)


def load_in_process(source: str, demo: bool = False) -> LoadedPlan:
    """`load` in a fresh child process, returning the compiled arrays (a few ms to receive).

    `json.loads` of a 10 MB plan holds the interpreter lock for a few hundred milliseconds; in
    a thread beside the GUI that shows as a frozen screen, in a child process it does not.
    "spawn" because forking a process that runs Qt threads is unsafe.
    """
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(load, source, demo).result()
