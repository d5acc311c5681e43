"""The till's side of ZVT (PA00P015): registration, payment, refund, reversal, abort,
end-of-day, diagnosis, status enquiry and repeat receipt, over TCP or a serial line.

The dialogue: the till sends a command, the terminal accepts it (``80 00 00``) or refuses it
(``84 xx``), then becomes master and sends intermediate status (``04 FF``), receipt lines
(``06 D1``/``06 D3``) and the result (``04 0F``), each acknowledged by the till, and ends with
``06 0F`` (completion) or ``06 1E`` (abort). Every ``04 0F`` goes to the `ResultJournal`
*before* its acknowledgement. When the link fails before a result arrived, the driver
reconnects and asks the terminal (status enquiry, then repeat receipt) and reports what that
proves, or UNKNOWN; it never retries a payment by itself.

Runs on the device's own worker thread; only `abort` may be called from another thread. No Qt,
no database: the journal is a port.
"""

from __future__ import annotations

import contextlib
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
    TerminalResult,
    TerminalStatus,
    TransactionKind,
)
from drivers.transports.base import Transport, WireLog
from drivers.zvt import apdu as z
from drivers.zvt.link import Link, SerialLink, TcpLink
from drivers.zvt.reconcile import judge

TransportFactory = Callable[[str], Transport]

# Config byte: the till prints payment and administration receipts (so the terminal sends
# their lines), wants intermediate status, controls payment and administration, and takes
# receipts as text blocks.
DEFAULT_CONFIG = 0xBE
TERMINAL_READY = 0x00
TERMINAL_BUSY = 0x9C


