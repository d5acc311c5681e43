"""The ZVT codec against bytes recorded from real terminals and cash registers, published in
the test suites of two independent ZVT libraries (their data only; none of their code):

- ecrterm (Python, LGPL-3), https://github.com/wirelane/ecrterm at f17916294f5e:
  ``ecrterm/tests/test_data_encoding.py`` (framed commands with their CRC) and
  ``ecrterm/tests/test_parsing.py`` (packets from real terminals, the text encodings),
  ``ecrterm/packets/types.py`` (config byte bits), ``ecrterm/common.py`` (``84 00`` positive);
- Portalum.Zvt (C#, MIT), https://github.com/Portalum/Portalum.Zvt at ed877cb180a6:
  ``src/Portalum.Zvt.UnitTest/StatusInformationParserTest.cs``, ``PrintLineTest.cs``,
  ``ZvtClientTest.cs``, and the registration TLV of ``src/Portalum.Zvt/ZvtClient.cs``.

The expected values are the ones those suites assert, or read from the bytes by hand.
"""

from __future__ import annotations

import pytest

from drivers.zvt import apdu as z
from drivers.zvt import framing
from drivers.zvt.fields import parse_bmps, parse_tlv


def hexbytes(text: str) -> bytes:
    return bytes.fromhex(text.replace("-", " "))


def message(text: str) -> z.Apdu:
    return z.decode_apdu(hexbytes(text))


# --- framing: ecrterm test_data_encoding.py -------------------------------------------------

FRAMES = [
    ("06 00 06 12 34 56 BA 09 78", "10 02 06 00 06 12 34 56 BA 09 78 10 03 24 C3"),
    # 110.00 EUR: the amount's 10 byte is doubled on the line, the CRC covers it once.
    (
        "06 01 0A 04 00 00 00 01 10 00 49 09 78",
        "10 02 06 01 0A 04 00 00 00 01 10 10 00 49 09 78 10 03 F2 FF",
    ),
    ("06 70 00", "10 02 06 70 00 10 03 D9 F9"),
    ("80 00 00", "10 02 80 00 00 10 03 F5 1F"),
    ("84 9C 00", "10 02 84 9C 00 10 03 C3 41"),
    ("06 18 00", "10 02 06 18 00 10 03 56 3A"),
    (
        "06 D1 19 00 47 65 73 61 6D 74 20 20 20 20 20 20 30 20 20 20 20 20 20 20 30 2C 30 30",
        "10 02 06 D1 19 00 47 65 73 61 6D 74 20 20 20 20 20 20 30 20 20 "
        "20 20 20 20 20 30 2C 30 30 10 03 B5 AB",
    ),
]


@pytest.mark.parametrize(("apdu", "line"), FRAMES)
def test_frames_recorded_by_ecrterm(apdu: str, line: str) -> None:
    assert framing.frame(hexbytes(apdu)) == hexbytes(line)
    events = framing.FrameDecoder().feed(hexbytes(line))
    assert events == [framing.Event(framing.EventKind.FRAME, hexbytes(apdu))]


def test_commands_encode_as_recorded() -> None:
    assert z.registration("123456", 0xBA, "EUR").encode() == hexbytes(FRAMES[0][0])
    assert z.authorisation(11000, "EUR").encode() == hexbytes(FRAMES[1][0])
    assert z.diagnosis().encode() == hexbytes(FRAMES[2][0])
    assert z.ACK.encode() == hexbytes(FRAMES[3][0])


def test_a_status_enquiry_completion_with_its_version() -> None:
    # ecrterm test_version_completion: the terminal's software version, then status 00.
    (event,) = framing.FrameDecoder().feed(
        hexbytes("10 02 06 0F 0B F0 F0 F7 32 2E 31 34 2E 31 35 00 10 03 B1 11")
    )
    answer = z.decode_apdu(event.payload)
    completion = z.parse_completion(answer.data, after_status_enquiry=True)
    assert (completion.software_version, completion.terminal_status) == ("2.14.15", 0)


# --- acknowledgements: ecrterm common.py, Portalum ZvtCommunication ---------------------------


