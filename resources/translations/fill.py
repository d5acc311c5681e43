"""Fill the .ts files from the glossaries: resources/translations/glossary/*.json map each English
source text to its French and German text ({"Log in": {"fr": "...", "de": "..."}}).

Run by scripts/translations after lupdate; prints what is still untranslated and exits 1 then.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent


def glossary() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for path in sorted((HERE / "glossary").glob("*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def fill(language: str, words: dict[str, dict[str, str]]) -> list[str]:
    path = HERE / f"guichet_{language}.ts"
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        text = words.get(source, {}).get(language)
        if text:
            translation.text = text
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


def main() -> int:
    words = glossary()
    status = 0
    for language in ("fr", "de"):
        missing = fill(language, words)
        for source in missing:
            print(f"untranslated ({language}): {source!r}", file=sys.stderr)
        status |= bool(missing)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
