"""The ZVT link layer: whole APDUs over a byte transport, bare on TCP, framed on serial.

`TcpLink` writes and reads bare APDUs. `SerialLink` wraps each APDU in a frame, waits for the
peer's ACK (repeating the frame after a NAK, at most three times in all) and answers each
received frame with ACK, or NAK when its CRC is wrong. Both log every byte in a `WireLog`.
Links raise only `drivers.errors` errors; they know nothing of what the APDUs mean.
"""

from __future__ import annotations

import threading
import time
from typing import Protocol

from drivers.errors import DeviceTimeout, DeviceUnavailable, ProtocolError
from drivers.transports.base import Transport, WireLog
from drivers.zvt import framing
from drivers.zvt.apdu import Apdu, decode_apdu, header_length

INTER_BYTE_TIMEOUT = 1.0  # once an APDU has begun, its bytes follow closely
SEND_ATTEMPTS = 3  # a frame is sent at most three times (two repeats after NAK or silence)
ACK_TIMEOUT = 1.0  # how long the line layer waits for ACK/NAK of a frame


class Link(Protocol):
    transport: Transport

    def send(self, apdu: Apdu, timeout: float) -> None: ...

    def receive(self, timeout: float) -> Apdu: ...

    def send_now(self, apdu: Apdu, timeout: float) -> None:
        """Write without waiting for any line-level answer (an abort while the terminal is
        master: the reading thread meets its ACK)."""
        ...


def _read_some(transport: Transport, size: int, deadline: float) -> bytes:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        return b""
    return transport.read(size, min(remaining, 0.5))


class TcpLink:
    def __init__(self, transport: Transport, wire: WireLog | None = None) -> None:
        self.transport = transport
        self.wire = wire or WireLog()
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
        deadline = time.monotonic() + timeout
        while True:
            length, offset = header_length(bytes(raw))
            needed = offset - len(raw) if length is None else offset + length - len(raw)
            if needed <= 0:
                break
            chunk = _read_some(self.transport, needed, deadline)
            if chunk:
                self.wire.add("in", chunk)
                raw += chunk
                deadline = max(deadline, time.monotonic() + INTER_BYTE_TIMEOUT)
            elif time.monotonic() >= deadline:
                if raw:
                    raise ProtocolError(f"APDU cut short after {bytes(raw).hex(' ')}")
                raise DeviceTimeout(f"no answer from the terminal within {timeout:g} s")
            elif not self.transport.is_open:
                raise DeviceUnavailable("the terminal closed the connection")
        return decode_apdu(bytes(raw))


class SerialLink:
    def __init__(
        self, transport: Transport, wire: WireLog | None = None, ack_timeout: float = ACK_TIMEOUT
    ) -> None:
        self.transport = transport
        self.wire = wire or WireLog()
        self.ack_timeout = ack_timeout
        self._decoder = framing.FrameDecoder()
        self._pending: list[framing.Event] = []
        self._write_lock = threading.Lock()

    def _write(self, data: bytes, timeout: float) -> None:
        with self._write_lock:
            self.transport.write(data, timeout)
        self.wire.add("out", data)

    def send_now(self, apdu: Apdu, timeout: float) -> None:
        self._write(framing.frame(apdu.encode()), timeout)

    def _next_event(self, deadline: float) -> framing.Event | None:
        while not self._pending:
            chunk = _read_some(self.transport, 256, deadline)
            if chunk:
                self.wire.add("in", chunk)
                self._pending.extend(self._decoder.feed(chunk))
            elif time.monotonic() >= deadline:
                return None
            elif not self.transport.is_open:
                raise DeviceUnavailable("the serial line closed")
        return self._pending.pop(0)

    def send(self, apdu: Apdu, timeout: float) -> None:
        data = framing.frame(apdu.encode())
        for _attempt in range(SEND_ATTEMPTS):
            self._write(data, timeout)
            deadline = time.monotonic() + self.ack_timeout
            while True:
                event = self._next_event(deadline)
                if event is None or event.kind is framing.EventKind.NAK:
                    break  # repeat the frame
                if event.kind is framing.EventKind.ACK:
                    return
                # A frame from the peer before our ACK: keep it for `receive`.
                self._pending.insert(0, event)
                return
        raise DeviceTimeout(f"the terminal did not acknowledge {apdu} after {SEND_ATTEMPTS} tries")

    def receive(self, timeout: float) -> Apdu:
        deadline = time.monotonic() + timeout
        while True:
            event = self._next_event(deadline)
            if event is None:
                raise DeviceTimeout(f"no answer from the terminal within {timeout:g} s")
            if event.kind is framing.EventKind.BAD_FRAME:
                self._write(bytes([framing.NAK]), timeout)  # ask for it again
                continue
            if event.kind is not framing.EventKind.FRAME:
                continue  # a late ACK/NAK of ours
            self._write(bytes([framing.ACK]), timeout)
            return decode_apdu(event.payload)
