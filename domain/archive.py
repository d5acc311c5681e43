"""The fiscal archive's format and its verifier (docs/archive-format.md says the same in prose).

An archive is a zip of five files:

``entries.jsonl``
    One line per journal entry of the period, in seq order, no gap:
    ``{"seq":N,"prev_hash":"<hex>","hash":"<hex>","record":"<the record's canonical JSON text>"}``
    and ``hash == sha256(bytes.fromhex(prev_hash) + record.encode("utf-8")).hexdigest()``;
    each line's ``prev_hash`` is the line before's ``hash`` (the first line's is the
    manifest's ``first_prev_hash``). The record is kept as *text*, the very bytes the chain
    hashed: a verifier needs JSON and SHA-256, not RFC 8785.
``closures.jsonl``
    The fiscal closures of the period's days, months and year (same lines). A closure made
    after the period ends (the year's, on 1 January) lies beyond ``entries.jsonl``: its line
    is checked on its own, and what it covers (``last_seq``, ``last_hash``) against the entries.
``manifest.json``
    What the archive holds (`build_manifest`): till, period, first/last seq and hashes,
    counts, the SHA-256 of both files, the software's version, when it was made, the signing
    key's fingerprint.
``manifest.sig``
    The raw 64-byte Ed25519 signature of ``manifest.json``'s bytes.
``public_key.pem``
    The till's Ed25519 public key (SubjectPublicKeyInfo PEM). Its fingerprint (SHA-256 of the
    raw 32 key bytes) is journaled when the till's key is made ("signing_key" entry).

`verify_archive` checks an archive alone — no database, any machine — and names the file,
line and seq of each problem. No I/O here: the caller hands the files (`ArchiveFiles`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Protocol

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from domain.journal import GENESIS, JournalEntry, link_hash

FORMAT: Final = "guichet-journal-archive/1"
ENTRIES: Final = "entries.jsonl"
CLOSURES: Final = "closures.jsonl"
MANIFEST: Final = "manifest.json"
SIGNATURE: Final = "manifest.sig"
PUBLIC_KEY: Final = "public_key.pem"
FILES: Final = (MANIFEST, SIGNATURE, PUBLIC_KEY, ENTRIES, CLOSURES)
_LINE_KEYS: Final = ("seq", "prev_hash", "hash", "record")


class ArchiveFiles(Protocol):
    """An archive's files, however they are stored (a zip, a folder, a test's dict)."""

    def names(self) -> Sequence[str]: ...
    def read(self, name: str) -> bytes: ...
    def lines(self, name: str) -> Iterable[bytes]: ...


@dataclass(frozen=True, slots=True)
class ArchiveProblem:
    file: str
    what: str
    seq: int | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f" line {self.line}"
        if self.seq is not None:
            where += f" (seq {self.seq})"
        return f"{where}: {self.what}"


@dataclass(frozen=True, slots=True)
class ArchiveReport:
    problems: tuple[ArchiveProblem, ...]
    manifest: Mapping[str, Any] = field(default_factory=dict)
    entries: int = 0
    closures: int = 0
    key_fingerprint: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems


def entry_line(entry: JournalEntry) -> bytes:
    """An entry as a line of ``entries.jsonl`` / ``closures.jsonl`` (newline included)."""
    record = entry.stored if entry.stored is not None else entry.canonical_record().decode()
    line = {"seq": entry.seq, "prev_hash": entry.prev_hash, "hash": entry.hash, "record": record}
    return (json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def key_fingerprint(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()


@dataclass(frozen=True, slots=True)
class FileSummary:
    """What the manifest says of one file: its SHA-256 and its number of lines."""

    sha256: str
    lines: int


def build_manifest(
    *,
    till: str,
    period: str,
    timezone: str,
    first: JournalEntry | None,
    last: JournalEntry | None,
    entries: FileSummary,
    closures: FileSummary,
    software: str,
    created_at: str,
    fingerprint: str,
) -> bytes:
    """The manifest's bytes (sorted compact JSON, what the signature covers)."""
    manifest = {
        "format": FORMAT,
        "till": till,
        "period": period,
        "timezone": timezone,
        "first_seq": first.seq if first else 0,
        "first_prev_hash": first.prev_hash if first else GENESIS,
        "last_seq": last.seq if last else 0,
        "last_hash": last.hash if last else GENESIS,
        "count": entries.lines,
        "closures": closures.lines,
        "files": {
            ENTRIES: {"sha256": entries.sha256, "lines": entries.lines},
            CLOSURES: {"sha256": closures.sha256, "lines": closures.lines},
        },
        "software": software,
        "created_at": created_at,
        "public_key_sha256": fingerprint,
    }
    return json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode("utf-8")


# --- the verifier -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Line:
    seq: int
    prev_hash: str
    hash: str
    record: dict[str, Any]


