"""Checks shared by the plan readers: values no plan may hold, finite numbers, points, colours.

Nothing here knows a file format or builds domain objects beyond `Point`.
"""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Callable
from typing import Any, Protocol

from domain.errors import VenueError
from domain.venue import PhysicalLayout, Point
from planfiles import schema
from planfiles.errors import Problem, Problems, TooManyProblems, format_path, printable

_HEX6 = re.compile(r"^#[0-9a-fA-F]{6}$")
_HEX3 = re.compile(r"^#[0-9a-fA-F]{3}$")
DEFAULT_COLOUR = "#808080"
_NUMBER_TYPES = frozenset({float, int})
MAX_TEXT = 200  # characters of any text in a plan: the longest name the till's database holds
MAX_INTEGER = 2**53  # I-JSON (RFC 7493): beyond it an integer is not exact as a JSON number
_SCALARS = frozenset({str, int, float, bool, type(None)})


def is_number(value: object) -> bool:
    """A JSON number (a bool is not one, though Python says it is an int)."""
    return type(value) is float or type(value) is int


def text_problem(text: str) -> str | None:
    """What is wrong with `text` as a text of a plan (too long, a lone surrogate), or None."""
    if len(text) > MAX_TEXT:
        return f"is {len(text):,} characters long, more than the {MAX_TEXT} allowed"
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as error:
            code = ord(text[error.start])
            return f"holds \\u{code:04x}, half of a surrogate pair, which is not a character"
    return None


def _value_problem(value: Any) -> str | None:
    if type(value) is str:
        return text_problem(value)
    if type(value) is int and not -MAX_INTEGER <= value <= MAX_INTEGER:
        return f"integer out of range: at most {MAX_INTEGER:,} (2^53) either way"
    return None


def _scalars_fine(items: list[Any]) -> bool:
    """Fast path of `check_values` for a list of scalars (the seat columns)."""
    types = set(map(type, items))
    if not types <= _SCALARS:
        return False
    if str in types:
        texts = items if types == {str} else [v for v in items if type(v) is str]
        if max(map(len, texts)) > MAX_TEXT:
            return False
        joined = "".join(texts)
        if not joined.isascii():
            try:
                joined.encode("utf-8")
            except UnicodeEncodeError:
                return False
    if int in types:
        numbers = [v for v in items if type(v) is int]
        if max(numbers) > MAX_INTEGER or min(numbers) < -MAX_INTEGER:
            return False
    return True


def check_values(doc: Any, problems: Problems) -> None:
    """Adds a problem for each value that no plan may hold, whatever its format: a text (or a
    field name) longer than `MAX_TEXT` or with a lone surrogate, an integer beyond 2^53.

    Runs before anything else reads the document, so that no later check or message has to
    deal with a 200 MB name or a string that cannot be written as UTF-8.
    """
    # A place is built only for a problem: (parent place, key) pairs until then.
    stack: list[tuple[Any, Any]] = [(doc, None)]
    with contextlib.suppress(TooManyProblems):
        while stack:
            value, at = stack.pop()
            if type(value) is dict:
                for key, item in value.items():
                    problem = text_problem(key)
                    if problem is not None:
                        problems.add(_place((at, key)), f"the field name {problem}")
                    elif type(item) is dict or type(item) is list:
                        stack.append((item, (at, key)))
                    elif (problem := _value_problem(item)) is not None:
                        problems.add(_place((at, key)), problem)
            elif type(value) is list:
                if _scalars_fine(value):
                    continue
                for index, item in enumerate(value):
                    if type(item) is dict or type(item) is list:
                        stack.append((item, (at, index)))
                    elif (problem := _value_problem(item)) is not None:
                        problems.add(_place((at, index)), problem)
            elif (problem := _value_problem(value)) is not None:
                problems.add("(plan)", problem)


def _place(at: Any) -> str:
    """``zones[0].name`` from the (parent, key) pairs of `check_values`."""
    keys: list[str | int] = []
    while at is not None:
        at, key = at
        keys.append(key if type(key) is int else printable(key, 40))
    return format_path(keys[::-1])


def finite_float(value: Any) -> float | None:
    """`value` (a JSON number) as a finite float; None if it is NaN, infinite or out of range."""
    try:
        number = float(value)
    except (OverflowError, TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def finite(value: Any, place: str, problems: Problems) -> float:
    """`value` as a float; a problem (and 0.0) if it is NaN or infinite."""
    number = finite_float(value)
    if number is None:
        problems.add(place, f"must be a finite number, got {printable(repr(value), 40)}")
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
        if not is_number(value) or finite_float(value) is None:
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
    check_values(doc, problems)
    if problems:
        raise problems.error(source)
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
