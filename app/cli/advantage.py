"""``guichet advantage ...``: advantages and promo codes of a till on its own (a single-till
box office; an enrolled till's single-use codes are generated on the server with
``guichet-server codes generate``).

``add ID NAME --target T (--percent P | --amount-off A) [--code C] [--minimum M]
[--channel CH ...] [--from TIME] [--until TIME] [--quota N] [--performance P ...]``
    A new advantage: ``promo`` (whole cart) and ``partner`` need ``--code``; times are ISO 8601
    with their offset; amounts in major units ("5.00").
``list``
    The advantages, with their codes and conditions.
``codes ID --count N [--output FILE]``
    A batch of at most 1,000 single-use codes for advantage ID, one a line.
``tally ID``
    Its single-use codes: generated, available, used, invalidated.
``invalidate CODE``
    Refuse a single-use code from now on.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from app.cli.common import EXIT_FAILED, EXIT_INVALID, EXIT_OK

NAME = "advantage"
TARGETS = ("public", "contacts", "partner", "single_use", "promo")


def add_parser(commands: Any) -> None:
    top = commands.add_parser("advantage", help="advantages, promo and single-use codes")
    actions = top.add_subparsers(dest="advantage_command", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="a new advantage or promo code")
    add.add_argument("id")
    add.add_argument("name")
    add.add_argument("--target", required=True, choices=TARGETS)
    off = add.add_mutually_exclusive_group(required=True)
    off.add_argument("--percent", help='a percentage off, e.g. "10" or "2.5"')
    off.add_argument("--amount-off", help='an amount off, e.g. "5.00"')
    add.add_argument("--code", default="", help="the shared access code (promo, partner)")
    add.add_argument("--minimum", help="the cart's amount at least")
    add.add_argument("--channel", action="append", default=[], help="a sales channel (repeat)")
    add.add_argument("--performance", action="append", default=[], help="only these (repeat)")
    add.add_argument("--from", dest="starts_at", help="ISO 8601 time with its offset")
    add.add_argument("--until", dest="ends_at", help="ISO 8601 time with its offset")
    add.add_argument("--quota", type=int, help="how many sales may use it")
    add.add_argument("--currency", default="EUR")
    add.set_defaults(handler=_add)
    actions.add_parser("list", help="the advantages").set_defaults(handler=_list)
    codes = actions.add_parser("codes", help="a batch of single-use codes (at most 1,000)")
    codes.add_argument("id")
    codes.add_argument("--count", type=int, required=True)
    codes.add_argument("--output", type=Path, help="a file (default: standard output)")
    codes.set_defaults(handler=_codes)
    tally = actions.add_parser("tally", help="generated / available / used / invalidated")
    tally.add_argument("id")
    tally.set_defaults(handler=_tally)
    invalidate = actions.add_parser("invalidate", help="refuse a single-use code")
    invalidate.add_argument("code")
    invalidate.set_defaults(handler=_invalidate)


def _services(args: argparse.Namespace) -> tuple[Any, Any] | None:
    from app.cli.common import open_station
    from app.services.advantages import AdvantageServices
    from app.services.clock import SystemClock

    opened = open_station(args)
    if opened is None:
        return None
    database, till = opened

    def channel() -> str:
        from app.services import browsing

        return str(browsing.till_context(database.unit_of_work, till).channel.code)

    return database, AdvantageServices(database.unit_of_work, SystemClock(), channel)


def _moment(text: str | None) -> datetime | None:
    if text is None:
        return None
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"{text!r} has no offset (e.g. 2026-12-31T23:59:00+01:00)")
    return moment


def _percent_bp(text: str) -> int:
    from decimal import Decimal, InvalidOperation

    try:
        value = Decimal(text) * 100
    except InvalidOperation as exc:
        raise ValueError(f"not a percentage: {text!r}") from exc
    if value != value.to_integral_value():
        raise ValueError(f"at most two decimals in a percentage: {text!r}")
    return int(value)


def _add(args: argparse.Namespace) -> int:
    from domain.advantages import Advantage, Target, normalise_code
    from domain.errors import DomainError
    from domain.money import Money

    try:
        advantage = Advantage(
            id=args.id,
            name=args.name,
            target=Target(args.target),
            currency=args.currency,
            percent_bp=_percent_bp(args.percent) if args.percent else 0,
            amount_off=Money.of(args.amount_off, args.currency) if args.amount_off else None,
            access_code=normalise_code(args.code),
            channels=frozenset(args.channel),
            starts_at=_moment(args.starts_at),
            ends_at=_moment(args.ends_at),
            quota=args.quota,
            minimum=Money.of(args.minimum, args.currency) if args.minimum else None,
            performances=frozenset(args.performance),
        )
    except (DomainError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_INVALID
    opened = _services(args)
    if opened is None:
        return EXIT_INVALID
    database, services = opened
    try:
        services.create(advantage)
    except DomainError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        database.close()
    print(f"advantage {advantage.id} added" + (f", code {advantage.access_code}"
                                                if advantage.access_code else ""))  # fmt: skip
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    opened = _services(args)
    if opened is None:
        return EXIT_INVALID
    database, services = opened
    try:
        found = services.advantages()
    finally:
        database.close()
    for a in found:
        off = f"-{a.amount_off.to_decimal()}" if a.amount_off else f"{a.percent_bp / 100:g}%"
        code = a.access_code or "-"
        print(f"{a.id}  {a.name}  {a.target.value}  {off}  code {code}")
    if not found:
        print("no advantage")
    return EXIT_OK


def _codes(args: argparse.Namespace) -> int:
    from app.persistence import NotFound
    from domain.errors import DomainError

    opened = _services(args)
    if opened is None:
        return EXIT_INVALID
    database, services = opened
    try:
        batch, made = services.generate(args.id, args.count)
    except NotFound:
        print(f"error: no advantage {args.id}", file=sys.stderr)
        return EXIT_FAILED
    except DomainError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_INVALID
    finally:
        database.close()
    text = "\n".join(made) + "\n"
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
    print(f"{len(made)} codes for {args.id} (batch {batch})", file=sys.stderr)
    return EXIT_OK


def _tally(args: argparse.Namespace) -> int:
    opened = _services(args)
    if opened is None:
        return EXIT_INVALID
    database, services = opened
    try:
        t = services.tally(args.id)
    finally:
        database.close()
    print(f"generated={t.generated} available={t.available} used={t.used} "
          f"invalidated={t.invalidated}")  # fmt: skip
    return EXIT_OK


def _invalidate(args: argparse.Namespace) -> int:
    from domain.advantages import CodeRefused

    opened = _services(args)
    if opened is None:
        return EXIT_INVALID
    database, services = opened
    try:
        services.invalidate(args.code)
    except CodeRefused:
        print(f"error: no code {args.code}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        database.close()
    print(f"code {args.code} invalidated")
    return EXIT_OK
