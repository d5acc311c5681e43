"""``guichet account ...``: the waiting account (compte d'attente) of the companies invoiced
later, read from this till's fiscal journal alone (`app.services.accounts`).

``balances``
    One line per company whose account owes something: the company and the amount to invoice
    (sales paid on its account less refunds given back to it), largest first, then the total.
"""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.common import EXIT_INVALID, EXIT_OK

NAME = "account"


def add_parser(commands: Any) -> None:
    account = commands.add_parser("account", help="companies' waiting accounts (invoiced later)")
    actions = account.add_subparsers(dest="account_command", required=True, metavar="ACTION")
    balances = actions.add_parser("balances", help="what each company's waiting account owes")
    balances.set_defaults(handler=_balances)


def _balances(args: argparse.Namespace) -> int:
    from app.cli.common import open_station
    from app.services.accounts import account_balances
    from domain.money import total

    opened = open_station(args)
    if opened is None:
        return EXIT_INVALID
    database, till = opened
    try:
        owed = {c: m for c, m in account_balances(database.unit_of_work, till).items() if m.minor}
    finally:
        database.close()
    if not owed:
        print(f"no company's waiting account owes anything on till {till}")
        return EXIT_OK
    width = max(len(company) for company in owed)
    rows = sorted(owed.items(), key=lambda item: (-item[1].minor, item[0].casefold()))
    for company, amount in rows:
        print(f"{company:<{width}}  {amount.to_decimal():>12} {amount.currency}")
    currency = rows[0][1].currency
    print(
        f"{'total':<{width}}  {total([m for _, m in rows], currency).to_decimal():>12} {currency}"
    )
    return EXIT_OK
