"""The till's fiscal journal as use cases: record an event, verify the chain, export it.

The chain itself (what is hashed, what breaks it) is `domain.journal`; storage is the unit of
work's ``journal``. A use case that journals an event does it in its own transaction, with
`record`, so that the event and its entry commit (or vanish) together.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path

from app.services.ports import Clock, UnitOfWork, UnitOfWorkFactory
from domain.journal import JournalEntry, Problem, VerifyReport, verify

HEAD_MISSING = "the head (last seq and hash) is missing"


def record(uow: UnitOfWork, till: str, record: Mapping[str, object]) -> JournalEntry:
    """Append ``record`` to the till's journal inside ``uow``'s transaction; the record names
    its till (added when the caller did not)."""
    return uow.journal.append(till, {"till": till, **record})


def record_startup(uow_factory: UnitOfWorkFactory, clock: Clock, till: str) -> JournalEntry:
    """The client started on this till: a "startup" entry naming the software's version."""
    try:
        version = metadata.version("guichet")
    except metadata.PackageNotFoundError:
        version = "unknown"
    with uow_factory() as uow:
        entry = record(
            uow, till, {"type": "startup", "at": clock.now().isoformat(), "software": version}
        )
        uow.commit()
    return entry


def verify_journal(uow_factory: UnitOfWorkFactory, till: str) -> VerifyReport:
    """Walk the till's whole journal against its head; reads only, in one snapshot."""
    with uow_factory(read_only=True) as uow:
        head = uow.journal.head(till)
        report = verify(uow.journal.entries(till), head)
    if report.ok and head is None and report.count:
        return dataclasses.replace(
            report, ok=False, first_problem=Problem(report.last_seq, HEAD_MISSING)
        )
    return report


def export_journal(uow_factory: UnitOfWorkFactory, till: str, path: Path) -> int:
    """Write the till's entries to ``path`` as JSON Lines, each exactly as stored; the count.

    The file appears whole or not at all: it is written beside ``path`` and then renamed."""
    partial = path.with_name(path.name + ".partial")
    count = 0
    try:
        with uow_factory(read_only=True) as uow, partial.open("w", encoding="utf-8") as out:
            for entry in uow.journal.entries(till):
                out.write(entry.json_line() + "\n")
                count += 1
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return count
