"""ZVT APDUs (PA00P015): the commands the till sends and the messages the terminal answers.

``CLASS INSTR LEN data``; a length byte of ``FF`` is followed by the real length on two bytes,
little-endian ("extended length"). Building and parsing only: nothing here touches a line, so
the driver, the simulator and the tests share one definition of every byte. Parsers raise only
`drivers.errors.ProtocolError`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from drivers.errors import ProtocolError
from drivers.zvt.fields import (
    Bmp,
    Tlv,
    bcd_decode,
    bcd_encode,
    display_digits,
    encode_bmp,
    encode_tlv,
    parse_bmps,
    parse_tlv,
    split_bmps,
    tlv_length_decode,
    var_length_decode,
)


class Command(enum.Enum):
    """(class, instruction) of the APDUs Guichet speaks."""

    # ECR -> PT
    REGISTRATION = (0x06, 0x00)
    AUTHORISATION = (0x06, 0x01)
    LOG_OFF = (0x06, 0x02)
    REPEAT_RECEIPT = (0x06, 0x20)
    REVERSAL = (0x06, 0x30)
    REFUND = (0x06, 0x31)
    END_OF_DAY = (0x06, 0x50)
    DIAGNOSIS = (0x06, 0x70)
    ABORT = (0x06, 0xB0)
    STATUS_ENQUIRY = (0x05, 0x01)
    # PT -> ECR
    STATUS_INFORMATION = (0x04, 0x0F)
    INTERMEDIATE_STATUS = (0x04, 0xFF)
    COMPLETION = (0x06, 0x0F)
    ABORT_FROM_PT = (0x06, 0x1E)
    PRINT_LINE = (0x06, 0xD1)
    PRINT_TEXT_BLOCK = (0x06, 0xD3)
    # both ways
    ACK = (0x80, 0x00)


_BY_CODE = {c.value: c for c in Command}


@dataclass(frozen=True, slots=True)
class Apdu:
    cls: int
    instr: int
    data: bytes = b""

    @property
    def command(self) -> Command | None:
        return _BY_CODE.get((self.cls, self.instr))

    @property
    def is_ack(self) -> bool:
        """``80 00`` or ``84 00``: PA00P015 lets ``84 00`` stand for a positive answer too."""
        return self.cls in (0x80, 0x84) and self.instr == 0x00

    @property
    def is_nack(self) -> bool:
        """``84 xx`` with xx not 00: a refusal, ``xx`` its error code."""
        return self.cls == 0x84 and self.instr != 0x00

    def encode(self) -> bytes:
        size = len(self.data)
        if size < 0xFF:
            length = bytes([size])
        elif size <= 0xFFFF:
            length = b"\xff" + size.to_bytes(2, "little")
        else:
            raise ValueError("APDU data longer than 65535 bytes")
        return bytes([self.cls, self.instr]) + length + self.data

    def __str__(self) -> str:
        name = self.command.name if self.command else "unknown"
        return f"{self.cls:02X} {self.instr:02X} ({name}, {len(self.data)} bytes)"


def apdu(command: Command, data: bytes = b"") -> Apdu:
    cls, instr = command.value
    return Apdu(cls, instr, data)


ACK = Apdu(0x80, 0x00)


def nack(code: int) -> Apdu:
    return Apdu(0x84, code)


def decode_apdu(raw: bytes) -> Apdu:
    """Exactly one APDU; ProtocolError when the length does not match the bytes."""
    header, data_offset = header_length(raw)
    if header is None:
        raise ProtocolError(f"APDU cut short: {raw[:8].hex(' ')}")
    if len(raw) != data_offset + header:
        raise ProtocolError(f"APDU length says {header} data bytes, {len(raw) - data_offset} came")
    return Apdu(raw[0], raw[1], bytes(raw[data_offset:]))


def header_length(raw: bytes) -> tuple[int | None, int]:
    """(data length, data offset) read from an APDU's header; None while the header is short."""
    if len(raw) < 3:
        return None, 3
    if raw[2] != 0xFF:
        return raw[2], 3
    if len(raw) < 5:
        return None, 5
    return int.from_bytes(raw[3:5], "little"), 5


# --- currency ---------------------------------------------------------------------------------

# ISO 4217 numeric codes of the currencies a ZVT terminal is met with.
CURRENCY_NUMBERS = {"EUR": 978, "CHF": 756, "GBP": 826, "USD": 840, "DKK": 208, "SEK": 752}
CURRENCY_CODES = {number: code for code, number in CURRENCY_NUMBERS.items()}


