"""Replaying Boca FGL bytes onto ticket stock: what an FGL46 printer would print, as images.

The FGL simulator feeds everything it receives through an `FglReplay`; so does the preview of a
rendered ticket. It understands positioning, resident fonts and sizes, rotation, Code 128 (and
marks other symbologies), QR, ``<G>`` graphics, lines and boxes, ``<p>``/``<q>``/FF/GS print
commands and the status requests, and counts every lower-case command other than
``<p> <q> <n> <t>`` as a flash write (a test asserts our tickets make none). Unknown commands
are recorded, never fatal. Bytes may arrive in any chunks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PIL import Image, ImageDraw

from printing import raster
from printing.fgl import FONTS

FF, GS_BYTE, CR, LF = 0x0C, 0x1D, 0x0D, 0x0A
ALLOWED_LOWER = frozenset({"p", "q", "n", "t", "z"})
_BARCODE = re.compile(r"^([A-Z])([PL])(\d+)$")
_ROTATION = {"NR": 0, "RR": 90, "RU": 180, "RL": 270}
MAX_COMMAND = 64  # no FGL command is longer: a missing '>' is garbage, not a long command


@dataclass(frozen=True, slots=True)
class FglEvent:
    kind: str  # "status" (<S1>), "prom" (<S2>), "printed" (value 1 = cut), "unknown"
    value: int = 0
    data: bytes = b""


@dataclass
class FglReplay:
    columns: int = 1050
    rows: int = 384
    pages: list[Image.Image] = field(default_factory=list)
    unknown: list[bytes] = field(default_factory=list)
    flash_writes: list[bytes] = field(default_factory=list)
    _buffer: bytearray = field(default_factory=bytearray)
    _page: Image.Image | None = None
    _row: int = 0
    _col: int = 0
    _line_col: int = 0
    _font: int = 3
    _height: int = 1
    _width: int = 1
    _rotation: int = 0
    _thickness: int = 1
    _module: int = 2
    _interpret: bool = False
    _pending_barcode: str = ""
    _pending_qr: int = 0
    _copies: int = 0
    _marked: bool = False

    # --- public --------------------------------------------------------------------------

    def feed(self, data: bytes) -> list[FglEvent]:
        self._buffer += data
        events: list[FglEvent] = []
        while self._buffer:
            used = self._step(events)
            if used == 0:
                break
            del self._buffer[:used]
        return events

    def finish(self) -> Image.Image | None:
        """A ticket that was composed but never given a print command."""
        if not self._marked or self._page is None:
            return None
        page, self._page = self._page, None
        return page

    # --- parsing -----------------------------------------------------------------------

    def _paper(self) -> Image.Image:
        if self._page is None:
            self._page = raster.page(self.columns, self.rows)
        return self._page

    def _step(self, events: list[FglEvent]) -> int:
        buf = self._buffer
        first = buf[0]
        if self._pending_barcode and first != ord("<"):
            return self._barcode_data(events)
        if self._pending_qr:
            return self._qr_data(events)
        if first == ord("<"):
            end = buf.find(b">", 1, MAX_COMMAND + 2)
            if end < 0:
                if len(buf) <= MAX_COMMAND + 1:
                    return 0
                self._unknown(events, bytes(buf[:1]))
                return 1
            command = bytes(buf[1:end]).decode("latin-1")
            if command.startswith("G") and command[1:].isdigit():
                count = int(command[1:])
                size = end + 1 + count
                if len(buf) < size:
                    return 0
                self._graphics(bytes(buf[end + 1 : size]))
                return size
            self._command(command, events)
            return end + 1
        if first in (FF, GS_BYTE):
            self._print(events, cut=first == FF)
            return 1
        if first in (CR, LF):
            font = FONTS.get(self._font)
            self._row += (font.cell_height if font else 33) * self._height
            self._col = self._line_col
            return 1
        if first < 0x20:
            self._unknown(events, bytes([first]))
            return 1
        end = 1
        while end < len(buf) and buf[end] >= 0x20 and buf[end] != ord("<"):
            end += 1
        self._text(bytes(buf[:end]))
        return end

    def _unknown(self, events: list[FglEvent], data: bytes) -> None:
        self.unknown.append(data)
        events.append(FglEvent("unknown", 0, data))

    def _command(self, command: str, events: list[FglEvent]) -> None:
        if command in ("p", "q", "z"):
            self._print(events, cut=command != "q")
            return
        if command[:1].islower():
            name = command.rstrip("0123456789,")
            if name not in ALLOWED_LOWER:
                self.flash_writes.append(command.encode("latin-1"))
            return
        if command == "S1":
            events.append(FglEvent("status", 1))
            return
        if command == "S2":
            events.append(FglEvent("prom", 2))
            return
        if command in _ROTATION:
            self._rotation = _ROTATION[command]
            return
        numbers = [int(n) for n in re.findall(r"\d+", command)]
        head = command.rstrip("0123456789,")
        if head == "RC" and len(numbers) == 2:
            self._row, self._col = numbers
            self._line_col = self._col
        elif head == "F" and numbers:
            self._font = numbers[0]
        elif head == "HW" and len(numbers) == 2:
            self._height, self._width = max(1, numbers[0]), max(1, numbers[1])
        elif head == "LT" and numbers:
            self._thickness = max(1, numbers[0])
        elif head == "X" and numbers:
            self._module = max(1, numbers[0])
        elif head == "BI":
            self._interpret = True
        elif head == "HX" and numbers:
            self._line(numbers[0], horizontal=True)
        elif head == "VX" and numbers:
            self._line(numbers[0], horizontal=False)
        elif head == "BX" and len(numbers) == 2:
            self._box(numbers[0], numbers[1])
        elif head == "QR":
            self._pending_qr = min(16, max(3, numbers[0] if numbers else 6))
        elif head == "RE" and numbers:
            self._copies = numbers[0]
        elif _BARCODE.match(command):
            match = _BARCODE.match(command)
            assert match is not None
            self._pending_barcode = command
        elif head in ("TRE", "TRD", "TT", "EI", "DI", "S3", "CB"):
            pass  # accepted, no visible effect in this simulation
        else:
            self._unknown(events, b"<" + command.encode("latin-1") + b">")

    def _barcode_data(self, events: list[FglEvent]) -> int:
        buf = self._buffer
        command, self._pending_barcode = self._pending_barcode, ""
        delimiter = buf[0]
        if delimiter not in (ord("^"), ord("*")):
            self._unknown(events, b"barcode without data")
            return self._step(events)
        end = buf.find(bytes([delimiter]), 1, 200)
        if end < 0:
            if len(buf) < 200:
                self._pending_barcode = command
                return 0
            self._unknown(events, b"unterminated barcode")
            return 1
        value = bytes(buf[1:end]).decode("ascii", "replace")
        match = _BARCODE.match(command)
        assert match is not None
        symbology, orientation, units = match.groups()
        self._draw_barcode(value, symbology, orientation, int(units) * 8)
        return end + 1

    def _qr_data(self, events: list[FglEvent]) -> int:
        buf = self._buffer
        module, self._pending_qr = self._pending_qr, 0
        if buf[0] != ord("{"):
            self._unknown(events, b"QR code without data")
            return self._step(events)
        end = buf.find(b"}", 1, 1000)
        if end < 0:
            if len(buf) < 1000:
                self._pending_qr = module
                return 0
            return 1
        value = bytes(buf[1:end]).decode("latin-1")
        self._marked = True
        raster.overprint(self._paper(), raster.qr_image(value, module), self._col, self._row)
        return end + 1

    # --- drawing -----------------------------------------------------------------------

    def _text(self, data: bytes) -> None:
        font = FONTS.get(self._font)
        cell_w, cell_h = (font.cell_width, font.cell_height) if font else (20, 33)
        content = data.decode("cp858", "replace")
        strip = raster.text_strip(content, cell_w, cell_h)
        if self._width > 1 or self._height > 1:
            strip = strip.resize(
                (strip.width * self._width, strip.height * self._height),
                Image.Resampling.NEAREST,
            )
        self._marked = True
        raster.paste_rotated(self._paper(), strip, self._col, self._row, self._rotation)
        advance = strip.width
        if self._rotation == 0:
            self._col += advance
        elif self._rotation == 90:
            self._row += advance
        elif self._rotation == 180:
            self._col -= advance
        else:
            self._row -= advance

    def _graphics(self, data: bytes) -> None:
        paper = self._paper()
        self._marked = True
        for offset, byte in enumerate(data):
            x = self._col + offset
            if not byte or x >= paper.width:
                continue
            for bit in range(8):
                y = self._row + bit
                if byte & (0x80 >> bit) and y < paper.height:
                    paper.putpixel((x, y), raster.BLACK)

    def _draw_barcode(self, value: str, symbology: str, orientation: str, height: int) -> None:
        self._marked = True
        if symbology != "O":
            self.unknown.append(f"barcode {symbology} not simulated".encode("ascii"))
            return
        try:
            bars = raster.code128_image(value, self._module, height)
        except Exception:
            self.unknown.append(b"bad code 128 value")
            return
        if self._interpret:
            label = raster.text_strip(value, 12, 20)
            both = raster.page(max(bars.width, label.width), bars.height + label.height + 2)
            both.paste(bars, (0, 0))
            both.paste(label, ((both.width - label.width) // 2, bars.height + 2))
            bars = both
        rotation = 90 if orientation == "L" else 0
        raster.paste_rotated(self._paper(), bars, self._col, self._row, rotation)

    def _line(self, length: int, horizontal: bool) -> None:
        draw = ImageDraw.Draw(self._paper())
        self._marked = True
        t = self._thickness
        if horizontal:
            draw.rectangle(
                (self._col, self._row, self._col + length - 1, self._row + t - 1), fill=raster.BLACK
            )
        else:
            draw.rectangle(
                (self._col, self._row, self._col + t - 1, self._row + length - 1), fill=raster.BLACK
            )

    def _box(self, rows: int, cols: int) -> None:
        draw = ImageDraw.Draw(self._paper())
        self._marked = True
        for i in range(self._thickness):
            draw.rectangle(
                (self._col + i, self._row + i, self._col + cols - 1 - i, self._row + rows - 1 - i),
                outline=raster.BLACK,
            )

    def _print(self, events: list[FglEvent], cut: bool) -> None:
        page = self._paper()
        for _ in range(1 + self._copies):
            self.pages.append(page.copy())
        self._page = None
        self._marked = False
        self._row = self._col = self._line_col = 0
        self._font, self._height, self._width, self._rotation = 3, 1, 1, 0
        self._thickness, self._module, self._interpret, self._copies = 1, 2, False, 0
        events.append(FglEvent("printed", 1 if cut else 0))


def replay(data: bytes, columns: int = 1050, rows: int = 384) -> list[Image.Image]:
    machine = FglReplay(columns=columns, rows=rows)
    machine.feed(data)
    rest = machine.finish()
    return machine.pages + ([rest] if rest is not None else [])
