"""PNG previews of what each renderer prints, for the technician screen and the tests.

ESC/POS and FGL previews replay the rendered bytes (the same code as the simulators: what you
see is what the bytes say, not what we meant). The print-at-home preview draws the A4 layout
with Pillow at 100 dpi, from the same layout and barcode patterns as the PDF. Returns Pillow
images or PNG bytes; writes no file.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

from PIL import Image, ImageDraw

from printing import data, escpos, fgl, raster, replay_escpos, replay_fgl, text
from printing.data import TicketData
from printing.errors import LayoutError
from printing.layouts import Layout, builtin, fill, resource_dir
from printing.pdf import FONT_POINTS

PREVIEW_DPI = 100


def png_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def escpos_ticket(ticket: TicketData, model: escpos.EscPosModel | None = None) -> Image.Image:
    chosen = model or escpos.model()
    return replay_escpos.replay(escpos.render_ticket(ticket, chosen), chosen.dots)[0]


def fgl_ticket(ticket: TicketData, model: fgl.FglModel | None = None) -> Image.Image:
    chosen = model or fgl.model()
    return replay_fgl.replay(fgl.render_ticket(ticket, chosen), chosen.columns, chosen.rows)[0]


def _draw_positioned(layout: Layout, fields: Mapping[str, str], dpi: int) -> Image.Image:
    if layout.unit != "mm":
        raise LayoutError(f"layout {layout.name} is not in millimetres")
    scale = dpi / 25.4
    paper = raster.page(round(layout.width * scale), round(layout.height * scale))
    draw = ImageDraw.Draw(paper)
    for element in layout.elements:
        if element.when and not fields.get(element.when):
            continue
        x, y = round(element.x * scale), round(element.y * scale)
        if element.type == "text":
            content = text.clean(fill(element.text, fields))
            face = raster.font(round(FONT_POINTS[element.font] * dpi / 72), element.bold)
            anchor = {"left": "la", "center": "ma", "right": "ra"}[element.align]
            draw.text((x, y), content, font=face, fill=raster.BLACK, anchor=anchor)
        elif element.type == "barcode":
            value = text.barcode_value(fill(element.value, fields))
            module = max(1, round((element.module or 0.35) * scale))
            bars = raster.code128_image(value, module, round((element.height or 15) * scale))
            raster.overprint(paper, bars, x, y)
        elif element.type == "qr":
            value = text.barcode_value(fill(element.value, fields))
            module = max(1, round((element.module or 1.5) * scale))
            raster.overprint(paper, raster.qr_image(value, module), x, y)
        elif element.type == "logo":
            with Image.open(resource_dir() / element.image) as source:
                logo = source.convert("L")
            logo.thumbnail((round(element.width * scale), round(element.height * scale)))
            raster.overprint(paper, raster.bilevel(logo), x, y)
        elif element.type == "line":
            width = max(1, round(element.thickness * scale))
            end = (round(element.x2 * scale), round(element.y2 * scale))
            draw.line((x, y, *end), fill=raster.BLACK, width=width)
        elif element.type == "box":
            width = max(1, round(element.thickness * scale))
            box = (x, y, x + round(element.width * scale), y + round(element.height * scale))
            draw.rectangle(box, outline=raster.BLACK, width=width)
    return paper


def home_ticket(ticket: TicketData, layout: Layout | None = None) -> Image.Image:
    layout = layout or builtin("ticket-a4")
    return _draw_positioned(layout, data.ticket_fields(ticket, layout.language), PREVIEW_DPI)