def _parse_line(raw: bytes) -> _Line | str:
    """A line's entry, its link checked (hash over prev_hash and the record's text); or what
    is wrong with it."""
    try:
        item = json.loads(raw)
    except ValueError:
        return "not a line of JSON"
    if not isinstance(item, dict) or tuple(sorted(item)) != tuple(sorted(_LINE_KEYS)):
        return f"a line holds exactly {', '.join(_LINE_KEYS)}"
    seq, prev_hash, digest, text = (item[k] for k in _LINE_KEYS)
    if isinstance(seq, bool) or not isinstance(seq, int) or not isinstance(text, str):
        return "seq is a whole number and record a text"
    if not (_is_hex64(prev_hash) and _is_hex64(digest)):
        return "prev_hash and hash are 64 hexadecimal digits"
    if link_hash(prev_hash, text.encode("utf-8", "surrogatepass")) != digest:
        return "hash does not match"
    try:
        record = json.loads(text)
    except ValueError:
        return "the record is not JSON"
    if not isinstance(record, dict):
        return "the record is not a JSON object"
    return _Line(seq, prev_hash, digest, record)


_HEX64: Final = re.compile(r"[0-9a-f]{64}")


def _is_hex64(value: object) -> bool:
    return isinstance(value, str) and _HEX64.fullmatch(value) is not None


class _Digest:
    """SHA-256 and line count of a file read line by line."""

    def __init__(self, lines: Iterable[bytes]) -> None:
        self._lines = lines
        self.sha = hashlib.sha256()
        self.count = 0

    def __iter__(self) -> Iterator[bytes]:
        for line in self._lines:
            self.sha.update(line)
            self.count += 1
            yield line


def verify_archive(files: ArchiveFiles) -> ArchiveReport:
    """Every check of an archive, each problem with its file, line and seq (see the module
    docstring). The chain inside ``entries.jsonl`` stops at its first broken link."""
    problems: list[ArchiveProblem] = []
    names = list(files.names())
    for name in FILES:
        if name not in names:
            problems.append(ArchiveProblem(name, "missing"))
    for name in names:
        if name not in FILES:
            problems.append(ArchiveProblem(name, "is not a file of this format"))
    if MANIFEST not in names:
        return ArchiveReport(tuple(problems))
    manifest_bytes = files.read(MANIFEST)
    manifest = _manifest(manifest_bytes, problems)
    fingerprint = _check_signature(files, names, manifest_bytes, manifest, problems)
    if manifest is None:
        return ArchiveReport(tuple(problems), key_fingerprint=fingerprint)
    closures: list[_Line] = []
    if CLOSURES in names:
        closures = _check_closures(files, manifest, problems)
    count = 0
    if ENTRIES in names:
        wanted = {c.seq for c in closures} | {_int(c.record.get("last_seq")) for c in closures}
        count, hashes = _check_entries(files, manifest, wanted, problems)
        _cross_check(closures, manifest, hashes, problems)
    return ArchiveReport(tuple(problems), manifest, count, len(closures), fingerprint)


def _int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else -1


def _manifest(raw: bytes, problems: list[ArchiveProblem]) -> dict[str, Any] | None:
    try:
        manifest = json.loads(raw)
    except ValueError:
        problems.append(ArchiveProblem(MANIFEST, "not JSON"))
        return None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        problems.append(ArchiveProblem(MANIFEST, f"not a {FORMAT} manifest"))
        return None
    keys = ("first_seq", "last_seq", "count", "closures")
    if not all(_int(manifest.get(k)) >= 0 for k in keys) or not all(
        _is_hex64(manifest.get(k)) for k in ("first_prev_hash", "last_hash")
    ):
        problems.append(ArchiveProblem(MANIFEST, "seqs, counts or hashes missing or malformed"))
        return None
    if not isinstance(manifest.get("files"), dict):
        problems.append(ArchiveProblem(MANIFEST, "no files"))
        return None
    return manifest


def _check_signature(
    files: ArchiveFiles,
    names: list[str],
    manifest_bytes: bytes,
    manifest: Mapping[str, Any] | None,
    problems: list[ArchiveProblem],
) -> str:
    if PUBLIC_KEY not in names or SIGNATURE not in names:
        return ""
    try:
        key = serialization.load_pem_public_key(files.read(PUBLIC_KEY))
    except (ValueError, TypeError):
        problems.append(ArchiveProblem(PUBLIC_KEY, "not a PEM public key"))
        return ""
    if not isinstance(key, Ed25519PublicKey):
        problems.append(ArchiveProblem(PUBLIC_KEY, "not an Ed25519 key"))
        return ""
    fingerprint = key_fingerprint(key)
    try:
        key.verify(files.read(SIGNATURE), manifest_bytes)
    except InvalidSignature:
        problems.append(ArchiveProblem(SIGNATURE, "the signature does not match the manifest"))
    if manifest is not None and manifest.get("public_key_sha256") != fingerprint:
        problems.append(ArchiveProblem(PUBLIC_KEY, "is not the key the manifest names"))
    return fingerprint


