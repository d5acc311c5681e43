"""A Hypothesis state machine over the real server (PostgreSQL, HTTPS): two tills sell online
and offline, lease and return seats, upload with dropped events and lost answers, while the
office revokes leases. After every step: no seat has two live sales (I1), each till's events
are gap-free on the server up to its ack (I3); at the end, once everything is uploaded, every
event a till made is on the server exactly once (I2) and its chain verifies (I5)."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any, ClassVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import func, select

from server import tables as t
from server.database import write
from server.feed import Changes
from server.inventory import revoke_lease
from tests.server.conftest import RunningServer, enroll_till, sellable_seats

# Each example takes fresh seats; shrinking a failure takes many: several performances.
PERFORMANCES = ("P-NEU-2", "P-NUI-1", "P-MIS-2", "P-CAR-2")
SEATS = 4


class Sync(RuleBasedStateMachine):
    server: ClassVar[RunningServer]

    def __init__(self) -> None:
        super().__init__()
        self.tills = [enroll_till(self.server), enroll_till(self.server)]
        self.perf, self.seats = self._fresh_seats()
        self.outbox: list[list[dict[str, Any]]] = [[], []]  # per till, in device_seq order
        self.acked = [0, 0]  # what each till believes the server acknowledged
        self.on_server: list[set[int]] = [set(), set()]  # device_seqs the server holds
        self.server_acked = [0, 0]
        self.sold: set[str] = set()  # seats with a live sale (model)
        self.leases: dict[str, tuple[int, set[str], str]] = {}  # id -> till, seats, state
        self.leased: dict[str, str] = {}  # seat -> lease id, while leased

    def teardown(self) -> None:
        for till in self.tills:
            till.http.close()

    def _fresh_seats(self) -> tuple[str, list[str]]:
        for performance in PERFORMANCES:
            try:
                return performance, sellable_seats(self.server, performance, SEATS)
            except AssertionError:
                continue
        raise AssertionError("the demo has no free seats left for the state machine")

    def _free(self, seat: str) -> bool:
        return seat not in self.sold and seat not in self.leased

    @rule(who=st.integers(0, 1), index=st.integers(0, SEATS - 1))
    def sell_online(self, who: int, index: int) -> None:
        seat = self.seats[index]
        response = self.tills[who].http.post(
            "/v1/sales",
            json={
                "sale_id": str(uuid.uuid4()),
                "lines": [{"performance_id": self.perf, "audience": "FULL", "seat_id": seat}],
            },
        )
        assert response.status_code == (200 if self._free(seat) else 409), response.text
        if response.status_code == 200:
            self.sold.add(seat)

    @rule(who=st.integers(0, 1), picked=st.sets(st.integers(0, SEATS - 1), min_size=1, max_size=3))
    def lease(self, who: int, picked: set[int]) -> None:
        seats = [self.seats[i] for i in sorted(picked)]
        response = self.tills[who].http.post(
            "/v1/leases",
            headers={"Idempotency-Key": str(uuid.uuid4())},
            json={
                "performance_id": self.perf,
                "seats": seats,
                "sell_until": (self.server.clock.now() + timedelta(hours=2)).isoformat(),
            },
        )
        free = all(self._free(s) for s in seats)
        assert response.status_code == (200 if free else 409), response.text
        if free:
            lease_id = response.json()["lease_id"]
            self.leases[lease_id] = (who, set(seats), "active")
            self.leased.update(dict.fromkeys(seats, lease_id))

    @rule(who=st.integers(0, 1), index=st.integers(0, SEATS - 1))
    def sell_offline(self, who: int, index: int) -> None:
        """The till sells a seat it holds a lease for (believed active), or, being offline
        and wrong, any seat: the server must take it either way."""
        seat = self.seats[index]
        lease_id = self.leased.get(seat)
        mine = lease_id is not None and self.leases[lease_id][0] == who
        if any(seat == e["record"]["lines"][0]["seat"] for e in self.outbox[who]):
            return  # a till never sells the same seat twice itself
        event = self.tills[who].sale_event(self.perf, [seat], lease_id=lease_id if mine else None)
        self.outbox[who].append(event)

    @rule(who=st.integers(0, 1), drop=st.integers(-1, 3), lose_answer=st.booleans())
    def upload(self, who: int, drop: int, lose_answer: bool) -> None:
        pending = self.outbox[who][self.acked[who] :]
        if not pending:
            return
        sent = [e for i, e in enumerate(pending) if i != drop]
        response = self.tills[who].upload(sent)
        assert response.status_code == 200, response.text
        body = response.json()
        outcomes = {r["device_seq"]: r["result"] for r in body["results"]}
        assert set(outcomes.values()) <= {"stored", "duplicate", "waiting"}, outcomes
        self.on_server[who] |= {e["device_seq"] for e in sent}
        expected = 0
        while expected + 1 in self.on_server[who]:
            expected += 1
        assert body["acked_through_seq"] == expected
        self.server_acked[who] = expected
        if not lose_answer:
            self.acked[who] = body["acked_through_seq"]
        # What the server now has decides the seats: the model follows it.
        for event in self.outbox[who][: body["acked_through_seq"]]:
            self.sold.add(event["record"]["lines"][0]["seat"])

    @precondition(lambda self: any(state == "active" for _, _, state in self.leases.values()))
    @rule(data=st.data())
    def office_revokes(self, data: st.DataObject) -> None:
        active = sorted(k for k, (_, _, state) in self.leases.items() if state == "active")
        lease_id = data.draw(st.sampled_from(active))
        with write(self.server.engine) as conn:
            changes = Changes()
            revoke_lease(conn, changes, lease_id, self.server.clock.now())
            changes.flush(conn, self.server.clock.now())
        who, seats, _ = self.leases[lease_id]
        self.leases[lease_id] = (who, seats, "revoking")

    @precondition(lambda self: bool(self.leases))
    @rule(data=st.data())
    def till_returns(self, data: st.DataObject) -> None:
        open_ = sorted(k for k, (_, _, s) in self.leases.items() if s != "returned")
        if not open_:
            return
        lease_id = data.draw(st.sampled_from(open_))
        who, seats, _ = self.leases[lease_id]
        through = len(self.outbox[who])
        response = self.tills[who].http.post(
            f"/v1/leases/{lease_id}/return", json={"through_seq": through}
        )
        if self.server_acked[who] < through:
            assert response.status_code == 409, response.text
            assert response.json()["error"]["code"] == "events_not_ingested"
            return
        assert response.status_code == 200, response.text
        self.leases[lease_id] = (who, seats, "returned")
        for seat in seats:
            self.leased.pop(seat, None)

    @invariant()
    def no_seat_has_two_live_sales(self) -> None:
        with self.server.engine.connect() as conn:
            doubles = conn.scalar(
                select(func.count()).select_from(
                    select(t.sold_seat.c.seat_id)
                    .where(
                        t.sold_seat.c.performance_id == self.perf,
                        t.sold_seat.c.seat_id.in_(self.seats),
                        t.sold_seat.c.live,
                    )
                    .group_by(t.sold_seat.c.seat_id)
                    .having(func.count() > 1)
                    .subquery()
                )
            )
        assert doubles == 0

    @invariant()
    def events_are_gap_free_up_to_the_ack(self) -> None:
        with self.server.engine.connect() as conn:
            for till in self.tills:
                acked = conn.scalar(
                    select(t.device.c.acked_seq).where(t.device.c.id == till.device_id)
                )
                seqs = set(
                    conn.execute(
                        select(t.device_event.c.device_seq).where(
                            t.device_event.c.device_id == till.device_id
                        )
                    ).scalars()
                )
                assert set(range(1, acked + 1)) <= seqs

    def check_at_the_end(self) -> None:
        """Everything uploaded: each event once, chains verified to the end."""
        for who, till in enumerate(self.tills):
            if self.outbox[who]:
                body = till.upload(self.outbox[who]).json()
                assert body["acked_through_seq"] == len(self.outbox[who])
                assert body["journal_verified_through"] == len(self.outbox[who])
            with self.server.engine.connect() as conn:
                stored = (
                    conn.execute(
                        select(t.device_event.c.event_id).where(
                            t.device_event.c.device_id == till.device_id
                        )
                    )
                    .scalars()
                    .all()
                )
            assert sorted(stored) == sorted(e["event_id"] for e in self.outbox[who])


def test_the_sync_state_machine(running: RunningServer) -> None:
    Sync.server = running

    class Checked(Sync):
        def teardown(self) -> None:
            try:
                self.check_at_the_end()
            finally:
                super().teardown()

    run_state_machine_as_test(
        Checked,
        settings=settings(
            max_examples=20,
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
