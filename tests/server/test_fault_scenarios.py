"""Coverage map of the sync's tests (issue 10, notes/sync.md §4 and §10), and the tests the map
found missing.

Invariants I1–I7: `tests.server.invariants.check_invariants`, run after every test that uses
demo tills (test_till_upload, test_till_online, test_till_feed and this module: conftest's
``_invariants_after_the_test``, once each till uploaded what it has), after every step of
test_till_state_machine (narrowed to its performance) and at its end (whole server), and at
the end of test_till_server_killed. I7 has no closings to check yet (issue 11): it checks that
the server's stored sales of each till equal the till's journal sale records, sale for sale
and in total. `test_the_checker_sees_*` below
breaks each invariant on purpose (in a transaction rolled back) and sees the checker fail.

The 18 fault scenarios of §10 (server on loopback over TLS, PostgreSQL, fault proxy):

 1. response lost after commit → duplicate: test_till_upload::test_an_answer_lost_after_the_
    server_stored_the_batch_is_resent_and_stored_once, test_sales_go_up_once_even_when_the_
    answer_was_lost; test_events::test_a_batch_is_stored_once_and_a_resend_is_duplicate;
    test_till_state_machine (rule lose_the_answer).
 2. request torn mid-body: test_till_upload::test_a_request_torn_on_the_way_stores_nothing_
    and_the_resend_is_taken; test_events::test_a_request_torn_mid_body_stores_nothing.
 3. server killed during ingest: test_till_server_killed (SIGKILL mid-upload, a real server
    process). Killed after commit before answering: covered as 1 (the till sees the same: no
    answer; the server has it).
 4. till killed between local commit and send, between send and ack: `test_a_till_killed_
    before_it_sent_or_before_it_stored_the_ack_loses_and_doubles_nothing` below (a real till
    process, SIGKILL); inside the local transaction (no sale, no seq burned): tests/services/
    test_sale_crash.py and tests/persistence (the sale's one transaction, rolled back whole).
 5. stalled connection → deadline fires: `test_a_stalled_server_costs_an_upload_its_deadline_
    and_nothing_else` (the answer never comes: fault proxy mode "stall") and `test_a_silent_
    link_costs_the_counter_one_connect_timeout_and_the_upload_its_deadline` (not even TLS:
    "silent"; the sale path answers within the counter's connect timeout) below.
 6. partition for hours and > 24 h: test_till_online::test_after_a_partition_of_more_than_a_
    day_the_till_sold_its_lease_and_catches_up; test_till_state_machine (cut/heal).
 7. overlapping allotments concurrently: test_inventory::test_concurrent_overlapping_leases_
    never_grant_a_seat_twice.
 8. lease revoked offline, seat sold: test_till_online::test_a_lease_revoked_while_the_till_is_
    offline_its_sales_are_kept_and_flagged; test_inventory::test_a_revoked_lease_quarantines_
    its_seats_and_a_later_offline_sale_is_an_incident.
 9. sell_until passes offline, clock moved back: test_till_online::test_a_lease_stops_selling_
    at_its_time_and_a_clock_moved_back_does_not_reopen_it.
10. dropped batch → ack withheld past the gap: test_events::test_a_gap_waits_and_the_ack_stays_
    at_the_last_contiguous_seq; the till's side: `test_a_batch_the_server_never_got_is_sent_
    again_and_what_waited_behind_it_goes_through` below.
11. same seq, modified payload → hash_mismatch: test_events::test_the_same_seq_with_other_
    content_is_a_hash_mismatch_and_the_first_is_kept.
12. catalog changes and deletes; expired cursor → 410 → snapshot: test_feed::test_a_deleted_
    entity_is_a_tombstone, test_a_cursor_older_than_retention_gets_410_and_a_snapshot_starts_
    again; test_till_feed::test_a_catalog_change_and_a_tombstone_arrive, test_a_cursor_older_
    than_retention_leads_to_a_snapshot.
13. two catalog transactions committing out of seq order: test_feed::test_changes_appear_in_
    commit_order_even_when_seqs_are_taken_out_of_order.
14. rotation answer lost → old token within grace; revoked → stop, outbox kept:
    test_devices::test_a_rotation_whose_answer_was_lost_gives_the_same_token, test_an_old_
    token_ends_after_the_grace_period; test_till_upload::test_a_revoked_till_stops_uploading_
    and_keeps_its_outbox, test_a_rotated_token_is_stored_and_the_old_one_stops_once_the_new_
    one_is_used.
15. wrong CA, expired certificate, hostname mismatch: test_tls (another CA, system store,
    hostname); test_till_upload::test_enrollment_trusts_only_the_ca_given; the till's client
    against an expired certificate and one for another name: `test_the_till_refuses_*` below.
16. poison event → stored, incident, queue moves: `test_a_sale_the_server_cannot_place_is_
    kept_as_an_incident_and_the_queue_moves_on` and `test_a_sale_of_two_tariffs_in_one_
    standing_zone_goes_up_and_counts_once` (it stopped the queue: fixed) below;
    test_events::test_a_broken_chain_is_stored_and_raised, test_an_offline_sale_of_a_sold_
    seat_is_kept_as_an_incident. (What is
    not an event at all is ``malformed``: test_events::test_malformed_events_are_refused_alone_
    and_nothing_of_them_is_stored.)
17. second app instance on the same till database → single-writer lock: tests/services/
    test_writer_lock.py (another process holds the lock: the station refuses to start, says
    why, writes nothing; the lock goes with its process).
18. clock skew of hours → both times stored, flagged: test_events::test_a_device_clock_hours_
    off_is_flagged; both times: `test_a_skewed_clock_keeps_both_times` below.

Bad input: malformed, oversized — test_events::test_bad_bodies_get_clear_statuses,
test_malformed_events_are_refused_alone...; replayed — test_events::test_a_batch_is_stored_
once... (duplicate) and `test_a_replayed_batch_changes_nothing` below; another till's seq —
test_events::test_another_tills_event_is_not_taken_as_this_tills; stolen token —
`test_a_stolen_token_cannot_rewrite_what_its_till_sent_and_dies_with_a_revocation` below;
revoked token — test_devices::test_a_revoked_till_gets_401_and_is_told_why.

Endpoints × status codes of §4 (200 is every endpoint's happy path in the same files):

- POST /devices/enroll: 401 enrollment_code_invalid, 422 malformed, 422 protocol_version_
  unsupported — test_devices::test_an_enrollment_code_gives_a_token_once,
  test_another_protocol_version_is_refused.
- POST /devices/token/rotate: 200 same token on replay, 401 after grace — test_devices.
- GET /sync/snapshot: 304 on ETag — test_feed::test_a_snapshot_holds_the_catalog...; 401
  unauthorized / device_revoked — test_devices.
- GET /sync/changes: 410 cursor_expired, 422 malformed (cursor, limit) — test_feed::test_a_
  cursor_older_than_retention...
- POST /sync/events: per-event stored/duplicate/hash_mismatch/malformed/waiting — test_events;
  401 — test_devices; 413 payload_too_large (events, bytes), 422 malformed — test_events::
  test_bad_bodies_get_clear_statuses.
- Every endpoint: 503 overloaded + Retry-After when no database connection is free in time
  (server/overload.py) — `test_an_overloaded_server_says_503_retry_after_and_the_till_loses_
  nothing` below (the till waits at least Retry-After, then uploads, nothing lost).
- POST /leases: 409 seats_unavailable, 422 idempotency_key_reused, 422 not_sellable —
  test_inventory::test_a_leased_seat_leaves_the_central_pool_until_returned, test_a_lease_is_
  idempotent_and_refuses_a_past_sell_until.
- POST /leases/{id}/return: 409 events_not_ingested, 409 lease_not_active, 404 not_found,
  200 replay — test_inventory::test_a_leased_seat_leaves_the_central_pool_until_returned,
  test_a_silent_tills_lease_goes_back_after_its_grace...
- POST /holds, DELETE /holds/{token}: 409 seats_unavailable, 422 malformed, 404 not_found,
  409 conflict + Retry-After (lock timeout) — test_inventory::test_a_hold_keeps_seats...,
  test_a_hold_needs_a_key_and_a_place, test_a_seat_locked_too_long_gives_409_with_retry_after,
  test_the_same_key_sent_twice_at_once_makes_one_hold.
- POST /sales: 409 seats_unavailable, 422 idempotency_key_reused, 422 not_sellable, 404
  not_found — test_inventory::test_an_online_sale_is_priced_by_the_rules_and_sold_once,
  test_the_rules_refuse_what_the_channel_may_not_sell, test_the_same_sale_sent_twice_at_once_
  is_sold_once.
- 429: the server never answers it (no per-till rate limit: a box office is human-paced);
  the till's client treats 429 like 503, a `RetryLater` with Retry-After (sync/client.py).
"""

