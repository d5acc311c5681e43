"""Plan files: read seat plans into `domain.venue.PhysicalLayout` objects, write our format.

Formats: ours, ``guichet.seatplan`` version 1 (see `planfiles.seatplan` and
``resources/schemas/guichet-seatplan-1.schema.json``), and pretix seating-plan JSON (import
only, see `planfiles.pretix`). Reading either returns a whole, checked layout or raises
`PlanError` listing every problem with its place. Pure Python, json and jsonschema: this package
must not import Qt, SQLAlchemy or anything of ``app``, and never touches a database.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from domain.venue import PhysicalLayout
from planfiles.errors import PlanError, Problem
from planfiles.pretix import layout_to_pretix, looks_like_pretix, read_pretix
from planfiles.seatplan import FORMAT, read_seatplan, write_plan
from planfiles.summary import PlanSummary, format_summary, summarize

__all__ = [
    "FORMAT",
    "PlanError",
    "PlanSummary",
    "Problem",
    "format_summary",
    "layout_to_pretix",
    "load_json",
    "parse_plan",
    "read_plan",
    "summarize",
    "write_plan",
]


def load_json(text: str | bytes, *, source: str = "<plan>") -> Any:
    """The JSON value of `text`, or `PlanError` placed at ``line L, column C``."""
    if isinstance(text, bytes | bytearray):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise PlanError(
                [Problem(f"byte {error.start}", "the file is not UTF-8 text")], source=source
            ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise PlanError(
            [Problem(f"line {error.lineno}, column {error.colno}", error.msg)], source=source
        ) from None
    except RecursionError:
        problem = Problem("(plan)", "the JSON is nested too deeply")
        raise PlanError([problem], source=source) from None


def parse_plan(
    text: str | bytes,
    *,
    layout_id: str,
    hall_id: str,
    name: str | None = None,
    source: str = "<plan>",
) -> PhysicalLayout:
    """The layout in a plan file's text (either format). `name` overrides the plan's name."""
    doc = load_json(text, source=source)
    if not isinstance(doc, dict):
        raise PlanError(
            [Problem("(plan)", "expected a JSON object at the top level")], source=source
        )
    if "format" in doc:
        if doc["format"] != FORMAT:
            raise PlanError(
                [Problem("format", f"unknown plan format {doc['format']!r}, expected {FORMAT!r}")],
                source=source,
            )
        return read_seatplan(doc, layout_id=layout_id, hall_id=hall_id, name=name, source=source)
    if looks_like_pretix(doc):
        return read_pretix(doc, layout_id=layout_id, hall_id=hall_id, name=name, source=source)
    raise PlanError(
        [
            Problem(
                "(plan)",
                f'not a plan: expected "format": "{FORMAT}" or a pretix seating plan '
                "(zones, categories, size)",
            )
        ],
        source=source,
    )


def read_plan(
    path: Path | str, *, layout_id: str, hall_id: str, name: str | None = None
) -> PhysicalLayout:
    """The layout in the plan file at `path`; `PlanError` if unreadable or invalid."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise PlanError(
            [Problem(str(path), f"cannot read the file: {error.strerror or error}")],
            source=str(path),
        ) from None
    return parse_plan(data, layout_id=layout_id, hall_id=hall_id, name=name, source=str(path))
