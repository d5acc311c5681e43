"""Status bytes: ESC/POS DLE EOT replies bit by bit, FGL bytes per model, garbage refused."""

from __future__ import annotations

import pytest

from drivers.errors import ProtocolError
from drivers.printers.status import (
    FGL_STATUS_TABLES,
    FglOutcome,
    FglSignal,
    PrinterStatus,
    decode_dle_eot,
    decode_fgl,
    fgl_outcome,
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


# Boca Systems, "Programming guide, Friendly Ghost Language FGL46/FGL26 ...", Printer status
# supplement, "Bi-directional status (for serial, Ethernet, USB and Bluetooth)" table (revision
# S, March 9 2012; the same table in revisions P to 12). Copied here by hand from the guide,
# not from our code: code, the guide's description.
BOCA_STATUS_TABLE = {
    0x01: "REJECT BIN WARNING",
    0x02: "REJECT BIN ERROR",
    0x03: "PAPER JAM PATH 1",
    0x04: "PAPER JAM PATH 2",
    0x05: "TEST BUTTON TICKET ACK",
    0x06: "TICKET ACK",
    0x07: "WRONG FILE IDENTIFIER DURING UPDATE",
    0x08: "INVALID CHECKSUM",
    0x09: "VALID CHECKSUM",
    0x0A: "OUT OF PAPER PATH 1",
    0x0B: "OUT OF PAPER PATH 2",
    0x0C: "PAPER LOADED PATH 1",
    0x0D: "PAPER LOADED PATH 2",
    0x0E: "ESCROW JAM",
    0x0F: "LOW PAPER",
    0x10: "OUT OF PAPER",
    0x11: "X-ON",
    0x12: "POWER ON",
    0x13: "X-OFF",
    0x14: "BAD FLASH MEMORY",
    0x15: "NAK (illegal print command)",
    0x16: "RIBBON LOW",
    0x17: "RIBBON OUT",
    0x18: "PAPER JAM",
    0x19: "ILLEGAL DATA",
    0x1A: "POWERUP PROBLEM",
    0x1C: "DOWNLOADING ERROR",
    0x1D: "CUTTER JAM",
    0x1E: "STUCK TICKET or CUTJAM PATH1",
    0x1F: "CUTJAM PATH2",
}

# What each description means for a ticket that was just sent, read from the guide's words:
# a ticket ACK confirms it; warnings and state changes say nothing about it; running out of
# paper or refusing the data means it never came out; a jam or a hardware fault may have left
# a whole or partial ticket in the printer: a person must look.
GUIDE_OUTCOME = {
    "TICKET ACK": FglOutcome.PRINTED,
    "OUT OF PAPER": FglOutcome.NOT_PRINTED,
    "OUT OF PAPER PATH 1": FglOutcome.NOT_PRINTED,
    "OUT OF PAPER PATH 2": FglOutcome.NOT_PRINTED,
    "ILLEGAL DATA": FglOutcome.NOT_PRINTED,
    "NAK (illegal print command)": FglOutcome.NOT_PRINTED,
    "PAPER JAM": FglOutcome.UNCERTAIN,
    "PAPER JAM PATH 1": FglOutcome.UNCERTAIN,
    "PAPER JAM PATH 2": FglOutcome.UNCERTAIN,
    "ESCROW JAM": FglOutcome.UNCERTAIN,
    "CUTTER JAM": FglOutcome.UNCERTAIN,
    "STUCK TICKET or CUTJAM PATH1": FglOutcome.UNCERTAIN,
    "CUTJAM PATH2": FglOutcome.UNCERTAIN,
    "RIBBON OUT": FglOutcome.UNCERTAIN,
    "BAD FLASH MEMORY": FglOutcome.UNCERTAIN,
    "POWERUP PROBLEM": FglOutcome.UNCERTAIN,
    "DOWNLOADING ERROR": FglOutcome.UNCERTAIN,
    "REJECT BIN ERROR": FglOutcome.UNCERTAIN,
}


@pytest.mark.parametrize("model", ["FGL46", "FGL26", "FGL46-TT", "FGL46-300"])
@pytest.mark.parametrize(("byte", "description"), sorted(BOCA_STATUS_TABLE.items()))
def test_every_code_of_boca_s_table_is_a_named_state(
    model: str, byte: int, description: str
) -> None:
    signal = decode_fgl(byte, model)
    assert signal is not FglSignal.NOTHING
    assert fgl_outcome(signal) is GUIDE_OUTCOME.get(description, FglOutcome.WAIT), description


def test_the_codes_the_issue_named_read_as_the_guide_says() -> None:
    assert decode_fgl(0x14) is FglSignal.BAD_FLASH
    assert decode_fgl(0x15) is FglSignal.ILLEGAL_COMMAND
    assert decode_fgl(0x16) is FglSignal.RIBBON_LOW  # not "ticket removed"
    assert decode_fgl(0x17) is FglSignal.RIBBON_OUT
    assert decode_fgl(0x1A) is FglSignal.POWER_UP_PROBLEM
    assert decode_fgl(0x1C) is FglSignal.DOWNLOAD_ERROR
    assert decode_fgl(0x1E) is FglSignal.STUCK_TICKET


def test_the_lemur_x_reads_16_as_ticket_removed() -> None:
    # TLS-Boca support article 62000221712 ("Printer status operation modes"), Lemur-X table
    assert decode_fgl(0x16, "Lemur-X") is FglSignal.TICKET_REMOVED
    assert fgl_outcome(FglSignal.TICKET_REMOVED) is FglOutcome.WAIT


@pytest.mark.parametrize(
    ("byte", "flag"),
    [
        (0x10, "paper_out"),
        (0x0A, "paper_out"),
        (0x17, "ribbon_out"),
        (0x18, "jam"),
        (0x03, "jam"),
        (0x0E, "jam"),
        (0x1E, "jam"),
        (0x1D, "cutter_error"),
        (0x1F, "cutter_error"),
    ],
)
def test_faults_stop_the_printer(byte: int, flag: str) -> None:
    status = fgl_status(decode_fgl(byte))
    assert getattr(status, flag) is True
    assert not status.ready


@pytest.mark.parametrize(("byte", "words"), [(0x14, "bad flash"), (0x1A, "power-up")])
def test_hardware_faults_are_named(byte: int, words: str) -> None:
    status = fgl_status(decode_fgl(byte))
    assert not status.ready and words in status.summary()


def test_warnings_are_reported_and_still_print() -> None:
    status = fgl_status(decode_fgl(0x16), fgl_status(decode_fgl(0x0F)))
    assert status.ready and status.problems() == ["paper near end", "ribbon low"]
    assert fgl_status(FglSignal.READY, status).ribbon_low  # X-ON does not clear a warning
    loaded = fgl_status(decode_fgl(0x0C), fgl_status(decode_fgl(0x0A)))
    assert loaded.ready


def test_fgl_bytes_per_model() -> None:
    assert decode_fgl(0x06) is FglSignal.PRINTED
    assert fgl_status(FglSignal.OUT_OF_PAPER).paper_out
    assert fgl_status(FglSignal.PAPER_JAM).jam
    assert not fgl_status(FglSignal.CUTTER_JAM).ready
    assert fgl_status(FglSignal.READY, fgl_status(FglSignal.LOW_PAPER)).paper_near_end


@pytest.mark.parametrize("byte", [0x7E, 0x1B, 0x20, 0xFF])
def test_fgl_bytes_outside_boca_s_table_are_a_protocol_error(byte: int) -> None:
    assert byte not in BOCA_STATUS_TABLE
    with pytest.raises(ProtocolError, match=f"{byte:#04x}"):
        decode_fgl(byte)


@pytest.mark.parametrize("model", sorted(FGL_STATUS_TABLES))
def test_every_model_with_a_status_table_can_print_a_ticket(model: str) -> None:
    from printing import data, fgl

    assert fgl.render_ticket(data.sample_ticket(), fgl.model(model)).endswith(b"<p>")
    assert fgl.model(model.title()) == fgl.model(model)  # "Lemur-X" as a station file says it
