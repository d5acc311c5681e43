"""Online holds and sales, leases to tills, and the races between them."""

from __future__ import annotations

import json
import threading
import uuid
from collections import Counter
from datetime import timedelta
from typing import Any

import httpx
from sqlalchemy import func, select

from server import tables as t
from tests.server.conftest import RunningServer, Till, enroll_till, sellable_seats
from tests.server.helpers import error, ok

PERF = "P-MIS-4"
CONCERT = "P-NEU-2"  # the concert hall: its standing Fosse holds 800


def _key() -> dict[str, str]:
    return {"Idempotency-Key": str(uuid.uuid4())}


def _hold(till: Till, body: dict[str, Any], key: dict[str, str] | None = None) -> httpx.Response:
    return till.http.post("/v1/holds", json=body, headers=key or _key())


def _sale(till: Till, lines: list[dict[str, Any]], **extra: Any) -> httpx.Response:
    body = {"sale_id": str(uuid.uuid4()), "lines": lines, **extra}
    return till.http.post("/v1/sales", json=body)


def _seat_line(seat: str, performance: str = PERF, audience: str = "FULL") -> dict[str, Any]:
    return {"performance_id": performance, "audience": audience, "seat_id": seat}


def _state(server: RunningServer, seat: str, performance: str = PERF) -> tuple[str, str | None]:
    with server.engine.connect() as conn:
        row = conn.execute(
            select(t.seat_inventory.c.state, t.seat_inventory.c.lease_id).where(
                t.seat_inventory.c.performance_id == performance,
                t.seat_inventory.c.seat_id == seat,
            )
        ).one()
    return row.state, row.lease_id


def _quota(server: RunningServer, performance: str = CONCERT, zone: str = "FOSSE") -> Any:
    with server.engine.connect() as conn:
        return conn.execute(
            select(t.ga_quota).where(
                t.ga_quota.c.performance_id == performance, t.ga_quota.c.zone_id == zone
            )
        ).one()


def test_a_hold_keeps_seats_from_other_tills_until_released(
    server: RunningServer, till: Till, other_till: Till
) -> None:
    seats = sellable_seats(server, PERF, 2)
    key = _key()
    hold = ok(_hold(till, {"performance_id": PERF, "seats": seats}, key))
    assert hold["expires_at"] == "2026-03-10T09:15:00Z"  # 15 minutes of the server's clock
    assert ok(_hold(till, {"performance_id": PERF, "seats": seats}, key)) == hold  # replay
    error(
        _hold(till, {"performance_id": PERF, "seats": seats[:1]}, key),
        422,
        "idempotency_key_reused",
    )
    taken = error(
        _hold(other_till, {"performance_id": PERF, "seats": seats}), 409, "seats_unavailable"
    )
    assert taken["error"]["details"]["refusals"] == dict.fromkeys(seats, "held")
    error(_sale(other_till, [_seat_line(seats[0])]), 409, "seats_unavailable")
    assert ok(till.http.delete(f"/v1/holds/{hold['hold_token']}"))["released"] is True
    assert ok(till.http.delete(f"/v1/holds/{hold['hold_token']}"))["released"] is False
    ok(_hold(other_till, {"performance_id": PERF, "seats": seats}))


def test_a_hold_needs_a_key_and_a_place(till: Till) -> None:
    response = till.http.post("/v1/holds", json={"performance_id": PERF, "seats": ["B1-A-1"]})
    error(response, 422, "malformed")
    error(_hold(till, {"performance_id": PERF}), 422, "malformed")
    error(till.http.delete("/v1/holds/no-such-hold"), 404, "not_found")


def test_a_lapsed_hold_lets_another_till_take_the_seat(
    server: RunningServer, till: Till, other_till: Till
) -> None:
    seats = sellable_seats(server, PERF, 1)
    ok(_hold(till, {"performance_id": PERF, "seats": seats, "minutes": 5}))
    error(_hold(other_till, {"performance_id": PERF, "seats": seats}), 409, "seats_unavailable")
    server.clock.advance(timedelta(minutes=5))
    ok(_hold(other_till, {"performance_id": PERF, "seats": seats}))


