"""PDF with reportlab: print-at-home tickets (A4, one per page), receipts and report pages.

Pure functions returning the PDF's bytes. Documents are built with reportlab's *invariant*
mode (no creation date, fixed document id), so the same input gives the same bytes and the
tests compare them. Text uses Bitstream Vera (shipped inside reportlab) so "Œdipe" and "€"
print, and barcodes are drawn as rectangles from the same module patterns as the thermal
printers' (Code 128 and QR), sharp at any zoom and scannable from a phone screen. Nothing here
writes files: callers decide where the bytes go.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from functools import cache

from PIL import Image
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from printing import data, flow, raster, text
from printing.data import ReceiptData, ReportPage, TicketData
from printing.errors import LayoutError, RenderError
from printing.layouts import Element, Layout, builtin, fill, resource_dir

FONT_POINTS = {"small": 8.0, "normal": 11.0, "large": 15.0, "huge": 22.0}
MIN_POINTS = 6.0  # text shrinks to fit its width down to this size, then is condensed
SANS, SANS_BOLD, MONO = "GuichetSans", "GuichetSans-Bold", "Courier"
RECEIPT_WIDTH_MM = 80.0
RECEIPT_COLUMNS = 42


@cache
def _register_fonts() -> None:
    pdfmetrics.registerFont(TTFont(SANS, str(raster.font_path(False))))
    pdfmetrics.registerFont(TTFont(SANS_BOLD, str(raster.font_path(True))))


@cache
def _image(name: str) -> ImageReader:
    path = resource_dir() / name
    if not path.exists():
        raise LayoutError(f"no image {name!r} in resources/printing")
    with Image.open(path) as source:
        return ImageReader(source.convert("RGB"))


def _canvas(buffer: io.BytesIO, width: float, height: float, title: str) -> Canvas:
    _register_fonts()
    canvas = Canvas(buffer, pagesize=(width, height), invariant=1, pageCompression=1)
    canvas.setTitle(title)
    canvas.setCreator("Guichet")
    return canvas


def _modules(canvas: Canvas, pattern: str, x: float, y: float, module: float, h: float) -> None:
    """Bars of a Code 128 pattern, left edge at x, bottom at y (PDF coordinates)."""
    run_start = -1
    for index, bit in enumerate(pattern + "0"):
        if bit == "1" and run_start < 0:
            run_start = index
        elif bit == "0" and run_start >= 0:
            canvas.rect(x + run_start * module, y, (index - run_start) * module, h, 0, 1)
            run_start = -1


def _qr(canvas: Canvas, value: str, x: float, top: float, module: float) -> None:
    matrix = raster.qr_matrix(value)
    for row_index, row in enumerate(matrix):
        y = top - (row_index + 1) * module
        for col_index, dark in enumerate(row):
            if dark:
                canvas.rect(x + col_index * module, y, module, module, 0, 1)


def _element(canvas: Canvas, element: Element, fields: Mapping[str, str], page_h: float) -> None:
    x, top = element.x * mm, page_h - element.y * mm
    kind = element.type
    if kind == "text":
        content = text.clean(fill(element.text, fields))
        if not content:
            return
        font = SANS_BOLD if element.bold else SANS
        size = FONT_POINTS[element.font]
        condense = 1.0
        if element.max_width is not None:
            limit = element.max_width * mm
            while size > MIN_POINTS and pdfmetrics.stringWidth(content, font, size) > limit:
                size -= 0.5
            # still too wide at the smallest size: narrower letters, never a cut text
            condense = min(1.0, limit / pdfmetrics.stringWidth(content, font, size))
        canvas.saveState()
        canvas.setFont(font, size)
        canvas.translate(x, top)
        canvas.rotate(-element.rotation)
        if condense < 1.0:
            canvas.scale(condense, 1.0)
        baseline = -size * 0.8
        if element.align == "center":
            canvas.drawCentredString(0, baseline, content)
        elif element.align == "right":
            canvas.drawRightString(0, baseline, content)
        else:
            canvas.drawString(0, baseline, content)
        canvas.restoreState()
    elif kind == "barcode":
        value = text.barcode_value(fill(element.value, fields))
        height = (element.height or 15) * mm
        module = (element.module or 0.35) * mm
        pattern = raster.code128_modules(value)
        _modules(canvas, pattern, x, top - height, module, height)
        if element.human_readable:
            canvas.setFont(SANS, 8)
            canvas.drawCentredString(x + len(pattern) * module / 2, top - height - 9, value)
    elif kind == "qr":
        value = text.barcode_value(fill(element.value, fields))
        _qr(canvas, value, x, top, (element.module or 1.5) * mm)
    elif kind == "logo":
        reader = _image(element.image)
        w, h = element.width * mm, element.height * mm
        canvas.drawImage(reader, x, top - h, w, h, preserveAspectRatio=True, anchor="nw")
    elif kind == "line":
        canvas.setLineWidth(element.thickness * mm)
        canvas.line(x, top, element.x2 * mm, page_h - element.y2 * mm)
    elif kind == "box":
        canvas.setLineWidth(element.thickness * mm)
        canvas.rect(x, top - element.height * mm, element.width * mm, element.height * mm, 1, 0)


def _positioned_page(canvas: Canvas, layout: Layout, fields: Mapping[str, str]) -> None:
    if layout.unit != "mm":
        raise LayoutError(f"layout {layout.name} is not in millimetres; PDF needs an A4 layout")
    page_h = layout.height * mm
    for element in layout.elements:
        if element.when and not fields.get(element.when):
            continue
        _element(canvas, element, fields, page_h)


def render_tickets(tickets: Sequence[TicketData], layout: Layout | None = None) -> bytes:
    """Print-at-home tickets: one A4 page per ticket."""
    if not tickets:
        raise RenderError("no ticket to print")
    layout = layout or builtin("ticket-a4")
    if not layout.positioned:
        raise LayoutError(f"layout {layout.name} is a flow layout; PDF tickets need a page")
    pages = [data.ticket_fields(t, layout.language) for t in tickets]  # refuse before drawing
    buffer = io.BytesIO()
    canvas = _canvas(buffer, layout.width * mm, layout.height * mm, tickets[0].event)
    for fields in pages:
        _positioned_page(canvas, layout, fields)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _flow_pdf(items: list[flow.Item], title: str) -> bytes:
    size, leading = 8.5, 11.0
    char = pdfmetrics.stringWidth("M", MONO, size)
    margin = (RECEIPT_WIDTH_MM * mm - char * RECEIPT_COLUMNS) / 2
    heights = []
    for item in items:
        if isinstance(item, flow.Line):
            heights.append(leading * (2 if item.size in ("tall", "double") else 1))
        elif item.kind == "logo":
            heights.append(24 * mm)
        elif item.kind == "barcode":
            heights.append(18 * mm)
        elif item.kind == "qr":
            heights.append(30 * mm)
        elif item.kind == "feed":
            heights.append(leading * item.size)
        else:
            heights.append(0)
    page_h = sum(heights) + 20 * mm
    buffer = io.BytesIO()
    canvas = _canvas(buffer, RECEIPT_WIDTH_MM * mm, page_h, title)
    width = RECEIPT_WIDTH_MM * mm
    top = page_h - 10 * mm
    for item, height in zip(items, heights, strict=True):
        if isinstance(item, flow.Line):
            scale = 2 if item.size in ("wide", "double") else 1
            font = "Courier-Bold" if item.bold else MONO
            canvas.setFont(font, size * (2 if item.size in ("tall", "double") else 1))
            line_width = pdfmetrics.stringWidth(item.text, font, size) * scale
            if item.align == "center":
                x = (width - line_width) / 2
            elif item.align == "right":
                x = width - margin - line_width
            else:
                x = margin
            canvas.saveState()
            canvas.translate(x, top - height + 3)
            canvas.scale(scale / (2 if item.size in ("tall", "double") else 1), 1)
            canvas.drawString(0, 0, text.fold(item.text, "cp1252"))
            canvas.restoreState()
        elif item.kind == "logo":
            logo_w = 40 * mm
            canvas.drawImage(
                _image(item.value),
                (width - logo_w) / 2,
                top - 22 * mm,
                logo_w,
                20 * mm,
                preserveAspectRatio=True,
            )
        elif item.kind == "barcode":
            pattern = raster.code128_modules(item.value)
            module = min(0.33 * mm, (width - 2 * margin) / len(pattern))
            left = (width - module * len(pattern)) / 2
            _modules(canvas, pattern, left, top - 13 * mm, module, 12 * mm)
            canvas.setFont(MONO, 7)
            canvas.drawCentredString(width / 2, top - 17 * mm, item.value)
        elif item.kind == "qr":
            module = 25 * mm / len(raster.qr_matrix(item.value))
            _qr(canvas, item.value, (width - 25 * mm) / 2, top - 2 * mm, module)
        top -= height
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _cp1252(content: str) -> str:
    return text.fold(content, "cp1252")


def render_receipt(receipt: ReceiptData, layout: Layout | None = None) -> bytes:
    """A receipt as an 80 mm wide PDF page (for e-mail or a shared office printer)."""
    layout = layout or builtin("receipt-80mm")
    fields = data.receipt_fields(receipt, layout.language)
    items = flow.compose(layout, fields, receipt, RECEIPT_COLUMNS, _cp1252)
    return _flow_pdf(items, f"{receipt.organizer} {receipt.receipt_number}")


def _report_row(
    canvas: Canvas,
    page: ReportPage,
    starts: list[float],
    right: float,
    cells: Sequence[str],
    bold: bool,
    y: float,
) -> None:
    columns = len(starts)
    canvas.setFont(SANS_BOLD if bold else SANS, 10)
    for index, cell in enumerate(cells[:columns]):
        content = text.clean(cell)
        if index in page.numeric_columns:
            end = starts[index + 1] - 3 * mm if index + 1 < columns else right
            canvas.drawRightString(end, y, content)
        else:
            canvas.drawString(starts[index], y, content)


def render_report(pages: Sequence[ReportPage], layout: Layout | None = None) -> bytes:
    """Report pages on A4: the layout's header, then the table; long tables continue."""
    if not pages:
        raise RenderError("no report page to print")
    layout = layout or builtin("report-a4")
    buffer = io.BytesIO()
    canvas = _canvas(buffer, layout.width * mm, layout.height * mm, pages[0].title)
    page_h = layout.height * mm
    for page in pages:
        fields = data.report_fields(page)
        _positioned_page(canvas, layout, fields)
        columns = max(len(page.columns), 1)
        left, right = 15 * mm, (layout.width - 15) * mm
        first = (right - left) * 0.46
        other = (right - left - first) / max(columns - 1, 1)
        starts = [left] + [left + first + other * i for i in range(columns - 1)]
        y = page_h - 42 * mm

        _report_row(canvas, page, starts, right, page.columns, True, y)
        y -= 7 * mm
        for cells in page.rows:
            if y < 20 * mm:
                canvas.showPage()
                y = page_h - 20 * mm
            _report_row(canvas, page, starts, right, cells, False, y)
            y -= 6 * mm
        if page.totals:
            canvas.setLineWidth(0.5)
            canvas.line(left, y + 4 * mm, right, y + 4 * mm)
            _report_row(canvas, page, starts, right, page.totals, True, y - 1 * mm)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
