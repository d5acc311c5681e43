"""Drawing printed matter into 1-bit Pillow images: text in character cells, Code 128, QR.

Shared by the replays (what a simulated printer prints) and the PNG previews. Glyphs come
from the Bitstream Vera fonts that ship inside reportlab, so the pictures are the same on
every machine with the same package versions, whatever fonts the OS has. Pure functions of
their arguments; nothing here reads bytes from a device.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import barcode
import qrcode
from PIL import Image, ImageDraw, ImageFont

WHITE = 1
BLACK = 0


def _font_dir() -> Path:
    import reportlab

    return Path(reportlab.__file__).resolve().parent / "fonts"


def font_path(bold: bool = False) -> Path:
    return _font_dir() / ("VeraBd.ttf" if bold else "Vera.ttf")


@cache
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(bold)), max(4, size))


def page(width: int, height: int) -> Image.Image:
    return Image.new("1", (max(1, width), max(1, height)), WHITE)


@cache
def _glyph(char: str, cell_width: int, cell_height: int, bold: bool) -> Image.Image:
    """One character centred in its cell, squeezed sideways when wider (as a printer's
    resident fonts are: every character in the same cell)."""
    cell = page(cell_width, cell_height)
    if not char.strip():
        return cell
    face = font(max(4, int(cell_height * 0.8)), bold)
    width = max(1, int(face.getlength(char)) + 1)
    drawn = Image.new("L", (width, cell_height), 255)
    ImageDraw.Draw(drawn).text(
        (width / 2, cell_height * 0.52), char, font=face, fill=0, anchor="mm"
    )
    if width > cell_width:
        drawn = drawn.resize((cell_width, cell_height), Image.Resampling.BILINEAR)
    glyph = drawn.point(lambda v: 255 if v >= 128 else 0).convert("1")
    cell.paste(glyph, ((cell_width - glyph.width) // 2, 0))
    return cell


def text_strip(content: str, cell_width: int, cell_height: int, bold: bool = False) -> Image.Image:
    strip = page(cell_width * max(len(content), 1), cell_height)
    for index, char in enumerate(content):
        strip.paste(_glyph(char, cell_width, cell_height, bold), (index * cell_width, 0))
    return strip


def rotate(image: Image.Image, degrees_clockwise: int) -> Image.Image:
    if degrees_clockwise % 360 == 0:
        return image
    return image.rotate(-degrees_clockwise, expand=True, fillcolor=WHITE)


def paste_rotated(
    target: Image.Image, image: Image.Image, x: int, y: int, degrees_clockwise: int
) -> None:
    """Paste ``image`` rotated about its top-left corner, which lands on (x, y)."""
    turned = rotate(image, degrees_clockwise)
    w, h = image.size
    if degrees_clockwise == 90:
        x, y = x - h, y
    elif degrees_clockwise == 180:
        x, y = x - w, y - h
    elif degrees_clockwise == 270:
        x, y = x, y - w
    _paste_black(target, turned, x, y)


def _paste_black(target: Image.Image, image: Image.Image, x: int, y: int) -> None:
    """Overprint: black stays black (thermal paper only ever gets darker)."""
    mask = image.point(lambda v: 255 if v == 0 else 0, mode="L").convert("1")
    target.paste(BLACK, (x, y), mask)


def overprint(target: Image.Image, image: Image.Image, x: int, y: int) -> None:
    _paste_black(target, image, x, y)


@cache
def code128_modules(value: str) -> str:
    """The bars of ``value`` in Code 128 (B, switching to C for digit runs), quiet zones off:
    '1' is a bar module, '0' a space."""
    symbol = barcode.get("code128", value)
    modules: str = symbol.build()[0]
    return modules


def code128_image(value: str, module: int, height: int) -> Image.Image:
    modules = code128_modules(value)
    image = page(len(modules) * module, height)
    draw = ImageDraw.Draw(image)
    for index, bit in enumerate(modules):
        if bit == "1":
            left = index * module
            draw.rectangle((left, 0, left + module - 1, height - 1), fill=BLACK)
    return image


# ISO/IEC 18004: a QR symbol needs a light margin four modules wide on every side; the
# symbols drawn here have none, so every layout keeps that room free around them.
QUIET_ZONE_MODULES = 4


@cache
def qr_matrix(value: str) -> tuple[tuple[bool, ...], ...]:
    code = qrcode.QRCode(border=0, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(value)
    code.make(fit=True)
    return tuple(tuple(bool(v) for v in row) for row in code.get_matrix())


def qr_image(value: str, module: int) -> Image.Image:
    matrix = qr_matrix(value)
    size = len(matrix) * module
    image = page(size, size)
    draw = ImageDraw.Draw(image)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                draw.rectangle(
                    (x * module, y * module, (x + 1) * module - 1, (y + 1) * module - 1),
                    fill=BLACK,
                )
    return image


def bilevel(image: Image.Image) -> Image.Image:
    """Any image as printer dots: dark below the middle grey."""
    grey = image.convert("L")
    return grey.point(lambda v: 255 if v >= 128 else 0).convert("1")
