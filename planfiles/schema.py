"""JSON Schema validation of plan files, reported as `Problem`s.

The schemas live in ``resources/schemas``. Validating every seat of a 100,000-seat plan with
jsonschema takes seconds, so the readers validate a *skeleton* of the document (seat data cut
down) with the schema and check the seat data with their own fast code. This module only knows
how to run a schema and word its errors; it must not know any format's semantics.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Sequence
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from planfiles.errors import Problems, TooManyProblems, format_path, path_join
from resources import resource_path

SEATPLAN_SCHEMA = "guichet-seatplan-1.schema.json"
PRETIX_SCHEMA = "pretix-seating-plan-import.schema.json"

_JSON_TYPES = {
    "object": "an object",
    "array": "an array",
    "string": "a string",
    "number": "a number",
    "integer": "an integer",
    "boolean": "true or false",
    "null": "null",
}


@cache
def validator(schema_name: str) -> Draft202012Validator:
    """The compiled validator of one of our schemas (loaded once)."""
    schema = json.loads(resource_path("schemas", schema_name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@cache
def definition_validator(schema_name: str, definition: str) -> Draft202012Validator:
    """A validator for one of a schema's ``$defs`` (e.g. one row), sharing its definitions."""
    full = validator(schema_name).schema
    return Draft202012Validator(
        {"$schema": full["$schema"], "$defs": full["$defs"], "$ref": f"#/$defs/{definition}"}
    )


def json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _describe(error: ValidationError, at: Sequence[str | int]) -> tuple[str, str]:
    """(place, message) for one schema error, worded for a technician."""
    place = format_path([*at, *error.absolute_path])
    kind = error.validator
    value = error.validator_value
    if kind == "required":
        # jsonschema reports at the object; name the missing field itself.
        missing = error.message.split("'")[1] if "'" in error.message else str(value)
        parent = "" if place == "(plan)" else place
        return path_join(parent, missing), "required field is missing"
    if kind == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        parent = "" if place == "(plan)" else place
        return path_join(parent, extra[0] if extra else "?"), "unknown field"
    if kind == "type":
        wanted = value if isinstance(value, list) else [value]
        names = " or ".join(_JSON_TYPES.get(str(w), str(w)) for w in wanted)
        return place, f"expected {names}, got {json_type(error.instance)}"
    if kind == "const":
        return place, f"must be {json.dumps(value)}, got {json.dumps(error.instance)}"
    if kind == "enum":
        choices = ", ".join(json.dumps(v) for v in value)
        return place, f"must be one of {choices}, got {json.dumps(error.instance)}"
    if kind == "minLength" and value == 1:
        return place, "must not be empty"
    if kind == "minItems":
        if value == 1:
            return place, "must not be empty"
        return place, f"needs at least {value} items, has {len(error.instance)}"
    if kind == "maxItems":
        return place, f"has at most {value} items, has {len(error.instance)}"
    if kind == "pattern":
        if "[0-9a-fA-F]{6}" in str(value):
            return place, f"must be a colour #rrggbb, got {json.dumps(error.instance)}"
        return place, f"does not match {value}"
    if kind == "minimum":
        return place, f"must be at least {value}, got {error.instance}"
    if kind == "uniqueItems":
        return place, "has the same value twice"
    if kind == "anyOf":
        return place, f"unexpected value {_short(error.instance)}"
    return place, error.message


def _short(value: Any) -> str:
    text = json.dumps(value)
    return text if len(text) <= 40 else text[:37] + "..."


def check(
    document: Any,
    schema_name: str,
    problems: Problems,
    definition: str | None = None,
    *,
    at: Sequence[str | int] = (),
) -> None:
    """Adds a problem for each schema error of `document`, in path order.

    With `definition`, `document` is checked against that ``$defs`` entry only, and `at` is
    the path of `document` in its file.
    """
    checker = (
        validator(schema_name)
        if definition is None
        else definition_validator(schema_name, definition)
    )
    errors = sorted(checker.iter_errors(document), key=_order)
    with contextlib.suppress(TooManyProblems):
        for error in errors:
            place, message = _describe(error, at)
            problems.add(place, message)


def _order(error: ValidationError) -> tuple[str, ...]:
    return tuple(f"{p:08d}" if isinstance(p, int) else p for p in error.absolute_path)
