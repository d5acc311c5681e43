"""A till's database that cannot be used — damaged, emptied, read-only, immutable, on a full
disk — is said so in words at start and in every command, and nothing is written over it."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event

from app.main import EXIT_CANNOT_START, main
from app.persistence import open_database
from app.persistence.errors import (
    DatabaseCorrupt,
    DatabaseEmptied,
    DatabaseFull,
    DatabaseReadOnly,
)


def _station(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "station.toml").write_text('[station]\npoint_of_sale = "G1"\n')
    return folder / "guichet.sqlite3"


def test_a_damaged_file_is_refused_by_the_client_and_the_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _station(tmp_path)
    path.write_bytes(b"this is not a database, it was overwritten by something" * 100)
    before = path.read_bytes()
    with pytest.raises(DatabaseCorrupt, match="is damaged or is not a database"):
        open_database(path)
    os.environ.pop("DISPLAY", None)
    assert main(["--data-dir", str(tmp_path)]) == EXIT_CANNOT_START
    err = capsys.readouterr().err
    assert "cannot start" in err and "is damaged" in err and "Traceback" not in err
    plan = Path(__file__).resolve().parents[2] / "resources/demo/salle-concert.seatplan.json"
    argv = ["--data-dir", str(tmp_path), "plan", "import", str(plan), "--hall", "H", "--site", "S"]
    assert main(argv) == 3
    assert "is damaged" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_an_emptied_database_is_refused_not_started_over(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _station(tmp_path)
    open_database(path).close()  # a till that was used...
    path.write_bytes(b"")  # ...and whose file was emptied (a failed copy, a bad disk)
    for leftover in tmp_path.glob("guichet.sqlite3-*"):
        leftover.unlink()
    with pytest.raises(DatabaseEmptied):
        open_database(path)
    os.environ.pop("DISPLAY", None)
    assert main(["--data-dir", str(tmp_path)]) == EXIT_CANNOT_START
    assert "its history is gone" in capsys.readouterr().err
    assert path.stat().st_size == 0  # nothing was loaded over it


def test_a_new_database_is_still_created_where_there_is_none(tmp_path: Path) -> None:
    path = tmp_path / "new" / "guichet.sqlite3"
    open_database(path).close()
    assert path.stat().st_size > 0
    open_database(path).close()  # and opens again


@pytest.fixture
def immutable(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "guichet.sqlite3"
    open_database(path).close()
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here")
    try:
        yield path
    finally:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)


def test_an_immutable_database_refuses_writes_with_a_clear_error(immutable: Path) -> None:
    try:
        database = open_database(immutable)
    except DatabaseReadOnly:
        return  # refused at once: as good
    try:
        with database.unit_of_work(read_only=True) as uow:
            assert uow.settings.all() == {}  # reading still works
        with (
            pytest.raises(DatabaseReadOnly, match="cannot be written"),
            database.unit_of_work() as uow,
        ):
            uow.settings.set("k", "v")
            uow.commit()
    finally:
        database.close()


def test_a_full_disk_is_said_so_and_the_transaction_is_rolled_back(tmp_path: Path) -> None:
    database = open_database(tmp_path / "guichet.sqlite3")

    @event.listens_for(database.engine, "connect")
    def _small_disk(dbapi_connection: object, _record: object) -> None:
        cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count={pages + 2}")
        cursor.close()

    database.engine.dispose()  # new connections get the small disk
    try:
        with pytest.raises(DatabaseFull, match="disk is full"), database.unit_of_work() as uow:
            uow.settings.set("big", "x" * 200_000)
            uow.commit()
        with database.unit_of_work(read_only=True) as uow:
            assert uow.settings.get("big") is None
    finally:
        database.close()
