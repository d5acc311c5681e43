"""Garbled plan files thrown at ``check`` and ``import``: a clean report or success, never a
traceback, and the two always agree (whatever check passes, import stores, and in full).

Each example starts from a valid plan of either format and damages it: random JSON values
(huge integers, NaN, lone surrogates, long texts, deep nesting) put at random places, fields
and items removed or added, bytes of the file overwritten or cut.
"""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from helpers import small_plan
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.persistence import Database, open_database
from app.services.plans import (
    PlanReport,
    check_plan_file,
    import_layout,
    import_plan_file,
    read_plan_for_import,
)
from planfiles import PlanError, summarize

DATA = Path(__file__).parent / "data"
NEST = "\u2603nest\u2603"  # placeholders, replaced in the text by deeply nested arrays
DIGITS = "\u2603digits\u2603"  # ... and by an integer of 5,000 digits (json.dumps cannot)


def pretix_plan() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((DATA / "pretix_sample.json").read_text(encoding="utf-8"))
    return doc


BASES = {"seatplan": small_plan(), "pretix": pretix_plan()}


def paths(value: Any, at: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a document: the path of each value, the document itself first."""
    yield at
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, (*at, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, (*at, index))


def value_at(doc: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        doc = doc[part]
    return doc


PATHS = {name: list(paths(doc)) for name, doc in BASES.items()}
LEAVES = {
    name: [p for p in PATHS[name] if not isinstance(value_at(doc, p), dict | list)]
    for name, doc in BASES.items()
}

surrogates = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, categories=["Cs"])
texts = st.one_of(
    st.text(max_size=8),
    st.text(st.one_of(st.characters(), surrogates), max_size=8),
    st.sampled_from(["", " ", "CAT1", "PAR-A-1", "E1", "#ff0000", "guichet.seatplan", "x" * 201]),
)
numbers = st.one_of(
    st.integers(-3, 10),
    st.integers(-(2**60), 2**60),
    st.floats(),
    st.sampled_from([0.5, 1.0, -1.0, 1e308]),
)
HOSTILE_NUMBERS = [1.0, 0.5, -1, 0, 2**53 + 1, -(2**53) - 1, 10**400, math.nan, math.inf, 1e308]
hostile = st.sampled_from(
    [*HOSTILE_NUMBERS, True, None, "1", "", " ", "x" * 201, "\ud800", "A\udfffB", DIGITS, [], {}]
)
scalars = st.one_of(st.none(), st.booleans(), numbers, texts)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=6,
)


@st.composite
def mutation(draw: st.DrawFn, kind: str) -> tuple[str, tuple[Any, ...], Any]:
    if draw(st.booleans()):  # a hostile value in place of one number or text
        return "replace", draw(st.sampled_from(LEAVES[kind])), draw(hostile)
    path = draw(st.sampled_from(PATHS[kind]))
    action = draw(st.sampled_from(["replace", "replace", "delete", "add", "nest"]))
    value = draw(json_values) if action in ("replace", "add") else None
    if action == "add":
        value = (draw(texts), value)
    return action, path, value


def apply(doc: Any, action: str, path: tuple[Any, ...], value: Any) -> Any:
    """`doc` with one mutation; a path that an earlier mutation removed is skipped."""
    if not path:
        return NEST if action == "nest" else value if action == "replace" else doc
    parent = doc
    try:
        for part in path[:-1]:
            parent = parent[part]
        last = path[-1]
        parent[last]  # does the place still exist?
    except (KeyError, IndexError, TypeError):
        return doc
    if action == "replace":
        parent[last] = value
    elif action == "nest":
        parent[last] = NEST
    elif action == "delete":
        del parent[last]
    elif isinstance(parent[last], dict):
        key, item = value
        parent[last][key] = item
    elif isinstance(parent[last], list):
        parent[last].append(value[1])
    return doc


@st.composite
def garbled_files(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(sorted(BASES)))
    doc = copy.deepcopy(BASES[kind])
    for action, path, value in draw(st.lists(mutation(kind), min_size=1, max_size=3)):
        doc = apply(doc, action, path, value)
    text = json.dumps(doc)
    depth = draw(st.sampled_from([2, 50, 5000, 100_000]))
    text = text.replace(json.dumps(NEST), "[" * depth + "]" * depth)
    text = text.replace(json.dumps(DIGITS), "9" * 5000)
    data = text.encode("utf-8")
    if draw(st.integers(0, 9)) == 0:  # damage the bytes themselves
        for _ in range(draw(st.integers(1, 3))):
            position = draw(st.integers(0, len(data)))
            noise = draw(st.binary(max_size=4))
            cut = draw(st.integers(0, 4))
            data = data[:position] + noise + data[position + cut :]
    return data


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(tmp_path_factory.mktemp("db") / "till.sqlite3")
    try:
        yield database
    finally:
        database.close()


@pytest.fixture(scope="module")
def plan_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("plans") / "plan.json"


def stored_layouts(database: Database) -> int:
    with database.unit_of_work() as uow:
        return sum(len(uow.venues.list_physical_layouts(h.id)) for h in uow.venues.list_halls())


def assert_printable(error: PlanError) -> None:
    assert error.problems
    for problem in error.problems:
        for text in (problem.place, problem.message):
            text.encode("utf-8")  # no lone surrogate
            assert len(text) <= 300


def check_and_import(database: Database, path: Path) -> None:
    try:
        report: PlanReport | PlanError = check_plan_file(path)
    except PlanError as error:
        report = error
        assert_printable(error)
    before = stored_layouts(database)
    try:
        result = import_plan_file(database.unit_of_work, path, "Salle", site_name="Site")
    except PlanError as error:
        assert isinstance(report, PlanError), "check passed a file that import refuses"
        assert error.problems == report.problems, "check and import must say the same"
        assert stored_layouts(database) == before, "a refused import stored something"
        return
    assert isinstance(report, PlanReport), f"import stored a file that check refuses: {report}"
    assert stored_layouts(database) == before + 1
    with database.unit_of_work() as uow:
        stored = uow.venues.get_physical_layout(result.layout_id)
    # all of it was stored (a pretix plan without a name is named after its random layout id)
    assert replace(summarize(stored), name="") == replace(report.summary, name="")


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=garbled_files())
def test_check_and_import_agree_on_garbled_files(database, plan_path, data) -> None:
    plan_path.write_bytes(data)
    check_and_import(database, plan_path)


@settings(max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=200))
def test_random_bytes_get_a_clean_report(database, plan_path, data) -> None:
    plan_path.write_bytes(data)
    check_and_import(database, plan_path)


@pytest.mark.parametrize("kind", sorted(BASES))
def test_the_undamaged_plans_check_and_import(database, plan_path, kind) -> None:
    plan_path.write_text(json.dumps(BASES[kind]), encoding="utf-8")
    check_and_import(database, plan_path)
    layout = read_plan_for_import(plan_path)
    result = import_layout(database.unit_of_work, layout, "Salle", site_name="Site")
    assert result.seats == len(layout.seats) > 0
