"""The standalone viewer: ``python -m seatmap_widget FILE`` or ``--demo stadium``.

It opens any plan file (our ``guichet.seatplan`` or a pretix seating plan) or a demo venue,
shows it with the legend, hover details and a best-available box, and can paint random
states to look at a busy plan. Plan files are read and compiled off the GUI thread.
(`SeatPlan.save`/`load` give the compiled ``.npz`` form a caller can cache; the viewer does not
keep one yet.)

This module is the only place of the package that reads plan files: it imports ``planfiles``
and ``domain`` (for best available) lazily, and never the client (``app``).
"""

from __future__ import annotations

import argparse
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from seatmap_widget.legend import SeatMapLegend
from seatmap_widget.plan import (
    Area,
    ColourTables,
    GaZone,
    SeatPlan,
    SeatStatus,
    State,
    Swatch,
)
from seatmap_widget.widget import SeatMapWidget

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
    try:
        data = path.read_bytes()
    except OSError as error:
        raise planfiles.PlanError(
            [planfiles.Problem(str(path), f"cannot read the file: {error.strerror or error}")],
            source=str(path),
        ) from None
    layout = planfiles.parse_plan(data, layout_id="viewer", hall_id="viewer", source=str(path))
    return plan_from_layout(layout)


class _Loader(QObject):
    done = Signal(object)
    failed = Signal(object)


class ViewerWindow(QMainWindow):
    """The viewer: the map, its legend, a best-available box and a status line."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.setWindowTitle(title)
        self.loaded: LoadedPlan | None = None
        self._rows: Any = None
        self.seat_map = SeatMapWidget()
        self.legend = SeatMapLegend(self.seat_map)
        self.count = QSpinBox()
        self.count.setRange(1, 20)
        self.count.setValue(2)
        self.count.setAccessibleName(self.tr("Number of seats"))
        self.best = QPushButton(self.tr("Best available"))
        self.best.setMinimumHeight(44)
        self.line = QLabel(self.tr("Loading…"))
        self.line.setWordWrap(True)
        side = QVBoxLayout()
        side.addWidget(self.legend)
        search = QHBoxLayout()
        search.addWidget(self.count)
        search.addWidget(self.best)
        side.addLayout(search)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.seat_map, 1)
        body.addLayout(side)
        outer = QVBoxLayout()
        outer.addLayout(body, 1)
        outer.addWidget(self.line)
        central = QWidget()
        central.setLayout(outer)
        self.setCentralWidget(central)
        self.resize(1400, 860)
        self.best.clicked.connect(self.propose)
        self.seat_map.seat_hovered.connect(self._hovered)
        self.seat_map.selection_changed.connect(self._selected)
        self._loader = _Loader(self)
        self._loader.done.connect(self.show_plan)
        self._loader.failed.connect(self.show_error)

    def load_in_background(self, source: str, demo: bool, sold_share: float) -> None:
        def run() -> None:
            try:
                loaded = load(source, demo)
                self._loader.done.emit((loaded, loaded.status(sold_share)))
            except Exception as error:  # shown to the person, whatever it is
                self._loader.failed.emit(error)

        threading.Thread(target=run, name="plan-loader", daemon=True).start()

    def show_plan(self, result: tuple[LoadedPlan, SeatStatus]) -> None:
        loaded, status = result
        self.loaded = loaded
        self._rows = None
        self.seat_map.set_plan(loaded.plan, status, loaded.tables)
        self.setWindowTitle(loaded.source)
        self.line.setText(
            self.tr("%1 seats. Wheel or +/- to zoom, drag to pan, Shift+drag to select.").replace(
                "%1", str(loaded.plan.size)
            )
        )
        self.seat_map.setFocus()

    def show_error(self, error: BaseException) -> None:
        self.line.setText(self.tr("This plan cannot be shown: %1").replace("%1", str(error)))

    def propose(self) -> None:
        if self.loaded is None:
            return
        from domain.best_available import best_available

        if self._rows is None:
            self._rows = self.loaded.seat_rows()
        status = self.seat_map.status
        free = status.state == State.FREE
        proposal = best_available(self._rows, self.count.value(), free, status.sellable)
        if proposal is None:
            self.seat_map.clear_proposal()
            self.line.setText(self.tr("No seats fit this request."))
            return
        self.seat_map.show_proposal(list(proposal.seats), editable=True)

    def _hovered(self, index: int) -> None:
        if index >= 0:
            self.line.setText(self.seat_map.describe(index).replace("\n", " · "))

    def _selected(self) -> None:
        ids = self.seat_map.selected_ids()
        if ids:
            self.line.setText(
                self.tr("Selected: %1").replace(
                    "%1", ", ".join(ids[:12]) + (" …" if len(ids) > 12 else "")
                )
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m seatmap_widget", description=__doc__)
    parser.add_argument("file", nargs="?", help="a guichet.seatplan or pretix plan file")
    parser.add_argument("--demo", choices=DEMOS, help="open a demo venue instead of a file")
    parser.add_argument(
        "--sold", type=float, default=0.0, help="share of seats shown sold, e.g. 0.5"
    )
    args = parser.parse_args(argv)
    if not args.file and not args.demo:
        parser.error("give a plan FILE or --demo " + "|".join(DEMOS))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = ViewerWindow(args.file or args.demo)
    window.show()
    window.load_in_background(args.demo or args.file, bool(args.demo), args.sold)
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
