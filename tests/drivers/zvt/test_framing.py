"""Serial framing: CRC-16/KERMIT, DLE stuffing, ACK/NAK, and a decoder that survives garbage."""

from hypothesis import given
from hypothesis import strategies as st

from drivers.zvt import framing
from drivers.zvt.framing import EventKind, FrameDecoder, crc16_kermit, frame


def test_crc_check_value() -> None:
    assert crc16_kermit(b"123456789") == 0x2189


def test_frames_of_the_specification() -> None:
    assert frame(bytes.fromhex("800000")) == bytes.fromhex("10 02 80 00 00 10 03 F5 1F")
    assert frame(bytes.fromhex("060F00")) == bytes.fromhex("10 02 06 0F 00 10 03 C6 33")


def test_dle_in_the_apdu_is_doubled_and_the_crc_covers_it_once() -> None:
    apdu = bytes.fromhex("06 D1 02 10 41")
    framed = frame(apdu)
    assert framed[2:-4] == bytes.fromhex("06 D1 02 10 10 41")
    crc = crc16_kermit(apdu + b"\x03")
    assert framed[-2:] == bytes([crc & 0xFF, crc >> 8])
    assert FrameDecoder().feed(framed) == [framing.Event(EventKind.FRAME, apdu)]


def test_garbage_between_frames_is_dropped_and_acks_are_seen() -> None:
    decoder = FrameDecoder()
    events = decoder.feed(b"\x00\xffnoise" + b"\x06" + frame(b"\x80\x00\x00") + b"\x15")
    assert [e.kind for e in events] == [EventKind.ACK, EventKind.FRAME, EventKind.NAK]
    assert events[1].payload == b"\x80\x00\x00"
    assert decoder.discarded == 7


def test_a_wrong_crc_gives_a_bad_frame() -> None:
    framed = bytearray(frame(b"\x04\x0f\x00"))
    framed[-1] ^= 0x01
    (event,) = FrameDecoder().feed(bytes(framed))
    assert event.kind is EventKind.BAD_FRAME
    assert "CRC" in event.reason


def test_frames_split_across_reads() -> None:
    framed = frame(bytes(range(0x0E, 0x14)))
    decoder = FrameDecoder()
    events = [e for byte in framed for e in decoder.feed(bytes([byte]))]
    assert events == [framing.Event(EventKind.FRAME, bytes(range(0x0E, 0x14)))]


@given(st.binary(max_size=300))
def test_any_apdu_survives_a_round_trip(apdu: bytes) -> None:
    assert FrameDecoder().feed(frame(apdu)) == [framing.Event(EventKind.FRAME, apdu)]


@given(st.binary(max_size=500))
def test_random_bytes_never_raise(data: bytes) -> None:
    events = FrameDecoder().feed(data)
    assert all(isinstance(e, framing.Event) for e in events)
