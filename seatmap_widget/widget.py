"""The seat-map widget: one QWidget that draws a `SeatPlan` from numpy arrays and lets the
cashier pick seats with the mouse, the keyboard or touch.

Drawing goes through a cached layer (the plan's shapes, GA zones, labels and every seat, in
device pixels) rebuilt only when the view, the data or the size changes, with level of detail:
below a few pixels per seat the seats are splatted with numpy straight into the image's
memory; above, one `drawPixmapFragments` call stamps a sprite per seat from an atlas, and a
second one stamps the seat numbers from a label atlas. Selection, this till's holds, the
best-available proposal, the focus ring, hover and the rubber band are drawn over the layer
each frame. There is no Python object or call per seat per frame: per-seat work is numpy.

Live states from other tills come in batches through `apply_states`; they are queued and
applied together at most every `UPDATE_INTERVAL_MS`.

The widget knows no prices, orders, database or client code: callers hand it plain data and
listen to its signals.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import shiboken6
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
    QTouchEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from seatmap_widget import spatial
from seatmap_widget.looks import (
    BACKGROUND,
    ColourMode,
    LabelAtlas,
    OverlayAtlas,
    Palette,
    SpriteAtlas,
    seat_looks,
)
from seatmap_widget.plan import ColourTables, SeatPlan, SeatStatus, State

UPDATE_INTERVAL_MS = 50  # live updates are applied and repainted at most this often
SETTLE_MS = 90  # after a pan, the layer is rebuilt once the gesture pauses this long
SEAT_FILL = 0.82  # seat diameter as a share of the seat pitch
SPLAT_BELOW = 4.0  # device pixels per seat below which seats are splatted
NUMBERS_FROM = 18.0  # device pixels per seat from which seat numbers are drawn
ROW_LABELS_FROM = 7.0
MAX_SEAT_PX = 140.0
DRAG_START_PX = 5.0
_FRAGMENT_FIELDS = 10  # QPainter::PixmapFragment: x, y, sx, sy, w, h, scaleX, scaleY, rot, opacity


def _fragments(capacity: int) -> npt.NDArray[np.float64]:
    array = np.zeros((max(capacity, 16), _FRAGMENT_FIELDS), dtype=np.float64)
    array[:, 6:8] = 1.0
    array[:, 9] = 1.0
    return array


def _draw_fragments(
    painter: QPainter, array: npt.NDArray[np.float64], count: int, pixmap: object
) -> None:
    """Hand `count` rows of a C-contiguous float64 array to Qt as PixmapFragments (one call)."""
    if count <= 0:
        return
    pointer = shiboken6.wrapInstance(array.ctypes.data, QPainter.PixmapFragment)
    painter.drawPixmapFragments(pointer, count, pixmap)  # type: ignore[arg-type]


class SeatMapWidget(QWidget):
    """Draws a seat plan and lets the user select seats. See the module docstring."""

    selection_changed = Signal()
    seat_hovered = Signal(int)  # seat index, -1 when the pointer leaves every seat
    seat_activated = Signal(int)  # double click or Enter on a seat
    confirmed = Signal()  # Enter: the user confirms the selection (or the proposal)
    selection_refused = Signal(int)  # the cap that a selection would have exceeded
    seat_refused = Signal(int)  # a seat clicked (or Space) that cannot be picked: say why
    counts_changed = Signal()  # states changed (legend counts)
    view_changed = Signal()
    mode_changed = Signal()  # the colour mode changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 150)
        self.setAccessibleName(self.tr("Seat plan"))
        self.show_labels = True  # off for text-free golden images
        self.selectable_states: frozenset[int] = frozenset({int(State.FREE)})
        self.max_selection: int | None = None
        self._mode = ColourMode.STATE
        self._tables = ColourTables()
        self._palette = Palette.of(self._tables)
        self._plan = SeatPlan.from_columns([], [], [], [], [], [])
        self._status = SeatStatus.empty(0)
        self._set_derived()
        self._scale = 1.0
        self._ox = 0.0
        self._oy = 0.0
        self._fitted = False
        self._layer: QImage | None = None
        self._layer_key: tuple[object, ...] | None = None
        self._layer_origin = (0.0, 0.0)
        self._version = 0
        # atlases per size bucket, so zooming back and forth redraws no sprite
        self._atlases: dict[float, SpriteAtlas] = {}
        self._label_atlases: dict[int, LabelAtlas] = {}
        self._overlay: OverlayAtlas | None = None
        self._seat_frags = _fragments(0)
        self._label_frags = _fragments(0)
        self._overlay_frags = _fragments(0)
        self._pending: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.uint8]]] = []
        self._update_timer = QTimer(self)
        self._update_timer.setSingleShot(True)
        self._update_timer.setInterval(UPDATE_INTERVAL_MS)
        self._update_timer.timeout.connect(self.flush_updates)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.update)
        self._press: QPointF | None = None
        self._press_seat = -1
        self._drag: str | None = None  # "pan" or "band"
        self._last = QPointF()
        self._band: QRectF | None = None
        self._touch: tuple[QPointF, float] | None = None
        self.layer_renders = 0  # how many times the cached layer was rebuilt (tests, figures)

    # --- data -----------------------------------------------------------------------------

    def set_plan(
        self,
        plan: SeatPlan,
        status: SeatStatus | None = None,
        tables: ColourTables | None = None,
    ) -> None:
        """Show a new plan (and its states); the view fits the plan."""
        self._plan = plan
        self._tables = tables or ColourTables()
        self._palette = Palette.of(self._tables)
        self._status = status if status is not None else SeatStatus.empty(plan.size)
        if self._status.state.shape != (plan.size,):
            raise ValueError("the status must have one value per seat of the plan")
        self._pending.clear()
        self._set_derived()
        self._fitted = False
        self._atlases.clear()
        self._label_atlases.clear()
        self._overlay = None
        self.fit()
        self._changed(counts=True)
        self.mode_changed.emit()
        self.selection_changed.emit()

    def _set_derived(self) -> None:
        plan = self._plan
        n = plan.size
        self._pitch = plan.seat_pitch()
        self._grid = spatial.SeatGrid(plan.x, plan.y, self._pitch)
        self._selected = np.zeros(n, dtype=np.bool_)
        self._proposal = np.empty(0, dtype=np.int64)
        self._proposal_locked = False
        self._focus = 0 if n else -1
        self._hover = -1
        self._looks = seat_looks(self._status, self._mode, self._palette)
        self._light = self._palette.look_light_text()
        self._argb = self._palette.look_argb()
        texts, inverse = np.unique(plan.numbers, return_inverse=True)
        self._label_texts = texts
        self._label_index = inverse.astype(np.int32)
        starts = np.flatnonzero(np.r_[True, plan.row[1:] != plan.row[:-1]]) if n else np.empty(0)
        starts = starts.astype(np.int64)
        second = np.minimum(starts + 1, max(n - 1, 0))
        if n:
            same = plan.row[second] == plan.row[starts]
            dx = np.where(same, plan.x[starts] - plan.x[second], -1.0)
            dy = np.where(same, plan.y[starts] - plan.y[second], 0.0)
            norm = np.maximum(np.hypot(dx, dy), 1e-6)
            self._row_x = plan.x[starts] + dx / norm * self._pitch * 1.1
            self._row_y = plan.y[starts] + dy / norm * self._pitch * 1.1
            self._row_of_anchor = plan.row[starts]
            counts = np.bincount(plan.zone, minlength=len(plan.zone_names)).astype(np.float64)
            counts[counts == 0] = 1
            self._zone_x = np.bincount(plan.zone, weights=plan.x, minlength=counts.size) / counts
            self._zone_y = np.bincount(plan.zone, weights=plan.y, minlength=counts.size) / counts
        else:
            self._row_x = self._row_y = np.empty(0, np.float32)
            self._row_of_anchor = np.empty(0, np.int32)
            self._zone_x = self._zone_y = np.empty(0, np.float64)

    @property
    def plan(self) -> SeatPlan:
        return self._plan

    @property
    def status(self) -> SeatStatus:
        return self._status

    @property
    def colour_mode(self) -> ColourMode:
        return self._mode

    @property
    def tables(self) -> ColourTables:
        return self._tables

    @property
    def seat_palette(self) -> Palette:
        return self._palette

    def set_colour_mode(self, mode: ColourMode) -> None:
        if mode is self._mode:
            return
        self._mode = mode
        self._looks = seat_looks(self._status, self._mode, self._palette)
        self._changed()
        self.mode_changed.emit()

    def set_status(self, status: SeatStatus) -> None:
        """Replace every seat's state, category, contingent and sellable flag at once."""
        if status.state.shape != (self._plan.size,):
            raise ValueError("the status must have one value per seat of the plan")
        self._status = status
        self._pending.clear()
        self._looks = seat_looks(self._status, self._mode, self._palette)
        self._drop_unselectable()
        self._changed(counts=True)

    def counts(self) -> dict[State, int]:
        return self._status.counts()

    def apply_states(
        self, seats: Sequence[str] | npt.ArrayLike, states: Sequence[int] | npt.ArrayLike
    ) -> int:
        """Queue new states for seats (ids or indices); they show within `UPDATE_INTERVAL_MS`.

        Returns how many seats of the batch this plan does not know (ignored).
        """
        seat_list = seats if isinstance(seats, Sequence) else None
        if seat_list is not None and seat_list and isinstance(seat_list[0], str):
            indices = self._plan.indices_of(seat_list)  # type: ignore[arg-type]
        else:
            indices = np.asarray(seats, dtype=np.int64).reshape(-1)
            indices = np.where((indices >= 0) & (indices < self._plan.size), indices, -1)
        codes = np.asarray(states, dtype=np.int64).reshape(-1)
        if codes.shape != indices.shape:
            raise ValueError("one state per seat")
        if codes.size and (codes.min() < 0 or codes.max() >= len(State)):
            raise ValueError("unknown seat state code")
        known = indices >= 0
        self._pending.append((indices[known], codes[known].astype(np.uint8)))
        if not self._update_timer.isActive():
            self._update_timer.start()
        return int((~known).sum())

    def flush_updates(self) -> None:
        """Apply every queued state now (the timer does it on its own)."""
        self._update_timer.stop()
        if not self._pending:
            return
        indices = np.concatenate([i for i, _ in self._pending])
        codes = np.concatenate([c for _, c in self._pending])
        self._pending.clear()
        self._status.state[indices] = codes  # later entries win, as they arrived later
        self._looks[indices] = seat_looks(
            SeatStatus(
                self._status.state[indices],
                self._status.category[indices],
                self._status.contingent[indices],
                self._status.sellable[indices],
                self._status.held_by_me[indices],
            ),
            self._mode,
            self._palette,
        )
        self._drop_unselectable()
        self._changed(counts=True)

    def set_held_by_me(self, seats: Sequence[str] | npt.ArrayLike, held: bool = True) -> None:
        """Mark seats as held by this till (drawn apart), or unmark them."""
        indices = self._indices(seats)
        self._status.held_by_me[indices] = held
        self.update()

    def _indices(self, seats: Sequence[str] | npt.ArrayLike) -> npt.NDArray[np.int64]:
        if isinstance(seats, Sequence) and seats and isinstance(seats[0], str):
            found = self._plan.indices_of(seats)  # type: ignore[arg-type]
            return found[found >= 0]
        array = np.asarray(seats, dtype=np.int64).reshape(-1)
        return array[(array >= 0) & (array < self._plan.size)]

    # --- selection ------------------------------------------------------------------------

    def selectable_mask(self) -> npt.NDArray[np.bool_]:
        mask = np.isin(self._status.state, list(self.selectable_states))
        mask &= self._status.sellable
        return mask

    def is_selectable(self, index: int) -> bool:
        return (
            0 <= index < self._plan.size
            and int(self._status.state[index]) in self.selectable_states
            and bool(self._status.sellable[index])
        )

    def selected_indices(self) -> npt.NDArray[np.int64]:
        return np.flatnonzero(self._selected).astype(np.int64)

    def selected_ids(self) -> list[str]:
        return [str(s) for s in self._plan.ids[self._selected]]

    def clear_selection(self) -> None:
        if self._selected.any():
            self._selected[:] = False
            self.selection_changed.emit()
            self.update()

    def set_selection(self, seats: Sequence[str] | npt.ArrayLike) -> bool:
        """Select exactly these seats (those selectable); False, and nothing changes, when
        they are more than the cap."""
        indices = self._indices(seats)
        indices = indices[self.selectable_mask()[indices]]
        if self.max_selection is not None and np.unique(indices).size > self.max_selection:
            self.selection_refused.emit(self.max_selection)
            return False
        self._selected[:] = False
        self._selected[indices] = True
        self.selection_changed.emit()
        self.update()
        return True

    def toggle(self, index: int) -> bool:
        """Select or deselect one seat; False when refused (not selectable, or the cap).
        A seat that cannot be picked (or a locked proposal) emits `seat_refused`, so the screen
        can tell the user why, instead of nothing happening."""
        if not 0 <= index < self._plan.size:
            return False
        if self._proposal_locked or not self.is_selectable(index):
            self.seat_refused.emit(index)
            return False
        if (
            not self._selected[index]
            and self.max_selection is not None
            and self._selected.sum() >= self.max_selection
        ):
            self.selection_refused.emit(self.max_selection)
            return False
        self._selected[index] = not self._selected[index]
        self.selection_changed.emit()
        self.update()
        return True

    def add_to_selection(self, mask: npt.NDArray[np.bool_]) -> bool:
        """Add the selectable seats of `mask`; refused whole when it would pass the cap."""
        if self._proposal_locked:
            return False
        wanted = mask & self.selectable_mask() & ~self._selected
        if not wanted.any():
            return True
        if self.max_selection is not None and (
            int(self._selected.sum() + wanted.sum()) > self.max_selection
        ):
            self.selection_refused.emit(self.max_selection)
            return False
        self._selected |= wanted
        self.selection_changed.emit()
        self.update()
        return True

    def select_row(self, index: int) -> bool:
        """Add every selectable seat of the seat's row."""
        if not 0 <= index < self._plan.size:
            return False
        return self.add_to_selection(self._plan.row == self._plan.row[index])

    def _drop_unselectable(self) -> None:
        lost = self._selected & ~self.selectable_mask()
        if lost.any():
            self._selected &= ~lost
            self.selection_changed.emit()

    def show_proposal(self, seats: Sequence[str] | npt.ArrayLike, editable: bool) -> None:
        """Show a best-available proposal. Editable ("automatic then editable"): it becomes
        the selection, which the user may change. Not editable ("automatic with view"): it is
        shown apart and clicks do not change it; Enter confirms it."""
        indices = self._indices(seats)
        self._proposal_locked = False
        if editable:
            self._proposal = np.empty(0, dtype=np.int64)
            self.set_selection(indices)
        else:
            self._selected[:] = False
            self._selected[indices] = True
            self._proposal = indices
            self._proposal_locked = True
            self.selection_changed.emit()
        if indices.size:
            self._focus = int(indices[0])
            self.ensure_visible(self._focus)
        self.update()

    def clear_proposal(self) -> None:
        if self._proposal_locked:
            self._selected[:] = False
            self.selection_changed.emit()
        self._proposal = np.empty(0, dtype=np.int64)
        self._proposal_locked = False
        self.update()

    @property
    def proposal_locked(self) -> bool:
        return self._proposal_locked

    # --- view -----------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(800, 500)

    def seat_diameter(self) -> float:
        """A seat's diameter on screen, in logical pixels."""
        return self._pitch * SEAT_FILL * self._scale

    def fit(self) -> None:
        """Zoom and centre so the whole plan is in view."""
        left, top, right, bottom = self._plan.bounds()
        pad = self._pitch
        left, top, right, bottom = left - pad, top - pad, right + pad, bottom + pad
        w, h = max(1, self.width()), max(1, self.height())
        self._scale = min(w / max(right - left, 1e-6), h / max(bottom - top, 1e-6))
        self._ox = (w - (right - left) * self._scale) / 2 - left * self._scale
        self._oy = (h - (bottom - top) * self._scale) / 2 - top * self._scale
        self._fitted = True  # until the user moves the view, a resize fits again
        self._view_changed()

    def _limits(self) -> tuple[float, float]:
        left, top, right, bottom = self._plan.bounds()
        w, h = max(1, self.width()), max(1, self.height())
        fit = min(w / max(right - left, 1e-6), h / max(bottom - top, 1e-6))
        return fit * 0.5, max(fit * 2, MAX_SEAT_PX / max(self._pitch * SEAT_FILL, 1e-6))

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom by `factor` keeping `anchor` (widget coordinates; default the centre) still."""
        if anchor is None:
            anchor = QPointF(self.width() / 2, self.height() / 2)
        low, high = self._limits()
        scale = min(max(self._scale * factor, low), high)
        if scale == self._scale:
            return
        px = (anchor.x() - self._ox) / self._scale
        py = (anchor.y() - self._oy) / self._scale
        self._scale = scale
        self._ox = anchor.x() - px * scale
        self._oy = anchor.y() - py * scale
        self._fitted = False
        self._view_changed()

    def pan_by(self, dx: float, dy: float, settle: bool = True) -> None:
        """Move the view; while panning the cached layer is shifted and rebuilt on pause."""
        self._ox += dx
        self._oy += dy
        self._fitted = False
        if settle:
            self._settle.start()
        self.update()
        self.view_changed.emit()

    def view(self) -> tuple[float, float, float]:
        """(scale, x offset, y offset): plan → widget is ``p * scale + offset``."""
        return (self._scale, self._ox, self._oy)

    def set_view(self, scale: float, ox: float, oy: float) -> None:
        self._scale, self._ox, self._oy = scale, ox, oy
        self._fitted = False
        self._view_changed()

    def _view_changed(self) -> None:
        self._settle.stop()
        self.update()
        self.view_changed.emit()

    def seat_centre(self, index: int) -> QPointF:
        """Where a seat's centre is on the widget (logical pixels)."""
        return QPointF(
            float(self._plan.x[index]) * self._scale + self._ox,
            float(self._plan.y[index]) * self._scale + self._oy,
        )

    def to_plan(self, point: QPointF) -> tuple[float, float]:
        return ((point.x() - self._ox) / self._scale, (point.y() - self._oy) / self._scale)

    def seat_at(self, point: QPointF) -> int:
        """The seat under a widget point, or -1."""
        px, py = self.to_plan(point)
        radius = max(self._pitch * 0.5, 3.0 / self._scale)
        return self._grid.nearest(px, py, radius)

    def ensure_visible(self, index: int) -> None:
        if not 0 <= index < self._plan.size:
            return
        c = self.seat_centre(index)
        margin = max(24.0, self.seat_diameter() * 2)
        dx = dy = 0.0
        if c.x() < margin or c.x() > self.width() - margin:
            dx = self.width() / 2 - c.x()
        if c.y() < margin or c.y() > self.height() - margin:
            dy = self.height() / 2 - c.y()
        if dx or dy:
            self._ox += dx
            self._oy += dy
            self._fitted = False
            self._view_changed()

    @property
    def focus_seat(self) -> int:
        return self._focus

    def set_focus_seat(self, index: int) -> None:
        if 0 <= index < self._plan.size and index != self._focus:
            self._focus = index
            self.ensure_visible(index)
            self.setAccessibleDescription(self.describe(index))
            if self.hasFocus():
                event = QAccessibleEvent(self, QAccessible.Event.DescriptionChanged)
                QAccessible.updateAccessibility(event)
            self.update()

    # --- words ----------------------------------------------------------------------------

    def state_name(self, state: int) -> str:
        return {
            State.FREE: self.tr("Free"),
            State.HELD: self.tr("Held"),
            State.BLOCKED: self.tr("Blocked"),
            State.RESERVED: self.tr("Reserved"),
            State.SOLD: self.tr("Sold"),
            State.INVALID: self.tr("Invalid"),
        }[State(state)]

    def describe(self, index: int) -> str:
        """Zone, row, seat, category, contingent and state of a seat, for people."""
        plan, status = self._plan, self._status
        category = int(status.category[index])
        contingent = int(status.contingent[index])
        cats, conts = self._tables.categories, self._tables.contingents
        state = self.state_name(int(status.state[index]))
        if status.held_by_me[index]:
            state = self.tr("%1, held by this till").replace("%1", state)
        elif int(status.state[index]) == State.FREE and not status.sellable[index]:
            state = self.tr("%1, not sellable here").replace("%1", state)
        lines = [
            self.tr("%1 · Row %2 · Seat %3")
            .replace("%1", plan.zone_names[int(plan.zone[index])])
            .replace("%2", plan.row_labels[int(plan.row[index])])
            .replace("%3", str(plan.numbers[index])),
            self.tr("Category: %1").replace(
                "%1", cats[category].name if 0 <= category < len(cats) else self.tr("none")
            ),
            self.tr("Contingent: %1").replace(
                "%1",
                conts[contingent].name
                if 0 <= contingent < len(conts)
                else self.tr("no contingent"),
            ),
            self.tr("State: %1").replace("%1", state),
        ]
        return "\n".join(lines)

    # --- painting -------------------------------------------------------------------------

    def _changed(self, counts: bool = False) -> None:
        self._version += 1
        self.update()
        if counts:
            self.counts_changed.emit()

    def invalidate(self) -> None:
        """Forget the cached layer (the next frame is a full repaint)."""
        self._layer_key = None

    def _key(self, dpr: float) -> tuple[object, ...]:
        return (
            self._scale,
            self._ox,
            self._oy,
            self.width(),
            self.height(),
            dpr,
            self._version,
            self._mode,
            self.show_labels,
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        dpr = self.devicePixelRatioF()
        key = self._key(dpr)
        painter = QPainter(self)
        target = QRectF(0, 0, self.width(), self.height())
        if self._layer_key != key:
            same_but_offset = (
                self._layer_key is not None
                and self._layer_key[0] == key[0]
                and self._layer_key[3:] == key[3:]
            )
            if same_but_offset and self._settle.isActive():
                # panning: shift the cached layer; rebuilt when the gesture pauses
                painter.fillRect(target, QColor(BACKGROUND))
                dx = self._ox - self._layer_origin[0]
                dy = self._oy - self._layer_origin[1]
                if self._layer is not None:
                    painter.drawImage(target.translated(dx, dy), self._layer)
                self._paint_overlays(painter, dpr)
                painter.end()
                return
            self._render_layer(dpr)
            self._layer_key = key
            self._layer_origin = (self._ox, self._oy)
        if self._layer is not None:
            painter.drawImage(target, self._layer)
        self._paint_overlays(painter, dpr)
        painter.end()

    def _render_layer(self, dpr: float) -> None:
        self.layer_renders += 1
        w = max(1, round(self.width() * dpr))
        h = max(1, round(self.height() * dpr))
        if self._layer is None or self._layer.width() != w or self._layer.height() != h:
            self._layer = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
        layer = self._layer
        layer.fill(QColor(BACKGROUND))
        s = self._scale * dpr
        ox, oy = self._ox * dpr, self._oy * dpr
        d = self._pitch * SEAT_FILL * s
        painter = QPainter(layer)
        self._paint_shapes(painter, s, ox, oy)
        n = self._plan.size
        if n:
            sx = self._plan.x * np.float32(s) + np.float32(ox)
            sy = self._plan.y * np.float32(s) + np.float32(oy)
            reach = d + 2
            visible = np.flatnonzero(
                (sx > -reach) & (sx < w + reach) & (sy > -reach) & (sy < h + reach)
            )
            if d < SPLAT_BELOW:
                painter.end()
                self._splat(layer, sx, sy, visible, d)
                painter = QPainter(layer)
            else:
                self._stamp(painter, sx, sy, visible, d, dpr)
            if self.show_labels:
                self._paint_row_and_zone_labels(painter, s, ox, oy, d, w, h)
        painter.end()

    def _splat(
        self,
        layer: QImage,
        sx: npt.NDArray[np.float32],
        sy: npt.NDArray[np.float32],
        visible: npt.NDArray[np.int64],
        d: float,
    ) -> None:
        """Write each visible seat's colour into the image memory: a k × k dot, k ≈ d."""
        w, h = layer.width(), layer.height()
        stride = layer.bytesPerLine() // 4
        pixels = np.frombuffer(layer.bits(), dtype=np.uint32).reshape(h, stride)
        colours = self._argb[self._looks[visible]]
        k = max(1, round(d))
        x0 = np.floor(sx[visible] - k / 2 + 0.5).astype(np.int32)
        y0 = np.floor(sy[visible] - k / 2 + 0.5).astype(np.int32)
        centre = (k - 1) / 2
        for oy in range(k):
            for ox in range(k):
                if k >= 3 and (ox - centre) ** 2 + (oy - centre) ** 2 > (k / 2) ** 2 + 0.25:
                    continue  # round the corners of larger dots
                xs = x0 + ox
                ys = y0 + oy
                inside = (xs >= 0) & (xs < w) & (ys >= 0) & (ys < h)
                pixels[ys[inside], xs[inside]] = colours[inside]
        del pixels  # never keep a view of the image's memory beyond this call

    def _stamp(
        self,
        painter: QPainter,
        sx: npt.NDArray[np.float32],
        sy: npt.NDArray[np.float32],
        visible: npt.NDArray[np.int64],
        d: float,
        dpr: float,
    ) -> None:
        """One drawPixmapFragments call for the seats, one more for their numbers."""
        # Sprites are drawn at a few sizes (quarter octaves) and scaled by the fragment to the
        # exact diameter, so zooming rebuilds the atlas rarely.
        bucket = 2.0 ** (round(math.log2(d) * 4) / 4)
        atlas = self._atlases.get(bucket)
        if atlas is None:
            if len(self._atlases) >= 16:
                self._atlases.pop(next(iter(self._atlases)))
            atlas = self._atlases[bucket] = SpriteAtlas(self._palette, bucket)
        m = visible.size
        if self._seat_frags.shape[0] < m:
            self._seat_frags = _fragments(int(m * 1.25))
        frags = self._seat_frags
        looks = self._looks[visible]
        frags[:m, 0] = sx[visible]
        frags[:m, 1] = sy[visible]
        frags[:m, 2] = atlas.source_x[looks]
        frags[:m, 3] = atlas.source_y[looks]
        frags[:m, 4] = atlas.cell
        frags[:m, 5] = atlas.cell
        frags[:m, 6:8] = d / bucket
        _draw_fragments(painter, frags, m, atlas.pixmap)
        if not self.show_labels or d < NUMBERS_FROM or self._label_texts.size > 5000:
            return
        size = round(2.0 ** (round(math.log2(d * 0.42) * 4) / 4))
        labels = self._label_atlases.get(size)
        if labels is None:
            if len(self._label_atlases) >= 8:
                self._label_atlases.pop(next(iter(self._label_atlases)))
            labels = self._label_atlases[size] = LabelAtlas(self._label_texts, size)
        if self._label_frags.shape[0] < m:
            self._label_frags = _fragments(int(m * 1.25))
        lf = self._label_frags
        which = self._label_index[visible]
        lf[:m, 0] = sx[visible]
        lf[:m, 1] = sy[visible]
        lf[:m, 2] = labels.source_x[which]
        lf[:m, 3] = labels.source_y[which] + np.where(self._light[looks], labels.light_offset, 0.0)
        lf[:m, 4] = labels.cell_w
        lf[:m, 5] = labels.cell_h
        lf[:m, 6:8] = d * 0.42 / size
        _draw_fragments(painter, lf, m, labels.pixmap)

    def _paint_shapes(self, painter: QPainter, s: float, ox: float, oy: float) -> None:
        """The stage and other areas, then GA zones with the places left."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        transform = QTransform(s, 0, 0, s, ox, oy)
        texts: list[tuple[QPointF, str, QColor]] = []
        for shape in self._plan.shapes:
            colour = (
                QColor(shape.colour) if QColor.isValidColorName(shape.colour) else QColor("#9e9e9e")
            )
            points = [QPointF(x, y) for x, y in shape.points]
            if shape.kind == "text":
                if points and shape.label:
                    texts.append((transform.map(points[0]), shape.label, colour))
                continue
            painter.setPen(QPen(colour.darker(130), 1.5))
            painter.setBrush(colour)
            painter.setTransform(transform)
            pen = painter.pen()
            pen.setCosmetic(True)
            painter.setPen(pen)
            if shape.kind in ("rectangle", "ellipse", "circle") and len(points) >= 2:
                rect = QRectF(points[0], points[1]).normalized()
                if shape.kind == "rectangle":
                    painter.drawRect(rect)
                else:
                    painter.drawEllipse(rect)
            elif shape.kind == "polygon" and len(points) >= 3:
                painter.drawPolygon(QPolygonF(points))
            painter.resetTransform()
        categories = self._palette.colours[self._palette.category_base :]
        for zone in self._plan.ga_zones:
            if len(zone.outline) < 3:
                continue
            colour = (
                QColor(categories[zone.category])
                if 0 <= zone.category < len(categories)
                else QColor("#999999")
            )
            fill = QColor(colour)
            fill.setAlpha(70)
            painter.setTransform(transform)
            pen = QPen(colour, 2)
            pen.setCosmetic(True)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(fill)
            polygon = QPolygonF([QPointF(x, y) for x, y in zone.outline])
            painter.drawPolygon(polygon)
            painter.resetTransform()
            left = zone.capacity if zone.left is None else zone.left
            label = self.tr("%1: %2 of %3 places left").replace("%1", zone.name)
            label = label.replace("%2", str(left)).replace("%3", str(zone.capacity))
            texts.append((transform.map(polygon.boundingRect().center()), label, QColor("#000000")))
        if not self.show_labels:
            return
        font = QFont(self.font())
        font.setPixelSize(max(9, min(28, round(14 * max(s, 0.2) ** 0.25))))
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        for centre, text, colour in texts:
            lines = text.split("\n")
            width = max(metrics.horizontalAdvance(t) for t in lines) + 8
            height = metrics.height() * len(lines) + 4
            box = QRectF(centre.x() - width / 2, centre.y() - height / 2, width, height)
            painter.setPen(colour)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_row_and_zone_labels(
        self, painter: QPainter, s: float, ox: float, oy: float, d: float, w: int, h: int
    ) -> None:
        """Row labels beside each visible row once seats are big enough; zone names when
        zoomed out. Loops run over visible rows and zones, never over seats."""
        font = QFont(self.font())
        if d >= ROW_LABELS_FROM:
            font.setPixelSize(max(8, min(20, round(d * 0.55))))
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor("#333333"))
            rx = self._row_x * s + ox
            ry = self._row_y * s + oy
            visible = np.flatnonzero((rx > -20) & (rx < w + 20) & (ry > -20) & (ry < h + 20))
            half = d
            centre = Qt.AlignmentFlag.AlignCenter
            labels = self._plan.row_labels
            for i in visible[:3000].tolist():
                painter.drawText(
                    QRectF(float(rx[i]) - half, float(ry[i]) - half, 2 * half, 2 * half),
                    centre,
                    labels[int(self._row_of_anchor[i])],
                )
        if d < NUMBERS_FROM and len(self._plan.zone_names) > 1:
            font.setPixelSize(13)
            font.setBold(True)
            painter.setFont(font)
            metrics = QFontMetricsF(font)
            zx = self._zone_x * s + ox
            zy = self._zone_y * s + oy
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            for i, name in enumerate(self._plan.zone_names):
                x, y = float(zx[i]), float(zy[i])
                if not (0 <= x <= w and 0 <= y <= h):
                    continue
                width = metrics.horizontalAdvance(name) + 10
                box = QRectF(
                    x - width / 2, y - metrics.height() / 2 - 2, width, metrics.height() + 4
                )
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(255, 255, 255, 210))
                painter.drawRoundedRect(box, 4, 4)
                painter.setPen(QColor("#000000"))
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, name)

    def _paint_overlays(self, painter: QPainter, dpr: float) -> None:
        """Selection, this till's holds, the proposal, hover and focus; then the band."""
        d = self.seat_diameter()
        if self._overlay is None or self._overlay.diameter != round(d * 2) / 2:
            self._overlay = OverlayAtlas(round(d * 2) / 2, dpr)
        atlas = self._overlay
        groups = [
            (np.flatnonzero(self._status.held_by_me), atlas.MINE),
            (np.flatnonzero(self._selected), atlas.SELECTED),
            (self._proposal, atlas.PROPOSED),
        ]
        if self._hover >= 0:
            groups.append((np.array([self._hover]), atlas.HOVER))
        if self.hasFocus() and self._focus >= 0:
            groups.append((np.array([self._focus]), atlas.FOCUS))
        total = sum(int(g.size) for g, _ in groups)
        if total:
            if self._overlay_frags.shape[0] < total:
                self._overlay_frags = _fragments(int(total * 1.25))
            frags = self._overlay_frags
            at = 0
            for indices, kind in groups:
                m = int(indices.size)
                if not m:
                    continue
                frags[at : at + m, 0] = self._plan.x[indices] * self._scale + self._ox
                frags[at : at + m, 1] = self._plan.y[indices] * self._scale + self._oy
                frags[at : at + m, 2] = kind * atlas.cell
                frags[at : at + m, 3] = 0
                at += m
            frags[:total, 4] = atlas.cell
            frags[:total, 5] = atlas.cell
            frags[:total, 6:8] = 1.0 / dpr
            _draw_fragments(painter, frags, total, atlas.pixmap)
        if self._band is not None:
            painter.setPen(QPen(QColor("#0072B2"), 1, Qt.PenStyle.DashLine))
            painter.setBrush(QColor(0, 114, 178, 40))
            painter.drawRect(self._band)

    # --- events ---------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        old = event.oldSize()
        if self._fitted:
            self.fit()
        elif old.width() > 1 and old.height() > 1:
            # keep the plan's centre in the centre
            self._ox += (event.size().width() - old.width()) / 2
            self._oy += (event.size().height() - old.height()) / 2
            self._view_changed()
        super().resizeEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120 or event.pixelDelta().y() / 50
        if steps:
            self.zoom_by(1.25**steps, event.position())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._begin_press(event.position(), event.button(), event.modifiers())
        event.accept()

    def _begin_press(
        self, point: QPointF, button: Qt.MouseButton, modifiers: Qt.KeyboardModifier
    ) -> None:
        if button not in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            return
        self._press = QPointF(point)
        self._last = QPointF(point)
        self._press_seat = self.seat_at(point)
        band = button == Qt.MouseButton.RightButton or bool(
            modifiers & Qt.KeyboardModifier.ShiftModifier
        )
        self._drag = "band?" if band else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        if self._press is None:
            seat = self.seat_at(point)
            if seat != self._hover:
                self._hover = seat
                self.seat_hovered.emit(seat)
                self.update()
            return
        self._move_to(point)
        event.accept()

    def _move_to(self, point: QPointF) -> None:
        if self._press is None:
            return
        moved = (point - self._press).manhattanLength()
        if self._drag in (None, "band?") and moved >= DRAG_START_PX:
            self._drag = "band" if self._drag == "band?" else "pan"
        if self._drag == "pan":
            delta = point - self._last
            self.pan_by(delta.x(), delta.y())
        elif self._drag == "band":
            self._band = QRectF(self._press, point).normalized()
            self.update()
        self._last = QPointF(point)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._end_press(event.position())
        event.accept()

    def _end_press(self, point: QPointF) -> None:
        if self._press is None:
            return
        if self._drag == "band" and self._band is not None:
            self.select_in_rect(self._band)
        elif self._drag == "pan":
            self._settle.stop()
            self.update()
        elif self._press_seat >= 0 and self.seat_at(point) == self._press_seat:
            self._focus = self._press_seat
            self.toggle(self._press_seat)
        self._press = None
        self._drag = None
        self._band = None
        self.update()

    def select_in_rect(self, rect: QRectF) -> bool:
        """Add the selectable seats inside a widget rectangle (rubber band)."""
        left, top = self.to_plan(rect.topLeft())
        right, bottom = self.to_plan(rect.bottomRight())
        return self.add_to_selection(
            spatial.in_rect(self._plan.x, self._plan.y, left, top, right, bottom)
        )

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        seat = self.seat_at(event.position())
        if seat >= 0:
            # the first click of the double click toggled the seat; the row includes it again
            self.select_row(seat)
            self.seat_activated.emit(seat)
        event.accept()

    def leaveEvent(self, event: QEvent) -> None:
        if self._hover != -1:
            self._hover = -1
            self.seat_hovered.emit(-1)
            self.update()
        super().leaveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers()
        directions = {
            Qt.Key.Key_Left: (-1.0, 0.0),
            Qt.Key.Key_Right: (1.0, 0.0),
            Qt.Key.Key_Up: (0.0, -1.0),
            Qt.Key.Key_Down: (0.0, 1.0),
        }
        if key in directions:
            dx, dy = directions[Qt.Key(key)]
            if modifiers & Qt.KeyboardModifier.ShiftModifier:
                step = max(40.0, min(self.width(), self.height()) / 5)
                self.pan_by(-dx * step, -dy * step)
            else:
                target = spatial.step(self._plan.x, self._plan.y, self._focus, dx, dy)
                if target >= 0:
                    self.set_focus_seat(target)
        elif key == Qt.Key.Key_Space:
            if self._focus >= 0:
                self.toggle(self._focus)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._focus >= 0:
                self.seat_activated.emit(self._focus)
            self.confirmed.emit()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.25, self._focus_point())
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(0.8, self._focus_point())
        elif key in (Qt.Key.Key_0, Qt.Key.Key_Home):
            self.fit()
        elif key == Qt.Key.Key_R and self._focus >= 0:
            self.select_row(self._focus)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _focus_point(self) -> QPointF | None:
        if 0 <= self._focus < self._plan.size:
            c = self.seat_centre(self._focus)
            if 0 <= c.x() <= self.width() and 0 <= c.y() <= self.height():
                return c
        return None

    def focusInEvent(self, event: object) -> None:
        if self._focus >= 0:
            self.setAccessibleDescription(self.describe(self._focus))
        self.update()
        super().focusInEvent(event)  # type: ignore[arg-type]

    def focusOutEvent(self, event: object) -> None:
        self.update()
        super().focusOutEvent(event)  # type: ignore[arg-type]

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            seat = self.seat_at(QPointF(event.pos()))
            if seat >= 0:
                QToolTip.showText(event.globalPos(), self.describe(seat), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            assert isinstance(event, QTouchEvent)
            self._touch_event(event)
            return True
        if kind == QEvent.Type.NativeGesture:
            assert isinstance(event, QNativeGestureEvent)
            if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self.zoom_by(1.0 + event.value(), event.position())
                return True
        return super().event(event)

    def _touch_event(self, event: QTouchEvent) -> None:
        """One finger: tap selects, drag pans. Two fingers: pinch zooms, moving them pans."""
        points = [p for p in event.points() if p.state() != p.State.Released]
        kind = event.type()
        if len(points) >= 2:
            if self._press is not None:
                self._press = None
                self._drag = None
            a, b = points[0].position(), points[1].position()
            centre = (a + b) / 2
            spread = math.hypot(a.x() - b.x(), a.y() - b.y())
            if self._touch is not None:
                previous, previous_spread = self._touch
                self.pan_by(centre.x() - previous.x(), centre.y() - previous.y())
                if previous_spread > 1 and spread > 1:
                    self.zoom_by(spread / previous_spread, centre)
            self._touch = (centre, spread)
        elif len(event.points()) >= 1:
            point = event.points()[0].position()
            if kind == QEvent.Type.TouchBegin:
                self._touch = None
                self._begin_press(point, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0))
            elif kind == QEvent.Type.TouchEnd or not points:
                if self._touch is None:
                    self._end_press(point)
                self._press = None
                self._touch = None
            elif self._touch is None:
                self._move_to(point)
        event.accept()
