"""``guichet-server``: the central server's administration and its HTTPS service.

    guichet-server [--data-dir DIR] [--database-url URL] init
    guichet-server tls init [--name HOST ...]
    guichet-server serve [--host 127.0.0.1] [--port 8443] [--workers 1]
    guichet-server load-demo
    guichet-server demo [--till G1 ...] [--port 8443] [--prepare-only]
    guichet-server till add NAME [--channel GUICHET] [--point-of-sale G1]
    guichet-server till revoke NAME
    guichet-server lease grant --till NAME --performance ID [--seat ID ...] [--places ZONE:N ...]
                               --sell-until ISO-TIME
    guichet-server lease revoke LEASE_ID
    guichet-server orders place --performance ID --seats N --customer NAME [--channel WEB]
    guichet-server orders list
    guichet-server orders cancel NUMBER
    guichet-server options place --customer NAME --contact NUMBER [--file NUMBER]
                                 --performance ID --seats N --days N [--channel GROUPES]
    guichet-server options validate|cancel OPTION
    guichet-server options list
    guichet-server incidents
    guichet-server maintain [--retention-days 30] [--lease-grace-minutes 30]
    guichet-server openapi FILE

The database defaults to SQLite in the data folder; ``init --database-url`` stores another
(e.g. ``postgresql://user@host/db``) for the later commands.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import platformdirs
from fastapi import FastAPI
from sqlalchemy import Connection, Engine, select

from domain.advantages import MAX_BATCH
from domain.availability import may_sell_contingent
from server import codes, devices, inventory, pickups
from server import options as group_options
from server import tables as t
from server.api import create_app, openapi_document
from server.catalog import Catalog, load_demo
from server.database import make_engine, migrate, sqlite_url, write
from server.errors import ApiError
from server.feed import Changes, prune
from server.tls import DEFAULT_NAMES, TlsFiles, fingerprint, init_tls
from sync.protocol import LeaseRequest, PlacesWire

URL_FILE = "database_url"


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("guichet-server", appauthor=False))


def database_url(data_dir: Path, given: str | None) -> str:
    if given:
        return given
    stored = data_dir / URL_FILE
    if stored.exists():
        return stored.read_text(encoding="utf-8").strip()
    return sqlite_url(data_dir / "server.sqlite3")


def _engine(args: argparse.Namespace) -> Engine:
    return make_engine(database_url(args.data_dir, args.database_url))


def cmd_init(args: argparse.Namespace) -> int:
    args.data_dir.mkdir(parents=True, exist_ok=True)
    url = database_url(args.data_dir, args.database_url)
    if args.database_url:
        (args.data_dir / URL_FILE).write_text(url + "\n", encoding="utf-8")
    engine = make_engine(url)
    migrate(engine)
    print(f"database ready: {engine.url.render_as_string(hide_password=True)}")
    return 0


def cmd_tls_init(args: argparse.Namespace) -> int:
    folder = args.data_dir / "tls"
    if TlsFiles.in_folder(folder).exist() and not args.force:
        print(f"{folder} holds a CA already (--force makes a new one)", file=sys.stderr)
        return 1
    files = init_tls(folder, SystemClock().now(), [*DEFAULT_NAMES, *args.name])
    print(f"CA: {files.ca_cert}\nserver certificate: {files.cert}")
    print(f"CA fingerprint (SHA-256): {fingerprint(files.ca_cert.read_bytes())}")
    return 0


DATA_DIR_ENV = "GUICHET_SERVER_DATA_DIR"
DATABASE_URL_ENV = "GUICHET_SERVER_DATABASE_URL"
# One pooled connection per request thread (Starlette runs the handlers on anyio's 40): with
# fewer, a busy server opens and closes a PostgreSQL connection per request beyond the pool.
SERVE_POOL = 40


def _serving_app(data_dir: Path, given_url: str | None) -> FastAPI:
    files = TlsFiles.in_folder(data_dir / "tls")
    engine = make_engine(database_url(data_dir, given_url), pool_size=SERVE_POOL)
    return create_app(engine, SystemClock(), files.ca_cert.read_text(encoding="ascii"))


def app_from_environment() -> FastAPI:
    """The app of one worker process of ``serve --workers N``: uvicorn starts each worker
    afresh and builds its app (its own engine and pool) from this factory, which finds the
    data folder and database in the environment `cmd_serve` set."""
    return _serving_app(Path(os.environ[DATA_DIR_ENV]), os.environ.get(DATABASE_URL_ENV))


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    files = TlsFiles.in_folder(args.data_dir / "tls")
    if not files.exist():
        print("no certificate: run `guichet-server tls init` first (TLS only)", file=sys.stderr)
        return 1
    workers = getattr(args, "workers", 1)
    if workers > 1:  # uvicorn imports the app in each worker
        os.environ[DATA_DIR_ENV] = str(args.data_dir)
        if args.database_url:
            os.environ[DATABASE_URL_ENV] = args.database_url
        app: FastAPI | str = "server.cli:app_from_environment"
    else:
        app = _serving_app(args.data_dir, args.database_url)
    uvicorn.run(
        app,
        factory=workers > 1,
        workers=workers,
        host=args.host,
        port=args.port,
        ssl_certfile=str(files.cert),
        ssl_keyfile=str(files.key),
        log_level=getattr(args, "log_level", "info"),
    )
    return 0


DEMO_FILE = "demo-enrollment.json"


def cmd_demo(args: argparse.Namespace) -> int:
    """Everything a local demo needs, idempotently: the database, the CA, the demo catalog,
    and for each till not enrolled yet a one-time code, written to ``demo-enrollment.json``
    in the data folder (with the URL and the CA) for the demo till to enroll with; then
    serve, unless ``--prepare-only``."""
    now = SystemClock().now()
    args.data_dir.mkdir(parents=True, exist_ok=True)
    engine = _engine(args)
    migrate(engine)
    files = TlsFiles.in_folder(args.data_dir / "tls")
    if not files.exist():
        init_tls(args.data_dir / "tls", now)
    codes: dict[str, str] = {}
    with write(engine) as conn:
        load_demo(conn, now)
        pickups.place_demo(conn, Catalog(), now)  # orders waiting at the box office
        group_options.place_demo(conn, Catalog(), now)  # a group's option, validated
        for name in args.till or ["G1"]:
            known = conn.execute(
                select(t.device.c.enrolled_at, t.device.c.revoked_at).where(t.device.c.name == name)
            ).one_or_none()
            if known is None:
                codes[name] = devices.add_device(conn, name, "GUICHET", name, now)
            elif known.enrolled_at is None and known.revoked_at is None:
                codes[name] = devices.reissue_code(conn, name, now)
            lease_demo(conn, name, now)
    demo = {
        "url": f"https://localhost:{args.port}",
        "ca_pem": files.ca_cert.read_text(encoding="ascii"),
        "codes": codes,  # tills enrolled already have none
    }
    path = args.data_dir / DEMO_FILE
    path.write_text(json.dumps(demo, indent=2) + "\n", encoding="utf-8")
    print(f"demo server ready: {demo['url']}, enrollment codes in {path}")
    if args.prepare_only:
        return 0
    return cmd_serve(args)


# What the demo lends each till to sell offline: (performance, seats, standing places).
DEMO_LEASES: tuple[tuple[str, int, dict[str, int]], ...] = (
    ("P-CAR-2", 12, {}),
    ("P-FAB-1", 0, {"GRADINS": 10}),
)


def lease_demo(conn: Connection, name: str, now: datetime) -> list[str]:
    """Each till of the demo holds a lease on a few seats of Carmen and standing places of
    the Studio, until their sale closes: cut the network and it still sells those (and only
    those). Idempotent: a till with an active lease of a performance gets no second one. The
    leases granted."""
    device_id = conn.scalar(select(t.device.c.id).where(t.device.c.name == name))
    if device_id is None:
        return []
    leased = set(
        conn.execute(
            select(t.lease.c.performance_id).where(
                t.lease.c.device_id == device_id, t.lease.c.state == "active"
            )
        ).scalars()
    )
    granted = []
    catalog = Catalog()
    for performance_id, count, places in DEMO_LEASES:
        if performance_id in leased:
            continue
        selling = catalog.selling(conn, "GUICHET", performance_id)
        free = inventory.free_seats(conn, performance_id)
        seats = [
            s.id
            for s in selling.layout.physical.seats
            if s.id in free and may_sell_contingent(selling.channel, selling.layout, s.id)
        ][:count]
        request = LeaseRequest(
            performance_id=performance_id,
            seats=seats,
            places=[PlacesWire(zone_id=z, count=n) for z, n in places.items()],
            sell_until=selling.performance.sale_windows["GUICHET"].closes_at,
        )
        changes = Changes()
        device = devices.lock_device(conn, device_id)
        lease = inventory.grant_lease(
            conn, changes, catalog, device, str(uuid.uuid4()), request, now
        )
        changes.flush(conn, now)
        granted.append(lease.lease_id)
    return granted


def cmd_load_demo(args: argparse.Namespace) -> int:
    with write(_engine(args)) as conn:
        loaded = load_demo(conn, SystemClock().now())
    print("demo loaded" if loaded else "the demo is there already")
    return 0


def cmd_till_add(args: argparse.Namespace) -> int:
    with write(_engine(args)) as conn:
        code = devices.add_device(
            conn, args.name, args.channel, args.point_of_sale, SystemClock().now()
        )
    print(f"enrollment code for {args.name}: {code}")
    ca = TlsFiles.in_folder(args.data_dir / "tls").ca_cert
    if ca.exists():
        print(f"CA fingerprint (SHA-256): {fingerprint(ca.read_bytes())}")
    return 0


def cmd_till_revoke(args: argparse.Namespace) -> int:
    with write(_engine(args)) as conn:
        devices.revoke_device(conn, args.name, SystemClock().now())
    print(f"{args.name} revoked")
    return 0


def _places(text: str) -> PlacesWire:
    zone, _, count = text.rpartition(":")
    return PlacesWire(zone_id=zone, count=int(count))


def cmd_lease_grant(args: argparse.Namespace) -> int:
    now = SystemClock().now()
    request = LeaseRequest(
        performance_id=args.performance,
        seats=args.seat,
        places=[_places(p) for p in args.places],
        sell_until=datetime.fromisoformat(args.sell_until),
    )
    with write(_engine(args)) as conn:
        found = conn.scalar(select(t.device.c.id).where(t.device.c.name == args.till))
        if found is None:
            print(f"no till {args.till!r}", file=sys.stderr)
            return 1
        changes = Changes()
        lease = inventory.grant_lease(
            conn,
            changes,
            Catalog(),
            devices.lock_device(conn, found),
            str(uuid.uuid4()),
            request,
            now,
        )
        changes.flush(conn, now)
    print(f"lease {lease.lease_id} granted to {args.till} until {lease.sell_until.isoformat()}")
    return 0


def cmd_lease_revoke(args: argparse.Namespace) -> int:
    now = SystemClock().now()
    with write(_engine(args)) as conn:
        changes = Changes()
        inventory.revoke_lease(conn, changes, args.lease_id, now)
        changes.flush(conn, now)
    print(f"lease {args.lease_id} is being revoked: its unsold seats are quarantined")
    return 0


def cmd_incidents(args: argparse.Namespace) -> int:
    with write(_engine(args)) as conn:
        rows = conn.execute(
            select(t.incident, t.device.c.name)
            .outerjoin(t.device, t.device.c.id == t.incident.c.device_id)
            .order_by(t.incident.c.id)
        ).all()
    for row in rows:
        print(
            f"#{row.id} {row.created_at.isoformat()} {row.name or '-'} {row.kind}"
            f" sale={row.sale_id or '-'} {json.dumps(json.loads(row.detail), ensure_ascii=False)}"
        )
    if not rows:
        print("no incidents")
    return 0


def cmd_maintain(args: argparse.Namespace) -> int:
    now = SystemClock().now()
    with write(_engine(args)) as conn:
        changes = Changes()
        expired = inventory.expire_leases(
            conn, changes, now, timedelta(minutes=args.lease_grace_minutes)
        )
        changes.flush(conn, now)
    with write(_engine(args)) as conn:
        dropped = prune(conn, now - timedelta(days=args.retention_days))
    print(f"{len(expired)} lapsed lease(s) taken back, {dropped} old change(s) dropped")
    return 0


def cmd_orders_place(args: argparse.Namespace) -> int:
    """An order of another channel (the web shop, the telephone) for pick-up at the box
    office: paid where it was placed, or with ``--pay-at-box-office`` paid when collected."""
    now = SystemClock().now()
    with write(_engine(args)) as conn:
        changes = Changes()
        order = pickups.place_best(
            conn, changes, Catalog(), args.channel, args.customer, args.performance, args.seats,
            now, pay_at_box_office=args.pay_at_box_office,
        )  # fmt: skip
        changes.flush(conn, now)
    total = f"{order.total.to_decimal()} {order.total.currency}"
    due = "" if order.due.is_zero else ", to pay at the box office"
    print(f"{order.number}: {len(order.tickets)} ticket(s), {total}{due}, for {order.customer}")
    for ticket in order.tickets:
        print(f"  {ticket.number} {ticket.seat_id or ticket.zone_id} {ticket.barcode}")
    return 0


def cmd_orders_cancel(args: argparse.Namespace) -> int:
    """An order waiting for pick-up cancelled where it was placed: its seats on sale again."""
    now = SystemClock().now()
    with write(_engine(args)) as conn:
        changes = Changes()
        order = pickups.cancel(conn, changes, args.number, now)
        changes.flush(conn, now)
    print(f"{order.number}: cancelled, its {len(order.tickets)} ticket(s) void, seats on sale")
    return 0


def cmd_orders_list(args: argparse.Namespace) -> int:
    with write(_engine(args)) as conn:
        for order in pickups.listed(conn):
            where = f" by {order.collected_by}" if order.collected_by else ""
            due = ""
            if not order.due.is_zero:
                due = " (paid at the box office)"
                if not order.collected_by:
                    due = " (to pay at the box office)"
            print(
                f"{order.number} {order.state.value}{where} {order.channel} "
                f"{len(order.tickets)} ticket(s) {order.total.to_decimal()}{due} {order.customer}"
            )
    return 0


def cmd_options_place(args: argparse.Namespace) -> int:
    """A group's option taken in the back office: its seats held ``--days`` (seed 001)."""
    now = SystemClock().now()
    with write(_engine(args)) as conn:
        changes = Changes()
        option = group_options.place_option(
            conn, changes, Catalog(), args.customer, args.contact, args.file or "",
            args.performance, args.seats, now + timedelta(days=args.days), now,
            channel=args.channel,
        )  # fmt: skip
        changes.flush(conn, now)
    print(
        f"{option.id}: {len(option.seats)} seat(s) of {option.performance_id} held until "
        f"{option.until.isoformat()} for {option.customer} ({option.contact_number}"
        f"{', file ' + option.file_number if option.file_number else ''})"
    )
    return 0


