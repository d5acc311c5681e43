"""Training mode ("mode école"): a supervisor puts the till into training for a trainee; every
sale made meanwhile is journaled like any other — training data is covered by the law too
(BOFiP §50, notes/fiscal.md §1.2) — but marked ``"training": true`` inside the hashed record,
with the supervising operator named, so that nobody can pass it off as real or real as
training later. The ledger never counts a marked record (`domain.ledger`), so training sales
never reach the totals, the X and Z reports, the closures or the exports; tickets and
receipts say "FACTICE / SIMULATION".

Why a till setting and not an operator's: the mode is switched on and off at the till by a
supervisor, who answers for what is sold in it and is the one named on each record; an
operator flag would let a trainee's login sell for real at another till, or a cashier switch
it without a supervisor. Why the same chain, flagged, and not a chain apart: one chain keeps
the till's one gap-free sequence and its one head (no second head for an auditor to check),
and the flag is hashed with the sale, so it can be neither removed nor added afterwards.
Plain Python: the caller passes the moment.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from domain.errors import DomainError
from domain.operators import Operator, Role

TRAINING_START = "training_start"
TRAINING_END = "training_end"
ROLES_THAT_SUPERVISE = frozenset({Role.SUPERVISOR})


class NotAllowedToSupervise(DomainError):
    """Only a supervisor switches training mode on or off."""

    def __init__(self, operator: Operator) -> None:
        super().__init__(
            f"{operator.name} is not a supervisor: only a supervisor starts or ends training"
        )


@dataclass(frozen=True, slots=True)
class TrainingMode:
    supervisor_login: str
    supervisor_name: str
    since: datetime

    def supervisor(self) -> dict[str, object]:
        return {"login": self.supervisor_login, "name": self.supervisor_name}


def start(supervisor: Operator, at: datetime) -> TrainingMode:
    if supervisor.role not in ROLES_THAT_SUPERVISE:
        raise NotAllowedToSupervise(supervisor)
    return TrainingMode(supervisor.login, supervisor.name, at)


def check_can_end(operator: Operator) -> None:
    if operator.role not in ROLES_THAT_SUPERVISE:
        raise NotAllowedToSupervise(operator)


def event_record(kind: str, mode: TrainingMode, by: Operator, at: datetime) -> dict[str, object]:
    """The journal's record of training starting or ending (a technical event)."""
    return {
        "type": kind,
        "at": at.isoformat(),
        "supervisor": mode.supervisor(),
        "by": {"login": by.login, "name": by.name},
        "since": mode.since.isoformat(),
    }


def marked(record: Mapping[str, object], mode: TrainingMode | None) -> dict[str, object]:
    """``record`` as journaled under ``mode``: flagged and naming the supervisor in training,
    unchanged otherwise."""
    if mode is None:
        return dict(record)
    return {**record, "training": True, "supervisor": mode.supervisor()}


def is_training(record: Mapping[str, object]) -> bool:
    return record.get("training") is True
