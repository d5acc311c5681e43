"""Fault scenario 17 (notes/sync.md §10): a second instance of the till on the same database is
refused before it writes anything — it would give out the same sale and journal numbers —
with a clear message; once the first one ends, however it ends, the till starts again."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.composition import open_station, open_till
from app.config import load_station
from app.main import EXIT_CANNOT_START, main
from app.persistence import open_database
from app.persistence.errors import DatabaseInUse
from tests.fakes import FixedClock

HOLDER = """
import sys
from pathlib import Path
from app.persistence.writer_lock import hold_writer_lock
hold_writer_lock(Path(sys.argv[1]))
print("held", flush=True)
sys.stdin.read()  # until the test closes it
"""


def _journal_length(folder: Path) -> int:
    with (
        open_database(load_station(folder).database_path) as database,  # reads only
        database.unit_of_work(read_only=True) as uow,
    ):
        head = uow.journal.head("G1")
    return 0 if head is None else head.seq


@pytest.mark.timeout(60)
def test_a_second_instance_on_the_same_database_is_refused_until_the_first_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = load_station(tmp_path, demo=True)
    open_till(config, FixedClock())  # the database exists, the till is set up
    first = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(config.database_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert first.stdout is not None and first.stdout.readline().strip() == "held"
        before = _journal_length(tmp_path)
        with pytest.raises(DatabaseInUse, match="in use by another Guichet"):
            open_station(load_station(tmp_path), FixedClock())
        monkeypatch.delenv("DISPLAY", raising=False)  # the terminal's message, no window
        monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
        assert main(["--data-dir", str(tmp_path)]) == EXIT_CANNOT_START
        assert "in use by another Guichet" in capsys.readouterr().err
        assert _journal_length(tmp_path) == before  # not even a start-up entry
    finally:
        assert first.stdin is not None
        first.stdin.close()
        first.wait(10)
    station = open_station(load_station(tmp_path), FixedClock())  # the first one ended
    try:
        again = open_station(load_station(tmp_path), FixedClock())  # this process: the same
        again.stop()
    finally:
        station.stop()


def test_the_screen_says_what_to_do() -> None:
    from app.ui.errors import message_for

    text = message_for(DatabaseInUse("/data/till.sqlite3"))
    assert "/data/till.sqlite3" in text and "another Guichet" in text and "close it" in text
