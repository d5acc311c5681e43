"""The till's side of ZVT (PA00P015): registration, payment, refund, reversal, abort,
end-of-day, diagnosis, status enquiry and repeat receipt, over TCP or a serial line.

The dialogue: the till sends a command, the terminal accepts it (``80 00 00``) or refuses it
(``84 xx``), then becomes master and sends intermediate status (``04 FF``), receipt lines
(``06 D1``/``06 D3``) and the result (``04 0F``), each acknowledged by the till, and ends with
``06 0F`` (completion) or ``06 1E`` (abort). Every ``04 0F`` goes to the `ResultJournal`
*before* its acknowledgement, raw bytes first: a field shown only to people (card number, card
name, texts) never decides an outcome and never stops a result from being stored. A message
the driver does not know (``04 01`` set date and time, ...) is acknowledged and logged. When
the link fails before a result arrived, the driver reconnects and asks the terminal (status
enquiry, then repeat receipt) and reports what that proves, or UNKNOWN; it never retries a
payment by itself. Every dialogue has an overall deadline (``dialogue_timeout``).

Runs on the device's own worker thread; only `abort` may be called from another thread. No Qt,
no database: the journal is a port.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from domain.money import Money
from drivers.base import DeviceState
from drivers.config import DeviceConfig
from drivers.errors import (
    DeviceConfigError,
    DeviceError,
    DeviceFault,
    DeviceTimeout,
    ProtocolError,
)
from drivers.payment import (
    EndOfDayResult,
    PaymentOutcome,
    PaymentRequest,
    PaymentResult,
    PaymentTerminal,
    ProgressListener,
    ResultJournal,
    StoredResult,
    TerminalResult,
    TerminalStatus,
    TransactionKind,
)
from drivers.transports.base import Transport, WireLog
from drivers.zvt import apdu as z
from drivers.zvt.link import Link, SerialLink, TcpLink
from drivers.zvt.reconcile import Evidence, judge

log = logging.getLogger(__name__)

TransportFactory = Callable[[str], Transport]

# Config byte: the till prints payment and administration receipts (so the terminal sends
# their lines), wants intermediate status, controls payment and administration, and the
# terminal formats the receipts and sends them as print lines (ECR print-type).
DEFAULT_CONFIG = 0xBE
TERMINAL_READY = 0x00
TERMINAL_BUSY = 0x9C
# A payment waits for the customer (card, PIN) and the card issuer; beyond this the till stops
# listening and asks the terminal what happened.
DIALOGUE_TIMEOUT = 300.0
# Registration and status enquiry: no card, no PIN, no host. A terminal still talking after
# this is dripping or looping; `guichet devices status` must not wait the payment's minutes.
SHORT_DIALOGUE = 20.0


class _LinkLost(Exception):
    def __init__(self, transcript: _Transcript, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.transcript = transcript
        self.cause = cause

    def device_error(self, device: str) -> DeviceError:
        """The failure as the drivers' error tree says it, for callers outside the dialogue."""
        cause = self.cause
        if isinstance(cause, DeviceError):
            return cause
        return DeviceFault(f"the terminal's answer could not be kept: {cause}", device=device)


@dataclass
class _Transcript:
    """Everything the terminal said in answer to one command."""

    sent: bool = False
    accepted: bool = False
    refused: int | None = None
    results: list[tuple[z.StatusInformation, TerminalResult]] = field(default_factory=list)
    raw_results: list[bytes] = field(default_factory=list)  # each 04 0F as it came
    lines: list[tuple[int | None, str]] = field(default_factory=list)  # (receipt type, text)
    completion: z.Completion | None = None
    aborted: bool = False  # the terminal ended with 06 1E
    abort_code: int | None = None  # its result code, when it gave one
    journal_failure: BaseException | None = None
    accepted_at: datetime | None = None

    def receipt(self) -> tuple[str, ...]:
        """The customer's copy, or the receipt when the terminal did not say whose it is."""
        return tuple(text for kind, text in self.lines if kind != z.RECEIPT_MERCHANT)

    def merchant_copy(self) -> tuple[str, ...]:
        return tuple(text for kind, text in self.lines if kind == z.RECEIPT_MERCHANT)


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "yes", "1", "on"):
        return True
    if text in ("false", "no", "0", "off"):
        return False
    raise ValueError(value)


