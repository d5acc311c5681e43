"""The till session screen (F10): the open session, or a form to open one with a counted float.

The float is counted coin by coin and note by note, one spin box per denomination (Tab walks
them, Enter opens); the total follows as you type, exact to the cent. Closing a session is not
here yet (the till-session issue's).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.changes import Changes
from app.services.till import TillServices
from app.services.tills import SessionOpened
from app.ui import errors, formatting
from app.ui.changes import hub
from app.ui.tasks import Lane
from domain.money import Money
from domain.operators import Operator
from domain.till import CashCount, TillSession, denominations, is_coin, may_open_session

CURRENCY = "EUR"
MAX_COUNT = 99_999


@dataclass(frozen=True)
class _Shown:
    session: TillSession | None
    names: dict[str, str]  # operator id -> name


class TillSessionScreen(QWidget):
    def __init__(
        self,
        services: TillServices,
        lane: Lane,
        operator: Operator,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._lane = lane
        self._operator = operator
        self.setObjectName("tillSession")
        self.title = QLabel(self.tr("Till session"))
        self.title.setObjectName("screenTitle")
        self.status = QLabel()
        self.status.setObjectName("sessionStatus")
        self.status.setWordWrap(True)

        self.form = QFrame()
        self.form.setObjectName("floatForm")
        grid = QGridLayout(self.form)
        self.counts: dict[int, QSpinBox] = {}
        coins = [d for d in denominations(CURRENCY) if is_coin(CURRENCY, d)]
        notes = [d for d in denominations(CURRENCY) if not is_coin(CURRENCY, d)]
        grid.addWidget(QLabel(self.tr("Coins")), 0, 0, 1, 2)
        grid.addWidget(QLabel(self.tr("Notes")), 0, 2, 1, 2)
        for column, group in ((0, coins), (2, notes)):
            for row, denomination in enumerate(group, start=1):
                spin = QSpinBox()
                spin.setObjectName(f"count_{denomination}")
                spin.setRange(0, MAX_COUNT)
                spin.setMinimumHeight(44)
                spin.setMinimumWidth(110)
                spin.setAccessibleName(
                    self.tr("Count of %1").replace("%1", self._money(denomination))
                )
                spin.valueChanged.connect(self._update_total)
                spin.lineEdit().returnPressed.connect(self.open_session)
                label = QLabel(self._money(denomination))
                label.setBuddy(spin)
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                grid.addWidget(label, row, column)
                grid.addWidget(spin, row, column + 1)
                self.counts[denomination] = spin
        self.total = QLabel()
        self.total.setObjectName("floatTotal")
        self.open_button = QPushButton(self.tr("&Open the session"))
        self.open_button.setObjectName("openSession")
        self.open_button.setMinimumHeight(44)
        self.open_button.clicked.connect(self.open_session)
        bottom = QHBoxLayout()
        bottom.addWidget(self.total, 1)
        bottom.addWidget(self.open_button)
        grid.addLayout(bottom, len(coins) + 1, 0, 1, 4)
        # Tab walks the coins, then the notes, then the button.
        order = [self.counts[d] for d in coins + notes]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        QWidget.setTabOrder(order[-1], self.open_button)

        self.message = QLabel()
        self.message.setObjectName("sessionMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(self.form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.form.setVisible(False)
        self._update_total()
        hub().changed.connect(self._on_changes)

    # --- reading ------------------------------------------------------------------------

    def _money(self, minor: int) -> str:
        return formatting.money(Money(minor, CURRENCY))

    def counted(self) -> CashCount:
        return CashCount.of(CURRENCY, {d: spin.value() for d, spin in self.counts.items()})

    def _update_total(self) -> None:
        total = formatting.money(self.counted().total())
        self.total.setText(self.tr("Float: %1").replace("%1", total))

    def _on_changes(self, changes: Changes) -> None:
        if changes.till_session:
            self.load()

    def load(self) -> None:
        services = self._services

        def read() -> _Shown:
            return _Shown(services.current_session(), {c.id: c.name for c in services.operators()})

        self._lane.submit(read, self._show, self._failed, owner=self)

    def _show(self, shown: _Shown) -> None:
        session = shown.session
        if session is None:
            if may_open_session(self._operator):
                self.status.setText(
                    self.tr("No session is open: count the float, then open the session.")
                )
                self.form.setVisible(True)
                first = self.counts[min(self.counts)]
                first.setFocus()
                first.selectAll()  # typing replaces the 0, as after a Tab
            else:
                self.status.setText(
                    self.tr("No session is open on this till: a supervisor must open one.")
                )
                self.form.setVisible(False)
            return
        self.form.setVisible(False)
        opened_at = session.opened_at.astimezone()
        name = shown.names.get(session.opened_by, session.opened_by)
        self.status.setText(
            self.tr("Session open since %1, opened by %2, with a float of %3.")
            .replace("%1", formatting.short_date_time(opened_at))
            .replace("%2", name)
            .replace("%3", formatting.money(session.float_count.total()))
        )

    # --- opening ------------------------------------------------------------------------

    def open_session(self) -> None:
        if not self.form.isVisible() or not self.open_button.isEnabled():
            return
        counts = self.counted()
        self.open_button.setEnabled(False)
        self.message.setText(self.tr("Opening…"))
        self._lane.submit(
            lambda: self._services.open_session(self._operator, counts),
            self._opened,
            self._refused,
            owner=self,
        )

    def _opened(self, opened: SessionOpened) -> None:
        self.open_button.setEnabled(True)
        for spin in self.counts.values():
            spin.setValue(0)
        self.message.setText(
            self.tr("Session opened with a float of %1.").replace(
                "%1", formatting.money(opened.session.float_count.total())
            )
        )
        self._show(_Shown(opened.session, {self._operator.id: self._operator.name}))

    def _refused(self, error: BaseException) -> None:
        self.open_button.setEnabled(True)
        self.message.setText(errors.message_for(error))
        self.load()  # what the till has now: maybe a session someone else opened

    def _failed(self, error: BaseException) -> None:
        self.message.setText(errors.message_for(error))
