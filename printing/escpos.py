"""ESC/POS bytes for tickets, receipts, reports and the technician's test page.

Pure functions of (document, layout, model): the same input always gives the same bytes, which
the tests compare byte for byte. Commands come from python-escpos 3.1's byte generation (its
``Dummy`` printer), with the defaults that hurt at a counter overridden (hardware notes §2.3):
the code page is pinned per model right after ``ESC @`` (CP1252 slot 16 by default, CP858
slot 19 on request) instead of MagicEncode's guess; text is encoded here, folded where the
page lacks a character; QR codes are native (``GS ( k``) with blank lines for their quiet
zone; images go in strips of at most 96 rows; the cut does not feed six blank lines
(``GS V 66 0``). Nothing here opens a device or waits.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from escpos.constants import QR_ECLEVEL_M
from escpos.printer import Dummy
from PIL import Image

from printing import data, flow, raster, text
from printing.data import ReceiptData, ReportPage, TicketData
from printing.errors import LayoutError, RenderError
from printing.layouts import Layout, builtin, resource_dir

ESC = b"\x1b"
GS = b"\x1d"
INIT = ESC + b"@"
SELECT_PRINTER = ESC + b"=\x01"  # a customer display chained behind may have kept the line
CUT = GS + b"VB\x00"  # feed to the cutter and cut: no wasted paper
IMAGE_STRIP_ROWS = 96
LINE_DOTS = 30  # a blank line at the default spacing: 1/6 inch at 180 dpi (more at 203 dpi)


@dataclass(frozen=True, slots=True)
class EscPosModel:
    name: str
    profile: str  # python-escpos capability profile
    code_page: str  # CP858 or CP1252
    columns: int  # characters per line in font A
    dots: int  # printable width in dots

    @property
    def codec(self) -> str:
        return self.code_page.lower()


# Windows-1252 by default: it holds every letter of French and German tickets, "Œ" and "œ"
# (0x8C, 0x9C) and "€" (0x80), where CP858 lacks the ligatures ("Œdipe" would print "OEdipe").
# Both profiles list it (slot 16); ``code_page = "CP858"`` pins the other page for firmware
# without it. "TM-T88V-1252" is the name older station files use for the same printer.
MODELS: dict[str, EscPosModel] = {
    "TM-T88V": EscPosModel("TM-T88V", "TM-T88V", "CP1252", 42, 512),
    "TM-T20II": EscPosModel("TM-T20II", "TM-T20II", "CP1252", 48, 576),
    "TM-T88V-1252": EscPosModel("TM-T88V-1252", "TM-T88V", "CP1252", 42, 512),
}
DEFAULT_MODEL = "TM-T88V"
SUPPORTED_CODE_PAGES = ("CP858", "CP1252")


def model(name: str = DEFAULT_MODEL, code_page: str | None = None) -> EscPosModel:
    """A printer model, optionally with its code page pinned to another supported one."""
    try:
        found = MODELS[name]
    except KeyError:
        raise RenderError(
            f"unknown ESC/POS model {name!r} (known: {', '.join(sorted(MODELS))})",
            field="model",
        ) from None
    if code_page is None or code_page.upper() == found.code_page:
        return found
    page = code_page.upper()
    if page not in SUPPORTED_CODE_PAGES:
        raise RenderError(
            f"code page {code_page!r} is not supported (use CP858 or CP1252)", field="code_page"
        )
    return EscPosModel(found.name, found.profile, page, found.columns, found.dots)


@cache
def code_page_slot(profile: str, code_page: str) -> int:
    printer = Dummy(profile=profile)
    for slot, name in printer.profile.profile_data["codePages"].items():
        if name == code_page:
            return int(slot)
    raise RenderError(f"profile {profile} has no slot for {code_page}", field="code_page")


@cache
def _logo(name: str, width: int) -> Image.Image:
    path = resource_dir() / name
    if not path.exists():
        raise LayoutError(f"no image {name!r} in resources/printing")
    with Image.open(path) as source:
        image = source.convert("L")
    if width and image.width != width:
        height = max(1, round(image.height * width / image.width))
        image = image.resize((width, height), Image.Resampling.NEAREST)
    return image.point(lambda v: 255 if v >= 128 else 0).convert("1")


class _Writer:
    """One document being built: a python-escpos Dummy plus our pinned encoding."""

    def __init__(self, printer_model: EscPosModel) -> None:
        self.model = printer_model
        self.out = Dummy(profile=printer_model.profile)
        slot = code_page_slot(printer_model.profile, printer_model.code_page)
        self.out._raw(INIT + SELECT_PRINTER + ESC + b"t" + bytes((slot,)))
        self._style: tuple[str, str, bool] | None = None

    def fold(self, content: str) -> str:
        return text.fold(content, self.model.codec)

    def raw(self, chunk: bytes) -> None:
        self.out._raw(chunk)

    def style(self, align: str = "left", size: str = "normal", bold: bool = False) -> None:
        if self._style == (align, size, bold):
            return  # the printer keeps modes until changed: fewer bytes on the wire
        self._style = (align, size, bold)
        self.out.set(
            align=align,
            bold=bold,
            normal_textsize=size == "normal",
            double_width=size in ("wide", "double"),
            double_height=size in ("tall", "double"),
        )

    def line(self, content: str) -> None:
        self.out._raw(text.encode(content, self.model.codec) + b"\n")

    def logo(self, name: str, width: int) -> None:
        self.style(align="left")
        self.out.image(
            _logo(name, width),
            impl="bitImageRaster",
            fragment_height=IMAGE_STRIP_ROWS,
            center=True,
        )

    def barcode(self, value: str, height: int, module: int, human_readable: bool) -> None:
        value = text.barcode_value(value)
        self.style(align="center")
        self.out._hw_barcode(
            "{B" + value,
            "CODE128",
            height=height,
            width=module,
            pos="BELOW" if human_readable else "OFF",
            font="A",
            align_ct=False,
            function_type="B",
            check=True,
        )
        self.raw(b"\n")

    def qr(self, value: str, module: int) -> None:
        value = text.barcode_value(value)
        self.style(align="center")
        # the printer draws the symbol alone: blank lines keep its quiet zone above and below
        blank = b"\n" * -(-raster.QUIET_ZONE_MODULES * module // LINE_DOTS)
        self.raw(blank)
        self.out.qr(value, ec=QR_ECLEVEL_M, size=module, native=True)
        self.raw(blank)  # the first ends the symbol's line

    def cut(self) -> None:
        self.out.cut(feed=False)

    def items(self, items: list[flow.Item]) -> None:
        for item in items:
            if isinstance(item, flow.Line):
                self.style(item.align, item.size, item.bold)
                self.line(item.text)
            elif item.kind == "logo":
                self.logo(item.value, min(item.size, self.model.dots))
            elif item.kind == "barcode":
                self.barcode(item.value, item.size, item.module, item.human_readable)
            elif item.kind == "qr":
                self.qr(item.value, item.module)
            elif item.kind == "feed":
                self.raw(b"\n" * item.size)
            elif item.kind == "cut":
                self.style()
                self.cut()

    def bytes(self) -> bytes:
        return bytes(self.out.output)


def _flow(
    layout: Layout, fields: Mapping[str, str], document: object, printer_model: EscPosModel
) -> bytes:
    writer = _Writer(printer_model)
    writer.items(flow.compose(layout, fields, document, printer_model.columns, writer.fold))
    return writer.bytes()


def render_ticket(
    ticket: TicketData,
    printer_model: EscPosModel | None = None,
    layout: Layout | None = None,
) -> bytes:
    layout = layout or builtin("ticket-80mm")
    fields = data.ticket_fields(ticket, layout.language)
    return _flow(layout, fields, ticket, printer_model or model())


def render_tickets(
    tickets: list[TicketData],
    printer_model: EscPosModel | None = None,
    layout: Layout | None = None,
) -> list[bytes]:
    return [render_ticket(t, printer_model, layout) for t in tickets]


def render_receipt(
    receipt: ReceiptData,
    printer_model: EscPosModel | None = None,
    layout: Layout | None = None,
) -> bytes:
    layout = layout or builtin("receipt-80mm")
    fields = data.receipt_fields(receipt, layout.language)
    return _flow(layout, fields, receipt, printer_model or model())


def render_report(
    page: ReportPage,
    printer_model: EscPosModel | None = None,
    layout: Layout | None = None,
) -> bytes:
    layout = layout or builtin("report-80mm")
    return _flow(layout, data.report_fields(page), page, printer_model or model())


TEST_CHARACTERS = "é è à ç ù € £ œ ß ü"


def render_test_page(printer_model: EscPosModel | None = None, title: str = "") -> bytes:
    """The technician's test print: code page table, Code 128, QR, logo, alignment marks."""
    chosen = printer_model or model()
    writer = _Writer(chosen)
    width = chosen.columns
    writer.logo("logo.png", 192)
    writer.style("center", "double", True)
    writer.line("TEST")
    writer.style("center")
    writer.line(title or "Guichet")
    writer.line(f"{chosen.name} - {chosen.code_page}")
    writer.style()
    writer.line("=" * width)
    writer.line(text.fold(TEST_CHARACTERS, chosen.codec))
    writer.line("Théâtre 12,50 € — Œdipe")
    writer.line("-" * width)
    for high in range(0x80, 0x100, 0x10):  # the printer's own table: compare with the spec
        cells = bytes(b for b in range(high, high + 16))
        writer.raw(f"{high:02X} ".encode("ascii") + cells + b"\n")
    writer.line("-" * width)
    writer.style("left")
    writer.line("|< gauche")
    writer.style("center")
    writer.line("> centre <")
    writer.style("right")
    writer.line("droite >|")
    writer.style()
    writer.line(("1234567890" * ((width + 9) // 10))[:width])
    writer.barcode("GUICHET-TEST-128", 80, 2, True)
    writer.qr("https://guichet.example/test", 6)
    writer.style()
    writer.cut()
    return writer.bytes()
