"""``guichet-server``'s administration commands on an embedded database, and the OpenAPI
document checked into docs/ being the one the app serves."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from server import pickups
from server import tables as t
from server.api import create_app, openapi_document
from server.catalog import Catalog
from server.cli import SystemClock, database_url, main
from server.database import make_engine, write
from server.errors import ApiError

DOCS = Path(__file__).parents[2] / "docs" / "openapi.json"


def test_the_admin_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = ["--data-dir", str(tmp_path)]
    assert main([*data, "init"]) == 0
    assert main([*data, "load-demo"]) == 0
    assert main([*data, "load-demo"]) == 0
    assert "there already" in capsys.readouterr().out
    assert main([*data, "tls", "init"]) == 0
    assert (tmp_path / "tls" / "ca.pem").exists()
    assert (tmp_path / "tls" / "server.key").stat().st_mode & 0o077 == 0
    assert main([*data, "tls", "init"]) == 1  # never over an existing CA without --force
    capsys.readouterr()
    assert main([*data, "till", "add", "G2"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"enrollment code for G2: [A-Z2-9]{4}(-[A-Z2-9]{4}){3}", out)
    assert "CA fingerprint" in out
    assert main([*data, "till", "add", "G2"]) == 1  # names are unique
    assert (
        main(
            [
                *data,
                "lease",
                "grant",
                "--till",
                "G2",
                "--performance",
                "P-MIS-4",
                "--seat",
                "B1-A-1",
                "--places",
                "X:1",
                "--sell-until",
                "2099-01-01T00:00:00+00:00",
            ]
        )
        == 1
    )  # no zone X in the theatre
    assert (
        main(
            [
                *data,
                "lease",
                "grant",
                "--till",
                "G2",
                "--performance",
                "P-MIS-4",
                "--seat",
                "B1-A-1",
                "--sell-until",
                "2099-01-01T00:00:00+00:00",
            ]
        )
        == 0
    )
    lease_id = re.search(r"lease (\S+) granted", capsys.readouterr().out)
    assert lease_id
    assert main([*data, "lease", "revoke", lease_id.group(1)]) == 0
    assert main([*data, "lease", "revoke", lease_id.group(1)]) == 1  # revoking already
    assert main([*data, "till", "revoke", "G2"]) == 0
    assert main([*data, "till", "revoke", "G2"]) == 1
    capsys.readouterr()
    assert main([*data, "incidents"]) == 0
    assert "no incidents" in capsys.readouterr().out
    assert main([*data, "maintain"]) == 0
    assert "lease(s) taken back" in capsys.readouterr().out
    engine = make_engine(database_url(tmp_path, None))
    with engine.connect() as conn:
        row = conn.execute(select(t.device).where(t.device.c.name == "G2")).one()
        seat = conn.execute(
            select(t.seat_inventory.c.state).where(
                t.seat_inventory.c.performance_id == "P-MIS-4",
                t.seat_inventory.c.seat_id == "B1-A-1",
            )
        ).scalar_one()
    assert row.revoked_at is not None and row.enrollment_code_hash is None
    assert seat == "quarantined"


def test_init_remembers_another_database_url(tmp_path: Path) -> None:
    url = f"sqlite+pysqlite:///{tmp_path / 'elsewhere.sqlite3'}"
    assert main(["--data-dir", str(tmp_path / "d"), "--database-url", url, "init"]) == 0
    assert database_url(tmp_path / "d", None) == url


def test_serve_refuses_to_run_without_tls(tmp_path: Path) -> None:
    assert main(["--data-dir", str(tmp_path), "serve"]) == 1


def test_the_checked_in_openapi_document_is_up_to_date(tmp_path: Path) -> None:
    out = tmp_path / "openapi.json"
    assert main(["openapi", str(out)]) == 0
    current = openapi_document(create_app(make_engine("sqlite://"), SystemClock(), ""))
    assert out.read_text(encoding="utf-8") == current
    assert DOCS.read_text(encoding="utf-8") == current, (
        "docs/openapi.json is stale: run `guichet-server openapi docs/openapi.json`"
    )
    paths = json.loads(current)["paths"]
    assert {"/v1/sync/events", "/v1/sales", "/v1/leases/{lease_id}/return"} <= set(paths)
    events = paths["/v1/sync/events"]["post"]["requestBody"]["content"]["application/json"]
    assert events["schema"]["$ref"] == "#/components/schemas/EventsBatch"


def test_the_demo_command_sets_up_once_and_gives_codes_to_tills_not_enrolled(
    tmp_path: Path,
) -> None:
    from server import devices
    from server.cli import DEMO_FILE
    from server.database import write

    data = ["--data-dir", str(tmp_path), "demo", "--prepare-only", "--port", "9443"]
    assert main([*data, "--till", "G1", "--till", "G2"]) == 0
    first = json.loads((tmp_path / DEMO_FILE).read_text())
    assert first["url"] == "https://localhost:9443"
    assert first["ca_pem"] == (tmp_path / "tls" / "ca.pem").read_text()
    assert set(first["codes"]) == {"G1", "G2"}
    engine = make_engine(database_url(tmp_path, None))
    with write(engine) as conn:
        devices.enroll(conn, first["codes"]["G1"], SystemClock().now())
    assert main([*data, "--till", "G1", "--till", "G2"]) == 0
    second = json.loads((tmp_path / DEMO_FILE).read_text())
    assert set(second["codes"]) == {"G2"} and second["codes"]["G2"] != first["codes"]["G2"]
    assert second["ca_pem"] == first["ca_pem"]  # the CA is made once
    with pytest.raises(ApiError, match="unknown or was used"), write(engine) as conn:
        devices.enroll(conn, first["codes"]["G2"], SystemClock().now())
    with write(engine) as conn:
        devices.enroll(conn, second["codes"]["G2"], SystemClock().now())


def test_each_demo_till_gets_its_own_lease_once(tmp_path: Path) -> None:
    from sqlalchemy import select

    from server import tables as t

    data = ["--data-dir", str(tmp_path), "demo", "--prepare-only", "--port", "9443"]
    assert main([*data, "--till", "G1", "--till", "G2"]) == 0
    assert main([*data, "--till", "G1", "--till", "G2"]) == 0  # again: no second lease
    engine = make_engine(database_url(tmp_path, None))
    with engine.connect() as conn:
        leases = conn.execute(
            select(t.device.c.name, t.lease.c.performance_id, t.lease.c.seats, t.lease.c.places)
            .join(t.device, t.device.c.id == t.lease.c.device_id)
            .where(t.lease.c.state == "active")
        ).all()
        leased_seats = conn.execute(
            select(t.seat_inventory.c.seat_id, t.seat_inventory.c.lease_id).where(
                t.seat_inventory.c.lease_id.is_not(None)
            )
        ).all()
        gradins = conn.execute(
            select(t.ga_quota.c.leased).where(
                t.ga_quota.c.performance_id == "P-FAB-1", t.ga_quota.c.zone_id == "GRADINS"
            )
        ).scalar_one()
    engine.dispose()
    assert sorted((r.name, r.performance_id) for r in leases) == [
        ("G1", "P-CAR-2"),
        ("G1", "P-FAB-1"),
        ("G2", "P-CAR-2"),
        ("G2", "P-FAB-1"),
    ]
    seats = [json.loads(r.seats) for r in leases if r.performance_id == "P-CAR-2"]
    assert [len(s) for s in seats] == [12, 12] and not set(seats[0]) & set(seats[1])
    assert len(leased_seats) == 24
    assert gradins == 20


def test_orders_for_pick_up_are_placed_listed_and_refused_when_they_cannot_be(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(tmp_path)]
    assert main([*data, "init"]) == 0
    assert main([*data, "load-demo"]) == 0
    capsys.readouterr()
    place = [*data, "orders", "place", "--performance", "P-MIS-4"]
    assert main([*place, "--seats", "2", "--customer", "Claire  Dupont"]) == 0
    out = capsys.readouterr().out
    assert re.match(r"W-000001: 2 ticket\(s\), \d+\.\d\d EUR, for Claire Dupont\n", out)
    barcodes = re.findall(r"^  \d+ \S+ ([A-Z2-7]{20})$", out, re.M)
    assert len(set(barcodes)) == 2
    assert main([*place, "--seats", "1", "--customer", " "]) == 1  # a name is needed
    assert main([*place, "--seats", "1", "--customer", "X", "--channel", "FNAC"]) == 1
    assert "does not deliver at the box office" in capsys.readouterr().err
    phone = ["--channel", "PHONE", "--customer", "Jean Martin", "--pay-at-box-office"]
    assert main([*place, "--seats", "2", *phone]) == 0
    out = capsys.readouterr().out
    assert re.match(
        r"P-000002: 2 ticket\(s\), \d+\.\d\d EUR, to pay at the box office, for Jean Martin\n", out
    )
    assert main([*data, "orders", "list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == 2 and listed[0].startswith("W-000001 waiting WEB 2 ticket(s)")
    assert listed[1].startswith("P-000002 waiting PHONE 2 ticket(s)")
    assert "(to pay at the box office) Jean Martin" in listed[1]
    engine = make_engine(database_url(tmp_path, None))
    with engine.connect() as conn:
        states = conn.execute(
            select(t.ticket.c.state).where(t.ticket.c.barcode.in_(barcodes))
        ).scalars()
        assert list(states) == ["valid", "valid"]  # access control knows them
        due = conn.execute(select(t.pickup_order.c.number, t.pickup_order.c.due_minor)).all()
    assert [(n, d > 0) for n, d in sorted(due)] == [("P-000002", True), ("W-000001", False)]
    engine.dispose()


def test_the_demo_places_two_web_orders_paid_online_and_a_telephone_order_to_pay_here(
    tmp_path: Path,
) -> None:
    data = ["--data-dir", str(tmp_path)]
    assert main([*data, "init"]) == 0
    assert main([*data, "load-demo"]) == 0
    engine = make_engine(database_url(tmp_path, None))
    now = SystemClock().now()  # as `load-demo` dated the demo's performances
    with write(engine) as conn:
        placed = pickups.place_demo(conn, Catalog(), now)
        assert pickups.place_demo(conn, Catalog(), now) == []  # once
    engine.dispose()
    assert [(o.number, o.customer, o.channel, o.due.is_zero) for o in placed] == [
        ("W-000001", "Claire Dupont", "WEB", True),
        ("W-000002", "Marc Lefèvre", "WEB", True),
        ("P-000003", "Jean Martin", "PHONE", False),
    ]
    assert placed[2].due == placed[2].total and len(placed[2].tickets) == 2


def test_a_groups_option_is_placed_validated_listed_and_refused_when_it_cannot_be(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(tmp_path)]
    assert main([*data, "init"]) == 0
    assert main([*data, "load-demo"]) == 0
    capsys.readouterr()
    option = [*data, "options", "place", "--customer", "Compagnie des Lumières",
              "--contact", "C-0042", "--file", "GRP-17", "--performance", "P-MIS-4"]  # fmt: skip
    assert main([*option, "--seats", "4", "--days", "3"]) == 0
    out = capsys.readouterr().out
    assert re.match(r"OPT-000001: 4 seat\(s\) of P-MIS-4 held until \S+ for Compagnie", out)
    assert main([*option, "--seats", "2", "--days", "30"]) == 1  # past the performance
    assert "at the latest" in capsys.readouterr().err
    assert main([*option, "--seats", "2", "--days", "5"]) == 0
    capsys.readouterr()
    assert main([*data, "options", "validate", "opt-000001"]) == 0
    out = capsys.readouterr().out
    assert re.match(r"OPT-000001: validated, 4 ticket\(s\), \d+\.\d\d EUR to pay at a till", out)
    assert main([*data, "options", "validate", "OPT-000001"]) == 1  # once
    assert main([*data, "options", "cancel", "OPT-000002"]) == 0
    assert main([*data, "options", "cancel", "OPT-000002"]) == 1
    capsys.readouterr()
    assert main([*data, "options", "list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0].startswith("OPT-000001 validated -> order OPT-000001 P-MIS-4 4 seat(s)")
    assert listed[1].startswith("OPT-000002 cancelled P-MIS-4 2 seat(s)")
    assert main([*data, "orders", "list"]) == 0
    assert "OPT-000001 waiting GROUPES 4 ticket(s)" in capsys.readouterr().out
    assert main([*data, "orders", "cancel", "opt-000001"]) == 0
    assert "OPT-000001: cancelled, its 4 ticket(s) void" in capsys.readouterr().out
    assert main([*data, "orders", "cancel", "OPT-000001"]) == 1  # once
    assert main([*data, "orders", "list"]) == 0
    assert "OPT-000001 cancelled GROUPES" in capsys.readouterr().out
