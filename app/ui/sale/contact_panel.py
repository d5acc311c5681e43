"""The contact at the counter (Ctrl+U from the cart): find one (a name, a company, an e-mail,
a phone number or its number, Enter), or create one with only what the sale needs (a name; an
e-mail, a phone, a company if the customer gives them), and pick it for the cart (Enter).

A supervisor erases the selected contact's personal data (GDPR): the panel asks to confirm,
with the supervisor's PIN; the contact's id, its orders and the journal stay. Esc goes back to
the cart. Every use case runs on the database lane.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.contacts import ContactServices
from app.services.till import TillServices
from app.ui import errors
from app.ui.sale.cart_panel import emphasised, key_button
from app.ui.tasks import Lane
from domain.contacts import Contact
from domain.operators import Role


def describe(contact: Contact) -> str:
    """One line of the results: the name, then what tells two namesakes apart."""
    known = [x for x in (contact.company, contact.email, contact.phone) if x]
    return " · ".join([contact.name, *known, contact.id])


class ContactPanel(QWidget):
    chosen = Signal(object)  # the Contact picked for the cart
    cancelled = Signal()  # Esc: back to the cart, nothing changed
    erased = Signal(object)  # the Contact whose personal data were erased

    def __init__(
        self,
        contacts: ContactServices,
        services: TillServices,
        lane: Lane,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contactPanel")
        self._contacts = contacts
        self._services = services
        self._lane = lane
        self.found: list[Contact] = []
        title = emphasised(QLabel(self.tr("Contact for this sale")), 1.2)
        self.query = QLineEdit()
        self.query.setObjectName("contactQuery")
        self.query.setMinimumHeight(44)
        self.query.setPlaceholderText(self.tr("Name, company, e-mail, phone or number, Enter"))
        self.query.setAccessibleName(self.tr("Find a contact"))
        self.query.returnPressed.connect(self.find)
        self.results = QListWidget()
        self.results.setObjectName("contactResults")
        self.results.setAccessibleName(self.tr("Contacts found"))
        self.results.itemActivated.connect(lambda _item: self.pick())

        self.name = self._field("contactName", self.tr("Name"))
        self.email = self._field("contactEmail", self.tr("E-mail"))
        self.phone = self._field("contactPhone", self.tr("Phone"))
        self.company = self._field("contactCompany", self.tr("Company"))
        form = QFormLayout()
        for label, field in (
            (self.tr("Name"), self.name),
            (self.tr("E-mail"), self.email),
            (self.tr("Phone"), self.phone),
            (self.tr("Company"), self.company),
        ):
            form.addRow(label, field)
            field.returnPressed.connect(self.create)
        self.create_button = key_button(self.tr("Create and pick (Enter)"), "createContact")
        self.create_button.clicked.connect(self.create)
        self.pick_button = key_button(self.tr("Pick (Enter)"), "pickContact")
        self.pick_button.clicked.connect(self.pick)
        self.erase_button = key_button(self.tr("Erase personal data…"), "eraseContact")
        self.erase_button.clicked.connect(self.ask_erase)
        self.back_button = key_button(self.tr("Back to the cart (Esc)"), "contactBack")
        self.back_button.clicked.connect(self.cancelled.emit)

        # Erasing asks a supervisor to confirm with their PIN.
        self.confirm = QWidget()
        self.confirm.setObjectName("eraseConfirm")
        self.confirm_text = QLabel()
        self.confirm_text.setWordWrap(True)
        self.supervisor = QComboBox()
        self.supervisor.setObjectName("eraseSupervisor")
        self.supervisor.setAccessibleName(self.tr("Supervisor"))
        self.pin = QLineEdit()
        self.pin.setObjectName("erasePin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(self.tr("Supervisor's PIN"))
        self.pin.returnPressed.connect(self.erase)
        erase_now = key_button(self.tr("Erase (Enter)"), "eraseConfirmButton")
        erase_now.clicked.connect(self.erase)
        confirm = QVBoxLayout(self.confirm)
        confirm.setContentsMargins(0, 0, 0, 0)
        confirm.addWidget(self.confirm_text)
        row = QHBoxLayout()
        row.addWidget(self.supervisor, 1)
        row.addWidget(self.pin, 1)
        row.addWidget(erase_now)
        confirm.addLayout(row)
        self.confirm.hide()

        self.message = QLabel()
        self.message.setObjectName("contactMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.pick_button, self.erase_button, self.back_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.confirm)
        layout.addWidget(QLabel(self.tr("Or a new contact (only what the sale needs):")))
        layout.addLayout(form)
        layout.addWidget(self.create_button)
        layout.addWidget(self.message)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.cancelled.emit)

    def _field(self, name: str, accessible: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setMinimumHeight(44)
        field.setAccessibleName(accessible)
        return field

    def start(self) -> None:
        """Shown from the cart: the keyboard in the search field."""
        self.confirm.hide()
        self.message.clear()
        self.query.selectAll()
        self.query.setFocus()

    def find(self) -> None:
        text, contacts = self.query.text().strip(), self._contacts
        if not text:
            return
        self._lane.submit(lambda: contacts.find(text), self._found, self._failed, owner=self)

    def _found(self, found: list[Contact]) -> None:
        self.found = found
        self.results.clear()
        for contact in found:
            item = QListWidgetItem(describe(contact))
            item.setData(Qt.ItemDataRole.UserRole, contact.id)
            self.results.addItem(item)
        if found:
            self.results.setCurrentRow(0)
            self.results.setFocus()
            self.message.setText(
                self.tr("%1 found: Enter picks the selected one.").replace("%1", str(len(found)))
            )
        else:
            self.message.setText(self.tr("Nobody found: type the new contact's name below."))
            self.name.setText(self.query.text().strip())
            self.name.setFocus()

    def selected(self) -> Contact | None:
        row = self.results.currentRow()
        return self.found[row] if 0 <= row < len(self.found) else None

    def pick(self) -> None:
        contact = self.selected()
        if contact is not None:
            self.chosen.emit(contact)

    def create(self) -> None:
        contacts = self._contacts
        values = (self.name.text(), self.email.text(), self.phone.text(), self.company.text())
        self._lane.submit(lambda: contacts.create(*values), self._created, self._failed, owner=self)

    def _created(self, contact: Contact) -> None:
        for field in (self.name, self.email, self.phone, self.company):
            field.clear()
        self.chosen.emit(contact)

    # --- erasing ----------------------------------------------------------------------------

    def ask_erase(self) -> None:
        """The selected contact's personal data to erase: a supervisor confirms with a PIN."""
        contact = self.selected()
        if contact is None:
            self.message.setText(self.tr("Find and select the contact to erase first."))
            return
        if not self.supervisor.count():
            for card in self._services.operators():
                if card.role is Role.SUPERVISOR:
                    self.supervisor.addItem(card.name, card.id)
        self.confirm_text.setText(
            self.tr(
                "Erase the personal data of %1? Their name, e-mail, phone and company are "
                "removed for good; their orders and the journal stay. A supervisor confirms "
                "with their PIN, Enter."
            ).replace("%1", contact.name)
        )
        self.pin.clear()
        self.confirm.show()
        self.pin.setFocus()

    def erase(self) -> None:
        contact, supervisor = self.selected(), self.supervisor.currentData()
        if contact is None or supervisor is None or not self.confirm.isVisible():
            return
        pin, contacts = self.pin.text(), self._contacts
        self.pin.clear()

        def job() -> Contact:
            return contacts.erase_approved(contact.id, str(supervisor), pin)

        self._lane.submit(job, self._erased, self._failed, owner=self)

    def _erased(self, contact: Contact) -> None:
        self.confirm.hide()
        row = self.results.currentRow()
        self.found.pop(row)
        self.results.takeItem(row)
        self.message.setText(
            self.tr("The personal data of contact %1 were erased; its orders stay.").replace(
                "%1", contact.id
            )
        )
        self.erased.emit(contact)

    def _failed(self, error: BaseException) -> None:
        self.message.setText(errors.message_for(error))
