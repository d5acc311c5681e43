"""Options at the till: create a direct option for a contact (quantities per category, held
for a number of days: the seed's 10 by default), list the options with their state, validate
or refuse the selected one. Thin: the rules are `domain.options'` and
`app.services.options'`. The list follows the change hub: options the station's chores
expired (`app.ui.chores`) show expired without anyone asking."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from app.services.changes import Changes
from app.services.options import OptionServices
from app.ui import errors
from app.ui.changes import hub
from app.ui.sale.cart_panel import key_button
from app.ui.tasks import Lane
from domain.options import Option

DEFAULT_DAYS = 10  # seed 001: "Confirmation après pose 10 jours"


def parse_quantities(text: str) -> dict[str, int] | None:
    """``CAT1=2 CAT2=1`` (or commas) into ``{"CAT1": 2, "CAT2": 1}``; None if malformed."""
    wanted: dict[str, int] = {}
    for part in text.replace(",", " ").split():
        category, _, count = part.partition("=")
        if not category or not count.isdigit():
            return None
        wanted[category.upper()] = wanted.get(category.upper(), 0) + int(count)
    return wanted or None


class OptionsPanel(QWidget):
    def __init__(
        self, options: OptionServices, lane: Lane, say: QLabel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("optionsPanel")
        self._options = options
        self._lane = lane
        self._say = say
        self.contact = QLineEdit()
        self.contact.setObjectName("optionContact")
        self.contact.setPlaceholderText(self.tr("Contact number"))
        self.performance = QLineEdit()
        self.performance.setObjectName("optionPerformance")
        self.performance.setPlaceholderText(self.tr("Performance"))
        self.quantities = QLineEdit()
        self.quantities.setObjectName("optionQuantities")
        self.quantities.setPlaceholderText(self.tr("Quantities, e.g. CAT1=2 CAT2=1"))
        self.quantities.returnPressed.connect(lambda: self.create())
        self.days = QSpinBox()
        self.days.setObjectName("optionDays")
        self.days.setRange(1, 365)
        self.days.setValue(DEFAULT_DAYS)
        self.days.setSuffix(self.tr(" days"))
        create = key_button(self.tr("Create option"), "optionCreate")
        create.clicked.connect(lambda: self.create())
        self.listing = QListWidget()
        self.listing.setObjectName("optionList")
        validate = key_button(self.tr("Validate"), "optionValidate")
        validate.clicked.connect(lambda: self._act(self._options.validate))
        refuse = key_button(self.tr("Refuse"), "optionRefuse")
        refuse.clicked.connect(lambda: self._act(self._options.refuse))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(self.tr("Options:")), 0, 0)
        for column, widget in enumerate(
            (self.contact, self.performance, self.quantities, self.days, create), start=1
        ):
            grid.addWidget(widget, 0, column)
        grid.addWidget(self.listing, 1, 0, 1, 5)
        grid.addWidget(validate, 1, 5, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(refuse, 1, 6, Qt.AlignmentFlag.AlignTop)
        hub().changed.connect(self._on_changes)

    def _on_changes(self, changes: Changes) -> None:
        if changes.options:
            self.refresh()

    def refresh(self) -> None:
        self._lane.submit(self._options.listed, self._listed, self._refused, owner=self)

    def _listed(self, found: list[Option]) -> None:
        self.listing.clear()
        for option in found:
            wanted = " ".join(f"{c}={n}" for c, n in sorted(option.requested.items()))
            item = QListWidgetItem(
                f"{option.id} · {option.contact_id} · {option.performance_id} · {wanted}"
                f" · {option.state.value} · {option.expires_at:%Y-%m-%d %H:%M}"
            )
            item.setData(Qt.ItemDataRole.UserRole, option.id)
            self.listing.addItem(item)

    def create(self) -> None:
        wanted = parse_quantities(self.quantities.text())
        if wanted is None:
            self._say.setText(self.tr("Type the quantities like CAT1=2 CAT2=1."))
            self.quantities.setFocus()
            return
        contact, performance = self.contact.text().strip(), self.performance.text().strip()
        options, days = self._options, self.days.value()

        def job() -> Option:
            expires = options.clock.now() + timedelta(days=days)
            return options.create_direct(contact, performance, wanted, expires)

        self._lane.submit(job, self._created, self._refused, owner=self)

    def _created(self, option: Option) -> None:
        self._say.setText(self.tr("Option %1 placed.").replace("%1", option.id))
        self.quantities.clear()
        self.refresh()

    def _act(self, step: Callable[[str], Option]) -> None:
        item = self.listing.currentItem()
        if item is None:
            self._say.setText(self.tr("Select an option first."))
            return
        option_id = str(item.data(Qt.ItemDataRole.UserRole))
        self._lane.submit(lambda: step(option_id), lambda _: self.refresh(), self._refused,
                          owner=self)  # fmt: skip

    def _refused(self, error: BaseException) -> None:
        self._say.setText(errors.message_for(error) + " " + self.tr("Nothing was done."))