def _file_summary(
    name: str, digest: _Digest, manifest: Mapping[str, Any], problems: list[ArchiveProblem]
) -> None:
    said = manifest["files"].get(name)
    if not isinstance(said, dict):
        problems.append(ArchiveProblem(MANIFEST, f"says nothing of {name}"))
        return
    if said.get("lines") != digest.count:
        problems.append(
            ArchiveProblem(name, f"{digest.count} lines, the manifest says {said.get('lines')}")
        )
    if said.get("sha256") != digest.sha.hexdigest():
        problems.append(ArchiveProblem(name, "its SHA-256 is not the manifest's"))


def _check_entries(
    files: ArchiveFiles,
    manifest: Mapping[str, Any],
    wanted: set[int],
    problems: list[ArchiveProblem],
) -> tuple[int, dict[int, str]]:
    """Walk the chain; the count of entries that link, and the hashes of the ``wanted`` seqs."""
    digest = _Digest(files.lines(ENTRIES))
    expected_seq, expected_prev = manifest["first_seq"], manifest["first_prev_hash"]
    count, broken = 0, False
    hashes: dict[int, str] = {}
    for number, raw in enumerate(digest, start=1):
        if broken:
            continue  # read on for the file's digest and line count
        line = _parse_line(raw)
        problem = _link_problem(line, expected_seq, expected_prev, number)
        if problem is not None or isinstance(line, str):
            problems.append(problem or ArchiveProblem(ENTRIES, str(line), expected_seq, number))
            broken = True
            continue
        count += 1
        if line.seq in wanted:
            hashes[line.seq] = line.hash
        expected_seq, expected_prev = line.seq + 1, line.hash
    if not broken:
        last_seq, said = (expected_seq - 1 if count else 0), manifest["last_seq"]
        if last_seq < said:
            what = f"ends at seq {last_seq}, the manifest says seq {said}: entries missing"
            problems.append(ArchiveProblem(ENTRIES, what, last_seq + 1))
        elif last_seq > said:
            what = f"goes on to seq {last_seq}, the manifest says seq {said}"
            problems.append(ArchiveProblem(ENTRIES, what, said + 1))
        elif count and expected_prev != manifest["last_hash"]:
            problems.append(ArchiveProblem(ENTRIES, "the last hash is not the manifest's", said))
    _file_summary(ENTRIES, digest, manifest, problems)
    return count, hashes


def _link_problem(
    line: _Line | str, expected_seq: int, expected_prev: str, number: int
) -> ArchiveProblem | None:
    if isinstance(line, str):
        return ArchiveProblem(ENTRIES, line, expected_seq, number)
    if line.seq != expected_seq:
        what = f"seq {line.seq} where seq {expected_seq} should be (a gap or a reorder)"
        return ArchiveProblem(ENTRIES, what, expected_seq, number)
    if line.prev_hash != expected_prev:
        return ArchiveProblem(ENTRIES, "prev_hash does not match", line.seq, number)
    return None


def _check_closures(
    files: ArchiveFiles, manifest: Mapping[str, Any], problems: list[ArchiveProblem]
) -> list[_Line]:
    digest = _Digest(files.lines(CLOSURES))
    found: list[_Line] = []
    for number, raw in enumerate(digest, start=1):
        line = _parse_line(raw)
        if isinstance(line, str):
            problems.append(ArchiveProblem(CLOSURES, line, None, number))
        elif line.record.get("type") != "closure":
            problems.append(ArchiveProblem(CLOSURES, "not a closure record", line.seq, number))
        else:
            found.append(line)
    _file_summary(CLOSURES, digest, manifest, problems)
    return found


def _cross_check(
    closures: list[_Line],
    manifest: Mapping[str, Any],
    hashes: Mapping[int, str],
    problems: list[ArchiveProblem],
) -> None:
    """A closure inside the entries' range is the same entry there; what a closure covers
    ends on an entry of the archive when that entry is in it."""
    first, last = manifest["first_seq"], manifest["last_seq"]
    for closure in closures:
        if first <= closure.seq <= last and hashes.get(closure.seq) != closure.hash:
            problems.append(ArchiveProblem(CLOSURES, "is not the entry of that seq", closure.seq))
        covered = _int(closure.record.get("last_seq"))
        if first <= covered <= last and hashes.get(covered) != closure.record.get("last_hash"):
            problems.append(
                ArchiveProblem(
                    CLOSURES, f"covers through seq {covered}, whose hash is not that", closure.seq
                )
            )