def test_an_options_hold_runs_until_its_expiry_and_no_later_than_the_performance(
    server: RunningServer, till: Till, other_till: Till
) -> None:
    seats = sellable_seats(server, PERF, 1)
    hold = ok(_hold(till, {"performance_id": PERF, "seats": seats}))
    token = hold["hold_token"]
    extend = f"/v1/holds/{token}/extend"
    # The performance starts on 2026-03-19 at 20:00 in Paris: no hold runs past that.
    error(till.http.post(extend, json={"until": "2026-03-19T19:00:01Z"}), 422, "not_sellable")
    error(till.http.post(extend, json={"until": "2026-03-10T08:59:00Z"}), 422, "not_sellable")
    error(other_till.http.post(extend, json={"until": "2026-03-12T09:00:00Z"}), 404, "not_found")
    error(till.http.post(extend, json={"until": "2026-03-12"}), 422, "malformed")  # naive
    longer = ok(till.http.post(extend, json={"until": "2026-03-12T09:00:00Z"}))
    assert (longer["hold_token"], longer["expires_at"]) == (token, "2026-03-12T09:00:00Z")
    server.clock.advance(timedelta(days=1))  # far past the 15 minutes of a sale's hold
    taken = error(
        _hold(other_till, {"performance_id": PERF, "seats": seats}), 409, "seats_unavailable"
    )
    assert taken["error"]["details"]["refusals"] == dict.fromkeys(seats, "held")
    server.clock.advance(timedelta(days=1))  # past the option's expiry: the seat is free
    gone = error(till.http.post(extend, json={"until": "2026-03-13T09:00:00Z"}), 409,
                 "seats_unavailable")  # fmt: skip
    assert gone["error"]["details"] == {"hold": token, "state": "expired"}
    ok(_hold(other_till, {"performance_id": PERF, "seats": seats}))


def test_an_online_sale_is_priced_by_the_rules_and_sold_once(
    server: RunningServer, till: Till, other_till: Till
) -> None:
    seats = sellable_seats(server, PERF, 2)
    hold = ok(_hold(till, {"performance_id": PERF, "seats": seats}))
    body = {
        "sale_id": str(uuid.uuid4()),
        "lines": [_seat_line(seats[0]), _seat_line(seats[1], audience="STUDENT")],
        "hold_tokens": [hold["hold_token"]],
    }
    sale = ok(till.http.post("/v1/sales", json=body))
    prices = {line["audience"]: line["unit_price"] for line in sale["lines"]}
    assert prices["STUDENT"]["currency"] == "EUR" and isinstance(prices["STUDENT"]["minor"], int)
    assert sale["fee"] == {"minor": 200, "currency": "EUR"}  # the demo's booking fee
    assert sale["total"]["minor"] == sum(x["amount"]["minor"] for x in sale["lines"]) + 200
    again = ok(till.http.post("/v1/sales", json=body))  # the answer was lost
    assert {**again, "server_time": None} == {**sale, "server_time": None}
    changed = {**body, "lines": body["lines"][:1]}
    error(till.http.post("/v1/sales", json=changed), 422, "idempotency_key_reused")
    error(_sale(other_till, [_seat_line(seats[0])]), 409, "seats_unavailable")
    assert _state(server, seats[0]) == ("sold", None)
    with server.engine.connect() as conn:
        sold = conn.scalar(select(func.count()).where(t.sold_seat.c.sale_id == body["sale_id"]))
    assert sold == 2


