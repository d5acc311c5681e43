"""A short account of a layout (counts, capacities, extent) for technicians.

Used by ``guichet plan check`` and by import screens. Pure computation on a `PhysicalLayout`;
it must not read files or print.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from domain.venue import PhysicalLayout, SeatFlag


@dataclass(frozen=True, slots=True)
class PlanSummary:
    name: str
    seats: int
    zones: int  # zones of numbered seats
    rows: int  # distinct (zone, block, row)
    categories: int
    seats_per_category: tuple[tuple[str, int], ...]  # in the plan's order; "(none)" last
    ga_zones: int
    ga_capacity: int
    bounding_box: tuple[float, float, float, float]  # min x, min y, max x, max y of the seats
    width: float
    height: float
    wheelchair_spaces: int
    companion_seats: int

    @property
    def capacity(self) -> int:
        return self.seats + self.ga_capacity


def summarize(layout: PhysicalLayout) -> PlanSummary:
    per_category = Counter(s.category for s in layout.seats)
    ordered = [(c.code, per_category.get(c.code, 0)) for c in layout.categories]
    if per_category.get(None):
        ordered.append(("(none)", per_category[None]))
    return PlanSummary(
        name=layout.name,
        seats=len(layout.seats),
        zones=len(layout.zones),
        rows=len({(s.zone, s.block, s.row) for s in layout.seats}),
        categories=len(layout.categories),
        seats_per_category=tuple(ordered),
        ga_zones=len(layout.ga_zones),
        ga_capacity=layout.standing_capacity,
        bounding_box=layout.bounding_box(),
        width=layout.width,
        height=layout.height,
        wheelchair_spaces=sum(1 for s in layout.seats if s.flags & SeatFlag.WHEELCHAIR),
        companion_seats=sum(1 for s in layout.seats if s.flags & SeatFlag.COMPANION),
    )


def format_summary(summary: PlanSummary) -> str:
    """The summary as a few aligned lines for a terminal."""
    x0, y0, x1, y1 = summary.bounding_box
    lines = [
        f"plan:              {summary.name}",
        f"seats:             {summary.seats:,}",
        f"zones:             {summary.zones}",
        f"rows:              {summary.rows:,}",
        f"categories:        {summary.categories}",
    ]
    lines += [f"  {code:<16} {count:,}" for code, count in summary.seats_per_category]
    lines += [
        f"standing zones:    {summary.ga_zones} (capacity {summary.ga_capacity:,})",
        f"total capacity:    {summary.capacity:,}",
        f"wheelchair spaces: {summary.wheelchair_spaces} ({summary.companion_seats} companion)",
        f"size:              {summary.width:g} x {summary.height:g}",
        f"seats extent:      ({x0:g}, {y0:g}) - ({x1:g}, {y1:g})",
    ]
    return "\n".join(lines)