from __future__ import annotations

import copy
import json
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import Connection, select, text, update

from app.services.selling import SeatsUnavailable
from app.services.server_inventory import COUNTER_TIMEOUT
from domain.orders import PaymentPlan
from server import devices
from server import tables as t
from server.api import create_app
from server.database import make_engine, write
from sync.client import ServerClient, Unreachable
from sync.sender import Backoff, build_batch

from .conftest import RunningServer, ServerThread, Till, free_port, sellable_seats
from .fault_proxy import FaultProxy
from .helpers import error, ok
from .invariants import InvariantBroken, check_invariants
from .test_events import _incidents, _results
from .test_till_online import _till
from .test_till_upload import DemoTill, demo_till, lease_to, point_at, stored_events, template

__all__ = ["demo_till", "template"]  # the demo till fixtures, from test_till_upload

PERF = "P-MIS-4"


# --- the invariant checker fails when an invariant is broken --------------------------------


def _last_event(conn: Connection, device_id: str) -> Any:
    e = t.device_event.c
    return conn.execute(
        select(t.device_event).where(e.device_id == device_id).order_by(e.device_seq.desc())
    ).first()


def _break_i1(conn: Connection, device_id: str) -> None:
    """A free seat sold by two of the till's sales at once (the unique index dropped)."""
    conn.execute(text("DROP INDEX uq_sold_seat_live"))
    inv = t.seat_inventory.c
    seat = conn.execute(
        select(inv.seat_id).where(inv.performance_id == "P-MIS-1", inv.state == "free")
    ).scalar()
    sales = list(conn.execute(select(t.sale.c.id).where(t.sale.c.device_id == device_id)).scalars())
    for sale in sales:
        conn.execute(
            t.sold_seat.insert().values(
                sale_id=sale, performance_id="P-MIS-1", seat_id=seat, live=True
            )
        )
    conn.execute(
        update(t.seat_inventory)
        .where(inv.performance_id == "P-MIS-1", inv.seat_id == seat)
        .values(state="sold", sale_id=sales[0])
    )


