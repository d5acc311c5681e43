"""The sale without a plan: a quantity per category and tariff (DOMAIN.md's "no plan" seat
search, and the only way to sell a performance whose hall has no seat plan). The till picks
the seats: the best available of each category, or places in the zone that sells it
(`SellingServices.add_quantities`). Digits in the fields, Tab between them, Enter adds.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QSpinBox, QVBoxLayout, QWidget

from app.services.selling import TariffPrice
from app.ui import formatting
from app.ui.sale.cart_panel import emphasised, key_button
from domain.money import Money, total


class QuantityGrid(QWidget):
    chosen = Signal(list)  # [(category, tariff, count), ...] with count > 0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quantityGrid")
        self.table: list[TariffPrice] = []
        self.fields: dict[tuple[str, str], QSpinBox] = {}
        self.limit = 20
        self._cells = QWidget()
        self._grid = QGridLayout(self._cells)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._cells)
        self.summary = emphasised(QLabel(), 1.2)
        self.summary.setObjectName("quantitySummary")
        self.add_button = key_button(self.tr("Add to cart (Enter)"), "addQuantities")
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Quantities per category and tariff: the till picks the seats."))
        )
        layout.addWidget(scroll, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.add_button)
        self.add_button.clicked.connect(self.choose)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(
                QKeySequence(key),
                self,
                activated=self.choose,
                context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
            )

    def set_table(self, table: list[TariffPrice], limit: int | None) -> None:
        """One field per category and tariff the channel sells, all at zero."""
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.table = table
        self.limit = limit or 20
        self.fields = {}
        shown_category = ""
        for row, cell in enumerate(table):
            if cell.category != shown_category:
                shown_category = cell.category
                self._grid.addWidget(emphasised(QLabel(cell.category_name), 1.0), row, 0)
            self._grid.addWidget(QLabel(cell.audience_name), row, 1)
            price = QLabel(formatting.money(cell.price))
            price.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._grid.addWidget(price, row, 2)
            field = QSpinBox()
            field.setObjectName(f"quantity-{cell.category}-{cell.audience}")
            field.setRange(0, self.limit)
            field.setMinimumHeight(36)
            field.setAccessibleName(
                self.tr("%1, %2: number of tickets")
                .replace("%1", cell.category_name)
                .replace("%2", cell.audience_name)
            )
            field.valueChanged.connect(self._summarise)
            self._grid.addWidget(field, row, 3)
            self.fields[(cell.category, cell.audience)] = field
        self._grid.setRowStretch(len(table), 1)
        self._summarise()

    def wanted(self) -> list[tuple[str, str, int]]:
        return [(c, a, f.value()) for (c, a), f in self.fields.items() if f.value() > 0]

    def clear(self) -> None:
        for field in self.fields.values():
            field.setValue(0)

    def focus_first(self) -> None:
        first = next(iter(self.fields.values()), None)
        if first is not None:
            first.setFocus()
            QTimer.singleShot(0, first.selectAll)  # after the focus-in: typing replaces the 0

    def _summarise(self) -> None:
        prices = {(c.category, c.audience): c.price for c in self.table}
        wanted = self.wanted()
        count = sum(n for _c, _a, n in wanted)
        currency = self.table[0].price.currency if self.table else "EUR"
        amount = total([prices[(c, a)] * n for c, a, n in wanted], currency)
        self.summary.setText(
            self.tr("%1 ticket(s): %2")
            .replace("%1", str(count))
            .replace("%2", formatting.money(amount if wanted else Money.zero(currency)))
        )
        self.add_button.setEnabled(count > 0)

    def choose(self) -> None:
        for field in self.fields.values():
            field.interpretText()  # a number typed but not yet taken
        wanted = self.wanted()
        if wanted:
            self.chosen.emit(wanted)
