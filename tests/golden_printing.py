"""Golden files of the printing and printer tests: expected bytes and pictures under
tests/golden/printing.

Set GUICHET_UPDATE_GOLDEN=1 to (re)write them after an intended change, then look at the
pictures before committing them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image, ImageChops

GOLDEN = Path(__file__).resolve().parent / "golden" / "printing"
UPDATE = os.environ.get("GUICHET_UPDATE_GOLDEN") == "1"


def _check_bytes(name: str, data: bytes) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        if not UPDATE:
            pytest.fail(f"golden file {path} is missing; run with GUICHET_UPDATE_GOLDEN=1")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    expected = path.read_bytes()
    if data != expected:
        at = next(
            (i for i, (a, b) in enumerate(zip(data, expected, strict=False)) if a != b),
            min(len(data), len(expected)),
        )
        pytest.fail(
            f"{name}: bytes differ from the golden file at offset {at}: "
            f"got {data[at : at + 16].hex(' ')}, expected {expected[at : at + 16].hex(' ')} "
            f"({len(data)} vs {len(expected)} bytes)"
        )


def _check_png(name: str, image: Image.Image) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        image.save(path, format="PNG")
    if not path.exists():
        pytest.fail(f"golden picture {path} is missing; run with GUICHET_UPDATE_GOLDEN=1")
    with Image.open(path) as stored:
        expected = stored.convert("1")
    actual = image.convert("1")
    assert actual.size == expected.size, f"{name}: size {actual.size} != {expected.size}"
    diff = ImageChops.difference(actual.convert("L"), expected.convert("L"))
    changed = actual.width * actual.height - diff.histogram()[0]
    # Glyph edges may move by a pixel with another FreeType; layout errors change far more.
    assert changed <= actual.width * actual.height // 200, f"{name}: {changed} pixels differ"


@pytest.fixture
def golden_bytes() -> Callable[[str, bytes], None]:
    return _check_bytes


@pytest.fixture
def golden_png() -> Callable[[str, Image.Image], None]:
    return _check_png