def _break_i2(conn: Connection, device_id: str) -> None:
    """The till's last event lost on the server."""
    last = _last_event(conn, device_id)
    conn.execute(t.device_event.delete().where(t.device_event.c.event_id == last.event_id))


def _break_i3(conn: Connection, device_id: str) -> None:
    """The server says it has one more than it has."""
    conn.execute(
        update(t.device)
        .where(t.device.c.id == device_id)
        .values(acked_seq=t.device.c.acked_seq + 1)
    )


def _break_i4(conn: Connection, device_id: str) -> None:
    """A GA quota leased past its size (its CHECK dropped for it)."""
    conn.execute(text("ALTER TABLE ga_quota DROP CONSTRAINT ck_ga_quota_capacity"))
    conn.execute(update(t.ga_quota).where(t.ga_quota.c.zone_id == "GRADINS").values(leased=1000))


def _break_i5(conn: Connection, device_id: str) -> None:
    """An entry of the till's chain changed on the server."""
    j = t.journal_entry.c
    conn.execute(
        update(t.journal_entry)
        .where(j.device_id == device_id, j.seq == 1)
        .values(record='{"at":"2026-01-01T00:00:00+00:00","type":"forged"}')
    )


def _break_i6(conn: Connection, device_id: str) -> None:
    """A seat gone from its performance's pool."""
    inv = t.seat_inventory.c
    conn.execute(
        t.seat_inventory.delete().where(
            inv.performance_id == "P-MIS-1",
            inv.seat_id
            == select(inv.seat_id)
            .where(inv.performance_id == "P-MIS-1", inv.state == "free")
            .limit(1)
            .scalar_subquery(),
        )
    )


