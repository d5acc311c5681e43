"""The standalone viewer: ``python -m seatmap_widget FILE`` or ``--demo stadium``.

It opens any plan file (our ``guichet.seatplan`` or a pretix seating plan) or a demo venue,
shows it with the legend, hover details and a best-available box, and can paint random
states to look at a busy plan. Plan files are read and compiled off the GUI thread, large ones
in a child process (`seatmap_widget.loading`), so the screen never freezes on a stadium.
(`SeatPlan.save`/`load` give the compiled ``.npz`` form a caller can cache; the viewer does not
keep one yet.)

It imports ``domain`` (for best available) lazily, and never the client (``app``).
"""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
from seatmap_widget.loading import DEMOS, LoadedPlan, load, load_in_process
from seatmap_widget.plan import (
    SeatStatus,
    State,
)
from seatmap_widget.widget import SeatMapWidget

if TYPE_CHECKING:
    pass


# Above this, parsing holds the interpreter lock long enough to freeze the screen (about 80 ms
# per 2 MB); a child process costs about half a second to start, so small plans stay here.
LARGE_PLAN_BYTES = 2_000_000


def _large(source: str, demo: bool) -> bool:
    if demo:
        return source == "stadium"
    try:
        return Path(source).stat().st_size > LARGE_PLAN_BYTES
    except OSError:
        return False


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
                big = _large(source, demo)
                loaded = load_in_process(source, demo) if big else load(source, demo)
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
