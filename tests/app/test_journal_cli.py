"""``guichet journal verify`` and ``export`` on a demo till that started and had a login."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from app.cli import is_cli_command, run_cli
from app.config import load_station
from app.main import open_till
from tests.fakes import FixedClock


@pytest.fixture
def till_dir(tmp_path: Path) -> Path:
    """A demo till that started once and where Camille logged in and out."""
    services = open_till(load_station(tmp_path, demo=True), FixedClock())
    camille = next(card for card in services.operators() if card.name == "Camille Martin")
    operator = services.log_in(camille.id, "1234")
    services.log_out(operator)
    return tmp_path


def journal(till_dir: Path, *args: str) -> int:
    argv = ["--data-dir", str(till_dir), "--demo", "journal", *args]
    assert is_cli_command(argv)
    return run_cli(argv)


def test_verify_prints_the_count_last_seq_and_hash(
    till_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert journal(till_dir, "verify") == 0
    out = capsys.readouterr().out
    with sqlite3.connect(till_dir / "guichet.sqlite3") as db:
        (last_hash,) = db.execute("SELECT hash FROM journal_entries WHERE seq = 3").fetchone()
    assert out.startswith("OK: journal of till G1: 3 entries, last seq 3")
    assert last_hash in out


def test_verify_names_the_seq_of_a_changed_entry_and_fails(
    till_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite3.connect(till_dir / "guichet.sqlite3") as db:
        db.execute(
            "UPDATE journal_entries SET record = replace(record, 'Camille', 'Claude') WHERE seq = 2"
        )
    assert journal(till_dir, "verify") == 1
    assert "BROKEN: journal of till G1: seq 2: hash does not match" in capsys.readouterr().out


def test_export_writes_each_entry_as_stored_and_the_lines_rehash(
    till_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "journal.jsonl"
    assert journal(till_dir, "export", str(target)) == 0
    assert "exported 3 entries of till G1" in capsys.readouterr().out
    lines = target.read_text(encoding="utf-8").splitlines()
    with sqlite3.connect(till_dir / "guichet.sqlite3") as db:
        rows = db.execute("SELECT seq, record FROM journal_entries ORDER BY seq").fetchall()
    *rows, (_, exported) = rows  # the export itself is journaled, after the file
    assert json.loads(exported)["type"] == "export"
    assert json.loads(exported)["sha256"] == hashlib.sha256(target.read_bytes()).hexdigest()
    prev = "0" * 64
    for line, (seq, stored) in zip(lines, rows, strict=True):
        entry = json.loads(line)
        assert list(entry) == ["seq", "prev_hash", "hash", "record"]
        assert line.endswith(f'"record":{stored}}}')  # the record's text exactly as stored
        # Oracle: text and integer records, where sorted compact JSON is RFC 8785.
        canonical = json.dumps(entry["record"], sort_keys=True, separators=(",", ":"))
        assert entry["seq"] == seq and entry["prev_hash"] == prev
        assert entry["hash"] == hashlib.sha256(bytes.fromhex(prev) + canonical.encode()).hexdigest()
        prev = entry["hash"]
    kinds = [json.loads(line)["record"]["type"] for line in lines]
    assert kinds == ["startup", "login", "logout"]
    login = json.loads(lines[1])["record"]
    assert login["operator"]["name"] == "Camille Martin" and login["till"] == "G1"
    assert login["at"] == FixedClock().now().isoformat()


def test_export_to_a_folder_that_does_not_exist_says_so(
    till_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert journal(till_dir, "export", str(tmp_path / "missing" / "journal.jsonl")) == 2
    assert "cannot write" in capsys.readouterr().err
