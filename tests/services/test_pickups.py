"""Orders placed elsewhere for pick-up, on the till (`app.services.pickups`): an order the
feed brings is found by its number, a ticket's barcode or the customer's name; collected, its
tickets print (their own numbers and barcodes), a ``pickup`` journal entry and outbox event are
written and the X report counts it with no money; a second pick-up, a cancelled order, training
mode, a till without an open session, a performance the till does not have: refused with
nothing written. A later feed page saying "waiting" does not undo this till's collection."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from app.config import load_station
from app.main import Station, open_station
from app.services.feed import CatalogFeed
from app.services.pickups import NothingToPickUp, PickupNotInTraining, PickupServices
from app.services.tills import ensure_demo_session
from app.station_after_sale import after_sale_services
from domain.ledger import totals
from domain.money import Money
from domain.pickups import (
    PICKUP,
    AlreadyCollected,
    PickupCancelled,
    PickupOrder,
    PickupState,
    PickupTicket,
)
from printing import serialize
from printing.data import TicketData
from sync import catalog as codec
from sync.protocol import Change, ChangeOp, ChangesResponse
from tests.fakes import FixedClock

PERFORMANCE = "P-MIS-2"


@pytest.fixture
def till(tmp_path: Path) -> Iterator[tuple[Station, PickupServices]]:
    config = load_station(tmp_path / "till", demo=True)
    built = open_station(config, FixedClock())
    ensure_demo_session(built.services.uow_factory, built.services.clock, "G1")
    pickups = after_sale_services(built, config).pickups
    assert pickups is not None  # the demo station has a ticket printer
    yield built, pickups
    built.stop()


def _web_order(station: Station, number: str = "W-000001", **changes: object) -> PickupOrder:
    plan = station.services.performance_view(PERFORMANCE).plan
    chosen = [i for i in range(len(plan.seat_ids)) if plan.sellable[i]][:2]
    order = PickupOrder(
        number=number,
        sale_id="5b0c8f9e-4d1c-4a57-9a43-1f1b6c0f3a10",
        channel="WEB",
        customer="Claire Dupont",
        placed_at=station.services.clock.now() - timedelta(days=3),
        tickets=tuple(
            PickupTicket(
                number=41 + n,
                barcode=f"WEB{number[-6:]}{n:011d}",
                performance_id=PERFORMANCE,
                category=plan.categories[plan.category[i]].code,
                audience="FULL",
                price=Money.of("32.00", "EUR"),
                seat_id=plan.seat_ids[i],
            )
            for n, i in enumerate(chosen)
        ),
        total=Money.of("64.00", "EUR"),
    )
    return replace(order, **changes)  # type: ignore[arg-type]


def _feed(station: Station, order: PickupOrder, version: int, seq: int) -> None:
    """The order as a page of the server's feed brings it."""
    services = station.services
    CatalogFeed(services.uow_factory, services.clock, "G1").apply_page(
        ChangesResponse(
            server_time=services.clock.now(),
            changes=[
                Change(
                    seq=seq,
                    scope="catalog",
                    entity=codec.PICKUP_ORDER,
                    entity_id=order.number,
                    version=version,
                    op=ChangeOp.UPSERT,
                    data=codec.pickup_order(order),
                )
            ],
            next_cursor=seq,
            has_more=False,
        )
    )


def _journal(station: Station) -> list[dict[str, object]]:
    with station.services.uow_factory(read_only=True) as uow:
        return [dict(e.record) for e in uow.journal.entries("G1")]


def _outbox_kinds(station: Station) -> list[str]:
    with station.services.uow_factory(read_only=True) as uow:
        return [kind for _seq, _id, kind in uow.sales.outbox("G1")]


def _jobs(station: Station) -> int:
    with station.services.uow_factory(read_only=True) as uow:
        return len(uow.print_jobs.recent(1000))


