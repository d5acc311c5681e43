"""Printer status as the devices report it: ESC/POS ``DLE EOT n`` bytes and Boca FGL status
bytes, decoded into one `PrinterStatus`.

ESC/POS replies are checked against their fixed bits (``0xx1xx10``); FGL bytes are looked up
in Boca's status table (per model where models differ), and `fgl_outcome` says what each one
means for a ticket just sent. Anything else raises ProtocolError naming the byte, so garbage on the
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
    ribbon_low: bool = False  # FGL thermal-transfer models
    ribbon_out: bool = False
    fault: str = ""  # a fault no flag above names, in the printer's words (FGL: bad flash)
    garbled: bool = False  # the printer sent more than a status can be: noise on the line
    drawer_high: bool = False  # ESC/POS: drawer sensor pin 3 level
    answered: bool = True  # False: the printer said nothing (FGL <S1> when busy or in error)

    @property
    def ready(self) -> bool:
        return (
            self.answered
            and self.online
            and not (self.cover_open or self.paper_out or self.cutter_error or self.jam)
            and not (self.unrecoverable or self.busy or self.ribbon_out or self.fault)
            and not self.garbled
        )

    def problems(self) -> list[str]:
        """What a person should know, most urgent first (plain English, for logs and CLI;
        the screen translates the flags)."""
        found = []
        if self.garbled:
            found.append("garbled: the printer keeps sending")
        if not self.answered:
            found.append("no answer (busy or in error)")
        if self.cover_open:
            found.append("cover open")
        if self.paper_out:
            found.append("paper out")
        if self.ribbon_out:
            found.append("ribbon out")
        if self.jam:
            found.append("paper jam")
        if self.cutter_error:
            found.append("cutter error")
        if self.unrecoverable:
            found.append("unrecoverable error")
        if self.fault:
            found.append(self.fault)
        if self.recoverable_error:
            found.append("recoverable error")
        if not self.online and not found:
            found.append("offline")
        if self.busy:
            found.append("busy")
        if self.paper_near_end:
            found.append("paper near end")
        if self.ribbon_low:
            found.append("ribbon low")
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
    """What a Boca status byte says (FGL programming guide, "Printer status supplement",
    bi-directional status table)."""

    PRINTED = "printed"  # 06 ticket ACK: the ticket came out and was cut
    TEST_TICKET = "test button ticket printed"  # 05: not a ticket of ours
    READY = "ready"  # 11 X-ON
    BUSY = "busy"  # 13 X-OFF
    POWER_ON = "power on"
    PAPER_LOADED = "paper loaded"
    LOW_PAPER = "low paper"
    OUT_OF_PAPER = "out of paper"
    RIBBON_LOW = "ribbon low"
    RIBBON_OUT = "ribbon out"
    PAPER_JAM = "paper jam"
    ESCROW_JAM = "escrow jam"
    STUCK_TICKET = "stuck ticket or cutter jam"
    CUTTER_JAM = "cutter jam"
    BAD_FLASH = "bad flash memory"
    POWER_UP_PROBLEM = "power-up problem"
    DOWNLOAD_ERROR = "downloading error"
    ILLEGAL_COMMAND = "illegal print command"  # 15, NAK
    ILLEGAL_DATA = "illegal data"
    REJECT_BIN_WARNING = "reject bin warning"
    REJECT_BIN_ERROR = "reject bin error"
    UPDATE_WRONG_FILE = "wrong file identifier during a firmware update"
    CHECKSUM_INVALID = "invalid checksum"
    CHECKSUM_VALID = "valid checksum"
    TICKET_REMOVED = "ticket removed"  # Lemur-X only, where 16 is not "ribbon low"
    NOTHING = "nothing"  # 00: a filler some firmwares send (not in Boca's table)


# Boca's table; codes marked there as "dual supply mode", "magnetic encoding" or "special
# firmware" only (paths 1 and 2, reject bin, escrow) are kept: a printer that does not have
# the feature never sends them, and one that does must not read as a garbled line.
_FGL_COMMON: dict[int, FglSignal] = {
    0x00: FglSignal.NOTHING,
    0x01: FglSignal.REJECT_BIN_WARNING,
    0x02: FglSignal.REJECT_BIN_ERROR,
    0x03: FglSignal.PAPER_JAM,  # path 1
    0x04: FglSignal.PAPER_JAM,  # path 2
    0x05: FglSignal.TEST_TICKET,
    0x06: FglSignal.PRINTED,
    0x07: FglSignal.UPDATE_WRONG_FILE,
    0x08: FglSignal.CHECKSUM_INVALID,
    0x09: FglSignal.CHECKSUM_VALID,
    0x0A: FglSignal.OUT_OF_PAPER,  # path 1
    0x0B: FglSignal.OUT_OF_PAPER,  # path 2
    0x0C: FglSignal.PAPER_LOADED,  # path 1
    0x0D: FglSignal.PAPER_LOADED,  # path 2
    0x0E: FglSignal.ESCROW_JAM,
    0x0F: FglSignal.LOW_PAPER,
    0x10: FglSignal.OUT_OF_PAPER,
    0x11: FglSignal.READY,
    0x12: FglSignal.POWER_ON,
    0x13: FglSignal.BUSY,
    0x14: FglSignal.BAD_FLASH,
    0x15: FglSignal.ILLEGAL_COMMAND,
    0x16: FglSignal.RIBBON_LOW,
    0x17: FglSignal.RIBBON_OUT,
    0x18: FglSignal.PAPER_JAM,
    0x19: FglSignal.ILLEGAL_DATA,
    0x1A: FglSignal.POWER_UP_PROBLEM,
    0x1C: FglSignal.DOWNLOAD_ERROR,
    0x1D: FglSignal.CUTTER_JAM,
    0x1E: FglSignal.STUCK_TICKET,  # stuck ticket (magnetic) or cutter jam path 1
    0x1F: FglSignal.CUTTER_JAM,  # path 2
}

# Every FGL26/46 model shares Boca's table. TLS-Boca's status article lists 16 as "ticket
# removed" on the Lemur-X (support article 62000221712): that model alone reads it so.
FGL_STATUS_TABLES: dict[str, Mapping[int, FglSignal]] = {
    "FGL46": _FGL_COMMON,
    "FGL26": _FGL_COMMON,
    "FGL46-300": _FGL_COMMON,
    "FGL46-TT": _FGL_COMMON,
    "LEMUR-X": {**_FGL_COMMON, 0x16: FglSignal.TICKET_REMOVED},
}


class FglOutcome(enum.Enum):
    """What a status byte that arrives after a ticket was sent says about that ticket."""

    PRINTED = "printed"
    WAIT = "wait"  # says nothing about the ticket: keep reading until the deadline
    NOT_PRINTED = "not printed"  # refused or out of media before it came out
    UNCERTAIN = "uncertain"  # a fault that may have left a whole or partial ticket


_NOT_PRINTED = {FglSignal.OUT_OF_PAPER, FglSignal.ILLEGAL_DATA, FglSignal.ILLEGAL_COMMAND}
_UNCERTAIN = {
    FglSignal.PAPER_JAM,
    FglSignal.ESCROW_JAM,
    FglSignal.STUCK_TICKET,
    FglSignal.CUTTER_JAM,
    FglSignal.RIBBON_OUT,  # the printer stops mid-ticket: part of it may be out
    FglSignal.BAD_FLASH,
    FglSignal.POWER_UP_PROBLEM,
    FglSignal.DOWNLOAD_ERROR,
    FglSignal.REJECT_BIN_ERROR,
}


def fgl_outcome(signal: FglSignal) -> FglOutcome:
    if signal is FglSignal.PRINTED:
        return FglOutcome.PRINTED
    if signal in _NOT_PRINTED:
        return FglOutcome.NOT_PRINTED
    if signal in _UNCERTAIN:
        return FglOutcome.UNCERTAIN
    return FglOutcome.WAIT


def decode_fgl(byte: int, model: str = "FGL46") -> FglSignal:
    table = FGL_STATUS_TABLES.get(model.upper(), _FGL_COMMON)
    try:
        return table[byte]
    except KeyError:
        raise ProtocolError(
            f"the ticket printer sent {byte:#04x}, which is not an {model} status byte: "
            "the line is garbled or the printer is not in FGL mode"
        ) from None


_FAULTS = {
    FglSignal.BAD_FLASH: "bad flash memory",
    FglSignal.POWER_UP_PROBLEM: "power-up problem",
    FglSignal.REJECT_BIN_ERROR: "reject bin error",
}


def fgl_status(signal: FglSignal, status: PrinterStatus | None = None) -> PrinterStatus:
    current = status or PrinterStatus()
    if signal in (FglSignal.READY, FglSignal.PRINTED, FglSignal.POWER_ON):
        return PrinterStatus(paper_near_end=current.paper_near_end, ribbon_low=current.ribbon_low)
    if signal is FglSignal.PAPER_LOADED:
        return replace(current, paper_out=False, online=True)
    if signal is FglSignal.BUSY:
        return replace(current, busy=True)
    if signal is FglSignal.LOW_PAPER:
        return replace(current, paper_near_end=True)
    if signal is FglSignal.RIBBON_LOW:
        return replace(current, ribbon_low=True)
    if signal is FglSignal.OUT_OF_PAPER:
        return replace(current, paper_out=True, online=False)
    if signal is FglSignal.RIBBON_OUT:
        return replace(current, ribbon_out=True, online=False)
    if signal in (FglSignal.PAPER_JAM, FglSignal.ESCROW_JAM, FglSignal.STUCK_TICKET):
        return replace(current, jam=True, online=False)
    if signal is FglSignal.CUTTER_JAM:
        return replace(current, cutter_error=True, online=False)
    if signal in _FAULTS:
        return replace(current, fault=_FAULTS[signal], online=False)
    if signal is FglSignal.DOWNLOAD_ERROR:
        return replace(current, recoverable_error=True)
    return current