def currency_bytes(currency: str) -> bytes:
    try:
        return bcd_encode(CURRENCY_NUMBERS[currency], 2)
    except KeyError:
        raise ValueError(f"no ISO 4217 number known for {currency}") from None


# --- commands (ECR -> PT) ---------------------------------------------------------------------

# Config byte of the registration (bits from PA00P015 "Registration").
CONFIG_ECR_PRINTS_PAYMENT = 0x02
CONFIG_ECR_PRINTS_ADMIN = 0x04
CONFIG_INTERMEDIATE_STATUS = 0x08
CONFIG_ECR_CONTROLS_PAYMENT = 0x10
CONFIG_ECR_CONTROLS_ADMIN = 0x20
CONFIG_ECR_PRINT_TYPE = 0x80  # the terminal formats the receipts and sends them as print lines

# TLV tags of the registration (PA00P015 "TLV container" of 06 00).
TAG_PERMITTED_COMMANDS = 0x26  # list of the ZVT commands the ECR takes
TAG_COMMAND = 0x0A  # one command code (class, instruction)
TAG_RECEIPT_TYPE = 0x1F07  # in print lines and text blocks: which copy

RECEIPT_MERCHANT = 0x01
RECEIPT_CUSTOMER = 0x02
RECEIPT_ADMINISTRATION = 0x03


def permitted_commands(*commands: Command) -> bytes:
    """The registration's TLV that names commands the ECR accepts: text blocks (06 D3) are
    sent by the terminal only when the ECR lists them here."""
    entries = [encode_tlv(TAG_COMMAND, bytes(c.value)) for c in commands]
    return encode_tlv(TAG_PERMITTED_COMMANDS, children=entries)


def listed_commands(tlv: tuple[Tlv, ...]) -> set[tuple[int, int]]:
    """The (class, instruction) pairs a registration's TLV permits."""
    found: set[tuple[int, int]] = set()
    for obj in tlv:
        lists = [obj] if obj.tag == TAG_PERMITTED_COMMANDS else obj.find(TAG_PERMITTED_COMMANDS)
        for listing in lists:
            for entry in listing.find(TAG_COMMAND):
                if len(entry.value) == 2:
                    found.add((entry.value[0], entry.value[1]))
    return found


def password_bytes(password: str) -> bytes:
    if len(password) != 6 or not password.isdigit():
        raise ValueError("a ZVT password is six digits")
    return bytes.fromhex(password)


def registration(
    password: str, config: int, currency: str | None = None, tlv: bytes | None = None
) -> Apdu:
    data = password_bytes(password) + bytes([config])
    if currency is not None:
        data += currency_bytes(currency)  # the CC comes without a BMP number here
    if tlv is not None:
        if currency is None:
            raise ValueError("a registration's TLV container follows its currency code")
        data += encode_bmp(0x06, tlv)
    return apdu(Command.REGISTRATION, data)


MAX_AMOUNT_MINOR = 999_999_999_999  # BMP 04 holds twelve BCD digits


def amount_problem(minor: int) -> str | None:
    """Why a terminal cannot be asked for this amount, or None."""
    if minor <= 0:
        return "a card amount must be positive"
    if minor > MAX_AMOUNT_MINOR:
        return "the amount is too large for a card terminal (twelve digits at most)"
    return None


def _amount(minor: int) -> bytes:
    problem = amount_problem(minor)
    if problem is not None:
        raise ValueError(problem)
    return encode_bmp(0x04, bcd_encode(minor, 6))


def authorisation(minor: int, currency: str, tlv: bytes | None = None) -> Apdu:
    data = _amount(minor) + encode_bmp(0x49, currency_bytes(currency))
    if tlv is not None:
        data += encode_bmp(0x06, tlv)
    return apdu(Command.AUTHORISATION, data)


def refund(password: str, minor: int, currency: str) -> Apdu:
    data = password_bytes(password) + _amount(minor) + encode_bmp(0x49, currency_bytes(currency))
    return apdu(Command.REFUND, data)


def reversal(password: str, receipt_no: int) -> Apdu:
    return apdu(
        Command.REVERSAL, password_bytes(password) + encode_bmp(0x87, bcd_encode(receipt_no, 2))
    )


def end_of_day(password: str) -> Apdu:
    return apdu(Command.END_OF_DAY, password_bytes(password))


