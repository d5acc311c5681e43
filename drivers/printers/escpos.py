"""ESC/POS receipt (and ticket) printers over TCP 9100, serial or USB.

A job: drop stale input, ask ``DLE EOT 1, 2, 3, 4`` (refuse to send to a printer that is
offline, open or out of paper: the job FAILS with nothing printed), send the bytes, then ask
``GS r 1``. That query is answered only once everything before it was processed, so its reply
CONFIRMS the job; no reply before the deadline leaves the job UNKNOWN and the real-time
``DLE EOT`` queries say why (paper ran out mid-job, cover opened). Status replies are read one
byte at a time and checked bit by bit; garbage raises ProtocolError (hardware notes §2.2–2.3).
Never sends ``DLE EOT`` in the middle of a job's bytes.
"""

from __future__ import annotations

from drivers.base import Role
from drivers.errors import DeviceError, DeviceFault, DeviceTimeout, ProtocolError
from drivers.printers.base import JobOutcome, JobState, Printer
from drivers.printers.status import (
    DLE_EOT,
    SENSOR_PAPER,
    PrinterStatus,
    decode_dle_eot,
    is_dle_eot_reply,
    is_sensor_reply,
)
from drivers.transports.base import Deadline, Transport, drain

CHUNK = 4096


class EscPosPrinter(Printer):
    role = Role.RECEIPT_PRINTER
    protocol = "escpos"
    default_model = "TM-T88V"
    OPTION_NAMES = Printer.OPTION_NAMES | {"code_page"}

    @property
    def code_page(self) -> str:
        from printing.escpos import model

        return model(self.model, self.options.get("code_page")).code_page

    def _query(self, transport: Transport, n: int, deadline: Deadline) -> int:
        transport.write(DLE_EOT + bytes((n,)), deadline.left(self.write_timeout))
        reply = transport.read(1, deadline.left(self.status_timeout))
        if not reply:
            raise DeviceTimeout(
                f"the printer did not answer the status query (DLE EOT {n}) within "
                f"{self.status_timeout:g} s",
                device=self.name,
            )
        return reply[0]

    def _read_status(self, transport: Transport) -> PrinterStatus:
        """The four real-time queries, within one overall deadline (``status_deadline``)."""
        deadline = self.status_dialogue()
        # a stale byte ahead of the reply would read as "no paper"
        drain(transport, deadline)
        status = PrinterStatus()
        for n in (1, 2, 3, 4):
            status = decode_dle_eot(n, self._query(transport, n, deadline), status)
        return status

    def status(self) -> PrinterStatus:
        try:
            self.ready()
            transport = self._connect()
            status = self._read_status(transport)
        except DeviceError as error:
            self._drop_connection()
            self._report(self.status_after(error), error)
            raise
        self._report(status)
        return status

    def print_job(self, data: bytes) -> JobOutcome:
        # Before anything is sent, every failure means "not printed".
        try:
            self.ready()
            transport = self._connect()
            before = self._read_status(transport)
        except DeviceError as error:
            self._drop_connection()
            self._report(self.status_after(error), error)
            return JobOutcome(JobState.FAILED, str(error), error)
        if not before.ready:
            refusal = DeviceFault(f"not printed: {before.summary()}", device=self.name)
            self._report(before, refusal)
            return JobOutcome(JobState.FAILED, str(refusal), refusal)

        sent = 0
        try:
            for start in range(0, len(data), CHUNK):
                chunk = data[start : start + CHUNK]
                transport.write(chunk, self.write_timeout)
                sent += len(chunk)
            transport.write(SENSOR_PAPER, self.write_timeout)
            reply = transport.read(1, self.confirm_timeout)
        except DeviceError as error:
            self._drop_connection()
            # Part of the job may sit in the printer's buffer: it may still print.
            self._report(PrinterStatus(online=False, answered=False), error)
            return JobOutcome(JobState.UNKNOWN, str(error), error, sent)

        if reply and is_sensor_reply(reply[0]):
            status = PrinterStatus(
                paper_near_end=bool(reply[0] & 0x03), paper_out=bool(reply[0] & 0x0C)
            )
            self._report(status)  # printed; the paper may have run out just after
            return JobOutcome(JobState.CONFIRMED, status.summary(), None, sent)

        # No confirmation: find out why, in real time, and leave the outcome open.
        problem: DeviceError
        if reply and not is_dle_eot_reply(reply[0]):
            problem = ProtocolError(
                f"the printer answered {reply[0]:#04x} to the end-of-job query (GS r 1)",
                device=self.name,
            )
            self._drop_connection()
            self._report(PrinterStatus(online=False), problem)
            return JobOutcome(JobState.UNKNOWN, str(problem), problem, sent)
        try:
            after = self._read_status(transport)
            problem = DeviceFault(
                f"the printer stopped during the job: {after.summary()}", device=self.name
            )
        except DeviceError as query_error:
            after = self.status_after(query_error)
            problem = query_error
            self._drop_connection()
        if after.ready:
            problem = DeviceTimeout(
                f"the printer did not confirm the job within {self.confirm_timeout:g} s",
                device=self.name,
            )
        self._report(after, problem)
        return JobOutcome(JobState.UNKNOWN, str(problem), problem, sent)


class EscPosTicketPrinter(EscPosPrinter):
    """The same protocol used as the ticket printer (tickets on an 80 mm roll)."""

    role = Role.TICKET_PRINTER


class SimulatedEscPosPrinter(EscPosPrinter):
    """The receipt printer of the demo: always the in-process simulator."""

    def _make_transport(self) -> Transport:
        return self._simulated_transport("escpos", "")
