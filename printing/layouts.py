"""Layouts are data: JSON files checked against ``resources/printing/layout.schema.json``.

A *positioned* layout places elements on a page (2"×5.5" thermal ticket stock in printer dots,
A4 in millimetres); a *flow* layout is a list of lines on a roll (80 mm receipts). Text is a
template where ``{field}`` stands for a document field (`printing.data.ticket_fields` …);
``{{`` and ``}}`` print braces. Loading checks the schema and that every field exists for the
layout's kind, so a typo fails when the layout is read, not at the counter. Nothing here
renders; the renderers read these frozen objects.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema

from printing import data
from printing.errors import LayoutError

LAYOUT_FORMAT = "guichet.layout/1"
DEFAULT_TICKET = "ticket-2x5.5"
DEFAULT_RECEIPT = "receipt-80mm"
DEFAULT_ROLL_TICKET = "ticket-80mm"
DEFAULT_HOME_TICKET = "ticket-a4"
DEFAULT_REPORT = "report-a4"
DEFAULT_ROLL_REPORT = "report-80mm"

_FIELD = re.compile(r"\{([^{}]*)\}")


def resource_dir() -> Path:
    return Path(str(resources.files("resources.printing")))


@cache
def _schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(
        (resource_dir() / "layout.schema.json").read_text(encoding="utf-8")
    )
    return loaded


@cache
def fields_for(kind: str) -> frozenset[str]:
    if kind == "ticket":
        return frozenset(data.ticket_fields(data.sample_ticket()))
    if kind == "receipt":
        return frozenset(data.receipt_fields(data.sample_receipt()))
    return frozenset(data.report_fields(data.sample_report()))


@dataclass(frozen=True, slots=True)
class Element:
    type: str
    x: float
    y: float
    text: str = ""
    value: str = ""
    font: str = "normal"
    bold: bool = False
    rotation: int = 0
    align: str = "left"
    max_width: float | None = None
    whole: bool = False  # a mandatory mention: never cut (shrink, then wrap onto `lines`)
    lines: int = 1
    height: float = 0.0
    width: float = 0.0
    module: float = 0.0
    human_readable: bool = False
    image: str = "logo.png"
    x2: float = 0.0
    y2: float = 0.0
    thickness: float = 1.0
    when: str = ""


@dataclass(frozen=True, slots=True)
class Block:
    type: str
    text: str = ""
    left: str = ""
    right: str = ""
    value: str = ""
    align: str = "left"
    size: str = "normal"
    bold: bool = False
    char: str = "-"
    lines: int = 1
    image: str = "logo.png"
    width: int = 0
    height: int = 80
    module: int = 0
    human_readable: bool = True
    source: str = ""
    when: str = ""


@dataclass(frozen=True, slots=True)
class Layout:
    name: str
    kind: str  # ticket, receipt, report
    mode: str  # positioned, flow
    language: str = "fr"
    width: float = 0.0
    height: float = 0.0
    unit: str = "dot"
    dpi: int = 203
    elements: tuple[Element, ...] = ()
    blocks: tuple[Block, ...] = ()

    @property
    def positioned(self) -> bool:
        return self.mode == "positioned"


_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")


def fill(template: str, fields: Mapping[str, str]) -> str:
    """The template with each ``{field}`` replaced; unknown fields were refused at load.
    One pass, so a field's value is never read as a template."""
    if "{" not in template and "}" not in template:
        return template

    def token(match: re.Match[str]) -> str:
        if match.group(0) == "{{":
            return "{"
        if match.group(0) == "}}":
            return "}"
        return fields.get(match.group(1), "")

    return _TOKEN.sub(token, template)


def _check_templates(raw: Mapping[str, Any], kind: str, place: str) -> None:
    known = fields_for(kind)
    for key in ("text", "value", "left", "right", "when"):
        template = raw.get(key)
        if not isinstance(template, str):
            continue
        names = (
            [template]
            if key == "when"
            else _FIELD.findall(template.replace("{{", "").replace("}}", ""))
        )
        for name in names:
            if name not in known:
                raise LayoutError(
                    f"unknown field {name!r} for a {kind} (known: {', '.join(sorted(known))})",
                    place=f"{place}.{key}",
                )


def parse_layout(raw: Any, source: str = "layout") -> Layout:
    """A layout from parsed JSON; LayoutError says where a problem is."""
    validator = jsonschema.Draft202012Validator(_schema())
    errors = sorted(validator.iter_errors(raw), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "(top)"
        raise LayoutError(first.message, place=f"{source}: {where}")
    kind: str = raw["kind"]
    elements = []
    for index, item in enumerate(raw.get("elements", [])):
        _check_templates(item, kind, f"{source}: elements/{index}")
        elements.append(Element(**item))
    blocks = []
    for index, item in enumerate(raw.get("blocks", [])):
        _check_templates(item, kind, f"{source}: blocks/{index}")
        blocks.append(Block(**item))
    page = raw.get("page", {})
    return Layout(
        name=raw["name"],
        kind=kind,
        mode=raw["mode"],
        language=raw.get("language", "fr"),
        width=float(page.get("width", 0)),
        height=float(page.get("height", 0)),
        unit=page.get("unit", "dot"),
        dpi=int(page.get("dpi", 203)),
        elements=tuple(elements),
        blocks=tuple(blocks),
    )


def read_layout(path: Path) -> Layout:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise LayoutError(f"cannot read: {error.strerror or error}", place=str(path)) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise LayoutError(f"not JSON: {error}", place=str(path)) from None
    return parse_layout(raw, str(path))


@cache
def builtin(name: str) -> Layout:
    """One of the layouts shipped in resources/printing/layouts."""
    path = resource_dir() / "layouts" / f"{name}.json"
    if not path.exists():
        raise LayoutError(f"no built-in layout named {name!r}")
    return read_layout(path)


def builtin_names() -> list[str]:
    return sorted(p.stem for p in (resource_dir() / "layouts").glob("*.json"))
