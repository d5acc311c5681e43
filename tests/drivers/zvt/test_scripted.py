"""The driver against a scripted terminal that sends bytes recorded from real terminals (see
test_vectors.py for the sources): nothing here comes from the driver's codec or the simulator.
Time is a fake monotonic clock that moves only when a read waits, so the deadlines are tested
without waiting for them."""

from __future__ import annotations

import pytest

from domain.money import Money
from drivers.base import Role
from drivers.config import DeviceConfig
from drivers.errors import DeviceError, DeviceTimeout
from drivers.payment import PaymentOutcome, PaymentRequest, TransactionKind
from drivers.transports.base import WireLog
from drivers.zvt.link import SerialLink
from drivers.zvt.terminal import ZvtTerminal
from tests.fakes import FixedClock

from .conftest import RecordingJournal
from .scripted import FakeMonotonic, Responder, ScriptedTransport, script

ACK = "80 00 00"
REGISTERED = ("06 00", "80 00 00 06 0F 00")  # accepted, then the completion
# ecrterm test_parsing: an approved 40.00 EUR whose card number (BMP 22) holds a "D" nibble.
APPROVED_40 = (
    "04 0F 37 27 00 04 00 00 00 00 40 00 49 09 78 0C 09 38 48 0D 04 25 22 F1 F1 59 66 66 66 "
    "66 D2 00 21 22 01 00 17 00 01 87 01 75 0B 61 39 95 19 40 29 60 09 99 14 0E 05 12 8A 02"
)
# Portalum PrintLineTest: the first line of each copy, receipt type in a trailing TLV, "Ä"
# in ISO 8859-1.
MERCHANT_LINE = (
    "06 D1 19 40 2A 2A 20 48 C4 4E 44 4C 45 52 42 45 4C 45 47 20 2A 2A 06 04 1F 07 01 01"
)
CUSTOMER_LINE = "06 D1 18 40 2A 2A 20 4B 55 4E 44 45 4E 42 45 4C 45 47 20 2A 2A 06 04 1F 07 01 02"


class Harness:
    def __init__(self, **options: object) -> None:
        self.monotonic = FakeMonotonic()
        self.transports: list[ScriptedTransport] = []
        self.next: list[ScriptedTransport] = []
        config = {
            "ack_timeout": 5.0,
            "answer_timeout": 60.0,
            "dialogue_timeout": 30.0,
            "reconnect_attempts": 2,
            "reconnect_pause": 1.0,
            **options,
        }
        self.driver = ZvtTerminal(
            DeviceConfig("card", Role.PAYMENT_TERMINAL, "zvt", "tcp://terminal:20007", config)
        )
        self.driver.transport_factory = self._connect
        self.driver.monotonic = self.monotonic
        self.driver.sleep = self.monotonic.sleep
        self.driver.clock = FixedClock().now
        self.journal = RecordingJournal()
        self.journal.terminal = self.driver
        self.driver.journal = self.journal
        self.driver.open()

    def terminal(self, respond: Responder, **kwargs: object) -> ScriptedTransport:
        transport = ScriptedTransport(respond, self.monotonic, **kwargs)  # type: ignore[arg-type]
        self.next.append(transport)
        return transport

    def _connect(self, _uri: str) -> ScriptedTransport:
        # Each connection takes the next scripted terminal; after the last, a silent one.
        transport = self.next.pop(0) if self.next else ScriptedTransport(script(), self.monotonic)
        self.transports.append(transport)
        return transport

    def ready(self) -> ZvtTerminal:
        self.driver.claim()
        self.driver.enable()
        return self.driver


def request(minor: int) -> PaymentRequest:
    return PaymentRequest("p1", TransactionKind.PAYMENT, Money(minor, "EUR"))


def test_a_registration_answered_84_00_is_accepted() -> None:
    harness = Harness()
    harness.terminal(script(("06 00", "84 00 00 06 0F 00")))
    harness.ready()  # before: "the terminal refused the registration: approved"


def test_a_registration_answered_84_83_is_a_refusal() -> None:
    harness = Harness()
    harness.terminal(script(("06 00", "84 83 00")))
    with pytest.raises(DeviceError, match="refused the registration: function not possible"):
        harness.driver.claim()


@pytest.mark.parametrize(
    "terminal",
    [
        pytest.param({"hang_up_after": 1}, id="link lost"),
        pytest.param({"respond": script(("06 00", "80 00 00 06 0F 02 4A 00"))}, id="unknown BMP"),
    ],
)
def test_a_registration_that_fails_midway_is_a_device_error(terminal: dict[str, object]) -> None:
    harness = Harness()
    respond = terminal.pop("respond", script(("06 00", "80 00 00")))
    transport = harness.terminal(respond)  # type: ignore[arg-type]
    for name, value in terminal.items():
        setattr(transport, name, value)
    with pytest.raises(DeviceError):  # before: the private _LinkLost escaped
        harness.driver.claim()


def test_a_recorded_approval_with_an_odd_card_number_is_stored_acknowledged_and_approved() -> None:
    harness = Harness(receipt_charset="iso-8859-1")
    terminal = harness.terminal(
        script(
            REGISTERED,
            ("06 01", f"80 00 00 {APPROVED_40}"),
            (ACK, MERCHANT_LINE),
            (ACK, CUSTOMER_LINE),
            (ACK, "06 0F 00"),
        )
    )
    driver = harness.ready()
    result = driver.pay(request(4000))
    assert result.outcome is PaymentOutcome.APPROVED, result.message
    assert result.result is not None and result.result.pan == "5966666666?20021220100"
    assert (result.result.trace, result.result.receipt_no) == (613995, 175)
    assert harness.journal.results[0][0] == "p1" and not harness.journal.acked_before_saving
    assert result.merchant_lines == ("** HÄNDLERBELEG **",)
    assert result.receipt_lines == ("** KUNDENBELEG **",)
    assert terminal.written[-1] == bytes.fromhex(ACK)  # the completion was acknowledged