def _break_i7(conn: Connection, device_id: str) -> None:
    """A stored sale's total one cent off the till's journal."""
    sale = conn.execute(select(t.sale.c.id).where(t.sale.c.device_id == device_id)).first()
    assert sale is not None
    conn.execute(
        update(t.sale).where(t.sale.c.id == sale.id).values(total_minor=t.sale.c.total_minor + 1)
    )


BREAKS: dict[str, Callable[[Connection, str], None]] = {
    "I1": _break_i1,
    "I2": _break_i2,
    "I3": _break_i3,
    "I4": _break_i4,
    "I5": _break_i5,
    "I6": _break_i6,
    "I7": _break_i7,
}


@pytest.fixture
def synced_till(server: RunningServer, demo_till: DemoTill) -> DemoTill:
    demo_till.enroll(server)
    demo_till.sell()
    demo_till.sell(3)
    assert demo_till.syncing.upload().error == ""
    return demo_till


def test_the_checker_passes_on_a_till_that_uploaded(
    server: RunningServer, synced_till: DemoTill
) -> None:
    check_invariants(server.engine, [synced_till])


@pytest.mark.parametrize("broken", sorted(BREAKS))
def test_the_checker_sees_each_invariant_broken(
    server: RunningServer, synced_till: DemoTill, broken: str
) -> None:
    link = synced_till.syncing.link()
    assert link is not None
    with server.engine.connect() as conn:
        transaction = conn.begin()
        try:
            BREAKS[broken](conn, link.device_id)
            with pytest.raises(InvariantBroken, match=rf"(?m)^{broken} "):
                check_invariants(conn, [synced_till])
        finally:
            transaction.rollback()  # nothing of it stays for the other tests


# --- 4: the till killed between its commit and the send, and between the send and the ack --


