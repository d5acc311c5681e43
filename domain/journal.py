"""The till's fiscal journal: an append-only hash chain of records, one chain per till.

Each entry is ``{"seq", "prev_hash", "hash", "record"}`` with

    hash = sha256(bytes.fromhex(prev_hash) + JCS(record)).hexdigest()

where JCS is RFC 8785 canonical JSON (the `rfc8785` package) and the first entry's
``prev_hash`` is `GENESIS` (64 zeros). ``seq`` starts at 1 and has no gaps. Changing, removing,
inserting or reordering an entry breaks the chain at that entry, and `verify` names it.

A record is a JSON object of values, never database ids: a ``"type"`` ("sale", "startup",
"login", "logout", "drawer_open", "print", "reprint", "cancellation"...) and an ``"at"``
(ISO-8601 time with its offset), then what the type needs. Money goes in as **integer minor
units** with its currency beside it (``{"amount_minor": 1250, "currency": "EUR"}``): floats are
refused anywhere in a record, because their canonical form is easy to get wrong in another
language and a verifier must rebuild the exact bytes. Integers stay within ±(2^53 − 1), which
RFC 8785 (I-JSON) can represent exactly.

Plain Python: no I/O, no database. Storage is `app.persistence.repositories.journal`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Final

import rfc8785

from domain.errors import DomainError

GENESIS: Final = "0" * 64
MAX_SAFE_INTEGER: Final = 2**53 - 1

HASH_MISMATCH: Final = "hash does not match"
PREV_HASH_MISMATCH: Final = "prev_hash does not match"
NOT_CANONICAL: Final = "record is not stored as its canonical JSON"
OUT_OF_ORDER: Final = "out of order"


class InvalidJournalRecord(DomainError):
    """A record that cannot go into the journal (a float, no "type", a naive "at"...)."""


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """One link of the chain. ``stored`` is the record's text as read from storage, when it
    was: `verify` checks that it is the canonical form it hashes (None for a new entry)."""

    seq: int
    prev_hash: str
    hash: str
    record: Mapping[str, object]
    stored: str | None = None

    def canonical_record(self) -> bytes:
        """The record's RFC 8785 bytes: what the hash covers and what storage keeps."""
        return canonical_json(self.record)

    def json_line(self) -> str:
        """The entry as one line of JSON, its record exactly as stored (or as hashed)."""
        record = self.stored if self.stored is not None else self.canonical_record().decode()
        return (
            f'{{"seq":{self.seq},"prev_hash":{json.dumps(self.prev_hash)},'
            f'"hash":{json.dumps(self.hash)},"record":{record}}}'
        )


@dataclass(frozen=True, slots=True)
class Problem:
    seq: int
    what: str

    def __str__(self) -> str:
        return f"seq {self.seq}: {self.what}"


@dataclass(frozen=True, slots=True)
class Head:
    """The last seq and hash of a chain, kept apart from the entries so that removing the
    last entries is seen too."""

    seq: int
    hash: str


@dataclass(frozen=True, slots=True)
class VerifyReport:
    ok: bool
    count: int
    last_seq: int
    last_hash: str
    first_problem: Problem | None


def canonical_json(record: Mapping[str, object]) -> bytes:
    """RFC 8785 canonical JSON of a record that `check_record` accepts."""
    try:
        return rfc8785.dumps(record)  # type: ignore[arg-type]  # values checked by check_record
    except (rfc8785.CanonicalizationError, UnicodeError, ValueError, TypeError) as exc:
        raise InvalidJournalRecord(
            f"the record cannot be written as canonical JSON: {exc}"
        ) from exc


def link_hash(prev_hash: str, canonical_record: bytes) -> str:
    return hashlib.sha256(bytes.fromhex(prev_hash) + canonical_record).hexdigest()