def test_a_web_order_from_the_feed_is_found_collected_printed_journaled_and_counted(
    till: tuple[Station, PickupServices],
) -> None:
    station, pickups = till
    order = _web_order(station)
    _feed(station, order, version=1, seq=10)
    assert [o.number for o in pickups.find("w-000001")] == ["W-000001"]  # case ignored
    assert [o.number for o in pickups.find(order.tickets[1].barcode)] == ["W-000001"]
    assert [o.number for o in pickups.find("claire")] == ["W-000001"]
    assert pickups.find("nobody") == []
    jobs_before, journal_before = _jobs(station), len(_journal(station))

    done = pickups.collect("W-000001", "OP-CASHIER")

    assert done.order.state is PickupState.COLLECTED and done.order.collected_by == "G1"
    assert len(done.print_jobs) == 2 and _jobs(station) == jobs_before + 2
    with station.services.uow_factory(read_only=True) as uow:
        printed = [serialize.loads(j.document) for j in uow.print_jobs.recent(2)]
    assert all(isinstance(p, TicketData) for p in printed)
    barcodes = sorted(p.barcode for p in printed if isinstance(p, TicketData))
    assert barcodes == sorted(t.barcode for t in order.tickets)  # the server's barcodes
    assert {p.order_number for p in printed if isinstance(p, TicketData)} == {"W-000001"}
    journal = _journal(station)
    assert len(journal) == journal_before + 1
    record = journal[-1]
    assert record["type"] == PICKUP and record["order_number"] == "W-000001"
    assert record["tickets"] == [41, 42] and record["operator"] == "OP-CASHIER"
    assert _outbox_kinds(station)[-1] == PICKUP
    counted = totals(journal)
    assert counted.pickups is not None and counted.pickups.count == 1
    assert counted.pickups.amount == Money.of("64.00", "EUR") and counted.pickup_tickets == 2
    assert counted.sales.count == 0 and counted.net_total.is_zero  # not the till's revenue
    assert [t.key for t in counted.tenders] == []

    # A second pick-up is refused, nothing written.
    with pytest.raises(AlreadyCollected, match="G1"):
        pickups.collect("W-000001", "OP-CASHIER")
    assert len(_journal(station)) == journal_before + 1 and _jobs(station) == jobs_before + 2
    # The feed's next page still says "waiting" (the server has not had the event yet):
    # this till's collection stands.
    _feed(station, replace(order, customer="Claire Dupont-Martin"), version=2, seq=11)
    [kept] = pickups.find("W-000001")
    assert kept.state is PickupState.COLLECTED and kept.customer == "Claire Dupont-Martin"


def test_an_order_collected_at_another_till_or_cancelled_is_refused(
    till: tuple[Station, PickupServices],
) -> None:
    station, pickups = till
    now = station.services.clock.now()
    _feed(
        station,
        _web_order(station, state=PickupState.COLLECTED, collected_by="G2", collected_at=now),
        version=2,
        seq=10,
    )
    _feed(station, _web_order(station, "W-000002", state=PickupState.CANCELLED), version=1, seq=11)
    journal_before, jobs_before = len(_journal(station)), _jobs(station)
    with pytest.raises(AlreadyCollected, match="G2"):
        pickups.collect("W-000001", "OP-CASHIER")
    with pytest.raises(PickupCancelled):
        pickups.collect("W-000002", "OP-CASHIER")
    with pytest.raises(NothingToPickUp):
        pickups.collect("W-999999", "OP-CASHIER")
    assert len(_journal(station)) == journal_before and _jobs(station) == jobs_before


def test_an_order_of_a_performance_this_till_does_not_have_is_refused_with_nothing_written(
    till: tuple[Station, PickupServices],
) -> None:
    station, pickups = till
    order = _web_order(station)
    strange = replace(order, tickets=(replace(order.tickets[0], performance_id="P-ELSEWHERE"),))
    _feed(station, strange, version=1, seq=10)
    journal_before = len(_journal(station))
    with pytest.raises(Exception, match="cannot be printed here"):
        pickups.collect("W-000001", "OP-CASHIER")
    assert len(_journal(station)) == journal_before
    [still] = pickups.find("W-000001")
    assert still.state is PickupState.WAITING


def test_training_mode_picks_nothing_up(till: tuple[Station, PickupServices]) -> None:
    station, pickups = till
    _feed(station, _web_order(station), version=1, seq=10)
    with station.services.uow_factory(read_only=True) as uow:
        supervisor = uow.operators.get("OP-SUPERVISOR")
    station.services.start_training(supervisor)
    with pytest.raises(PickupNotInTraining):
        pickups.collect("W-000001", "OP-CASHIER")
    [still] = pickups.find("W-000001")
    assert still.state is PickupState.WAITING


def test_a_malformed_order_in_the_feed_is_skipped_and_nothing_else_changes(
    till: tuple[Station, PickupServices],
) -> None:
    station, pickups = till
    services = station.services
    data = codec.pickup_order(_web_order(station))
    data["tickets"] = "two"
    plan = CatalogFeed(services.uow_factory, services.clock, "G1").apply_page(
        ChangesResponse(
            server_time=services.clock.now(),
            changes=[
                Change(
                    seq=5,
                    scope="catalog",
                    entity=codec.PICKUP_ORDER,
                    entity_id="W-000001",
                    version=1,
                    op=ChangeOp.UPSERT,
                    data=data,
                )
            ],
            next_cursor=5,
            has_more=False,
        )
    )
    assert plan.skipped == 1
    assert pickups.find("W-000001") == []
