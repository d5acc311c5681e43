"""A ZVT card terminal (PA00P015, the terminal's side) on loopback TCP or a pseudo-terminal.

For tests, the demo (``sim://zvt``) and technicians: ``python -m drivers.simulators.zvt --tcp
20007`` or ``--pty``. It follows the specification rather than Guichet's habits: registration
first (password, config byte, currency), ``80 00 00`` before taking mastership, every message
waiting for the till's acknowledgement, serial frames with CRC, ACK/NAK and repeats.

Amount rules: an amount above ``limit`` is declined (C3 maximum amount exceeded); an amount
ending in ``.13`` is declined by the issuer (05); ``.66`` gives "card not readable" (64). All
else is approved. Card, PIN and host delays are settable.

Fault scripts, each for the next payment only (one shot): ``drop_after_approval`` (approves,
then the link drops before the result is sent), ``drop_after_result`` (drops after sending the
result, before the completion), ``never_ack`` (the command is never accepted nor performed),
``garbage`` (bytes that are no APDU instead of the acceptance; the payment then goes on),
``slow`` (the acceptance comes ``slow_delay`` seconds late), ``approve_then_abort`` (sends an
approved result, then ``06 1E``; the transaction stays booked), ``approve_then_void`` (the same,
but the terminal cancels it: it is not its last transaction), ``odd_fields`` (the result's card
number holds a non-BCD nibble and its card name a trailing NUL), ``busy_once`` (the next status
enquiry says "busy"), and on serial ``nak`` (the first frame is refused once) and ``bad_crc``
(the first frame sent carries a wrong CRC).

Receipts (when the till prints them, config bits 02/04) come as print lines (06 D1) when the
config byte has the ECR print-type bit 80, or as text blocks (06 D3) when the registration's
TLV lists 06 D3; a payment's merchant and customer copies carry their receipt type (TLV 1F07),
in ``charset`` (CP437, or latin-1 as some terminals send). A diagnosis sets the till's date and
time (04 01), as real terminals do.

A payment whose link drops is finished by the simulated terminal all the same, as a real one
finishes with the customer at the PIN pad: the repeat receipt then tells the truth.
Test double only: never used against a real terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import select
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from drivers.errors import ProtocolError
from drivers.zvt import apdu as z
from drivers.zvt import framing
from drivers.zvt.fields import (
    bcd_decode,
    bcd_encode,
    encode_bmp,
    encode_tlv,
    parse_bmps,
    parse_tlv,
    var_length_encode,
)

FAULTS = (
    "drop_after_approval",
    "drop_after_result",
    "never_ack",
    "garbage",
    "slow",
    "nak",
    "bad_crc",
    "approve_then_abort",
    "approve_then_void",
    "odd_fields",
    "busy_once",
)
GARBAGE = b"GARBAGE\x00\xff\x10"

# Negative acknowledgement codes (84 xx) taken from the error list of the specification.
NACK_NOT_POSSIBLE = 0x83
NACK_NOT_REGISTERED = 0x6B
NACK_PROTOCOL = 0x9A
NACK_CURRENCY = 0x6F


class _Closed(Exception):
    """The till went away."""


@dataclass
class Transaction:
    kind: str  # payment, refund, reversal
    minor: int
    result: int
    trace: int
    receipt_no: int | None
    at: datetime
    card: str = "girocard"
    reversed: bool = False

    @property
    def approved(self) -> bool:
        return self.result == 0


@dataclass
class ZvtSimulator:
    password: str = "000000"
    currency: str = "EUR"
    terminal_id: str = "52500001"
    limit: int = 100_000  # minor units
    card_delay: float = 0.0
    pin_delay: float = 0.0
    host_delay: float = 0.0
    slow_delay: float = 3.0
    ack_wait: float = 5.0  # how long the terminal waits for the till's acknowledgement
    timezone: str = "Europe/Berlin"
    charset: str = "cp437"
    fault: str | None = None
    text_blocks: bool = False  # the till listed 06 D3 in its registration
    trace: int = 0
    receipt_no: int = 0
    registered: bool = False
    config_byte: int = 0
    batch: list[Transaction] = field(default_factory=list)
    history: list[Transaction] = field(default_factory=list)
    log: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.clock: Callable[[], datetime] | None = None  # tests pin the terminal's clock
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._server: socket.socket | None = None
        self._pty: tuple[int, int] | None = None
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: dict[str, str]) -> ZvtSimulator:
        """From ``sim://zvt?card_delay=0.5&limit=5000&fault=slow`` query values."""
        kinds: dict[str, Any] = {
            "password": str,
            "currency": str,
            "terminal_id": str,
            "limit": int,
            "card_delay": float,
            "pin_delay": float,
            "host_delay": float,
            "slow_delay": float,
            "ack_wait": float,
            "timezone": str,
            "charset": str,
            "fault": str,
        }
        values = {k: kinds[k](v) for k, v in settings.items() if k in kinds}
        simulator = cls(**values)
        if simulator.fault is not None and simulator.fault not in FAULTS:
            raise ValueError(f"unknown fault {simulator.fault!r}; one of {', '.join(FAULTS)}")
        return simulator

    @property
    def last(self) -> Transaction | None:
        return self.history[-1] if self.history else None

    def _now(self) -> datetime:
        zone = ZoneInfo(self.timezone)
        return datetime.now(zone) if self.clock is None else self.clock().astimezone(zone)

    def _take_fault(self, *names: str) -> bool:
        with self._lock:
            if self.fault in names:
                self.fault = None
                return True
        return False

    # --- serving --------------------------------------------------------------------------

    def start_tcp(self, host: str = "127.0.0.1", port: int = 0) -> tuple[str, int]:
        server = socket.create_server((host, port))
        server.settimeout(0.2)
        self._server = server
        self._spawn(self._accept_loop, server)
        address = server.getsockname()
        return str(address[0]), int(address[1])

    def start_pty(self) -> str:
        """Serve on a pseudo-terminal; returns the path the till opens as its serial port."""
        import pty
        import tty

        master, slave = pty.openpty()
        tty.setraw(slave)
        tty.setraw(master)
        self._pty = (master, slave)
        self._spawn(self._serve_line, _SerialLine(self, _FdIo(master)))
        return os.ttyname(slave)

    def _spawn(self, target: Any, *args: Any) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True, name="zvt-simulator")
        thread.start()
        self._threads.append(thread)

    def stop(self) -> None:
        self._stop.set()
        if self._server is not None:
            self._server.close()
        for thread in self._threads:
            thread.join(timeout=2)
        if self._pty is not None:
            for fd in self._pty:
                with contextlib.suppress(OSError):
                    os.close(fd)

    def _accept_loop(self, server: socket.socket) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            # Small APDUs one after another: without NODELAY each waits for a delayed ACK.
            connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with connection:  # one till at a time, as a terminal serves one ECR
                self._serve_line(_TcpLine(self, _SocketIo(connection)))

    def _serve_line(self, line: _Line) -> None:
        while not self._stop.is_set():
            try:
                command = line.receive(0.2)
            except _Closed:
                return
            except ProtocolError as error:
                self.log.append(f"protocol error: {error}")
                continue
            if command is not None:
                self.handle(command, line)
                line.next_dialogue()

    # --- the terminal's behaviour ---------------------------------------------------------

    def handle(self, command: z.Apdu, line: _Line) -> None:
        kind = command.command
        self.log.append(f"received {command}")
        handlers: dict[z.Command, Callable[[z.Apdu, _Line], None]] = {
            z.Command.REGISTRATION: self._registration,
            z.Command.AUTHORISATION: self._authorisation,
            z.Command.REFUND: self._refund,
            z.Command.REVERSAL: self._reversal,
            z.Command.END_OF_DAY: self._end_of_day,
            z.Command.DIAGNOSIS: self._diagnosis,
            z.Command.STATUS_ENQUIRY: self._status_enquiry,
            z.Command.REPEAT_RECEIPT: self._repeat_receipt,
            z.Command.LOG_OFF: self._just_acknowledge,
            z.Command.ABORT: self._just_acknowledge,  # nothing running to abort
        }
        handler = handlers.get(kind) if kind is not None else None
        if handler is None:
            line.send(z.nack(NACK_NOT_POSSIBLE))
            return
        try:
            handler(command, line)
        except ProtocolError as error:
            self.log.append(f"malformed {command}: {error}")
            line.send(z.nack(NACK_PROTOCOL))

    def _just_acknowledge(self, command: z.Apdu, line: _Line) -> None:
        line.send(z.ACK)

    def _check_password(self, data: bytes) -> bool:
        return len(data) >= 3 and data[:3].hex() == self.password

    def _registration(self, command: z.Apdu, line: _Line) -> None:
        data = command.data
        if len(data) < 4 or not self._check_password(data):
            line.send(z.nack(NACK_NOT_POSSIBLE))
            return
        text_blocks = False
        if len(data) >= 6:  # <password> <config> [<CC> [03 <service>] [06 <TLV>]]
            if bcd_decode(data[4:6]) != z.CURRENCY_NUMBERS[self.currency]:
                line.send(z.nack(NACK_CURRENCY))
                return
            for bmp in parse_bmps(data, 6):
                if bmp.number == 0x06:
                    listed = z.listed_commands(parse_tlv(bmp.value))
                    text_blocks = z.Command.PRINT_TEXT_BLOCK.value in listed
        self.config_byte = data[3]
        self.text_blocks = text_blocks
        self.registered = True
        line.send(z.ACK)
        fields = encode_bmp(0x19, b"\x00") + encode_bmp(0x29, bytes.fromhex(self.terminal_id))
        if len(data) >= 6:
            fields += encode_bmp(0x49, z.currency_bytes(self.currency))
        line.send_and_wait(z.apdu(z.Command.COMPLETION, fields))

    def _amount_and_currency(self, fields: dict[int, bytes]) -> int | None:
        if 0x04 not in fields:
            return None
        if 0x49 in fields and bcd_decode(fields[0x49]) != z.CURRENCY_NUMBERS[self.currency]:
            return -1
        return bcd_decode(fields[0x04])

    def _decide(self, minor: int) -> int:
        if minor > self.limit:
            return 0xC3
        if minor % 100 == 13:
            return 0x05
        if minor % 100 == 66:
            return 0x64
        return 0x00

    def _authorisation(self, command: z.Apdu, line: _Line) -> None:
        fields = {b.number: b.value for b in parse_bmps(command.data)}
        self._card_transaction("payment", fields, line)

    def _refund(self, command: z.Apdu, line: _Line) -> None:
        if not self._check_password(command.data):
            line.send(z.nack(NACK_NOT_POSSIBLE))
            return
        fields = {b.number: b.value for b in parse_bmps(command.data, 3)}
        self._card_transaction("refund", fields, line)

    def _card_transaction(self, kind: str, fields: dict[int, bytes], line: _Line) -> None:
        if not self.registered:
            line.send(z.nack(NACK_NOT_REGISTERED))
            return
        minor = self._amount_and_currency(fields)
        if minor is None or minor == 0:
            line.send(z.nack(NACK_PROTOCOL))
            return
        if minor < 0:
            line.send(z.nack(NACK_CURRENCY))
            return
        if kind == "payment" and self._take_fault("never_ack"):
            self.log.append("fault: never acknowledging")
            return
        if kind == "payment" and self._take_fault("garbage"):
            line.send_raw(GARBAGE)
        elif kind == "payment" and self._take_fault("slow"):
            time.sleep(self.slow_delay)
            line.send(z.ACK)
        else:
            line.send(z.ACK)
        intermediate = self.config_byte & z.CONFIG_INTERMEDIATE_STATUS
        if intermediate:
            line.send_and_wait(z.intermediate(0x0A, 30))  # insert card
        if line.wait_for_abort(self.card_delay):
            line.send_and_wait(z.apdu(z.Command.ABORT_FROM_PT, b"\x6c"))
            return
        if intermediate:
            line.send_and_wait(z.intermediate(0x01, 30))  # watch the PIN pad
        if line.wait_for_abort(self.pin_delay):
            line.send_and_wait(z.apdu(z.Command.ABORT_FROM_PT, b"\x6c"))
            return
        if intermediate:
            line.send_and_wait(z.intermediate(0x04))  # waiting for the card issuer
        time.sleep(self.host_delay)  # an abort no longer stops it once the host is asked
        result = self._decide(minor)
        with self._lock:
            self.trace += 1
            receipt = None
            if result == 0:
                self.receipt_no += 1
                receipt = self.receipt_no
            transaction = Transaction(kind, minor, result, self.trace, receipt, self._now())
            self.history.append(transaction)
            if result == 0:
                self.batch.append(transaction)
        if kind == "payment" and result == 0 and self._take_fault("drop_after_approval"):
            self.log.append("fault: dropping the link after approving")
            line.close()
            return
        odd = kind == "payment" and self._take_fault("odd_fields")
        info = self._result_fields(transaction, odd)
        line.send_and_wait(z.apdu(z.Command.STATUS_INFORMATION, info))
        if kind == "payment" and result == 0:
            if self._take_fault("approve_then_abort"):
                line.send_and_wait(z.apdu(z.Command.ABORT_FROM_PT, bytes([0x6C])))
                return
            if self._take_fault("approve_then_void"):
                with self._lock:
                    self.history.remove(transaction)
                    self.batch.remove(transaction)
                line.send_and_wait(z.apdu(z.Command.ABORT_FROM_PT, bytes([0x6C])))
                return
        if kind == "payment" and self._take_fault("drop_after_result"):
            self.log.append("fault: dropping the link after the result")
            line.close()
            return
        self._send_receipt(line, self._receipt(transaction), admin=False)
        if result == 0:
            line.send_and_wait(z.apdu(z.Command.COMPLETION))
        else:
            line.send_and_wait(z.apdu(z.Command.ABORT_FROM_PT, bytes([result])))

    def _result_fields(self, t: Transaction, odd: bool = False) -> bytes:
        """The 04 0F of ``t``; ``odd``: as some terminals send it, the card number with a
        nibble that is no digit and the card name ending in NUL."""
        data = encode_bmp(0x27, bytes([t.result]))
        data += encode_bmp(0x04, bcd_encode(t.minor, 6))
        data += encode_bmp(0x49, z.currency_bytes(self.currency))
        data += encode_bmp(0x0B, bcd_encode(t.trace, 3))
        data += encode_bmp(0x0C, bytes.fromhex(t.at.strftime("%H%M%S")))
        data += encode_bmp(0x0D, bytes.fromhex(t.at.strftime("%m%d")))
        data += encode_bmp(0x29, bytes.fromhex(self.terminal_id))
        if t.receipt_no is not None:
            data += encode_bmp(0x87, bcd_encode(t.receipt_no, 2))
        pan = "67A9EEEEEEEE1234" if odd else "6799EEEEEEEE1234"  # masked card number
        data += encode_bmp(0x22, bytes.fromhex(pan))
        data += encode_bmp(0x8A, b"\x05")
        data += encode_bmp(0x8B, t.card.encode("ascii") + (b"\x00" if odd else b""))
        return data

    def _receipt(self, t: Transaction) -> list[str]:
        amount = f"{t.minor // 100},{t.minor % 100:02d} {self.currency}"
        title = {"payment": "CARD PAYMENT", "refund": "REFUND", "reversal": "REVERSAL"}[t.kind]
        lines = [
            title,
            f"Terminal-ID {self.terminal_id}",
            f"Trace {t.trace:06d}" + (f"  Receipt {t.receipt_no:04d}" if t.receipt_no else ""),
            t.at.strftime("Date %d.%m.%Y %H:%M:%S"),
            f"Card {t.card}",
            f"AMOUNT {amount}",
            "APPROVED" if t.approved else f"DECLINED ({z.result_text(t.result)})",
            "Danke schön",
        ]
        return lines

    def _send_receipt(self, line: _Line, lines: list[str], admin: bool) -> None:
        wanted = z.CONFIG_ECR_PRINTS_ADMIN if admin else z.CONFIG_ECR_PRINTS_PAYMENT
        if not self.config_byte & wanted:
            return  # the terminal prints it itself
        if admin:
            copies = [(z.RECEIPT_ADMINISTRATION, lines)]
        else:
            copies = [
                (z.RECEIPT_MERCHANT, ["MERCHANT COPY", *lines]),
                (z.RECEIPT_CUSTOMER, ["CUSTOMER COPY", *lines]),
            ]
        for receipt_type, copy in copies:
            if self.text_blocks:
                line.send_and_wait(z.print_text_block(copy, receipt_type, self.charset))
            elif self.config_byte & z.CONFIG_ECR_PRINT_TYPE:
                tlv = encode_bmp(0x06, encode_tlv(z.TAG_RECEIPT_TYPE, bytes([receipt_type])))
                for index, text in enumerate(copy):
                    attribute = 0xFF if index == len(copy) - 1 else 0x00
                    data = bytes([attribute]) + text.encode(self.charset, "replace") + tlv
                    line.send_and_wait(z.apdu(z.Command.PRINT_LINE, data))
            # otherwise the ECR makes its receipt from the status information alone

    def _reversal(self, command: z.Apdu, line: _Line) -> None:
        if not self._check_password(command.data):
            line.send(z.nack(NACK_NOT_POSSIBLE))
            return
        if not self.registered:
            line.send(z.nack(NACK_NOT_REGISTERED))
            return
        fields = {b.number: b.value for b in parse_bmps(command.data, 3)}
        if 0x87 not in fields:
            line.send(z.nack(NACK_PROTOCOL))
            return
        wanted = bcd_decode(fields[0x87])
        line.send(z.ACK)
        original = next(
            (t for t in self.batch if t.receipt_no == wanted and t.kind == "payment"), None
        )
        if original is None or original.reversed:
            code = 0xB4 if original is not None else 0xB5
            with self._lock:
                self.trace += 1
                failed = Transaction("reversal", 0, code, self.trace, None, self._now())
                self.history.append(failed)
            info = encode_bmp(0x27, bytes([code])) + encode_bmp(0x0B, bcd_encode(self.trace, 3))
            line.send_and_wait(z.apdu(z.Command.STATUS_INFORMATION, info))
            line.send_and_wait(z.apdu(z.Command.ABORT_FROM_PT, bytes([code])))
            return
        with self._lock:
            original.reversed = True
            self.trace += 1
            self.receipt_no += 1
            reversal = Transaction(
                "reversal", original.minor, 0, self.trace, self.receipt_no, self._now()
            )
            self.history.append(reversal)
            self.batch.append(reversal)
        line.send_and_wait(z.apdu(z.Command.STATUS_INFORMATION, self._result_fields(reversal)))
        self._send_receipt(line, self._receipt(reversal), admin=False)
        line.send_and_wait(z.apdu(z.Command.COMPLETION))

    def totals(self) -> z.EndOfDayTotals:
        payments = [t for t in self.batch if t.kind == "payment" and not t.reversed]
        refunds = [t for t in self.batch if t.kind == "refund"]
        minor = sum(t.minor for t in payments) - sum(t.minor for t in refunds)
        receipts = [t.receipt_no for t in self.batch if t.receipt_no is not None]
        cards = [z.CardTotal(name, 0, 0) for name in z.TOTALS_CARDS]
        cards[0] = z.CardTotal(z.TOTALS_CARDS[0], len(payments) + len(refunds), max(minor, 0))
        return z.EndOfDayTotals(min(receipts, default=0), max(receipts, default=0), tuple(cards))

    def _end_of_day(self, command: z.Apdu, line: _Line) -> None:
        if not self._check_password(command.data):
            line.send(z.nack(NACK_NOT_POSSIBLE))
            return
        if not self.registered:
            line.send(z.nack(NACK_NOT_REGISTERED))
            return
        line.send(z.ACK)
        if self.config_byte & z.CONFIG_INTERMEDIATE_STATUS:
            line.send_and_wait(z.intermediate(0x0E))  # please wait
        totals = self.totals()
        with self._lock:
            self.trace += 1
            trace = self.trace
        now = self._now()
        data = encode_bmp(0x27, b"\x00")
        data += encode_bmp(0x04, bcd_encode(totals.minor, 6))
        data += encode_bmp(0x0B, bcd_encode(trace, 3))
        data += encode_bmp(0x0C, bytes.fromhex(now.strftime("%H%M%S")))
        data += encode_bmp(0x0D, bytes.fromhex(now.strftime("%m%d")))
        data += encode_bmp(0x60, z.encode_totals(totals))
        line.send_and_wait(z.apdu(z.Command.STATUS_INFORMATION, data))
        amount = f"{totals.minor // 100},{totals.minor % 100:02d} {self.currency}"
        lines = [
            "END OF DAY",
            f"Terminal-ID {self.terminal_id}",
            now.strftime("Date %d.%m.%Y %H:%M:%S"),
            f"Receipts {totals.first_receipt:04d}-{totals.last_receipt:04d}",
            f"Transactions {totals.count}",
            f"TOTAL {amount}",
        ]
        self._send_receipt(line, lines, admin=True)
        line.send_and_wait(z.apdu(z.Command.COMPLETION))
        with self._lock:
            self.batch.clear()

    def _diagnosis(self, command: z.Apdu, line: _Line) -> None:
        line.send(z.ACK)
        if self.config_byte & z.CONFIG_INTERMEDIATE_STATUS:
            line.send_and_wait(z.intermediate(0x0E))
        now = self._now()  # 04 01 "set date and time": AA date YYMMDD, 0C time HHMMSS
        clock = encode_bmp(0xAA, bytes.fromhex(now.strftime("%y%m%d")))
        clock += encode_bmp(0x0C, bytes.fromhex(now.strftime("%H%M%S")))
        line.send_and_wait(z.Apdu(0x04, 0x01, clock))
        lines = ["DIAGNOSIS", f"Terminal-ID {self.terminal_id}", "Host connection OK"]
        self._send_receipt(line, lines, admin=True)
        line.send_and_wait(z.apdu(z.Command.COMPLETION))

    def _status_enquiry(self, command: z.Apdu, line: _Line) -> None:
        if not self._check_password(command.data):
            line.send(z.nack(NACK_NOT_POSSIBLE))
            return
        line.send(z.ACK)
        version = b"GUICHET-SIM 1.0"
        status = b"\x9c" if self._take_fault("busy_once") else b"\x00"
        data = var_length_encode(len(version), 3) + version + status  # version, terminal status
        data += encode_bmp(0x29, bytes.fromhex(self.terminal_id))
        line.send_and_wait(z.apdu(z.Command.COMPLETION, data))

    def _repeat_receipt(self, command: z.Apdu, line: _Line) -> None:
        if not self._check_password(command.data):
            line.send(z.nack(NACK_NOT_POSSIBLE))
            return
        line.send(z.ACK)
        last = self.last
        if last is None:
            line.send_and_wait(z.apdu(z.Command.ABORT_FROM_PT, bytes([NACK_NOT_POSSIBLE])))
            return
        line.send_and_wait(z.apdu(z.Command.STATUS_INFORMATION, self._result_fields(last)))
        self._send_receipt(line, ["DUPLICATE", *self._receipt(last)], admin=False)
        line.send_and_wait(z.apdu(z.Command.COMPLETION))


