"""Replaying ESC/POS bytes onto paper: what a TM-T88-class printer would print, as images.

The ESC/POS simulator feeds every byte it receives through an `EscPosReplay`; the preview of a
rendered receipt does the same. It understands the subset our renderer and python-escpos
emit (text and print modes, code pages, alignment, raster images, Code 128, native QR, cuts)
plus what a real printer must tolerate (status queries, drawer kicks, chained displays), and
reports the rest as unknown instead of failing: garbage in gives odd paper, never a crash.
Bytes may arrive in any chunks: an incomplete command waits for the next `feed`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image

from printing import raster

ESC, GS, DLE, LF, CR, FS = 0x1B, 0x1D, 0x10, 0x0A, 0x0D, 0x1C

CODE_PAGES = {0: "cp437", 2: "cp850", 16: "cp1252", 19: "cp858", 40: "iso8859_15"}
CELL_A = (12, 24)
CELL_B = (9, 17)
# Parameter bytes of ESC commands we only need to step over.
_ESC_PARAMS = {
    ord(c): n
    for c, n in {
        "@": 0, "t": 1, "=": 1, "!": 1, "E": 1, "-": 1, "a": 1, "M": 1, "d": 1, "J": 1,
        "2": 0, "3": 1, "p": 3, "{": 1, "G": 1, "V": 1, " ": 1, "r": 1, "R": 1, "c": 2,
        "e": 1, "U": 1, "$": 2, "\\": 2, "D": 0, "i": 0, "m": 0, "S": 0, "L": 0, "T": 1,
    }.items()
}  # fmt: skip
_GS_PARAMS = {
    ord(c): n
    for c, n in {
        "!": 1, "B": 1, "h": 1, "w": 1, "H": 1, "f": 1, "L": 2, "W": 2, "a": 1, "r": 1,
        "b": 1, "V": 1, "I": 1, "P": 2, "$": 2, "\\": 2,
    }.items()
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class ReplayEvent:
    kind: str  # "status" (DLE EOT n), "sensor" (GS r n), "drawer", "cut", "unknown"
    value: int = 0
    data: bytes = b""


@dataclass
class _Style:
    align: int = 0
    bold: bool = False
    underline: bool = False
    width: int = 1
    height: int = 1
    font_b: bool = False


@dataclass
class _Barcode:
    height: int = 162
    module: int = 3
    hri: int = 0


@dataclass
class EscPosReplay:
    width: int = 512
    pages: list[Image.Image] = field(default_factory=list)
    unknown: list[bytes] = field(default_factory=list)
    _buffer: bytearray = field(default_factory=bytearray)
    _strips: list[Image.Image] = field(default_factory=list)
    _line: list[tuple[bytes, _Style]] = field(default_factory=list)
    _style: _Style = field(default_factory=_Style)
    _codec: str = "cp437"
    _display: bool = False
    _barcode: _Barcode = field(default_factory=_Barcode)
    _qr_data: bytes = b""
    _qr_module: int = 3
    _spacing: int = 30

    # --- public --------------------------------------------------------------------------

    def feed(self, data: bytes) -> list[ReplayEvent]:
        self._buffer += data
        events: list[ReplayEvent] = []
        while self._buffer:
            used = self._step(events)
            if used == 0:
                break  # an incomplete command: wait for more bytes
            del self._buffer[:used]
        return events

    def finish(self) -> Image.Image | None:
        """The paper printed since the last cut (a job that ended without one)."""
        self._print_line(force=False)
        if not self._strips:
            return None
        return self._compose()

    @property
    def pending(self) -> int:
        return len(self._buffer)

    # --- parsing -----------------------------------------------------------------------

    def _step(self, events: list[ReplayEvent]) -> int:
        buf = self._buffer
        first = buf[0]
        if first == DLE:
            return self._dle(events)
        if first == ESC:
            return self._esc(events)
        if first == GS:
            return self._gs(events)
        if first == LF:
            self._print_line(force=True)
            return 1
        if first == CR or first == 0x00:
            return 1
        if first == FS:
            return 2 if len(buf) >= 2 else 0
        if first < 0x20 or first == 0x7F:
            self.unknown.append(bytes([first]))
            events.append(ReplayEvent("unknown", first, bytes([first])))
            return 1
        end = 1
        while end < len(buf) and buf[end] >= 0x20 and buf[end] != 0x7F:
            end += 1
        if not self._display:
            self._line.append((bytes(buf[:end]), _copy(self._style)))
        return end

    def _dle(self, events: list[ReplayEvent]) -> int:
        buf = self._buffer
        if len(buf) < 3:
            return 0
        if buf[1] == 0x04:
            events.append(ReplayEvent("status", buf[2]))
            return 3
        if buf[1] == 0x14:  # DLE DC4 fn m t: real-time pulse
            if len(buf) < 5:
                return 0
            events.append(ReplayEvent("drawer", buf[3]))
            return 5
        if buf[1] == 0x05:  # DLE ENQ n: real-time request, no reply
            return 3
        events.append(ReplayEvent("unknown", DLE, bytes(buf[:2])))
        self.unknown.append(bytes(buf[:2]))
        return 2

    def _esc(self, events: list[ReplayEvent]) -> int:
        buf = self._buffer
        if len(buf) < 2:
            return 0
        command = buf[1]
        if command == ord("*"):  # ESC * m nL nH data: column image, stepped over
            if len(buf) < 5:
                return 0
            count = (buf[3] + 256 * buf[4]) * (1 if buf[2] in (0, 1) else 3)
            return 5 + count if len(buf) >= 5 + count else 0
        params = _ESC_PARAMS.get(command)
        if params is None:
            events.append(ReplayEvent("unknown", command, bytes(buf[:2])))
            self.unknown.append(bytes(buf[:2]))
            return 2
        if len(buf) < 2 + params:
            return 0
        args = buf[2 : 2 + params]
        style = self._style
        if command == ord("@"):
            self._style = _Style()
            self._codec = "cp437"
            self._spacing = 30
            self._display = False
        elif command == ord("t"):
            self._codec = CODE_PAGES.get(args[0], "cp437")
        elif command == ord("="):
            self._display = args[0] == 2
        elif command == ord("!"):
            mode = args[0]
            style.font_b = bool(mode & 0x01)
            style.bold = bool(mode & 0x08)
            style.height = 2 if mode & 0x10 else 1
            style.width = 2 if mode & 0x20 else 1
            style.underline = bool(mode & 0x80)
        elif command == ord("E"):
            style.bold = bool(args[0] & 1)
        elif command == ord("-"):
            style.underline = args[0] not in (0, 48)
        elif command == ord("a"):
            style.align = {0: 0, 1: 1, 2: 2, 48: 0, 49: 1, 50: 2}.get(args[0], 0)
        elif command == ord("M"):
            style.font_b = args[0] in (1, 49)
        elif command == ord("d"):
            self._print_line(force=False)
            self._strips.append(raster.page(self.width, self._spacing * args[0]))
        elif command == ord("J"):
            self._print_line(force=False)
            self._strips.append(raster.page(self.width, args[0]))
        elif command == ord("2"):
            self._spacing = 30
        elif command == ord("3"):
            self._spacing = max(args[0], 1)
        elif command == ord("p"):
            events.append(ReplayEvent("drawer", args[0]))
        return 2 + params

    def _gs(self, events: list[ReplayEvent]) -> int:
        buf = self._buffer
        if len(buf) < 2:
            return 0
        command = buf[1]
        if command == ord("V"):
            if len(buf) < 3:
                return 0
            size = 4 if buf[2] in (65, 66, 97, 98, 103, 104) else 3
            if len(buf) < size:
                return 0
            self._cut(events)
            return size
        if command == ord("v"):  # GS v 0 m xL xH yL yH data
            if len(buf) < 8:
                return 0
            width_bytes = buf[4] + 256 * buf[5]
            height = buf[6] + 256 * buf[7]
            size = 8 + width_bytes * height
            if len(buf) < size:
                return 0
            self._raster(bytes(buf[8:size]), width_bytes, height)
            return size
        if command == ord("("):  # GS ( k / GS ( L pL pH ...
            if len(buf) < 5:
                return 0
            length = buf[3] + 256 * buf[4]
            size = 5 + length
            if len(buf) < size:
                return 0
            if buf[2] == ord("k"):
                self._two_d(bytes(buf[5:size]))
            return size
        if command == ord("k"):
            return self._barcode_command()
        params = _GS_PARAMS.get(command)
        if params is None:
            events.append(ReplayEvent("unknown", command, bytes(buf[:2])))
            self.unknown.append(bytes(buf[:2]))
            return 2
        if len(buf) < 2 + params:
            return 0
        args = buf[2 : 2 + params]
        if command == ord("!"):
            self._style.width = min((args[0] >> 4) + 1, 8)
            self._style.height = min((args[0] & 0x0F) + 1, 8)
        elif command == ord("h"):
            self._barcode.height = max(args[0], 1)
        elif command == ord("w"):
            self._barcode.module = min(max(args[0], 1), 6)
        elif command == ord("H"):
            self._barcode.hri = args[0] % 48 if args[0] >= 48 else args[0]
        elif command == ord("r"):
            events.append(ReplayEvent("sensor", args[0]))
        return 2 + params

    def _barcode_command(self) -> int:
        buf = self._buffer
        if len(buf) < 3:
            return 0
        kind = buf[2]
        if kind >= 65:  # function B: GS k m n data
            if len(buf) < 4:
                return 0
            size = 4 + buf[3]
            if len(buf) < size:
                return 0
            payload = bytes(buf[4:size])
            if kind == 73 and payload[:1] == b"{" and len(payload) >= 2:
                payload = payload[2:]
            self._draw_barcode(payload.decode("ascii", "replace"))
            return size
        end = buf.find(b"\x00", 3)  # function A: NUL-terminated
        if end < 0:
            return 0
        self._draw_barcode(bytes(buf[3:end]).decode("ascii", "replace"))
        return end + 1

    # --- drawing -----------------------------------------------------------------------

    def _aligned(self, image: Image.Image, align: int) -> Image.Image:
        strip = raster.page(self.width, image.height)
        left = 0 if align == 0 else (self.width - image.width) // (2 if align == 1 else 1)
        raster.overprint(strip, image, max(left, 0), 0)
        return strip

    def _print_line(self, force: bool) -> None:
        if not self._line:
            if force:
                self._strips.append(raster.page(self.width, self._spacing))
            return
        pieces = []
        for chunk, style in self._line:
            cell = CELL_B if style.font_b else CELL_A
            decoded = chunk.decode(self._codec, "replace")
            piece = raster.text_strip(decoded, cell[0], cell[1], style.bold)
            if style.width > 1 or style.height > 1:
                piece = piece.resize(
                    (piece.width * style.width, piece.height * style.height),
                    Image.Resampling.NEAREST,
                )
            if style.underline:
                for x in range(piece.width):
                    piece.putpixel((x, piece.height - 2), raster.BLACK)
            pieces.append(piece)
        height = max(p.height for p in pieces)
        line = raster.page(sum(p.width for p in pieces), height)
        left = 0
        for piece in pieces:
            raster.overprint(line, piece, left, height - piece.height)
            left += piece.width
        if line.width > self.width:
            line = line.crop((0, 0, self.width, height))
        self._strips.append(self._aligned(line, self._line[0][1].align))
        gap = max(self._spacing - CELL_A[1], 0)
        if gap:
            self._strips.append(raster.page(self.width, gap))
        self._line = []

    def _raster(self, data: bytes, width_bytes: int, height: int) -> None:
        self._print_line(force=False)
        image = Image.frombytes("1", (width_bytes * 8, height), data)
        image = image.point(lambda v: 0 if v else 255, mode="L").convert("1")  # 1 = black
        self._strips.append(self._aligned(image, self._style.align))

    def _draw_barcode(self, value: str) -> None:
        self._print_line(force=False)
        try:
            bars = raster.code128_image(value, self._barcode.module, self._barcode.height)
        except Exception:
            self.unknown.append(value.encode("ascii", "replace"))
            return
        self._strips.append(self._aligned(bars, self._style.align))
        if self._barcode.hri in (2, 3):
            label = raster.text_strip(value, *CELL_A)
            self._strips.append(self._aligned(label, self._style.align))

    def _two_d(self, body: bytes) -> None:
        if len(body) < 2 or body[0] != ord("1"):
            return
        function = body[1]
        if function == 67 and len(body) >= 3:
            self._qr_module = max(1, min(body[2], 16))
        elif function == 80:
            self._qr_data = body[3:]
        elif function == 81 and self._qr_data:
            self._print_line(force=False)
            value = self._qr_data.decode("utf-8", "replace")
            self._strips.append(
                self._aligned(raster.qr_image(value, self._qr_module), self._style.align)
            )

    def _cut(self, events: list[ReplayEvent]) -> None:
        self._print_line(force=False)
        if self._strips:
            self.pages.append(self._compose())
        events.append(ReplayEvent("cut"))

    def _compose(self) -> Image.Image:
        margin = 8
        height = sum(s.height for s in self._strips) + 2 * margin
        paper = raster.page(self.width, height)
        top = margin
        for strip in self._strips:
            paper.paste(strip, (0, top))
            top += strip.height
        self._strips = []
        return paper


def _copy(style: _Style) -> _Style:
    return _Style(style.align, style.bold, style.underline, style.width, style.height, style.font_b)


def replay(data: bytes, width: int = 512) -> list[Image.Image]:
    """Every page the bytes print (one per cut, plus what is left uncut)."""
    machine = EscPosReplay(width=width)
    machine.feed(data)
    rest = machine.finish()
    return machine.pages + ([rest] if rest is not None else [])
