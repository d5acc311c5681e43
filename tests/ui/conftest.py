"""A demo till on a temporary database, built once per session and copied for each test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

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


@pytest.fixture(autouse=True)
def no_key_left_held(qapp: QApplication) -> Iterator[None]:
    """QTest's key clicks with a modifier (Ctrl+R) leave the application believing the modifier
    is still held until the next key event: the next test must not start with Ctrl down."""
    yield
    if QGuiApplication.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        QTest.keyRelease(QWidget(), Qt.Key.Key_Control)