def test_a_message_the_driver_does_not_know_is_acknowledged_and_the_command_goes_on() -> None:
    harness = Harness()
    # 04 01 "set date and time" during a diagnosis (date AA 261201, time 0C 120000).
    harness.terminal(
        script(
            REGISTERED, ("06 70", "80 00 00 04 01 08 AA 26 12 01 0C 12 00 00"), (ACK, "06 0F 00")
        )
    )
    driver = harness.ready()
    assert driver.diagnosis().ready


def test_a_terminal_that_drips_a_message_byte_by_byte_ends_the_payment_within_its_deadline() -> (
    None
):
    harness = Harness(dialogue_timeout=10.0)
    endless = "80 00 00 06 D1 FF FF FF " + "41 " * 3000
    harness.terminal(script(REGISTERED, ("06 01", endless)), drip=True, read_cost=0.5)
    driver = harness.ready()
    started = harness.monotonic.now
    result = driver.pay(request(1000))
    assert result.outcome is PaymentOutcome.UNKNOWN and result.reconciled
    assert "could not be asked" in result.message
    # Ten seconds of dripping, then two attempts to ask the silent terminal (5 s each for the
    # acknowledgement) with a pause between: never more.
    assert harness.monotonic.now - started <= 10 + 2 * 5 + 1 + 0.5


def test_endless_intermediate_statuses_end_the_payment_within_its_deadline() -> None:
    harness = Harness(dialogue_timeout=10.0)

    def keep_talking(data: bytes) -> bytes:
        if data.startswith(bytes.fromhex("06 00")):
            return bytes.fromhex("80 00 00 06 0F 00")
        if data.startswith(bytes.fromhex("06 01")):
            return bytes.fromhex("80 00 00 04 FF 01 0A")
        if data == bytes.fromhex(ACK):
            return bytes.fromhex("04 FF 01 0A")  # "insert card", for ever
        return b""

    harness.terminal(keep_talking, read_cost=0.1)
    driver = harness.ready()
    started = harness.monotonic.now
    result = driver.pay(request(1000))
    assert result.outcome is PaymentOutcome.UNKNOWN
    assert harness.monotonic.now - started <= 10 + 2 * 5 + 1 + 0.5


def test_a_status_enquiry_to_a_terminal_that_keeps_talking_ends_in_seconds_not_minutes() -> (
    None
):
    # The default dialogue deadline fits a payment (minutes); `guichet devices status` must
    # not wait that long on a terminal that loops.
    harness = Harness(dialogue_timeout=300.0)

    def keep_talking(data: bytes) -> bytes:
        if data.startswith(bytes.fromhex("06 00")):
            return bytes.fromhex("80 00 00 06 0F 00")
        if data.startswith(bytes.fromhex("05 01")):
            return bytes.fromhex("80 00 00 04 FF 01 0A")
        if data == bytes.fromhex(ACK):
            return bytes.fromhex("04 FF 01 0A")
        return b""

    harness.terminal(keep_talking, read_cost=0.1)
    driver = harness.ready()
    started = harness.monotonic.now
    with pytest.raises(DeviceTimeout, match="deadline"):
        driver.status()
    assert harness.monotonic.now - started <= 20 + 0.5


# --- serial framing: NAK and repeat (frames from ecrterm test_data_encoding) -----------------

ACK_FRAME = "10 02 80 00 00 10 03 F5 1F"
DIAGNOSIS_FRAME = "10 02 06 70 00 10 03 D9 F9"


def serial(respond: Responder) -> tuple[SerialLink, ScriptedTransport]:
    clock = FakeMonotonic()
    transport = ScriptedTransport(respond, clock)
    transport.open(1)
    return SerialLink(transport, WireLog(), ack_timeout=1.0, monotonic=clock), transport


def test_a_frame_refused_with_nak_is_sent_again() -> None:
    answers = iter([b"\x15", b"\x15", b"\x06"])
    link, transport = serial(lambda data: next(answers))
    from drivers.zvt.apdu import diagnosis

    link.send(diagnosis(), 1)
    assert transport.written == [bytes.fromhex(DIAGNOSIS_FRAME)] * 3


def test_a_frame_refused_three_times_gives_up() -> None:
    link, transport = serial(lambda data: b"\x15")
    from drivers.zvt.apdu import diagnosis

    with pytest.raises(DeviceTimeout, match="3 tries"):
        link.send(diagnosis(), 1)
    assert len(transport.written) == 3


def test_a_received_frame_with_a_bad_crc_is_answered_nak_then_taken_when_repeated() -> None:
    bad = bytes.fromhex(ACK_FRAME[:-2] + "1E")  # the CRC's high byte changed
    good = bytes.fromhex(ACK_FRAME)
    link, transport = serial(lambda data: good if data == b"\x15" else b"")
    transport.inbox += bad
    answer = link.receive(5)
    assert answer.is_ack
    assert transport.written == [b"\x15", b"\x06"]  # NAK for the bad one, ACK for the good