def test_84_00_is_a_positive_acknowledgement_and_other_84_are_refusals() -> None:
    assert message("84 00 00").is_ack and not message("84 00 00").is_nack
    assert message("80 00 00").is_ack
    refused = message("84 83 00")
    assert refused.is_nack and not refused.is_ack and refused.instr == 0x83


# --- registration: config byte and TLV -------------------------------------------------------


def test_config_byte_bits_as_ecrterm_names_them() -> None:
    # ecrterm ConfigByte: ECR_USE_PRINT_LINES = 0x80, ALL = 0xBE.
    assert z.CONFIG_ECR_PRINT_TYPE == 0x80
    assert (
        z.CONFIG_ECR_PRINTS_PAYMENT
        | z.CONFIG_ECR_PRINTS_ADMIN
        | z.CONFIG_INTERMEDIATE_STATUS
        | z.CONFIG_ECR_CONTROLS_PAYMENT
        | z.CONFIG_ECR_CONTROLS_ADMIN
        | z.CONFIG_ECR_PRINT_TYPE
    ) == 0xBE


def test_text_blocks_are_asked_for_in_the_registration_tlv() -> None:
    # Portalum's registration permits 06 D3 with the TLV 06 06 26 04 0A 02 06 D3.
    assert z.permitted_commands(z.Command.PRINT_TEXT_BLOCK) == hexbytes("26 04 0A 02 06 D3")
    command = z.registration(
        "000000", 0xBE, "EUR", z.permitted_commands(z.Command.PRINT_TEXT_BLOCK)
    )
    assert command.encode().endswith(hexbytes("09 78 06 06 26 04 0A 02 06 D3"))


def test_a_real_registration_lists_its_commands() -> None:
    # ecrterm test_parsing PACKET_LIST: a cash register's registration with service byte 03
    # and a TLV container whose tag 26 lists the commands it takes (06 D3 among them).
    data = message(
        "06 00 63 00 00 00 FE 09 78 03 00 06 59 10 02 16 02 12 01 40 1A "
        "02 10 00 26 28 0A 02 04 0F 0A 02 06 0F 0A 02 06 1E 0A 02 04 FF "
        "0A 02 06 D8 0A 02 06 DB 0A 02 06 D9 0A 02 06 DA 0A 02 06 DD 0A "
        "02 06 D3 27 03 14 01 FF 28 10 15 02 44 45 15 02 45 4E 15 02 46 "
        "52 15 02 49 54 40 02 C0 00 1F 04 02 F1 00 1F 05 01 00"
    ).data
    (tlv,) = [b for b in parse_bmps(data, 6) if b.number == 0x06]
    listed = z.listed_commands(parse_tlv(tlv.value))
    assert (0x06, 0xD3) in listed and (0x04, 0x0F) in listed and len(listed) == 10


# --- status information (04 0F) --------------------------------------------------------------


def test_a_pan_with_a_non_bcd_nibble_is_shown_never_fatal() -> None:
    # ecrterm test_parsing PACKET_LIST: BMP 22 of 11 bytes holds a "D" (track-2 separator).
    info = z.parse_status_information(
        message(
            "04 0F 37 27 00 04 00 00 00 00 40 00 49 09 78 0C 09 38 48 "
            "0D 04 25 22 F1 F1 59 66 66 66 66 D2 00 21 22 01 00 17 00 01 87 "
            "01 75 0B 61 39 95 19 40 29 60 09 99 14 0E 05 12 8A 02"
        ).data
    )
    assert info.approved and not info.problem
    assert (info.amount_minor, info.currency, info.trace, info.receipt_no) == (
        4000,
        "EUR",
        613995,
        175,
    )
    assert (info.terminal_id, info.date_text, info.time_text) == ("60099914", "0425", "093848")
    assert info.pan == "5966666666?20021220100"


