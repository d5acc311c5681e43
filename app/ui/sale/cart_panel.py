"""The cart beside the plan: its lines grouped per performance (seat · tariff · price), the
booking fee and the total, the hold's time left, and the keys that change it; its promo and
advantage codes (each with what it takes off; Ctrl+K to the code field) and its contact, with
a gift beside the name for the advantages the contact may have without a code."""

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
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.advantages import CartCodes
from app.services.browsing import StandingAvailability
from app.services.selling import CartView
from app.ui import errors, formatting
from domain.advantages import Advantage
from domain.contacts import Contact
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

        # The codes: typed or scanned, Enter applies; the applied ones listed, Del removes one.
        self.codes = QListWidget()
        self.codes.setObjectName("cartCodes")
        self.codes.setAccessibleName(self.tr("Codes applied to the cart"))
        self.codes.setMaximumHeight(96)
        self.codes.hide()
        self.code = QLineEdit()
        self.code.setObjectName("codeField")
        self.code.setMinimumHeight(44)
        self.code.setPlaceholderText(self.tr("Code (Ctrl+K)"))
        self.code.setAccessibleName(self.tr("Promo or advantage code"))
        self.apply_code = key_button(self.tr("Apply"), "applyCode")
        self.remove_code = key_button(self.tr("Remove code"), "removeCode")
        self.remove_code.hide()
        code_row = QHBoxLayout()
        code_row.addWidget(self.code, 1)
        code_row.addWidget(self.apply_code)
        code_row.addWidget(self.remove_code)
        # The contact: its name, and a gift for each advantage it may have without a code.
        self.contact = QLabel(self.tr("No contact"))
        self.contact.setObjectName("cartContact")
        self.contact.setWordWrap(True)
        self.contact_button = key_button(self.tr("Contact (Ctrl+U)"), "cartContactButton")
        self.gift = QLabel()
        self.gift.setObjectName("contactAdvantages")
        self.gift.setWordWrap(True)
        self.gift.hide()
        contact_row = QHBoxLayout()
        contact_row.addWidget(self.contact, 1)
        contact_row.addWidget(self.contact_button)

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
        layout.addWidget(self.codes)
        layout.addLayout(code_row)
        layout.addLayout(contact_row)
        layout.addWidget(self.gift)
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

    def show_codes(self, codes: CartCodes, currency: str) -> str:
        """Each applied code with what it takes off, the gift for the contact's advantages;
        the text of the codes a change of the cart dropped, and why (for the cart's message)."""
        keep = self.selected_advantage_id()
        self.codes.clear()
        for advantage, code, off in codes.applied:
            shown = advantage.name if not advantage.needs_code else f"{code} · {advantage.name}"
            item = QListWidgetItem(f"{shown}  −{formatting.money(off)}")
            item.setData(Qt.ItemDataRole.UserRole, advantage.id)
            self.codes.addItem(item)
            if advantage.id == keep:
                self.codes.setCurrentItem(item)
        if self.codes.currentItem() is None and self.codes.count():
            self.codes.setCurrentRow(self.codes.count() - 1)
        self.codes.setVisible(bool(codes.applied))
        self.remove_code.setVisible(bool(codes.applied))
        self.show_available(codes.available)
        return " ".join(
            self.tr("%1 left the cart: %2")
            .replace("%1", advantage.name)
            .replace("%2", errors.code_refusal(refused, currency))
            for advantage, refused in codes.dropped
        )

    def show_available(self, available: Sequence[Advantage]) -> None:
        names = ", ".join(advantage.name for advantage in available)
        self.gift.setText(
            "🎁 " + self.tr("%1 (Ctrl+J applies it)").replace("%1", names) if available else ""
        )
        self.gift.setAccessibleName(self.tr("Advantages without a code: %1").replace("%1", names))
        self.gift.setVisible(bool(available))

    def show_contact(self, contact: Contact | None) -> None:
        if contact is None:
            self.contact.setText(self.tr("No contact"))
            return
        text = contact.name + (f" ({contact.company})" if contact.company else "")
        self.contact.setText(self.tr("Contact: %1").replace("%1", text))

    def selected_advantage_id(self) -> str | None:
        item = self.codes.currentItem()
        value = None if item is None else item.data(Qt.ItemDataRole.UserRole)
        return value if isinstance(value, str) else None