# --- the line: TCP (bare APDUs) or serial (frames) ---------------------------------------------


class _SocketIo:
    def __init__(self, connection: socket.socket) -> None:
        self.connection = connection

    def read(self, size: int, timeout: float) -> bytes:
        ready, _, _ = select.select([self.connection], [], [], timeout)
        if not ready:
            return b""
        try:
            data = self.connection.recv(size)
        except OSError:
            raise _Closed from None
        if not data:
            raise _Closed
        return data

    def write(self, data: bytes) -> None:
        try:
            self.connection.sendall(data)
        except OSError:
            raise _Closed from None

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)
        self.connection.close()


class _FdIo:
    def __init__(self, fd: int) -> None:
        self.fd = fd

    def read(self, size: int, timeout: float) -> bytes:
        try:
            ready, _, _ = select.select([self.fd], [], [], timeout)
            return os.read(self.fd, size) if ready else b""
        except OSError:
            raise _Closed from None

    def write(self, data: bytes) -> None:
        try:
            os.write(self.fd, data)
        except OSError:
            raise _Closed from None

    def close(self) -> None:
        """A serial line cannot be hung up: the terminal just falls silent."""


class _Line:
    """What the terminal's logic sees. After the till went away, sends are dropped and the
    logic runs to its end, as a real terminal completes a transaction on its own."""

    def __init__(self, simulator: ZvtSimulator, io: Any) -> None:
        self.simulator = simulator
        self.io = io
        self.closed = False
        self._pending: list[z.Apdu] = []

    def close(self) -> None:
        self.closed = True
        self.io.close()

    def next_dialogue(self) -> None:
        """Between commands. A serial line cannot be hung up: a "dropped" serial link only
        silenced the terminal until the end of that command."""

    def send_raw(self, data: bytes) -> None:
        if not self.closed:
            try:
                self.io.write(data)
            except _Closed:
                self.closed = True

    def send(self, message: z.Apdu) -> None:
        raise NotImplementedError

    def receive(self, timeout: float) -> z.Apdu | None:
        raise NotImplementedError

    def send_and_wait(self, message: z.Apdu) -> bool:
        """Send while master and wait for the till's 80 00 00; False when it never came."""
        self.send(message)
        deadline = time.monotonic() + self.simulator.ack_wait
        while not self.closed and time.monotonic() < deadline:
            try:
                answer = self.receive(min(0.2, deadline - time.monotonic()))
            except _Closed:
                self.closed = True
                return False
            except ProtocolError:
                continue
            if answer is None:
                continue
            if answer.is_ack:
                return True
            if answer.command is z.Command.ABORT:
                self.send(z.ACK)  # too late to stop: acknowledged and ignored
                continue
            self._pending.append(answer)
        return False

    def wait_for_abort(self, seconds: float) -> bool:
        """Wait ``seconds`` (the customer at the card reader); True if the till aborted."""
        deadline = time.monotonic() + seconds
        while not self.closed:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            try:
                message = self.receive(min(0.1, remaining))
            except _Closed:
                self.closed = True
                time.sleep(max(0.0, deadline - time.monotonic()))
                return False
            except ProtocolError:
                continue
            if message is not None and message.command is z.Command.ABORT:
                self.send(z.ACK)
                return True
        time.sleep(max(0.0, deadline - time.monotonic()))
        return False


