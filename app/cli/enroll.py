"""``guichet enroll URL CODE --ca FILE``: enroll this till with a central server.

The code is the one-time code ``guichet-server till add NAME`` printed; FILE is the server's
CA certificate (``ca.pem`` from ``guichet-server tls init``), the only certificate authority
the till trusts from now on. The CA's fingerprint is printed: compare it with the one the
server printed. There is no way to turn certificate checks off.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.common import EXIT_FAILED, EXIT_INVALID, EXIT_OK, open_station

NAME = "enroll"


def add_parser(commands: Any) -> None:
    enroll = commands.add_parser("enroll", help="enroll this till with a central server")
    enroll.add_argument("url", metavar="URL", help="the server, e.g. https://guichet.local:8443")
    enroll.add_argument("code", metavar="CODE", help="the one-time code of `till add`")
    enroll.add_argument(
        "--ca", type=Path, required=True, metavar="FILE", help="the server's CA certificate"
    )
    enroll.set_defaults(handler=_enroll)


def _enroll(args: argparse.Namespace) -> int:
    from app.services.clock import SystemClock
    from app.services.syncing import EnrollmentRefused, SyncServices
    from sync.client import SyncError, ca_fingerprint

    try:
        ca_pem = args.ca.read_text(encoding="ascii")
        fingerprint = ca_fingerprint(ca_pem)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        print(f"error: {args.ca} is not a CA certificate (PEM): {error}", file=sys.stderr)
        return EXIT_INVALID
    opened = open_station(args)
    if opened is None:
        return EXIT_INVALID
    database, till = opened
    try:
        link = SyncServices(database.unit_of_work, SystemClock(), till).enroll(
            args.url, args.code, ca_pem
        )
    except (EnrollmentRefused, SyncError) as error:
        print(f"error: enrollment refused: {error}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        database.close()
    print(f"till {till} enrolled with {link.server_url} as {link.name} (device {link.device_id})")
    print(f"CA fingerprint (SHA-256): {fingerprint}")
    return EXIT_OK
