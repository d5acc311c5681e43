"""The signed archive (`guichet journal archive` / `verify FILE.zip`) and tampering with it.

The oracle (`_oracle`) shares no code with the verifier: it rebuilds every hash with hashlib,
checks each record is RFC 8785 text with the `rfc8785` package, the manifest's file digests
with hashlib, and the signature with the `cryptography` primitive — and compares the lines
with the database's rows read by sqlite3.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import zipfile
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import rfc8785
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from app.cli import run_cli
from app.persistence import Database, open_database
from app.services import journal
from app.services.archive import (
    KEY_FILE,
    NothingToArchive,
    PeriodNotEnded,
    archive_period,
    verify_archive_file,
)
from app.services.closures import close_due
from domain.periods import Period
from tests.domain.test_ledger import line, sale
from tests.fakes import PARIS, PINNED_MOMENT, FixedClock

TILL = "G1"
MARCH = Period.parse("2026-03")


@pytest.fixture
def till(tmp_path: Path) -> Iterator[tuple[Database, FixedClock, Path]]:
    """A till with sales on two days of March and one in April, its March closed."""
    database = open_database(tmp_path / "till.sqlite3")
    clock = FixedClock()
    try:
        for n, days in enumerate((0, 0, 1, 25)):
            clock.moment = PINNED_MOMENT + timedelta(days=days, minutes=n)
            with database.unit_of_work() as uow:
                record = sale(f"s{n}", [line(n, "12.50")], first_ticket=n + 1, at=clock.now())
                journal.record(uow, TILL, record)
                uow.commit()
            close_due(database.unit_of_work, clock, TILL, PARIS)
        yield database, clock, tmp_path
    finally:
        database.close()


def _archive(db: Database, clock: FixedClock, folder: Path, period: Period = MARCH) -> Path:
    path = folder / f"{period}.zip"
    archive_period(db.unit_of_work, clock, TILL, PARIS, folder, period, path)
    return path


def _oracle(path: Path, database: Path) -> dict[str, object]:
    """Every check of the format, by hand; the manifest."""
    with zipfile.ZipFile(path) as z:
        manifest_bytes = z.read("manifest.json")
        public = serialization.load_pem_public_key(z.read("public_key.pem"))
        assert isinstance(public, Ed25519PublicKey)
        public.verify(z.read("manifest.sig"), manifest_bytes)  # raises if it does not match
        manifest = json.loads(manifest_bytes)
        files = {name: z.read(name) for name in ("entries.jsonl", "closures.jsonl")}
    for name, data in files.items():
        assert hashlib.sha256(data).hexdigest() == manifest["files"][name]["sha256"]
    with sqlite3.connect(database) as db:
        rows = dict(db.execute("SELECT seq, record FROM journal_entries").fetchall())
    lines = [json.loads(x) for x in files["entries.jsonl"].decode().splitlines()]
    prev = manifest["first_prev_hash"]
    for n, item in enumerate(lines):
        assert item["seq"] == manifest["first_seq"] + n and item["prev_hash"] == prev
        assert (
            item["hash"]
            == hashlib.sha256(bytes.fromhex(prev) + item["record"].encode()).hexdigest()
        )
        assert rfc8785.dumps(json.loads(item["record"])) == item["record"].encode()
        assert item["record"] == rows[item["seq"]]
        prev = item["hash"]
    assert (lines[-1]["seq"], prev) == (manifest["last_seq"], manifest["last_hash"])
    for text in files["closures.jsonl"].decode().splitlines():
        item = json.loads(text)
        assert item["record"] == rows[item["seq"]]
        assert (
            item["hash"]
            == hashlib.sha256(
                bytes.fromhex(item["prev_hash"]) + item["record"].encode()
            ).hexdigest()
        )
    return manifest


def test_an_archive_holds_the_months_entries_and_closures_signed(
    till: tuple[Database, FixedClock, Path],
) -> None:
    db, clock, folder = till
    path = _archive(db, clock, folder)
    manifest = _oracle(path, folder / "till.sqlite3")
    april = MARCH.bounds(PARIS)[1]
    march = [e.seq for e in _entries(db) if datetime.fromisoformat(str(e.record["at"])) < april]
    assert manifest["period"] == "2026-03" and manifest["till"] == TILL
    assert (manifest["first_seq"], manifest["last_seq"]) == (1, march[-1])
    assert manifest["count"] == len(march) and manifest["first_prev_hash"] == "0" * 64
    kinds = [json.loads(json.loads(x)["record"]) for x in _zip_lines(path, "closures.jsonl")]
    assert [(k["frequency"], k["period"]) for k in kinds] == [
        ("daily", "2026-03-10"),
        ("daily", "2026-03-11"),
        ("monthly", "2026-03"),  # written in April, beyond the entries: checked on its own
    ]
    assert verify_archive_file(path).ok


def test_archiving_is_journaled_and_the_key_once_with_owner_only_permissions(
    till: tuple[Database, FixedClock, Path],
) -> None:
    db, clock, folder = till
    path = _archive(db, clock, folder)
    with pytest.raises(PeriodNotEnded):
        _archive(db, clock, folder, Period.parse("2026"))
    clock.moment = datetime(2027, 1, 1, tzinfo=PARIS)  # the year is over: closed, then archived
    second = _archive(db, clock, folder, Period.parse("2026"))
    year = [json.loads(json.loads(x)["record"]) for x in _zip_lines(second, "closures.jsonl")]
    assert [c["period"] for c in year if c["frequency"] != "daily"] == [
        "2026-03",
        "2026-04",
        "2026",
    ]
    kinds = [e.record["type"] for e in _entries(db)]
    assert kinds.count("signing_key") == 1 and kinds.count("archive") == 2
    archived = next(e.record for e in _entries(db) if e.record["type"] == "archive")
    manifest = zipfile.ZipFile(path).read("manifest.json")
    assert archived["manifest_sha256"] == hashlib.sha256(manifest).hexdigest()
    assert archived["period"] == "2026-03"
    key = folder / KEY_FILE
    if os.name == "posix":
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
    journaled = next(e.record for e in _entries(db) if e.record["type"] == "signing_key")
    assert verify_archive_file(second).key_fingerprint == journaled["public_key_sha256"]
    assert journal.verify_journal(db.unit_of_work, TILL).ok


def test_a_period_without_entries_is_not_archived(till: tuple[Database, FixedClock, Path]) -> None:
    db, clock, folder = till
    with pytest.raises(NothingToArchive):
        _archive(db, clock, folder, Period.parse("2025"))
    assert not (folder / "2025.zip").exists() and not (folder / "2025.zip.partial").exists()


def test_the_cli_verifies_an_archive_alone_and_names_what_is_wrong(
    till: tuple[Database, FixedClock, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db, clock, folder = till
    path = _archive(db, clock, folder)
    db.close()
    (folder / "till.sqlite3").unlink()  # no database anywhere: the archive alone
    assert run_cli(["journal", "verify", str(path)]) == 0
    assert "OK: archive" in capsys.readouterr().out
    bad = _rewrite(path, "entries.jsonl", _change_amount(2))
    assert run_cli(["journal", "verify", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "BROKEN" in out and "entries.jsonl line 2 (seq 2): hash does not match" in out


# --- tampering ------------------------------------------------------------------------------


def _entries(db: Database) -> list[journal.JournalEntry]:
    with db.unit_of_work(read_only=True) as uow:
        return list(uow.journal.entries(TILL))


def _zip_lines(path: Path, name: str) -> list[bytes]:
    return zipfile.ZipFile(path).read(name).splitlines()


def _rewrite(path: Path, name: str, change: Callable[[bytes], bytes]) -> Path:
    """A copy of the archive with one file changed."""
    target = path.with_name(f"tampered-{name}.zip")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(target, "w") as dst:
        for item in src.namelist():
            data = src.read(item)
            dst.writestr(item, change(data) if item == name else data)
    return target


def _change_amount(seq: int) -> Callable[[bytes], bytes]:
    """One byte changed in the record of ``seq`` (a digit of its total)."""

    def change(data: bytes) -> bytes:
        lines = data.split(b"\n")
        for n, raw in enumerate(lines):
            if raw and json.loads(raw)["seq"] == seq:
                at = raw.index(b'minor\\":') + len(b'minor\\":')
                digit = raw[at : at + 1]
                lines[n] = raw[:at] + (b"9" if digit != b"9" else b"8") + raw[at + 1 :]
        return b"\n".join(lines)

    return change


def _problems(path: Path) -> list[str]:
    return [str(p) for p in verify_archive_file(path).problems]


def test_every_entry_changed_by_one_byte_is_named_by_its_seq(
    till: tuple[Database, FixedClock, Path],
) -> None:
    db, clock, folder = till
    path = _archive(db, clock, folder)
    last = json.loads(zipfile.ZipFile(path).read("manifest.json"))["last_seq"]
    for seq in range(1, last + 1):
        data = zipfile.ZipFile(path).read("entries.jsonl")
        line_of = data.split(b"\n")[seq - 1]
        at = line_of.index(b'\\"at\\":\\"2026') + 11  # the year's last digit, in the text
        changed = line_of[:at] + b"7" + line_of[at + 1 :]
        bad = _rewrite(path, "entries.jsonl", lambda d, o=line_of, c=changed: d.replace(o, c))
        assert _problems(bad)[0] == f"entries.jsonl line {seq} (seq {seq}): hash does not match"


def test_the_last_entry_deleted_is_named(till: tuple[Database, FixedClock, Path]) -> None:
    db, clock, folder = till
    path = _archive(db, clock, folder)
    last = json.loads(zipfile.ZipFile(path).read("manifest.json"))["last_seq"]
    bad = _rewrite(path, "entries.jsonl", lambda d: b"".join(d.splitlines(True)[:-1]))
    assert _problems(bad)[0] == (
        f"entries.jsonl (seq {last}): ends at seq {last - 1}, the manifest says seq {last}: "
        "entries missing"
    )


def test_two_entries_swapped_are_named(till: tuple[Database, FixedClock, Path]) -> None:
    db, clock, folder = till
    path = _archive(db, clock, folder)

    def swap(data: bytes) -> bytes:
        lines = data.splitlines(True)
        lines[1], lines[2] = lines[2], lines[1]
        return b"".join(lines)

    problems = _problems(_rewrite(path, "entries.jsonl", swap))
    assert problems[0].startswith("entries.jsonl line 2 (seq 2): seq 3 where seq 2 should be")


def test_a_replaced_closures_file_is_found(till: tuple[Database, FixedClock, Path]) -> None:
    db, clock, folder = till
    path = _archive(db, clock, folder)
    # Another valid-looking closures file: the first closure only (a closure dropped).
    bad = _rewrite(path, "closures.jsonl", lambda d: d.splitlines(True)[0])
    assert "closures.jsonl: 1 lines, the manifest says 3" in _problems(bad)
    assert "closures.jsonl: its SHA-256 is not the manifest's" in _problems(bad)


def test_a_closure_changed_names_its_seq(till: tuple[Database, FixedClock, Path]) -> None:
    db, clock, folder = till
    path = _archive(db, clock, folder)
    first = json.loads(_zip_lines(path, "closures.jsonl")[0])
    bad = _rewrite(path, "closures.jsonl", lambda d: d.replace(b"daily", b"dailx", 1))
    assert "closures.jsonl line 1: hash does not match" in _problems(bad)
    assert first["seq"] >= 1


def test_a_wrong_signature_or_key_is_found(till: tuple[Database, FixedClock, Path]) -> None:
    db, clock, folder = till
    path = _archive(db, clock, folder)
    flipped = _rewrite(path, "manifest.sig", lambda s: bytes([s[0] ^ 1]) + s[1:])
    assert _problems(flipped) == ["manifest.sig: the signature does not match the manifest"]
    other = (
        Ed25519PrivateKey.generate()
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    assert _problems(_rewrite(path, "public_key.pem", lambda _: other)) == [
        "manifest.sig: the signature does not match the manifest",
        "public_key.pem: is not the key the manifest names",
    ]


def test_a_manifest_changed_breaks_the_signature(till: tuple[Database, FixedClock, Path]) -> None:
    db, clock, folder = till
    path = _archive(db, clock, folder)
    bad = _rewrite(path, "manifest.json", lambda m: m.replace(b'"count":', b'"count":1', 1))
    assert "manifest.sig: the signature does not match the manifest" in _problems(bad)


def test_a_file_added_twice_or_a_foreign_file_is_found(
    till: tuple[Database, FixedClock, Path],
) -> None:
    db, clock, folder = till
    path = _archive(db, clock, folder)
    twice = folder / "twice.zip"
    twice.write_bytes(path.read_bytes())
    with pytest.warns(UserWarning), zipfile.ZipFile(twice, "a") as z:
        z.writestr("entries.jsonl", b"")
    assert _problems(twice) == ["entries.jsonl: is in the archive more than once"]
    extra = folder / "extra.zip"
    extra.write_bytes(path.read_bytes())
    with zipfile.ZipFile(extra, "a") as z:
        z.writestr("notes.txt", b"hello")
    assert _problems(extra) == ["notes.txt: is not a file of this format"]
    assert _problems(_not_a_zip(folder)) == [
        "junk.zip: cannot be read as a zip: File is not a zip file"
    ]


def _not_a_zip(folder: Path) -> Path:
    junk = folder / "junk.zip"
    junk.write_bytes(b"not a zip")
    return junk


# --- the database's chain -------------------------------------------------------------------


def test_one_byte_changed_in_any_stored_entry_is_named_and_journaled_at_start_up(
    till: tuple[Database, FixedClock, Path],
) -> None:
    db, clock, folder = till
    database = folder / "till.sqlite3"
    count = len(_entries(db))
    for seq in range(1, count + 1):
        with sqlite3.connect(database) as raw:
            select = "SELECT record FROM journal_entries WHERE seq = ?"
            (text,) = raw.execute(select, (seq,)).fetchone()
            changed = text[:5] + ("x" if text[5] != "x" else "y") + text[6:]
            raw.execute("UPDATE journal_entries SET record = ? WHERE seq = ?", (changed, seq))
        report = journal.verify_journal(db.unit_of_work, TILL)
        assert report.first_problem is not None and report.first_problem.seq == seq
        with sqlite3.connect(database) as raw:
            raw.execute("UPDATE journal_entries SET record = ? WHERE seq = ?", (text, seq))
    with sqlite3.connect(database) as raw:
        raw.execute(
            "UPDATE journal_entries SET record = replace(record, '1250', '1251') WHERE seq = 2"
        )
    journal.record_startup(db.unit_of_work, clock, TILL)
    defects = [e.record for e in _entries(db) if e.record["type"] == "integrity_defect"]
    assert [(d["seq"], d["what"]) for d in defects] == [(2, "hash does not match")]
    journal.record_startup(db.unit_of_work, clock, TILL)  # the same defect is not journaled twice
    assert sum(e.record["type"] == "integrity_defect" for e in _entries(db)) == 1


def test_the_last_entry_deleted_or_two_swapped_in_the_database_are_named(
    till: tuple[Database, FixedClock, Path],
) -> None:
    db, _, folder = till
    database = folder / "till.sqlite3"
    last = len(_entries(db))
    with sqlite3.connect(database) as raw:
        rows = raw.execute("SELECT seq, record FROM journal_entries WHERE seq IN (2, 3)").fetchall()
        for (seq, _), (_, other) in zip(rows, reversed(rows), strict=True):
            raw.execute("UPDATE journal_entries SET record = ? WHERE seq = ?", (other, seq))
    report = journal.verify_journal(db.unit_of_work, TILL)
    assert report.first_problem is not None and report.first_problem.seq == 2
    with sqlite3.connect(database) as raw:
        for seq, record in rows:
            raw.execute("UPDATE journal_entries SET record = ? WHERE seq = ?", (record, seq))
        raw.execute("DELETE FROM journal_entries WHERE seq = ?", (last,))
    report = journal.verify_journal(db.unit_of_work, TILL)
    assert report.first_problem is not None and report.first_problem.seq == last
    assert "entries missing" in report.first_problem.what
