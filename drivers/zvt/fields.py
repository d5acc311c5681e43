"""ZVT data fields: BCD numbers, LL/LLL variable lengths, BMP fields and BER-TLV containers.

Pure functions over bytes, for both sides of the line (the driver and the simulator). Every
parser raises only `drivers.errors.ProtocolError` on bytes that do not follow PA00P015; none of
them sends or reads anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from drivers.errors import ProtocolError

# --- BCD ------------------------------------------------------------------------------------


def bcd_encode(value: int, size: int) -> bytes:
    """``value`` as ``size`` bytes of packed BCD, most significant digit first."""
    if value < 0:
        raise ValueError("BCD holds no negative numbers")
    digits = f"{value:0{size * 2}d}"
    if len(digits) > size * 2:
        raise ValueError(f"{value} does not fit in {size} BCD bytes")
    return bytes.fromhex(digits)


def bcd_decode(data: bytes) -> int:
    text = data.hex()
    if not text.isdigit():
        raise ProtocolError(f"not a BCD number: {data.hex(' ')}")
    return int(text) if text else 0


def display_digits(data: bytes) -> str:
    """BCD digits for people (a PAN on a screen); never raises.

    ``F`` nibbles pad the end, ``E`` nibbles stand for masked digits (shown ``*``), and any
    other non-decimal nibble is shown ``?``: such a field informs a person, it decides nothing.
    """
    text = data.hex().upper().rstrip("F")
    return "".join(c if c.isdigit() else "*" if c == "E" else "?" for c in text)


# --- LLVAR / LLLVAR -------------------------------------------------------------------------


def var_length_encode(length: int, digits: int) -> bytes:
    """The ``FxFy`` (LLVAR, digits=2) or ``FxFyFz`` (LLLVAR, digits=3) length prefix."""
    text = f"{length:0{digits}d}"
    if len(text) > digits:
        raise ValueError(f"length {length} does not fit an {'L' * digits}VAR field")
    return bytes(0xF0 | int(c) for c in text)


def var_length_decode(data: bytes, offset: int, digits: int) -> tuple[int, int]:
    """The length of an LL/LLLVAR field at ``offset`` and the offset of its data."""
    prefix = data[offset : offset + digits]
    if len(prefix) < digits:
        raise ProtocolError("variable-length field cut short")
    length = 0
    for byte in prefix:
        if byte & 0xF0 != 0xF0 or byte & 0x0F > 9:
            raise ProtocolError(f"bad variable-length prefix: {prefix.hex(' ')}")
        length = length * 10 + (byte & 0x0F)
    return length, offset + digits


# --- BMP fields -----------------------------------------------------------------------------

FIXED = "fixed"
LLVAR = "llvar"
LLLVAR = "lllvar"
TLV = "tlv"

# BMP number -> (kind, size for fixed fields). From the BMP summary of PA00P015.
BMP_FORMATS: dict[int, tuple[str, int]] = {
    0x01: (FIXED, 1),  # timeout
    0x02: (FIXED, 1),  # max. status infos
    0x03: (FIXED, 1),  # service byte
    0x04: (FIXED, 6),  # amount, BCD minor units
    0x05: (FIXED, 1),  # pump number
    0x06: (TLV, 0),  # TLV container
    0x0B: (FIXED, 3),  # trace number, BCD
    0x0C: (FIXED, 3),  # time HHMMSS, BCD
    0x0D: (FIXED, 2),  # date MMDD, BCD
    0x0E: (FIXED, 2),  # expiry YYMM, BCD
    0x17: (FIXED, 2),  # card sequence number, BCD
    0x19: (FIXED, 1),  # payment type / status byte
    0x22: (LLVAR, 0),  # PAN / EF_ID, BCD
    0x23: (LLVAR, 0),  # track 2
    0x24: (LLLVAR, 0),  # track 3
    0x27: (FIXED, 1),  # result code
    0x29: (FIXED, 4),  # terminal id, BCD
    0x2A: (FIXED, 15),  # VU number, ASCII
    0x2D: (LLVAR, 0),  # track 1
    0x2E: (FIXED, 10),  # sync chip data
    0x37: (FIXED, 3),  # original trace number, BCD
    0x3A: (FIXED, 2),  # CVV/CVC
    0x3B: (FIXED, 8),  # AID
    0x3C: (LLLVAR, 0),  # additional data / text
    0x3D: (FIXED, 3),  # password, BCD
    0x49: (FIXED, 2),  # currency code, BCD
    0x60: (LLLVAR, 0),  # individual totals (end-of-day)
    0x87: (FIXED, 2),  # receipt number, BCD
    0x88: (FIXED, 3),  # turnover record number, BCD
    0x8A: (FIXED, 1),  # card type
    0x8B: (LLVAR, 0),  # card name, ASCII
    0x8C: (FIXED, 1),  # card-type id of the network operator
    0x92: (LLLVAR, 0),  # additional data ec-Cash
    0x9A: (LLLVAR, 0),  # Geldkarte payment record
    0xA0: (FIXED, 1),  # result code AS
    0xA7: (LLVAR, 0),  # chip data
    0xAA: (FIXED, 3),  # date YYMMDD, BCD
    0xAF: (LLLVAR, 0),  # EF_Info
    0xBA: (FIXED, 5),  # AID parameter
    0xD0: (FIXED, 1),  # algorithm key
    0xD1: (LLVAR, 0),  # card offset / PIN data
    0xD2: (FIXED, 1),  # direct debit
    0xD3: (FIXED, 1),  # extended error code
    0xE0: (FIXED, 1),  # min. length of input
    0xF0: (FIXED, 1),  # display duration
}
for _bmp in range(0xE1, 0xEA):
    BMP_FORMATS[_bmp] = (LLVAR, 0)  # display lines with input
for _bmp in range(0xF1, 0xFA):
    BMP_FORMATS[_bmp] = (LLVAR, 0)  # display lines


@dataclass(frozen=True, slots=True)
class Bmp:
    number: int
    value: bytes  # without the BMP number and without any length prefix


def encode_bmp(number: int, value: bytes) -> bytes:
    try:
        kind, size = BMP_FORMATS[number]
    except KeyError:
        raise ValueError(f"unknown BMP {number:02X}") from None
    if kind == FIXED:
        if len(value) != size:
            raise ValueError(f"BMP {number:02X} takes {size} bytes, not {len(value)}")
        return bytes([number]) + value
    if kind == LLVAR:
        return bytes([number]) + var_length_encode(len(value), 2) + value
    if kind == LLLVAR:
        return bytes([number]) + var_length_encode(len(value), 3) + value
    return bytes([number]) + tlv_length_encode(len(value)) + value


def encode_bmps(fields: Iterable[tuple[int, bytes]]) -> bytes:
    return b"".join(encode_bmp(number, value) for number, value in fields)


def _next_bmp(data: bytes, offset: int) -> tuple[Bmp, int]:
    """The BMP field at ``offset`` and the offset after it; ProtocolError when it cannot be
    read (an unknown BMP number leaves the rest of the APDU impossible to split)."""
    number = data[offset]
    offset += 1
    try:
        kind, size = BMP_FORMATS[number]
    except KeyError:
        raise ProtocolError(f"unknown BMP {number:02X}") from None
    if kind == FIXED:
        length = size
    elif kind == LLVAR:
        length, offset = var_length_decode(data, offset, 2)
    elif kind == LLLVAR:
        length, offset = var_length_decode(data, offset, 3)
    else:
        length, offset = tlv_length_decode(data, offset)
    value = data[offset : offset + length]
    if len(value) != length:
        raise ProtocolError(f"BMP {number:02X} cut short")
    return Bmp(number, value), offset + length


def parse_bmps(data: bytes, offset: int = 0) -> list[Bmp]:
    """Every BMP field from ``offset`` to the end; ProtocolError on an unknown BMP or a cut."""
    fields: list[Bmp] = []
    while offset < len(data):
        bmp, offset = _next_bmp(data, offset)
        fields.append(bmp)
    return fields


def split_bmps(data: bytes, offset: int = 0) -> tuple[list[Bmp], bytes, str]:
    """The BMP fields that can be read from ``offset``, the bytes after the first one that
    cannot, and why (empty when all were read). Never raises: for messages whose bytes must be
    kept whatever they hold (a transaction's result)."""
    fields: list[Bmp] = []
    while offset < len(data):
        try:
            bmp, after = _next_bmp(data, offset)
        except ProtocolError as error:
            return fields, bytes(data[offset:]), str(error)
        fields.append(bmp)
        offset = after
    return fields, b"", ""


# --- BER-TLV --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Tlv:
    tag: int  # the tag bytes read as one big-endian number: 0x1F07, 0x25, 0x07
    value: bytes
    children: tuple[Tlv, ...] = ()

    @property
    def constructed(self) -> bool:
        return _first_tag_byte(self.tag) & 0x20 != 0

    def find(self, tag: int) -> list[Tlv]:
        """Every descendant with this tag, depth first."""
        found: list[Tlv] = []
        for child in self.children:
            if child.tag == tag:
                found.append(child)
            found.extend(child.find(tag))
        return found


def _first_tag_byte(tag: int) -> int:
    while tag > 0xFF:
        tag >>= 8
    return tag


def tlv_length_encode(length: int) -> bytes:
    if length < 0x80:
        return bytes([length])
    if length <= 0xFF:
        return bytes([0x81, length])
    if length <= 0xFFFF:
        return bytes([0x82]) + length.to_bytes(2, "big")
    raise ValueError("TLV value too long")


def tlv_length_decode(data: bytes, offset: int) -> tuple[int, int]:
    if offset >= len(data):
        raise ProtocolError("TLV length missing")
    first = data[offset]
    if first < 0x80:
        return first, offset + 1
    count = first & 0x7F
    if count not in (1, 2):
        raise ProtocolError(f"unsupported TLV length form {first:02X}")
    raw = data[offset + 1 : offset + 1 + count]
    if len(raw) != count:
        raise ProtocolError("TLV length cut short")
    return int.from_bytes(raw, "big"), offset + 1 + count


def tlv_tag_encode(tag: int) -> bytes:
    size = max(1, (tag.bit_length() + 7) // 8)
    return tag.to_bytes(size, "big")


def encode_tlv(tag: int, value: bytes = b"", children: Iterable[bytes] = ()) -> bytes:
    """One TLV object; ``children`` are already-encoded objects of a constructed tag."""
    body = value + b"".join(children)
    return tlv_tag_encode(tag) + tlv_length_encode(len(body)) + body


def parse_tlv(data: bytes) -> tuple[Tlv, ...]:
    """The TLV objects of ``data`` (the value of BMP 06), constructed ones parsed recursively."""
    objects: list[Tlv] = []
    offset = 0
    while offset < len(data):
        start = offset
        tag = data[offset]
        offset += 1
        if tag & 0x1F == 0x1F:  # the tag continues while bit 8 is set
            while True:
                if offset >= len(data):
                    raise ProtocolError("TLV tag cut short")
                tag = (tag << 8) | data[offset]
                offset += 1
                if data[offset - 1] & 0x80 == 0:
                    break
                if offset - start > 4:
                    raise ProtocolError("TLV tag too long")
        length, offset = tlv_length_decode(data, offset)
        value = data[offset : offset + length]
        if len(value) != length:
            raise ProtocolError(f"TLV {tag:X} cut short")
        offset += length
        children = parse_tlv(value) if _first_tag_byte(tag) & 0x20 else ()
        objects.append(Tlv(tag, value, children))
    return tuple(objects)
