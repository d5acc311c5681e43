"""A demo till on a temporary database, built once per session and copied for each test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.config import load_station
from app.main import open_till
from tests.fakes import FixedClock


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo-template")
    open_till(load_station(folder, demo=True), FixedClock())
    return folder


@pytest.fixture
def demo_dir(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "till"
    shutil.copytree(demo_template, target)
    return target
