"""The login screen: pick an operator, type the PIN, pick the language.

Thin: the PIN check runs on the database lane through TillServices; errors come back through
the one error policy and are shown in place, calmly, with the PIN field cleared. A PIN lock is
shown with the time left to the second, counted down on the till's clock; a message belongs to
the operator it was about and goes when another operator is picked.
"""

from __future__ import annotations

import math
from datetime import datetime, tzinfo

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.auth import OperatorCard
from app.services.till import TillServices
from app.ui import errors, formatting
from app.ui.tasks import Lane
from app.ui.translation import set_language
from domain.errors import OperatorLocked
from domain.operators import Operator, Role

LANGUAGE_NAMES = {"en": "English", "fr": "Français", "de": "Deutsch"}


class LoginScreen(QWidget):
    logged_in = Signal(object)  # Operator

    def __init__(
        self,
        services: TillServices,
        lane: Lane,
        language: str = "en",
        parent: QWidget | None = None,
        timezone: tzinfo | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._lane = lane
        self._timezone = timezone  # the till's wall clock; the computer's when not given
        self._locked_until: datetime | None = None
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(1000)
        self._lock_timer.timeout.connect(self.show_lock)
        self.setObjectName("login")

        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setObjectName("loginTitle")
        self.operator_box = QComboBox()
        self.operator_box.setObjectName("operator")
        self.pin_field = QLineEdit()
        self.pin_field.setObjectName("pin")
        self.pin_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_field.setValidator(QRegularExpressionValidator(r"\d{0,12}", self.pin_field))
        self.pin_field.setMinimumHeight(44)
        self.language_box = QComboBox()
        self.language_box.setObjectName("language")
        for code, name in LANGUAGE_NAMES.items():
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(language)))
        self.login_button = QPushButton()
        self.login_button.setObjectName("loginButton")
        self.login_button.setMinimumHeight(44)
        self.login_button.setDefault(True)
        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("login message")

        self._operator_label = QLabel()
        self._pin_label = QLabel()
        self._language_label = QLabel()
        self._operator_label.setBuddy(self.operator_box)
        self._pin_label.setBuddy(self.pin_field)
        self._language_label.setBuddy(self.language_box)
        form = QFormLayout()
        form.addRow(self._operator_label, self.operator_box)
        form.addRow(self._pin_label, self.pin_field)
        form.addRow(self._language_label, self.language_box)
        box = QWidget()
        box.setFixedWidth(460)
        # Reserve three lines for the message, so the form does not jump when one appears.
        self.message.setMinimumHeight(3 * self.message.fontMetrics().lineSpacing())
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        inner = QVBoxLayout(box)
        inner.addWidget(self.title)
        inner.addLayout(form)
        inner.addWidget(self.login_button)
        inner.addWidget(self.message)
        # Centred by stretches, not by an alignment flag: an aligned box got the height of its
        # size hint, not the height its wrapped message needs at its width, and a long message
        # squeezed the form until the language box covered the PIN field.
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(box)
        centred.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(2)

        self.login_button.clicked.connect(self.attempt)
        self.pin_field.returnPressed.connect(self.attempt)
        self.operator_box.currentIndexChanged.connect(self._operator_changed)
        self.language_box.currentIndexChanged.connect(self._language_changed)
        self.retranslate()

    # --- texts --------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Guichet: log in"))
        self._operator_label.setText(self.tr("&Operator"))
        self._pin_label.setText(self.tr("&PIN"))
        self._language_label.setText(self.tr("&Language"))
        self.login_button.setText(self.tr("Log in"))
        self.pin_field.setPlaceholderText(self.tr("Type your PIN, then Enter"))
        self.operator_box.setAccessibleName(self.tr("Operator"))
        self.pin_field.setAccessibleName(self.tr("PIN"))
        for index in range(self.operator_box.count()):
            card = self.operator_box.itemData(index)
            self.operator_box.setItemText(index, self._operator_text(card))
        if self._locked_until is not None:
            self.show_lock()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _role_name(self, role: Role) -> str:
        return {
            Role.CASHIER: self.tr("cashier"),
            Role.SUPERVISOR: self.tr("supervisor"),
            Role.TECHNICIAN: self.tr("technician"),
        }[role]

    def _operator_text(self, card: OperatorCard) -> str:
        return f"{card.name} ({self._role_name(card.role)})"

    @property
    def language(self) -> str:
        return str(self.language_box.currentData())

    def _language_changed(self) -> None:
        set_language(self.language)
        self.retranslate()  # at once; other widgets follow with Qt's LanguageChange event

    # --- behaviour ----------------------------------------------------------------------

    def refresh(self, keep_operator: str | None = None) -> None:
        """Reload the operators; preselect ``keep_operator`` (the one who locked the till)."""
        self._lane.submit(
            self._services.operators,
            lambda cards: self._show(cards, keep_operator),
            self._failed,
            owner=self,
        )

    def _show(self, cards: list[OperatorCard], keep: str | None) -> None:
        self.operator_box.clear()
        for card in cards:
            self.operator_box.addItem(self._operator_text(card), card)
        if keep is not None:
            for index, card in enumerate(cards):
                if card.id == keep:
                    self.operator_box.setCurrentIndex(index)
        self.pin_field.clear()
        self.pin_field.setFocus()

    def attempt(self) -> None:
        card = self.operator_box.currentData()
        pin = self.pin_field.text()
        if card is None or not pin or not self.login_button.isEnabled():
            return
        self.login_button.setEnabled(False)
        self.message.setText(self.tr("Checking…"))
        self._lane.submit(
            lambda: self._services.log_in(card.id, pin), self._succeeded, self._failed, owner=self
        )

    def _succeeded(self, operator: Operator) -> None:
        self.login_button.setEnabled(True)
        self._clear_message()
        self.pin_field.clear()
        self.logged_in.emit(operator)

    def _failed(self, error: BaseException) -> None:
        self.login_button.setEnabled(True)
        self.pin_field.clear()
        self.pin_field.setFocus()
        if isinstance(error, OperatorLocked):
            self._locked_until = error.until
            self._lock_timer.start()
            self.show_lock()
            return
        self._clear_message()
        self.message.setText(errors.message_for(error))

    def _operator_changed(self) -> None:
        """What was said was about the previous operator, and so was the PIN typed so far."""
        self._clear_message()
        self.pin_field.clear()

    def _clear_message(self) -> None:
        self._locked_until = None
        self._lock_timer.stop()
        self.message.clear()

    def show_lock(self) -> None:
        """The lock with the time left to the second (the lockout lasts a minute), until it ends."""
        if self._locked_until is None:
            return
        left = (self._locked_until - self._services.clock.now()).total_seconds()
        if left <= 0:
            self._clear_message()
            self.message.setText(self.tr("The lock has ended: type the PIN again."))
            return
        until = self._locked_until.astimezone(self._timezone)
        self.message.setText(
            self.tr(
                "Too many wrong PINs: this operator is locked for %1 more (until %2). "
                "A supervisor can unlock it."
            )
            .replace("%1", formatting.duration(math.ceil(left)))
            .replace("%2", formatting.time_of_day(until, seconds=True))
        )
