"""ZVT over a serial line: ``DLE STX`` + APDU (each ``DLE`` doubled) + ``DLE ETX`` + CRC.

The CRC is CRC-16/KERMIT (polynomial 0x1021 reflected, initial value 0, no final XOR) over the
unstuffed APDU followed by ``ETX``, sent low byte first. Each frame is answered ``ACK`` (06) or
``NAK`` (15). This module builds and splits bytes; it never touches the line.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

DLE = 0x10
STX = 0x02
ETX = 0x03
ACK = 0x06
NAK = 0x15


def crc16_kermit(data: bytes) -> int:
    crc = 0x0000
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x8408 if crc & 1 else crc >> 1
    return crc


def frame(apdu: bytes) -> bytes:
    crc = crc16_kermit(apdu + bytes([ETX]))
    stuffed = apdu.replace(bytes([DLE]), bytes([DLE, DLE]))
    return bytes([DLE, STX]) + stuffed + bytes([DLE, ETX, crc & 0xFF, crc >> 8])


class EventKind(enum.Enum):
    FRAME = "frame"  # a whole frame with a good CRC: ``payload`` holds the APDU
    BAD_FRAME = "bad frame"  # a frame with a wrong CRC or a broken escape: answer NAK
    ACK = "ack"
    NAK = "nak"


@dataclass(frozen=True, slots=True)
class Event:
    kind: EventKind
    payload: bytes = b""
    reason: str = ""


class _State(enum.Enum):
    HUNT = 0
    DATA = 1
    ESCAPE = 2
    CRC = 3


class FrameDecoder:
    """Turns the bytes of a serial line into frames, ACKs and NAKs, one byte at a time.

    Bytes outside a frame that are neither ACK nor NAK are counted in ``discarded`` and
    dropped: the decoder hunts for the next ``DLE STX``.
    """

    def __init__(self, max_frame: int = 70_000) -> None:
        self._state = _State.HUNT
        self._buffer = bytearray()
        self._crc = bytearray()
        self._after_dle = False
        self._max = max_frame
        self.discarded = 0

    def feed(self, data: bytes) -> list[Event]:
        events: list[Event] = []
        for byte in data:
            event = self._byte(byte)
            if event is not None:
                events.append(event)
        return events

    def _byte(self, byte: int) -> Event | None:
        state = self._state
        if state is _State.HUNT:
            if self._after_dle:
                self._after_dle = False
                if byte == STX:
                    self._state = _State.DATA
                    self._buffer.clear()
                    return None
                self.discarded += 2
                if byte == DLE:
                    self._after_dle = True
                    self.discarded -= 1
                return None
            if byte == DLE:
                self._after_dle = True
            elif byte == ACK:
                return Event(EventKind.ACK)
            elif byte == NAK:
                return Event(EventKind.NAK)
            else:
                self.discarded += 1
            return None
        if state is _State.DATA:
            if byte == DLE:
                self._state = _State.ESCAPE
            else:
                self._buffer.append(byte)
                if len(self._buffer) > self._max:
                    return self._fail("frame too long")
            return None
        if state is _State.ESCAPE:
            if byte == DLE:
                self._buffer.append(DLE)
                self._state = _State.DATA
            elif byte == ETX:
                self._state = _State.CRC
                self._crc.clear()
            elif byte == STX:  # a new frame started: the previous one was cut
                self._buffer.clear()
                self._state = _State.DATA
                return Event(EventKind.BAD_FRAME, reason="frame cut by a new DLE STX")
            else:
                return self._fail(f"DLE followed by {byte:02X}")
            return None
        self._crc.append(byte)
        if len(self._crc) < 2:
            return None
        self._state = _State.HUNT
        payload = bytes(self._buffer)
        received = self._crc[0] | (self._crc[1] << 8)
        expected = crc16_kermit(payload + bytes([ETX]))
        if received != expected:
            return Event(
                EventKind.BAD_FRAME,
                payload,
                f"CRC {received:04X} instead of {expected:04X}",
            )
        return Event(EventKind.FRAME, payload)

    def _fail(self, reason: str) -> Event:
        self._state = _State.HUNT
        self._buffer.clear()
        return Event(EventKind.BAD_FRAME, reason=reason)
