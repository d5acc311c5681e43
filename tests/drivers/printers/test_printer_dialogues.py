"""What the printer drivers make of each answer, and that no answer keeps them for ever.

The devices here are scripted transports on a fake monotonic clock: a device that streams
bytes without end, one that answers each query a little late, one that answers a ticket with
a status byte of Boca's table. Nothing waits on the real clock.
"""

from __future__ import annotations

from typing import Any

import pytest

from drivers.base import Role
from drivers.config import DeviceConfig
from drivers.errors import DeviceTimeout, ProtocolError
from drivers.printers.base import JobState, Printer
from drivers.printers.escpos import EscPosPrinter
from drivers.printers.fgl import FglPrinter
from drivers.transports.base import DRAIN_LIMIT, Deadline, drain
from drivers.transports.memory import MemoryTransport


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Streaming:
    """A device that sends ``byte`` without end: every read gets all it asked for."""

    description = "stream://"

    def __init__(self, byte: int = 0x11) -> None:
        self.byte = byte
        self.reads = 0
        self.written = bytearray()
        self.is_open = False

    def open(self, timeout: float) -> None:
        self.is_open = True

    def close(self) -> None:
        self.is_open = False

    def write(self, data: bytes, timeout: float) -> None:
        self.written += data

    def read(self, size: int, timeout: float) -> bytes:
        self.reads += 1
        return bytes((self.byte,)) * size


class Dripping(Streaming):
    """One byte per read, each ``every`` seconds of the fake clock after the previous one."""

    def __init__(self, clock: FakeClock, every: float, byte: int = 0x11) -> None:
        super().__init__(byte)
        self.clock = clock
        self.every = every

    def read(self, size: int, timeout: float) -> bytes:
        self.reads += 1
        self.clock.now += self.every
        return bytes((self.byte,))


class LateAnswers(Streaming):
    """Answers each write with ``reply`` after ``delay`` seconds, nothing unasked."""

    def __init__(self, clock: FakeClock, delay: float, reply: int) -> None:
        super().__init__(reply)
        self.clock = clock
        self.delay = delay
        self.due: float | None = None

    def write(self, data: bytes, timeout: float) -> None:
        super().write(data, timeout)
        self.due = self.clock.now + self.delay

    def read(self, size: int, timeout: float) -> bytes:
        self.reads += 1
        if self.due is not None and self.due - self.clock.now <= timeout:
            self.clock.now = max(self.clock.now, self.due)
            self.due = None
            return bytes((self.byte,))
        self.clock.now += timeout
        return b""


def _printer(kind: type[Printer], transport: Any, clock: FakeClock, **options: Any) -> Printer:
    role = Role.TICKET_PRINTER if kind is FglPrinter else Role.RECEIPT_PRINTER
    config = DeviceConfig("p", role, kind.protocol, "tcp://192.0.2.1:9100", options)
    printer = kind(config)
    printer.clock = clock
    printer._transport = transport
    return printer


# --- drain ---------------------------------------------------------------------------------


def test_drain_ends_on_a_device_that_streams() -> None:
    device = Streaming()
    with pytest.raises(ProtocolError, match="keeps sending"):
        drain(device, Deadline(5.0, FakeClock()))
    assert device.reads <= 2


def test_drain_ends_at_the_deadline_on_a_device_that_drips() -> None:
    clock = FakeClock()
    device = Dripping(clock, every=0.5)
    with pytest.raises(ProtocolError, match="keeps sending"):
        drain(device, Deadline(2.0, clock))
    assert device.reads == 4 < DRAIN_LIMIT


def test_drain_returns_the_few_stale_bytes() -> None:
    device = MemoryTransport()
    device.open(1)
    device.feed(b"\x0f\x11")
    assert drain(device, Deadline(1.0, FakeClock())) == b"\x0f\x11"


# --- FGL status and jobs -------------------------------------------------------------------


