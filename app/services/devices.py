"""The technician's device use cases over a `DeviceStation`: list, discover, status and a test
action for each role (test payment and refund, end-of-day, drawer kick and sensor, display
text, scan test), the wire log; and the card-payment follow-up (reconcile, supervisor close).

Every call blocks until the device's own worker has done the job: call them from a lane or
the command line, never from the GUI thread (`abort_payment` excepted: it must get through
while a payment runs). Each card transaction, settlement or close tells the payment
listeners, on the thread that recorded it, so a supervisor's list shows an unknown payment at
once, whichever screen (if any) started it. No Qt here.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, TypeVar

from app.services import journal, payments
from app.services.payments import CardPayment
from app.services.ports import Clock, UnitOfWorkFactory
from domain.money import Money
from domain.operators import Operator
from drivers import discovery
from drivers.base import Listeners, Role
from drivers.config import DeviceConfig, parse_devices
from drivers.errors import DeviceConfigError
from drivers.payment import (
    EndOfDayResult,
    PaymentResult,
    ProgressListener,
    TerminalStatus,
    TransactionKind,
)
from drivers.station import DeviceStation, DeviceStatus
from drivers.transports.base import WireRecord

log = logging.getLogger(__name__)

PaymentListener = Callable[[], None]
T = TypeVar("T")


def station_configs(table: dict[str, Any] | None) -> list[DeviceConfig]:
    """station.toml's ``[devices]``: exactly what it lists. No section, or an empty one, is a
    station without devices, never the demo's simulators (a simulated terminal approves all)."""
    return parse_devices(table or {})


@dataclass(frozen=True, slots=True)
class DrawerCheck:
    kicked: bool
    is_open: bool