def cmd_options_validate(args: argparse.Namespace) -> int:
    """The option becomes a reservation: any till picks it up and takes what is due."""
    now = SystemClock().now()
    with write(_engine(args)) as conn:
        changes = Changes()
        order = group_options.validate_option(conn, changes, Catalog(), args.option, now)
        changes.flush(conn, now)
    due = f"{order.due.to_decimal()} {order.due.currency}"
    print(f"{order.number}: validated, {len(order.tickets)} ticket(s), {due} to pay at a till")
    return 0


def cmd_options_cancel(args: argparse.Namespace) -> int:
    now = SystemClock().now()
    with write(_engine(args)) as conn:
        changes = Changes()
        group_options.cancel_option(conn, changes, args.option, now)
        changes.flush(conn, now)
    print(f"{args.option.upper()}: cancelled, its seats are on sale again")
    return 0


def cmd_options_list(args: argparse.Namespace) -> int:
    now = SystemClock().now()
    with write(_engine(args)) as conn:
        for option in group_options.listed(conn, now):
            order = f" -> order {option.pickup_number}" if option.pickup_number else ""
            print(
                f"{option.id} {option.state}{order} {option.performance_id} "
                f"{len(option.seats)} seat(s) until {option.until.isoformat()} "
                f"{option.customer} {option.contact_number} {option.file_number}".rstrip()
            )
    return 0


