"""How seats look: colour modes, the colour-blind-safe default palette, the shape of each state,
and the sprite and label atlases that let one `drawPixmapFragments` call draw every seat.

A seat's *look* is (shape, colour) packed in one small integer, recomputed with numpy whenever
states or the colour mode change; the atlases hold one sprite per look and one picture per
distinct seat number. Nothing here loops over seats; loops run over looks and labels (tens).
Must not know prices, orders or the database.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen, QPixmap, QPolygonF

from seatmap_widget.plan import STATE_COUNT, ColourTables, SeatStatus, State


class ColourMode(enum.Enum):
    STATE = "state"
    CATEGORY = "category"  # the "Cat" filter of the source documents
    CONTINGENT = "contingent"  # the "Cont" filter


class SeatShape(enum.IntEnum):
    """Every state has its own shape, so colour is never the only cue."""

    DISC = 0  # free
    DIAMOND = 1  # held (in someone's cart)
    SQUARE = 2  # blocked
    TRIANGLE = 3  # reserved
    DOT = 4  # sold: a small disc
    CROSS = 5  # invalid
    RING = 6  # free, but not sellable by this channel


SHAPE_COUNT = len(SeatShape)
STATE_SHAPES = (
    SeatShape.DISC,
    SeatShape.DIAMOND,
    SeatShape.SQUARE,
    SeatShape.TRIANGLE,
    SeatShape.DOT,
    SeatShape.CROSS,
)

# Okabe & Ito's palette, distinguishable with the common colour-vision deficiencies.
STATE_COLOURS = (
    "#009E73",  # free: bluish green
    "#E69F00",  # held: orange
    "#000000",  # blocked: black
    "#CC79A7",  # reserved: reddish purple
    "#999999",  # sold: grey
    "#D55E00",  # invalid: vermillion
)
UNSELLABLE_COLOUR = "#56B4E9"  # sky blue ring
NONE_COLOUR = "#BBBBBB"  # no category / no contingent
SELECTED_COLOUR = "#0072B2"  # blue
MINE_COLOUR = "#F0E442"  # yellow, with a black ring: held by this till
DEFAULT_TABLE = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#000000",
)
BACKGROUND = "#FAFAF7"


def _argb(colour: QColor) -> int:
    return colour.rgba() & 0xFFFFFFFF


def _light(colour: QColor) -> bool:
    """Whether text on this colour should be white (relative luminance below ~0.4)."""
    r, g, b = colour.redF(), colour.greenF(), colour.blueF()
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.45


@dataclass(frozen=True, slots=True)
class Palette:
    """The colour of each colour slot: states, unsellable, none, then categories, contingents."""

    colours: tuple[QColor, ...]
    category_base: int
    contingent_base: int

    @classmethod
    def of(cls, tables: ColourTables) -> Palette:
        base = [QColor(c) for c in (*STATE_COLOURS, UNSELLABLE_COLOUR, NONE_COLOUR)]
        categories = [
            QColor(s.colour) if QColor.isValidColorName(s.colour) else QColor(DEFAULT_TABLE[i % 8])
            for i, s in enumerate(tables.categories)
        ]
        contingents = [
            QColor(s.colour) if QColor.isValidColorName(s.colour) else QColor(DEFAULT_TABLE[i % 8])
            for i, s in enumerate(tables.contingents)
        ]
        return cls(
            tuple(base + categories + contingents),
            category_base=len(base),
            contingent_base=len(base) + len(categories),
        )

    @property
    def size(self) -> int:
        return len(self.colours)

    def look_count(self) -> int:
        return SHAPE_COUNT * self.size

    def look_argb(self) -> npt.NDArray[np.uint32]:
        """Opaque ARGB of each look, for the zoomed-out splat."""
        per_colour = np.array([_argb(c) for c in self.colours], dtype=np.uint32)
        return np.tile(per_colour, SHAPE_COUNT)

    def look_light_text(self) -> npt.NDArray[np.bool_]:
        per_colour = np.array([_light(c) for c in self.colours], dtype=np.bool_)
        light = np.tile(per_colour, SHAPE_COUNT)
        # hollow and small shapes show the background around the number: dark text
        for shape in (SeatShape.RING, SeatShape.DOT, SeatShape.CROSS):
            light[shape * self.size : (shape + 1) * self.size] = False
        return light


def seat_looks(status: SeatStatus, mode: ColourMode, palette: Palette) -> npt.NDArray[np.int16]:
    """The look of every seat: status shapes and colours win over category and contingent."""
    state = status.state.astype(np.int16)
    free = state == State.FREE
    unsellable = free & ~status.sellable
    shape = np.where(unsellable, np.int16(SeatShape.RING), state)
    unsellable_slot = np.int16(STATE_COUNT)
    none_slot = np.int16(STATE_COUNT + 1)
    if mode is ColourMode.STATE:
        colour = np.where(unsellable, unsellable_slot, state)
    else:
        codes = status.category if mode is ColourMode.CATEGORY else status.contingent
        base = palette.category_base if mode is ColourMode.CATEGORY else palette.contingent_base
        limit = (palette.contingent_base if mode is ColourMode.CATEGORY else palette.size) - base
        valid = (codes >= 0) & (codes < limit)
        by_code = np.where(valid, codes + np.int16(base), none_slot)
        colour = np.where(free, by_code, state)
    looks: npt.NDArray[np.int16] = (shape * np.int16(palette.size) + colour).astype(np.int16)
    return looks


def draw_shape(
    painter: QPainter, shape: SeatShape, colour: QColor, centre: QPointF, d: float
) -> None:
    """One seat sprite of diameter `d` (used to build atlases and legend swatches)."""
    r = d / 2
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    outline = QColor(0, 0, 0, 90) if d >= 6 else QColor(0, 0, 0, 0)
    painter.setPen(QPen(outline, max(0.6, d / 18)) if d >= 6 else Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    cx, cy = centre.x(), centre.y()
    if shape is SeatShape.DISC:
        painter.drawEllipse(centre, r * 0.95, r * 0.95)
    elif shape is SeatShape.DOT:
        painter.drawEllipse(centre, r * 0.55, r * 0.55)
    elif shape is SeatShape.SQUARE:
        painter.drawRect(QRectF(cx - r * 0.8, cy - r * 0.8, r * 1.6, r * 1.6))
    elif shape is SeatShape.DIAMOND:
        painter.drawPolygon(
            QPolygonF(
                [QPointF(cx, cy - r), QPointF(cx + r, cy), QPointF(cx, cy + r), QPointF(cx - r, cy)]
            )
        )
    elif shape is SeatShape.TRIANGLE:
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(cx, cy - r * 0.95),
                    QPointF(cx + r * 0.95, cy + r * 0.75),
                    QPointF(cx - r * 0.95, cy + r * 0.75),
                ]
            )
        )
    elif shape is SeatShape.CROSS:
        pen = QPen(colour, max(1.0, d * 0.22))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        k = r * 0.65
        painter.drawLine(QPointF(cx - k, cy - k), QPointF(cx + k, cy + k))
        painter.drawLine(QPointF(cx - k, cy + k), QPointF(cx + k, cy - k))
    elif shape is SeatShape.RING:
        painter.setBrush(QColor(255, 255, 255, 200))
        painter.setPen(QPen(colour, max(1.0, d * 0.18)))
        painter.drawEllipse(centre, r * 0.8, r * 0.8)


class SpriteAtlas:
    """One sprite per look at one diameter, in a grid; source rectangles per look."""

    def __init__(self, palette: Palette, diameter: float, dpr: float = 1.0) -> None:
        self.diameter = diameter
        cell = math.ceil(diameter * dpr) + 2
        self.cell = cell
        looks = palette.look_count()
        columns = max(1, min(looks, 4096 // cell))
        rows = math.ceil(looks / columns)
        image = QImage(columns * cell, rows * cell, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        painter = QPainter(image)
        for look in range(looks):
            shape = SeatShape(look // palette.size)
            colour = palette.colours[look % palette.size]
            col, row = look % columns, look // columns
            centre = QPointF(col * cell + cell / 2, row * cell + cell / 2)
            draw_shape(painter, shape, colour, centre, diameter * dpr)
        painter.end()
        self.pixmap = QPixmap.fromImage(image)
        index = np.arange(looks)
        self.source_x = ((index % columns) * cell).astype(np.float64)
        self.source_y = ((index // columns) * cell).astype(np.float64)


class OverlayAtlas:
    """Sprites drawn over seats every frame: selected, held by this till, proposed, focus,
    hover. A few looks, so the atlas is rebuilt freely when the diameter changes."""

    SELECTED = 0
    MINE = 1
    PROPOSED = 2
    FOCUS = 3
    HOVER = 4
    COUNT = 5

    def __init__(self, diameter: float, dpr: float = 1.0) -> None:
        d = max(6.0, diameter) * dpr
        cell = math.ceil(d * 1.6) + 4
        self.cell = cell
        self.diameter = diameter
        image = QImage(cell * self.COUNT, cell, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        r = d / 2
        for kind in range(self.COUNT):
            c = QPointF(kind * cell + cell / 2, cell / 2)
            if kind == self.SELECTED:
                # a target: white disc, thick blue ring, blue centre; unlike any seat look
                painter.setPen(QPen(QColor("#000000"), max(1.0, d * 0.06)))
                painter.setBrush(QColor(SELECTED_COLOUR))
                painter.drawEllipse(c, r * 1.15, r * 1.15)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor("#FFFFFF"))
                painter.drawEllipse(c, r * 0.72, r * 0.72)
                painter.setBrush(QColor(SELECTED_COLOUR))
                painter.drawEllipse(c, r * 0.38, r * 0.38)
            elif kind == self.MINE:
                painter.setPen(QPen(QColor("#000000"), max(1.5, d * 0.16)))
                painter.setBrush(QColor(MINE_COLOUR))
                painter.drawEllipse(c, r * 0.95, r * 0.95)
            elif kind == self.PROPOSED:
                pen = QPen(QColor(SELECTED_COLOUR), max(1.5, d * 0.16))
                pen.setStyle(Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.setBrush(QColor(255, 255, 255, 90))
                painter.drawEllipse(c, r * 1.2, r * 1.2)
            elif kind == self.FOCUS:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(QColor("#FFFFFF"), max(3.0, d * 0.22)))
                painter.drawEllipse(c, r * 1.35, r * 1.35)
                painter.setPen(QPen(QColor("#000000"), max(1.5, d * 0.1)))
                painter.drawEllipse(c, r * 1.35, r * 1.35)
            else:
                painter.setBrush(QColor(0, 0, 0, 40))
                painter.setPen(QPen(QColor(0, 0, 0, 160), max(1.0, d * 0.08)))
                painter.drawEllipse(c, r * 1.2, r * 1.2)
        painter.end()
        self.pixmap = QPixmap.fromImage(image)


class LabelAtlas:
    """Every distinct seat number drawn once, dark and light, at one font size."""

    def __init__(self, texts: npt.NDArray[np.str_], pixel_size: int, dpr: float = 1.0) -> None:
        self.pixel_size = pixel_size
        font = QFont()
        font.setPixelSize(max(6, round(pixel_size * dpr)))
        metrics = QFontMetricsF(font)
        widths = [metrics.horizontalAdvance(str(t)) for t in texts]
        self.cell_w = math.ceil(max(widths, default=1.0)) + 2
        self.cell_h = math.ceil(metrics.height()) + 2
        columns = max(1, min(len(texts), 4096 // self.cell_w))
        rows = math.ceil(max(1, len(texts)) / columns)
        image = QImage(
            columns * self.cell_w, 2 * rows * self.cell_h, QImage.Format.Format_ARGB32_Premultiplied
        )
        image.fill(0)
        painter = QPainter(image)
        painter.setFont(font)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        align = Qt.AlignmentFlag.AlignCenter
        for variant, colour in enumerate((QColor("#000000"), QColor("#FFFFFF"))):
            painter.setPen(colour)
            for i, text in enumerate(texts):
                col, row = i % columns, i // columns + variant * rows
                painter.drawText(
                    QRectF(col * self.cell_w, row * self.cell_h, self.cell_w, self.cell_h),
                    align,
                    str(text),
                )
        painter.end()
        self.pixmap = QPixmap.fromImage(image)
        index = np.arange(len(texts))
        self.source_x = ((index % columns) * self.cell_w).astype(np.float64)
        self.source_y = ((index // columns) * self.cell_h).astype(np.float64)
        self.light_offset = float(rows * self.cell_h)