class DevicesService:
    def __init__(
        self,
        station: DeviceStation,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        till: str | None = None,
    ) -> None:
        self.station = station
        self._uow = uow_factory
        self._clock = clock
        self._till = till  # whose fiscal journal records the drawer openings without a sale
        self._payment_listeners: Listeners[[]] = Listeners("card payment")

    # --- telling ------------------------------------------------------------------------

    def add_payment_listener(self, listener: PaymentListener) -> None:
        """Told, on the thread that recorded it, each time a card payment was recorded or
        settled (or its attempt failed): the payments waiting for a decision may have changed."""
        self._payment_listeners.add(listener)

    def remove_payment_listener(self, listener: PaymentListener) -> None:
        self._payment_listeners.remove(listener)

    def _recording(self, job: Callable[[Any], T]) -> Callable[[Any], T]:
        """``job`` on the terminal's worker, the payment listeners told when it ends."""

        def run(terminal: Any) -> T:
            try:
                return job(terminal)
            finally:
                self._payment_listeners.notify()

        return run

    # --- looking ------------------------------------------------------------------------

    def devices(self) -> list[DeviceStatus]:
        return self.station.status()

    def discover(self, hosts: Iterable[str] = ()) -> list[discovery.Found]:
        return discovery.discover(hosts)

    def wire(self, name: str) -> list[WireRecord]:
        log = self.station.wire_log(name)
        return log.records() if log is not None else []

    # --- payment terminal ---------------------------------------------------------------

    def _card(
        self, name: str, kind: TransactionKind, amount: Money, receipt_no: int | None = None
    ) -> tuple[CardPayment, PaymentResult]:
        return self.station.call(
            name,
            self._recording(
                lambda terminal: payments.run(
                    self._uow, self._clock, terminal, kind, amount, None, receipt_no
                )
            ),
        )

    def device_for(self, role: Role) -> str | None:
        """The station's first device of ``role`` (the sale's terminal, drawer, display)."""
        return next(
            (name for name in self.station.names() if self.station.config(name).role is role),
            None,
        )

    def sale_payment(
        self, name: str, amount: Money, reference: str, progress: ProgressListener | None = None
    ) -> tuple[CardPayment, PaymentResult]:
        """A sale's card payment: blocks until the terminal is done (run it on a lane). An
        unknown outcome stays open for ``reference`` (the cart), so it is never charged twice."""
        return self.station.call(
            name,
            self._recording(
                lambda terminal: payments.run(
                    self._uow,
                    self._clock,
                    terminal,
                    TransactionKind.PAYMENT,
                    amount,
                    reference,
                    None,
                    progress,
                )
            ),
        )

    def correction_payment(
        self,
        kind: TransactionKind,
        amount: Money,
        reference: str,
        receipt_no: int | None = None,
        progress: ProgressListener | None = None,
    ) -> tuple[CardPayment, PaymentResult]:
        """A refund's card part on the station's terminal: a refund, or the reversal of the
        payment with ``receipt_no``; ``reference`` is the correction's id (an unknown outcome
        stays open for it). Blocks: run it on a lane."""
        name = self.device_for(Role.PAYMENT_TERMINAL)
        if name is None:
            raise DeviceConfigError("this station has no card terminal")
        return self.station.call(
            name,
            self._recording(
                lambda terminal: payments.run(
                    self._uow,
                    self._clock,
                    terminal,
                    kind,
                    amount,
                    reference,
                    receipt_no,
                    progress,
                )
            ),
        )

    def open_drawer_for_sale(self) -> None:
        """After a cash sale's commit: open the drawer on its device lane, without waiting; a
        drawer that fails is reported by its status events, never undoes the sale."""
        name = self.device_for(Role.CASH_DRAWER)
        if name is None:
            return

        def report(done: Future[object]) -> None:
            if done.exception() is not None:
                log.warning("the drawer did not open after a sale: %s", done.exception())

        self.station.submit(name, lambda drawer: drawer.open_drawer()).add_done_callback(report)

    def test_payment(self, name: str, amount: Money) -> tuple[CardPayment, PaymentResult]:
        return self._card(name, TransactionKind.PAYMENT, amount)

    def test_refund(self, name: str, amount: Money) -> tuple[CardPayment, PaymentResult]:
        return self._card(name, TransactionKind.REFUND, amount)

    def reverse(
        self, name: str, amount: Money, receipt_no: int
    ) -> tuple[CardPayment, PaymentResult]:
        return self._card(name, TransactionKind.REVERSAL, amount, receipt_no)

    def _with_journal(self, name: str, job: Any) -> Any:
        def run(terminal: Any) -> Any:
            terminal.journal = payments.DatabaseJournal(self._uow, self._clock, terminal.name)
            return job(terminal)

        return self.station.call(name, run)

    def end_of_day(self, name: str) -> EndOfDayResult:
        result: EndOfDayResult = self._with_journal(name, lambda t: t.end_of_day())
        return result

    def terminal_status(self, name: str) -> TerminalStatus:
        status: TerminalStatus = self._with_journal(name, lambda t: t.status())
        return status

    def diagnosis(self, name: str) -> TerminalStatus:
        status: TerminalStatus = self._with_journal(name, lambda t: t.diagnosis())
        return status

    def abort_payment(self, name: str) -> None:
        """Ask the terminal to stop; bypasses the worker, which is busy with the payment."""
        device = self.station.device(name)
        abort = getattr(device, "abort", None)
        if callable(abort):
            abort()

    def reconcile(self, name: str) -> list[CardPayment]:
        return self.station.call(
            name,
            self._recording(
                lambda terminal: payments.reconcile_open(self._uow, self._clock, terminal)
            ),
        )

    def reconcile_at_start(self) -> list[Future[list[CardPayment]]]:
        """Ask each payment terminal, on its own worker, what became of the payments a crash
        or a power cut left open; returns at once. What stays unknown waits for a supervisor."""
        futures = []
        for name in self.station.by_role(Role.PAYMENT_TERMINAL):

            def settle(terminal: Any) -> list[CardPayment]:
                return payments.reconcile_open(self._uow, self._clock, terminal)

            future = self.station.submit(name, self._recording(settle))
            future.add_done_callback(functools.partial(_log_settlement, name))
            futures.append(future)
        return futures

    def open_payments(self) -> list[CardPayment]:
        return payments.open_payments(self._uow)

    def recent_payments(self, limit: int = 20) -> list[CardPayment]:
        return payments.recent(self._uow, limit)

    def close_unknown_payment(
        self, by: Operator, payment_id: str, approved: bool, receipt_reference: str
    ) -> CardPayment:
        closed = payments.close_unknown(
            self._uow, self._clock, by, payment_id, approved, receipt_reference
        )
        self._payment_listeners.notify()
        return closed

    # --- drawer, display, scanner -------------------------------------------------------

    def kick_drawer(self, name: str, by: str = "") -> DrawerCheck:
        """Open the drawer without a sale (a technician's test, a supervisor's no-sale): the
        opening is journaled first, so no drawer opens without its entry (an entry whose
        opening then failed says more than an opening without one)."""
        if self._till is not None:
            with self._uow() as uow:
                journal.record(
                    uow,
                    self._till,
                    {
                        "type": "drawer_opened",
                        "reason": "no_sale",
                        "at": self._clock.now().isoformat(),
                        "device": name,
                        "by": by,
                    },
                )
                uow.commit()

        def run(drawer: Any) -> DrawerCheck:
            drawer.open_drawer()
            return DrawerCheck(True, bool(drawer.is_open()))

        return self.station.call(name, run)

    def drawer_sensor(self, name: str) -> bool:
        return bool(self.station.call(name, lambda drawer: drawer.is_open()))

    def display_text(self, name: str, first: str, second: str = "") -> tuple[str, str]:
        def run(display: Any) -> tuple[str, str]:
            display.show(first, second)
            shown: tuple[str, str] = display.shown
            return shown

        return self.station.call(name, run)

    def scan_test(self, name: str, code: str = "3760123456789") -> str:
        """Trigger a simulated scanner; a real one waits for the technician to scan."""

        def run(scanner: Any) -> str:
            trigger = getattr(scanner, "simulate_scan", None)
            if not callable(trigger) or getattr(scanner, "_pty", None) is None:
                raise DeviceConfigError(
                    "scan a barcode with this scanner: only a simulated one is triggered here",
                    device=name,
                )
            trigger(code)
            return code

        return self.station.call(name, run)


def _log_settlement(name: str, future: Future[list[CardPayment]]) -> None:
    error = future.exception()
    if error is not None:
        log.warning("%s: open payments not settled at start: %s", name, error)
        return
    for payment in future.result():
        log.info("%s: payment %s settled at start: %s", name, payment.id, payment.state)
