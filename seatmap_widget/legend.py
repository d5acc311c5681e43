"""The legend beside a seat map: the colour-mode switch (State / Cat / Cont), the shape and
colour of each state with its count (Total, free, held, blocked, reserved, sold, invalid), and
the colours of categories or contingents in those modes.

It reads counts and colours from the `SeatMapWidget` it is given and follows its signals; it
keeps no seat data of its own and must not compute anything per seat.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from seatmap_widget.looks import (
    STATE_COLOURS,
    STATE_SHAPES,
    UNSELLABLE_COLOUR,
    ColourMode,
    OverlayAtlas,
    SeatShape,
    draw_shape,
)
from seatmap_widget.plan import State
from seatmap_widget.widget import SeatMapWidget

SWATCH = 16


def swatch(shape: SeatShape, colour: QColor, ring: QColor | None = None) -> QPixmap:
    image = QPixmap(SWATCH, SWATCH)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    draw_shape(painter, shape, colour, QPointF(SWATCH / 2, SWATCH / 2), SWATCH - 2)
    painter.end()
    return image


def overlay_swatch(kind: int) -> QPixmap:
    """A mark the map draws over seats (``OverlayAtlas.SELECTED``, ``.MINE``), as it draws it."""
    overlay = OverlayAtlas(SWATCH / 1.3)
    cell = overlay.cell
    return overlay.pixmap.copy(kind * cell, 0, cell, cell).scaled(
        SWATCH,
        SWATCH,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


class SeatMapLegend(QWidget):
    """Mode switch, state counts and colour keys for one `SeatMapWidget`."""

    COUNT_KEYS = ("total", "free", "held", "blocked", "reserved", "sold", "invalid")

    def __init__(self, seat_map: SeatMapWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.seat_map = seat_map
        self.setObjectName("seatMapLegend")
        self.mode_buttons: dict[ColourMode, QPushButton] = {}
        modes = QHBoxLayout()
        modes.setSpacing(2)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        for mode, text, tip in (
            (ColourMode.STATE, self.tr("State"), self.tr("Colour seats by state")),
            (ColourMode.CATEGORY, self.tr("Cat"), self.tr("Colour free seats by category")),
            (ColourMode.CONTINGENT, self.tr("Cont"), self.tr("Colour free seats by contingent")),
        ):
            button = QPushButton(text)
            button.setCheckable(True)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.setMinimumHeight(32)
            button.setObjectName(f"mode_{mode.value}")
            self._group.addButton(button)
            modes.addWidget(button)
            button.clicked.connect(lambda _checked=False, m=mode: self.seat_map.set_colour_mode(m))
            self.mode_buttons[mode] = button
        self.mode_buttons[seat_map.colour_mode].setChecked(True)

        self.count_labels: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        names = self._state_names()
        for row, key in enumerate(self.COUNT_KEYS):
            if key != "total":
                state = State[key.upper()]
                icon = QLabel()
                icon.setPixmap(swatch(STATE_SHAPES[state], QColor(STATE_COLOURS[state])))
                grid.addWidget(icon, row, 0)
            name = QLabel(names[key])
            value = QLabel("0")
            value.setObjectName(f"count_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setMinimumWidth(60)
            name.setBuddy(value)
            grid.addWidget(name, row, 1)
            grid.addWidget(value, row, 2)
            self.count_labels[key] = value
        extra = len(self.COUNT_KEYS)
        # The marks as the map draws them (a selected seat and one held by this till have
        # different marks: the held one used to show the selection's).
        self.mark_icons: dict[str, QLabel] = {}
        for offset, (key, picture, text) in enumerate(
            (
                ("unsellable", swatch(SeatShape.RING, QColor(UNSELLABLE_COLOUR)),
                 self.tr("Not sellable here")),
                ("selected", overlay_swatch(OverlayAtlas.SELECTED), self.tr("Selected")),
                ("mine", overlay_swatch(OverlayAtlas.MINE), self.tr("Held by this till")),
            )
        ):  # fmt: skip
            icon = QLabel()
            icon.setPixmap(picture)
            self.mark_icons[key] = icon
            grid.addWidget(icon, extra + offset, 0)
            grid.addWidget(QLabel(text), extra + offset, 1, 1, 2)

        self.keys = QWidget()
        self.keys.setObjectName("legendKeys")
        self._keys_layout = QGridLayout(self.keys)
        self._keys_layout.setContentsMargins(0, 4, 0, 0)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(modes)
        layout.addLayout(grid)
        layout.addWidget(self.keys)
        layout.addStretch(1)

        seat_map.counts_changed.connect(self.refresh)
        seat_map.mode_changed.connect(self.refresh)
        self.refresh()

    def _state_names(self) -> dict[str, str]:
        return {
            "total": self.tr("Total"),
            "free": self.tr("Free"),
            "held": self.tr("Held"),
            "blocked": self.tr("Blocked"),
            "reserved": self.tr("Reserved"),
            "sold": self.tr("Sold"),
            "invalid": self.tr("Invalid"),
        }

    def refresh(self) -> None:
        """Counts from the map's current states; colour keys for the current mode."""
        counts = self.seat_map.counts()
        self.count_labels["total"].setText(str(sum(counts.values())))
        for state, value in counts.items():
            self.count_labels[state.name.lower()].setText(str(value))
        mode = self.seat_map.colour_mode
        button = self.mode_buttons[mode]
        if not button.isChecked():
            button.setChecked(True)
        self._show_keys(mode)

    def set_mode(self, mode: ColourMode) -> None:
        self.seat_map.set_colour_mode(mode)
        self.refresh()

    def _show_keys(self, mode: ColourMode) -> None:
        while self._keys_layout.count():
            item = self._keys_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        tables = self.seat_map.tables
        swatches = (
            tables.categories
            if mode is ColourMode.CATEGORY
            else tables.contingents
            if mode is ColourMode.CONTINGENT
            else ()
        )
        rows = [(s.name, QColor(s.colour)) for s in swatches]
        if mode is ColourMode.CONTINGENT:
            rows.append((self.tr("No contingent"), QColor(self.seat_map.seat_palette.colours[7])))
        for row, (text, colour) in enumerate(rows):
            icon = QLabel()
            icon.setPixmap(swatch(SeatShape.DISC, colour))
            self._keys_layout.addWidget(icon, row, 0)
            self._keys_layout.addWidget(QLabel(text), row, 1)
        self.keys.setVisible(bool(rows))

    def key_names(self) -> list[str]:
        """The names listed under the counts (categories or contingents), top to bottom."""
        names = []
        for i in range(self._keys_layout.count()):
            item = self._keys_layout.itemAt(i)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel) and widget.text():
                names.append(widget.text())
        return names
