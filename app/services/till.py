"""One object that hands the screens every use case of this till, already wired.

Screens receive a `TillServices`; they never see the unit of work, the hasher or the clock.
Each method is one use case and one transaction; none of them touches Qt.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from app.services import auth, browsing, closures, plans, tills, training
from app.services.changes import Changes
from app.services.ports import Clock, PinHasher, UnitOfWorkFactory
from app.services.records import PerformanceSummary
from domain.closures import Closure
from domain.money import Money
from domain.operators import Operator
from domain.till import BlindCount, CashCount, TillSession
from domain.training import TrainingMode

log = logging.getLogger(__name__)


@dataclass
class TillServices:
    uow_factory: UnitOfWorkFactory
    hasher: PinHasher
    clock: Clock
    point_of_sale_code: str
    timezone: str = "Europe/Paris"  # the venue's (station.toml): fiscal days are counted in it

    # --- operators ----------------------------------------------------------------------

    def operators(self) -> list[auth.OperatorCard]:
        return auth.list_operators(self.uow_factory)

    def log_in(self, operator_id: str, pin: str) -> Operator:
        return auth.log_in(
            self.uow_factory, self.hasher, self.clock, operator_id, pin, self.point_of_sale_code
        )

    def log_out(self, operator: Operator) -> None:
        auth.log_out(self.uow_factory, self.clock, operator, self.point_of_sale_code)

    def unlock_operator(self, by: Operator, operator_id: str) -> Changes:
        return auth.unlock_operator(self.uow_factory, by, operator_id)

    # --- till session --------------------------------------------------------------------

    def current_session(self) -> TillSession | None:
        return tills.current_session(self.uow_factory, self.point_of_sale_code)

    def open_session(self, operator: Operator, counts: CashCount) -> tills.SessionOpened:
        return tills.open_session(
            self.uow_factory, self.clock, operator, self.point_of_sale_code, counts
        )

    def move_cash(
        self, operator: Operator, kind: str, amount: Money, reason: str
    ) -> tills.CashMoved:
        return tills.move_cash(
            self.uow_factory, self.clock, operator, self.point_of_sale_code, kind, amount, reason
        )

    def x_report(self) -> tills.SessionReport:
        return tills.x_report(self.uow_factory, self.clock, self.point_of_sale_code)

    def z_report(self, session_id: str) -> tills.SessionReport:
        return tills.z_report(self.uow_factory, session_id)

    def sessions(self, limit: int = 20) -> list[TillSession]:
        return tills.sessions(self.uow_factory, self.point_of_sale_code, limit)

    def declare_count(
        self,
        operator: Operator,
        cash: CashCount,
        others: Mapping[str, Money],
        terminal: Money | None = None,
    ) -> BlindCount:
        return tills.declare_count(
            self.uow_factory, self.clock, operator, self.point_of_sale_code, cash, others, terminal
        )

    def review_close(self, supervisor: Operator) -> tills.CloseReview:
        return tills.review_close(self.uow_factory, supervisor, self.point_of_sale_code)

    def close_session(
        self, supervisor: Operator, reviewed: int, reasons: Mapping[str, str]
    ) -> tills.SessionClosed:
        closed = tills.close_session(
            self.uow_factory, self.clock, supervisor, self.point_of_sale_code, reviewed, reasons
        )
        self.close_fiscal_periods()  # the session is sealed whatever happens here
        return closed

    # --- fiscal closures and training -----------------------------------------------------

    def close_fiscal_periods(self) -> list[Closure]:
        """Close every fiscal day, month and year ended and not closed yet (after a session
        close, at start-up). A failure is logged and tried again next time: it never undoes
        what came before it."""
        try:
            return closures.close_due(
                self.uow_factory, self.clock, self.point_of_sale_code, ZoneInfo(self.timezone)
            )
        except Exception:
            log.exception("the fiscal closures could not be written; they are due again")
            return []

    def training(self) -> TrainingMode | None:
        return training.status(self.uow_factory)

    def start_training(self, supervisor: Operator) -> TrainingMode:
        return training.start(self.uow_factory, self.clock, self.point_of_sale_code, supervisor)

    def end_training(self, supervisor: Operator) -> None:
        training.end(self.uow_factory, self.clock, self.point_of_sale_code, supervisor)

    def recover_session(self) -> tills.Recovered | None:
        return tills.recover_at_start(self.uow_factory, self.point_of_sale_code)

    # --- catalog ------------------------------------------------------------------------

    def till(self) -> browsing.TillContext:
        return browsing.till_context(self.uow_factory, self.point_of_sale_code)

    def events(self) -> list[browsing.EventCard]:
        return browsing.list_events(self.uow_factory)

    def performances(
        self,
        first_day: date | None,
        last_day: date | None,
        event_id: str | None,
        timezone: ZoneInfo,
    ) -> list[PerformanceSummary]:
        return browsing.find_performances(self.uow_factory, first_day, last_day, event_id, timezone)

    def performance_view(self, performance_id: str) -> browsing.PerformanceView:
        channel = self.till().channel
        return browsing.performance_view(self.uow_factory, self.clock, channel, performance_id)

    # --- plans --------------------------------------------------------------------------

    def check_plan(self, path: Path) -> plans.PlanReport:
        return plans.check_plan_file(path)

    def halls(self) -> list[plans.HallCard]:
        return plans.list_halls(self.uow_factory)

    def import_plan(
        self, path: Path, hall_name: str, site_name: str | None = None, name: str | None = None
    ) -> plans.ImportResult:
        return plans.import_plan_file(self.uow_factory, path, hall_name, site_name, name)