@pytest.mark.timeout(120)
@pytest.mark.parametrize("step", ["inside_commit", "after_commit", "after_send"])
def test_a_till_killed_before_it_sent_or_before_it_stored_the_ack_loses_and_doubles_nothing(
    server: RunningServer, demo_till: DemoTill, tmp_path: Path, step: str
) -> None:
    """A real till process (tests/server/crash_till.py) on this till's database sells twice
    and is killed (SIGKILL) inside its first sale's transaction, right after its commits, or
    once the server stored its batch but before it marked it acknowledged. Started again,
    the till sends what it has not marked sent; the server has every sale exactly once (the
    resent ones are duplicates); a sale killed inside its transaction never was, and burned
    no number: the next one is seq 1."""
    demo_till.enroll(server)
    link = demo_till.syncing.link()
    assert link is not None
    done = subprocess.run(
        [sys.executable, "-m", "tests.server.crash_till", str(tmp_path / "till"), step],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr[-2000:]  # killed, not ended
    sales = json.loads(done.stdout.splitlines()[-1])
    on_server = stored_events(server, link.device_id)
    assert on_server == ([] if step == "after_commit" else sales)
    if step == "inside_commit":
        assert demo_till.syncing.status().queued == 0  # no sale, no outbox row
        sales = [demo_till.sell()]
        with demo_till.services.uow_factory(read_only=True) as uow:
            assert [seq for seq, _, _ in uow.sales.outbox("G1")] == [1]
    assert demo_till.syncing.status().queued == len(sales)  # the restarted till: to send
    report = demo_till.syncing.upload()
    assert report.error == "" and report.acked_through_seq == len(sales)
    assert stored_events(server, link.device_id) == sales
    # (and the invariants, after the test: conftest's check over the server and this till)


# --- 5: a stalled connection ------------------------------------------------------------------


def test_a_stalled_server_costs_an_upload_its_deadline_and_nothing_else(
    server: RunningServer, demo_till: DemoTill
) -> None:
    """The proxy takes the request and never answers: the upload gives up at its deadline
    (not at the client's 30 s read timeout), says why, and the sale stays queued."""
    proxy = FaultProxy(server.port)
    try:
        demo_till.enroll(server)
        point_at(demo_till, f"https://localhost:{proxy.port}")
        sale = demo_till.sell()
        proxy.mode = "stall"
        started = time.monotonic()
        report = demo_till.syncing.upload(seconds=1.5)
        took = time.monotonic() - started
        assert took < 5, took
        assert "did not answer in time" in report.error
        assert demo_till.syncing.status().queued == 1
        proxy.mode = "pass"
        assert demo_till.syncing.upload().acked_through_seq == 1
        link = demo_till.syncing.link()
        assert link is not None and stored_events(server, link.device_id) == [sale]
    finally:
        proxy.close()


def test_a_silent_link_costs_the_counter_one_connect_timeout_and_the_upload_its_deadline(
    server: RunningServer, template: Path, tmp_path: Path
) -> None:
    """The proxy takes the connection and never says anything, not even TLS. At the counter a
    leased seat sells at once, another is refused as not leased within the counter's connect
    timeout (it took 9.6 s when the client let httpx retry the timed-out handshake three
    times); the upload ends by its deadline; once the link is back everything goes up."""
    till = _till(template, tmp_path / "till", server, f"S-{uuid.uuid4().hex[:6]}")
    leased, other = sellable_seats(server, "P-CAR-2", 2)
    lease_to(server, till, [leased], 4)
    proxy = FaultProxy(server.port)
    try:
        point_at(till, f"https://localhost:{proxy.port}")
        proxy.mode = "silent"
        cart = till.selling.open_cart().cart.id
        started = time.monotonic()
        with pytest.raises(SeatsUnavailable, match="offline_not_leased"):
            till.selling.add_seats(cart, "P-CAR-2", [other])
        assert time.monotonic() - started < COUNTER_TIMEOUT.connect + 2  # type: ignore[operator]
        view = till.selling.add_seats(cart, "P-CAR-2", [leased])
        till.selling.complete(cart, PaymentPlan(view.due).exact_cash(), "OP")
        started = time.monotonic()
        report = till.syncing.upload(seconds=1.5)
        assert time.monotonic() - started < 4 and "did not answer in time" in report.error
        assert till.syncing.status().queued == 1
        proxy.mode = "pass"
        point_at(till, server.base_url)
        assert till.syncing.upload().error == ""
        check_invariants(server.engine, [till])
    finally:
        proxy.close()


# --- 10: a batch the server never got -------------------------------------------------------


def test_a_batch_the_server_never_got_is_sent_again_and_what_waited_behind_it_goes_through(
    server: RunningServer, demo_till: DemoTill
) -> None:
    demo_till.enroll(server)
    sales = [demo_till.sell() for _ in range(3)]
    link = demo_till.syncing.link()
    assert link is not None
    built = build_batch(demo_till.syncing.store)
    assert built is not None
    batch, _ = built
    later = batch.model_copy(update={"events": batch.events[1:]})  # the first event was lost
    with ServerClient(server.base_url, link.ca_pem, link.token) as client:
        answer = client.post_events(later)
    assert [r.result.value for r in answer.results] == ["waiting", "waiting"]
    assert answer.acked_through_seq == 0  # withheld past the gap
    report = demo_till.syncing.upload()  # the till sends from what is not acknowledged
    assert report.error == "" and report.acked_through_seq == 3
    assert stored_events(server, link.device_id) == sales


# --- 15: certificates the till must refuse ----------------------------------------------------


@dataclass
class _Tls:
    cert: Path
    key: Path


def _certificates(folder: Path, name: str, not_after: datetime) -> tuple[str, _Tls]:
    """A CA (PEM) and a server certificate it signed for ``name``, valid until ``not_after``."""
    now = datetime.now(UTC)  # OpenSSL checks against the real time
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=30))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=20))
        .not_valid_after(not_after)
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    files = _Tls(folder / "server.pem", folder / "server.key")
    files.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    files.key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return ca.public_bytes(serialization.Encoding.PEM).decode(), files


@pytest.fixture
def serve_with() -> Iterator[Callable[[RunningServer, _Tls], int]]:
    threads: list[ServerThread] = []

    def start(server: RunningServer, tls: _Tls) -> int:
        port = free_port()
        thread = ServerThread(create_app(server.engine, server.clock, ""), port, tls)  # type: ignore[arg-type]
        thread.start()
        threads.append(thread)
        return port

    yield start
    for thread in threads:
        thread.stop()