def cmd_codes_generate(args: argparse.Namespace) -> int:
    """A batch of single-use codes for an advantage, one a line (to mail or print)."""
    if not 1 <= args.count <= MAX_BATCH:
        print(f"error: between 1 and {MAX_BATCH} codes per batch", file=sys.stderr)
        return 2
    with write(_engine(args)) as conn:
        batch, made = codes.generate(conn, args.advantage, args.count, SystemClock().now())
    out = Path(args.output) if args.output else None
    text = "\n".join(made) + "\n"
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
    print(f"{len(made)} codes for {args.advantage} (batch {batch})", file=sys.stderr)
    return 0


def cmd_codes_tally(args: argparse.Namespace) -> int:
    with write(_engine(args)) as conn:
        counted = codes.tally(conn, args.advantage)
    print(" ".join(f"{k}={v}" for k, v in counted.items()))
    return 0


def cmd_codes_invalidate(args: argparse.Namespace) -> int:
    with write(_engine(args)) as conn:
        done = codes.invalidate(conn, args.code)
    print("invalidated" if done else "not available: unknown, used or invalidated already")
    return 0 if done else 1


def cmd_openapi(args: argparse.Namespace) -> int:
    app = create_app(make_engine("sqlite://"), SystemClock(), "")
    Path(args.file).write_text(openapi_document(app), encoding="utf-8")
    print(f"wrote {args.file}")
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="guichet-server", description=__doc__.splitlines()[0])
    main.add_argument("--data-dir", type=Path, default=default_data_dir())
    main.add_argument("--database-url", help="default: SQLite in the data folder")
    commands = main.add_subparsers(dest="command", required=True)

    commands.add_parser("init", help="create or upgrade the database").set_defaults(run=cmd_init)

    tls = commands.add_parser("tls", help="the private CA and server certificate")
    tls_commands = tls.add_subparsers(dest="tls_command", required=True)
    tls_init = tls_commands.add_parser("init", help="make a CA and a server certificate")
    tls_init.add_argument("--name", action="append", default=[], help="another host name or IP")
    tls_init.add_argument("--force", action="store_true")
    tls_init.set_defaults(run=cmd_tls_init)

    serve = commands.add_parser("serve", help="serve the API over HTTPS")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8443)
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        help="server processes sharing the port (each with its own database pool)",
    )
    serve.add_argument(
        "--log-level", default="info", help="uvicorn's: warning drops the access log"
    )
    serve.set_defaults(run=cmd_serve)

    commands.add_parser("load-demo", help="the demo catalog and venues").set_defaults(
        run=cmd_load_demo
    )

    demo = commands.add_parser("demo", help="set up a local demo server (idempotent), then serve")
    demo.add_argument("--till", action="append", default=[], help="a till to enroll (G1)")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=8443)
    demo.add_argument("--prepare-only", action="store_true", help="set up, do not serve")
    demo.set_defaults(run=cmd_demo)

    till = commands.add_parser("till", help="enrolled tills")
    till_commands = till.add_subparsers(dest="till_command", required=True)
    add = till_commands.add_parser("add", help="a new till: prints its one-time code")
    add.add_argument("name")
    add.add_argument("--channel", default="GUICHET")
    add.add_argument("--point-of-sale", default=None)
    add.set_defaults(run=cmd_till_add)
    revoke = till_commands.add_parser("revoke", help="refuse this till's token from now on")
    revoke.add_argument("name")
    revoke.set_defaults(run=cmd_till_revoke)

    lease = commands.add_parser("lease", help="seats lent to a till for offline selling")
    lease_commands = lease.add_subparsers(dest="lease_command", required=True)
    grant = lease_commands.add_parser("grant")
    grant.add_argument("--till", required=True)
    grant.add_argument("--performance", required=True)
    grant.add_argument("--seat", action="append", default=[])
    grant.add_argument("--places", action="append", default=[], help="ZONE:COUNT")
    grant.add_argument("--sell-until", required=True, help="ISO 8601 time with its offset")
    grant.set_defaults(run=cmd_lease_grant)
    lease_revoke = lease_commands.add_parser("revoke")
    lease_revoke.add_argument("lease_id")
    lease_revoke.set_defaults(run=cmd_lease_revoke)

    orders = commands.add_parser("orders", help="orders of other channels for pick-up")
    order_commands = orders.add_subparsers(dest="orders_command", required=True)
    order_place = order_commands.add_parser(
        "place", help="an order of another channel (paid there, or at pick-up), to print at a till"
    )
    order_place.add_argument("--performance", required=True)
    order_place.add_argument("--seats", type=int, required=True)
    order_place.add_argument("--customer", required=True)
    order_place.add_argument("--channel", default="WEB", help="WEB, PHONE...")
    order_place.add_argument(
        "--pay-at-box-office",
        action="store_true",
        help="nothing paid now: the till that prints it takes the order's total",
    )
    order_place.set_defaults(run=cmd_orders_place)
    order_commands.add_parser("list", help="every order for pick-up").set_defaults(
        run=cmd_orders_list
    )
    order_cancel = order_commands.add_parser(
        "cancel", help="cancel an order waiting for pick-up: its seats go back on sale"
    )
    order_cancel.add_argument("number")
    order_cancel.set_defaults(run=cmd_orders_cancel)

    options = commands.add_parser("options", help="groups' options taken in the back office")
    option_commands = options.add_subparsers(dest="options_command", required=True)
    option_place = option_commands.add_parser("place", help="hold seats for a group's option")
    option_place.add_argument("--customer", required=True, help="the contact's name")
    option_place.add_argument("--contact", required=True, help="the contact's number")
    option_place.add_argument("--file", help="the file's number")
    option_place.add_argument("--performance", required=True)
    option_place.add_argument("--seats", type=int, required=True)
    option_place.add_argument("--days", type=int, default=10, help="held this many days")
    option_place.add_argument("--channel", default=group_options.GROUP_CHANNEL)
    option_place.set_defaults(run=cmd_options_place)
    for name, run, text in (
        ("validate", cmd_options_validate, "a reservation, to pick up and pay at a till"),
        ("cancel", cmd_options_cancel, "give a placed option's seats back"),
    ):
        step = option_commands.add_parser(name, help=text)
        step.add_argument("option")
        step.set_defaults(run=run)
    option_commands.add_parser("list", help="every option and its state").set_defaults(
        run=cmd_options_list
    )

    commands.add_parser("incidents", help="what needs a person").set_defaults(run=cmd_incidents)

    maintain = commands.add_parser(
        "maintain", help="take back lapsed leases, drop old changes (run it from cron)"
    )
    maintain.add_argument("--retention-days", type=int, default=30)
    maintain.add_argument("--lease-grace-minutes", type=int, default=30)
    maintain.set_defaults(run=cmd_maintain)

    code_parser = commands.add_parser("codes", help="single-use advantage codes")
    code_commands = code_parser.add_subparsers(dest="codes_command", required=True)
    generate = code_commands.add_parser("generate", help="a batch of codes (at most 1,000)")
    generate.add_argument("--advantage", required=True, help="the advantage's id on the tills")
    generate.add_argument("--count", type=int, required=True)
    generate.add_argument("--output", help="a file for the codes (default: standard output)")
    generate.set_defaults(run=cmd_codes_generate)
    tally = code_commands.add_parser("tally", help="generated / available / used / invalidated")
    tally.add_argument("--advantage", required=True)
    tally.set_defaults(run=cmd_codes_tally)
    invalidate = code_commands.add_parser("invalidate", help="refuse an available code")
    invalidate.add_argument("code")
    invalidate.set_defaults(run=cmd_codes_invalidate)

    openapi = commands.add_parser("openapi", help="write the OpenAPI document")
    openapi.add_argument("file")
    openapi.set_defaults(run=cmd_openapi)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except ApiError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main())
