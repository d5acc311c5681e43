"""Small checks shared by the plan readers: finite numbers, points, colours, id uniqueness.

Nothing here knows a file format or builds domain objects beyond `Point`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any, Protocol

from domain.errors import VenueError
from domain.venue import PhysicalLayout, Point
from planfiles import schema
from planfiles.errors import Problem, Problems, TooManyProblems

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


class LayoutReader(Protocol):
    problems: Problems

    def read(self, *, layout_id: str, hall_id: str, name: str | None) -> PhysicalLayout: ...


def read_checked(
    doc: dict[str, Any],
    *,
    plan_schema: str,  # the schema file's name in resources/schemas
    skeleton: Callable[[Any], Any],
    check_rows: Callable[[Any, Problems], None],
    reader: LayoutReader,
    layout_id: str,
    hall_id: str,
    name: str | None,
    source: str,
) -> PhysicalLayout:
    """The steps every format takes: the schema on a skeleton of the document, the rows in
    fast code, then the reader's own checks; a `PlanError` with every problem found so far."""
    problems = Problems()
    schema.check(skeleton(doc), plan_schema, problems)
    check_rows(doc, problems)
    if problems:
        raise problems.error(source)
    try:
        return reader.read(layout_id=layout_id, hall_id=hall_id, name=name)
    except TooManyProblems:
        raise reader.problems.error(source) from None
    except VenueError as error:  # the domain's own checks, should ours have missed one
        reader.problems.items.append(Problem("(plan)", str(error)))
        raise reader.problems.error(source) from None
