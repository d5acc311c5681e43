"""The legend's marks are the map's: a seat selected and a seat held by this till look apart."""

from __future__ import annotations

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from seatmap_helpers import make_widget

from seatmap_widget import SeatMapLegend
from seatmap_widget.legend import overlay_swatch
from seatmap_widget.looks import OverlayAtlas


def _image(legend: SeatMapLegend, key: str) -> QImage:
    return legend.mark_icons[key].pixmap().toImage()


def test_selected_and_held_by_this_till_have_different_marks(qtbot: QtBot) -> None:
    legend = SeatMapLegend(make_widget(qtbot))
    qtbot.addWidget(legend)
    selected, mine = _image(legend, "selected"), _image(legend, "mine")
    assert selected != mine
    # each is the mark the map draws over such a seat
    assert selected == overlay_swatch(OverlayAtlas.SELECTED).toImage()
    assert mine == overlay_swatch(OverlayAtlas.MINE).toImage()
    assert _image(legend, "unsellable") not in (selected, mine)
