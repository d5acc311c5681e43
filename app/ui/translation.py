"""Installs the translations shipped in resources/translations for the chosen language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from resources import resource_path

LANGUAGE_LOCALES = {"en": "en_GB", "fr": "fr_FR", "de": "de_DE"}

_installed: list[QTranslator] = []


def set_language(language: str) -> bool:
    """Switch the whole client to ``language`` (en, fr, de). False if its file is missing."""
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(LANGUAGE_LOCALES.get(language, "en_GB")))
    if language == "en":
        return True
    translator = QTranslator(app)
    path = resource_path("translations", f"guichet_{language}.qm")
    if not translator.load(str(path)):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
