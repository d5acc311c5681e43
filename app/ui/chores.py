"""The station's chores: what the running till does by itself, with nobody asking, once as it
starts and then every `CHORES_MS`. The one scheduler of such chores; the main window owns it
for as long as the application runs, logged in or not.

- **Options past their expiry** (`OptionServices.expire_due`): expired, their places back on
  sale. On the database lane; what it changed goes to the change hub, so the options panel
  shows them expired and the plans show the places free. The station also expires them as it
  is built (`app.composition.open_station`), before any screen shows. Training mode changes
  nothing here: an option's expiry is a date, not a sale (nothing is journaled), so a real
  option expires on time while a trainee sells, and gives its places back as it would outside
  training.
- **Single-use codes of abandoned carts** (`AdvantageServices.release_abandoned`): given back
  to the central server so another cart may use them. It talks to the server, so it runs on a
  lane of its own, never on the database lane the cashier's work queues on; a server that
  cannot be reached leaves the codes for the next round, and nobody is told.

A round that has not finished when the next is due is not run twice: the next one skips it.
The cart's hold lapse is not a chore: the sale screen counts it down and lapses it
(`SaleScreen.tick`), since the cashier watches it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer

from app.services.advantages import AdvantageServices
from app.services.changes import Changes
from app.services.options import OptionServices
from app.ui.tasks import Lane
from domain.options import Option

log = logging.getLogger(__name__)

CHORES_MS = 60_000


@dataclass(frozen=True, slots=True)
class Expired:
    """A round's expired options; what that changed goes to the change hub."""

    options: tuple[Option, ...]

    @property
    def changes(self) -> Changes:
        if not self.options:
            return Changes()
        performances = frozenset(o.performance_id for o in self.options)
        return Changes(performances=performances, options=True)


class StationChores(QObject):
    def __init__(
        self,
        database: Lane,
        options: OptionServices | None = None,
        advantages: AdvantageServices | None = None,
        parent: QObject | None = None,
        interval_ms: int = CHORES_MS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stationChores")
        self._database = database
        self._options = options
        self._advantages = advantages
        self._server = Lane("server chores", self)  # may wait seconds for the server
        self._expiring = False
        self._releasing = False
        self.expired: list[Option] = []  # the last round's, for whoever wants to say it
        self.released = 0
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.run)

    @property
    def busy(self) -> bool:
        """A round's chore still running."""
        return self._expiring or self._releasing

    def start(self) -> None:
        """A first round now (the station just started), then one every interval."""
        self.timer.start()
        self.run()

    def stop(self) -> None:
        self.timer.stop()
        self._server.shutdown()

    def run(self) -> None:
        """One round: each chore not still running from the last round."""
        options, advantages = self._options, self._advantages
        if options is not None and not self._expiring:
            self._expiring = True

            self._database.submit(
                lambda: Expired(tuple(options.expire_due())),
                self._expired,
                self._expiry_failed,
                owner=self,
            )
        if advantages is not None and not self._releasing:
            self._releasing = True
            self._server.submit(
                advantages.release_abandoned, self._released, self._release_failed, owner=self
            )

    def _expired(self, done: Expired) -> None:
        self._expiring = False
        self.expired = list(done.options)
        if done.options:
            log.info("%d option(s) expired: their places are on sale again", len(done.options))

    def _expiry_failed(self, error: BaseException) -> None:
        self._expiring = False
        log.warning("the options past their expiry could not be expired now", exc_info=error)

    def _released(self, given: int) -> None:
        self._releasing = False
        self.released = given
        if given:
            log.info("%d single-use code(s) of abandoned carts given back to the server", given)

    def _release_failed(self, error: BaseException) -> None:
        self._releasing = False  # tried again next round; the cashier is not concerned
        log.warning("single-use codes could not be given back to the server", exc_info=error)
