"""Golden images of a small plan in each colour mode, and zoomed out (the splat level).

Text-free (labels off) so fonts cannot make them differ. Compared with a small tolerance for
antialiasing. To regenerate after an intended change of looks, run once with
``GUICHET_UPDATE_GOLDEN=1`` and look at the images before committing them.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from seatmap_helpers import TABLES, small_plan, small_status

from seatmap_widget import ColourMode, SeatMapWidget

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "seatmap"
UPDATE = os.environ.get("GUICHET_UPDATE_GOLDEN") == "1"


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    array = np.frombuffer(image.constBits(), dtype=np.uint8)
    return array.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 4].astype(
        np.int16
    )


def render(qtbot: QtBot, mode: ColourMode, zoom: float = 1.0) -> QImage:
    widget = SeatMapWidget()
    qtbot.addWidget(widget)
    widget.show_labels = False
    widget.resize(320, 200)
    plan = small_plan()
    widget.set_plan(plan, small_status(plan), TABLES)
    widget.set_colour_mode(mode)
    widget.set_selection(["C-1", "C-2"])
    if zoom != 1.0:
        scale, ox, oy = widget.view()
        # keep the view's centre where it is
        cx, cy = (160 - ox) / scale, (100 - oy) / scale
        widget.set_view(scale * zoom, 160 - cx * scale * zoom, 100 - cy * scale * zoom)
    image = QImage(320, 200, QImage.Format.Format_ARGB32_Premultiplied)
    widget.render(image)
    return image


def check(image: QImage, name: str) -> None:
    path = GOLDEN / f"{name}.png"
    if UPDATE:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        image.save(str(path))
    assert path.exists(), f"no golden image {path}: run once with GUICHET_UPDATE_GOLDEN=1"
    expected = pixels(QImage(str(path)))
    actual = pixels(image)
    assert actual.shape == expected.shape
    difference = np.abs(actual - expected)
    # antialiasing may move a few edge pixels a little; a wrong colour or shape moves many
    assert float(difference.mean()) < 0.5
    assert float((difference.max(axis=1) > 48).mean()) < 0.005


@pytest.mark.parametrize("mode", list(ColourMode), ids=lambda m: m.value)
def test_each_colour_mode_matches_its_golden_image(qtbot: QtBot, mode: ColourMode) -> None:
    check(render(qtbot, mode), f"small-{mode.value}")


def test_zoomed_out_seats_are_splatted_as_in_the_golden_image(qtbot: QtBot) -> None:
    check(render(qtbot, ColourMode.STATE, zoom=0.2), "small-state-splat")


def test_colour_modes_really_differ(qtbot: QtBot) -> None:
    images = [pixels(render(qtbot, mode)) for mode in ColourMode]
    assert not np.array_equal(images[0], images[1])
    assert not np.array_equal(images[1], images[2])
