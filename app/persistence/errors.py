"""Errors of the persistence layer (not rules of the box office: those are domain errors)."""

from __future__ import annotations

from domain.errors import GuichetError


class PersistenceError(GuichetError):
    """Base of the errors raised by app.persistence."""


class NotFound(PersistenceError, LookupError):
    """No row with this key; ``get_*`` methods raise it, ``*_by_*`` lookups return None."""

    def __init__(self, what: str, key: str) -> None:
        super().__init__(f"no {what} {key!r}")
        self.what = what
        self.key = key


class DatabaseUnavailable(PersistenceError):
    """The till's database file cannot be used as it is; the subclass says why, so that the
    error policy tells the person at the screen what is wrong and what to do."""

    what = "cannot be used"

    def __init__(self, path: str, detail: str = "") -> None:
        super().__init__(
            f"the till's database {path} {self.what}" + (f" ({detail})" if detail else "")
        )
        self.path = path
        self.detail = detail


class DatabaseCorrupt(DatabaseUnavailable):
    what = "is damaged or is not a database"


class DatabaseReadOnly(DatabaseUnavailable):
    what = "cannot be written (a read-only or immutable file or folder)"


class DatabaseFull(DatabaseUnavailable):
    what = "cannot grow: the disk is full"


class DatabaseIoError(DatabaseUnavailable):
    what = "could not be read or written: the disk reported an error"


class DatabaseBusy(DatabaseUnavailable):
    what = "stayed busy too long (a long task of this till, or another program, holds it)"


class DatabaseEmptied(DatabaseUnavailable):
    """A database that existed is now 0 bytes: its history is gone; the till refuses to start
    over it (it would silently become a new till)."""

    what = "is empty (0 bytes) although it existed: its history is gone"


_KIND_OF_SQLITE_ERROR: dict[str, type[DatabaseUnavailable]] = {
    "SQLITE_NOTADB": DatabaseCorrupt,
    "SQLITE_CORRUPT": DatabaseCorrupt,
    "SQLITE_READONLY": DatabaseReadOnly,
    "SQLITE_CANTOPEN": DatabaseReadOnly,
    "SQLITE_PERM": DatabaseReadOnly,
    "SQLITE_AUTH": DatabaseReadOnly,
    "SQLITE_FULL": DatabaseFull,
    "SQLITE_IOERR": DatabaseIoError,
    "SQLITE_BUSY": DatabaseBusy,
    "SQLITE_LOCKED": DatabaseBusy,
}


def unavailable_kind(error: BaseException) -> type[DatabaseUnavailable] | None:
    """What a sqlite3 error (or one SQLAlchemy wraps) says of the database file, or None for
    an error of the statement itself (a constraint, a bug)."""
    original = getattr(error, "orig", None) or error
    name = getattr(original, "sqlite_errorname", None)
    if not isinstance(name, str):
        return None
    for prefix, kind in _KIND_OF_SQLITE_ERROR.items():
        if name == prefix or name.startswith(prefix + "_"):
            return kind
    return None


class DatabaseInUse(DatabaseUnavailable):
    """Another instance of the till runs on this database: two would give out the same
    sequence numbers (notes/sync.md §7: one writer per till database)."""

    what = "is in use by another Guichet running on this computer"
