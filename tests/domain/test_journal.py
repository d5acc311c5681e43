"""The fiscal journal's hash chain: what it hashes, that it verifies, and that every kind of
tampering is found at the right seq.

Oracles: canonical bytes written out by hand per RFC 8785 and hashed with hashlib; the JCS
reference test data of the RFC's author (github.com/cyberphone/json-canonicalization,
testdata/), for the `rfc8785` package itself.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
import rfc8785
from hypothesis import given
from hypothesis import strategies as st

from domain.journal import (
    GENESIS,
    HASH_MISMATCH,
    NOT_CANONICAL,
    PREV_HASH_MISMATCH,
    Head,
    InvalidJournalRecord,
    JournalEntry,
    chain_next,
    verify,
)

AT = "2026-03-10T10:00:00+01:00"
SALE = {"type": "sale", "at": AT, "amount_minor": 1250, "currency": "EUR"}
# RFC 8785 by hand: keys sorted, no whitespace, integers as written.
SALE_CANONICAL = (
    b'{"amount_minor":1250,"at":"2026-03-10T10:00:00+01:00","currency":"EUR","type":"sale"}'
)


def chain(records: list[dict[str, object]]) -> list[JournalEntry]:
    entries: list[JournalEntry] = []
    for record in records:
        entries.append(chain_next(entries[-1] if entries else None, record))
    return entries


# --- the hash: independent oracles --------------------------------------------------------------


def test_the_first_entry_hashes_64_zero_bits_then_the_canonical_record() -> None:
    entry = chain_next(None, SALE)
    assert (entry.seq, entry.prev_hash) == (1, GENESIS)
    assert entry.canonical_record() == SALE_CANONICAL
    assert entry.hash == hashlib.sha256(bytes(32) + SALE_CANONICAL).hexdigest()


def test_the_second_entry_chains_on_the_first_hash() -> None:
    logout = {"type": "logout", "at": AT, "operator": "Camille Martin"}
    first, second = chain([SALE, logout])
    # json.dumps with sorted keys and no spaces is RFC 8785 for text and integer records.
    canonical = json.dumps(logout, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert second.seq == 2 and second.prev_hash == first.hash
    assert second.hash == hashlib.sha256(bytes.fromhex(first.hash) + canonical.encode()).hexdigest()


def test_rfc8785_sorts_keys_by_utf16_code_units_as_the_reference_data_says() -> None:
    # testdata/input/weird.json and output/weird.json of cyberphone/json-canonicalization
    weird = {
        "\u20ac": "Euro Sign",
        "1": "One",
        "\u0080": "Control\u007f",
        "\U0001f602": "Smiley",
        "\u00f6": "Latin Small Letter O With Diaeresis",
        "\ufb33": "Hebrew Letter Dalet With Dagesh",
        "</script>": "Browser Challenge",
    }
    expected = (
        '{"1":"One","</script>":"Browser Challenge","\u0080":"Control\u007f",'
        '"\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign",'
        '"\U0001f602":"Smiley","\ufb33":"Hebrew Letter Dalet With Dagesh"}'
    )
    assert rfc8785.dumps(weird) == expected.encode("utf-8")


def test_rfc8785_nests_and_orders_as_the_reference_structures() -> None:
    # testdata/input/structures.json (without its float) and output/structures.json
    value = {"1": {"f": {"f": "hi", "F": 5}, "\n": 56}, "10": {}, "": "empty", "a": {}, "111": [{}]}
    value["A"] = {}
    assert rfc8785.dumps(value) == (
        b'{"":"empty","1":{"\\n":56,"f":{"F":5,"f":"hi"}},"10":{},"111":[{}],"A":{},"a":{}}'
    )


def test_french_keys_sort_by_code_point_not_by_locale() -> None:
    # testdata/input/french.json and output/french.json
    value = {"peach": 1, "péché": 2, "pêche": 3, "sin": 4}
    assert rfc8785.dumps(value) == '{"peach":1,"péché":2,"pêche":3,"sin":4}'.encode()


# --- what a record may hold ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "says"),
    [
        ({"type": "sale", "at": AT, "total": 12.5}, "record.total is a float"),
        ({"type": "sale", "at": AT, "lines": [{"vat": 0.055}]}, "record.lines[0].vat is a float"),
        ({"at": AT}, '"type"'),
        ({"type": "", "at": AT}, '"type"'),
        ({"type": "sale"}, '"at"'),
        ({"type": "sale", "at": "2026-03-10T10:00:00"}, "UTC offset"),
        ({"type": "sale", "at": "yesterday"}, "ISO-8601"),
        ({"type": "sale", "at": AT, "n": 2**53}, "2^53"),
        ({"type": "sale", "at": AT, "m": {1: "x"}}, "not text"),
        ({"type": "sale", "at": AT, "d": datetime(2026, 1, 1, tzinfo=UTC)}, "datetime"),
        ({"type": "sale", "at": AT, "s": "\ud800"}, "canonical JSON"),
    ],
)
def test_a_record_the_journal_must_not_hold_is_refused_saying_why(
    record: dict[object, object], says: str
) -> None:
    with pytest.raises(InvalidJournalRecord) as refused:
        chain_next(None, record)  # type: ignore[arg-type]
    assert says in str(refused.value)


def test_an_entry_keeps_the_record_it_was_given_not_later_changes() -> None:
    record: dict[str, object] = {"type": "sale", "at": AT, "lines": [{"seat": "A1"}]}
    entry = chain_next(None, record)
    record["lines"][0]["seat"] = "B2"  # type: ignore[index]
    assert verify([entry]).ok


# --- verify: a chain of any records verifies; any tampering is found at its seq ------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**53 - 1), max_value=2**53 - 1)
    | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
moments = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2040, 1, 1), timezones=st.just(UTC)
).map(lambda moment: moment.astimezone(timezone(timedelta(hours=1))).isoformat())
records = st.builds(
    lambda kind, at, extra: {**extra, "type": kind, "at": at},
    st.sampled_from(["sale", "startup", "login", "logout", "drawer_open", "print", "reprint"]),
    moments,
    st.dictionaries(
        st.text(max_size=6).filter(lambda k: k not in ("type", "at")), json_values, max_size=4
    ),
)
chains = st.lists(records, min_size=2, max_size=8).map(chain)


def _head(entries: list[JournalEntry]) -> Head:
    return Head(entries[-1].seq, entries[-1].hash)


@given(chains)
def test_a_chain_of_any_records_verifies(entries: list[JournalEntry]) -> None:
    report = verify(entries, _head(entries))
    assert report.ok and report.first_problem is None
    assert (report.count, report.last_seq, report.last_hash) == (
        len(entries),
        len(entries),
        entries[-1].hash,
    )


def test_an_empty_journal_verifies() -> None:
    report = verify([])
    assert (report.ok, report.count, report.last_seq, report.last_hash) == (True, 0, 0, GENESIS)


@given(chains, st.data())
def test_a_changed_record_is_found_at_its_seq(
    entries: list[JournalEntry], data: st.DataObject
) -> None:
    index = data.draw(st.integers(0, len(entries) - 1))
    record = dict(entries[index].record)
    key = data.draw(st.sampled_from(sorted(record)))
    record[key] = data.draw(json_values.filter(lambda value: value != record[key]))
    entries[index] = dataclasses.replace(entries[index], record=record)
    problem = verify(entries).first_problem
    assert problem is not None and (problem.seq, problem.what) == (index + 1, HASH_MISMATCH)


@given(chains, st.data())
def test_a_changed_hash_or_prev_hash_is_found_at_its_seq(
    entries: list[JournalEntry], data: st.DataObject
) -> None:
    index = data.draw(st.integers(0, len(entries) - 1))
    field = data.draw(st.sampled_from(["hash", "prev_hash"]))
    original: str = getattr(entries[index], field)
    position = data.draw(st.integers(0, 63))
    flipped = "0" if original[position] != "0" else "1"
    changed = original[:position] + flipped + original[position + 1 :]
    entries[index] = dataclasses.replace(entries[index], **{field: changed})
    problem = verify(entries).first_problem
    expected = HASH_MISMATCH if field == "hash" else PREV_HASH_MISMATCH
    assert problem is not None and (problem.seq, problem.what) == (index + 1, expected)


@given(chains, st.data())
def test_a_deleted_middle_entry_is_a_gap_at_its_seq(
    entries: list[JournalEntry], data: st.DataObject
) -> None:
    index = data.draw(st.integers(0, len(entries) - 2))
    del entries[index]
    problem = verify(entries).first_problem
    assert problem is not None and problem.seq == index + 1
    assert problem.what.startswith(f"gap after seq {index}")


@given(chains)
def test_a_deleted_last_entry_is_found_against_the_head(entries: list[JournalEntry]) -> None:
    head = _head(entries)
    entries.pop()
    assert verify(entries).ok  # the entries alone cannot tell: that is what the head is for
    problem = verify(entries, head).first_problem
    assert problem is not None and problem.seq == head.seq
    assert problem.what.startswith(f"entries missing after seq {head.seq - 1}")


@given(chains)
def test_an_entry_added_past_the_head_is_found(entries: list[JournalEntry]) -> None:
    head = Head(entries[-2].seq, entries[-2].hash)
    problem = verify(entries, head).first_problem
    assert problem is not None and problem.seq == len(entries)


@given(chains, st.data())
def test_two_entries_swapped_are_found_at_the_first_of_them(
    entries: list[JournalEntry], data: st.DataObject
) -> None:
    first = data.draw(st.integers(0, len(entries) - 2))
    second = data.draw(st.integers(first + 1, len(entries) - 1))
    entries[first], entries[second] = entries[second], entries[first]
    problem = verify(entries).first_problem
    assert problem is not None and problem.seq == first + 1


@given(chains, st.data())
def test_two_records_swapped_with_their_seqs_kept_are_found(
    entries: list[JournalEntry], data: st.DataObject
) -> None:
    first = data.draw(st.integers(0, len(entries) - 2))
    second = data.draw(st.integers(first + 1, len(entries) - 1))
    a, b = entries[first], entries[second]
    if a.record == b.record:
        return
    entries[first] = dataclasses.replace(a, record=b.record)
    entries[second] = dataclasses.replace(b, record=a.record)
    problem = verify(entries).first_problem
    assert problem is not None and (problem.seq, problem.what) == (first + 1, HASH_MISMATCH)


def test_a_repeated_entry_is_out_of_order() -> None:
    first, second = chain([SALE, SALE])
    problem = verify([first, second, second]).first_problem
    assert problem is not None and problem.seq == 3 and problem.what.startswith("out of order")


def test_a_record_stored_other_than_canonically_is_found() -> None:
    entry = chain_next(None, SALE)
    spaced = dataclasses.replace(entry, stored=json.dumps(SALE))  # same values, other bytes
    problem = verify([spaced]).first_problem
    assert problem is not None and (problem.seq, problem.what) == (1, NOT_CANONICAL)
    assert verify([dataclasses.replace(entry, stored=SALE_CANONICAL.decode())]).ok