def test_the_rules_refuse_what_the_channel_may_not_sell(server: RunningServer, till: Till) -> None:
    [seat] = sellable_seats(server, PERF, 1)
    refused = error(_sale(till, [_seat_line("NO-SUCH-SEAT")]), 422, "not_sellable")
    assert refused["error"]["details"]["refusals"] == {"NO-SUCH-SEAT": "unknown_seat"}
    error(_sale(till, [_seat_line(seat, audience="NOBODY")]), 422, "not_sellable")
    error(_sale(till, [_seat_line(seat, performance="P-CAR-3")]), 422, "not_sellable")  # planned
    error(_sale(till, [_seat_line(seat, performance="P-NOPE")]), 404, "not_found")
    server.clock.advance(timedelta(days=30))  # the performance is over
    closed = error(_sale(till, [_seat_line(seat)]), 422, "not_sellable")
    assert closed["error"]["details"]["refusals"] == {seat: "sales_closed"}
    assert _state(server, seat) == ("free", None)


def test_standing_places_are_counted_and_never_oversold(
    server: RunningServer, till: Till, other_till: Till
) -> None:
    before = _quota(server)
    hold = ok(
        _hold(till, {"performance_id": CONCERT, "places": [{"zone_id": "FOSSE", "count": 3}]})
    )
    assert _quota(server).held == before.held + 3
    line = {"performance_id": CONCERT, "audience": "FULL", "zone_id": "FOSSE", "quantity": 3}
    sale = ok(_sale(till, [line], hold_tokens=[hold["hold_token"]]))
    assert sale["total"]["minor"] == 3 * 4500 + 200
    after = _quota(server)
    assert (after.sold, after.held) == (before.sold + 3, before.held)
    left = after.size - after.sold - after.leased - after.held
    lease_id = till.lease(CONCERT, places=[{"zone_id": "FOSSE", "count": left - 2}])
    error(_sale(other_till, [{**line, "quantity": 3}]), 409, "seats_unavailable")
    assert _quota(server).sold == after.sold
    ok(_sale(other_till, [{**line, "quantity": 2}]))  # the last two
    ok(till.http.post(f"/v1/leases/{lease_id}/return", json={"through_seq": 0}))


def test_a_leased_seat_leaves_the_central_pool_until_returned(
    server: RunningServer, till: Till, other_till: Till
) -> None:
    seats = sellable_seats(server, PERF, 3)
    lease_id = till.lease(PERF, seats)
    assert _state(server, seats[0]) == ("free", lease_id)
    error(_sale(other_till, [_seat_line(seats[0])]), 409, "seats_unavailable")
    error(_hold(other_till, {"performance_id": PERF, "seats": seats[:1]}), 409, "seats_unavailable")
    overlapping = other_till.http.post(
        "/v1/leases",
        headers=_key(),
        json={
            "performance_id": PERF,
            "seats": seats[2:],
            "sell_until": (server.clock.now() + timedelta(hours=1)).isoformat(),
        },
    )
    error(overlapping, 409, "seats_unavailable")
    # The till sells one offline, uploads it, and returns the rest.
    event = till.sale_event(PERF, seats[:1], lease_id=lease_id)
    error(
        till.http.post(f"/v1/leases/{lease_id}/return", json={"through_seq": 1}),
        409,
        "events_not_ingested",
    )
    assert ok(till.upload([event]))["results"][0]["incident"] is False
    returned = ok(till.http.post(f"/v1/leases/{lease_id}/return", json={"through_seq": 1}))
    assert returned["released_seats"] == sorted(seats[1:])
    again = ok(till.http.post(f"/v1/leases/{lease_id}/return", json={"through_seq": 1}))
    assert again["released_seats"] == returned["released_seats"]
    error(
        till.http.post(f"/v1/leases/{lease_id}/return", json={"through_seq": 2}),
        409,
        "lease_not_active",
    )
    error(
        other_till.http.post(f"/v1/leases/{lease_id}/return", json={"through_seq": 0}),
        404,
        "not_found",
    )
    assert _state(server, seats[0]) == ("sold", lease_id)
    assert _state(server, seats[1]) == ("free", None)
    ok(_sale(other_till, [_seat_line(seats[1])]))


