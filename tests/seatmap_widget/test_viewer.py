"""The standalone viewer: it opens demo venues and plan files, and says why a bad file
cannot be shown instead of crashing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from planfiles import PlanError
from seatmap_widget.__main__ import ViewerWindow
from seatmap_widget.loading import load

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"


def test_the_theatre_file_loads_with_its_categories_and_stage() -> None:
    loaded = load(str(DEMO / "le-theatre.seatplan.json"))
    assert loaded.plan.size == 1400
    assert [s.name for s in loaded.tables.categories] == ["Cat 1", "Cat 2", "Cat 3", "PMR"]
    assert (loaded.categories >= 0).all()
    assert any(a.label == "Scène" for a in loaded.plan.shapes)
    assert loaded.focal_point == (1000.0, 120.0)


def test_the_concert_hall_keeps_its_standing_zone() -> None:
    loaded = load("concert", demo=True)
    assert [(z.name, z.capacity) for z in loaded.plan.ga_zones] == [("Fosse", 800)]


def test_a_garbled_file_raises_a_plan_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(b'{"format": "guichet.seatplan", "zones": [')
    with pytest.raises(PlanError):
        load(str(path))


def test_a_fifo_or_a_device_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.json"
    os.mkfifo(fifo)
    with pytest.raises(PlanError, match="pipe"):
        load(str(fifo))
    with pytest.raises(PlanError, match="device"):
        load("/dev/zero")


def test_the_viewer_shows_a_plan_and_best_available(qtbot: QtBot) -> None:
    window = ViewerWindow("theatre")
    qtbot.addWidget(window)
    window.load_in_background("theatre", True, 0.5)
    qtbot.waitUntil(lambda: window.loaded is not None, timeout=10_000)
    assert window.seat_map.plan.size == 1400
    assert window.legend.count_labels["total"].text() == "1400"
    window.count.setValue(3)
    window.propose()
    assert window.seat_map.selected_indices().size == 3


def test_the_viewer_explains_a_file_it_cannot_show(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(b"\xff\xfe not json")
    window = ViewerWindow("broken")
    qtbot.addWidget(window)
    window.load_in_background(str(path), False, 0.0)
    qtbot.waitUntil(lambda: "cannot be shown" in window.line.text(), timeout=10_000)
    assert "UTF-8" in window.line.text()


def test_a_large_plan_is_read_in_a_child_process_with_the_same_result(tmp_path: Path) -> None:
    import json

    from resources.demo.stadium import generate_stadium
    from seatmap_widget.loading import load_in_process

    path = tmp_path / "stadium.seatplan.json"
    path.write_text(json.dumps(generate_stadium(seats=2_000)), encoding="utf-8")
    here, there = load(str(path)), load_in_process(str(path))
    assert there.plan.size == here.plan.size == 2_000
    assert list(there.plan.ids) == list(here.plan.ids)
    assert (there.plan.x == here.plan.x).all() and (there.categories == here.categories).all()
