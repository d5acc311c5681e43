"""A group's option taken in the back office (`server.options`), through a real till against
the real server (uvicorn over TLS, PostgreSQL): placed, its seats are held in the central pool
until its expiry, not for a sale's 15 minutes; validated, it is sold from that hold and reaches
the till's feed as an order to pay at the box office, which the cashier finds by the file's or
the contact's number, pays in cash and prints; its ``pickup`` event marks it collected and paid
on the server. Cancelled, its seats are free at once; lapsed, it cannot be validated.

The invariants I1–I7 are checked after each test (`tests.server.conftest`)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from domain.money import Money
from domain.pickups import PickupState
from server import options
from server import tables as t
from server.catalog import Catalog
from server.database import write
from server.errors import ApiError
from server.feed import Changes

from .conftest import RunningServer
from .test_till_online import template, two_tills  # noqa: F401
from .test_till_options import _server_seats
from .test_till_pickups import Tills, _device, _pickups, _pull
from .test_till_upload import incidents

PERFORMANCE = "P-MIS-4"  # in 9 days


def _option(server: RunningServer, file: str, days: int = 3) -> options.GroupOption:
    now = server.clock.now()
    with write(server.engine) as conn:
        changes = Changes()
        placed = options.place_option(
            conn, changes, Catalog(), "Compagnie des Lumières", "c-0042", file, PERFORMANCE, 2,
            now + timedelta(days=days), now,
        )  # fmt: skip
        changes.flush(conn, now)
    return placed


def _step(server: RunningServer, step: str, option_id: str) -> object:
    now = server.clock.now()
    with write(server.engine) as conn:
        changes = Changes()
        if step == "validate":
            done: object = options.validate_option(conn, changes, Catalog(), option_id, now)
        else:
            done = options.cancel_option(conn, changes, option_id, now)
        changes.flush(conn, now)
    return done


def _seats(server: RunningServer, seats: tuple[str, ...]) -> list[tuple[str, datetime | None]]:
    return _server_seats(server, seats, PERFORMANCE)


def test_a_validated_option_is_found_by_its_file_number_paid_in_cash_and_printed(
    server: RunningServer,
    two_tills: Tills,  # noqa: F811
) -> None:
    a, _b = two_tills
    placed = _option(server, "grp 2026 91")
    assert (placed.state, placed.contact_number, placed.file_number) == (
        "placed", "C-0042", "GRP202691",
    )  # fmt: skip
    assert _seats(server, placed.seats) == [("held", placed.until)] * 2
    server.clock.advance(timedelta(days=1))  # held far past a sale's 15 minutes
    assert _seats(server, placed.seats) == [("held", placed.until)] * 2
    order = _step(server, "validate", placed.id)
    assert [state for state, _ in _seats(server, placed.seats)] == ["sold", "sold"]
    with pytest.raises(ApiError, match="validated"):
        _step(server, "validate", placed.id)  # once
    _pull(a)
    [found] = _pickups(a).find("GRP202691")
    assert found.number == placed.id and found.due == found.total and found.due.minor > 0
    assert [o.number for o in _pickups(a).find("c-0042")] == [placed.id]
    assert order == found
    done = _pickups(a).collect(placed.id, "OP", Money.of("500.00", "EUR"))
    assert done.order.state is PickupState.COLLECTED
    assert done.paid == found.due and done.change == Money.of("500.00", "EUR") - found.due
    assert a.syncing.upload().error == ""
    with server.engine.connect() as conn:
        row = conn.execute(
            select(t.pickup_order.c.state, t.pickup_order.c.paid_minor).where(
                t.pickup_order.c.number == placed.id
            )
        ).one()
    assert (row.state, row.paid_minor) == ("collected", found.due.minor)
    assert incidents(server, _device(a)) == []


def test_a_cancelled_option_frees_its_seats_and_a_lapsed_one_cannot_be_validated(
    server: RunningServer,
) -> None:
    cancelled = _option(server, "GRP-2026-92")
    _step(server, "cancel", cancelled.id)
    assert [state for state, _ in _seats(server, cancelled.seats)] == ["free", "free"]
    lapsing = _option(server, "GRP-2026-93", days=1)
    server.clock.advance(timedelta(days=1, minutes=1))
    with write(server.engine) as conn:
        [seen] = [o for o in options.listed(conn, server.clock.now()) if o.id == lapsing.id]
    assert seen.state == "expired"
    with pytest.raises(ApiError, match="lapsed"):
        _step(server, "validate", lapsing.id)
    with pytest.raises(ApiError, match="no option"):
        _step(server, "validate", "OPT-999999")


def test_a_validated_option_cancelled_frees_its_seats_voids_its_barcodes_and_tills_refuse_it(
    server: RunningServer,
    two_tills: Tills,  # noqa: F811
) -> None:
    from domain.pickups import PickupCancelled

    a, _b = two_tills
    placed = _option(server, "GRP-2026-94")
    _step(server, "validate", placed.id)
    _pull(a)
    [found] = _pickups(a).find("GRP-2026-94")
    _step(server, "cancel", placed.id)  # the group gave up: its order goes with it
    assert [state for state, _ in _seats(server, placed.seats)] == ["free", "free"]
    with server.engine.connect() as conn:
        states = conn.execute(
            select(t.ticket.c.state, t.ticket.c.reason).where(
                t.ticket.c.barcode.in_([x.barcode for x in found.tickets])
            )
        ).all()
        option_state = conn.scalar(
            select(t.group_option.c.state).where(t.group_option.c.id == placed.id)
        )
    assert sorted(states) == [("void", "cancelled")] * 2 and option_state == "cancelled"
    _pull(a)
    [seen] = _pickups(a).find("GRP-2026-94")
    assert seen.state is PickupState.CANCELLED
    with pytest.raises(PickupCancelled):
        _pickups(a).collect(placed.id, "OP")
    with pytest.raises(ApiError, match="cancelled"):
        _step(server, "cancel", placed.id)  # once
