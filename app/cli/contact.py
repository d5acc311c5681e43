"""``guichet contact ...``: customers' personal data on this till (GDPR).

``find QUERY``
    Contacts whose name, company, e-mail or phone matches (id, name, e-mail, phone, company).
``erase ID``
    Erase the contact's personal data (name, e-mail, phone, company). Its orders stay linked
    to the anonymous contact and the fiscal journal is not touched: it never held a contact.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli.common import EXIT_FAILED, EXIT_INVALID, EXIT_OK

NAME = "contact"


def add_parser(commands: Any) -> None:
    contact = commands.add_parser("contact", help="customers' personal data (GDPR)")
    actions = contact.add_subparsers(dest="contact_command", required=True, metavar="ACTION")
    find = actions.add_parser("find", help="contacts matching a name, e-mail or phone")
    find.add_argument("query")
    find.set_defaults(handler=_find)
    erase = actions.add_parser("erase", help="erase a contact's personal data")
    erase.add_argument("contact_id", metavar="ID")
    erase.set_defaults(handler=_erase)


def _services(args: argparse.Namespace) -> tuple[Any, Any] | None:
    from app.cli.common import open_station
    from app.services.clock import SystemClock
    from app.services.contacts import ContactServices

    opened = open_station(args)
    if opened is None:
        return None
    database, _till = opened
    return database, ContactServices(database.unit_of_work, SystemClock())


def _find(args: argparse.Namespace) -> int:
    opened = _services(args)
    if opened is None:
        return EXIT_INVALID
    database, services = opened
    try:
        found = services.find(args.query)
    finally:
        database.close()
    for c in found:
        print(f"{c.id}  {c.name}  {c.email or '-'}  {c.phone or '-'}  {c.company or '-'}")
    if not found:
        print("no contact found")
    return EXIT_OK


def _erase(args: argparse.Namespace) -> int:
    from app.persistence import NotFound
    from domain.contacts import ContactErased

    opened = _services(args)
    if opened is None:
        return EXIT_INVALID
    database, services = opened
    try:
        services.erase(args.contact_id, None)
    except NotFound:
        print(f"error: no contact {args.contact_id}", file=sys.stderr)
        return EXIT_FAILED
    except ContactErased:
        print(f"contact {args.contact_id} was erased already")
        return EXIT_OK
    finally:
        database.close()
    print(f"contact {args.contact_id}: personal data erased; its orders and the journal kept")
    return EXIT_OK
