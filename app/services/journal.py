"""The till's fiscal journal as use cases: record an event, verify the chain, export it.

The chain itself (what is hashed, what breaks it) is `domain.journal`; storage is the unit of
work's ``journal``. A use case that journals an event does it in its own transaction, with
`record`, so that the event and its entry commit (or vanish) together.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path

from app.services.ports import Clock, UnitOfWork, UnitOfWorkFactory
from domain.journal import Head, JournalEntry, Problem, VerifyReport, verify

HEAD_MISSING = "the head (last seq and hash) is missing"
log = logging.getLogger(__name__)


def record(uow: UnitOfWork, till: str, record: Mapping[str, object]) -> JournalEntry:
    """Append ``record`` to the till's journal inside ``uow``'s transaction; the record names
    its till (added when the caller did not)."""
    return uow.journal.append(till, {"till": till, **record})


def software_version() -> str:
    try:
        return metadata.version("guichet")
    except metadata.PackageNotFoundError:
        return "unknown"


# The technical event journal (JET, NF525): events of the till itself, each an entry of the
# chain. Settings keep what the last start-up saw, to tell a change.
SOFTWARE_CHANGED = "software_changed"
SETTINGS_CHANGED = "settings_changed"
INTEGRITY_DEFECT = "integrity_defect"
OFFLINE_START = "offline_start"
OFFLINE_END = "offline_end"
EXPORT = "export"
_SOFTWARE_SEEN = "journal.software"
_SETTINGS_SEEN = "journal.settings_sha256"
_DEFECT_SEEN = "journal.defect"
_OFFLINE = "journal.offline_since"
# Entries verified at each start-up, with the head: about 0.25 s (benchmarks/till.py,
# startup_check: some 125 µs an entry); the whole chain is verified by `journal verify`, by
# each archive and, for an enrolled till, by the server.
TAIL_CHECKED = 2_000


def record_startup(
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    till: str,
    settings_sha256: str = "",
    tail: int = TAIL_CHECKED,
) -> JournalEntry:
    """The client started on this till: a "startup" entry naming the software's version and
    the hash of station.toml; then, in the same transaction, a "software_changed" or
    "settings_changed" entry when either differs from the last start-up's, and an
    "integrity_defect" naming the seq when the check of the chain's last ``tail`` entries and
    its head finds one (once per defect)."""
    version = software_version()
    defect = check_tail(uow_factory, till, tail)
    at = clock.now().isoformat()
    with uow_factory() as uow:
        entry = record(
            uow,
            till,
            {"type": "startup", "at": at, "software": version, "settings_sha256": settings_sha256},
        )
        seen = uow.settings.get(_SOFTWARE_SEEN)
        if seen is not None and seen != version:
            record(uow, till, {"type": SOFTWARE_CHANGED, "at": at, "from": seen, "to": version})
        uow.settings.set(_SOFTWARE_SEEN, version)
        if settings_sha256:
            was = uow.settings.get(_SETTINGS_SEEN)
            if was is not None and was != settings_sha256:
                change = {"from_sha256": was, "to_sha256": settings_sha256}
                record(uow, till, {"type": SETTINGS_CHANGED, "at": at, **change})
            uow.settings.set(_SETTINGS_SEEN, settings_sha256)
        if defect is not None and uow.settings.get(_DEFECT_SEEN) != str(defect):
            log.error("the fiscal journal of till %s is broken: %s", till, defect)
            record_defect(uow, till, defect, at, "start-up check")
        uow.commit()
    return entry


def record_defect(uow: UnitOfWork, till: str, problem: Problem, at: str, found_by: str) -> None:
    """An "integrity_defect" entry naming the seq where the chain breaks (NF525 code 90)."""
    record(
        uow,
        till,
        {
            "type": INTEGRITY_DEFECT,
            "at": at,
            "seq": problem.seq,
            "what": problem.what,
            "found_by": found_by,
        },
    )
    uow.settings.set(_DEFECT_SEEN, str(problem))


def check_tail(uow_factory: UnitOfWorkFactory, till: str, tail: int) -> Problem | None:
    """The first problem of the chain's last ``tail`` entries against its head, or None."""
    with uow_factory(read_only=True) as uow:
        head = uow.journal.head(till)
        last = uow.journal.last(till)
        if head is None:
            return None if last is None else Problem(last.seq, HEAD_MISSING)
        start = max(1, head.seq - tail + 1)
        before = uow.journal.entry(till, start - 1) if start > 1 else None
        if start > 1 and before is None:
            return Problem(start - 1, "entry missing")
        after = None if before is None else Head(before.seq, before.hash)
        report = verify(uow.journal.entries(till, start), head, after)
    return report.first_problem


def note_link(
    uow_factory: UnitOfWorkFactory, clock: Clock, till: str, online: bool, why: str = ""
) -> bool:
    """The link to the central server worked (``online``) or failed: an "offline_start" entry
    when it goes down, an "offline_end" when it is back (NF525 codes 70 and 120); whether an
    entry was written."""
    with uow_factory(read_only=True) as uow:
        since = uow.settings.get(_OFFLINE)
    if (since is not None) != online:
        return False  # no change
    at = clock.now().isoformat()
    wrote = False
    with uow_factory() as uow:
        since = uow.settings.get(_OFFLINE)
        if since is None and not online:
            record(uow, till, {"type": OFFLINE_START, "at": at, "reason": why})
            uow.settings.set(_OFFLINE, at)
            wrote = True
        elif since is not None and online:
            record(uow, till, {"type": OFFLINE_END, "at": at, "offline_since": since})
            uow.settings.delete(_OFFLINE)
            wrote = True
        uow.commit()
    return wrote


def record_export(
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    till: str,
    what: str,
    path: Path,
    **details: object,
) -> JournalEntry:
    """An "export" entry (NF525 code 110): what was exported, the file's name and SHA-256."""
    digest = hashlib.sha256()
    with path.open("rb") as written:
        for block in iter(lambda: written.read(1 << 20), b""):
            digest.update(block)
    with uow_factory() as uow:
        entry = record(
            uow,
            till,
            {
                "type": EXPORT,
                "at": clock.now().isoformat(),
                "what": what,
                "file": path.name,
                "sha256": digest.hexdigest(),
                **details,
            },
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


def verify_and_record(uow_factory: UnitOfWorkFactory, clock: Clock, till: str) -> VerifyReport:
    """`verify_journal`, and a break found journaled as an "integrity_defect" (once per
    defect: the same break found again adds nothing)."""
    report = verify_journal(uow_factory, till)
    problem = report.first_problem
    if problem is not None:
        with uow_factory() as uow:
            if uow.settings.get(_DEFECT_SEEN) != str(problem):
                record_defect(uow, till, problem, clock.now().isoformat(), "verify")
                uow.commit()
    return report


def export_journal(
    uow_factory: UnitOfWorkFactory, till: str, path: Path, clock: Clock | None = None
) -> int:
    """Write the till's entries to ``path`` as JSON Lines, each exactly as stored; the count.
    With a ``clock``, the export is journaled ("export" entry).

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
    if clock is not None:
        record_export(uow_factory, clock, till, "journal", path, count=count)
    return count
