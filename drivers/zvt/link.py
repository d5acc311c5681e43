"""The ZVT link layer: whole APDUs over a byte transport, bare on TCP, framed on serial.

`TcpLink` writes and reads bare APDUs. `SerialLink` wraps each APDU in a frame, waits for the
peer's ACK (repeating the frame after a NAK, at most three times in all) and answers each
received frame with ACK, or NAK when its CRC is wrong. Both log every byte in a `WireLog`.
Links raise only `drivers.errors` errors; they know nothing of what the APDUs mean.

``deadline`` (a `time.monotonic` moment, or None) bounds every wait of the current dialogue,
whatever the terminal does: bytes dripped one by one, or frames without end, cannot stretch it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Protocol

from drivers.errors import DeviceTimeout, DeviceUnavailable, ProtocolError
from drivers.transports.base import Transport, WireLog
from drivers.zvt import framing
from drivers.zvt.apdu import Apdu, decode_apdu, header_length

INTER_BYTE_TIMEOUT = 1.0  # once an APDU has begun, its bytes follow closely
SEND_ATTEMPTS = 3  # a frame is sent at most three times (two repeats after NAK or silence)
ACK_TIMEOUT = 1.0  # how long the line layer waits for ACK/NAK of a frame


Monotonic = Callable[[], float]


class Link(Protocol):
    transport: Transport
    deadline: float | None  # the end of the current dialogue, on the link's monotonic clock

    def send(self, apdu: Apdu, timeout: float) -> None: ...

    def receive(self, timeout: float) -> Apdu: ...

    def send_now(self, apdu: Apdu, timeout: float) -> None:
        """Write without waiting for any line-level answer (an abort while the terminal is
        master: the reading thread meets its ACK)."""
        ...


class DialogueOver(DeviceTimeout):
    """The dialogue's overall deadline passed."""


class _Timing:
    transport: Transport
    deadline: float | None
    monotonic: Monotonic

    def _end(self, timeout: float) -> float:
        """The end of one wait of ``timeout`` seconds, never past the dialogue's deadline."""
        end = self.monotonic() + timeout
        return end if self.deadline is None else min(end, self.deadline)

    def _over(self) -> bool:
        return self.deadline is not None and self.monotonic() >= self.deadline

    def _read_some(self, size: int, end: float) -> bytes:
        remaining = end - self.monotonic()
        if remaining <= 0:
            return b""
        return self.transport.read(size, min(remaining, 0.5))


class TcpLink(_Timing):
    def __init__(
        self,
        transport: Transport,
        wire: WireLog | None = None,
        monotonic: Monotonic = time.monotonic,
    ) -> None:
        self.transport = transport
        self.wire = wire or WireLog()
        self.monotonic = monotonic
        self.deadline = None
        self._write_lock = threading.Lock()

    def send(self, apdu: Apdu, timeout: float) -> None:
        data = apdu.encode()
        with self._write_lock:
            self.transport.write(data, timeout)
        self.wire.add("out", data)

    send_now = send

    def receive(self, timeout: float) -> Apdu:
        """The next APDU; DeviceTimeout when none began within ``timeout``."""
        raw = bytearray()
        end = self._end(timeout)
        while True:
            length, offset = header_length(bytes(raw))
            needed = offset - len(raw) if length is None else offset + length - len(raw)
            if needed <= 0:
                break
            chunk = self._read_some(needed, end)
            if chunk:
                self.wire.add("in", chunk)
                raw += chunk
                end = max(end, self._end(INTER_BYTE_TIMEOUT))
            elif self._over():
                raise DialogueOver(
                    "the terminal did not finish within the dialogue's deadline"
                    + (f" (a message stopped after {len(raw)} bytes)" if raw else "")
                )
            elif self.monotonic() >= end:
                if raw:
                    raise ProtocolError(f"APDU cut short after {bytes(raw).hex(' ')}")
                raise DeviceTimeout(f"no answer from the terminal within {timeout:g} s")
            elif not self.transport.is_open:
                raise DeviceUnavailable("the terminal closed the connection")
        return decode_apdu(bytes(raw))


class SerialLink(_Timing):
    def __init__(
        self,
        transport: Transport,
        wire: WireLog | None = None,
        ack_timeout: float = ACK_TIMEOUT,
        monotonic: Monotonic = time.monotonic,
    ) -> None:
        self.transport = transport
        self.wire = wire or WireLog()
        self.ack_timeout = ack_timeout
        self.monotonic = monotonic
        self.deadline = None
        self._decoder = framing.FrameDecoder()
        self._pending: list[framing.Event] = []
        self._write_lock = threading.Lock()

    def _write(self, data: bytes, timeout: float) -> None:
        with self._write_lock:
            self.transport.write(data, timeout)
        self.wire.add("out", data)

    def send_now(self, apdu: Apdu, timeout: float) -> None:
        self._write(framing.frame(apdu.encode()), timeout)

    def _next_event(self, end: float) -> framing.Event | None:
        """The next ACK, NAK or frame before ``end``; None when none came in time."""
        while not self._pending:
            if self.monotonic() >= end:
                return None
            chunk = self._read_some(256, end)
            if chunk:
                self.wire.add("in", chunk)
                self._pending.extend(self._decoder.feed(chunk))
            elif not self.transport.is_open:
                raise DeviceUnavailable("the serial line closed")
        return self._pending.pop(0)

    def _check_deadline(self) -> None:
        if self._over():
            raise DialogueOver("the terminal did not finish within the dialogue's deadline")

    def send(self, apdu: Apdu, timeout: float) -> None:
        data = framing.frame(apdu.encode())
        for _attempt in range(SEND_ATTEMPTS):
            self._check_deadline()
            self._write(data, timeout)
            end = self._end(self.ack_timeout)
            while True:
                event = self._next_event(end)
                if event is None or event.kind is framing.EventKind.NAK:
                    break  # repeat the frame
                if event.kind is framing.EventKind.ACK:
                    return
                # A frame from the peer before our ACK: keep it for `receive`.
                self._pending.insert(0, event)
                return
        raise DeviceTimeout(f"the terminal did not acknowledge {apdu} after {SEND_ATTEMPTS} tries")

    def receive(self, timeout: float) -> Apdu:
        end = self._end(timeout)
        while True:
            self._check_deadline()
            event = self._next_event(end)
            if event is None:
                self._check_deadline()
                raise DeviceTimeout(f"no answer from the terminal within {timeout:g} s")
            if event.kind is framing.EventKind.BAD_FRAME:
                self._write(bytes([framing.NAK]), timeout)  # ask for it again
                if self.monotonic() >= end:
                    raise ProtocolError(f"only garbled frames from the terminal ({event.reason})")
                continue
            if event.kind is not framing.EventKind.FRAME:
                continue  # a late ACK/NAK of ours
            self._write(bytes([framing.ACK]), timeout)
            return decode_apdu(event.payload)
