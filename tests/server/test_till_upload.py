"""The till's side of the upload against the real server (uvicorn over TLS, PostgreSQL): a
demo till enrolls with a one-time code and its CA, sells, and its outbox goes up exactly once —
also after a lost answer, an unreachable server, or with the wrong CA; a revoked till stops
uploading and keeps its outbox."""

from __future__ import annotations

import secrets
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.config import load_station
from app.main import open_till
from app.services.selling import SellingServices
from app.services.syncing import EnrollmentRefused, SyncServices
from app.services.till import TillServices
from app.services.tills import ensure_demo_session
from domain.orders import PaymentPlan
from server import devices
from server import tables as t
from server.database import write
from server.tls import init_tls
from sync.client import Unauthorized
from tests.fakes import FixedClock

from .conftest import RunningServer, free_port

PERFORMANCE = "P-FAB-1"  # the Studio: no other server test sells there
SEATED = "P-CAR-2"  # seats handed out by `sellable_seats`, each to one test


@dataclass
class DemoTill:
    services: TillServices
    selling: SellingServices
    syncing: SyncServices
    clock: FixedClock
    name: str

    def sell(self, places: int = 2) -> str:
        cart = self.selling.open_cart().cart.id
        view = self.selling.add_places(cart, PERFORMANCE, "GRADINS", places)
        return self.selling.complete(cart, PaymentPlan(view.due).exact_cash(), "OP").order.id

    def enroll(self, server: RunningServer) -> None:
        code = add_till(server, self.name)
        self.syncing.enroll(server.base_url, code, server.ca.read_text())


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("till-template")
    open_till(load_station(folder, demo=True), FixedClock())
    return folder


@pytest.fixture
def demo_till(template: Path, tmp_path: Path, server: RunningServer) -> Iterator[DemoTill]:
    shutil.copytree(template, tmp_path / "till")
    clock = FixedClock(server.clock.now())
    services = open_till(load_station(tmp_path / "till"), clock)
    ensure_demo_session(services.uow_factory, clock, "G1")
    selling = SellingServices(services.uow_factory, clock, "G1", lambda: "GUICHET")
    syncing = SyncServices(services.uow_factory, clock, "G1")
    yield DemoTill(services, selling, syncing, clock, f"G1-{secrets.token_hex(3)}")


def add_till(server: RunningServer, name: str) -> str:
    with write(server.engine) as conn:
        return devices.add_device(conn, name, "GUICHET", "G1", server.clock.now())


def stored_events(server: RunningServer, device_id: str) -> list[str]:
    with server.engine.connect() as conn:
        return list(
            conn.execute(
                select(t.device_event.c.event_id)
                .where(t.device_event.c.device_id == device_id)
                .order_by(t.device_event.c.device_seq)
            ).scalars()
        )


def incidents(server: RunningServer, device_id: str) -> list[str]:
    with server.engine.connect() as conn:
        return list(
            conn.execute(
                select(t.incident.c.kind).where(t.incident.c.device_id == device_id)
            ).scalars()
        )


def point_at(till: DemoTill, url: str) -> None:
    """The till reaches its server at ``url`` from now on (through a proxy, or back)."""
    link = till.syncing.link()
    assert link is not None
    with till.services.uow_factory() as uow:
        uow.sync.enroll(replace(link, server_url=url))
        uow.commit()


def cut_off(till: DemoTill) -> None:
    """The till's network goes: its server is at a port nobody listens on."""
    point_at(till, f"https://localhost:{free_port()}")


def lease_to(
    server: RunningServer,
    till: DemoTill,
    seats: list[str],
    hours: int,
    performance: str = SEATED,
    places: dict[str, int] | None = None,
) -> str:
    """Lease these seats (and standing ``places``: zone -> count) of ``performance`` to the
    till for ``hours``; the till learns of it from its feed, as it would online. The lease id."""
    from datetime import timedelta

    from app.services.feed import CatalogFeed
    from app.services.syncing import client_for

    link = till.syncing.link()
    assert link is not None
    with server.client(link.token) as http:
        granted = http.post(
            "/v1/leases",
            headers={"Idempotency-Key": str(uuid.uuid4())},
            json={
                "performance_id": performance,
                "seats": seats,
                "places": [{"zone_id": z, "count": n} for z, n in (places or {}).items()],
                "sell_until": (server.clock.now() + timedelta(hours=hours)).isoformat(),
            },
        )
    assert granted.status_code == 200, granted.text
    with client_for(link) as client:
        CatalogFeed(till.services.uow_factory, till.clock, "G1").pull_once(client)
    return str(granted.json()["lease_id"])


