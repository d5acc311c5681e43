"""Customers at the counter: a contact found or created for an order (GDPR: only what the
sale needs), and the erasure of a contact's personal data.

Plain Python, no I/O. A contact holds a name, and optionally an e-mail, a phone and a
company: nothing else (no address, no birth date — a counter sale does not need them). The
fiscal journal never holds a contact: an order is linked to its contact outside the journal,
so erasing a contact empties its personal fields and keeps its id, its links and every fiscal
record as they were.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime

from domain.errors import DomainError

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 .()-]{6,20}$")
MAX_FIELD = 200


class ContactError(DomainError):
    pass


class ContactInvalid(ContactError):
    def __init__(self, field: str, value: str) -> None:
        super().__init__(f"not a valid {field}: {value!r}")
        self.field = field
        self.value = value


class ContactErased(ContactError):
    def __init__(self, contact_id: str) -> None:
        super().__init__(f"contact {contact_id} was erased")
        self.contact_id = contact_id


@dataclass(frozen=True, slots=True)
class Contact:
    id: str
    name: str
    email: str = ""
    phone: str = ""
    company: str = ""
    erased_at: datetime | None = None

    @property
    def erased(self) -> bool:
        return self.erased_at is not None


def new_contact(
    contact_id: str, name: str, email: str = "", phone: str = "", company: str = ""
) -> Contact:
    """A contact from what the cashier typed, trimmed; `ContactInvalid` names the field."""
    name, email, phone, company = (x.strip() for x in (name, email, phone, company))
    if not name:
        raise ContactInvalid("name", name)
    for field, value in (("name", name), ("email", email), ("phone", phone), ("company", company)):
        if len(value) > MAX_FIELD:
            raise ContactInvalid(field, value[:20] + "…")
    if email and not _EMAIL.match(email):
        raise ContactInvalid("email", email)
    if phone and not _PHONE.match(phone):
        raise ContactInvalid("phone", phone)
    return Contact(contact_id, name, email.lower(), phone, company)


def matches(contact: Contact, query: str) -> bool:
    """Does one search field find this contact: part of its name or company, its e-mail,
    its phone (digits only compared), or its number."""
    text = query.strip().casefold()
    if not text or contact.erased:
        return False
    if text == contact.id.casefold():
        return True
    if text in contact.name.casefold() or (contact.company and text in contact.company.casefold()):
        return True
    if contact.email and text == contact.email:
        return True
    digits = "".join(ch for ch in text if ch.isdigit())
    phone = "".join(ch for ch in contact.phone if ch.isdigit())
    return len(digits) >= 4 and bool(phone) and digits in phone


def erase(contact: Contact, at: datetime) -> Contact:
    """The contact with its personal data gone: its id stays (orders still point at it)."""
    if contact.erased:
        raise ContactErased(contact.id)
    return replace(contact, name="", email="", phone="", company="", erased_at=at)
