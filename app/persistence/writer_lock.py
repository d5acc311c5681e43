"""One writer per till database (notes/sync.md §7): a second instance of the till on the same
database would give out the same ``device_seq`` and journal numbers as the first. The running
till holds an exclusive lock on ``<database>.lock`` for as long as it runs; another process
asking for it gets `DatabaseInUse` at once. The operating system drops the lock with the
process however it ends (a crash, a kill, a power cut leave no stale lock behind).

In one process the lock is taken once per database: opening the same till again (a test, a
restart of the station in the same process) is the same writer.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import BinaryIO

from app.persistence.errors import DatabaseInUse

_held: dict[Path, BinaryIO] = {}
_guard = threading.Lock()


def lock_path(database_path: Path) -> Path:
    return database_path.with_name(database_path.name + ".lock")


def hold_writer_lock(database_path: Path) -> None:
    """Take the database's writer lock for this process, or raise `DatabaseInUse`."""
    path = lock_path(database_path)
    key = path.resolve()
    with _guard:
        if key in _held:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = path.open("a+b")
        try:
            _lock(handle)
        except OSError:
            handle.close()
            raise DatabaseInUse(str(database_path), f"its lock {path.name} is held") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n".encode())  # for a technician who wonders who runs
        handle.flush()
        _held[key] = handle


def release_writer_lock(database_path: Path) -> None:
    """Give the lock back (the station stopped); nothing when this process does not hold it."""
    with _guard:
        handle = _held.pop(lock_path(database_path).resolve(), None)
    if handle is not None:
        handle.close()  # closing the file drops the lock


def _lock(handle: BinaryIO) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
