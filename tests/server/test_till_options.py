"""Options made at a till enrolled with the real server (uvicorn over TLS, PostgreSQL) hold
their places on the server until their expiry, not for a sale's 15 minutes: another till
cannot take them meanwhile; paid, they are sold on the server from those holds; cancelled,
they are free there at once; an expiry the server will not hold to refuses the option and
leaves nothing held anywhere."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.config import load_station
from app.main import open_till
from app.services.contacts import ContactServices
from app.services.feed import CatalogFeed
from app.services.options import OptionServices
from app.services.selling import SeatsUnavailable
from app.services.server_inventory import HoldNotExtended
from app.services.syncing import client_for
from domain.options import OptionState
from server import tables as t
from tests.fakes import FixedClock

from .conftest import RunningServer
from .test_till_online import SEATED, _till
from .test_till_upload import DemoTill


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("options-online-template")
    open_till(load_station(folder, demo=True), FixedClock())
    return folder


def _options(till: DemoTill) -> tuple[OptionServices, str]:
    """The till's options, once it knows from the feed what the other tests sold."""
    link = till.syncing.link()
    assert link is not None
    uow = till.services.uow_factory
    with client_for(link) as client:
        CatalogFeed(uow, till.clock, "G1").pull_once(client)
    contact = ContactServices(uow, till.clock).create("Blanche Dainville", "b@jeica.ch").id
    return OptionServices(uow, till.clock, "G1", till.selling), contact


def _held_seats(till: DemoTill, options: OptionServices, option_id: str) -> list[str]:
    lines = till.selling.cart(options.cart_of(option_id)).cart.lines
    return [line.seat_id for line in lines if line.seat_id]


def _server_seats(
    server: RunningServer, seats: Sequence[str], performance: str = SEATED
) -> list[tuple[str, datetime | None]]:
    """The seats' states and hold expiries in the central pool, in seat order."""
    with server.engine.connect() as conn:
        rows = conn.execute(
            select(t.seat_inventory.c.state, t.seat_inventory.c.hold_expires_at)
            .where(
                t.seat_inventory.c.performance_id == performance,
                t.seat_inventory.c.seat_id.in_(seats),
            )
            .order_by(t.seat_inventory.c.seat_id)
        ).all()
    return [(row.state, row.hold_expires_at) for row in rows]


def _advance(server: RunningServer, *tills: DemoTill, by: timedelta) -> None:
    server.clock.advance(by)
    for till in tills:
        till.clock.advance(by)


def test_an_option_keeps_its_seats_on_the_server_until_it_is_paid(
    template: Path, tmp_path: Path, server: RunningServer
) -> None:
    a = _till(template, tmp_path / "a", server, "OPT-A")
    b = _till(template, tmp_path / "b", server, "OPT-B")
    options, contact = _options(a)
    expires = a.clock.now() + timedelta(days=2)
    option = options.create_direct(contact, SEATED, {"CAT1": 2}, expires, file_number="G-7")
    seats = _held_seats(a, options, option.id)
    assert len(seats) == 2
    assert _server_seats(server, seats) == [("held", expires)] * 2
    _advance(server, a, b, by=timedelta(hours=3))  # long past a sale's hold
    with pytest.raises(SeatsUnavailable) as refused:
        b.selling.add_seats(b.selling.open_cart().cart.id, SEATED, seats[:1])
    assert refused.value.reasons == {seats[0]: "seat_held"}
    options.validate(option.id)
    sale = options.pay(option.id, options.due(option.id).exact_cash(), "OP").order.id
    with server.engine.connect() as conn:
        sold = conn.execute(
            select(t.seat_inventory.c.state, t.seat_inventory.c.sale_id).where(
                t.seat_inventory.c.performance_id == SEATED,
                t.seat_inventory.c.seat_id.in_(seats),
            )
        ).all()
    assert sorted((row.state, row.sale_id) for row in sold) == [("sold", sale)] * 2


def test_a_cancelled_option_frees_its_seats_on_the_server_at_once(
    template: Path, tmp_path: Path, server: RunningServer
) -> None:
    a = _till(template, tmp_path / "a", server, "OPT-C")
    b = _till(template, tmp_path / "b", server, "OPT-D")
    options, contact = _options(a)
    option = options.create_direct(contact, SEATED, {"CAT2": 1}, a.clock.now() + timedelta(days=1))
    seats = _held_seats(a, options, option.id)
    assert options.cancel(option.id).state is OptionState.CANCELLED
    assert [state for state, _ in _server_seats(server, seats)] == ["free"]
    assert len(b.selling.add_seats(b.selling.open_cart().cart.id, SEATED, seats).cart.lines) == 1


def test_an_expiry_the_server_will_not_hold_to_refuses_the_option_and_holds_nothing(
    template: Path, tmp_path: Path, server: RunningServer
) -> None:
    a = _till(template, tmp_path / "a", server, "OPT-E")
    options, contact = _options(a)
    before = sum(a.services.performance_view(SEATED).plan.sellable)
    after_the_show = a.clock.now() + timedelta(days=30)  # the performance is in 7 days
    with pytest.raises(HoldNotExtended) as refused:
        options.create_direct(contact, SEATED, {"CAT1": 2}, after_the_show)
    assert set(refused.value.reasons.values()) == {"not_sellable_on_server"}
    assert options.listed() == []
    assert sum(a.services.performance_view(SEATED).plan.sellable) == before
    assert {state for state, _ in _server_seats(server, list(refused.value.reasons))} == {"free"}
