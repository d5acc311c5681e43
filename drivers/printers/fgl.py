"""Boca FGL ticket printers (FGL26/46) over TCP 9100 (one client at a time), serial or USB.

A job is one ticket: drain the unsolicited status bytes (the printer sends each change once),
refuse to send if the last of them says out of paper or jammed, or if ``<S1>`` gets no ``11``
(FAILED, nothing printed; option ``check_ready = false`` skips the question), send the
ticket ending in ``<p>``, then read until ``06`` (printed: CONFIRMED). What every other byte
of Boca's status table means for the ticket is `drivers.printers.status.fgl_outcome`: warnings
and state changes mean keep waiting; out of paper, illegal data or an illegal command (NAK)
mean the ticket did not come out (FAILED); a jam, a cutter jam, ribbon out, a hardware fault,
a dropped connection or silence until the deadline leave it UNKNOWN: a person must look. A
byte outside the table raises ProtocolError. ``<S1>`` answers only when ready: silence is
"busy or in error", not a fault of ours. A connection the printer closes at once means
another client holds it. The status dialogue (drain, ``<S1>``, its reply) has one overall
deadline, so a printer that streams bytes without end reads as garbled instead of hanging.
"""

from __future__ import annotations

from dataclasses import replace

from drivers.base import Role
from drivers.errors import (
    DeviceBusy,
    DeviceError,
    DeviceFault,
    DeviceTimeout,
    DeviceUnavailable,
    ProtocolError,
)
from drivers.printers.base import JobOutcome, JobState, Printer
from drivers.printers.status import (
    FglOutcome,
    PrinterStatus,
    decode_fgl,
    fgl_outcome,
    fgl_status,
)
from drivers.transports.base import Deadline, Transport, drain

STATUS_REQUEST = b"<S1>"


class FglPrinter(Printer):
    role = Role.TICKET_PRINTER
    protocol = "fgl"
    default_model = "FGL46"
    OPTION_NAMES = Printer.OPTION_NAMES | {"check_ready"}

    @property
    def code_page(self) -> str:
        return "CP858"

    @property
    def check_ready(self) -> bool:
        """Ask <S1> before each ticket; off for printers whose status reporting is disabled."""
        return bool(self.options.get("check_ready", True))

    def _fold(self, data: bytes, status: PrinterStatus) -> PrinterStatus:
        for byte in data:
            status = fgl_status(decode_fgl(byte, self.model), status)
        return status

    def _after_connect(self, transport: Transport) -> None:
        # Boca printers serve one TCP client; a second one is accepted and dropped at once.
        try:
            greeting = transport.read(16, 0.05)
        except DeviceUnavailable:
            raise DeviceBusy(
                f"{transport.description} closed the connection at once: another computer or "
                "program is connected to this ticket printer (it accepts one at a time)",
                device=self.name,
            ) from None
        if greeting:
            self.last_status = self._fold(greeting, self.last_status or PrinterStatus())

    def _ask(self, transport: Transport, deadline: Deadline) -> bytes:
        """``<S1>`` and its one-byte reply (b"" when the printer is busy or in error)."""
        transport.write(STATUS_REQUEST, deadline.left(self.write_timeout))
        return transport.read(1, deadline.left(self.status_timeout))

    def status(self) -> PrinterStatus:
        try:
            self.ready()
            transport = self._connect()
            deadline = self.status_dialogue()
            status = self._fold(drain(transport, deadline), self.last_status or PrinterStatus())
            reply = self._ask(transport, deadline)
        except DeviceError as error:
            self._drop_connection()
            self._report(self.status_after(error), error)
            raise
        if not reply:
            status = PrinterStatus(
                answered=False,
                paper_out=status.paper_out,
                jam=status.jam,
                cutter_error=status.cutter_error,
                paper_near_end=status.paper_near_end,
            )
        else:
            try:
                status = self._fold(reply, status)
            except ProtocolError as error:
                self._drop_connection()
                self._report(self.status_after(error), error)
                raise
        self._report(status)
        return status

    def print_job(self, data: bytes) -> JobOutcome:
        try:
            self.ready()
            transport = self._connect()
            deadline = self.status_dialogue()
            before = self._fold(drain(transport, deadline), self.last_status or PrinterStatus())
            if self.check_ready:
                # A printer in error keeps what it receives and may print it once fixed, long
                # after the cashier gave up: ask first. <S1> answers only when ready, so it
                # also clears a remembered "paper out" once paper was loaded.
                reply = self._ask(transport, deadline)
                before = self._fold(reply, before) if reply else replace(before, answered=False)
        except DeviceError as error:
            self._drop_connection()
            self._report(self.status_after(error), error)
            return JobOutcome(JobState.FAILED, str(error), error)
        if not before.ready:
            refusal = DeviceFault(f"not printed: {before.summary()}", device=self.name)
            self._report(before, refusal)
            return JobOutcome(JobState.FAILED, str(refusal), refusal)

        try:
            transport.write(data, self.write_timeout)
        except DeviceError as error:
            self._drop_connection()
            self._report(PrinterStatus(online=False, answered=False), error)
            # Some bytes may already sit in the printer's buffer: a ticket may come out.
            return JobOutcome(JobState.UNKNOWN, str(error), error)

        status = PrinterStatus(paper_near_end=before.paper_near_end, ribbon_low=before.ribbon_low)
        confirmation = Deadline(self.confirm_timeout, self.clock)
        try:
            while True:
                left = confirmation.left()
                if left <= 0:
                    silence = DeviceTimeout(
                        f"the ticket printer did not confirm the ticket within "
                        f"{self.confirm_timeout:g} s",
                        device=self.name,
                    )
                    self._report(PrinterStatus(busy=True, answered=False), silence)
                    return JobOutcome(JobState.UNKNOWN, str(silence), silence, len(data))
                chunk = transport.read(1, left)
                if not chunk:
                    continue
                signal = decode_fgl(chunk[0], self.model)
                status = fgl_status(signal, status)
                outcome = fgl_outcome(signal)
                if outcome is FglOutcome.PRINTED:
                    self._report(status)
                    return JobOutcome(JobState.CONFIRMED, status.summary(), None, len(data))
                if outcome is FglOutcome.WAIT:
                    continue
                fault = DeviceFault(
                    f"the ticket printer reports {signal.value} ({chunk[0]:#04x})",
                    device=self.name,
                )
                self._report(status, fault)
                state = JobState.FAILED if outcome is FglOutcome.NOT_PRINTED else JobState.UNKNOWN
                return JobOutcome(state, str(fault), fault, len(data))
        except DeviceError as error:
            self._drop_connection()
            self._report(PrinterStatus(online=False, answered=False), error)
            return JobOutcome(JobState.UNKNOWN, str(error), error, len(data))


class SimulatedFglPrinter(FglPrinter):
    """The ticket printer of the demo: always the in-process simulator."""

    def _make_transport(self) -> Transport:
        return self._simulated_transport("fgl", "")
