"""Two demo tills and the real server (uvicorn over TLS, PostgreSQL), each till behind its own
TCP fault proxy, driven by Hypothesis through random sequences of: sell a seat, cut a till's
network and give it back, upload, lose the server's answer to an upload, lease a seat to a
till. After every step no seat is sold twice (on the server, nor by the two tills between
them); at the end, with the network back, every sale of each till is on the server exactly
once, each journal verifies, and the only incidents are sales the network cut half-way."""

from __future__ import annotations

import secrets
import shutil
import uuid
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import func, select

from app.config import load_station
from app.main import open_till
from app.services.feed import CatalogFeed
from app.services.journal import verify_journal
from app.services.selling import SaleError, SellingServices
from app.services.server_inventory import ServerInventory
from app.services.syncing import SyncServices, client_for
from app.services.tills import ensure_demo_session
from domain.errors import DomainError
from domain.orders import PaymentPlan
from server import tables as t
from tests.fakes import FixedClock

from .conftest import RunningServer, sellable_seats
from .fault_proxy import FaultProxy
from .invariants import check_invariants
from .test_till_upload import DemoTill, add_till, incidents, point_at, stored_events

PERFORMANCE = "P-CAR-2"
SEATS = 5


class TwoTills(RuleBasedStateMachine):
    server: RunningServer
    template: Path

    tills: list[DemoTill]
    proxies: list[FaultProxy]

    @classmethod
    def setup_tills(cls, folder: Path) -> None:
        """Two enrolled demo tills, each behind its fault proxy, for every example (each
        example takes fresh seats)."""
        cls.tills, cls.proxies = [], []
        for number in range(2):
            shutil.copytree(cls.template, folder / f"t{number}")
            clock = FixedClock(cls.server.clock.now())
            services = open_till(load_station(folder / f"t{number}"), clock)
            ensure_demo_session(services.uow_factory, clock, "G1")
            syncing = SyncServices(services.uow_factory, clock, "G1")
            selling = SellingServices(
                services.uow_factory,
                clock,
                "G1",
                lambda: "GUICHET",
                inventory=ServerInventory(syncing.link),
            )
            till = DemoTill(services, selling, syncing, clock, f"SM{number}-{secrets.token_hex(3)}")
            till.syncing.enroll(
                cls.server.base_url, add_till(cls.server, till.name), cls.server.ca.read_text()
            )
            proxy = FaultProxy(cls.server.port)
            point_at(till, f"https://localhost:{proxy.port}")
            cls.tills.append(till)
            cls.proxies.append(proxy)

    @initialize()
    def start(self) -> None:
        self.seats = sellable_seats(self.server, PERFORMANCE, SEATS)
        for proxy in self.proxies:
            proxy.mode = "pass"

    # --- what happens at the counter and on the network --------------------------------

    @rule(number=st.integers(0, 1), seat=st.integers(0, SEATS - 1))
    def sell(self, number: int, seat: int) -> None:
        till = self.tills[number]
        cart = till.selling.open_cart().cart.id
        try:
            view = till.selling.add_seats(cart, PERFORMANCE, [self.seats[seat]])
            till.selling.complete(cart, PaymentPlan(view.due).exact_cash(), "OP")
        except (SaleError, DomainError):  # taken, sold, not leased offline...: said, not sold
            till.selling.abandon(cart)

    @rule(number=st.integers(0, 1))
    def cut(self, number: int) -> None:
        self.proxies[number].mode = "refuse"

    @rule(number=st.integers(0, 1))
    def heal(self, number: int) -> None:
        self.proxies[number].mode = "pass"

    @rule(number=st.integers(0, 1))
    def upload(self, number: int) -> None:
        self.tills[number].syncing.upload(seconds=5)

    @rule(number=st.integers(0, 1))
    def lose_the_answer(self, number: int) -> None:
        proxy = self.proxies[number]
        if proxy.mode != "pass":
            return
        proxy.mode = "drop_answer"
        try:
            self.tills[number].syncing.upload(seconds=5)
        finally:
            proxy.mode = "pass"

    @rule(number=st.integers(0, 1), seat=st.integers(0, SEATS - 1))
    def lease(self, number: int, seat: int) -> None:
        till = self.tills[number]
        link = till.syncing.link()
        assert link is not None
        with self.server.client(link.token) as http:
            http.post(
                "/v1/leases",
                headers={"Idempotency-Key": str(uuid.uuid4())},
                json={
                    "performance_id": PERFORMANCE,
                    "seats": [self.seats[seat]],
                    "sell_until": (self.server.clock.now() + timedelta(hours=4)).isoformat(),
                },
            )  # refused when the seat is not free in the central pool: fine
        direct = replace(link, server_url=self.server.base_url)
        with client_for(direct) as client:  # the till learns of it, as its feed would
            CatalogFeed(till.services.uow_factory, till.clock, "G1").pull_once(client)

    # --- what must always hold ----------------------------------------------------------------

    @invariant()
    def no_seat_sold_twice(self) -> None:
        if not hasattr(self, "seats"):
            return
        with self.server.engine.connect() as conn:
            sales = dict(
                conn.execute(
                    select(t.sold_seat.c.seat_id, func.count(func.distinct(t.sold_seat.c.sale_id)))
                    .where(
                        t.sold_seat.c.performance_id == PERFORMANCE,
                        t.sold_seat.c.seat_id.in_(self.seats),
                    )
                    .group_by(t.sold_seat.c.seat_id)
                ).all()
            )
        assert all(count <= 1 for count in sales.values()), sales
        sold_by: dict[str, int] = {}
        for number, till in enumerate(self.tills):
            with till.services.uow_factory(read_only=True) as uow:
                owners = uow.seat_states.owners(PERFORMANCE, till.clock.now())
            for seat in self.seats:
                owner = owners.get(seat, "")
                if owner and not owner.startswith(("cart:", "server", "demo")):
                    assert seat not in sold_by, f"{seat} sold by till {sold_by[seat]} and {number}"
                    sold_by[seat] = number

    @invariant()
    def the_sync_invariants(self) -> None:
        """I1–I7 on this performance, with the network as it is: what the tills marked
        acknowledged is on the server once, chains verify, counts add up."""
        if hasattr(self, "seats"):
            check_invariants(
                self.server.engine, self.tills, synced=False, performances=[PERFORMANCE]
            )

    def teardown(self) -> None:
        if not hasattr(self, "seats"):
            return
        for proxy in self.proxies:
            proxy.mode = "pass"
        for till in self.tills:
            report = till.syncing.upload()
            assert report.error == "", report.error
            link = till.syncing.link()
            assert link is not None
            with till.services.uow_factory(read_only=True) as uow:
                mine = [message for _seq, message, _kind in uow.sales.outbox("G1")]
            assert stored_events(self.server, link.device_id) == mine  # once each
            assert set(incidents(self.server, link.device_id)) <= {"sale_outside_lease"}
            assert verify_journal(till.services.uow_factory, "G1").ok
        check_invariants(self.server.engine, self.tills)  # all of them, the whole server


@pytest.mark.timeout(300)
def test_two_tills_never_sell_one_seat_twice_whatever_the_network_does(
    server: RunningServer, tmp_path_factory: pytest.TempPathFactory
) -> None:
    template = tmp_path_factory.mktemp("state-machine-template")
    open_till(load_station(template, demo=True), FixedClock())
    TwoTills.server = server
    TwoTills.template = template
    TwoTills.setup_tills(tmp_path_factory.mktemp("two-tills"))
    try:
        run_state_machine_as_test(
            TwoTills,
            settings=settings(
                max_examples=40,
                stateful_step_count=12,
                deadline=None,
                suppress_health_check=[HealthCheck.too_slow],
            ),
        )
    finally:
        for proxy in TwoTills.proxies:
            proxy.close()