class _TcpLine(_Line):
    def __init__(self, simulator: ZvtSimulator, io: Any) -> None:
        super().__init__(simulator, io)
        self._buffer = bytearray()

    def send(self, message: z.Apdu) -> None:
        self.send_raw(message.encode())

    def receive(self, timeout: float) -> z.Apdu | None:
        if self._pending:
            return self._pending.pop(0)
        if self.closed:
            raise _Closed
        deadline = time.monotonic() + timeout
        while True:
            length, offset = z.header_length(bytes(self._buffer))
            if length is not None and len(self._buffer) >= offset + length:
                raw = bytes(self._buffer[: offset + length])
                del self._buffer[: offset + length]
                return z.decode_apdu(raw)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            chunk = self.io.read(4096, remaining)
            if chunk:
                self._buffer += chunk
                deadline = max(deadline, time.monotonic() + 1.0)


class _SerialLine(_Line):
    def __init__(self, simulator: ZvtSimulator, io: Any) -> None:
        super().__init__(simulator, io)
        self._decoder = framing.FrameDecoder()
        self._events: list[framing.Event] = []

    def next_dialogue(self) -> None:
        if self.closed:
            self.closed = False
            self.io.read(65536, 0.05)  # what the till said meanwhile went unheard
            self._events.clear()
            self._pending.clear()
            self._decoder = framing.FrameDecoder()

    def _next_event(self, timeout: float) -> framing.Event | None:
        deadline = time.monotonic() + timeout
        while not self._events:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            chunk = self.io.read(4096, remaining)
            if chunk:
                self._events.extend(self._decoder.feed(chunk))
        return self._events.pop(0)

    def send(self, message: z.Apdu) -> None:
        data = framing.frame(message.encode())
        if self.simulator._take_fault("bad_crc"):
            self.send_raw(data[:-2] + bytes([data[-2] ^ 0xFF, data[-1]]))
        else:
            self.send_raw(data)
        for _attempt in range(3):
            event = self._next_event(1.0)
            while event is not None and event.kind is framing.EventKind.FRAME:
                self._pending.append(z.decode_apdu(event.payload))  # crossed frames
                self.send_raw(bytes([framing.ACK]))
                event = self._next_event(1.0)
            if event is not None and event.kind is framing.EventKind.ACK:
                return
            self.send_raw(data)  # NAK or silence: repeat
        self.simulator.log.append(f"no ACK for {message}")

    def receive(self, timeout: float) -> z.Apdu | None:
        if self._pending:
            return self._pending.pop(0)
        deadline = time.monotonic() + timeout
        while True:
            event = self._next_event(max(0.0, deadline - time.monotonic()))
            if event is None:
                return None
            if event.kind is framing.EventKind.BAD_FRAME:
                self.send_raw(bytes([framing.NAK]))
                continue
            if event.kind is framing.EventKind.FRAME:
                if self.simulator._take_fault("nak"):
                    self.send_raw(bytes([framing.NAK]))
                    continue
                self.send_raw(bytes([framing.ACK]))
                return z.decode_apdu(event.payload)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="A simulated ZVT card terminal.")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--tcp", type=int, metavar="PORT", default=20007)
    where.add_argument("--pty", action="store_true", help="serve on a pseudo-terminal")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--password", default="000000")
    parser.add_argument("--limit", type=int, default=100_000, help="decline above (minor units)")
    parser.add_argument("--card-delay", type=float, default=1.0)
    parser.add_argument("--pin-delay", type=float, default=1.0)
    parser.add_argument("--host-delay", type=float, default=0.5)
    parser.add_argument("--fault", choices=FAULTS, default=None)
    args = parser.parse_args(argv)
    simulator = ZvtSimulator(
        password=args.password,
        limit=args.limit,
        card_delay=args.card_delay,
        pin_delay=args.pin_delay,
        host_delay=args.host_delay,
        fault=args.fault,
    )
    if args.pty:
        print(f"ZVT terminal on {simulator.start_pty()} (9600 8N2 framing)", flush=True)
    else:
        host, port = simulator.start_tcp(args.host, args.tcp)
        print(f"ZVT terminal on tcp://{host}:{port}", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        simulator.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
