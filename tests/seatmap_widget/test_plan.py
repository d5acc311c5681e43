"""The widget's plain-data plan: ids to indices, the compiled cache, checks on bad data."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from seatmap_helpers import small_plan, small_status

from seatmap_widget import SeatPlan, SeatStatus, State


def test_ids_map_to_indices_and_unknown_ids_to_minus_one() -> None:
    plan = small_plan()
    found = plan.indices_of(["C-8", "A-1", "nope", "A-1-but-much-longer-than-any-id"])
    assert found.tolist() == [23, 0, -1, -1]


def test_compiled_plan_round_trips(tmp_path: Path) -> None:
    plan = small_plan()
    plan.save(tmp_path / "plan.npz")
    loaded = SeatPlan.load(tmp_path / "plan.npz")
    assert loaded.ids.tolist() == plan.ids.tolist()
    assert np.array_equal(loaded.x, plan.x) and np.array_equal(loaded.flags, plan.flags)
    assert loaded.row_labels == plan.row_labels and loaded.zone_names == plan.zone_names
    assert loaded.shapes == plan.shapes and loaded.ga_zones == plan.ga_zones


def test_a_damaged_cache_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "plan.npz"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ValueError, match="not a compiled seat plan"):
        SeatPlan.load(path)


def test_duplicate_ids_and_ragged_columns_are_refused() -> None:
    with pytest.raises(ValueError, match="unique"):
        SeatPlan.from_columns(["a", "a"], [0, 1], [0, 0], ["z", "z"], ["1", "1"], ["1", "2"])
    with pytest.raises(ValueError):
        SeatPlan.from_columns(["a", "b"], [0], [0, 0], ["z", "z"], ["1", "1"], ["1", "2"])


def test_status_counts_and_checks() -> None:
    plan = small_plan()
    counts = small_status(plan).counts()
    assert counts[State.SOLD] == 2 and counts[State.FREE] == plan.size - 6
    with pytest.raises(ValueError):
        SeatStatus.of(3, state=[0, 9, 0])
    with pytest.raises(ValueError):
        SeatStatus.of(3, state=[0, 0])