def test_a_lease_is_idempotent_and_refuses_a_past_sell_until(
    server: RunningServer, till: Till
) -> None:
    seats = sellable_seats(server, PERF, 1)
    body = {
        "performance_id": PERF,
        "seats": seats,
        "sell_until": (server.clock.now() + timedelta(hours=2)).isoformat(),
    }
    key = _key()
    first = ok(till.http.post("/v1/leases", json=body, headers=key))
    assert ok(till.http.post("/v1/leases", json=body, headers=key))["lease_id"] == first["lease_id"]
    other = {**body, "seats": sellable_seats(server, PERF, 1)}
    error(till.http.post("/v1/leases", json=other, headers=key), 422, "idempotency_key_reused")
    past = {**other, "sell_until": (server.clock.now() - timedelta(minutes=1)).isoformat()}
    error(till.http.post("/v1/leases", json=past, headers=_key()), 422, "not_sellable")


def test_a_revoked_lease_quarantines_its_seats_and_a_later_offline_sale_is_an_incident(
    server: RunningServer, till: Till, other_till: Till
) -> None:
    from server.database import write
    from server.feed import Changes
    from server.inventory import revoke_lease

    seats = sellable_seats(server, PERF, 2)
    lease_id = till.lease(PERF, seats)
    with write(server.engine) as conn:
        changes = Changes()
        revoke_lease(conn, changes, lease_id, server.clock.now())
        changes.flush(conn, server.clock.now())
    assert _state(server, seats[1]) == ("quarantined", lease_id)
    error(_sale(other_till, [_seat_line(seats[1])]), 409, "seats_unavailable")
    body = ok(till.upload([till.sale_event(PERF, seats[:1], lease_id=lease_id)]))
    assert body["results"][0]["result"] == "stored" and body["results"][0]["incident"]
    with server.engine.connect() as conn:
        kinds = (
            conn.execute(select(t.incident.c.kind).where(t.incident.c.device_id == till.device_id))
            .scalars()
            .all()
        )
    assert kinds == ["sale_after_revocation"]
    returned = ok(till.http.post(f"/v1/leases/{lease_id}/return", json={"through_seq": 1}))
    assert returned["released_seats"] == [seats[1]]
    assert _state(server, seats[1]) == ("free", None)


def test_standing_places_leased_are_sold_offline_within_the_count(
    server: RunningServer, till: Till
) -> None:
    before = _quota(server)
    lease_id = till.lease(CONCERT, places=[{"zone_id": "FOSSE", "count": 5}])
    assert _quota(server).leased == before.leased + 5
    event = till.sale_event(CONCERT, places=("Fosse", 4), lease_id=lease_id)
    assert ok(till.upload([event]))["results"][0]["incident"] is False
    mid = _quota(server)
    assert (mid.sold, mid.leased) == (before.sold + 4, before.leased + 1)
    over = till.sale_event(CONCERT, places=("FOSSE", 2), lease_id=lease_id)  # only 1 left
    assert ok(till.upload([over]))["results"][0]["incident"] is True  # kept all the same
    ok(till.http.post(f"/v1/leases/{lease_id}/return", json={"through_seq": 2}))
    end = _quota(server)
    assert end.leased == before.leased
    assert end.sold + end.leased + end.held <= end.size  # I4


def test_concurrent_online_sales_of_one_seat_never_both_succeed(server: RunningServer) -> None:
    tills = [enroll_till(server) for _ in range(6)]
    for round_ in range(5):
        [seat] = sellable_seats(server, PERF, 1)
        barrier = threading.Barrier(len(tills))
        statuses: list[int] = []

        def sell(till: Till, seat: str, barrier: threading.Barrier, out: list[int]) -> None:
            barrier.wait()
            out.append(_sale(till, [_seat_line(seat)]).status_code)

        threads = [threading.Thread(target=sell, args=(x, seat, barrier, statuses)) for x in tills]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert Counter(statuses) == {200: 1, 409: len(tills) - 1}, (round_, statuses)
        with server.engine.connect() as conn:
            live = conn.scalar(
                select(func.count()).where(
                    t.sold_seat.c.performance_id == PERF,
                    t.sold_seat.c.seat_id == seat,
                    t.sold_seat.c.live,
                )
            )
        assert live == 1
    for till in tills:
        till.http.close()


