"""Canary for the PySide6 6.12.0 bug on Python 3.11.

There, every call of a method returning nothing drops a reference to ``None`` and the process
aborts with "none_dealloc" after a few thousand calls. This test sees the leak directly, and
also keeps the pin honest on Pythons where ``None`` is immortal and the leak is invisible.
"""

import sys
from importlib.metadata import version

import pytest
from PySide6.QtCore import QObject


def _release(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".")[:2])


def test_none_is_not_leaked_by_void_calls() -> None:
    if sys.version_info >= (3, 12):
        pytest.skip("None is immortal from Python 3.12 on; the version test covers this")
    obj = QObject()
    obj.setObjectName("warm-up")
    before = sys.getrefcount(None)
    for _ in range(1000):
        obj.setObjectName("canary")
    after = sys.getrefcount(None)
    # A leaking build loses one reference per call (-1000); allow noise from the interpreter.
    assert after - before > -50, f"None lost {before - after} references in 1000 void calls"


def test_installed_pyside_is_below_the_broken_release() -> None:
    assert _release(version("PySide6-Essentials")) < (6, 12)
