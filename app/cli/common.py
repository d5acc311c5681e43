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


def open_station(args: Any) -> tuple[Any, str] | None:
    """The station's database and its till (``point_of_sale``) from ``--data-dir``/``--demo``,
    or None after printing why station.toml cannot be read."""
    import sys

    from app.config import ConfigError, load_station

    try:
        config = load_station(args.data_dir, demo=args.demo)
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return None
    return open_database(config.database_path), config.point_of_sale
