"""Boca FGL bytes for tickets and the technician's test page (FGL26/46, 200 dpi stock).

Pure functions: a positioned layout in printer dots becomes ``<RCrow,col>`` positions,
resident fonts with ``<HWh,w>`` sizes, ``<NR>/<RR>/<RU>/<RL>`` rotation, Code 128 between
carets, ``<QR…>{…}`` codes, the logo as ``<Gnn>`` graphics (8 vertical dots per byte, most
significant bit on top) and ``<p>`` to print and cut. Text is encoded in CP858, the code page of
the international resident fonts (F8, F13); ``<`` and ``>`` cannot appear in FGL text and print
as parentheses. Text too long for its ``max_width`` takes a smaller font, then is cut with
a dot, except a mandatory mention marked ``whole`` (the licence number): it shrinks, then
wraps onto its ``lines``, and is refused rather than cut. It must never emit the lower-case
commands that write the printer's flash (``<p>`` is the only lower-case command here): a
ticket is printed thousands of times a night.

Font cell sizes and the box/line commands follow the FGL46 guide; the exact cell of F8 and F13
on a given firmware is unconfirmed, so centring may be off by a few dots on real stock.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache

from PIL import Image

from printing import data, text
from printing.data import TicketData
from printing.errors import LayoutError, RenderError
from printing.layouts import Element, Layout, builtin, fill, resource_dir

CODEC = "cp858"
PRINT_AND_CUT = b"<p>"
ROTATIONS = {0: b"<NR>", 90: b"<RR>", 180: b"<RU>", 270: b"<RL>"}


@dataclass(frozen=True, slots=True)
class FglFont:
    number: int
    cell_width: int  # dots per character at <HW1,1>
    cell_height: int


FONTS: dict[int, FglFont] = {
    8: FglFont(8, 12, 20),
    13: FglFont(13, 20, 33),
}
# Layout font name -> (resident font, height multiplier, width multiplier)
FONT_CHOICES: dict[str, tuple[int, int, int]] = {
    "small": (8, 1, 1),
    "normal": (13, 1, 1),
    "large": (13, 2, 2),
    "huge": (13, 3, 3),
}
_SMALLER = {"huge": "large", "large": "normal", "normal": "small"}


@dataclass(frozen=True, slots=True)
class FglModel:
    name: str
    dpi: int
    rows: int  # dots across the ticket (2 inches)
    columns: int  # dots along the ticket


MODELS: dict[str, FglModel] = {
    "FGL46": FglModel("FGL46", 200, 384, 1050),
    "FGL26": FglModel("FGL26", 200, 384, 1050),
    "FGL46-300": FglModel("FGL46-300", 300, 576, 1650),
    # same 200 dpi stock; they differ in their status bytes (drivers.printers.status)
    "FGL46-TT": FglModel("FGL46-TT", 200, 384, 1050),
    "LEMUR-X": FglModel("LEMUR-X", 200, 384, 1050),
}
DEFAULT_MODEL = "FGL46"


def model(name: str = DEFAULT_MODEL) -> FglModel:
    try:
        return MODELS[name.upper()]
    except KeyError:
        raise RenderError(
            f"unknown FGL model {name!r} (known: {', '.join(sorted(MODELS))})", field="model"
        ) from None


def font_cell(name: str) -> tuple[int, int]:
    """(width, height) in dots of one character of a layout font."""
    number, height, width = FONT_CHOICES[name]
    font = FONTS[number]
    return font.cell_width * width, font.cell_height * height


def _text_bytes(content: str) -> bytes:
    return text.encode(content.replace("<", "(").replace(">", ")"), CODEC)


def _fit(content: bytes, font: str, max_width: float | None) -> tuple[bytes, str]:
    """The text and the font it fits in: smaller fonts first, then cut with a dot."""
    if max_width is None:
        return content, font
    chosen = font
    while len(content) * font_cell(chosen)[0] > max_width and chosen in _SMALLER:
        chosen = _SMALLER[chosen]
    fits = int(max_width // font_cell(chosen)[0])
    if len(content) > fits:
        content = content[: max(fits - 1, 0)] + b"."
    return content, chosen


def _whole(content: bytes, element: Element) -> tuple[list[bytes], str]:
    """A mandatory mention (the organiser's licence): the largest font in which it fits
    ``max_width`` on at most ``lines`` lines, wrapped at spaces and hyphens; never cut. A
    mention that fits nowhere is a RenderError: no ticket without its whole mention."""
    if element.max_width is None:
        return [content], element.font
    words = content.decode(CODEC)
    font = element.font
    while True:
        per_line = int(element.max_width // font_cell(font)[0])
        wrapped = textwrap.wrap(words, max(per_line, 1)) or [""]
        if len(wrapped) <= element.lines:
            return [line.encode(CODEC) for line in wrapped], font
        if font not in _SMALLER:
            raise RenderError(
                f"the mention {words!r} does not fit its place on the ticket "
                f"({element.lines} line(s) of {per_line} characters); a mandatory mention is "
                "never cut: give it more room in the layout",
                field="layout",
            )
        font = _SMALLER[font]


def _text_line(row: int, col: int, element: Element, content: bytes, font: str) -> bytes:
    number, height, width = FONT_CHOICES[font]
    span = len(content) * font_cell(font)[0]
    if element.rotation == 0 and element.align == "center":
        col -= span // 2
    elif element.rotation == 0 and element.align == "right":
        col -= span
    return (
        b"<RC%d,%d>" % (row, max(col, 0))
        + ROTATIONS[element.rotation]
        + b"<F%d><HW%d,%d>" % (number, height, width)
        + content
    )


def _graphics(image: Image.Image, row: int, col: int) -> bytes:
    """The image as <G> bands: one byte per column of 8 dots, top dot in the high bit."""
    width, height = image.size
    pixels = image.load()
    assert pixels is not None
    out = bytearray()
    for band in range(0, height, 8):
        columns = bytearray(width)
        for x in range(width):
            byte = 0
            for bit in range(8):
                y = band + bit
                if y < height and pixels[x, y] == 0:
                    byte |= 0x80 >> bit
            columns[x] = byte
        if any(columns):
            out += b"<RC%d,%d><G%d>" % (row + band, col, width) + bytes(columns)
    return bytes(out)


@cache
def _logo_bands(name: str, width: int, height: int, row: int, col: int) -> bytes:
    path = resource_dir() / name
    if not path.exists():
        raise LayoutError(f"no image {name!r} in resources/printing")
    with Image.open(path) as source:
        image = source.convert("L")
    image.thumbnail((width, height), Image.Resampling.NEAREST)
    mono = image.point(lambda v: 255 if v >= 128 else 0).convert("1")
    return _graphics(mono, row, col)


def _visible(layout: Layout, fields: Mapping[str, str]) -> Iterator[Element]:
    for element in layout.elements:
        if element.when and not fields.get(element.when):
            continue
        yield element


def _element(element: Element, fields: Mapping[str, str]) -> bytes:
    row, col = round(element.y), round(element.x)
    kind = element.type
    if kind == "text":
        content = _text_bytes(fill(element.text, fields))
        if not content:
            return b""
        if not element.whole:
            content, font = _fit(content, element.font, element.max_width)
            return _text_line(row, col, element, content, font)
        if element.lines > 1 and element.rotation != 0:
            raise LayoutError("a mention wrapped onto several lines must not be rotated")
        lines, font = _whole(content, element)
        step = font_cell(font)[1]
        bottom = row + element.lines * font_cell(element.font)[1]  # the mention's place
        first = bottom - len(lines) * step  # bottom-aligned in it
        return b"".join(
            _text_line(first + index * step, col, element, line, font)
            for index, line in enumerate(lines)
        )
    if kind == "barcode":
        value = text.barcode_value(fill(element.value, fields))
        if "^" in value:
            raise RenderError("an FGL Code 128 value cannot hold '^'", field="barcode")
        units = max(1, round(element.height / 8))
        orientation = b"L" if element.rotation in (90, 270) else b"P"
        return (
            b"<RC%d,%d>" % (row, col)
            + ROTATIONS[0]
            + b"<X%d>" % max(1, round(element.module or 2))
            + b"<O"
            + orientation
            + b"%d>" % units
            + (b"<BI>" if element.human_readable else b"")
            + b"^"
            + value.encode("ascii")
            + b"^"
        )
    if kind == "qr":
        value = text.barcode_value(fill(element.value, fields))
        if "{" in value or "}" in value:
            raise RenderError("an FGL QR value cannot hold braces", field="barcode")
        size = min(16, max(3, round(element.module or 6)))
        return (
            b"<RC%d,%d>" % (row, col)
            + ROTATIONS[0]
            + b"<QR%d,0,0,0>{" % size
            + value.encode("ascii")
            + b"}"
        )
    if kind == "logo":
        return _logo_bands(element.image, round(element.width), round(element.height), row, col)
    if kind == "line":
        thickness = max(1, round(element.thickness))
        if round(element.x) == round(element.x2):
            length = abs(round(element.y2 - element.y))
            return b"<RC%d,%d><LT%d><VX%d>" % (min(row, round(element.y2)), col, thickness, length)
        length = abs(round(element.x2 - element.x))
        return b"<RC%d,%d><LT%d><HX%d>" % (row, min(col, round(element.x2)), thickness, length)
    if kind == "box":
        thickness = max(1, round(element.thickness))
        return b"<RC%d,%d><LT%d><BX%d,%d>" % (
            row, col, thickness, round(element.height), round(element.width),
        )  # fmt: skip
    raise LayoutError(f"FGL cannot print a {kind!r} element")


def render_positioned(layout: Layout, fields: Mapping[str, str], printer: FglModel) -> bytes:
    if not layout.positioned or layout.unit != "dot":
        raise LayoutError(f"layout {layout.name} is not a positioned layout in dots")
    if layout.width > printer.columns + 1 or layout.height > printer.rows + 1:
        raise LayoutError(
            f"layout {layout.name} ({layout.width:g}x{layout.height:g} dots) does not fit "
            f"{printer.name} stock ({printer.columns}x{printer.rows})"
        )
    out = bytearray()
    for element in _visible(layout, fields):
        out += _element(element, fields)
    out += PRINT_AND_CUT
    return bytes(out)


def render_ticket(
    ticket: TicketData, printer: FglModel | None = None, layout: Layout | None = None
) -> bytes:
    layout = layout or builtin("ticket-2x5.5")
    return render_positioned(
        layout, data.ticket_fields(ticket, layout.language), printer or model()
    )


TEST_CHARACTERS = "é è à ç ù € £ œ ß ü"
STATUS_REQUEST = b"<S1>"
PROM_REQUEST = b"<S2>"


def render_test_page(printer: FglModel | None = None, title: str = "") -> bytes:
    """Test ticket: code page line and table, Code 128, QR, logo, corner alignment marks."""
    chosen = printer or model()
    right, bottom = chosen.columns - 1, chosen.rows - 1
    out = bytearray()
    out += _logo_bands("logo.png", 96, 48, 12, 16)
    out += b"<RC12,128><NR><F13><HW2,2>TEST FGL"
    out += b"<RC80,128><NR><F8><HW1,1>" + _text_bytes(f"{title or 'Guichet'} - {chosen.name}")
    out += b"<RC110,16><NR><F13><HW1,1>" + _text_bytes(TEST_CHARACTERS)
    out += b"<RC150,16><NR><F13><HW1,1>" + _text_bytes("Théâtre 12,50 € — Œdipe")
    for index, high in enumerate(range(0x80, 0x100, 0x20)):
        cells = bytes(range(high, high + 0x20))
        out += b"<RC%d,16><NR><F8><HW1,1>" % (190 + 22 * index) + b"%02X " % high + cells
    out += b"<RC286,16><NR><X2><OP8><BI>^GUICHET-TEST-128^"
    out += b"<RC40,830><NR><QR6,0,0,0>{https://guichet.example/test}"
    # corner marks: a technician checks that all four are on the ticket
    for row, col in ((0, 0), (0, right - 40), (bottom - 2, 0), (bottom - 2, right - 40)):
        out += b"<RC%d,%d><LT2><HX40>" % (row, col)
    for row, col in ((0, 0), (0, right - 2), (bottom - 40, 0), (bottom - 40, right - 2)):
        out += b"<RC%d,%d><LT2><VX40>" % (row, col)
    out += b"<RC250,1040><RR><F8><HW1,1>" + _text_bytes("rotation")
    out += PRINT_AND_CUT
    return bytes(out)