@pytest.mark.parametrize(
    ("name", "days", "why"),
    [
        ("localhost", -1, "certificate has expired"),
        ("guichet.example.org", 10, "Hostname mismatch"),
    ],
    ids=["expired", "hostname-mismatch"],
)
def test_the_till_refuses_a_certificate_expired_or_for_another_name(
    server: RunningServer,
    till: Till,
    tmp_path: Path,
    serve_with: Callable[[RunningServer, _Tls], int],
    name: str,
    days: int,
    why: str,
) -> None:
    ca_pem, tls = _certificates(tmp_path, name, datetime.now(UTC) + timedelta(days=days))
    port = serve_with(server, tls)
    with (
        ServerClient(f"https://localhost:{port}", ca_pem, till.token) as client,
        pytest.raises(Unreachable, match=f"not trusted.*{why}"),
    ):
        client.changes(server.head(), limit=1)
    with server.engine.connect() as conn:  # nothing reached the server: no event, no change
        assert conn.scalar(select(t.device.c.acked_seq).where(t.device.c.id == till.device_id)) == 0


# --- 16: a poison event -------------------------------------------------------------------------


def test_a_sale_the_server_cannot_place_is_kept_as_an_incident_and_the_queue_moves_on(
    server: RunningServer, till: Till
) -> None:
    poison = till.sale_event("P-NO-SUCH-PERFORMANCE", ["A-1"])
    behind = till.leased_sale(PERF)
    body = ok(till.upload([poison, behind]))
    assert _results(body) == ["stored", "stored"]
    assert body["acked_through_seq"] == 2  # not stuck on the first
    assert [r["incident"] for r in body["results"]] == [True, False]
    assert _incidents(server, till.device_id) == ["unknown_performance"]
    with server.engine.connect() as conn:
        states = dict(
            conn.execute(
                select(t.device_event.c.device_seq, t.device_event.c.process_state).where(
                    t.device_event.c.device_id == till.device_id
                )
            ).all()
        )
    assert states == {1: "incident", 2: "processed"}
    check_invariants(server.engine)


def test_a_sale_of_two_tariffs_in_one_standing_zone_goes_up_and_counts_once(
    server: RunningServer, till: Till
) -> None:
    """Two lines of one zone (full price and reduced): the server stored one row per line
    under a key of one per zone, failed on its own unique key, answered 409 'busy, retry'
    and the till's queue stopped there for good (found by the till-killed test: a cart
    left open by the killed till got a second line of the same zone)."""
    line = {
        "label": "Fosse",
        "performance": "P-NEU-1",
        "seat": "FOSSE",
        "category": "FOSSE",
        "tariff": "FULL",
        "quantity": 2,
        "unit_price": {"minor": 4500, "currency": "EUR"},
        "vat_rate_bp": 550,
        "amount": {"minor": 9000, "currency": "EUR"},
    }
    reduced = {
        **line,
        "tariff": "REDUCED",
        "quantity": 1,
        "unit_price": {"minor": 3000, "currency": "EUR"},
        "amount": {"minor": 3000, "currency": "EUR"},
    }
    q = t.ga_quota.c
    where = (q.performance_id == "P-NEU-1", q.zone_id == "FOSSE")
    with server.engine.connect() as conn:
        before = conn.scalar(select(q.sold).where(*where))
    event = till.outbox_event(till.sale_record([line, reduced]))
    body = ok(till.upload([event]))
    assert _results(body) == ["stored"] and body["acked_through_seq"] == 1
    with server.engine.connect() as conn:
        rows = conn.execute(
            select(t.sold_places.c.zone_id, t.sold_places.c.count, t.sold_places.c.live).where(
                t.sold_places.c.sale_id == event["event_id"]
            )
        ).all()
        after = conn.scalar(select(q.sold).where(*where))
    assert [tuple(r) for r in rows] == [("FOSSE", 3, True)]
    assert after == before + 3
    check_invariants(server.engine)


# --- 18: a device clock hours off -----------------------------------------------------------


def test_a_skewed_clock_keeps_both_times(server: RunningServer, till: Till) -> None:
    event = till.leased_sale(PERF)
    device_time = server.clock.now() - timedelta(hours=7)
    event["device_time"] = device_time.isoformat()
    assert _results(ok(till.upload([event]))) == ["stored"]
    with server.engine.connect() as conn:
        row = conn.execute(
            select(t.device_event.c.device_time, t.device_event.c.received_at).where(
                t.device_event.c.event_id == event["event_id"]
            )
        ).one()
    assert (row.device_time, row.received_at) == (device_time, server.clock.now())
    assert _incidents(server, till.device_id) == ["clock_skew"]


