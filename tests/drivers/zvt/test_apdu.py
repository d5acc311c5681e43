"""APDU bytes against the specification's examples; parsers fuzzed: garbage gives ProtocolError."""

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drivers.errors import ProtocolError
from drivers.zvt import apdu as z
from drivers.zvt.fields import (
    encode_bmp,
    encode_tlv,
    parse_bmps,
    parse_tlv,
    var_length_decode,
    var_length_encode,
)


def test_registration_example() -> None:
    assert z.registration("123456", 0xBA).encode() == bytes.fromhex("06 00 04 12 34 56 BA")
    with_currency = z.registration("123456", 0xBA, "EUR").encode()
    assert with_currency == bytes.fromhex("06 00 06 12 34 56 BA 09 78")


def test_payment_example() -> None:
    command = z.authorisation(1250, "EUR", tlv=b"").encode()
    assert command == bytes.fromhex("06 01 0C 04 00 00 00 00 12 50 49 09 78 06 00")


def test_other_commands() -> None:
    assert z.end_of_day("000000").encode() == bytes.fromhex("06 50 03 00 00 00")
    assert z.repeat_receipt("123456").encode() == bytes.fromhex("06 20 03 12 34 56")
    assert z.status_enquiry("000000").encode() == bytes.fromhex("05 01 03 00 00 00")
    assert z.reversal("000000", 42).encode() == bytes.fromhex("06 30 06 00 00 00 87 00 42")
    assert z.refund("000000", 500, "EUR").encode() == bytes.fromhex(
        "06 31 0D 00 00 00 04 00 00 00 00 05 00 49 09 78"
    )
    assert z.abort().encode() == bytes.fromhex("06 B0 00")
    assert z.diagnosis().encode() == bytes.fromhex("06 70 00")
    assert z.ACK.encode() == bytes.fromhex("80 00 00")


def test_extended_length_is_little_endian() -> None:
    big = z.Apdu(0x06, 0xD3, bytes(300))
    encoded = big.encode()
    assert encoded[:5] == bytes.fromhex("06 D3 FF 2C 01")
    assert z.decode_apdu(encoded) == big


def test_a_status_information_is_read_field_by_field() -> None:
    data = (
        encode_bmp(0x27, b"\x00")
        + encode_bmp(0x04, bytes.fromhex("000000001250"))
        + encode_bmp(0x49, bytes.fromhex("0978"))
        + encode_bmp(0x0B, bytes.fromhex("000123"))
        + encode_bmp(0x87, bytes.fromhex("0042"))
        + encode_bmp(0x29, bytes.fromhex("52500001"))
        + encode_bmp(0x0C, bytes.fromhex("143005"))
        + encode_bmp(0x0D, bytes.fromhex("1124"))
        + encode_bmp(0x22, bytes.fromhex("6799EEEE1234"))
        + encode_bmp(0x8B, b"girocard")
        + encode_bmp(0x06, encode_tlv(0x1F10, b"\x01"))
    )
    info = z.parse_status_information(data)
    assert info.approved
    assert (info.amount_minor, info.currency, info.trace, info.receipt_no) == (1250, "EUR", 123, 42)
    assert info.terminal_id == "52500001"
    assert (info.date_text, info.time_text) == ("1124", "143005")
    assert info.pan == "6799****1234"
    assert info.card_name == "girocard"
    assert info.tlv[0].tag == 0x1F10


def test_llvar_prefix() -> None:
    assert var_length_encode(15, 2) == b"\xf1\xf5"
    assert var_length_decode(b"\xf1\xf0\xf5", 0, 3) == (105, 3)
    with pytest.raises(ProtocolError):
        var_length_decode(b"\xf1\x35", 0, 2)


def test_text_block_lines() -> None:
    block = z.print_text_block(["CARD PAYMENT", "AMOUNT 12,50 EUR"], z.RECEIPT_MERCHANT)
    assert z.parse_print_text_block(block.data) == (
        z.RECEIPT_MERCHANT,
        ["CARD PAYMENT", "AMOUNT 12,50 EUR"],
    )


def test_end_of_day_totals() -> None:
    totals = z.EndOfDayTotals(1, 7, (z.CardTotal("girocard", 3, 4500), z.CardTotal("Visa", 1, 99)))
    parsed = z.parse_totals(z.encode_totals(totals))
    assert (parsed.first_receipt, parsed.last_receipt, parsed.count, parsed.minor) == (
        1,
        7,
        4,
        4599,
    )


def test_status_enquiry_completion_has_version_then_status() -> None:
    data = var_length_encode(4, 3) + b"V1.2" + b"\x00"
    completion = z.parse_completion(data, after_status_enquiry=True)
    assert (completion.software_version, completion.terminal_status) == ("V1.2", 0)


def test_unknown_bmp_and_cut_fields_are_protocol_errors() -> None:
    with pytest.raises(ProtocolError, match="unknown BMP"):
        parse_bmps(b"\x4a\x00")
    with pytest.raises(ProtocolError, match="cut short"):
        parse_bmps(b"\x04\x00\x00")
    # A result is read leniently: it must be stored whatever it holds.
    info = z.parse_status_information(encode_bmp(0x04, bytes(6)))
    assert info.result_code is None and "result code" in info.problem


PARSERS = [
    z.decode_apdu,
    z.parse_status_information,
    parse_bmps,
    parse_tlv,
    z.parse_print_text_block,
    z.parse_intermediate,
    z.parse_abort,
    z.parse_print_line,
    z.parse_totals,
    lambda data: z.parse_completion(data, after_status_enquiry=True),
    z.parse_completion,
]


@pytest.mark.parametrize("parser", PARSERS)
@given(data=st.binary(max_size=200))
def test_garbage_never_raises_anything_but_a_protocol_error(parser, data: bytes) -> None:
    with contextlib.suppress(ProtocolError):  # any other exception fails the test
        parser(data)


@given(
    st.lists(
        st.tuples(st.sampled_from([0x27, 0x04, 0x0B, 0x8B, 0x3C, 0x06]), st.binary(max_size=20))
    )
)
def test_bmps_round_trip(fields: list[tuple[int, bytes]]) -> None:
    fixed = {0x27: 1, 0x04: 6, 0x0B: 3}
    fields = [
        (n, (v * 6)[: fixed[n]].ljust(fixed[n], b"\0") if n in fixed else v) for n, v in fields
    ]
    encoded = b"".join(encode_bmp(n, v) for n, v in fields)
    assert [(b.number, b.value) for b in parse_bmps(encoded)] == fields
