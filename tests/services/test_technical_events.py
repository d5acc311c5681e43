"""The technical event journal (JET): start-up, software and settings changes, the link to the
server going down and coming back, exports — each an entry of the chain."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from app.config import load_station
from app.main import open_till
from app.persistence import Database
from app.services import journal
from tests.fakes import FixedClock

TILL = "G1"


def _kinds(db: Database) -> list[str]:
    with db.unit_of_work(read_only=True) as uow:
        return [str(e.record["type"]) for e in uow.journal.entries(TILL)]


def test_a_new_version_or_new_settings_are_journaled_at_the_next_start(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FixedClock()
    journal.record_startup(db.unit_of_work, clock, TILL, "a" * 64)
    journal.record_startup(db.unit_of_work, clock, TILL, "a" * 64)
    assert _kinds(db) == ["startup", "startup"]  # nothing changed: nothing more
    journal.record_startup(db.unit_of_work, clock, TILL, "b" * 64)
    monkeypatch.setattr(journal, "software_version", lambda: "9.9.9")
    journal.record_startup(db.unit_of_work, clock, TILL, "b" * 64)
    assert _kinds(db) == ["startup", "startup", "startup", "settings_changed", "startup",
                          "software_changed"]  # fmt: skip
    with db.unit_of_work(read_only=True) as uow:
        records = [e.record for e in uow.journal.entries(TILL)]
    assert records[3]["from_sha256"] == "a" * 64 and records[3]["to_sha256"] == "b" * 64
    assert records[5]["to"] == "9.9.9" and records[4]["software"] == "9.9.9"


def test_the_link_going_down_and_back_is_journaled_once_each(db: Database) -> None:
    clock = FixedClock()
    journal.note_link(db.unit_of_work, clock, TILL, online=True)
    assert _kinds(db) == []  # online from the start: nothing to say
    journal.note_link(db.unit_of_work, clock, TILL, online=False, why="connection refused")
    journal.note_link(db.unit_of_work, clock, TILL, online=False, why="connection refused")
    clock.advance(timedelta(minutes=5))
    journal.note_link(db.unit_of_work, clock, TILL, online=True)
    journal.note_link(db.unit_of_work, clock, TILL, online=True)
    assert _kinds(db) == ["offline_start", "offline_end"]
    with db.unit_of_work(read_only=True) as uow:
        start, end = (e.record for e in uow.journal.entries(TILL))
    assert start["reason"] == "connection refused" and end["offline_since"] == start["at"]


def test_station_toml_edited_between_two_starts_is_journaled(tmp_path: Path) -> None:
    open_till(load_station(tmp_path, demo=True), FixedClock())
    station = tmp_path / "station.toml"
    station.write_text(station.read_text(encoding="utf-8").replace("idle_lock_minutes = 5",
                       "idle_lock_minutes = 7"), encoding="utf-8")  # fmt: skip
    services = open_till(load_station(tmp_path, demo=True), FixedClock())
    with services.uow_factory(read_only=True) as uow:
        kinds = [e.record["type"] for e in uow.journal.entries(TILL)]
    assert kinds == ["startup", "startup", "settings_changed"]
