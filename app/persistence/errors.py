"""Errors of the persistence layer (not rules of the box office: those are domain errors)."""

from __future__ import annotations


class PersistenceError(Exception):
    """Base of the errors raised by app.persistence."""


class NotFound(PersistenceError, LookupError):
    """No row with this key; ``get_*`` methods raise it, ``*_by_*`` lookups return None."""

    def __init__(self, what: str, key: str) -> None:
        super().__init__(f"no {what} {key!r}")
        self.what = what
        self.key = key
