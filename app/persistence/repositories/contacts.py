"""Contacts and the orders they are attached to. Must not decide what a contact holds or how
it is erased: `domain.contacts` does."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.persistence.errors import NotFound
from app.persistence.tables import table_of
from app.persistence.tables_contacts import ContactRow, OrderContactRow
from domain.contacts import Contact

_contacts = table_of(ContactRow)
_links = table_of(OrderContactRow)


def _contact(row: Any) -> Contact:
    return Contact(row.id, row.name, row.email, row.phone, row.company, row.erased_at)


class ContactRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, contact: Contact, now: datetime) -> None:
        self._session.execute(
            insert(_contacts).values(
                id=contact.id,
                name=contact.name,
                email=contact.email,
                phone=contact.phone,
                company=contact.company,
                created_at=now,
                erased_at=None,
            )
        )

    def get(self, contact_id: str) -> Contact:
        row = self._session.execute(select(_contacts).where(_contacts.c.id == contact_id)).first()
        if row is None:
            raise NotFound("contact", contact_id)
        return _contact(row)

    def save(self, contact: Contact) -> None:
        self._session.execute(
            update(_contacts)
            .where(_contacts.c.id == contact.id)
            .values(
                name=contact.name,
                email=contact.email,
                phone=contact.phone,
                company=contact.company,
                erased_at=contact.erased_at,
            )
        )

    def not_erased(self) -> list[Contact]:
        rows = self._session.execute(
            select(_contacts).where(_contacts.c.erased_at.is_(None)).order_by(_contacts.c.name)
        )
        return [_contact(row) for row in rows]

    def by_email(self, email: str) -> Contact | None:
        row = self._session.execute(
            select(_contacts).where(_contacts.c.email == email, _contacts.c.erased_at.is_(None))
        ).first()
        return None if row is None else _contact(row)

    def attach(self, order_id: str, contact_id: str) -> None:
        """The order's contact (one per order; attached again: the new one)."""
        changed = self._session.execute(
            update(_links).where(_links.c.order_id == order_id).values(contact_id=contact_id)
        )
        if changed.rowcount == 0:  # type: ignore[attr-defined]
            self._session.execute(insert(_links).values(order_id=order_id, contact_id=contact_id))

    def of_order(self, order_id: str) -> str | None:
        found = self._session.scalar(
            select(_links.c.contact_id).where(_links.c.order_id == order_id)
        )
        return None if found is None else str(found)

    def orders_of(self, contact_id: str) -> list[str]:
        rows = self._session.execute(
            select(_links.c.order_id).where(_links.c.contact_id == contact_id)
        )
        return [str(r.order_id) for r in rows]
