"""The cart beside the plan: its lines grouped per performance (seat · tariff · price), the
booking fee and the total, the hold's time left, and the keys that change it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.browsing import StandingAvailability
from app.services.selling import CartView
from app.ui import formatting
from domain.orders import LineKind


def key_button(text: str, name: str) -> QPushButton:
    """A button of the sale screens: a touch target of at least 44 px."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setMinimumHeight(44)
    return button


def emphasised(label: QLabel, factor: float) -> QLabel:
    """The label in bold, ``factor`` times larger (totals, the change)."""
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * factor)
    label.setFont(font)
    return label


class CartPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cartPanel")
        self.setMinimumWidth(280)
        self.setMaximumWidth(420)
        title = emphasised(QLabel(self.tr("Cart")), 1.2)
        self.lines = QTreeWidget()
        self.lines.setObjectName("cartLines")
        self.lines.setColumnCount(3)
        self.lines.setHeaderLabels([self.tr("Seat"), self.tr("Tariff"), self.tr("Price")])
        self.lines.setRootIsDecorated(False)
        self.lines.setAccessibleName(self.tr("Cart lines"))
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.lines.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.fee = QLabel()
        self.fee.setObjectName("cartFee")
        self.total = emphasised(QLabel(), 1.5)
        self.total.setObjectName("cartTotal")
        self.hold = QLabel()
        self.hold.setObjectName("holdTimer")
        self.message = QLabel()
        self.message.setObjectName("cartMessage")
        self.message.setWordWrap(True)

        self.zone = QComboBox()
        self.zone.setObjectName("standingZone")
        self.zone.setAccessibleName(self.tr("Standing zone"))
        self.zone.setMinimumHeight(44)
        self.places = QSpinBox()
        self.places.setObjectName("standingPlaces")
        self.places.setRange(1, 20)
        self.places.setMinimumHeight(44)
        self.places.setAccessibleName(self.tr("Number of standing places"))
        self.add_places = key_button(self.tr("Add places"), "addPlaces")
        self.standing = QWidget()
        standing = QHBoxLayout(self.standing)
        standing.setContentsMargins(0, 0, 0, 0)
        standing.addWidget(self.zone, 1)
        standing.addWidget(self.places)
        standing.addWidget(self.add_places)
        self.standing.hide()

        self.add_button = key_button(self.tr("Add to cart (Enter)"), "addToCart")
        self.tariff_button = key_button(self.tr("Tariff (F4)"), "cycleTariff")
        self.remove_button = key_button(self.tr("Remove (Del)"), "removeLine")
        self.pay_button = key_button(self.tr("Pay (F12)"), "pay")
        buttons = QGridLayout()
        buttons.addWidget(self.add_button, 0, 0, 1, 2)
        buttons.addWidget(self.tariff_button, 1, 0)
        buttons.addWidget(self.remove_button, 1, 1)
        buttons.addWidget(self.pay_button, 2, 0, 1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.standing)
        layout.addWidget(self.fee)
        layout.addWidget(self.total)
        layout.addWidget(self.hold)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def set_zones(self, zones: Sequence[StandingAvailability]) -> None:
        """The performance's standing zones, sold by quantity; hidden when it has none."""
        self.zone.clear()
        for zone in zones:
            self.zone.addItem(zone.name, zone.zone_id)
        self.standing.setVisible(bool(zones))

    def show_cart(self, view: CartView, tariff_names: dict[str, str]) -> None:
        """The lines per performance, keeping the selected line (else the last one)."""
        keep = self.selected_line_id()
        self.lines.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        found: QTreeWidgetItem | None = None
        last: QTreeWidgetItem | None = None
        for line in view.cart.lines:
            group = groups.get(line.performance_id)
            if group is None:
                group = QTreeWidgetItem(self.lines, [line.label])
                group.setFirstColumnSpanned(True)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[line.performance_id] = group
            seat = line.seat_label or line.seat_id or ""
            if line.kind is not LineKind.SEAT:
                seat = f"{seat} × {line.quantity}"
            item = QTreeWidgetItem(
                group,
                [
                    seat,
                    tariff_names.get(line.audience, line.audience),
                    formatting.money(line.amount),
                ],
            )
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setData(0, Qt.ItemDataRole.UserRole, line.id)
            last = item
            if line.id == keep:
                found = item
        self.lines.expandAll()
        current = found or last
        if current is not None:
            self.lines.setCurrentItem(current)
        self.fee.setText(self.tr("Booking fee: %1").replace("%1", formatting.money(view.fee)))
        self.total.setText(self.tr("Total: %1").replace("%1", formatting.money(view.due)))

    def select_last(self) -> None:
        count = self.lines.topLevelItemCount()
        if count:
            group = self.lines.topLevelItem(count - 1)
            if group.childCount():
                self.lines.setCurrentItem(group.child(group.childCount() - 1))

    def selected_line_id(self) -> str | None:
        item = self.lines.currentItem()
        if item is None:
            return None
        value = item.data(0, Qt.ItemDataRole.UserRole)
        return value if isinstance(value, str) else None
