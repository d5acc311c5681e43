"""Flow layouts composed into lines of a fixed width: the shared step before ESC/POS bytes and
receipt PDFs.

`compose` walks a flow layout's blocks with a document's fields and returns plain items: text
lines already wrapped, paired and tabulated for the given number of columns, and the graphic
items (logo, barcode, QR, feed, cut) the output format draws its own way. ``fold`` turns text
into what the output can print (a code page), so widths are counted on what will be printed.
No bytes and no drawing here.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from printing import data, text
from printing.data import ReceiptData, ReportPage
from printing.errors import LayoutError
from printing.layouts import Layout, fill

Fold = Callable[[str], str]


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    align: str = "left"
    size: str = "normal"  # normal, wide, tall, double
    bold: bool = False


@dataclass(frozen=True, slots=True)
class Graphic:
    kind: str  # logo, barcode, qr, feed, cut
    value: str = ""
    size: int = 0  # logo width, barcode height, QR module, feed lines
    module: int = 0
    human_readable: bool = False


Item = Line | Graphic


def columns_for(size: str, columns: int) -> int:
    return columns // 2 if size in ("wide", "double") else columns


def _wrapped(content: str, width: int, fold: Fold) -> list[str]:
    lines: list[str] = []
    for paragraph in content.split("\n"):
        lines.extend(textwrap.wrap(fold(paragraph), width) or [""])
    return lines


def pair(left: str, right: str, width: int, fold: Fold) -> list[str]:
    left, right = fold(left), fold(right)
    room = width - len(right) - 1
    if room < 1:
        return [left[:width], right[:width].rjust(width)]
    if len(left) > room:
        left = left[: max(room - 1, 0)] + "."
    return [left.ljust(room) + " " + right]


def _table(source: str, document: object, width: int, language: str, fold: Fold) -> list[Line]:
    out: list[Line] = []
    if source == "receipt_lines" and isinstance(document, ReceiptData):
        for item in document.lines:
            out += [Line(t) for t in _wrapped(item.description, width, fold)]
            out += [
                Line(t)
                for t in pair(
                    f"  {item.quantity} x {text.money(item.unit_price, language)}",
                    text.money(item.amount, language),
                    width,
                    fold,
                )
            ]
    elif source == "vat" and isinstance(document, ReceiptData):
        out.append(Line(f"{'TVA':<8}{'HT':>12}{'TVA':>10}{'TTC':>12}"[:width]))
        for vat in data.vat_breakdown(document):
            row = (
                f"{data.rate_text(vat.rate, language):<8}"
                f"{text.money(vat.base, language):>12}"
                f"{text.money(vat.vat, language):>10}"
                f"{text.money(vat.gross, language):>12}"
            )
            out.append(Line(fold(row)[:width]))
    elif source == "payments" and isinstance(document, ReceiptData):
        for payment in document.payments:
            out += [
                Line(t)
                for t in pair(payment.method, text.money(payment.amount, language), width, fold)
            ]
    elif source == "report" and isinstance(document, ReportPage):
        out += _report(document, width, fold)
    else:
        raise LayoutError(f"table {source!r} does not fit a {type(document).__name__}")
    return out


def _report(page: ReportPage, width: int, fold: Fold) -> list[Line]:
    count = len(page.columns)
    if count == 0:
        return []
    others = max(8, (width // 2) // max(count - 1, 1)) if count > 1 else 0
    first = width - others * (count - 1)

    def row(cells: tuple[str, ...]) -> str:
        parts = []
        for index, cell in enumerate(cells[:count]):
            size = first if index == 0 else others
            cut = fold(cell)[: size - (0 if index == 0 else 1)]
            parts.append(cut.rjust(size) if index in page.numeric_columns else cut.ljust(size))
        return "".join(parts)[:width]

    lines = [Line(row(page.columns), bold=True)]
    lines += [Line(row(cells)) for cells in page.rows]
    if page.totals:
        lines.append(Line("-" * width))
        lines.append(Line(row(page.totals), bold=True))
    return lines


def compose(
    layout: Layout,
    fields: Mapping[str, str],
    document: object,
    columns: int,
    fold: Fold,
) -> list[Item]:
    if layout.positioned:
        raise LayoutError(f"layout {layout.name} is positioned; this output needs a flow layout")
    items: list[Item] = []
    for block in layout.blocks:
        if block.when and not fields.get(block.when):
            continue
        kind = block.type
        if kind == "text":
            width = columns_for(block.size, columns)
            items += [
                Line(t, block.align, block.size, block.bold)
                for t in _wrapped(fill(block.text, fields), width, fold)
            ]
        elif kind == "pair":
            width = columns_for(block.size, columns)
            items += [
                Line(t, "left", block.size, block.bold)
                for t in pair(fill(block.left, fields), fill(block.right, fields), width, fold)
            ]
        elif kind == "rule":
            items.append(Line(block.char * columns))
        elif kind == "feed":
            items.append(Graphic("feed", size=block.lines))
        elif kind == "logo":
            items.append(Graphic("logo", block.image, size=block.width or 192))
        elif kind == "barcode":
            value = text.barcode_value(fill(block.value, fields))
            items.append(
                Graphic("barcode", value, block.height, block.module or 2, block.human_readable)
            )
        elif kind == "qr":
            value = text.barcode_value(fill(block.value, fields))
            items.append(Graphic("qr", value, module=block.module or 6))
        elif kind == "table":
            items += _table(block.source, document, columns, layout.language, fold)
        elif kind == "cut":
            items.append(Graphic("cut"))
    return items