def check_record(record: Mapping[str, object]) -> None:
    """Refuse what the journal must not hold, with what is wrong and where."""
    if not isinstance(record, Mapping):
        raise InvalidJournalRecord("a journal record is a JSON object")
    kind = record.get("type")
    if not isinstance(kind, str) or not kind:
        raise InvalidJournalRecord('a journal record needs a "type" text')
    at = record.get("at")
    if not isinstance(at, str):
        raise InvalidJournalRecord('a journal record needs an "at" time as ISO-8601 text')
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        raise InvalidJournalRecord(f'"at" is not an ISO-8601 time: {at!r}') from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidJournalRecord(f'"at" must carry its UTC offset: {at!r}')
    _check_value(record, "record")


def _check_value(value: object, where: str) -> None:
    if value is None or isinstance(value, bool | str):
        return
    if isinstance(value, float):
        raise InvalidJournalRecord(
            f"{where} is a float ({value!r}): put money in integer minor units with a currency"
        )
    if isinstance(value, int):
        if abs(value) > MAX_SAFE_INTEGER:
            raise InvalidJournalRecord(f"{where} is an integer beyond ±(2^53 - 1): {value}")
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                raise InvalidJournalRecord(f"{where} has a key that is not text: {key!r}")
            _check_value(item, f"{where}.{key}")
        return
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _check_value(item, f"{where}[{index}]")
        return
    raise InvalidJournalRecord(f"{where} is not a JSON value: {type(value).__name__}")


def _plain(value: object) -> object:
    """A deep copy as dicts and lists, so a caller's later change cannot alter an entry."""
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def chain_next(last: JournalEntry | Head | None, record: Mapping[str, object]) -> JournalEntry:
    """The entry that follows ``last`` (an entry or a chain's head; the first entry when None)
    and holds ``record``."""
    check_record(record)
    plain = _plain(record)
    assert isinstance(plain, dict)
    seq, prev_hash = (1, GENESIS) if last is None else (last.seq + 1, last.hash)
    return JournalEntry(seq, prev_hash, link_hash(prev_hash, canonical_json(plain)), plain)


def verify(
    entries: Iterable[JournalEntry], head: Head | None = None, after: Head | None = None
) -> VerifyReport:
    """Walk the chain in the order given and report the first entry that breaks it.

    ``head``, when known (storage keeps it apart), is where the chain must end: entries
    missing at the end are reported too. ``after`` starts the walk after that seq and hash
    (the entry before ``entries``) instead of at the genesis: a check of the chain's tail.
    Stops at the first problem.
    """
    count, last_seq, last_hash = 0, 0, GENESIS
    if after is not None:
        last_seq, last_hash = after.seq, after.hash

    def broken(seq: int, what: str) -> VerifyReport:
        return VerifyReport(False, count, last_seq, last_hash, Problem(seq, what))

    for entry in entries:
        # A stream cannot tell a gap from two entries swapped until it has read on: the
        # problem is named at the first seq that is not where it should be.
        if entry.seq > last_seq + 1:
            return broken(last_seq + 1, f"gap after seq {last_seq}: seq {entry.seq} follows")
        if entry.seq != last_seq + 1:
            return broken(last_seq + 1, f"{OUT_OF_ORDER}: seq {entry.seq} after seq {last_seq}")
        if entry.prev_hash != last_hash:
            return broken(entry.seq, PREV_HASH_MISMATCH)
        try:
            canonical = entry.canonical_record()
        except InvalidJournalRecord as exc:
            return broken(entry.seq, str(exc))
        if entry.stored is not None and entry.stored.encode("utf-8", "surrogatepass") != canonical:
            return broken(entry.seq, NOT_CANONICAL)
        if link_hash(entry.prev_hash, canonical) != entry.hash:
            return broken(entry.seq, HASH_MISMATCH)
        count, last_seq, last_hash = count + 1, entry.seq, entry.hash
    if head is not None:
        if head.seq > last_seq:
            return broken(
                last_seq + 1, f"entries missing after seq {last_seq} (head: seq {head.seq})"
            )
        if head.seq < last_seq:
            return broken(head.seq + 1, f"entries after the head's seq {head.seq}")
        if head.hash != last_hash:
            return broken(last_seq, "the last hash does not match the head's")
    return VerifyReport(True, count, last_seq, last_hash, None)
