"""The cash counted coin by coin and note by note: one spin box per denomination, coins in one
column and notes in the other; Tab walks the coins, then the notes; Enter says "done". Used for
the opening float and for the cashier's blind count."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSpinBox, QWidget

from app.ui import formatting
from domain.money import Money
from domain.till import CashCount, denominations, is_coin

MAX_COUNT = 99_999


class CountGrid(QFrame):
    changed = Signal()  # a count changed
    entered = Signal()  # Enter in any count

    def __init__(self, currency: str, prefix: str = "count", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currency = currency
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.counts: dict[int, QSpinBox] = {}
        coins = [d for d in denominations(currency) if is_coin(currency, d)]
        notes = [d for d in denominations(currency) if not is_coin(currency, d)]
        grid.addWidget(QLabel(self.tr("Coins")), 0, 0, 1, 2)
        grid.addWidget(QLabel(self.tr("Notes")), 0, 2, 1, 2)
        for column, group in ((0, coins), (2, notes)):
            for row, denomination in enumerate(group, start=1):
                spin = QSpinBox()
                spin.setObjectName(f"{prefix}_{denomination}")
                spin.setRange(0, MAX_COUNT)
                spin.setMinimumHeight(44)
                spin.setMinimumWidth(110)
                spin.setAccessibleName(
                    self.tr("Count of %1").replace("%1", self._money(denomination))
                )
                spin.valueChanged.connect(self.changed)
                spin.lineEdit().returnPressed.connect(self.entered)
                label = QLabel(self._money(denomination))
                label.setBuddy(spin)
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                grid.addWidget(label, row, column)
                grid.addWidget(spin, row, column + 1)
                self.counts[denomination] = spin
        self.rows = len(coins) + 1
        self.order = [self.counts[d] for d in coins + notes]
        for first, second in itertools.pairwise(self.order):
            QWidget.setTabOrder(first, second)

    def _money(self, minor: int) -> str:
        return formatting.money(Money(minor, self.currency))

    def counted(self) -> CashCount:
        return CashCount.of(self.currency, {d: spin.value() for d, spin in self.counts.items()})

    def clear(self) -> None:
        for spin in self.counts.values():
            spin.setValue(0)

    def start(self) -> None:
        """Focus the first coin, its 0 selected so that typing replaces it."""
        first = self.order[0]
        first.setFocus()
        first.selectAll()
