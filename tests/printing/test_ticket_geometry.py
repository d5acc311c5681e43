"""What a ticket looks like on paper, measured on the rendered picture by tools that share no
code with ours: the QR code's quiet zone, the licence mention printed whole, the code page.

- QR codes are found and decoded by zxing-cpp (a test-only dependency); ISO/IEC 18004 asks for
  a light margin of four modules around the symbol, so every pixel in that margin must be
  white and on the paper.
- The print-at-home PDF is rasterised by PDFium (pypdfium2, test-only), not by our preview.
- The Boca ticket is the picture the FGL replay prints from the bytes; the 80 mm ticket the
  one the ESC/POS replay prints. The code page of the ESC/POS bytes is read back through
  python-escpos's own printer profile (its capability data, not our table).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import replace

import pypdfium2
import pytest
import zxingcpp
from PIL import Image

from printing import data, escpos, fgl, pdf, preview
from printing.data import TicketData
from printing.errors import RenderError

QUIET_MODULES = 4  # ISO/IEC 18004, quiet zone

# Values as long as a layout must bear, so text that grows cannot creep into the QR's margin.
LONG = replace(
    data.sample_ticket(),
    organizer="Association des Amis du Théâtre Municipal et de la Compagnie des Îles",
    event="Le Songe d'une nuit d'été et autres comédies fantastiques en cinq actes",
    venue="Théâtre Municipal de la Ville",
    hall="Grande salle Jean-Baptiste Poquelin",
    entrance="Porte B, escalier C, niveau 2",
    category="Catégorie 1 - Orchestre",
    tariff="Tarif réduit étudiants",
)


def _quiet_zone_faults(picture: Image.Image, value: str) -> list[str]:
    grey = picture.convert("L")
    found = [r for r in zxingcpp.read_barcodes(grey) if r.format == zxingcpp.BarcodeFormat.QRCode]
    assert [r.text for r in found] == [value], "the QR code must be found and read once"
    corners = found[0].position
    points = (corners.top_left, corners.top_right, corners.bottom_right, corners.bottom_left)
    left, right = min(p.x for p in points), max(p.x for p in points)
    top, bottom = min(p.y for p in points), max(p.y for p in points)
    size = 17 + 4 * int(found[0].extra["Version"])  # modules per side
    margin = QUIET_MODULES * (right - left) / size
    faults = []
    outer = tuple(round(v) for v in (left - margin, top - margin, right + margin, bottom + margin))
    if outer[0] < 0 or outer[1] < 0 or outer[2] > grey.width or outer[3] > grey.height:
        faults.append(f"the quiet zone {outer} leaves the paper {grey.size}")
    pixels = grey.load()
    assert pixels is not None
    for y in range(max(outer[1], 0), min(outer[3], grey.height)):
        for x in range(max(outer[0], 0), min(outer[2], grey.width)):
            inside = left - 1 <= x <= right and top - 1 <= y <= bottom
            if not inside and pixels[x, y] < 128:
                faults.append(f"dark pixel at {x},{y} within {margin:.1f} px of the code")
                if len(faults) > 5:
                    return faults
    return faults


@pytest.mark.parametrize("ticket", [data.sample_ticket(), LONG], ids=["sample", "long"])
def test_boca_ticket_qr_has_its_quiet_zone(ticket: TicketData) -> None:
    assert _quiet_zone_faults(preview.fgl_ticket(ticket), ticket.barcode) == []


@pytest.mark.parametrize("ticket", [data.sample_ticket(), LONG], ids=["sample", "long"])
def test_80mm_ticket_qr_has_its_quiet_zone(ticket: TicketData) -> None:
    assert _quiet_zone_faults(preview.escpos_ticket(ticket), ticket.barcode) == []


@pytest.mark.parametrize("ticket", [data.sample_ticket(), LONG], ids=["sample", "long"])
def test_pdf_ticket_qr_has_its_quiet_zone(ticket: TicketData) -> None:
    document = pypdfium2.PdfDocument(pdf.render_tickets([ticket]))
    try:
        picture = document[0].render(scale=200 / 72).to_pil()
    finally:
        document.close()
    assert _quiet_zone_faults(picture, ticket.barcode) == []


# --- the licence mention --------------------------------------------------------------------


def _printed_text(fgl_bytes: bytes) -> str:
    """The text runs of FGL bytes, as the printer would print them (CP858), commands out."""
    out, inside = [], False
    for char in fgl_bytes.decode("cp858"):
        if char == "<":
            inside = True
            out.append("\n")
        elif char == ">":
            inside = False
        elif not inside:
            out.append(char)
    return "".join(out)


def test_boca_ticket_prints_the_whole_licence_number() -> None:
    ticket = data.sample_ticket()
    printed = _printed_text(fgl.render_ticket(ticket))
    assert f"Lic. {ticket.organizer_licence}" in printed.splitlines()


def test_a_longer_licence_wraps_and_stays_whole() -> None:
    licence = "PLATESV-R-2024-001234, PLATESV-R-2024-001235"
    ticket = replace(data.sample_ticket(), organizer_licence=licence)
    out = fgl.render_ticket(ticket)
    lines = [line for line in _printed_text(out).splitlines() if line]
    start = next(i for i, line in enumerate(lines) if line.startswith("Lic."))
    assert " ".join(lines[start : start + 2]) == f"Lic. {licence}"
    # on two lines one font height apart, both on the ticket: rows 338 and 358 of 384
    rows = [int(m.group(1)) for m in re.finditer(rb"<RC(\d+),448>", out)]
    assert rows == [338, 358] and rows[-1] + 20 <= fgl.model().rows


def test_a_licence_that_fits_nowhere_is_refused_not_cut() -> None:
    ticket = replace(data.sample_ticket(), organizer_licence="PLATESV-R-2024-001234 " * 4)
    with pytest.raises(RenderError, match="never cut"):
        fgl.render_ticket(ticket)


# --- the 80 mm printer's code page ----------------------------------------------------------


def _selected_code_page(escpos_bytes: bytes, profile: str) -> str:
    """The code page the bytes select last with ESC t n, named by python-escpos's profile."""
    from escpos.printer import Dummy

    at = escpos_bytes.rfind(b"\x1bt")
    assert at >= 0, "the bytes select no code page"
    slot = escpos_bytes[at + 2]
    pages = Dummy(profile=profile).profile.profile_data["codePages"]
    name: str = pages[str(slot)]
    return name


def test_default_80mm_model_prints_oe_ligature_from_its_windows_1252_page() -> None:
    chosen = escpos.model()
    out = escpos.render_ticket(data.sample_ticket(), chosen)
    page = _selected_code_page(out, chosen.profile)
    assert page == "CP1252"
    decoder = codecs.lookup(page.lower())
    assert "Œdipe roi".encode(decoder.name) in out
    assert "12,50 €".encode(decoder.name) in out
