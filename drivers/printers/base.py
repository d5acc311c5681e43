"""What every printer driver offers: send one job's bytes and say what became of it; report
its status; keep a wire log.

A job's outcome is one of CONFIRMED (the printer said it printed), FAILED (it certainly did
not: nothing was sent, or the printer refused it) or UNKNOWN (bytes left, and no confirmation
came: a ticket may exist). The caller stores it; drivers never retry a job on their own,
because a second copy of a ticket is a second entry to the show. ``sim://escpos`` and
``sim://fgl`` start the matching simulator in this process on loopback TCP and drive it with
the real driver. Calls block: run them on the printer's worker thread (`PrinterWorker`).
"""

from __future__ import annotations

import enum
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from drivers.base import Device, DeviceState
from drivers.config import DeviceConfig
from drivers.errors import DeviceBusy, DeviceConfigError, DeviceError, ProtocolError
from drivers.printers.status import PrinterStatus
from drivers.transports.base import Clock, Deadline, Transport, WireLog
from drivers.transports.uri import transport_for

if TYPE_CHECKING:
    from drivers.printers.passthrough import PrinterPassthrough

BUSY_RETRY_DELAY = 0.3


class JobState(enum.Enum):
    QUEUED = "queued"
    SENT = "sent"
    CONFIRMED = "confirmed"
    FAILED = "failed"
    UNKNOWN = "unknown"

    @property
    def final(self) -> bool:
        return self in (JobState.CONFIRMED, JobState.FAILED, JobState.UNKNOWN)


@dataclass(frozen=True, slots=True)
class JobOutcome:
    state: JobState
    detail: str = ""  # plain English for the log; the screen uses `error`
    error: DeviceError | None = None
    bytes_sent: int = 0


class Printer(Device):
    """A ticket or receipt printer; subclasses speak one protocol."""

    protocol: str = ""
    default_model: str = ""
    OPTION_NAMES = frozenset(
        {
            "model", "connect_timeout", "write_timeout", "status_timeout", "confirm_timeout",
            "status_deadline",
            "output_dir",  # sim://: where the simulator leaves the pictures of what it printed
            "reports",  # read by the station: this printer also prints the till's reports
        }
    )  # fmt: skip

    def __init__(self, config: DeviceConfig) -> None:
        super().__init__(config.name)
        self.config = config
        self.options: dict[str, Any] = dict(config.options)
        self.wire_log = WireLog()
        self.clock: Clock = time.monotonic  # for deadlines; tests give a fake one
        self.last_status: PrinterStatus | None = None
        self.simulator: Any = None  # the in-process simulator behind sim://
        self._transport: Transport | None = None
        self.connect_timeout = float(self.options.get("connect_timeout", 3.0))
        self.write_timeout = float(self.options.get("write_timeout", 10.0))
        self.status_timeout = float(self.options.get("status_timeout", 1.0))
        self.confirm_timeout = float(self.options.get("confirm_timeout", 15.0))
        # a whole status dialogue (stale bytes, every query and reply), once connected
        self.status_deadline = float(self.options.get("status_deadline", 5.0))

    @property
    def model(self) -> str:
        return str(self.options.get("model", self.default_model))

    @property
    def address(self) -> str:
        if self._transport is not None:
            return self._transport.description
        return self.config.uri

    # --- lifecycle hooks ----------------------------------------------------------------

    def _do_open(self) -> None:
        if self._transport is None:
            self._transport = self._make_transport()

    def _make_transport(self) -> Transport:
        parts = urlsplit(self.config.uri)
        if parts.scheme == "sim":
            return self._simulated_transport(parts.netloc or parts.path.strip("/"), parts.query)
        return transport_for(self.config.uri, log=self.wire_log, name=self.name)

    def _simulated_transport(self, kind: str, query: str) -> Transport:
        from drivers.simulators import start_simulator
        from drivers.transports.tcp import TcpTransport

        if kind != self.protocol:
            raise DeviceConfigError(
                f"sim://{kind} cannot be driven by the {self.protocol} driver", device=self.name
            )
        settings = {key: values[-1] for key, values in parse_qs(query).items()}
        self.simulator = start_simulator(kind, settings, self.options)
        host, port = self.simulator.address
        return TcpTransport(host, port, log=self.wire_log, name=self.name)

    def _do_claim(self, timeout: float) -> None:
        self._connect()

    def _do_release(self) -> None:
        if self._transport is not None:
            self._transport.close()

    def _do_close(self) -> None:
        self._do_release()
        self._transport = None
        if self.simulator is not None:
            self.simulator.stop()
            self.simulator = None

    def _connect(self) -> Transport:
        self._do_open()
        assert self._transport is not None
        if not self._transport.is_open:
            try:
                self._transport.open(self.connect_timeout)
                self._after_connect(self._transport)
            except DeviceBusy:
                # Our own previous connection may still be closing on the printer's side:
                # connecting again is safe (nothing was sent), once, after a breath.
                self._transport.close()
                time.sleep(BUSY_RETRY_DELAY)
                self._transport.open(self.connect_timeout)
                self._after_connect(self._transport)
        return self._transport

    def connection(self) -> Transport:
        """The printer's connection, opened if it is not (on the printer's worker only)."""
        return self._connect()

    def passthrough(self) -> PrinterPassthrough:
        """A transport for a device behind this printer: see `drivers.printers.passthrough`."""
        from drivers.printers.passthrough import PrinterPassthrough

        return PrinterPassthrough(self)

    def _after_connect(self, transport: Transport) -> None:
        """Protocol greeting, e.g. checking that the printer really talks to us."""

    def ready(self) -> None:
        """Open, claim and enable: what the worker does before each job."""
        self.open()
        self.claim(self.connect_timeout)
        self.enable()

    # --- the driver's interface ---------------------------------------------------------

    def print_job(self, data: bytes) -> JobOutcome:
        raise NotImplementedError

    def status(self) -> PrinterStatus:
        raise NotImplementedError

    def status_dialogue(self) -> Deadline:
        return Deadline(self.status_deadline, self.clock)

    @staticmethod
    def status_after(error: DeviceError) -> PrinterStatus:
        """The status to show after a failed exchange: garbled, or not answering."""
        if isinstance(error, ProtocolError):
            return PrinterStatus(online=False, garbled=True)
        return PrinterStatus(online=False, answered=False)

    def _report(self, status: PrinterStatus, error: DeviceError | None = None) -> None:
        self.last_status = status
        if error is not None and not isinstance(error, DeviceConfigError):
            self._set_state(DeviceState.ERROR, str(error), error)
        elif status.ready:
            self._set_state(DeviceState.IDLE, status.summary())
        else:
            self._set_state(DeviceState.ERROR, status.summary(), error)

    def _drop_connection(self) -> None:
        """After a lost or garbled exchange: the next job reconnects from scratch."""
        if self._transport is not None:
            self._transport.close()
        self.release()
