"""Printing use cases: the station's printers, print jobs that are never lost, test prints,
reprints after a person's decision, and the pictures of the simulated printers.

`PrinterStation` builds each configured printer through the driver registry and gives it its
own worker thread. `PrintingServices` is the facade the screens and the CLI use. Every piece of
paper is a job stored *queued* in the till's database before any byte leaves, then *sent*, then
*confirmed*, *failed* or *unknown*, each step committed from the printer's worker thread. A
failed or unknown job waits for a decision (reprint as DUPLICATA, dismiss, or "it did print")
and is never retried by itself. Methods that only queue return at once; none touches Qt.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from app.services.ports import Clock, UnitOfWork, UnitOfWorkFactory
from app.services.records import PrintJob
from domain.errors import GuichetError
from drivers import registry
from drivers.base import Listeners, Role
from drivers.config import DeviceConfig
from drivers.errors import DeviceError
from drivers.printers.base import JobOutcome, JobState, Printer
from drivers.printers.status import PrinterStatus
from drivers.printers.worker import PrinterWorker
from drivers.station import DeviceStation
from drivers.transports.base import WireRecord
from printing import escpos, fgl, serialize
from printing.data import ReceiptData, ReportPage, TicketData
from printing.errors import LayoutError, RenderError

log = logging.getLogger(__name__)

TICKETS, RECEIPTS, REPORTS = "tickets", "receipts", "reports"
PURPOSES = (TICKETS, RECEIPTS, REPORTS)


class UnknownPrinter(GuichetError, LookupError):
    """No printer of that name (or for that purpose) is configured on this station."""


class NoDecisionNeeded(GuichetError, ValueError):
    """The job printed, or a decision was already taken: nothing to decide."""


# --- the station's printers -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PrinterCard:
    """What the technician screen shows of one printer; built without any I/O."""

    name: str
    role: str
    purposes: tuple[str, ...]
    driver: str
    protocol: str
    model: str
    address: str
    code_page: str
    state: str  # closed, idle, busy, error, or "broken" when the driver cannot be built
    status: str  # last status summary, "" when never asked
    problem: str  # the last error, in English
    pending: int
    simulated: bool


class PrinterStation:
    """The station's printers. Their threads are the device station's: one worker per
    endpoint, shared with a drawer behind the receipt printer. Built alone (tests, the
    command line), it runs a device station of its own and stops it with `stop`."""

    def __init__(
        self,
        configs: Sequence[DeviceConfig] = (),
        create: Callable[[DeviceConfig], Any] = registry.create,
        *,
        devices: DeviceStation | None = None,
    ) -> None:
        self._owns_devices = devices is None
        if devices is None:
            devices = DeviceStation(
                [c for c in configs if c.role in _PRINTER_ROLES], create=create, poll_interval=0
            )
        self.devices = devices
        self.configs = {
            name: devices.config(name)
            for name in devices.names()
            if devices.config(name).role in _PRINTER_ROLES
        }
        self.printers: dict[str, Printer] = {}
        self.workers: dict[str, PrinterWorker] = {}
        self.broken: dict[str, str] = {}
        self.problems: dict[str, str] = {}
        for name, config in self.configs.items():
            try:
                device = devices.ensure_device(name)
            except DeviceError as error:
                self.broken[name] = str(error)
                continue
            if not isinstance(device, Printer):
                self.broken[name] = f"driver {config.driver!r} is not a printer driver"
                continue
            self.printers[name] = device
            self.workers[name] = PrinterWorker(devices, name)

    @classmethod
    def demo(cls, output_dir: Path | None = None) -> PrinterStation:
        """The demo station's printers (station.toml's defaults: a Boca FGL46 for tickets, a
        TM-T88V for receipts and reports), simulated in this process."""
        from app.config import demo_devices
        from app.services.devices import station_configs

        extra: dict[str, Any] = {"confirm_timeout": 5.0}
        if output_dir is not None:
            extra["output_dir"] = str(output_dir)
        configs = station_configs(demo_devices())
        return cls([replace(c, options={**c.options, **extra}) for c in configs])

    def purposes_of(self, name: str) -> tuple[str, ...]:
        purposes = []
        if self.for_purpose(TICKETS, quiet=True) == name:
            purposes.append(TICKETS)
        if self.for_purpose(RECEIPTS, quiet=True) == name:
            purposes.append(RECEIPTS)
        if self.for_purpose(REPORTS, quiet=True) == name:
            purposes.append(REPORTS)
        return tuple(purposes)

    def for_purpose(self, purpose: str, quiet: bool = False) -> str | None:
        """The printer that prints tickets, receipts or reports on this station."""
        working = [n for n in self.configs if n in self.printers]
        if purpose == TICKETS:
            found = [n for n in working if self.configs[n].role is Role.TICKET_PRINTER]
        elif purpose == RECEIPTS:
            found = [n for n in working if self.configs[n].role is Role.RECEIPT_PRINTER]
        else:
            found = [n for n in working if self.configs[n].options.get("reports")]
            found = found or [n for n in working if self.configs[n].role is Role.RECEIPT_PRINTER]
        if found:
            return found[0]
        if quiet:
            return None
        raise UnknownPrinter(f"no printer for {purpose} is configured on this station")

    def printer(self, name: str) -> Printer:
        try:
            return self.printers[name]
        except KeyError:
            if name in self.broken:
                raise UnknownPrinter(
                    f"printer {name!r} cannot start: {self.broken[name]}"
                ) from None
            raise UnknownPrinter(f"no printer named {name!r} on this station") from None

    def card(self, name: str) -> PrinterCard:
        config = self.configs[name]
        printer = self.printers.get(name)
        if printer is None:
            return PrinterCard(
                name, config.role.value, (), config.driver, "", "", config.uri, "", "broken",
                "", self.broken.get(name, ""), 0, config.scheme == "sim",
            )  # fmt: skip
        status = printer.last_status
        try:
            code_page = str(getattr(printer, "code_page", ""))
        except RenderError as error:
            code_page = str(error)
        return PrinterCard(
            name=name,
            role=config.role.value,
            purposes=self.purposes_of(name),
            driver=config.driver,
            protocol=printer.protocol,
            model=printer.model,
            address=printer.address,
            code_page=code_page,
            state=printer.state.value,
            status=status.summary() if status is not None else "",
            problem=self.problems.get(name, ""),
            pending=self.workers[name].pending,
            simulated=printer.simulator is not None or config.scheme == "sim",
        )

    def cards(self) -> list[PrinterCard]:
        return [self.card(name) for name in self.configs]

    def stop(self) -> None:
        """Finish the queued jobs, then close the printers (when this station owns them)."""
        if self._owns_devices:
            self.devices.stop()


_PRINTER_ROLES = (Role.TICKET_PRINTER, Role.RECEIPT_PRINTER)


# --- the facade ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class JobCard:
    id: str
    printer: str
    kind: str
    label: str
    state: str
    detail: str
    created_at: datetime
    updated_at: datetime
    ticket_number: int | None
    reprint_of: str | None
    resolution: str | None
    resolved_by: str | None

    @property
    def awaiting_decision(self) -> bool:
        return self.state in ("failed", "unknown") and self.resolution is None


def _card(job: PrintJob) -> JobCard:
    return JobCard(
        job.id, job.printer, job.kind, job.label, job.state, job.detail, job.created_at,
        job.updated_at, job.ticket_number, job.reprint_of, job.resolution, job.resolved_by,
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class VirtualPage:
    printer: str
    number: int
    path: Path


JobListener = Callable[[JobCard], None]


class PrintingServices:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        station: PrinterStation,
        clock: Clock,
        till: str = "G1",
    ) -> None:
        self.uow_factory = uow_factory
        self.station = station
        self.clock = clock
        self.till = till
        self._listeners: Listeners[[JobCard]] = Listeners("print job")

    # --- printers ------------------------------------------------------------------------

    def printers(self) -> list[PrinterCard]:
        return self.station.cards()

    def add_job_listener(self, listener: JobListener) -> None:
        """Called on a printer's worker thread each time a job changes state; a listener that
        is gone or fails is dropped (it never stops the printer's thread)."""
        self._listeners.add(listener)

    def check_status(self, printer: str) -> Future[PrinterStatus]:
        self.station.printer(printer)  # UnknownPrinter for a name not on this station

        def ask(device: Printer) -> PrinterStatus:
            try:
                status = device.status()
            except DeviceError as error:
                self.station.problems[printer] = str(error)
                raise
            self.station.problems.pop(printer, None)
            return status

        return self.station.workers[printer].submit(ask)

    def wire_log(self, printer: str) -> list[WireRecord]:
        return self.station.printer(printer).wire_log.records()

    def virtual_pages(self) -> list[VirtualPage]:
        """What the simulated printers printed, oldest first (PNG files)."""
        pages = []
        for name, device in self.station.printers.items():
            simulator = device.simulator
            if simulator is None:
                continue
            for page in list(simulator.pages.pages):
                if page.path is not None:
                    pages.append(VirtualPage(name, page.number, page.path))
        return pages

    # --- printing --------------------------------------------------------------------------

    def print_tickets(self, tickets: Sequence[TicketData], printer: str | None = None) -> list[str]:
        """Number the tickets from this till's sequence and queue one job per ticket, in one
        transaction. Returns the job ids at once; the tickets print on the printer's thread."""
        with self.uow_factory() as uow:
            jobs = self.queue_tickets(uow, tickets, printer)
            uow.commit()
        self.dispatch(jobs)
        return jobs

    def queue_tickets(
        self, uow: UnitOfWork, tickets: Sequence[TicketData], printer: str | None = None
    ) -> list[str]:
        """Inside the caller's transaction: take the tickets' numbers from this till's
        sequence and queue their jobs; bad data is refused before a number is taken. Nothing
        is committed here; after the commit, `dispatch` the returned job ids."""
        name = self._ticket_printer(printer)
        device = self.station.printer(name)
        for ticket in tickets:
            self._renderer(device, ticket)()  # refuse bad data before a number is taken
        numbers = uow.ticket_numbers.take(self.till, len(tickets))
        numbered = [
            replace(ticket, ticket_number=number)
            for number, ticket in zip(numbers, tickets, strict=True)
        ]
        return self.queue_numbered_tickets(uow, numbered, name)

    def queue_numbered_tickets(
        self, uow: UnitOfWork, tickets: Sequence[TicketData], printer: str | None = None
    ) -> list[str]:
        """Inside a sale's transaction: queue the jobs of tickets the sale numbered. Nothing
        is rendered here: a ticket that cannot be printed fails on the printer's thread and
        waits for a decision; the sale stands."""
        name = self._ticket_printer(printer)
        return [
            self._add_job(
                uow,
                name,
                "ticket",
                _ticket_label(ticket),
                serialize.dumps(replace(ticket, till=ticket.till or self.till)),
                ticket.ticket_number,
                None,
            )
            for ticket in tickets
        ]

    def queue_duplicate(
        self, uow: UnitOfWork, ticket: TicketData, reprint_of: str | None = None
    ) -> str:
        """Inside a reprint's transaction: queue a ticket marked DUPLICATA (``reprint_of``:
        the job of the ticket it replaces, if it printed here). Dispatch it after the commit."""
        name = self._ticket_printer(None)
        return self._add_job(
            uow,
            name,
            "ticket",
            f"{_ticket_label(ticket)} (DUPLICATA)",
            serialize.dumps(replace(ticket.as_duplicate(), till=ticket.till or self.till)),
            ticket.ticket_number,
            reprint_of,
        )

    def _ticket_printer(self, printer: str | None) -> str:
        name = printer or self.station.for_purpose(TICKETS)
        if name is None:
            raise UnknownPrinter("no printer prints tickets on this station")
        return name

    def dispatch(self, job_ids: Sequence[str]) -> None:
        """Hand committed jobs to their printers' threads."""
        for job_id in job_ids:
            self._dispatch(job_id)

    def print_receipt(self, receipt: ReceiptData, printer: str | None = None) -> str:
        name = printer or self.station.for_purpose(RECEIPTS)
        if name is None:
            raise UnknownPrinter("no printer prints receipts on this station")
        self._renderer(self.station.printer(name), receipt)()
        label = f"Receipt {receipt.receipt_number}"
        return self._queue_one(name, "receipt", label, serialize.dumps(receipt))

    def print_report(self, page: ReportPage, printer: str | None = None) -> str:
        name = printer or self.station.for_purpose(REPORTS)
        assert name is not None
        self._renderer(self.station.printer(name), page)()
        return self._queue_one(name, "report", page.title, serialize.dumps(page))

    def test_print(self, printer: str) -> str:
        """The technician's test page (code page table, barcodes, logo, alignment marks)."""
        self.station.printer(printer)
        return self._queue_one(printer, "test", f"Test print on {printer}", '{"kind": "test"}')

    # --- jobs --------------------------------------------------------------------------------

    def recent_jobs(self, limit: int = 50, printer: str | None = None) -> list[JobCard]:
        with self.uow_factory(read_only=True) as uow:
            return [_card(j) for j in uow.print_jobs.recent(limit, printer)]

    def jobs_awaiting_decision(self) -> list[JobCard]:
        with self.uow_factory(read_only=True) as uow:
            return [_card(j) for j in uow.print_jobs.awaiting_decision()]

    def reprint(self, job_id: str, by: str, printer: str | None = None) -> str:
        """Print a failed or unknown job again; a ticket comes out marked DUPLICATA with its
        own number, the old job is closed as "reprinted"."""
        with self.uow_factory() as uow:
            job = uow.print_jobs.get(job_id)
            if job.state not in ("failed", "unknown") or job.resolution is not None:
                raise NoDecisionNeeded(f"job {job_id} needs no reprint ({job.state})")
            target = printer or job.printer
            document = job.document
            if job.kind == "ticket":
                ticket = serialize.loads(job.document)
                assert isinstance(ticket, TicketData)
                document = serialize.dumps(ticket.as_duplicate())
            now = self.clock.now()
            new_id = self._add_job(
                uow,
                target,
                job.kind,
                f"{job.label} (DUPLICATA)" if job.kind == "ticket" else job.label,
                document,
                job.ticket_number,
                job.id,
            )
            uow.print_jobs.resolve(job_id, "reprinted", by, now)
            uow.journal.append(
                self.till,
                {
                    "type": "reprint",
                    "at": now.isoformat(),
                    "till": self.till,
                    "kind": job.kind,
                    "label": job.label,
                    "ticket": job.ticket_number,
                    "by": by,
                    "reason": job.state,
                },
            )
            uow.commit()
        self._dispatch(new_id)
        return new_id

    def dismiss(self, job_id: str, by: str) -> None:
        """Close a failed or unknown job without printing it again."""
        self._resolve(job_id, "dismissed", by)

    def confirm_printed(self, job_id: str, by: str) -> None:
        """A person saw the paper of an unknown job come out: close it as printed."""
        self._resolve(job_id, "printed", by)

    def recover_unfinished(self) -> int:
        """At start: jobs left queued or sent by a crash become unknown and wait for a
        decision (a ticket may or may not have come out)."""
        with self.uow_factory() as uow:
            stale = uow.print_jobs.unfinished()
            for job in stale:
                uow.print_jobs.set_state(
                    job.id,
                    "unknown",
                    "the till stopped while this job was " + job.state,
                    self.clock.now(),
                )
            uow.commit()
        return len(stale)

    # --- inside ----------------------------------------------------------------------------

    def _add_job(
        self,
        uow: UnitOfWork,
        printer: str,
        kind: str,
        label: str,
        document: str,
        ticket_number: int | None,
        reprint_of: str | None,
    ) -> str:
        now = self.clock.now()
        job_id = uuid.uuid4().hex
        uow.print_jobs.add(
            PrintJob(
                id=job_id, printer=printer, kind=kind, label=label[:200], document=document,
                state=JobState.QUEUED.value, detail="", created_at=now, updated_at=now,
                ticket_number=ticket_number, reprint_of=reprint_of,
            )
        )  # fmt: skip
        return job_id

    def _queue_one(self, printer: str, kind: str, label: str, document: str) -> str:
        with self.uow_factory() as uow:
            job_id = self._add_job(uow, printer, kind, label, document, None, None)
            uow.commit()
        self._dispatch(job_id)
        return job_id

    def _resolve(self, job_id: str, resolution: str, by: str) -> None:
        with self.uow_factory() as uow:
            job = uow.print_jobs.get(job_id)
            if job.state not in ("failed", "unknown") or job.resolution is not None:
                raise NoDecisionNeeded(f"job {job_id} needs no decision ({job.state})")
            uow.print_jobs.resolve(job_id, resolution, by, self.clock.now())
            uow.commit()

    def _renderer(
        self, device: Printer, document: TicketData | ReceiptData | ReportPage | None
    ) -> Callable[[], bytes]:
        """How this printer's bytes are made for this document (checked now, run later)."""
        protocol = device.protocol
        if protocol == "fgl":
            model = fgl.model(device.model)
            if document is None:
                return lambda: fgl.render_test_page(model, device.name)
            if isinstance(document, TicketData):
                ticket = document
                return lambda: fgl.render_ticket(ticket, model)
            raise RenderError(f"{device.name} prints tickets only (FGL); use a receipt printer")
        if protocol == "escpos":
            model_e = escpos.model(device.model, device.options.get("code_page"))
            if document is None:
                return lambda: escpos.render_test_page(model_e, device.name)
            if isinstance(document, TicketData):
                ticket_e = document
                return lambda: escpos.render_ticket(ticket_e, model_e)
            if isinstance(document, ReceiptData):
                receipt = document
                return lambda: escpos.render_receipt(receipt, model_e)
            page = document
            return lambda: escpos.render_report(page, model_e)
        raise RenderError(f"{device.name}: no renderer for the {protocol!r} protocol")

    def _set_state(self, job_id: str, state: JobState, detail: str) -> None:
        now = self.clock.now()
        with self.uow_factory() as uow:
            uow.print_jobs.set_state(job_id, state.value, detail, now)
            stored = uow.print_jobs.get(job_id)
            if state is JobState.CONFIRMED and stored.kind in ("ticket", "receipt"):
                # A ticket or receipt that came out is a fiscal fact: original or DUPLICATA.
                uow.journal.append(self.till, _print_record(stored, self.till, now))
            uow.commit()
            job = _card(stored)
        self._listeners.notify(job)

    def _dispatch(self, job_id: str) -> None:
        with self.uow_factory(read_only=True) as uow:
            job = uow.print_jobs.get(job_id)
        worker = self.station.workers.get(job.printer)
        if worker is None:
            self._set_state(job_id, JobState.FAILED, f"no working printer {job.printer!r}")
            return
        worker.submit(lambda device: self._run(job_id, job.kind, job.document, device))

    def _run(self, job_id: str, kind: str, document_json: str, device: Printer) -> JobOutcome:
        """On the printer's thread: render, mark sent, send, store the outcome."""
        sent = False
        try:
            document = None if kind == "test" else serialize.loads(document_json)
            data = self._renderer(device, document)()
            self._set_state(job_id, JobState.SENT, f"{len(data)} bytes")
            sent = True
            outcome = device.print_job(data)
        except (RenderError, LayoutError) as error:
            outcome = JobOutcome(JobState.FAILED, f"cannot be printed: {error}")
        except Exception as error:  # never lose a job to a bug: it waits for a decision
            log.exception("print job %s failed unexpectedly", job_id)
            state = JobState.UNKNOWN if sent else JobState.FAILED
            outcome = JobOutcome(state, f"unexpected error: {error}")
        if outcome.error is not None:
            self.station.problems[device.name] = str(outcome.error)
        elif outcome.state is JobState.CONFIRMED:
            self.station.problems.pop(device.name, None)
        try:
            self._set_state(job_id, outcome.state, outcome.detail)
        except Exception:
            log.exception("could not store the outcome of print job %s", job_id)
        return outcome


def _print_record(job: PrintJob, till: str, at: datetime) -> dict[str, object]:
    """The journal's record of a ticket or receipt that came out of a printer."""
    return {
        "type": "print",
        "at": at.isoformat(),
        "till": till,
        "kind": job.kind,
        "label": job.label,
        "ticket": job.ticket_number,
        "printer": job.printer,
        "copy": "DUPLICATA"
        if job.reprint_of is not None or job.label.endswith("(DUPLICATA)")
        else "original",
    }


def _ticket_label(ticket: TicketData) -> str:
    seat = " ".join(p for p in (ticket.zone, ticket.row, ticket.seat) if p)
    return f"Ticket {ticket.ticket_number:06d} - {ticket.event} - {seat}".strip(" -")