def repeat_receipt(password: str) -> Apdu:
    return apdu(Command.REPEAT_RECEIPT, password_bytes(password))


def status_enquiry(password: str) -> Apdu:
    return apdu(Command.STATUS_ENQUIRY, password_bytes(password))


def diagnosis() -> Apdu:
    return apdu(Command.DIAGNOSIS)


def abort() -> Apdu:
    return apdu(Command.ABORT)


def log_off() -> Apdu:
    return apdu(Command.LOG_OFF)


# --- messages (PT -> ECR) ---------------------------------------------------------------------


PRINT_CHARSET = "cp437"  # the terminal's default character set for receipt text
CHARSETS = ("cp437", "latin-1")  # latin-1: ISO 8859-1, which some terminals send instead


@dataclass(frozen=True, slots=True)
class StatusInformation:
    """A parsed ``04 0F``: the result of a transaction (or of an end-of-day).

    Read leniently: a field that does not parse reads as None (a number) or with replacement
    characters (a text), and the bytes after a field that cannot be split are kept in
    ``unparsed``. Only the result code (BMP 27) decides anything; the rest is evidence or text
    for people, and must never stop the result from being stored and acknowledged.
    """

    fields: dict[int, bytes]
    tlv: tuple[Tlv, ...] = ()
    unparsed: bytes = b""
    problem: str = ""
    charset: str = PRINT_CHARSET

    @property
    def result_code(self) -> int | None:
        value = self.fields.get(0x27)
        return value[0] if value else None

    @property
    def approved(self) -> bool:
        return self.result_code == 0x00

    def _bcd(self, number: int) -> int | None:
        value = self.fields.get(number)
        if value is None:
            return None
        try:
            return bcd_decode(value)
        except ProtocolError:
            return None

    def _text(self, number: int) -> str | None:
        value = self.fields.get(number)
        if value is None:
            return None
        return value.rstrip(b"\x00").decode(self.charset, "replace")

    @property
    def amount_minor(self) -> int | None:
        return self._bcd(0x04)

    @property
    def currency(self) -> str | None:
        number = self._bcd(0x49)
        return None if number is None else CURRENCY_CODES.get(number, str(number))

    @property
    def trace(self) -> int | None:
        return self._bcd(0x0B)

    @property
    def receipt_no(self) -> int | None:
        return self._bcd(0x87)

    @property
    def turnover_no(self) -> int | None:
        return self._bcd(0x88)

    @property
    def terminal_id(self) -> str | None:
        value = self.fields.get(0x29)
        return None if value is None else value.hex()

    @property
    def time_text(self) -> str | None:
        """HHMMSS of the terminal's clock."""
        number = self._bcd(0x0C)
        return None if number is None else f"{number:06d}"

    @property
    def date_text(self) -> str | None:
        """MMDD of the terminal's clock (the year is not sent)."""
        number = self._bcd(0x0D)
        return None if number is None else f"{number:04d}"

    @property
    def card_name(self) -> str | None:
        return self._text(0x8B)

    @property
    def pan(self) -> str | None:
        value = self.fields.get(0x22)
        return None if value is None else display_digits(value)

    @property
    def additional_text(self) -> str | None:
        return self._text(0x3C)

    @property
    def totals(self) -> EndOfDayTotals | None:
        value = self.fields.get(0x60)
        if value is None:
            return None
        try:
            return parse_totals(value)
        except ProtocolError:
            return None


def parse_status_information(data: bytes, charset: str = PRINT_CHARSET) -> StatusInformation:
    """Never raises: what cannot be read is left out (see `StatusInformation`)."""
    fields: dict[int, bytes] = {}
    tlv: tuple[Tlv, ...] = ()
    bmps, unparsed, problem = split_bmps(data)
    for bmp in bmps:
        if bmp.number == 0x06:
            try:
                tlv = parse_tlv(bmp.value)
            except ProtocolError as error:
                problem = problem or f"TLV container: {error}"
        else:
            fields.setdefault(bmp.number, bmp.value)
    if 0x27 not in fields:
        problem = problem or "no result code (BMP 27)"
    return StatusInformation(fields, tlv, unparsed, problem, charset)


def status_information(fields: list[tuple[int, bytes]]) -> Apdu:
    return apdu(Command.STATUS_INFORMATION, b"".join(encode_bmp(n, v) for n, v in fields))


@dataclass(frozen=True, slots=True)
class CardTotal:
    name: str
    count: int
    minor: int


