"""Importing a plan into a hall: which hall, which site, what is refused, and that check and
import run the one validation. Through the use cases and through ``guichet plan ...``."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import small_plan
from persistence import conftest as persistence_fixtures

from app.main import main
from app.persistence import Database
from app.services.plans import (
    AmbiguousHall,
    HallNotFound,
    InvalidName,
    check_plan_file,
    import_plan_file,
    read_plan_for_import,
)
from planfiles import PlanError

ROOT = Path(__file__).resolve().parents[2]


db = persistence_fixtures.db  # a fresh, migrated database per test


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(small_plan()), encoding="utf-8")
    return path


def where(database: Database) -> list[tuple[str, str, int]]:
    """(site, hall, layouts) of every hall."""
    with database.unit_of_work() as uow:
        sites = {s.id: s.name for s in uow.venues.list_sites()}
        return sorted(
            (sites[h.site_id], h.name, len(uow.venues.list_physical_layouts(h.id)))
            for h in uow.venues.list_halls()
        )


# --- check and import agree -----------------------------------------------------------


def test_check_refuses_a_plan_with_nothing_to_sell_as_import_does(db, tmp_path) -> None:
    doc = small_plan()
    doc["zones"] = []
    doc["ga_zones"] = []
    path = tmp_path / "empty.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    expected = ["(plan): layout 'Petite salle' has neither seats nor standing zones"]
    with pytest.raises(PlanError) as checked:
        check_plan_file(path)
    assert [str(p) for p in checked.value.problems] == expected
    with pytest.raises(PlanError) as imported:
        import_plan_file(db.unit_of_work, path, "Salle", site_name="Paris")
    assert [str(p) for p in imported.value.problems] == expected
    assert where(db) == []


def test_a_checked_plan_is_stored_whole(db, plan) -> None:
    report = check_plan_file(plan)
    result = import_plan_file(db.unit_of_work, plan, "Salle", site_name="Paris")
    assert (result.seats, result.standing_capacity) == (report.summary.seats, 120)
    assert (result.created_hall, result.created_site) == (True, True)
    with db.unit_of_work() as uow:
        stored = uow.venues.get_physical_layout(result.layout_id)
    assert stored.seats == read_plan_for_import(plan).seats


# --- which hall ----------------------------------------------------------------------


def test_a_new_site_gets_its_own_hall_even_if_another_site_has_that_name(db, plan) -> None:
    import_plan_file(db.unit_of_work, plan, "Grande salle", site_name="Paris")
    result = import_plan_file(db.unit_of_work, plan, "Grande salle", site_name="Lyon")
    assert (result.site_name, result.created_hall, result.created_site) == ("Lyon", True, True)
    assert where(db) == [("Lyon", "Grande salle", 1), ("Paris", "Grande salle", 1)]


def test_an_existing_site_and_hall_get_a_new_layout(db, plan) -> None:
    import_plan_file(db.unit_of_work, plan, "Grande salle", site_name="Paris")
    result = import_plan_file(db.unit_of_work, plan, "Grande salle", site_name="Paris")
    assert (result.created_hall, result.created_site) == (False, False)
    assert where(db) == [("Paris", "Grande salle", 2)]


def test_a_hall_named_at_two_sites_needs_the_site(db, plan) -> None:
    import_plan_file(db.unit_of_work, plan, "Grande salle", site_name="Paris")
    import_plan_file(db.unit_of_work, plan, "Grande salle", site_name="Lyon")
    with pytest.raises(AmbiguousHall) as caught:
        import_plan_file(db.unit_of_work, plan, "Grande salle")
    assert caught.value.sites == ["Lyon", "Paris"]
    assert str(caught.value) == (
        "several halls are named 'Grande salle' (at 'Lyon', 'Paris'); name the site"
    )
    result = import_plan_file(db.unit_of_work, plan, "Grande salle", site_name="Paris")
    assert result.site_name == "Paris"
    assert where(db) == [("Lyon", "Grande salle", 1), ("Paris", "Grande salle", 2)]


def test_a_hall_at_one_site_is_found_without_the_site(db, plan) -> None:
    import_plan_file(db.unit_of_work, plan, "Studio", site_name="Paris")
    assert import_plan_file(db.unit_of_work, plan, "Studio").site_name == "Paris"
    with pytest.raises(HallNotFound, match="no hall named 'Nowhere' \\(halls: Studio\\)"):
        import_plan_file(db.unit_of_work, plan, "Nowhere")


@pytest.mark.parametrize(
    ("hall", "site", "name", "message"),
    [
        ("", "Paris", None, "the hall name must not be empty"),
        ("   ", "Paris", None, "the hall name must not be empty"),
        ("h" * 201, "Paris", None, "the hall name is 201 characters long, more than the 200"),
        ("Salle", "s" * 10**6, None, "the site name is 1,000,000 characters long"),
        ("Salle", "Paris", "n" * 201, "the layout name is 201 characters long"),
        # A name given on a command line in another encoding than UTF-8:
        ("Salle\udce9", "Paris", None, "the hall name holds \\udce9, half of a surrogate pair"),
        ("Salle", "Paris", "\udcff", "the layout name holds \\udcff"),
    ],
)
def test_names_that_cannot_be_stored_are_refused(db, plan, hall, site, name, message):
    with pytest.raises(InvalidName) as caught:
        import_plan_file(db.unit_of_work, plan, hall, site_name=site, name=name)
    assert str(caught.value).startswith(message)
    assert where(db) == []


# --- the command line -------------------------------------------------------------------


def test_cli_check_of_a_fifo_returns_at_once(tmp_path, capsys) -> None:
    fifo = tmp_path / "plan.json"
    os.mkfifo(fifo)  # no writer: a plain read would wait for ever
    assert main(["plan", "check", str(fifo)]) == 2
    assert capsys.readouterr().err == f"error: {fifo}: not a plan file but a pipe (FIFO)\n"
    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "plan", "import", str(fifo), "--hall", "H", "--site", "S"]) == 2
    assert capsys.readouterr().err == f"error: {fifo}: not a plan file but a pipe (FIFO)\n"
    assert not (tmp_path / "data").exists()


def _limit_memory() -> None:  # should /dev/zero be read after all, fail fast, not the machine
    resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))


def test_cli_check_of_dev_zero_does_not_read_it() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app.main", "plan", "check", "/dev/zero"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        preexec_fn=_limit_memory,
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "error: /dev/zero: not a plan file but a device\n"


def test_cli_names_the_sites_of_an_ambiguous_hall(tmp_path, plan, capsys) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "station.toml").write_text('[station]\npoint_of_sale = "G1"\n')
    data = ["--data-dir", str(tmp_path / "data")]
    for site in ("Paris", "Lyon"):
        assert main([*data, "plan", "import", str(plan), "--hall", "Salle", "--site", site]) == 0
    out = capsys.readouterr().out
    assert "of hall 'Salle' (new hall, new site) at 'Lyon': 9 seats, 120 standing" in out
    assert main([*data, "plan", "import", str(plan), "--hall", "Salle"]) == 2
    assert capsys.readouterr().err == (
        "error: several halls are named 'Salle' (at 'Lyon', 'Paris'); name the site"
        " with --site NAME\n"
    )


def test_cli_refuses_a_name_too_long_before_touching_the_data_dir(tmp_path, plan, capsys):
    data = ["--data-dir", str(tmp_path / "data")]
    argv = [*data, "plan", "import", str(plan), "--hall", "H", "--name", "n" * 300]
    assert main(argv) == 2
    assert capsys.readouterr().err.startswith("error: the layout name is 300 characters long")
    assert not (tmp_path / "data").exists()


def test_cli_check_of_a_lone_surrogate_prints_its_place(tmp_path, capsys) -> None:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(small_plan()).replace('"Petite salle"', '"\\ud800"'))
    assert main(["plan", "check", str(path)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"error: {path} is not a valid plan:",
        "  name: holds \\ud800, half of a surrogate pair, which is not a character",
    ]
