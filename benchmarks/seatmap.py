"""Seat-map figures: the widget on the 100,000-seat stadium and on Le Théâtre, offscreen at
1920×1080, and the same figures for a naive QGraphicsScene (one item per seat) as baseline.

Prints ONE JSON object. Times are milliseconds (hit tests: microseconds); p95 is the 95th
percentile. Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/seatmap.py``
(``--quick`` for fewer rounds). A benchmark, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QPoint, QPointF, QRectF, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter, QWheelEvent  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QGraphicsEllipseItem,
    QGraphicsScene,
)

from domain.best_available import best_available  # noqa: E402
from seatmap_widget import SeatMapWidget, SeatPlan, SeatStatus, State  # noqa: E402
from seatmap_widget.loading import LoadedPlan, load_in_process, plan_from_layout  # noqa: E402

W, H = 1920, 1080


def stats(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median": round(statistics.median(ordered), 3), "p95": round(p95, 3)}


def timed(fn: Callable[[], object], rounds: int, warmup: int = 2) -> list[float]:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def import_off_gui_thread(app: QApplication, read: Callable[[], LoadedPlan]) -> dict[str, Any]:
    """Parse and compile in a worker while a 16 ms GUI heartbeat runs; report its worst gap."""
    result: dict[str, Any] = {}
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def beat() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(16)
    timer.timeout.connect(beat)
    timer.start()

    def work() -> None:
        start = time.perf_counter()
        result["plan"] = read()
        result["ms"] = (time.perf_counter() - start) * 1000

    worker = threading.Thread(target=work)
    worker.start()
    while worker.is_alive():
        app.processEvents()
        time.sleep(0.002)
    timer.stop()
    return {
        "import_json_ms": round(result["ms"], 1),
        "gui_heartbeat_max_gap_ms": max(gaps, default=0.0),
        "plan": result["plan"],
    }


def frame_figures(
    app: QApplication, loaded: LoadedPlan, rounds: int, rng: np.random.Generator
) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    n = loaded.plan.size
    state = np.where(rng.random(n) < 0.5, State.SOLD, State.FREE).astype(np.uint8)
    status = SeatStatus.of(n, state=state, category=loaded.categories)

    # plan load from the cached form (.npz) to the first frame
    with tempfile.TemporaryDirectory() as folder:
        cache = Path(folder) / "plan.npz"
        loaded.plan.save(cache)
        image = QImage(W, H, QImage.Format.Format_ARGB32_Premultiplied)
        loads = []
        for _ in range(max(3, rounds // 10)):
            gc.collect()
            start = time.perf_counter()
            plan = SeatPlan.load(cache)
            widget = SeatMapWidget()
            widget.resize(W, H)
            widget.set_plan(plan, SeatStatus.of(n, state=state, category=loaded.categories))
            widget.render(image)
            loads.append((time.perf_counter() - start) * 1000)
            widget.deleteLater()
        figures["cache_load_to_first_frame_ms"] = stats(loads)
        figures["cache_file_bytes"] = cache.stat().st_size

    # memory per seat: what the plan, its status and the widget's own arrays allocate
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    plan = _copy_plan(loaded.plan)
    widget = SeatMapWidget()
    widget.resize(W, H)
    widget.set_plan(plan, status)
    image = QImage(W, H, QImage.Format.Format_ARGB32_Premultiplied)
    widget.render(image)
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    figures["seat_data_bytes_per_seat"] = round((after - before) / n, 1)

    def full_frame() -> None:
        widget.invalidate()
        widget.render(image)

    views = {"fit": 1.0, "zoom_x4": 4.0, "zoom_x16": 16.0}
    for name, factor in views.items():
        zoom_on_seats(widget, factor)
        visible = _visible(widget)
        samples = timed(full_frame, rounds)
        figures[f"full_repaint_{name}_ms"] = {**stats(samples), "visible_seats": visible}

    # python calls made by one full frame (must not grow with the number of seats)
    widget.fit()
    calls = [0]

    def count(frame: Any, event: str, arg: Any) -> None:
        if event in ("call", "c_call"):
            calls[0] += 1

    widget.invalidate()
    sys.setprofile(count)
    widget.render(image)
    sys.setprofile(None)
    figures["python_calls_per_full_frame_fit"] = calls[0]

    # pan: the drag shifts the cached layer; the layer is rebuilt once the gesture pauses
    zoom_on_seats(widget, 2.0)
    widget.render(image)

    def pan_frame() -> None:
        widget.pan_by(3.0, 2.0)
        widget.render(image)

    figures["pan_frame_ms"] = stats(timed(pan_frame, rounds))
    widget._settle.stop()

    # wheel event to frame, on a shown widget
    shown = SeatMapWidget()
    shown.resize(W, H)
    shown.set_plan(_copy_plan(loaded.plan), SeatStatus.of(n, state=state.copy()))
    shown.show()
    app.processEvents()
    centre = QPointF(W / 2, H / 2)
    samples = []
    for i in range(rounds):
        delta = 120 if (i // 10) % 2 == 0 else -120
        event = QWheelEvent(
            centre,
            shown.mapToGlobal(centre),
            QPoint(0, 0),
            QPoint(0, delta),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        start = time.perf_counter()
        QApplication.sendEvent(shown, event)
        shown.repaint()
        samples.append((time.perf_counter() - start) * 1000)
    figures["wheel_to_frame_ms"] = stats(samples)
    shown.close()

    # hit test at seat centres
    zoom_on_seats(widget, 4.0)
    seats = rng.choice(n, size=500)
    points = [widget.seat_centre(int(s)) for s in seats]
    hits = []
    ok = 0
    for s, p in zip(seats, points, strict=True):
        start = time.perf_counter()
        found = widget.seat_at(p)
        hits.append((time.perf_counter() - start) * 1e6)
        ok += found == s
    figures["hit_test_us"] = {**stats(hits), "exact": f"{ok}/{len(seats)}"}

    # rubber band around about 5,000 selectable seats
    widget.fit()
    band, inside = _band_for(widget, 5000)
    band_samples = []
    for _ in range(max(5, rounds // 5)):
        widget.clear_selection()
        start = time.perf_counter()
        widget.select_in_rect(band)
        band_samples.append((time.perf_counter() - start) * 1000)
    figures["rubber_band_ms"] = {
        **stats(band_samples),
        "selected": int(widget.selected_indices().size),
        "seats_in_band": inside,
    }
    widget.clear_selection()

    # 1,000 state updates (ids from "the server"), applied and repainted
    widget.fit()
    widget.render(image)
    ids = [str(i) for i in loaded.plan.ids]
    update_samples = []
    for _ in range(max(5, rounds // 5)):
        batch = [ids[int(i)] for i in rng.choice(n, size=1000, replace=False)]
        states = rng.choice([State.FREE, State.HELD, State.SOLD], size=1000)
        start = time.perf_counter()
        widget.apply_states(batch, states)
        widget.flush_updates()
        widget.render(image)
        update_samples.append((time.perf_counter() - start) * 1000)
    figures["updates_1000_applied_and_repainted_ms"] = stats(update_samples)

    # best available, half of the seats sold at random
    rows = loaded.seat_rows()
    free = state == State.FREE
    for count in (2, 4, 8):
        proposal = best_available(rows, count, free)
        samples = timed(lambda c=count: best_available(rows, c, free), max(5, rounds // 5))
        figures[f"best_available_{count}_ms"] = {
            **stats(samples),
            "stage": None if proposal is None else proposal.stage.value,
        }
    widget.deleteLater()
    return figures


def zoom_on_seats(widget: SeatMapWidget, factor: float) -> None:
    """Fit, then zoom by `factor` centred on a seat a third of the way through the plan (the
    stadium's centre is the pitch, without seats)."""
    widget.fit()
    if factor == 1.0:
        return
    scale, _, _ = widget.view()
    seat = widget.plan.size // 3
    x, y = float(widget.plan.x[seat]), float(widget.plan.y[seat])
    scale *= factor
    widget.set_view(scale, W / 2 - x * scale, H / 2 - y * scale)


def _copy_plan(plan: SeatPlan) -> SeatPlan:
    return SeatPlan(
        ids=plan.ids.copy(),
        x=plan.x.copy(),
        y=plan.y.copy(),
        zone=plan.zone.copy(),
        row=plan.row.copy(),
        numbers=plan.numbers.copy(),
        flags=plan.flags.copy(),
        zone_names=plan.zone_names,
        row_labels=plan.row_labels,
        shapes=plan.shapes,
        ga_zones=plan.ga_zones,
        name=plan.name,
    )


def _visible(widget: SeatMapWidget) -> int:
    scale, ox, oy = widget.view()
    sx = widget.plan.x * scale + ox
    sy = widget.plan.y * scale + oy
    return int(((sx >= 0) & (sx < W) & (sy >= 0) & (sy < H)).sum())


def _band_for(widget: SeatMapWidget, wanted: int) -> tuple[QRectF, int]:
    """A band around the centre of the seats holding about `wanted` selectable seats."""
    selectable = widget.selectable_mask()
    scale, ox, oy = widget.view()
    sx = widget.plan.x * scale + ox
    sy = widget.plan.y * scale + oy
    start = int(np.flatnonzero(selectable)[selectable.sum() // 3])
    cx, cy = float(sx[start]), float(sy[start])
    low, high = 1.0, float(max(W, H))
    for _ in range(40):
        half = (low + high) / 2
        inside = int((selectable & (np.abs(sx - cx) <= half) & (np.abs(sy - cy) <= half)).sum())
        if inside < wanted:
            low = half
        else:
            high = half
    half = high
    inside = int((selectable & (np.abs(sx - cx) <= half) & (np.abs(sy - cy) <= half)).sum())
    return QRectF(cx - half, cy - half, 2 * half, 2 * half), inside


def _rss() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def baseline(loaded: LoadedPlan, rounds: int) -> dict[str, Any]:
    """The naive design: one QGraphicsEllipseItem per seat in a QGraphicsScene."""
    figures: dict[str, Any] = {}
    plan = loaded.plan
    pitch = plan.seat_pitch() * 0.82
    xs, ys = plan.x.tolist(), plan.y.tolist()
    sold = np.random.default_rng(1).random(plan.size) < 0.5
    colours = [QColor("#999999") if s else QColor("#009E73") for s in sold.tolist()]
    gc.collect()
    rss = _rss()
    start = time.perf_counter()
    scene = QGraphicsScene()
    items = []
    for x, y, colour in zip(xs, ys, colours, strict=True):
        item = QGraphicsEllipseItem(x - pitch / 2, y - pitch / 2, pitch, pitch)
        item.setBrush(colour)
        item.setPen(Qt.PenStyle.NoPen)
        scene.addItem(item)
        items.append(item)
    figures["build_ms"] = round((time.perf_counter() - start) * 1000, 1)
    start = time.perf_counter()
    scene.itemAt(QPointF(xs[0], ys[0]), __import__("PySide6.QtGui").QtGui.QTransform())
    figures["first_index_query_ms"] = round((time.perf_counter() - start) * 1000, 1)
    figures["bytes_per_seat_rss"] = round((_rss() - rss) / plan.size, 1)
    image = QImage(W, H, QImage.Format.Format_ARGB32_Premultiplied)
    left, top, right, bottom = plan.bounds()
    full = QRectF(left, top, right - left, bottom - top)
    seat = plan.size // 3  # the same seat the widget's zoomed views centre on
    for name, factor in (("fit", 1.0), ("zoom_x4", 4.0), ("zoom_x16", 16.0)):
        centre = full.center() if factor == 1.0 else QPointF(xs[seat], ys[seat])
        w, h = full.width() / factor, full.height() / factor
        source = QRectF(centre.x() - w / 2, centre.y() - h / 2, w, h)

        def render(source: QRectF = source) -> None:
            image.fill(0)
            painter = QPainter(image)
            scene.render(painter, QRectF(0, 0, W, H), source)
            painter.end()

        figures[f"full_repaint_{name}_ms"] = stats(timed(render, rounds, warmup=1))
    from PySide6.QtGui import QTransform

    identity = QTransform()
    seats = np.random.default_rng(2).choice(plan.size, size=200)
    hits = []
    for s in seats.tolist():
        start = time.perf_counter()
        scene.itemAt(QPointF(xs[s], ys[s]), identity)
        hits.append((time.perf_counter() - start) * 1e6)
    figures["hit_test_us"] = stats(hits)
    start = time.perf_counter()
    for item, s in zip(items[:1000], sold[:1000].tolist(), strict=True):
        item.setBrush(QColor("#E69F00") if s else QColor("#999999"))
    render_start = time.perf_counter()
    image.fill(0)
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, W, H), full)
    painter.end()
    figures["updates_1000_applied_and_repainted_ms"] = round(
        (time.perf_counter() - start) * 1000, 1
    )
    figures["_repaint_part_ms"] = round((time.perf_counter() - render_start) * 1000, 1)
    start = time.perf_counter()
    scene.clear()
    figures["clear_ms"] = round((time.perf_counter() - start) * 1000, 1)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer rounds")
    args = parser.parse_args()
    rounds = 20 if args.quick else 60
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    rng = np.random.default_rng(7)
    import planfiles
    from resources.demo.stadium import generate_stadium

    stadium_json = json.dumps(generate_stadium())
    stadium_path = Path(tempfile.mkdtemp()) / "stadium.seatplan.json"
    stadium_path.write_text(stadium_json, encoding="utf-8")
    theatre_path = ROOT / "resources" / "demo" / "le-theatre.seatplan.json"
    files = {"stadium": stadium_path, "le_theatre": theatre_path}
    venues: dict[str, Callable[[], LoadedPlan]] = {
        "stadium": lambda: plan_from_layout(
            planfiles.parse_plan(stadium_json, layout_id="s", hall_id="s")
        ),
        "le_theatre": lambda: plan_from_layout(
            planfiles.read_plan(theatre_path, layout_id="t", hall_id="t")
        ),
    }
    output: dict[str, Any] = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": sys.version.split()[0],
            "qt_platform": os.environ.get("QT_QPA_PLATFORM"),
            "size": f"{W}x{H}",
            "rounds": rounds,
        },
        "widget": {},
        "baseline_qgraphicsscene": {},
    }
    for name, read in venues.items():
        imported = import_off_gui_thread(app, read)
        loaded: LoadedPlan = imported.pop("plan")
        # What the viewer does: parse in a child process, receive the compiled arrays.
        in_process = import_off_gui_thread(app, lambda path=files[name]: load_in_process(str(path)))
        in_process.pop("plan")
        figures = {
            "seats": loaded.plan.size,
            **imported,
            "import_json_in_child_process_ms": in_process["import_json_ms"],
            "gui_heartbeat_max_gap_in_child_process_ms": in_process["gui_heartbeat_max_gap_ms"],
        }
        figures.update(frame_figures(app, loaded, rounds, rng))
        output["widget"][name] = figures
        output["baseline_qgraphicsscene"][name] = baseline(loaded, max(3, rounds // 12))
        gc.collect()
    print(json.dumps(output, indent=1))


if __name__ == "__main__":
    main()
