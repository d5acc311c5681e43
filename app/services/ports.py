"""The ports the use cases need: a unit of work with its repositories, a PIN hasher, a clock.

`app.persistence` implements the unit of work; tests may use the real one on a temporary
SQLite file (preferred to fakes).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from domain.clock import Clock

__all__ = ["Clock", "PinHasher", "UnitOfWork", "UnitOfWorkFactory"]


class UnitOfWork(Protocol):
    venues: Any
    configurations: Any
    catalog: Any
    channels: Any
    seat_states: Any
    operators: Any
    settings: Any

    def __enter__(self) -> UnitOfWork: ...

    def __exit__(self, *exc: object) -> None: ...

    def commit(self) -> None: ...


UnitOfWorkFactory = Callable[[], UnitOfWork]


class PinHasher(Protocol):
    def hash(self, pin: str) -> str: ...

    def verify(self, pin_hash: str, pin: str) -> bool: ...