def test_a_real_payment_with_a_card_name_ending_in_nul() -> None:
    # Portalum StatusInformationParserTest.Parse_PaymentGood1_Successful.
    info = z.parse_status_information(
        message(
            "04 0F 77 27 00 04 00 00 00 00 20 40 0B 00 04 70 0C 22 39 53 0D 10 06 0E 25 12 "
            "17 00 01 19 70 22 F0 F8 EE EE EE EE EE EE 47 71 29 28 00 48 69 2A 31 30 30 34 36 "
            "31 37 36 33 20 20 20 20 20 20 3B 36 31 31 38 30 34 00 00 3C F0 F1 F4 47 45 4E 2E "
            "4E 52 2E 3A 36 31 31 38 30 34 49 09 78 87 04 70 88 00 04 70 8A 2E 8B F1 F7 44 65 "
            "62 69 74 20 4D 61 73 74 65 72 63 61 72 64 00"
        ).data
    )
    assert info.approved
    assert info.card_name == "Debit Mastercard"
    assert info.additional_text == "GEN.NR.:611804"
    assert (info.amount_minor, info.turnover_no, info.time_text) == (2040, 470, "223953")
    assert info.terminal_id == "28004869"  # Portalum reads it as the number 671107177
    assert info.pan == "************4771"


def test_a_real_payment_with_a_tlv_container() -> None:
    # Portalum Parse_TlvInfos1_Successful: card name "MASTERCARD" + NUL, terminal id 6.
    info = z.parse_status_information(
        message(
            "04-0F-65-27-00-0C-23-13-55-0D-10-29-0E-99-99-22-F0-F8-EE-EE-EE-EE-EE-EE-47-71-A0-"
            "01-29-00-00-00-06-87-00-08-0B-00-00-00-8A-06-8B-F1-F1-4D-41-53-54-45-52-43-41-52-"
            "44-00-06-2E-2F-08-1F-12-01-02-1F-10-01-00-60-1B-43-07-A0-00-00-00-04-10-10-44-10-"
            "44-65-62-69-74-20-4D-61-73-74-65-72-63-61-72-64-1F-2B-04-10-01-50-08"
        ).data
    )
    assert info.approved and info.card_name == "MASTERCARD"
    assert (info.terminal_id, info.receipt_no) == ("00000006", 8)
    assert info.tlv


def test_declined_and_aborted_results() -> None:
    # Portalum ZvtClientTest.PaymentAsync_CardRejected_Successful: result 05, text in BMP 3C
    # and again in the TLV container (tag 24, line 07).
    rejected = z.parse_status_information(
        message(
            "04-0F-25-27-05-29-29-00-02-74-3C-F0-F0-F9-41-62-67-65-6C-65-68-6E-74-8A-06-06-0D-"
            "24-0B-07-09-41-62-67-65-6C-65-68-6E-74"
        ).data
    )
    assert rejected.result_code == 0x05 and not rejected.approved
    assert rejected.additional_text == "Abgelehnt"
    assert rejected.tlv[0].tag == 0x24
    # Portalum Parse_AbortByKey_Successful: 6C, "Abbruch durch Kunde".
    aborted = z.parse_status_information(
        message(
            "04 0F 1E 27 6C 29 28 00 48 69 3C F0 F1 F9 41 62 62 72 75 63 68 20 64 75 72 63 68 "
            "20 4B 75 6E 64 65"
        ).data
    )
    assert aborted.result_code == 0x6C and aborted.additional_text == "Abbruch durch Kunde"
    # Portalum ZvtClientTest: an abort with and without a result code.
    assert z.parse_abort(message("06 1E 01 64").data) == 0x64
    assert z.parse_abort(message("06 1E 00").data) is None


# --- receipts: print lines and text blocks ---------------------------------------------------


