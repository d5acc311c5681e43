"""Fixtures of the use-case tests: a fresh till database (SQLite, migrated to head)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.persistence import Database, open_database


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "till.sqlite3")
    try:
        yield database
    finally:
        database.close()
