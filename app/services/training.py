"""Training mode at this till (`domain.training`): a supervisor starts and ends it; both are
journaled; while it is on, `current` tells the sale to mark its record and its tickets.

The mode is kept in the till's settings (it survives a restart: a trainee's session is not
silently turned real by a crash) and read inside the sale's own transaction.
"""

from __future__ import annotations

import json
from datetime import datetime

from app.services import journal
from app.services.ports import Clock, UnitOfWork, UnitOfWorkFactory
from domain.errors import GuichetError
from domain.operators import Operator
from domain.training import TRAINING_END, TRAINING_START, TrainingMode, check_can_end, event_record
from domain.training import start as start_mode

SETTING = "till.training"


class TrainingAlready(GuichetError):
    def __init__(self, on: bool) -> None:
        super().__init__("the till is already in training" if on else "the till is not in training")


def current(uow: UnitOfWork) -> TrainingMode | None:
    """The training mode the till is in, or None (selling for real)."""
    raw = uow.settings.get(SETTING)
    if raw is None:
        return None
    found = json.loads(raw)
    return TrainingMode(found["login"], found["name"], datetime.fromisoformat(found["since"]))


def status(uow_factory: UnitOfWorkFactory) -> TrainingMode | None:
    with uow_factory(read_only=True) as uow:
        return current(uow)


def start(
    uow_factory: UnitOfWorkFactory, clock: Clock, till: str, supervisor: Operator
) -> TrainingMode:
    """Put the till into training under ``supervisor`` (a supervisor: `NotAllowedToSupervise`)."""
    mode = start_mode(supervisor, clock.now())
    with uow_factory() as uow:
        if current(uow) is not None:
            raise TrainingAlready(True)
        journal.record(uow, till, event_record(TRAINING_START, mode, supervisor, mode.since))
        value = {"login": mode.supervisor_login, "name": mode.supervisor_name,
                 "since": mode.since.isoformat()}  # fmt: skip
        uow.settings.set(SETTING, json.dumps(value))
        uow.commit()
    return mode


def end(uow_factory: UnitOfWorkFactory, clock: Clock, till: str, by: Operator) -> None:
    """Back to selling for real (a supervisor ends it)."""
    check_can_end(by)
    with uow_factory() as uow:
        mode = current(uow)
        if mode is None:
            raise TrainingAlready(False)
        journal.record(uow, till, event_record(TRAINING_END, mode, by, clock.now()))
        uow.settings.delete(SETTING)
        uow.commit()