def test_sales_go_up_once_even_when_the_answer_was_lost(
    server: RunningServer, demo_till: DemoTill
) -> None:
    sales = [demo_till.sell(), demo_till.sell(3)]
    demo_till.enroll(server)
    link = demo_till.syncing.link()
    assert link is not None
    assert demo_till.syncing.status().queued == 2
    report = demo_till.syncing.upload()
    assert report.error == "" and report.acked_through_seq == 2
    assert stored_events(server, link.device_id) == sales
    # Sold on the till's own inventory, neither held online nor leased: accepted, and
    # flagged for the back office (the server's inventory port will sell online instead).
    assert incidents(server, link.device_id) == ["sale_outside_lease"] * 2
    status = demo_till.syncing.status()
    assert status.queued == 0 and status.online and status.enrolled
    with demo_till.services.uow_factory(read_only=True) as uow:
        head = uow.journal.head("G1")
    assert head is not None
    with server.engine.connect() as conn:
        verified = conn.scalar(
            select(t.device.c.journal_seq).where(t.device.c.id == link.device_id)
        )
    assert verified == head.seq  # the whole chain, startup and prints included
    # The answer was lost: the till still thinks nothing went up and sends it all again.
    demo_till.syncing.store.acknowledge(0, 0)
    again = demo_till.syncing.upload()
    assert again.error == "" and again.acked_through_seq == 2
    assert stored_events(server, link.device_id) == sales  # once each, still
    with server.engine.connect() as conn:
        sold = conn.scalar(
            select(func.sum(t.ga_quota.c.sold)).where(t.ga_quota.c.performance_id == PERFORMANCE)
        )
    assert sold is not None and sold >= 5


def test_an_unreachable_server_keeps_the_sales_queued_until_it_is_back(
    server: RunningServer, demo_till: DemoTill
) -> None:
    demo_till.enroll(server)
    link = demo_till.syncing.link()
    assert link is not None
    cut_off(demo_till)  # the server moved away meanwhile
    demo_till.sell()
    report = demo_till.syncing.upload(seconds=5)
    assert "cannot be reached" in report.error
    status = demo_till.syncing.status()
    assert not status.online and status.queued == 1 and "cannot be reached" in status.last_error
    point_at(demo_till, server.base_url)  # back
    assert demo_till.syncing.upload().acked_through_seq == 1
    assert demo_till.syncing.status().online


def test_enrollment_trusts_only_the_ca_given(
    server: RunningServer, demo_till: DemoTill, tmp_path: Path
) -> None:
    stranger = init_tls(tmp_path / "other-ca", datetime.now(UTC)).ca_cert.read_text()
    code = add_till(server, demo_till.name)
    with pytest.raises(EnrollmentRefused, match="not trusted"):
        demo_till.syncing.enroll(server.base_url, code, stranger)
    assert demo_till.syncing.link() is None
    demo_till.syncing.enroll(server.base_url, code, server.ca.read_text())  # code still unused
    with pytest.raises(EnrollmentRefused, match="unknown or was used already"):
        demo_till.syncing.enroll(server.base_url, code, server.ca.read_text())


def test_a_revoked_till_stops_uploading_and_keeps_its_outbox(
    server: RunningServer, demo_till: DemoTill
) -> None:
    demo_till.enroll(server)
    demo_till.sell()
    with write(server.engine) as conn:
        devices.revoke_device(conn, demo_till.name, server.clock.now())
    with pytest.raises(Unauthorized):
        demo_till.syncing.upload()
    status = demo_till.syncing.status()
    assert status.revoked and not status.online and status.queued == 1
    with demo_till.services.uow_factory(read_only=True) as uow:
        assert len(uow.sales.outbox("G1")) == 1


def test_an_answer_lost_after_the_server_stored_the_batch_is_resent_and_stored_once(
    server: RunningServer, demo_till: DemoTill
) -> None:
    from .fault_proxy import FaultProxy

    proxy = FaultProxy(server.port)
    try:
        demo_till.enroll(server)
        point_at(demo_till, f"https://localhost:{proxy.port}")
        sales = [demo_till.sell(), demo_till.sell(2)]
        link = demo_till.syncing.link()
        assert link is not None
        proxy.mode = "drop_answer"
        lost = demo_till.syncing.upload(seconds=10)
        assert lost.error and lost.acked_through_seq == 0  # no answer: nothing marked sent
        assert stored_events(server, link.device_id) == sales  # but the server has them
        assert demo_till.syncing.status().queued == 2
        proxy.mode = "pass"
        again = demo_till.syncing.upload()
        assert again.error == "" and again.acked_through_seq == 2
        assert stored_events(server, link.device_id) == sales  # once each
        assert demo_till.syncing.status().queued == 0
    finally:
        proxy.close()


def test_a_request_torn_on_the_way_stores_nothing_and_the_resend_is_taken(
    server: RunningServer, demo_till: DemoTill
) -> None:
    from .fault_proxy import FaultProxy

    proxy = FaultProxy(server.port, tear_after=2600)
    try:
        demo_till.enroll(server)
        point_at(demo_till, f"https://localhost:{proxy.port}")
        sales = [demo_till.sell(), demo_till.sell(3)]
        link = demo_till.syncing.link()
        assert link is not None
        proxy.mode = "tear_request"
        torn = demo_till.syncing.upload(seconds=10)
        assert torn.error
        assert stored_events(server, link.device_id) == []  # nothing half stored
        proxy.mode = "pass"
        assert demo_till.syncing.upload().acked_through_seq == 2
        assert stored_events(server, link.device_id) == sales
    finally:
        proxy.close()


def test_a_rotated_token_is_stored_and_the_old_one_stops_once_the_new_one_is_used(
    server: RunningServer, demo_till: DemoTill
) -> None:
    demo_till.enroll(server)
    old = demo_till.syncing.link()
    assert old is not None
    demo_till.syncing.rotate_token()
    new = demo_till.syncing.link()
    assert new is not None and new.token != old.token
    demo_till.sell()
    assert demo_till.syncing.upload().acked_through_seq == 1  # with the new token
    with server.client(old.token) as http:  # the old one is done with
        assert http.get("/v1/sync/changes", params={"cursor": 0, "limit": 1}).status_code == 401
