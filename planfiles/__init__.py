"""Plan files: read seat plans into `domain.venue.PhysicalLayout` objects, write our format.

Formats: ours, ``guichet.seatplan`` version 1 (see `planfiles.seatplan` and
``resources/schemas/guichet-seatplan-1.schema.json``), and pretix seating-plan JSON (import
only, see `planfiles.pretix`). Reading either returns a whole, checked layout or raises
`PlanError` listing every problem with its place. Pure Python, json and jsonschema: this package
must not import Qt, SQLAlchemy or anything of ``app``, and never touches a database.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path
from typing import Any

from domain.venue import PhysicalLayout
from planfiles.common import MAX_TEXT, text_problem
from planfiles.errors import PlanError, Problem
from planfiles.pretix import layout_to_pretix, looks_like_pretix, read_pretix
from planfiles.seatplan import FORMAT, read_seatplan, write_plan
from planfiles.summary import PlanSummary, format_summary, summarize

__all__ = [
    "FORMAT",
    "MAX_FILE_BYTES",
    "MAX_TEXT",
    "PlanError",
    "PlanSummary",
    "Problem",
    "format_summary",
    "layout_to_pretix",
    "load_json",
    "parse_plan",
    "read_plan",
    "read_plan_bytes",
    "summarize",
    "text_problem",
    "write_plan",
]

MAX_FILE_BYTES = 64 * 1024 * 1024  # a 100,000-seat plan is about 10 MB
_LONG_NUMBER = re.compile(r"\d{4000,}")


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
    except ValueError:  # Python refuses integers of more than 4,300 digits
        raise PlanError([_long_number(text)], source=source) from None
    except RecursionError:
        problem = Problem("(plan)", "the JSON is nested too deeply")
        raise PlanError([problem], source=source) from None


def _long_number(text: str) -> Problem:
    found = _LONG_NUMBER.search(text)
    if found is None:
        return Problem("(plan)", "a number has too many digits")
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - text.rfind("\n", 0, found.start())
    return Problem(f"line {line}, column {column}", "a number has too many digits")


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


def read_plan_bytes(path: Path | str) -> bytes:
    """The bytes of the plan file at `path`; `PlanError` if it cannot be read, is not a regular
    file (reading a FIFO or a device such as ``/dev/zero`` would hang or fill the memory) or is
    larger than `MAX_FILE_BYTES`."""
    path = Path(path)

    def refuse(message: str) -> PlanError:
        return PlanError([Problem(str(path), message)], source=str(path))

    too_big = f"the file is larger than {MAX_FILE_BYTES // 2**20} MiB, too large for a plan"
    try:
        # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise refuse(f"cannot read the file: {error.strerror or error}") from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise refuse(f"not a plan file but {_kind(info.st_mode)}")
        if info.st_size > MAX_FILE_BYTES:
            raise refuse(too_big)
        with os.fdopen(descriptor, "rb") as file:  # closes the descriptor
            descriptor = -1
            data = file.read(MAX_FILE_BYTES + 1)  # not its stated size: it may be growing
    except OSError as error:
        raise refuse(f"cannot read the file: {error.strerror or error}") from None
    finally:
        if descriptor >= 0:
            os.close(descriptor)
    if len(data) > MAX_FILE_BYTES:
        raise refuse(too_big)
    return data


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"


def read_plan(
    path: Path | str, *, layout_id: str, hall_id: str, name: str | None = None
) -> PhysicalLayout:
    """The layout in the plan file at `path`; `PlanError` if unreadable or invalid."""
    data = read_plan_bytes(path)
    return parse_plan(data, layout_id=layout_id, hall_id=hall_id, name=name, source=str(path))