@dataclass(frozen=True, slots=True)
class EndOfDayTotals:
    first_receipt: int
    last_receipt: int
    cards: tuple[CardTotal, ...] = field(default=())

    @property
    def count(self) -> int:
        return sum(c.count for c in self.cards)

    @property
    def minor(self) -> int:
        return sum(c.minor for c in self.cards)


# The order of the card blocks in BMP 60 "individual totals".
TOTALS_CARDS = ("girocard", "JCB", "Eurocard/Mastercard", "Amex", "Visa", "Diners", "other")


def parse_totals(data: bytes) -> EndOfDayTotals:
    """BMP 60: receipt range (2 + 2 BCD), then per card a count (1 byte) and a total (6 BCD)."""
    if len(data) < 4 or (len(data) - 4) % 7:
        raise ProtocolError(f"individual totals of {len(data)} bytes do not split in blocks")
    cards = []
    for index, offset in enumerate(range(4, len(data), 7)):
        name = TOTALS_CARDS[index] if index < len(TOTALS_CARDS) else f"card {index + 1}"
        cards.append(CardTotal(name, data[offset], bcd_decode(data[offset + 1 : offset + 7])))
    return EndOfDayTotals(bcd_decode(data[0:2]), bcd_decode(data[2:4]), tuple(cards))


def encode_totals(totals: EndOfDayTotals) -> bytes:
    data = bcd_encode(totals.first_receipt, 2) + bcd_encode(totals.last_receipt, 2)
    for card in totals.cards:
        data += bytes([card.count]) + bcd_encode(card.minor, 6)
    return data


# Intermediate status codes (04 FF) a cashier needs to read; the rest show their number.
INTERMEDIATE_TEXTS = {
    0x00: "waiting for amount confirmation",
    0x01: "please watch the PIN pad",
    0x02: "please watch the PIN pad",
    0x03: "not accepted",
    0x04: "waiting for the card issuer",
    0x05: "terminal sending an automatic reversal",
    0x06: "terminal sending post-bookings",
    0x07: "card not admitted",
    0x08: "card unknown",
    0x09: "card expired",
    0x0A: "insert card",
    0x0B: "please remove the card",
    0x0C: "card not readable",
    0x0D: "processing error",
    0x0E: "please wait",
    0x0F: "terminal starting an automatic end-of-day",
    0x10: "invalid card",
    0x12: "system malfunction",
    0x13: "payment not possible",
    0x14: "credit not sufficient",
    0x15: "incorrect PIN",
    0x16: "limit not sufficient",
    0x17: "please wait",
    0x18: "PIN try limit exceeded",
    0x1D: "declined",
}


@dataclass(frozen=True, slots=True)
class IntermediateStatus:
    code: int
    timeout: int | None = None

    @property
    def text(self) -> str:
        return INTERMEDIATE_TEXTS.get(self.code, f"terminal status {self.code:02X}")


def parse_intermediate(data: bytes) -> IntermediateStatus:
    if not data:
        raise ProtocolError("intermediate status without a status byte")
    # A TLV container may follow the optional timeout; only the status byte matters here.
    timeout = data[1] if len(data) > 1 and data[1] != 0x06 else None
    return IntermediateStatus(data[0], timeout)


def intermediate(code: int, timeout: int | None = None) -> Apdu:
    data = bytes([code]) if timeout is None else bytes([code, timeout])
    return apdu(Command.INTERMEDIATE_STATUS, data)


@dataclass(frozen=True, slots=True)
class PrintLine:
    attribute: int  # bit 8 set on the last line of a receipt
    text: str
    receipt_type: int | None = None  # TLV 1F07: RECEIPT_MERCHANT, _CUSTOMER, _ADMINISTRATION


def _receipt_type(tlv: tuple[Tlv, ...]) -> int | None:
    for obj in tlv:
        found = [obj] if obj.tag == TAG_RECEIPT_TYPE else obj.find(TAG_RECEIPT_TYPE)
        if found and len(found[0].value) == 1:
            return found[0].value[0]
    return None


def _trailing_tlv(data: bytes) -> int | None:
    """Where a TLV container (BMP 06) that runs exactly to the end of ``data`` starts."""
    index = data.find(0x06)
    while index >= 0:
        try:
            length, start = tlv_length_decode(data, index + 1)
            if start + length == len(data):
                parse_tlv(data[start:])
                return index
        except ProtocolError:
            pass
        index = data.find(0x06, index + 1)
    return None


