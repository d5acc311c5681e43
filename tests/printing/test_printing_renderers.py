"""Renderers: golden bytes for ESC/POS, FGL and PDF; the bytes that matter, checked one by
one; what the bytes print, checked through the replays; hypothesis over ticket text."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from domain.money import Money
from printing import data, escpos, fgl, pdf, preview, replay_escpos, replay_fgl
from printing.errors import MissingMention, RenderError

Golden = Callable[[str, bytes], None]
GoldenPng = Callable[[str, Image.Image], None]


# --- golden bytes ---------------------------------------------------------------------------


def test_escpos_ticket_golden(golden_bytes: Golden) -> None:
    golden_bytes("escpos-ticket.bin", escpos.render_ticket(data.sample_ticket()))


def test_escpos_receipt_golden(golden_bytes: Golden) -> None:
    golden_bytes("escpos-receipt.bin", escpos.render_receipt(data.sample_receipt()))


def test_escpos_report_golden(golden_bytes: Golden) -> None:
    golden_bytes("escpos-report.bin", escpos.render_report(data.sample_report()))


def test_escpos_test_page_golden(golden_bytes: Golden) -> None:
    golden_bytes("escpos-test-page.bin", escpos.render_test_page())


def test_escpos_cp1252_ticket_golden(golden_bytes: Golden) -> None:
    golden_bytes(
        "escpos-ticket-cp1252.bin",
        escpos.render_ticket(data.sample_ticket(), escpos.model("TM-T88V-1252")),
    )


def test_fgl_ticket_golden(golden_bytes: Golden) -> None:
    golden_bytes("fgl-ticket.fgl", fgl.render_ticket(data.sample_ticket()))


def test_fgl_duplicate_ticket_golden(golden_bytes: Golden) -> None:
    golden_bytes("fgl-ticket-duplicata.fgl", fgl.render_ticket(data.sample_ticket(duplicate=True)))


def test_fgl_test_page_golden(golden_bytes: Golden) -> None:
    golden_bytes("fgl-test-page.fgl", fgl.render_test_page())


def test_pdf_ticket_golden(golden_bytes: Golden) -> None:
    golden_bytes("ticket-a4.pdf", pdf.render_tickets([data.sample_ticket()]))


def test_pdf_receipt_and_report_are_deterministic(golden_bytes: Golden) -> None:
    golden_bytes("receipt.pdf", pdf.render_receipt(data.sample_receipt()))
    golden_bytes("report.pdf", pdf.render_report([data.sample_report()]))


# --- ESC/POS bytes that matter --------------------------------------------------------------


def test_escpos_pins_the_code_page_right_after_init() -> None:
    out = escpos.render_ticket(data.sample_ticket())
    assert out.startswith(b"\x1b@\x1b=\x01\x1bt\x10")  # ESC @, printer selected, CP1252 = 16
    cp858 = escpos.render_ticket(data.sample_ticket(), escpos.model("TM-T88V", "CP858"))
    assert cp858.startswith(b"\x1b@\x1b=\x01\x1bt\x13")  # CP858 = slot 19
    assert out.count(b"\x1bt") == 1  # never re-guessed by MagicEncode


def test_escpos_text_is_in_the_pinned_code_page() -> None:
    ticket = replace(data.sample_ticket(), venue="Théâtre 12,50 € — Œdipe")
    cp858 = escpos.render_ticket(ticket, escpos.model("TM-T88V", "CP858"))
    assert b"Th\x82\x83tre 12,50 \xd5 - OEdipe" in cp858  # é=82 â=83 €=D5; Œ folded to OE
    cp1252 = escpos.render_ticket(ticket)
    assert b"Th\xe9\xe2tre 12,50 \x80 \x97 \x8cdipe" in cp1252  # — and Œ exist in 1252


def test_escpos_cuts_without_feeding_and_uses_native_qr() -> None:
    out = escpos.render_ticket(data.sample_ticket())
    assert out.endswith(b"\x1dVB\x00")
    assert b"\x1bd\x06" not in out  # python-escpos's default six-line feed before the cut
    assert b"\x1d(k" in out and b"1P0GUI000000001" in out  # GS ( k store, native QR


def test_escpos_images_are_sent_in_small_strips() -> None:
    out = escpos.render_test_page()
    for match in re.finditer(rb"\x1dv0\x00(..)(..)", out, re.DOTALL):
        height = int.from_bytes(match.group(2), "little")
        assert height <= escpos.IMAGE_STRIP_ROWS


def test_escpos_receipt_shows_vat_per_rate_and_change() -> None:
    page = replay_escpos.replay(escpos.render_receipt(data.sample_receipt()))[0]
    assert page.height > 600
    breakdown = data.vat_breakdown(data.sample_receipt())
    assert [(v.rate, v.vat.minor, v.gross.minor) for v in breakdown] == [
        (550, 172, 3300),  # 33.00 incl. 5.5 %: 33.00 × 5.5 / 105.5 = 1.7204… → 1.72
        (2000, 117, 700),  # 7.00 incl. 20 %: 1.1666… → 1.17
    ]
    assert sum((v.base + v.vat).minor for v in breakdown) == data.sample_receipt().total.minor


def test_control_characters_never_reach_the_printer() -> None:
    ticket = replace(data.sample_ticket(), event="Evil\x1dV\x00\x1b@\x10\x04\x01 show")
    out = escpos.render_ticket(ticket)
    assert b"EvilV@ show" in out
    out_fgl = fgl.render_ticket(replace(ticket, event="A <p> B"))
    assert b"<p>" not in out_fgl[:-3]
    assert b"A (p) B" in out_fgl


# --- FGL bytes that matter --------------------------------------------------------------------


def test_fgl_ticket_ends_in_print_and_cut_and_writes_no_flash() -> None:
    out = fgl.render_ticket(data.sample_ticket())
    assert out.endswith(b"<p>")
    machine = replay_fgl.FglReplay()
    events = machine.feed(out)
    assert [e.kind for e in events] == ["printed"]
    assert machine.flash_writes == []
    assert machine.unknown == []


def test_fgl_uses_rotation_code128_qr_and_graphics() -> None:
    out = fgl.render_ticket(data.sample_ticket())
    assert b"<RR>" in out  # the stub's rotated lines
    assert b"<OL11><BI>^GUI000000001^" in out  # vertical Code 128 with its interpretation
    assert b"<QR5,0,0,0>{GUI000000001}" in out
    assert re.search(rb"<RC12,16><G96>", out)  # logo as graphics bands
    assert b"<F13>" in out and b"\xd5" in out  # international font, euro in CP858


@pytest.mark.parametrize("value", ["AB^CD", "A{B", "A}B", "A<B>"])
def test_every_renderer_refuses_barcode_characters_printer_languages_reserve(value: str) -> None:
    ticket = replace(data.sample_ticket(), barcode=value)
    for render in (
        lambda: fgl.render_ticket(ticket),
        lambda: escpos.render_ticket(ticket),
        lambda: pdf.render_tickets([ticket]),
    ):
        with pytest.raises(RenderError, match="printable ASCII characters other than"):
            render()


def test_the_simulator_spots_flash_writes() -> None:
    machine = replay_fgl.FglReplay()
    machine.feed(b"<RC10,10><F3>hello<tt4><p>")
    assert machine.flash_writes == [b"tt4"]


def test_long_text_falls_back_to_a_smaller_font_then_is_cut() -> None:
    ticket = replace(data.sample_ticket(), event="X" * 200)
    out = fgl.render_ticket(ticket)
    assert b"<F8><HW1,1>" + b"X" * 44 + b"." in out  # 540 dots / 12 per character


# --- legal mentions and refusals ------------------------------------------------------------


def test_a_ticket_without_organizer_is_refused() -> None:
    with pytest.raises(MissingMention, match="organizer"):
        fgl.render_ticket(replace(data.sample_ticket(), organizer=" "))


def test_a_free_ticket_says_so() -> None:
    free = replace(data.sample_ticket(), price=Money.zero("EUR"), free_label="Exonéré")
    assert data.ticket_fields(free)["price"] == "Exonéré"
    assert b"Exon\x82r\x82" in fgl.render_ticket(free)
    with pytest.raises(MissingMention):
        data.ticket_fields(replace(free, free_label=""))


def test_a_non_ascii_barcode_is_refused_with_the_field_named() -> None:
    with pytest.raises(RenderError) as caught:
        escpos.render_ticket(replace(data.sample_ticket(), barcode="GUIé01"))
    assert caught.value.field == "barcode"


def test_performance_time_is_the_venue_s_wall_clock() -> None:
    fields = data.ticket_fields(data.sample_ticket())
    assert fields["date"] == "samedi 14 mars 2026"
    assert fields["time"] == "20h30"  # 19:30 UTC is 20:30 in Paris in March


# --- what the bytes print -------------------------------------------------------------------


def test_previews_of_each_renderer(golden_png: GoldenPng) -> None:
    golden_png("preview-escpos-ticket.png", preview.escpos_ticket(data.sample_ticket()))
    golden_png("preview-fgl-ticket.png", preview.fgl_ticket(data.sample_ticket()))
    golden_png("preview-a4-ticket.png", preview.home_ticket(data.sample_ticket()))


def test_escpos_replay_survives_any_chunking() -> None:
    out = escpos.render_receipt(data.sample_receipt())
    whole = replay_escpos.replay(out)[0]
    machine = replay_escpos.EscPosReplay()
    for start in range(0, len(out), 7):
        machine.feed(out[start : start + 7])
    assert machine.pages[0].tobytes() == whole.tobytes()


# --- any text ------------------------------------------------------------------------------

_text = st.text(min_size=0, max_size=60)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(event=_text, organizer=_text, zone=_text, tariff=_text, barcode=_text)
def test_any_unicode_renders_or_is_refused_clearly(
    event: str, organizer: str, zone: str, tariff: str, barcode: str
) -> None:
    ticket = replace(
        data.sample_ticket(), event=event, organizer=organizer, zone=zone, tariff=tariff,
        barcode=barcode,
    )  # fmt: skip
    outputs = {}
    for name, render in (
        ("escpos", lambda: escpos.render_ticket(ticket)),
        ("fgl", lambda: fgl.render_ticket(ticket)),
        ("pdf", lambda: pdf.render_tickets([ticket])),
    ):
        try:
            outputs[name] = render()
        except RenderError as error:
            assert str(error)  # a sentence for the person at the screen
            assert error.field in ("organizer", "event", "category", "order_number", "barcode")
    if "pdf" in outputs:
        assert outputs["pdf"].startswith(b"%PDF")
    if "escpos" in outputs:  # text never smuggles a command: the replay meets none it lacks
        receipt_printer = replay_escpos.EscPosReplay()
        events = receipt_printer.feed(outputs["escpos"])
        assert [e.kind for e in events] == ["cut"]
    if "fgl" in outputs:
        machine = replay_fgl.FglReplay()
        assert [e.kind for e in machine.feed(outputs["fgl"])] == ["printed"]
        assert machine.flash_writes == []
        assert machine.unknown == []
    assert set(outputs) in ({"escpos", "fgl", "pdf"}, set())  # all agree on what is refused
