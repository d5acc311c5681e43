"""The technician command line: ``plan check`` output and exit codes, the import hook."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import small_plan

from app.cli import is_cli_command, run_cli

ROOT = Path(__file__).resolve().parents[2]


def test_check_prints_the_summary_of_a_good_plan(tmp_path, capsys) -> None:
    path = tmp_path / "good.json"
    path.write_text(json.dumps(small_plan()), encoding="utf-8")
    assert run_cli(["plan", "check", str(path)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "plan:              Petite salle" in out
    assert "seats:             9" in out
    assert "standing zones:    1 (capacity 120)" in out
    assert "wheelchair spaces: 1 (1 companion)" in out


def test_check_lists_the_problems_of_a_bad_plan(tmp_path, capsys) -> None:
    doc = small_plan()
    doc["zones"][0]["blocks"][0]["rows"][0]["seats"]["category"] = "VIP"
    del doc["zones"][1]["blocks"][0]["rows"][0]["seats"]["y"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert run_cli(["--data-dir", str(tmp_path), "plan", "check", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        f"error: {path} is not a valid plan:",
        "  zones[1].blocks[0].rows[0].seats.y: required field is missing",
    ]


def test_check_reports_invalid_json_by_line_and_column(tmp_path, capsys) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"format": "guichet.seatplan",\n "version": }', encoding="utf-8")
    assert run_cli(["plan", "check", str(path)]) == 2
    assert "  line 2, column 13: Expecting value" in capsys.readouterr().err


def test_check_of_an_unreadable_file(tmp_path, capsys) -> None:
    path = tmp_path / "absent.json"
    assert run_cli(["plan", "check", str(path)]) == 2
    assert (
        capsys.readouterr().err.strip()
        == f"error: {path}: cannot read the file: No such file or directory"
    )


def test_bad_arguments_return_2(capsys) -> None:
    assert run_cli(["plan", "frobnicate"]) == 2
    assert run_cli(["plan", "import", "x.json"]) == 2  # --hall is required
    assert "usage:" in capsys.readouterr().err


def test_is_cli_command() -> None:
    assert is_cli_command(["plan", "check", "f.json"])
    assert is_cli_command(["--data-dir", "/tmp/d", "plan", "check", "f.json"])
    assert is_cli_command(["--data-dir=/tmp/d", "plan"])
    assert not is_cli_command([])
    assert not is_cli_command(["--data-dir", "/tmp/d"])
    assert not is_cli_command(["-platform", "offscreen"])


def test_import_stores_the_plan_in_the_data_dir(tmp_path, capsys) -> None:
    theatre = ROOT / "resources" / "demo" / "le-theatre.seatplan.json"
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "station.toml").write_text('[station]\npoint_of_sale = "G1"\n')
    data = ["--data-dir", str(tmp_path / "data")]
    argv = [*data, "plan", "import", str(theatre), "--hall", "Grande salle", "--site", "Paris"]
    assert run_cli(argv) == 0
    out = capsys.readouterr().out
    assert "of hall 'Grande salle' (new hall, new site) at 'Paris': 1,400 seats, 0 standing" in out
    assert run_cli([*data, "plan", "import", str(theatre), "--hall", "Inconnue"]) == 2
    assert "no hall named 'Inconnue'" in capsys.readouterr().err


def test_import_refuses_a_bad_plan_before_touching_the_data_dir(tmp_path, capsys) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{", encoding="utf-8")
    argv = ["--data-dir", str(tmp_path / "data"), "plan", "import", str(path), "--hall", "H"]
    assert run_cli(argv) == 2
    assert "  line 1, column 2: Expecting property name" in capsys.readouterr().err
    assert not (tmp_path / "data").exists()


def test_the_cli_does_not_import_qt() -> None:
    code = "import sys, app.cli; sys.exit('PySide6' in sys.modules or 'sqlalchemy' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("name", ["le-theatre.seatplan.json", "salle-concert.seatplan.json"])
def test_check_accepts_the_demo_venues(name, capsys) -> None:
    assert run_cli(["plan", "check", str(ROOT / "resources" / "demo" / name)]) == 0
    assert "seats:" in capsys.readouterr().out