def test_print_lines_keep_their_trailing_tlv_out_of_the_text() -> None:
    # Portalum PrintLineTest.ProcessData_LineReceivedCardCompleteWithTlv_Successful: every
    # line ends in 06 04 1F 07 01 0x (receipt type); "HÄNDLERBELEG" has Ä as C4 (ISO 8859-1).
    merchant = z.parse_print_line(
        message(
            "06-D1-19-40-2A-2A-20-48-C4-4E-44-4C-45-52-42-45-4C-45-47-20-2A-2A-06-04-1F-07-01-01"
        ).data,
        "latin-1",
    )
    assert (merchant.attribute, merchant.text, merchant.receipt_type) == (
        0x40,
        "** HÄNDLERBELEG **",
        z.RECEIPT_MERCHANT,
    )
    customer = z.parse_print_line(
        message(
            "06-D1-18-40-2A-2A-20-4B-55-4E-44-45-4E-42-45-4C-45-47-20-2A-2A-06-04-1F-07-01-02"
        ).data
    )
    assert (customer.text, customer.receipt_type) == ("** KUNDENBELEG **", z.RECEIPT_CUSTOMER)
    last = z.parse_print_line(message("06-D1-07-81-06-04-1F-07-01-01").data)
    assert (last.attribute, last.text, last.receipt_type) == (0x81, "", z.RECEIPT_MERCHANT)
    plain = z.parse_print_line(message("06-D1-02-00-20").data)
    assert (plain.text, plain.receipt_type) == (" ", None)


def test_receipt_character_sets() -> None:
    # ecrterm test_text_encoding_default (CP437) and test_text_encoding_latin1.
    cp437 = message("06d10d005465737420842094208120e1")
    assert z.parse_print_line(cp437.data).text == "Test ä ö ü ß"
    latin = message("06d10d005465737420e420f620fc20df")
    assert z.parse_print_line(latin.data, "latin-1").text == "Test ä ö ü ß"


# ecrterm test_parsing PACKET_LIST, last entry: a customer receipt as one 06 D3 text block with
# an extended length (FF E3 03), receipt type 1F07 = 02 and its lines in tag 25.
RECORDED_TEXT_BLOCK = (
    "06d3ffe303068203df1f070102258203d70700072820202020202020202020202a2a204b756e64656e62656c"
    "6567202a2a202020202020202020202020070007282020202020202020202020202042657a61686c756e6720"
    "56495341202020202020202020202020200700072832392e30362e3230313920202020202020202020202020"
    "20202020202020202031323a35343a343507285465726d696e616c2d49443a20202020202020202020202020"
    "202020202020203432303033303336072854412d4e722e3a2020202020202020202020202020202020202020"
    "20202020202020303030373431072842656c65672d4e722e3a20202020202020202020202020202020202020"
    "20202020202020303030360728566f7267616e67732d4e722e3a202020202020202020202020202020202020"
    "202020202030303234072856552d4e756d6d65723a2020202020202020202020202020202020203435353630"
    "3030303035393907284170702d49443a20202020202020202020202020202020202020413030303030303030"
    "333130313007284b617274656e2d4e722e3a2020202020202020202020202078787878787878787878787837"
    "37343307284b617274656e666f6c67652d4e722e3a2020202020202020202020202020202020202020202030"
    "300728457266617373756e67736172743a202020202020202020202020202020204b6f6e74616b746c6f7307"
    "284175746f722d4e722e3a202020202020202020202020202020202020202020202020383839313530072841"
    "49442d506172616d657465723a20202020202020202020202020202020313241423033303430350700072842"
    "65747261673a20202020202020202020202020202045555220302c3031202020202020202020200700070007"
    "282020202020202020202020205a61686c756e67206572666f6c677420202020202020202020202020070007"
    "282020202020202d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d20202020202020072849"
    "6e666f3a2020202020202020202020202020202020202020202020202020202020202020202020072841532d"
    "544944203d2031334630303031332020202020202020202020202020202020202020202020072841532d5072"
    "6f632d436f6465203d20323020393033203030202020202020202020202020202020200728436170742e2d52"
    "65662e3d2030303030202020202020202020202020202020202020202020202020072841494435393a203830"
    "3932353820202020202020202020202020202020202020202020202020202007282020202020202d2d2d2d2d"
    "2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d202020202020200901ff"
)


def test_a_real_text_block_is_a_customer_receipt() -> None:
    receipt_type, texts = z.parse_print_text_block(message(RECORDED_TEXT_BLOCK).data)
    assert receipt_type == z.RECEIPT_CUSTOMER
    assert [t.strip() for t in texts[:4]] == ["", "** Kundenbeleg **", "", "Bezahlung VISA"]
    assert "Betrag:               EUR 0,01" in [t.strip() for t in texts]
