"""Fiscal archives of the journal: ``guichet journal archive --period 2026 FILE.zip`` writes one,
``guichet journal verify FILE.zip`` checks one alone, on any machine (the format and the
checks are `domain.archive`; docs/archive-format.md for whoever re-implements the verifier).

The till signs its archives with its own Ed25519 key, made once and kept in the data folder
(``journal_signing_key.pem``, readable by its owner only); the key's fingerprint goes into the
journal (a "signing_key" entry) the first time it is used, so an archive's key can be matched
with the till's chain. Archiving is itself a journal entry ("archive", naming the manifest's
SHA-256), written once the file is complete.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.services import closures as closures_service
from app.services import journal
from app.services.ports import Clock, UnitOfWorkFactory
from domain.archive import (
    CLOSURES,
    ENTRIES,
    MANIFEST,
    PUBLIC_KEY,
    SIGNATURE,
    ArchiveProblem,
    ArchiveReport,
    FileSummary,
    build_manifest,
    entry_line,
    key_fingerprint,
    verify_archive,
)
from domain.errors import GuichetError
from domain.journal import JournalEntry
from domain.periods import Period

log = logging.getLogger(__name__)

KEY_FILE = "journal_signing_key.pem"
KEY_SETTING = "journal.signing_key"  # the fingerprint journaled for the key in use
ARCHIVE = "archive"
SIGNING_KEY = "signing_key"


class NothingToArchive(GuichetError):
    def __init__(self, period: Period) -> None:
        super().__init__(f"the journal has no entry in {period}: there is nothing to archive")


class SigningKeyUnreadable(GuichetError):
    pass


class PeriodNotEnded(GuichetError):
    def __init__(self, period: Period, end: str) -> None:
        super().__init__(
            f"{period} has not ended yet (it ends at {end}): archive a period that is over, "
            "its closures are then in the archive"
        )


@dataclass(frozen=True, slots=True)
class Archived:
    path: Path
    period: Period
    first_seq: int
    last_seq: int
    entries: int
    closures: int
    manifest_sha256: str
    journal_seq: int  # the "archive" entry


def signing_key(
    uow_factory: UnitOfWorkFactory, clock: Clock, till: str, data_dir: Path
) -> Ed25519PrivateKey:
    """The till's archive key: read from the data folder, or made there once (owner-only
    permissions); journaled by its fingerprint the first time it is used."""
    path = data_dir / KEY_FILE
    try:
        key = _load_key(path)
    except FileNotFoundError:
        key = _create_key(path)
    fingerprint = key_fingerprint(key.public_key())
    with uow_factory() as uow:
        if uow.settings.get(KEY_SETTING) != fingerprint:
            pem = key.public_key().public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            )
            journal.record(
                uow,
                till,
                {
                    "type": SIGNING_KEY,
                    "at": clock.now().isoformat(),
                    "public_key_sha256": fingerprint,
                    "public_key_pem": pem.decode("ascii"),
                },
            )
            uow.settings.set(KEY_SETTING, fingerprint)
            uow.commit()
    return key


def _load_key(path: Path) -> Ed25519PrivateKey:
    data = path.read_bytes()
    if os.name == "posix" and stat.S_IMODE(path.stat().st_mode) & 0o077:
        log.warning("%s can be read by others than its owner: chmod 600 it", path)
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise SigningKeyUnreadable(f"{path} is not a PEM private key: {exc}") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyUnreadable(f"{path} is not an Ed25519 key")
    return key


def _create_key(path: Path) -> Ed25519PrivateKey:
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first: use that one
        return _load_key(path)
    with os.fdopen(fd, "wb") as out:
        out.write(pem)
        out.flush()
        os.fsync(out.fileno())
    return key


def _entries_between(
    uow_factory: UnitOfWorkFactory, till: str, first: int, last: int
) -> Iterator[JournalEntry]:
    with uow_factory(read_only=True) as uow:
        for entry in uow.journal.entries(till, first):
            if entry.seq > last:
                return
            yield entry


def _write(
    archive: zipfile.ZipFile, name: str, entries: Iterable[JournalEntry]
) -> tuple[FileSummary, JournalEntry | None, JournalEntry | None]:
    digest, count = hashlib.sha256(), 0
    first = last = None
    with archive.open(name, "w", force_zip64=True) as out:
        for entry in entries:
            line = entry_line(entry)
            out.write(line)
            digest.update(line)
            count += 1
            first = first or entry
            last = entry
    return FileSummary(digest.hexdigest(), count), first, last


def archive_period(
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    till: str,
    timezone: ZoneInfo,
    data_dir: Path,
    period: Period,
    path: Path,
) -> Archived:
    """Write the archive of ``period`` (a year or a month, ended) to ``path``, whole or not
    at all, then journal it. Every closure due is written first, so the period's are in it."""
    start, end = period.bounds(timezone)
    if clock.now() < end:
        raise PeriodNotEnded(period, end.isoformat())
    closures_service.close_due(uow_factory, clock, till, timezone)
    key = signing_key(uow_factory, clock, till, data_dir)
    with uow_factory(read_only=True) as uow:
        bounds = uow.journal.seq_bounds(till, start, end)
        closure_seqs = [c.seq for c in uow.journal.closures(till) if period.contains(c.period)]
        closures = [e for seq in sorted(closure_seqs) if (e := uow.journal.entry(till, seq))]
    if bounds is None:
        raise NothingToArchive(period)
    partial = path.with_name(path.name + ".partial")
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            entries, first, last = _write(
                archive, ENTRIES, _entries_between(uow_factory, till, *bounds)
            )
            closed, _, _ = _write(archive, CLOSURES, closures)
            manifest = build_manifest(
                till=till,
                period=str(period),
                timezone=str(timezone),
                first=first,
                last=last,
                entries=entries,
                closures=closed,
                software=journal.software_version(),
                created_at=clock.now().isoformat(),
                fingerprint=key_fingerprint(key.public_key()),
            )
            archive.writestr(MANIFEST, manifest)
            archive.writestr(SIGNATURE, key.sign(manifest))
            archive.writestr(
                PUBLIC_KEY,
                key.public_key().public_bytes(
                    serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
                ),
            )
        with partial.open("rb") as done:
            os.fsync(done.fileno())
        manifest_sha = hashlib.sha256(manifest).hexdigest()
        assert first is not None and last is not None
        with uow_factory() as uow:
            entry = journal.record(
                uow,
                till,
                {
                    "type": ARCHIVE,
                    "at": clock.now().isoformat(),
                    "period": str(period),
                    "first_seq": first.seq,
                    "last_seq": last.seq,
                    "count": entries.lines,
                    "closures": closed.lines,
                    "manifest_sha256": manifest_sha,
                    "file": path.name,
                },
            )
            uow.commit()
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return Archived(
        path, period, first.seq, last.seq, entries.lines, closed.lines, manifest_sha, entry.seq
    )


class _ZipFiles:
    """`domain.archive.ArchiveFiles` over an open zip."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self._zip = archive

    def names(self) -> Sequence[str]:
        return self._zip.namelist()

    def read(self, name: str) -> bytes:
        return self._zip.read(name)

    def lines(self, name: str) -> Iterator[bytes]:
        with self._zip.open(name) as stream:
            yield from stream


def verify_archive_file(path: Path) -> ArchiveReport:
    """Check the archive at ``path`` alone (no database): each problem with its file and seq."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            twice = sorted({n for n in names if names.count(n) > 1})
            if twice:  # a second copy of a file appended to the zip: which one is read?
                return ArchiveReport(
                    tuple(ArchiveProblem(n, "is in the archive more than once") for n in twice)
                )
            return verify_archive(_ZipFiles(archive))
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        return ArchiveReport((ArchiveProblem(path.name, f"cannot be read as a zip: {exc}"),))