def test_concurrent_overlapping_leases_never_grant_a_seat_twice(server: RunningServer) -> None:
    tills = [enroll_till(server) for _ in range(4)]
    seats = sellable_seats(server, PERF, 6)
    barrier = threading.Barrier(len(tills))
    granted: list[str] = []

    def lease(index: int) -> None:
        mine = seats[index : index + 3]  # each overlaps its neighbours
        barrier.wait()
        response = tills[index].http.post(
            "/v1/leases",
            headers=_key(),
            json={
                "performance_id": PERF,
                "seats": mine,
                "sell_until": (server.clock.now() + timedelta(hours=1)).isoformat(),
            },
        )
        if response.status_code == 200:
            granted.extend(response.json()["seats"])
        else:
            assert response.status_code == 409, response.text

    threads = [threading.Thread(target=lease, args=(i,)) for i in range(len(tills))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert granted and len(granted) == len(set(granted))
    for till in tills:
        till.http.close()


def test_a_silent_tills_lease_goes_back_after_its_grace_and_a_late_sale_is_still_taken(
    server: RunningServer, till: Till, other_till: Till
) -> None:
    from server.database import write
    from server.feed import Changes
    from server.inventory import expire_leases

    seats = sellable_seats(server, PERF, 2)
    lease_id = till.lease(PERF, seats, hours=1)
    grace = timedelta(minutes=30)

    def expire() -> list[str]:
        with write(server.engine) as conn:
            changes = Changes()
            expired = expire_leases(conn, changes, server.clock.now(), grace)
            changes.flush(conn, server.clock.now())
        return expired

    server.clock.advance(timedelta(hours=1, minutes=29))
    assert lease_id not in expire()
    server.clock.advance(timedelta(minutes=1))
    assert lease_id in expire()
    assert _state(server, seats[0]) == ("free", None)
    ok(_sale(other_till, [_seat_line(seats[0])]))
    # The till was offline, sold both, and uploads now: both are stored, neither refused.
    body = ok(till.upload([till.sale_event(PERF, seats, lease_id=lease_id)]))
    assert body["results"][0]["result"] == "stored" and body["results"][0]["incident"]
    error(
        till.http.post(f"/v1/leases/{lease_id}/return", json={"through_seq": 1}),
        409,
        "lease_not_active",
    )
    with server.engine.connect() as conn:
        kinds = set(
            conn.execute(
                select(t.incident.c.kind).where(t.incident.c.device_id == till.device_id)
            ).scalars()
        )
        live = conn.scalar(
            select(func.count()).where(
                t.sold_seat.c.performance_id == PERF,
                t.sold_seat.c.seat_id == seats[0],
                t.sold_seat.c.live,
            )
        )
    assert kinds == {"sale_after_revocation", "seat_sold_twice"}
    assert live == 1


def test_a_seat_locked_too_long_gives_409_with_retry_after(
    server: RunningServer, till: Till
) -> None:
    """A row lock held past the lock timeout (3 s): the request changes nothing and says
    when to retry."""
    [seat] = sellable_seats(server, PERF, 1)
    with server.engine.begin() as blocker:
        blocker.execute(
            select(t.seat_inventory)
            .where(t.seat_inventory.c.performance_id == PERF, t.seat_inventory.c.seat_id == seat)
            .with_for_update()
        )
        response = _sale(till, [_seat_line(seat)])
    body = error(response, 409, "conflict")
    assert response.headers["Retry-After"] == "1"
    assert "nothing was changed" in body["error"]["message"]
    assert _state(server, seat) == ("free", None)
    ok(_sale(till, [_seat_line(seat)]))  # the retry goes through


def test_an_order_holds_at_most_the_channels_tickets_per_performance(
    server: RunningServer, till: Till
) -> None:
    line = {"performance_id": CONCERT, "audience": "FULL", "zone_id": "FOSSE", "quantity": 21}
    body = error(_sale(till, [line]), 422, "not_sellable")
    assert body["error"]["details"]["limit"] == 20  # the box office's maximum


def test_a_lapsed_hold_of_standing_places_gives_its_count_back(
    server: RunningServer, till: Till
) -> None:
    before = _quota(server)
    ok(
        _hold(
            till,
            {"performance_id": CONCERT, "minutes": 5, "places": [{"zone_id": "FOSSE", "count": 4}]},
        )
    )
    assert _quota(server).held == before.held + 4
    server.clock.advance(timedelta(minutes=6))
    line = {"performance_id": CONCERT, "audience": "FULL", "zone_id": "FOSSE", "quantity": 1}
    ok(_sale(till, [line]))
    after = _quota(server)
    assert (after.held, after.sold) == (before.held, before.sold + 1)


def test_the_same_key_sent_twice_at_once_makes_one_hold(server: RunningServer, till: Till) -> None:
    """Requests with one Idempotency-Key in flight together: one hold, the others its
    replays (not a refusal because the first one took the seat, not a 500)."""
    seats = sellable_seats(server, PERF, 1)
    key = _key()
    answers: list[httpx.Response] = []
    barrier = threading.Barrier(4)

    def send() -> None:
        with server.client(till.token) as http:
            barrier.wait()
            body = {"performance_id": PERF, "seats": seats}
            answers.append(http.post("/v1/holds", headers=key, json=body))

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [a.status_code for a in answers] == [200] * 4, [a.text for a in answers]
    assert len({a.json()["hold_token"] for a in answers}) == 1
    with server.engine.connect() as conn:
        holds = conn.scalar(
            select(func.count()).where(t.hold.c.idempotency_key == key["Idempotency-Key"])
        )
    assert holds == 1
    assert ok(_hold(till, {"performance_id": PERF, "seats": seats}, key))["seats"] == seats


def test_the_same_sale_sent_twice_at_once_is_sold_once(server: RunningServer, till: Till) -> None:
    seats = sellable_seats(server, PERF, 2)
    body = {"sale_id": str(uuid.uuid4()), "lines": [_seat_line(s) for s in seats]}
    answers: list[httpx.Response] = []
    barrier = threading.Barrier(3)

    def send() -> None:
        with server.client(till.token) as http:
            barrier.wait()
            answers.append(http.post("/v1/sales", json=body))

    threads = [threading.Thread(target=send) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [a.status_code for a in answers] == [200] * 3, [a.text for a in answers]
    assert len({json.dumps(a.json()["lines"]) for a in answers}) == 1


def test_a_sale_sent_again_once_the_rules_refuse_it_is_still_its_replay(
    server: RunningServer, till: Till
) -> None:
    """The sale is judged before its UUID is claimed: a refusal must still look for the
    sale made, or a till whose answer was lost would be refused its own sale."""
    seats = sellable_seats(server, PERF, 1)
    body = {"sale_id": str(uuid.uuid4()), "lines": [_seat_line(seats[0])]}
    sale = ok(till.http.post("/v1/sales", json=body))
    server.clock.moment += timedelta(days=365)  # the performance is long over
    again = ok(till.http.post("/v1/sales", json=body))
    assert {**again, "server_time": None} == {**sale, "server_time": None}
    fresh = {**body, "sale_id": str(uuid.uuid4())}
    error(till.http.post("/v1/sales", json=fresh), 422, "not_sellable")