class _LinkLost(Exception):
    def __init__(self, transcript: _Transcript, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.transcript = transcript
        self.cause = cause


@dataclass
class _Transcript:
    """Everything the terminal said in answer to one command."""

    sent: bool = False
    accepted: bool = False
    refused: int | None = None
    results: list[tuple[z.StatusInformation, TerminalResult]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    completion: z.Completion | None = None
    abort_code: int | None = None
    journal_failure: BaseException | None = None


def _option(options: Any, name: str, default: Any, kind: Callable[[Any], Any]) -> Any:
    try:
        return kind(options.get(name, default))
    except (TypeError, ValueError):
        raise DeviceConfigError(f"option {name!r} has a bad value: {options.get(name)!r}") from None


class ZvtTerminal(PaymentTerminal):
    """A ZVT card terminal. ``uri``: tcp://host:port, serial:///dev/ttyS0, or sim://zvt (a
    simulator started in this process on loopback TCP, driven through the same code)."""

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
        self.timezone: str = _option(options, "timezone", "Europe/Berlin", str)
        self.wire = WireLog()
        self.journal: ResultJournal | None = None
        self.transport_factory: TransportFactory | None = None
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)
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
            SerialLink(transport, self.wire) if self._serial else TcpLink(transport, self.wire)
        )
        self._link = link
        if register:
            transcript = self._run(z.registration(self.password, self.config_byte, self.currency))
            if transcript.refused is not None or transcript.abort_code is not None:
                code = (
                    transcript.refused if transcript.refused is not None else transcript.abort_code
                )
                self._drop_link()
                raise DeviceFault(
                    f"the terminal refused the registration: {z.result_text(code or 0)}",
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
    ) -> _Transcript:
        """Send ``command`` and follow the terminal until it hands mastership back.

        Raises `_LinkLost` (carrying what was heard so far) when the link fails after the
        command may have left.
        """
        link = self._link
        assert link is not None
        transcript = _Transcript()
        try:
            link.send(command, self.ack_timeout)
            transcript.sent = True
            if payment_id is not None and self.journal is not None:
                self.journal.mark_sent(payment_id, self.clock())
            first = link.receive(self.ack_timeout)
            if first.is_nack:
                transcript.refused = first.instr
                return transcript
            transcript.accepted = True
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
        if kind is z.Command.ACK:
            return False  # the terminal's answer to our abort
        if kind is z.Command.STATUS_INFORMATION:
            info = z.parse_status_information(message.data)
            result = self._result(info)
            if self.journal is not None:
                try:
                    self.journal.record_result(payment_id, label, message.encode(), result)
                except Exception as failure:  # any failure: unacknowledged, the terminal keeps it
                    transcript.journal_failure = failure
                    self._drop_link()
                    raise _LinkLost(transcript, failure) from failure
            transcript.results.append((info, result))
            link.send(z.ACK, self.ack_timeout)
            return False
        if kind is z.Command.INTERMEDIATE_STATUS:
            status = z.parse_intermediate(message.data)
            link.send(z.ACK, self.ack_timeout)
            self._set_state(DeviceState.BUSY, status.text)
            if progress is not None:
                progress(status.code, status.text)
            return False
        if kind is z.Command.PRINT_LINE:
            _attribute, text = z.parse_print_line(message.data)
            transcript.lines.append(text)
            link.send(z.ACK, self.ack_timeout)
            return False
        if kind is z.Command.PRINT_TEXT_BLOCK:
            transcript.lines.extend(z.parse_print_text_block(message.data))
            link.send(z.ACK, self.ack_timeout)
            return False
        if kind is z.Command.COMPLETION:
            transcript.completion = z.parse_completion(message.data, after_status_enquiry)
            link.send(z.ACK, self.ack_timeout)
            return True
        if kind is z.Command.ABORT_FROM_PT:
            transcript.abort_code = z.parse_abort(message.data)
            link.send(z.ACK, self.ack_timeout)
            return True
        raise ProtocolError(f"unexpected message from the terminal: {message}")

    def _result(self, info: z.StatusInformation) -> TerminalResult:
        code = info.result_code if info.result_code is not None else 0xFF
        amount = info.amount_minor
        currency = info.currency if info.currency in z.CURRENCY_NUMBERS else self.currency
        clock = None
        if info.date_text is not None and info.time_text is not None:
            clock = f"{info.date_text} {info.time_text}"
        return TerminalResult(
            result_code=code,
            text=z.result_text(code),
            amount=None if amount is None else Money(amount, currency or self.currency),
            trace=info.trace,
            receipt_no=info.receipt_no,
            terminal_id=info.terminal_id,
            card_name=info.card_name,
            pan=info.pan,
            terminal_time=clock,
        )

    # --- transactions -------------------------------------------------------------------

    def _transaction(
        self, request: PaymentRequest, command: z.Apdu, progress: ProgressListener | None
    ) -> PaymentResult:
        self._require_enabled()
        if self.journal is None:
            raise DeviceConfigError(
                "no result journal: a payment needs the till's database", device=self.name
            )
        if request.amount.currency != self.currency:
            raise DeviceConfigError(
                f"this terminal takes {self.currency}, not {request.amount.currency}",
                device=self.name,
            )
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
                transcript = self._run(command, request.payment_id, request.kind.value, progress)
            except _LinkLost as lost:
                return self._after_loss(request, sent_at, lost)
            return self._decide(request, sent_at, transcript)
        finally:
            if self._state is DeviceState.BUSY:
                self._set_state(DeviceState.IDLE)

    def pay(
        self, request: PaymentRequest, progress: ProgressListener | None = None
    ) -> PaymentResult:
        command = z.authorisation(request.amount.minor, request.amount.currency)
        return self._transaction(request, command, progress)

    def refund(
        self, request: PaymentRequest, progress: ProgressListener | None = None
    ) -> PaymentResult:
        command = z.refund(self.password, request.amount.minor, request.amount.currency)
        return self._transaction(request, command, progress)

    def reverse(
        self, request: PaymentRequest, progress: ProgressListener | None = None
    ) -> PaymentResult:
        if request.receipt_no is None:
            raise DeviceConfigError("a reversal needs the receipt number to reverse")
        return self._transaction(request, z.reversal(self.password, request.receipt_no), progress)

    def _decide(
        self, request: PaymentRequest, sent_at: datetime, transcript: _Transcript
    ) -> PaymentResult:
        lines = tuple(transcript.lines)
        pid = request.payment_id
        if transcript.refused is not None:
            return PaymentResult(
                pid,
                PaymentOutcome.DECLINED,
                f"the terminal refused the command ({z.result_text(transcript.refused)}); "
                "nothing was charged",
            )
        if transcript.results:
            _info, result = transcript.results[-1]
            if result.approved and transcript.abort_code is not None:
                # Approved, then aborted: the terminal may have reversed it. Ask it.
                return self._reconcile(request, sent_at, "approved, then aborted by the terminal")
            outcome = PaymentOutcome.APPROVED if result.approved else PaymentOutcome.DECLINED
            return PaymentResult(pid, outcome, result.text, result, lines)
        if transcript.abort_code is not None:
            return PaymentResult(
                pid, PaymentOutcome.DECLINED, z.result_text(transcript.abort_code), None, lines
            )
        return self._reconcile(request, sent_at, "the terminal ended without a result")

    def _after_loss(
        self, request: PaymentRequest, sent_at: datetime, lost: _LinkLost
    ) -> PaymentResult:
        transcript = lost.transcript
        lines = tuple(transcript.lines)
        if transcript.journal_failure is not None:
            self._set_state(DeviceState.ERROR, "result not saved")
            return PaymentResult(
                request.payment_id,
                PaymentOutcome.UNKNOWN,
                "the terminal answered but the till could not save the answer "
                f"({transcript.journal_failure}); it was not acknowledged",
                transcript.results[-1][1] if transcript.results else None,
                lines,
            )
        if transcript.results:
            _info, result = transcript.results[-1]
            outcome = PaymentOutcome.APPROVED if result.approved else PaymentOutcome.DECLINED
            return PaymentResult(
                request.payment_id,
                outcome,
                f"{result.text} (the connection was lost afterwards)",
                result,
                lines,
            )
        if not transcript.accepted and transcript.sent and isinstance(lost.cause, DeviceTimeout):
            reason = "the terminal did not acknowledge the command"
        else:
            reason = f"the connection was lost ({lost.cause})"
        return self._reconcile(request, sent_at, reason)

    def _reconcile(self, request: PaymentRequest, sent_at: datetime, why: str) -> PaymentResult:
        stamped = PaymentRequest(
            request.payment_id, request.kind, request.amount, request.receipt_no, sent_at
        )
        result = self.reconcile(stamped)
        return PaymentResult(
            result.payment_id,
            result.outcome,
            f"{why}; {result.message}",
            result.result,
            result.receipt_lines,
            True,
        )

    def reconcile(self, request: PaymentRequest) -> PaymentResult:
        """Reconnect, check the terminal is idle, ask for its last receipt, and judge."""
        self._require_open()
        if self.journal is None:
            raise DeviceConfigError("no result journal", device=self.name)
        self._set_state(DeviceState.BUSY, "checking the terminal")
        error: DeviceError | None = None
        try:
            for attempt in range(max(1, self.reconnect_attempts)):
                if attempt:
                    time.sleep(self.reconnect_pause)
                try:
                    self._drop_link()
                    self._connect(register=False)
                    status = self._status()
                    if status.status_code == TERMINAL_BUSY:
                        error = DeviceTimeout("the terminal is still busy")
                        continue
                    transcript = self._run(z.repeat_receipt(self.password), None, "repeat_receipt")
                except _LinkLost as lost:
                    error = (
                        lost.cause
                        if isinstance(lost.cause, DeviceError)
                        else DeviceFault(str(lost.cause))
                    )
                    continue
                except DeviceError as failure:
                    error = failure
                    continue
                last = transcript.results[-1][1] if transcript.results else None
                known = last is not None and self.journal.is_known_result(
                    last.terminal_id, last.trace, last.receipt_no
                )
                outcome, reason = judge(request, last, known, self._zone, self.clock())
                return PaymentResult(
                    request.payment_id,
                    outcome,
                    reason,
                    last if outcome is not PaymentOutcome.DECLINED or not known else None,
                    tuple(transcript.lines) if outcome is PaymentOutcome.APPROVED else (),
                    True,
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
                cause = lost.cause
                raise cause if isinstance(cause, DeviceError) else DeviceFault(str(cause)) from None
        except DeviceError as error:
            self._set_state(DeviceState.ERROR, str(error), error)
            raise
        finally:
            if self._state is DeviceState.BUSY:
                self._set_state(DeviceState.IDLE)

    def end_of_day(self) -> EndOfDayResult:
        transcript = self._admin(z.end_of_day(self.password), "end_of_day")
        lines = tuple(transcript.lines)
        if transcript.refused is not None or transcript.abort_code is not None:
            code = transcript.refused if transcript.refused is not None else transcript.abort_code
            return EndOfDayResult(False, z.result_text(code or 0xFF), receipt_lines=lines)
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
        code = transcript.abort_code if transcript.abort_code is not None else transcript.refused
        message = "diagnosis passed" if ok else z.result_text(code or 0xFF)
        return TerminalStatus(ok, message, code, receipt_lines=tuple(transcript.lines))

    def _status(self) -> TerminalStatus:
        transcript = self._run(z.status_enquiry(self.password), None, "status_enquiry", None, True)
        completion = transcript.completion
        if completion is None or completion.terminal_status is None:
            code = (
                transcript.abort_code if transcript.abort_code is not None else transcript.refused
            )
            return TerminalStatus(False, z.result_text(code or 0xFF), code)
        status = completion.terminal_status
        text = "ready" if status == TERMINAL_READY else z.result_text(status)
        return TerminalStatus(status == TERMINAL_READY, text, status, completion.software_version)

    def status(self) -> TerminalStatus:
        self._require_enabled()
        self._ensure_link()
        try:
            return self._status()
        except _LinkLost as lost:
            cause = lost.cause
            raise cause if isinstance(cause, DeviceError) else DeviceFault(str(cause)) from None

    def repeat_receipt(self) -> tuple[TerminalResult | None, tuple[str, ...]]:
        transcript = self._admin(z.repeat_receipt(self.password), "repeat_receipt")
        last = transcript.results[-1][1] if transcript.results else None
        return last, tuple(transcript.lines)


__all__ = ["TransactionKind", "ZvtTerminal"]
