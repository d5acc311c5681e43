"""Every user-visible string is translated into French and German, and the client switches."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from app.ui.translation import set_language
from resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(str(p) for d in ("app/ui", "seatmap_widget") for p in (ROOT / d).rglob("*.py"))


def _lupdate() -> str:
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    return str(tool) if tool.exists() else (shutil.which("pyside6-lupdate") or "pyside6-lupdate")


@pytest.mark.parametrize("language", ["fr", "de"])
def test_every_string_in_the_code_has_a_translation(language: str, tmp_path: Path) -> None:
    ts = tmp_path / f"guichet_{language}.ts"
    shutil.copy(resource_path("translations", f"guichet_{language}.ts"), ts)
    result = subprocess.run(
        [_lupdate(), "-no-obsolete", *SOURCES, "-ts", str(ts)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    untranslated = [
        message.findtext("source")
        for message in ET.parse(ts).getroot().iter("message")
        if message.find("translation").get("type") == "unfinished"
        or not message.findtext("translation")
    ]
    assert untranslated == [], f"run scripts/translations and translate: {untranslated}"


@pytest.mark.parametrize(
    ("language", "expected"), [("fr", "Se connecter"), ("de", "Anmelden"), ("en", "Log in")]
)
def test_compiled_translations_switch_the_language(
    qtbot: QtBot, language: str, expected: str
) -> None:
    try:
        assert set_language(language)
        assert QCoreApplication.translate("LoginScreen", "Log in") == expected
    finally:
        set_language("en")
