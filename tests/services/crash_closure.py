"""Run by test_closures.py in a child process: a till with sales on two days, whose closure is
killed (SIGKILL, no clean-up at all) at the step named on the command line:

``in_transaction``: the closure's entry is appended, its index row not yet, nothing committed;
``after_first``: the first closure is committed, the process dies before the next one.
"""

from __future__ import annotations

import os
import signal
import sys
from datetime import timedelta
from pathlib import Path

from app.persistence import open_database
from app.persistence.repositories.journal import JournalRepository
from app.services import closures, journal
from tests.domain.test_ledger import line, sale
from tests.fakes import PARIS, PINNED_MOMENT, FixedClock

TILL = "G1"


def fill(data_dir: Path) -> FixedClock:
    """Three sales on 10 and 11 March; the clock on 12 March, both days due."""
    database = open_database(data_dir / "till.sqlite3")
    clock = FixedClock()
    for n, days in enumerate((0, 0, 1)):
        clock.moment = PINNED_MOMENT + timedelta(days=days, minutes=n)
        with database.unit_of_work() as uow:
            journal.record(uow, TILL, sale(f"s{n}", [line(n, "10.00")], at=clock.now()))
            uow.commit()
    database.close()
    clock.moment = PINNED_MOMENT + timedelta(days=2)
    return clock


def main(data_dir: str, step: str) -> None:
    folder = Path(data_dir)
    clock = fill(folder)
    if step == "in_transaction":

        def add_closure(self: JournalRepository, till: str, closure: object) -> None:
            os.kill(os.getpid(), signal.SIGKILL)

        JournalRepository.add_closure = add_closure  # type: ignore[method-assign, assignment]
    else:
        original = closures.close_next
        done = []

        def close_next(*args: object, **kwargs: object) -> object:
            if done:
                os.kill(os.getpid(), signal.SIGKILL)
            done.append(original(*args, **kwargs))  # type: ignore[arg-type]
            return done[-1]

        closures.close_next = close_next  # type: ignore[assignment]
    database = open_database(folder / "till.sqlite3")
    closures.close_due(database.unit_of_work, clock, TILL, PARIS)
    print("not killed", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
