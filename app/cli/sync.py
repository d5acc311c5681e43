"""``guichet sync status`` and ``guichet sync upload``: the till's link with its server.

``status`` says whether the till is enrolled, when it last reached the server, what waits to
go up and the last error; ``upload`` sends the outbox now (the client does it by itself in
the background), for support.
"""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.common import EXIT_FAILED, EXIT_INVALID, EXIT_OK, open_station

NAME = "sync"


def add_parser(commands: Any) -> None:
    sync = commands.add_parser("sync", help="the till's link with its central server")
    actions = sync.add_subparsers(dest="sync_command", required=True, metavar="ACTION")
    actions.add_parser("status", help="enrolled, online, queued uploads").set_defaults(
        handler=_status
    )
    actions.add_parser("upload", help="send the outbox now").set_defaults(handler=_upload)
    actions.add_parser("rotate-token", help="a new token from the server").set_defaults(
        handler=_rotate
    )


def _services(args: argparse.Namespace) -> tuple[Any, Any] | None:
    from app.services.clock import SystemClock
    from app.services.syncing import SyncServices

    opened = open_station(args)
    if opened is None:
        return None
    database, till = opened
    return database, SyncServices(database.unit_of_work, SystemClock(), till)


def _status(args: argparse.Namespace) -> int:
    found = _services(args)
    if found is None:
        return EXIT_INVALID
    database, syncing = found
    try:
        status = syncing.status()
    finally:
        database.close()
    if not status.enrolled:
        print(f"not enrolled: this till sells on its own ({status.queued} sale(s) kept)")
        return EXIT_OK
    contact = "never" if status.last_contact_at is None else status.last_contact_at.isoformat()
    state = "revoked" if status.revoked else ("online" if status.online else "offline")
    print(f"{state}: {status.server_url} as {status.name}; last contact {contact}")
    print(f"queued uploads: {status.queued}")
    print(f"CA fingerprint (SHA-256): {status.fingerprint}")
    if status.last_error:
        print(f"last error: {status.last_error}")
    for lease in status.leases:
        what = [f"{len(lease.seats)} seat(s)"] + [f"{n} x {zone}" for zone, n in lease.places]
        print(
            f"lease {lease.lease_id} ({lease.state}): {lease.event}"
            f" {lease.starts_at.isoformat(timespec='minutes')}, {', '.join(what)},"
            f" sells offline until {lease.sell_until.isoformat(timespec='minutes')}"
        )
        if lease.seats:
            print(f"  seats: {'; '.join(lease.seats)}")
    return EXIT_OK


def _upload(args: argparse.Namespace) -> int:
    from app.services.syncing import NotEnrolled
    from sync.client import Unauthorized

    found = _services(args)
    if found is None:
        return EXIT_INVALID
    database, syncing = found
    try:
        report = syncing.upload()
        link = syncing.link()
    except NotEnrolled as error:
        print(f"error: {error}")
        return EXIT_FAILED
    except Unauthorized as error:
        print(f"error: the server refuses this till ({error}): the outbox is kept")
        return EXIT_FAILED
    finally:
        database.close()
    acked = report.acked_through_seq if link is None else link.acked_through_seq
    print(
        f"sent {report.sent_batches} batch(es); the server has every event through "
        f"{acked}; {report.left} left"
    )
    if report.error:
        print(f"stopped: {report.error}")
        return EXIT_FAILED
    return EXIT_OK


def _rotate(args: argparse.Namespace) -> int:
    from app.services.syncing import NotEnrolled
    from sync.client import SyncError

    found = _services(args)
    if found is None:
        return EXIT_INVALID
    database, syncing = found
    try:
        syncing.rotate_token()
    except (NotEnrolled, SyncError) as error:
        print(f"error: {error}")
        return EXIT_FAILED
    finally:
        database.close()
    print("new token stored; the old one stops working once the new one is used")
    return EXIT_OK
