"""Customers at the counter: find or create a contact, attach it to an order, and erase a
contact's personal data (GDPR) while the fiscal records stay as they were.

Only what the sale needs is asked (a name; an e-mail, a phone and a company if the customer
gives them). The journal never holds a contact (`domain.orders.sale_record` names the sale,
its lines and tenders, and the operator: no customer), so an erasure changes no journal
entry and breaks no chain: it empties the contact's row and keeps its id and its orders'
links. Erasing is a supervisor's action (`erase`), or a technician's on the command line
(``guichet contact erase ID``).
"""

from __future__ import annotations

import uuid

from app.services import auth
from app.services.ports import PinHasher, UnitOfWorkFactory
from domain.clock import Clock
from domain.contacts import Contact, ContactError, erase, matches, new_contact
from domain.operators import Operator, Role

MAX_FOUND = 20


class NotASupervisorToErase(ContactError):
    def __init__(self) -> None:
        super().__init__("only a supervisor erases a contact's personal data")


class EmailTaken(ContactError):
    def __init__(self, contact: Contact) -> None:
        super().__init__(f"{contact.email} is the e-mail of contact {contact.id}")
        self.contact = contact


class ContactServices:
    def __init__(
        self, uow_factory: UnitOfWorkFactory, clock: Clock, hasher: PinHasher | None = None
    ) -> None:
        self._uow = uow_factory
        self._clock = clock
        self._hasher = hasher  # for a supervisor's PIN at the counter (`erase_approved`)

    def find(self, query: str) -> list[Contact]:
        """One field: part of a name or company, an e-mail, a phone number, a contact id."""
        with self._uow(read_only=True) as uow:
            found = [c for c in uow.contacts.not_erased() if matches(c, query)]
        return found[:MAX_FOUND]

    def create(self, name: str, email: str = "", phone: str = "", company: str = "") -> Contact:
        """`ContactInvalid` names a field that is not valid; `EmailTaken` gives the contact
        who has the e-mail already (the cashier picks it instead)."""
        contact = new_contact(uuid.uuid4().hex[:12].upper(), name, email, phone, company)
        with self._uow() as uow:
            if contact.email:
                other = uow.contacts.by_email(contact.email)
                if other is not None:
                    raise EmailTaken(other)
            uow.contacts.add(contact, self._clock.now())
            uow.commit()
        return contact

    def get(self, contact_id: str) -> Contact:
        with self._uow(read_only=True) as uow:
            return uow.contacts.get(contact_id)

    def attach(self, order_id: str, contact_id: str) -> None:
        """The order's contact; the order itself (and its journal entry) does not change."""
        with self._uow() as uow:
            uow.sales.document(order_id)  # NotFound for an order that does not exist
            if uow.contacts.get(contact_id).erased:
                raise ContactError(f"contact {contact_id} was erased")
            uow.contacts.attach(order_id, contact_id)
            uow.commit()

    def contact_of(self, order_id: str) -> Contact | None:
        with self._uow(read_only=True) as uow:
            found = uow.contacts.of_order(order_id)
            return None if found is None else uow.contacts.get(found)

    def erase(self, contact_id: str, by: Operator | None) -> Contact:
        """The contact's personal data erased (``by``: the supervisor; None from the
        technician's command line). `ContactErased` if it was already."""
        if by is not None and (not by.active or by.role is not Role.SUPERVISOR):
            raise NotASupervisorToErase()
        with self._uow() as uow:
            erased = erase(uow.contacts.get(contact_id), self._clock.now())
            uow.contacts.save(erased)
            uow.commit()
        return erased

    def erase_approved(self, contact_id: str, supervisor_id: str, pin: str) -> Contact:
        """At the counter: `erase`, confirmed by a supervisor's PIN (`WrongPin` counted, as at
        the login; `NotASupervisorToErase` for another role); nothing erased otherwise."""
        if self._hasher is None:
            raise NotASupervisorToErase()
        by = auth.check_pin(self._uow, self._hasher, self._clock, supervisor_id, pin)
        return self.erase(contact_id, by=by)