@pytest.mark.parametrize("kind", [FglPrinter, EscPosPrinter])
def test_status_of_a_printer_that_streams_is_garbled_not_a_hang(kind: type[Printer]) -> None:
    printer = _printer(kind, Streaming(), FakeClock())
    with pytest.raises(ProtocolError):
        printer.status()
    assert printer.last_status is not None and printer.last_status.garbled
    assert "garbled" in printer.last_status.summary()


@pytest.mark.parametrize("kind", [FglPrinter, EscPosPrinter])
def test_a_job_to_a_printer_that_streams_fails_before_sending(kind: type[Printer]) -> None:
    device = Streaming()
    printer = _printer(kind, device, FakeClock())
    outcome = printer.print_job(b"<RC10,10>ticket<p>")
    assert outcome.state is JobState.FAILED and "keeps sending" in outcome.detail
    assert b"ticket" not in device.written


def test_fgl_status_dialogue_has_one_overall_deadline() -> None:
    clock = FakeClock()
    device = Dripping(clock, every=0.4)
    printer = _printer(FglPrinter, device, clock, status_deadline=3.0, status_timeout=1.0)
    start = clock.now
    with pytest.raises(ProtocolError):
        printer.status()
    # the greeting read, then the deadline, overrun by the one read under way at most
    assert clock.now - start <= 0.4 + 3.0 + 0.4 + 1e-6


def test_escpos_status_dialogue_has_one_overall_deadline() -> None:
    # Each DLE EOT reply comes 2 s after its query: every query alone is within the 3 s
    # status timeout, but the four of them would take 8 s.
    clock = FakeClock()
    device = LateAnswers(clock, delay=2.0, reply=0x12)
    printer = _printer(EscPosPrinter, device, clock, status_deadline=5.0, status_timeout=3.0)
    start = clock.now
    with pytest.raises(DeviceTimeout):
        printer.status()
    assert clock.now - start <= 5.0
    assert device.written.count(b"\x10\x04") == 3


class Boca(Streaming):
    """Answers ``<S1>`` with X-ON and a ticket with ``answer``; silence costs fake time."""

    def __init__(self, clock: FakeClock, answer: bytes) -> None:
        super().__init__()
        self.clock = clock
        self.answer = answer
        self.incoming = bytearray()

    def write(self, data: bytes, timeout: float) -> None:
        super().write(data, timeout)
        if data == b"<S1>":
            self.incoming += b"\x11"
        elif data.endswith(b"<p>"):
            self.incoming += self.answer

    def read(self, size: int, timeout: float) -> bytes:
        self.reads += 1
        if not self.incoming:
            self.clock.now += timeout
            return b""
        data = bytes(self.incoming[:size])
        del self.incoming[:size]
        return data


@pytest.mark.parametrize(
    ("answer", "state", "words"),
    [
        (b"\x06", JobState.CONFIRMED, "ready"),
        (b"\x11\x13\x16\x06", JobState.CONFIRMED, "ribbon low"),
        (b"\x15", JobState.FAILED, "illegal print command"),
        (b"\x19", JobState.FAILED, "illegal data"),
        (b"\x0a", JobState.FAILED, "out of paper"),
        (b"\x17", JobState.UNKNOWN, "ribbon out"),
        (b"\x14", JobState.UNKNOWN, "bad flash memory"),
        (b"\x1e", JobState.UNKNOWN, "stuck ticket"),
        (b"\x05\x06", JobState.CONFIRMED, "ready"),  # a test-button ticket is not ours
        (b"\x05", JobState.UNKNOWN, "did not confirm"),
        (b"", JobState.UNKNOWN, "did not confirm"),
    ],
)
def test_fgl_ticket_outcome_per_status_byte(answer: bytes, state: JobState, words: str) -> None:
    clock = FakeClock()
    printer = _printer(FglPrinter, Boca(clock, answer), clock, confirm_timeout=15.0)
    outcome = printer.print_job(b"<RC10,10>ticket<p>")
    assert outcome.state is state
    assert words in outcome.detail
