"""Text for paper (folding into code pages, money, dates) and layouts as checked data."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.money import Money
from printing import data, layouts, serialize, text
from printing.errors import LayoutError, RenderError


def test_folding_keeps_what_the_code_page_has_and_approximates_the_rest() -> None:
    assert text.encode("é € Œ — «x»", "cp858") == b"\x82 \xd5 OE - \xaex\xaf"
    assert text.encode("é € Œ — «x»", "cp1252") == b"\xe9 \x80 \x8c \x97 \xabx\xbb"
    assert text.encode("Dvořák 東京", "cp858") == b"Dvor\xa0k ??"  # á is in CP858, ř is not
    assert text.encode("a\x1b@b\nc\u202fd", "cp858") == b"a@bc d"


@given(st.text(max_size=80))
def test_encoding_never_fails_and_never_emits_a_control_byte(value: str) -> None:
    for codec in ("cp858", "cp1252"):
        encoded = text.encode(value, codec, forbidden="<>")
        assert all(b >= 0x20 and b != 0x7F for b in encoded)
        assert b"<" not in encoded and b">" not in encoded


def test_money_for_paper() -> None:
    assert text.money(Money.of("1234.5", "EUR")) == "1 234,50 €"
    assert text.money(Money.of("1234.5", "EUR"), "de") == "1.234,50 €"
    assert text.money(Money.of("-3", "GBP"), "en") == "-£3.00"
    assert text.money(Money.of("7", "JPY")) == "7 JPY"


def test_dates_are_printed_in_the_venue_zone() -> None:
    moment = datetime(2026, 7, 1, 22, 15, tzinfo=UTC)
    assert text.date_long(moment, "Europe/Berlin", "de") == "Donnerstag, 2. Juli 2026"
    assert text.time_of_day(moment, "Europe/Paris") == "00h15"
    with pytest.raises(RenderError):
        text.local(datetime(2026, 1, 1), "Europe/Paris")


def test_vat_rounds_half_up_once_per_rate() -> None:
    assert data.vat_included(Money(211, "EUR"), 550).minor == 11  # 10.999… → 11
    assert data.vat_included(Money(-1200, "EUR"), 2000).minor == -200
    assert data.rate_text(550) == "5,5 %" and data.rate_text(2000) == "20 %"
    assert data.rate_text(210, "en") == "2.1 %"


def test_builtin_layouts_load() -> None:
    names = layouts.builtin_names()
    assert {"ticket-2x5.5", "ticket-80mm", "receipt-80mm", "ticket-a4", "report-a4"} <= set(names)
    boca = layouts.builtin("ticket-2x5.5")
    assert boca.positioned and boca.unit == "dot" and boca.width == 1050
    assert any(e.rotation == 90 for e in boca.elements)


def _raw(**changes: object) -> dict[str, object]:
    raw: dict[str, object] = {
        "format": "guichet.layout/1", "name": "t", "kind": "ticket", "mode": "flow",
        "blocks": [{"type": "text", "text": "{event}"}],
    }  # fmt: skip
    raw.update(changes)
    return raw


def test_a_layout_naming_an_unknown_field_is_refused_where_it_is() -> None:
    with pytest.raises(LayoutError, match=r"blocks/0\.text: unknown field 'evnt'"):
        layouts.parse_layout(_raw(blocks=[{"type": "text", "text": "{evnt}"}]))


def test_a_layout_breaking_the_schema_is_refused_where_it_is() -> None:
    with pytest.raises(LayoutError, match="blocks/0"):
        layouts.parse_layout(_raw(blocks=[{"type": "qr", "value": "{barcode}", "module": 99}]))
    with pytest.raises(LayoutError, match="page"):
        layouts.parse_layout(_raw(mode="positioned", elements=[]))


def test_a_malformed_layout_file_says_so(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(b"\xff{not json")
    with pytest.raises(LayoutError, match=r"broken\.json"):
        layouts.read_layout(path)
    path.write_text(json.dumps(_raw()), encoding="utf-8")
    assert layouts.read_layout(path).blocks[0].text == "{event}"


def test_templates_fill_once_and_keep_literal_braces() -> None:
    assert layouts.fill("{{x}} {event}", {"event": "{price}"}) == "{x} {price}"


def test_documents_survive_the_database() -> None:
    for document in (
        data.sample_ticket(duplicate=True),
        data.sample_receipt(),
        data.sample_report(),
    ):
        assert serialize.loads(serialize.dumps(document)) == document
    with pytest.raises(RenderError):
        serialize.loads('{"kind": "ticket", "data": {}}')