def parse_print_line(data: bytes, charset: str = PRINT_CHARSET) -> PrintLine:
    """06 D1: attribute, text, and the TLV container some terminals append (receipt type)."""
    if not data:
        raise ProtocolError("print line without an attribute")
    body = data[1:]
    receipt_type = None
    cut = _trailing_tlv(body)
    if cut is not None:
        length, start = tlv_length_decode(body, cut + 1)
        receipt_type = _receipt_type(parse_tlv(body[start : start + length]))
        body = body[:cut]
    return PrintLine(data[0], body.decode(charset, "replace"), receipt_type)


def print_line(text: str, attribute: int = 0, charset: str = PRINT_CHARSET) -> Apdu:
    return apdu(Command.PRINT_LINE, bytes([attribute]) + text.encode(charset, "replace"))


def parse_print_text_block(
    data: bytes, charset: str = PRINT_CHARSET
) -> tuple[int | None, list[str]]:
    """06 D3: a TLV container (BMP 06) with the receipt type (1F07) and, in tag 25, the text
    lines (tag 07). Returns (receipt type, lines)."""
    bmps = parse_bmps(data)
    container = next((b for b in bmps if b.number == 0x06), None)
    if container is None:
        raise ProtocolError("print text block without a TLV container")
    objects = parse_tlv(container.value)
    lines: list[str] = []
    for obj in objects:
        blocks = [obj] if obj.tag == 0x25 else obj.find(0x25)
        for block in blocks:
            lines.extend(
                line.value.rstrip(b"\x00").decode(charset, "replace") for line in block.find(0x07)
            )
    return _receipt_type(objects), lines


def print_text_block(
    lines: list[str], receipt_type: int = RECEIPT_CUSTOMER, charset: str = PRINT_CHARSET
) -> Apdu:
    texts = [encode_tlv(0x07, line.encode(charset, "replace")) for line in lines]
    block = encode_tlv(TAG_RECEIPT_TYPE, bytes([receipt_type])) + encode_tlv(0x25, children=texts)
    return apdu(Command.PRINT_TEXT_BLOCK, encode_bmp(0x06, block))


@dataclass(frozen=True, slots=True)
class Completion:
    software_version: str | None = None
    terminal_status: int | None = None
    fields: tuple[Bmp, ...] = ()


def parse_completion(data: bytes, after_status_enquiry: bool = False) -> Completion:
    """06 0F. After a status enquiry it starts with the software version (LLLVAR) and the
    terminal status byte; otherwise it holds only BMP fields (19, 29, 49, 06)."""
    if not after_status_enquiry or not data:
        return Completion(fields=tuple(parse_bmps(data)))
    version: str | None = None
    offset = 0
    if data[0] & 0xF0 == 0xF0:
        length, offset = var_length_decode(data, 0, 3)
        raw = data[offset : offset + length]
        if len(raw) != length:
            raise ProtocolError("software version cut short")
        version = raw.decode("ascii", "replace")
        offset += length
    if offset >= len(data):
        raise ProtocolError("status enquiry completion without a terminal status")
    status = data[offset]
    return Completion(version, status, tuple(parse_bmps(data, offset + 1)))


def parse_abort(data: bytes) -> int | None:
    """06 1E: the result code of the failure (0x6C when the customer or the ECR aborted);
    None when the terminal gave none (``06 1E 00``)."""
    return data[0] if data else None


# Result codes of PA00P015 "error messages" that a cashier may see.
RESULT_TEXTS = {
    0x00: "approved",
    0x05: "declined by the card issuer",
    0x64: "card not readable",
    0x65: "card data not present",
    0x66: "processing error",
    0x6B: "function deactivated (terminal not registered)",
    0x6C: "aborted (timeout or abort key)",
    0x6F: "wrong currency",
    0x71: "credit not sufficient",
    0x78: "card expired",
    0x7A: "card unknown",
    0x83: "function not possible",
    0x9C: "please wait",
    0xA0: "receiver not ready",
    0xB4: "already reversed",
    0xB5: "reversal not possible",
    0xC2: "diagnosis required",
    0xC3: "maximum amount exceeded",
    0xCC: "printer not ready",
    0xFF: "system error",
}


def result_text(code: int) -> str:
    if 0x01 <= code <= 0x63 and code not in RESULT_TEXTS:
        return f"declined by the card issuer (code {code:02X})"
    return RESULT_TEXTS.get(code, f"terminal error {code:02X}")
