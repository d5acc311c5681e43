"""What the command modules share: exit codes and opening the till's database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_INVALID = 2  # a bad or unreadable file, or bad arguments
EXIT_FAILED = 3  # the till's database (or a device) cannot be used as it is


def open_database(path: Path) -> Any:  # -> app.persistence.Database
    from app.persistence import open_database as _open

    return _open(path)
