"""Small checks shared by the plan readers: finite numbers, points, colours, id uniqueness.

Nothing here knows a file format or builds domain objects beyond `Point`.
"""

from __future__ import annotations

import math
import re
from typing import Any

from domain.venue import Point
from planfiles.errors import Problems

_HEX6 = re.compile(r"^#[0-9a-fA-F]{6}$")
_HEX3 = re.compile(r"^#[0-9a-fA-F]{3}$")
DEFAULT_COLOUR = "#808080"
_NUMBER_TYPES = frozenset({float, int})


def is_number(value: object) -> bool:
    """A JSON number (a bool is not one, though Python says it is an int)."""
    return type(value) is float or type(value) is int


def finite(value: Any, place: str, problems: Problems) -> float:
    """`value` as a float; a problem (and 0.0) if it is NaN or infinite."""
    number = float(value)
    if not math.isfinite(number):
        problems.add(place, f"must be a finite number, got {number}")
        return 0.0
    return number


def point(obj: dict[str, Any], place: str, problems: Problems) -> Point:
    """A point written ``{"x": .., "y": ..}`` (the schema has checked both are numbers)."""
    return Point(finite(obj["x"], f"{place}.x", problems), finite(obj["y"], f"{place}.y", problems))


def xy_point(pair: list[Any], place: str, problems: Problems) -> Point:
    """A point written ``[x, y]`` (the schema has checked there are two numbers)."""
    return Point(finite(pair[0], f"{place}[0]", problems), finite(pair[1], f"{place}[1]", problems))


def first_bad_number(column: list[Any]) -> int | None:
    """Index of the first non-number or non-finite value of a column, None if all are fine.

    Fast path: a type scan and one sum (NaN and infinities make the sum non-finite).
    """
    if set(map(type, column)) <= _NUMBER_TYPES:
        try:
            if math.isfinite(math.fsum(column)):
                return None
        except OverflowError:
            pass
    for index, value in enumerate(column):
        if not is_number(value) or not math.isfinite(value):
            return index
    return None


def normalise_colour(value: object) -> str | None:
    """``#rrggbb`` in lower case from ``#rrggbb`` or ``#rgb``; None if it is neither."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if _HEX6.match(text):
        return text.lower()
    if _HEX3.match(text):
        return "#" + "".join(c * 2 for c in text[1:]).lower()
    return None