def _option(options: Any, name: str, default: Any, kind: Callable[[Any], Any]) -> Any:
    try:
        return kind(options.get(name, default))
    except (TypeError, ValueError):
        raise DeviceConfigError(f"option {name!r} has a bad value: {options.get(name)!r}") from None


def _failure_text(transcript: _Transcript) -> str:
    code = transcript.refused if transcript.refused is not None else transcript.abort_code
    return "aborted without a reason" if code is None else z.result_text(code)


class ZvtTerminal(PaymentTerminal):
    """A ZVT card terminal. ``uri``: tcp://host:port, serial:///dev/ttyS0, or sim://zvt (a
    simulator started in this process on loopback TCP, driven through the same code)."""

    OPTION_NAMES = frozenset(
        {
            "password", "config_byte", "currency", "ack_timeout", "answer_timeout",
            "connect_timeout", "reconnect_attempts", "reconnect_pause", "dialogue_timeout",
            "timezone", "receipt_charset", "text_blocks",
        }
    )  # fmt: skip

    def __init__(self, config: DeviceConfig) -> None:
        super().__init__(config.name)
        self.config = config
        options = config.options
        self.password: str = _option(options, "password", "000000", str)
        self.config_byte: int = _option(options, "config_byte", DEFAULT_CONFIG, int)
        self.currency: str = _option(options, "currency", "EUR", str)
        self.ack_timeout: float = _option(options, "ack_timeout", 5.0, float)
        self.answer_timeout: float = _option(options, "answer_timeout", 180.0, float)
        self.connect_timeout: float = _option(options, "connect_timeout", 5.0, float)
        self.reconnect_attempts: int = _option(options, "reconnect_attempts", 3, int)
        self.reconnect_pause: float = _option(options, "reconnect_pause", 1.0, float)
        self.dialogue_timeout: float = _option(options, "dialogue_timeout", DIALOGUE_TIMEOUT, float)
        self.timezone: str = _option(options, "timezone", "Europe/Berlin", str)
        # Receipt text: the terminal's default CP437, or ISO 8859-1 that some terminals send.
        self.receipt_charset: str = _option(options, "receipt_charset", z.PRINT_CHARSET, str)
        # Ask for receipts as text blocks (06 D3) in the registration's TLV list.
        self.text_blocks: bool = _option(options, "text_blocks", False, _boolean)
        self.wire = WireLog()
        self.journal: ResultJournal | None = None
        self.transport_factory: TransportFactory | None = None
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)
        self.monotonic: Callable[[], float] = time.monotonic
        self.sleep: Callable[[float], None] = time.sleep
        self.simulator: Any = None  # the in-process simulator behind sim://zvt
        self._link: Link | None = None
        self._zone = ZoneInfo("UTC")
        self._uri = config.uri
        self._serial = urlsplit(config.uri).scheme in ("serial", "loop")

    # --- lifecycle ----------------------------------------------------------------------

    def _do_open(self) -> None:
        if len(self.password) != 6 or not self.password.isdigit():
            raise DeviceConfigError("the ZVT password must be six digits", device=self.name)
        if not 0 <= self.config_byte <= 0xFF:
            raise DeviceConfigError("config_byte must be one byte", device=self.name)
        if self.currency not in z.CURRENCY_NUMBERS:
            raise DeviceConfigError(f"currency {self.currency} unknown", device=self.name)
        charset = {"iso-8859-1": "latin-1", "iso8859-1": "latin-1"}.get(
            self.receipt_charset.lower(), self.receipt_charset.lower()
        )
        if charset not in z.CHARSETS:
            raise DeviceConfigError(
                f"receipt_charset {self.receipt_charset!r}: cp437 or iso-8859-1",
                device=self.name,
            )
        self.receipt_charset = charset
        if self.dialogue_timeout <= 0:
            raise DeviceConfigError("dialogue_timeout must be positive", device=self.name)
        try:
            self._zone = ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise DeviceConfigError(f"unknown time zone {self.timezone!r}") from None
        parts = urlsplit(self.config.uri)
        if parts.scheme == "sim":
            from drivers.simulators.zvt import ZvtSimulator

            settings = dict(parse_qsl(parts.query))
            self.simulator = ZvtSimulator.from_settings(settings)
            if settings.get("line") == "serial":
                self._uri = f"serial://{self.simulator.start_pty()}?framing=8N2"
                self._serial = True
            else:
                host, port = self.simulator.start_tcp()
                self._uri = f"tcp://{host}:{port}"

    def _do_claim(self, timeout: float) -> None:
        self._connect(register=True)

    def _do_release(self) -> None:
        self._drop_link()

    def _do_close(self) -> None:
        self._drop_link()
        if self.simulator is not None:
            self.simulator.stop()
            self.simulator = None

    @property
    def uri(self) -> str:
        """Where the bytes go (the simulator's loopback address for sim://)."""
        return self._uri

    # --- link ---------------------------------------------------------------------------

    def _make_transport(self) -> Transport:
        factory = self.transport_factory
        if factory is None:
            from drivers.transports.uri import transport_for

            return transport_for(self._uri, name=self.name)
        return factory(self._uri)

    def _connect(self, register: bool) -> Link:
        self._drop_link()
        transport = self._make_transport()
        transport.open(self.connect_timeout)
        # Some terminals greet a new connection with stray bytes: read them off.
        stray = transport.read(256, 0.05)
        self.wire.add("in", stray)
        link: Link = (
            SerialLink(transport, self.wire, monotonic=self.monotonic)
            if self._serial
            else TcpLink(transport, self.wire, monotonic=self.monotonic)
        )
        self._link = link
        if register:
            tlv = z.permitted_commands(z.Command.PRINT_TEXT_BLOCK) if self.text_blocks else None
            command = z.registration(self.password, self.config_byte, self.currency, tlv)
            try:
                transcript = self._run(command, label="registration", limit=SHORT_DIALOGUE)
            except _LinkLost as lost:
                raise lost.device_error(self.name) from None
            if transcript.refused is not None or transcript.aborted:
                self._drop_link()
                raise DeviceFault(
                    f"the terminal refused the registration: {_failure_text(transcript)}",
                    device=self.name,
                )
        return link

    def _ensure_link(self) -> Link:
        if self._link is None or not self._link.transport.is_open:
            return self._connect(register=True)
        return self._link

    def _drop_link(self) -> None:
        link, self._link = self._link, None
        if link is not None:
            with contextlib.suppress(Exception):
                link.transport.close()

    # --- the dialogue -------------------------------------------------------------------

    def _run(
        self,
        command: z.Apdu,
        payment_id: str | None = None,
        label: str = "",
        progress: ProgressListener | None = None,
        after_status_enquiry: bool = False,
        limit: float | None = None,
    ) -> _Transcript:
        """Send ``command`` and follow the terminal until it hands mastership back, or until
        the dialogue's deadline (``dialogue_timeout``, or ``limit`` if shorter: a status
        enquiry or a registration takes seconds, never the minutes a payment may).

        Raises `_LinkLost` (carrying what was heard so far) when the link fails after the
        command may have left.
        """
        link = self._link
        assert link is not None
        transcript = _Transcript()
        seconds = self.dialogue_timeout if limit is None else min(limit, self.dialogue_timeout)
        link.deadline = self.monotonic() + seconds
        try:
            link.send(command, self.ack_timeout)
            transcript.sent = True
            first = link.receive(self.ack_timeout)
            if first.is_nack:
                transcript.refused = first.instr
                return transcript
            transcript.accepted = True
            transcript.accepted_at = self.clock()
            if payment_id is not None:
                self._note_accepted(payment_id, transcript.accepted_at)
            message = None if first.is_ack else first
            while True:
                if message is None:
                    message = link.receive(self.answer_timeout)
                if self._handle(
                    link, message, transcript, payment_id, label, progress, after_status_enquiry
                ):
                    return transcript
                message = None
        except _LinkLost:
            raise
        except DeviceError as error:
            self._drop_link()
            if not transcript.sent:
                raise
            raise _LinkLost(transcript, error) from error
        finally:
            link.deadline = None

    def _note_accepted(self, payment_id: str, at: datetime) -> None:
        """Evidence for a later reconciliation; its failure must not stop the payment."""
        try:
            assert self.journal is not None
            self.journal.mark_accepted(payment_id, at)
        except Exception:
            log.warning("%s: could not note that payment %s was accepted", self.name, payment_id)

    def _handle(
        self,
        link: Link,
        message: z.Apdu,
        transcript: _Transcript,
        payment_id: str | None,
        label: str,
        progress: ProgressListener | None,
        after_status_enquiry: bool,
    ) -> bool:
        """Handle one message of the terminal; True when the command is over."""
        kind = message.command
        if message.is_ack:
            return False  # the terminal's answer to our abort
        if kind is z.Command.STATUS_INFORMATION:
            self._store_result(link, message, transcript, payment_id, label)
            return False
        if kind is z.Command.INTERMEDIATE_STATUS:
            link.send(z.ACK, self.ack_timeout)
            try:
                status = z.parse_intermediate(message.data)
            except ProtocolError:
                return False  # a status for the screen only
            self._set_state(DeviceState.BUSY, status.text)
            if progress is not None:
                progress(status.code, status.text)
            return False
        if kind is z.Command.PRINT_LINE:
            link.send(z.ACK, self.ack_timeout)
            try:
                line = z.parse_print_line(message.data, self.receipt_charset)
            except ProtocolError as error:  # receipt text: shown, never deciding
                log.warning("%s: receipt line unreadable (%s): %s", self.name, error, message)
                return False
            transcript.lines.append((line.receipt_type, line.text))
            return False
        if kind is z.Command.PRINT_TEXT_BLOCK:
            link.send(z.ACK, self.ack_timeout)
            try:
                receipt_type, lines = z.parse_print_text_block(message.data, self.receipt_charset)
            except ProtocolError as error:
                log.warning("%s: receipt block unreadable (%s): %s", self.name, error, message)
                return False
            transcript.lines.extend((receipt_type, text) for text in lines)
            return False
        if kind is z.Command.COMPLETION:
            link.send(z.ACK, self.ack_timeout)
            transcript.completion = z.parse_completion(message.data, after_status_enquiry)
            return True
        if kind is z.Command.ABORT_FROM_PT:
            link.send(z.ACK, self.ack_timeout)
            transcript.aborted = True
            transcript.abort_code = z.parse_abort(message.data)
            return True
        # A message this driver does not act on (04 01 set date and time, 06 D0, ...): the
        # terminal waits for its acknowledgement and goes on.
        log.info("%s: acknowledged a message it does not act on: %s", self.name, message)
        link.send(z.ACK, self.ack_timeout)
        return False

    def _store_result(
        self,
        link: Link,
        message: z.Apdu,
        transcript: _Transcript,
        payment_id: str | None,
        label: str,
    ) -> None:
        """Store a 04 0F (raw bytes and what could be read from them), then acknowledge it.
        Reading it never raises: only its storing may fail, and then it is not acknowledged."""
        info = z.parse_status_information(message.data, self.receipt_charset)
        if info.problem:
            log.warning("%s: result read in part (%s): %s", self.name, info.problem, message)
        result = self._result(info)
        if self.journal is not None:
            try:
                self.journal.record_result(payment_id, label, message.encode(), result)
            except Exception as failure:  # any failure: unacknowledged, the terminal keeps it
                transcript.journal_failure = failure
                self._drop_link()
                raise _LinkLost(transcript, failure) from failure
        transcript.results.append((info, result))
        transcript.raw_results.append(message.encode())
        link.send(z.ACK, self.ack_timeout)

    def _result(self, info: z.StatusInformation) -> TerminalResult:
        code = info.result_code
        amount = info.amount_minor
        currency = info.currency if info.currency in z.CURRENCY_NUMBERS else self.currency
        clock = None
        if info.date_text is not None and info.time_text is not None:
            clock = f"{info.date_text} {info.time_text}"
        return TerminalResult(
            result_code=code,
            text="the result code could not be read" if code is None else z.result_text(code),
            amount=None if amount is None else Money(amount, currency or self.currency),
            trace=info.trace,
            receipt_no=info.receipt_no,
            terminal_id=info.terminal_id,
            card_name=info.card_name,
            pan=info.pan,
            terminal_time=clock,
        )

    # --- transactions -------------------------------------------------------------------

    def amount_problem(self, amount: Money) -> str | None:
        if amount.currency != self.currency:
            return f"this terminal takes {self.currency}, not {amount.currency}"
        return z.amount_problem(amount.minor)

    def _transaction(
        self,
        request: PaymentRequest,
        command: Callable[[], z.Apdu],
        progress: ProgressListener | None,
    ) -> PaymentResult:
        self._require_enabled()
        journal = self.journal
        if journal is None:
            raise DeviceConfigError(
                "no result journal: a payment needs the till's database", device=self.name
            )
        problem = self.amount_problem(request.amount)
        if problem is not None:
            raise DeviceConfigError(problem, device=self.name)
        apdu = command()
        self._set_state(DeviceState.BUSY, "sending to the terminal")
        try:
            try:
                self._ensure_link()
            except DeviceError as error:
                # Nothing was written: the card cannot have been touched.
                self._set_state(DeviceState.ERROR, str(error), error)
                return PaymentResult(
                    request.payment_id,
                    PaymentOutcome.DECLINED,
                    f"the terminal cannot be reached, nothing was charged: {error}",
                )
            sent_at = self.clock()
            try:
                journal.mark_sent(request.payment_id, sent_at)
            except Exception as failure:
                return PaymentResult(
                    request.payment_id,
                    PaymentOutcome.DECLINED,
                    f"the till could not write to its database ({failure}); "
                    "nothing was sent to the terminal",
                )
            try:
                transcript = self._run(apdu, request.payment_id, request.kind.value, progress)
            except _LinkLost as lost:
                return self._after_loss(request, sent_at, lost)
            return self._decide(request, sent_at, transcript)
        finally:
            if self._state is DeviceState.BUSY:
                self._set_state(DeviceState.IDLE)

    def pay(
        self, request: PaymentRequest, progress: ProgressListener | None = None
    ) -> PaymentResult:
        amount = request.amount
        return self._transaction(
            request, lambda: z.authorisation(amount.minor, amount.currency), progress
        )

    def refund(
        self, request: PaymentRequest, progress: ProgressListener | None = None
    ) -> PaymentResult:
        amount = request.amount
        return self._transaction(
            request, lambda: z.refund(self.password, amount.minor, amount.currency), progress
        )

    def reverse(
        self, request: PaymentRequest, progress: ProgressListener | None = None
    ) -> PaymentResult:
        receipt_no = request.receipt_no
        if receipt_no is None:
            raise DeviceConfigError("a reversal needs the receipt number to reverse")
        return self._transaction(request, lambda: z.reversal(self.password, receipt_no), progress)

    def _result_of(
        self, request: PaymentRequest, transcript: _Transcript, result: TerminalResult, note: str
    ) -> PaymentResult:
        outcome = PaymentOutcome.APPROVED if result.approved else PaymentOutcome.DECLINED
        return PaymentResult(
            request.payment_id,
            outcome,
            result.text + note,
            result,
            transcript.receipt(),
            merchant_lines=transcript.merchant_copy(),
        )

    def _decide(
        self, request: PaymentRequest, sent_at: datetime, transcript: _Transcript
    ) -> PaymentResult:
        pid = request.payment_id
        if transcript.refused is not None:
            return PaymentResult(
                pid,
                PaymentOutcome.DECLINED,
                f"the terminal refused the command ({z.result_text(transcript.refused)}); "
                "nothing was charged",
            )
        accepted_at = transcript.accepted_at
        if transcript.results:
            _info, result = transcript.results[-1]
            if not result.decisive:
                return self._reconcile(
                    request, sent_at, accepted_at, "the terminal's result could not be read"
                )
            if result.approved and transcript.aborted:
                # Approved, then aborted: the terminal may have reversed it. Ask it.
                return self._reconcile(
                    request, sent_at, accepted_at, "approved, then aborted by the terminal"
                )
            return self._result_of(request, transcript, result, "")
        if transcript.aborted:
            return PaymentResult(
                pid,
                PaymentOutcome.DECLINED,
                _failure_text(transcript),
                None,
                transcript.receipt(),
                merchant_lines=transcript.merchant_copy(),
            )
        return self._reconcile(request, sent_at, accepted_at, "the terminal ended without a result")

    def _after_loss(
        self, request: PaymentRequest, sent_at: datetime, lost: _LinkLost
    ) -> PaymentResult:
        transcript = lost.transcript
        if transcript.journal_failure is not None:
            self._set_state(DeviceState.ERROR, "result not saved")
            return PaymentResult(
                request.payment_id,
                PaymentOutcome.UNKNOWN,
                "the terminal answered but the till could not save the answer "
                f"({transcript.journal_failure}); it was not acknowledged",
                transcript.results[-1][1] if transcript.results else None,
                transcript.receipt(),
                merchant_lines=transcript.merchant_copy(),
            )
        if transcript.results and transcript.results[-1][1].decisive:
            result = transcript.results[-1][1]
            return self._result_of(
                request, transcript, result, " (the connection was lost afterwards)"
            )
        if not transcript.accepted and transcript.sent and isinstance(lost.cause, DeviceTimeout):
            reason = "the terminal did not acknowledge the command"
        else:
            reason = f"the connection was lost ({lost.cause})"
        return self._reconcile(request, sent_at, transcript.accepted_at, reason)

    def _reconcile(
        self,
        request: PaymentRequest,
        sent_at: datetime,
        accepted_at: datetime | None,
        why: str,
    ) -> PaymentResult:
        stamped = PaymentRequest(
            request.payment_id,
            request.kind,
            request.amount,
            request.receipt_no,
            sent_at,
            accepted_at,
        )
        result = self.reconcile(stamped)
        return PaymentResult(
            result.payment_id,
            result.outcome,
            f"{why}; {result.message}",
            result.result,
            result.receipt_lines,
            True,
            result.merchant_lines,
        )

    def _evidence(
        self, journal: ResultJournal, request: PaymentRequest, last: TerminalResult
    ) -> Evidence:
        same: StoredResult | None = journal.find_result(last)
        previous = None if request.sent_at is None else journal.previous_result(request.sent_at)
        return Evidence(same, previous)

    def reconcile(self, request: PaymentRequest) -> PaymentResult:
        """Reconnect, check the terminal is idle, ask for its last receipt, and judge."""
        self._require_open()
        journal = self.journal
        if journal is None:
            raise DeviceConfigError("no result journal", device=self.name)
        self._set_state(DeviceState.BUSY, "checking the terminal")
        error: DeviceError | None = None
        try:
            for attempt in range(max(1, self.reconnect_attempts)):
                if attempt:
                    self.sleep(self.reconnect_pause)
                try:
                    self._drop_link()
                    self._connect(register=False)
                    status = self._status()
                    if status.status_code == TERMINAL_BUSY:
                        error = DeviceTimeout("the terminal is still busy")
                        continue
                    transcript = self._run(z.repeat_receipt(self.password), None, "repeat_receipt")
                except _LinkLost as lost:
                    error = lost.device_error(self.name)
                    continue
                except DeviceError as failure:
                    error = failure
                    continue
                last = transcript.results[-1][1] if transcript.results else None
                try:
                    evidence = (
                        Evidence() if last is None else self._evidence(journal, request, last)
                    )
                except Exception as failure:
                    return PaymentResult(
                        request.payment_id,
                        PaymentOutcome.UNKNOWN,
                        f"the till could not read its own journal ({failure}); "
                        "check the terminal's journal",
                        reconciled=True,
                    )
                outcome, reason = judge(request, last, evidence, self._zone, self.clock())
                ours = outcome is not PaymentOutcome.UNKNOWN and (
                    evidence.same is None or evidence.same.payment_id == request.payment_id
                )
                if ours and last is not None:
                    self._link_result(journal, request, transcript)
                return PaymentResult(
                    request.payment_id,
                    outcome,
                    reason,
                    last if ours else None,
                    transcript.receipt() if ours else (),
                    True,
                    transcript.merchant_copy() if ours else (),
                )
            return PaymentResult(
                request.payment_id,
                PaymentOutcome.UNKNOWN,
                f"the terminal could not be asked ({error}); check its journal",
                reconciled=True,
            )
        finally:
            if self._state is DeviceState.BUSY:
                self._set_state(DeviceState.IDLE)

    def _link_result(
        self, journal: ResultJournal, request: PaymentRequest, transcript: _Transcript
    ) -> None:
        """Tie the repeated result to the payment it settled, so that a later reconciliation
        knows this terminal transaction is taken."""
        raw, result = transcript.raw_results[-1], transcript.results[-1][1]
        try:
            journal.record_result(request.payment_id, "reconciled", raw, result)
        except Exception:
            log.warning(
                "%s: could not tie the repeated result to %s", self.name, request.payment_id
            )

    def abort(self) -> None:
        link = self._link
        if link is None:
            return
        link.send_now(z.abort(), self.ack_timeout)

    # --- administration -----------------------------------------------------------------

    def _admin(
        self, command: z.Apdu, label: str, after_status_enquiry: bool = False
    ) -> _Transcript:
        self._require_enabled()
        self._set_state(DeviceState.BUSY, label.replace("_", " "))
        try:
            self._ensure_link()
            try:
                return self._run(command, None, label, None, after_status_enquiry)
            except _LinkLost as lost:
                raise lost.device_error(self.name) from None
        except DeviceError as error:
            self._set_state(DeviceState.ERROR, str(error), error)
            raise
        finally:
            if self._state is DeviceState.BUSY:
                self._set_state(DeviceState.IDLE)

    def end_of_day(self) -> EndOfDayResult:
        transcript = self._admin(z.end_of_day(self.password), "end_of_day")
        lines = transcript.receipt()
        if transcript.refused is not None or transcript.aborted:
            return EndOfDayResult(False, _failure_text(transcript), receipt_lines=lines)
        if not transcript.results:
            return EndOfDayResult(False, "the terminal sent no totals", receipt_lines=lines)
        info, result = transcript.results[-1]
        totals = info.totals
        per_card = tuple(
            (card.name, card.count, Money(card.minor, self.currency))
            for card in (totals.cards if totals else ())
            if card.count
        )
        return EndOfDayResult(
            result.approved,
            result.text,
            result.amount,
            totals.count if totals else 0,
            per_card,
            lines,
        )

    def diagnosis(self) -> TerminalStatus:
        transcript = self._admin(z.diagnosis(), "diagnosis")
        ok = transcript.completion is not None and transcript.refused is None
        message = "diagnosis passed" if ok else _failure_text(transcript)
        code = transcript.refused if transcript.refused is not None else transcript.abort_code
        return TerminalStatus(ok, message, code, receipt_lines=transcript.receipt())

    def _status(self) -> TerminalStatus:
        transcript = self._run(
            z.status_enquiry(self.password), None, "status_enquiry", None, True, SHORT_DIALOGUE
        )
        completion = transcript.completion
        if completion is None or completion.terminal_status is None:
            code = transcript.refused if transcript.refused is not None else transcript.abort_code
            return TerminalStatus(False, _failure_text(transcript), code)
        status = completion.terminal_status
        text = "ready" if status == TERMINAL_READY else z.result_text(status)
        return TerminalStatus(status == TERMINAL_READY, text, status, completion.software_version)

    def status(self) -> TerminalStatus:
        self._require_enabled()
        self._ensure_link()
        try:
            return self._status()
        except _LinkLost as lost:
            raise lost.device_error(self.name) from None

    def repeat_receipt(self) -> tuple[TerminalResult | None, tuple[str, ...]]:
        transcript = self._admin(z.repeat_receipt(self.password), "repeat_receipt")
        last = transcript.results[-1][1] if transcript.results else None
        return last, transcript.receipt()


__all__ = ["TransactionKind", "ZvtTerminal"]