# --- bad input: replayed, stolen token --------------------------------------------------------


def test_a_replayed_batch_changes_nothing(server: RunningServer, till: Till) -> None:
    events = [till.leased_sale(PERF) for _ in range(2)]
    ok(till.upload(events))
    with server.engine.connect() as conn:
        before = conn.execute(select(t.seat_inventory).order_by(t.seat_inventory.c.seat_id)).all()
    for _ in range(3):  # later, again and again (a replay is not an error: the same answer)
        body = ok(till.upload(copy.deepcopy(events)))
        assert _results(body) == ["duplicate", "duplicate"] and body["acked_through_seq"] == 2
    with server.engine.connect() as conn:
        after = conn.execute(select(t.seat_inventory).order_by(t.seat_inventory.c.seat_id)).all()
    assert after == before
    assert _incidents(server, till.device_id) == []
    check_invariants(server.engine)


def test_a_stolen_token_cannot_rewrite_what_its_till_sent_and_dies_with_a_revocation(
    server: RunningServer, till: Till
) -> None:
    """Whoever holds a till's token speaks as that till: the server cannot tell. What it sent
    stays as sent (the thief's seq 1 is a hash mismatch, the first version kept, raised), and
    revoking the till ends the token for everyone."""
    event = till.leased_sale(PERF)
    ok(till.upload([event]))
    forged = copy.deepcopy(event)
    forged["record"]["total"] = {"minor": 0, "currency": "EUR"}
    with httpx.Client(
        base_url=server.base_url,
        verify=server.context(),
        headers={"Authorization": f"Device {till.token}"},
    ) as thief:
        body = ok(thief.post("/v1/sync/events", json={"events": [forged]}))
        assert _results(body) == ["hash_mismatch"]
        assert "event_rewritten" in _incidents(server, till.device_id)
        with write(server.engine) as conn:
            devices.revoke_device(conn, till.name, server.clock.now())
        error(thief.post("/v1/sync/events", json={"events": [forged]}), 401, "device_revoked")
    with server.engine.connect() as conn:
        total = conn.scalar(select(t.sale.c.total_minor).where(t.sale.c.id == event["event_id"]))
    assert total == event["record"]["total"]["minor"]


# --- 429/503: an overloaded server ------------------------------------------------------------


def test_an_overloaded_server_says_503_retry_after_and_the_till_loses_nothing(
    server: RunningServer,
    demo_till: DemoTill,
    pg_url: str,
    tls_files: Any,
) -> None:
    """Every database connection of a server is taken (a reconnect storm): it answers 503
    ``overloaded`` with Retry-After at once, the till keeps its sale queued and waits at least
    that long before it tries again; once the load is gone the sale goes up, once."""
    small = make_engine(pg_url, pool_size=1)  # the production pool, one connection (+2)
    small.pool._timeout = 0.2  # type: ignore[attr-defined]  # POOL_TIMEOUT_SECONDS, shorter
    port = free_port()
    thread = ServerThread(create_app(small, server.clock, server.ca.read_text()), port, tls_files)
    thread.start()
    taken = [small.connect() for _ in range(3)]  # the pool and its overflow: all busy
    try:
        demo_till.enroll(server)
        point_at(demo_till, f"https://localhost:{port}")
        sale = demo_till.sell()
        link = demo_till.syncing.link()
        assert link is not None
        with httpx.Client(verify=server.context()) as http:
            response = http.post(
                f"https://localhost:{port}/v1/sync/events",
                json={"events": []},
                headers={"Authorization": f"Device {link.token}"},
            )
        body = error(response, 503, "overloaded")
        assert response.headers["Retry-After"] == "1" and body["error"]["details"]
        report = demo_till.syncing.upload(seconds=5)
        assert report.retry_after == 1.0 and "too busy" in report.error
        assert Backoff(first=0.01).failed(report.retry_after) >= 1.0  # the lane's next wait
        assert demo_till.syncing.status().queued == 1
        assert stored_events(server, link.device_id) == []
        for conn in taken:
            conn.close()
        taken = []
        assert demo_till.syncing.upload().acked_through_seq == 1
        assert stored_events(server, link.device_id) == [sale]
    finally:
        for conn in taken:
            conn.close()
        thread.stop()
        small.dispose()
