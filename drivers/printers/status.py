"""Printer status as the devices report it: ESC/POS ``DLE EOT n`` bytes and Boca FGL status
bytes, decoded into one `PrinterStatus`.

ESC/POS replies are checked against their fixed bits (``0xx1xx10``); FGL bytes are looked up
in a table per model. Anything else raises ProtocolError naming the byte, so garbage on the
line becomes a clear message rather than a false "paper out". Pure functions, no I/O.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, replace

from drivers.errors import ProtocolError


@dataclass(frozen=True, slots=True)
class PrinterStatus:
    online: bool = True
    cover_open: bool = False
    paper_near_end: bool = False
    paper_out: bool = False
    cutter_error: bool = False
    jam: bool = False
    unrecoverable: bool = False
    recoverable_error: bool = False  # head too hot and the like: clears by itself
    busy: bool = False
    drawer_high: bool = False  # ESC/POS: drawer sensor pin 3 level
    answered: bool = True  # False: the printer said nothing (FGL <S1> when busy or in error)

    @property
    def ready(self) -> bool:
        return (
            self.answered
            and self.online
            and not (self.cover_open or self.paper_out or self.cutter_error or self.jam)
            and not (self.unrecoverable or self.busy)
        )

    def problems(self) -> list[str]:
        """What a person should know, most urgent first (plain English, for logs and CLI;
        the screen translates the flags)."""
        found = []
        if not self.answered:
            found.append("no answer (busy or in error)")
        if self.cover_open:
            found.append("cover open")
        if self.paper_out:
            found.append("paper out")
        if self.jam:
            found.append("paper jam")
        if self.cutter_error:
            found.append("cutter error")
        if self.unrecoverable:
            found.append("unrecoverable error")
        if self.recoverable_error:
            found.append("recoverable error")
        if not self.online and not found:
            found.append("offline")
        if self.busy:
            found.append("busy")
        if self.paper_near_end:
            found.append("paper near end")
        return found

    def summary(self) -> str:
        return ", ".join(self.problems()) or "ready"


# --- ESC/POS -------------------------------------------------------------------------------

DLE_EOT = b"\x10\x04"
SENSOR_PAPER = b"\x1dr\x01"  # GS r 1: answered only once the data before it is processed


def is_dle_eot_reply(byte: int) -> bool:
    return byte & 0b1001_0011 == 0b0001_0010


def decode_dle_eot(n: int, byte: int, status: PrinterStatus | None = None) -> PrinterStatus:
    """Fold the reply to ``DLE EOT n`` into ``status``."""
    if not is_dle_eot_reply(byte):
        raise ProtocolError(
            f"the printer answered {byte:#04x} to a status query (DLE EOT {n}); "
            "a valid reply looks like 0xx1xx10: the line is garbled or this is not ESC/POS"
        )
    current = status or PrinterStatus()
    if n == 1:
        return replace(current, online=not byte & 0x08, drawer_high=bool(byte & 0x04))
    if n == 2:
        return replace(
            current,
            cover_open=bool(byte & 0x04),
            paper_out=current.paper_out or bool(byte & 0x20),
            online=current.online and not byte & 0x40,
        )
    if n == 3:
        return replace(
            current,
            cutter_error=bool(byte & 0x08),
            unrecoverable=bool(byte & 0x20),
            recoverable_error=bool(byte & 0x40),
        )
    if n == 4:
        return replace(
            current,
            paper_near_end=bool(byte & 0x0C),
            paper_out=current.paper_out or bool(byte & 0x60),
        )
    raise ProtocolError(f"DLE EOT {n} is not a status query this driver knows")


def is_sensor_reply(byte: int) -> bool:
    """A ``GS r 1`` reply: bit 4 and bit 7 clear (a DLE EOT reply has bit 4 set)."""
    return byte & 0b1001_0000 == 0


# --- Boca FGL ------------------------------------------------------------------------------


class FglSignal(enum.Enum):
    PRINTED = "printed"  # the ticket came out and was cut
    READY = "ready"  # X-ON: keep waiting if a ticket is out
    BUSY = "busy"  # X-OFF
    POWER_ON = "power on"
    LOW_PAPER = "low paper"
    OUT_OF_PAPER = "out of paper"
    PAPER_JAM = "paper jam"
    CUTTER_JAM = "cutter jam"
    ILLEGAL_DATA = "illegal data"
    TICKET_REMOVED = "ticket removed"
    RIBBON_LOW = "ribbon low"
    NOTHING = "nothing"  # 00: a filler some firmwares send


_FGL_COMMON: dict[int, FglSignal] = {
    0x00: FglSignal.NOTHING,
    0x06: FglSignal.PRINTED,
    0x0F: FglSignal.LOW_PAPER,
    0x10: FglSignal.OUT_OF_PAPER,
    0x11: FglSignal.READY,
    0x12: FglSignal.POWER_ON,
    0x13: FglSignal.BUSY,
    0x18: FglSignal.PAPER_JAM,
    0x19: FglSignal.ILLEGAL_DATA,
    0x1D: FglSignal.CUTTER_JAM,
}

# Byte 16 means "ticket removed" on printers with a presenter and "ribbon low" on thermal
# transfer models (hardware notes §3.2); other bytes are shared.
FGL_STATUS_TABLES: dict[str, Mapping[int, FglSignal]] = {
    "FGL46": {**_FGL_COMMON, 0x16: FglSignal.TICKET_REMOVED},
    "FGL26": {**_FGL_COMMON, 0x16: FglSignal.TICKET_REMOVED},
    "FGL46-300": {**_FGL_COMMON, 0x16: FglSignal.TICKET_REMOVED},
    "FGL46-TT": {**_FGL_COMMON, 0x16: FglSignal.RIBBON_LOW},
}


def decode_fgl(byte: int, model: str = "FGL46") -> FglSignal:
    table = FGL_STATUS_TABLES.get(model, FGL_STATUS_TABLES["FGL46"])
    try:
        return table[byte]
    except KeyError:
        raise ProtocolError(
            f"the ticket printer sent {byte:#04x}, which is not an {model} status byte: "
            "the line is garbled or the printer is not in FGL mode"
        ) from None


def fgl_status(signal: FglSignal, status: PrinterStatus | None = None) -> PrinterStatus:
    current = status or PrinterStatus()
    if signal in (FglSignal.READY, FglSignal.PRINTED, FglSignal.POWER_ON):
        return PrinterStatus(paper_near_end=current.paper_near_end)
    if signal is FglSignal.BUSY:
        return replace(current, busy=True)
    if signal is FglSignal.LOW_PAPER:
        return replace(current, paper_near_end=True)
    if signal is FglSignal.OUT_OF_PAPER:
        return replace(current, paper_out=True, online=False)
    if signal is FglSignal.PAPER_JAM:
        return replace(current, jam=True, online=False)
    if signal is FglSignal.CUTTER_JAM:
        return replace(current, cutter_error=True, online=False)
    return current
