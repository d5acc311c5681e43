"""seatmap_widget: a reusable Qt seat-plan widget, smooth at 100,000 seats.

Give `SeatMapWidget.set_plan` a `SeatPlan` (numpy columns: ids, positions, zone/row/number
labels, flags; GA zones; shapes such as the stage), a `SeatStatus` (state, category,
contingent, sellable, held by this till) and `ColourTables`; listen to its signals
(`selection_changed`, `seat_hovered`, `seat_activated`, `confirmed`). `SeatMapLegend` adds the
colour-mode switch and the state counts. ``python -m seatmap_widget FILE`` views a plan file.

The package knows no prices, orders or database and never imports the client (``app``); it
imports only numpy and Qt, so it can be published alone.
"""

from seatmap_widget.legend import SeatMapLegend
from seatmap_widget.looks import ColourMode, SeatShape
from seatmap_widget.plan import (
    Area,
    ColourTables,
    Flag,
    GaZone,
    SeatPlan,
    SeatStatus,
    State,
    Swatch,
)
from seatmap_widget.widget import UPDATE_INTERVAL_MS, SeatMapWidget

__all__ = [
    "UPDATE_INTERVAL_MS",
    "Area",
    "ColourMode",
    "ColourTables",
    "Flag",
    "GaZone",
    "SeatMapLegend",
    "SeatMapWidget",
    "SeatPlan",
    "SeatShape",
    "SeatStatus",
    "State",
    "Swatch",
]
