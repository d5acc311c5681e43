"""Status bytes: ESC/POS DLE EOT replies bit by bit, FGL bytes per model, garbage refused."""

from __future__ import annotations

import pytest

from drivers.errors import ProtocolError
from drivers.printers.status import (
    FglSignal,
    PrinterStatus,
    decode_dle_eot,
    decode_fgl,
    fgl_status,
    is_sensor_reply,
)


def test_a_quiet_printer_is_ready() -> None:
    status = PrinterStatus()
    for n in (1, 2, 3, 4):
        status = decode_dle_eot(n, 0x12, status)
    assert status.ready and status.summary() == "ready"


@pytest.mark.parametrize(
    ("n", "byte", "flag"),
    [
        (1, 0x1A, "offline"),
        (1, 0x16, "drawer_high"),
        (2, 0x16, "cover_open"),
        (2, 0x32, "paper_out"),
        (3, 0x1A, "cutter_error"),
        (3, 0x32, "unrecoverable"),
        (3, 0x52, "recoverable_error"),
        (4, 0x1E, "paper_near_end"),
        (4, 0x72, "paper_out"),
    ],
)
def test_each_bit(n: int, byte: int, flag: str) -> None:
    status = decode_dle_eot(n, byte)
    if flag == "offline":
        assert not status.online and not status.ready
    else:
        assert getattr(status, flag) is True


def test_paper_near_end_still_prints_but_is_reported() -> None:
    status = decode_dle_eot(4, 0x1E)
    assert status.ready and status.problems() == ["paper near end"]


@pytest.mark.parametrize("byte", [0x00, 0xFF, 0x13, 0x92, 0x14])
def test_garbage_status_is_a_protocol_error_naming_the_byte(byte: int) -> None:
    with pytest.raises(ProtocolError, match=f"{byte:#04x}"):
        decode_dle_eot(2, byte)


def test_sensor_replies_are_told_apart_from_dle_eot_replies() -> None:
    assert is_sensor_reply(0x00) and is_sensor_reply(0x0C)
    assert not is_sensor_reply(0x12)


def test_fgl_bytes_per_model() -> None:
    assert decode_fgl(0x06) is FglSignal.PRINTED
    assert decode_fgl(0x16, "FGL46") is FglSignal.TICKET_REMOVED
    assert decode_fgl(0x16, "FGL46-TT") is FglSignal.RIBBON_LOW
    assert fgl_status(FglSignal.OUT_OF_PAPER).paper_out
    assert fgl_status(FglSignal.PAPER_JAM).jam
    assert not fgl_status(FglSignal.CUTTER_JAM).ready
    assert fgl_status(FglSignal.READY, fgl_status(FglSignal.LOW_PAPER)).paper_near_end


def test_fgl_garbage_is_a_protocol_error() -> None:
    with pytest.raises(ProtocolError, match="0x7e"):
        decode_fgl(0x7E)
