"""The fiscal journal in SQLite: appended in the caller's transaction, read back as hashed, and
any change made to the stored rows behind the till's back found at its seq."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import text

from app.persistence import Database
from app.persistence.repositories import journal as journal_repository
from domain.journal import GENESIS, HASH_MISMATCH, NOT_CANONICAL, PREV_HASH_MISMATCH, verify

AT = "2026-03-10T10:00:00+01:00"


def login(n: int) -> dict[str, object]:
    return {"type": "login", "at": AT, "operator": f"Operator {n}", "n": n}


def fill(db: Database, count: int, till: str = "G1") -> None:
    with db.unit_of_work() as uow:
        for n in range(count):
            uow.journal.append(till, login(n))
        uow.commit()


def check(db: Database, till: str = "G1"):  # type: ignore[no-untyped-def]
    with db.unit_of_work(read_only=True) as uow:
        return verify(uow.journal.entries(till), uow.journal.head(till))


def execute(db: Database, sql: str) -> None:
    with db.engine.begin() as connection:
        connection.execute(text(sql))


def test_entries_are_stored_as_the_canonical_text_that_was_hashed(db: Database) -> None:
    fill(db, 2)
    with db.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT seq, prev_hash, hash, record, at FROM journal_entries ORDER BY seq")
        ).all()
    first, second = rows
    canonical = b'{"at":"2026-03-10T10:00:00+01:00","n":0,"operator":"Operator 0","type":"login"}'
    assert first.record.encode() == canonical
    assert (first.seq, first.prev_hash) == (1, GENESIS)
    assert first.hash == hashlib.sha256(bytes(32) + canonical).hexdigest()
    assert (second.seq, second.prev_hash) == (2, first.hash)
    assert first.at == "2026-03-10T09:00:00.000000+00:00"  # stored in UTC
    report = check(db)
    assert report.ok and (report.count, report.last_seq, report.last_hash) == (2, 2, second.hash)


def test_an_entry_rolled_back_with_its_transaction_leaves_no_gap(db: Database) -> None:
    fill(db, 1)
    with db.unit_of_work() as uow:
        uow.journal.append("G1", login(1))  # the sale that failed: not committed
    fill(db, 1)
    with db.unit_of_work(read_only=True) as uow:
        assert [e.seq for e in uow.journal.entries("G1")] == [1, 2]
    assert check(db).ok


def test_each_till_has_its_own_chain(db: Database) -> None:
    fill(db, 2, "G1")
    fill(db, 3, "G2")
    with db.unit_of_work(read_only=True) as uow:
        assert [e.seq for e in uow.journal.entries("G2")] == [1, 2, 3]
        first = next(uow.journal.entries("G2"))
        assert first.prev_hash == GENESIS
        last = uow.journal.last("G1")
        assert last is not None and last.seq == 2
        assert uow.journal.last("G3") is None and uow.journal.head("G3") is None
    assert check(db, "G1").ok and check(db, "G2").ok


def test_entries_are_read_a_batch_at_a_time_in_order_from_any_seq(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(journal_repository, "_BATCH", 3)
    fill(db, 10)
    with db.unit_of_work(read_only=True) as uow:
        assert [e.seq for e in uow.journal.entries("G1")] == list(range(1, 11))
        assert [e.seq for e in uow.journal.entries("G1", from_seq=4)] == list(range(4, 11))
    assert check(db).ok


@pytest.mark.parametrize(
    ("tamper", "seq", "what"),
    [
        (
            "UPDATE journal_entries SET record = replace(record, 'Operator 3', 'Operator 9')",
            4,
            HASH_MISMATCH,
        ),
        (
            "UPDATE journal_entries SET hash = 'ab' || substr(hash, 3) WHERE seq = 2",
            2,
            HASH_MISMATCH,
        ),
        ("UPDATE journal_entries SET prev_hash = hash WHERE seq = 5", 5, PREV_HASH_MISMATCH),
        (
            "UPDATE journal_entries SET record = replace(record, ',', ', ') WHERE seq = 3",
            3,
            NOT_CANONICAL,
        ),
        ("UPDATE journal_entries SET record = 'not json' WHERE seq = 3", 3, NOT_CANONICAL),
        ("DELETE FROM journal_entries WHERE seq = 3", 3, "gap after seq 2: seq 4 follows"),
        (
            "DELETE FROM journal_entries WHERE seq = 6",
            6,
            "entries missing after seq 5 (head: seq 6)",
        ),
        ("DELETE FROM journal_heads", 6, "the head (last seq and hash) is missing"),
    ],
)
def test_a_row_changed_behind_the_tills_back_is_found_at_its_seq(
    db: Database, tamper: str, seq: int, what: str
) -> None:
    from app.services.journal import verify_journal

    fill(db, 6)
    execute(db, tamper)
    report = verify_journal(db.unit_of_work, "G1")
    assert not report.ok and report.first_problem is not None
    assert (report.first_problem.seq, report.first_problem.what) == (seq, what)


def test_an_entry_appended_after_tampering_does_not_hide_it(db: Database) -> None:
    from app.services.journal import verify_journal

    fill(db, 4)
    execute(db, "DELETE FROM journal_entries WHERE seq = 4")
    fill(db, 1)  # chains on the head, seq 5: the missing seq 4 stays visible
    report = verify_journal(db.unit_of_work, "G1")
    assert report.first_problem is not None and report.first_problem.seq == 4
