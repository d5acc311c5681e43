"""Problems found in a plan file, and the one exception that carries them.

Every reader in this package reports what is wrong with a file as a list of `Problem`s, each
with a *place* (``line 3, column 7`` for broken JSON, a JSON path such as
``zones[0].blocks[1].rows[3].seats.id[5]`` for everything else) and a message for a technician.
This module must not know any file format; it only collects and formats problems.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from domain.errors import GuichetError

MAX_PROBLEMS = 50
MAX_SHOWN = 300  # characters of a place or message: a problem may quote what the file holds


def printable(text: str, limit: int = MAX_SHOWN) -> str:
    """`text` fit to be shown: cut to `limit` characters, lone surrogates (which no terminal,
    screen or UTF-8 file can hold) written as ``\\udxxx``."""
    text = text[: limit + 1].encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= limit else text[: limit - 3] + "..."


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a plan file, and where. Place and message are always printable:
    they quote the file, which may hold anything."""

    place: str
    message: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "place", printable(self.place))
        object.__setattr__(self, "message", printable(self.message))

    def __str__(self) -> str:
        return f"{self.place}: {self.message}"


class PlanError(GuichetError):
    """A plan file that cannot be read. Nothing was produced from it."""

    def __init__(self, problems: Iterable[Problem], *, source: str = "<plan>") -> None:
        self.problems: list[Problem] = list(problems)
        self.source = source
        super().__init__("\n".join(str(p) for p in self.problems))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class TooManyProblems(Exception):
    """Raised inside a collector when the cap is reached, to stop checking early."""


def path_join(base: str, key: str | int) -> str:
    """``zones[0]`` + ``"rows"`` -> ``zones[0].rows``; ``rows`` + 3 -> ``rows[3]``."""
    if isinstance(key, int):
        return f"{base}[{key}]"
    return f"{base}.{key}" if base else key


def format_path(parts: Sequence[str | int]) -> str:
    """A JSON path from its parts: ``["zones", 0, "name"]`` -> ``zones[0].name``."""
    text = ""
    for part in parts:
        text = path_join(text, part)
    return text or "(plan)"


class Problems:
    """Collects problems up to `MAX_PROBLEMS`, then stops the check with `TooManyProblems`."""

    def __init__(self, limit: int = MAX_PROBLEMS) -> None:
        self.items: list[Problem] = []
        self.limit = limit
        self.truncated = False

    def add(self, place: str, message: str) -> None:
        if len(self.items) >= self.limit:
            self.truncated = True
            raise TooManyProblems
        self.items.append(Problem(place or "(plan)", message))

    def __bool__(self) -> bool:
        return bool(self.items)

    def error(self, source: str) -> PlanError:
        items = list(self.items)
        if self.truncated:
            more = f"more problems not listed (stopped after {self.limit})"
            items.append(Problem("(plan)", more))
        return PlanError(items, source=source)
