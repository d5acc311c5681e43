"""Orders placed elsewhere for pick-up, on the till (`app.services.pickups`): an order the
feed brings is found by its number, a ticket's barcode or the customer's name; collected, its
tickets print (their own numbers and barcodes), a ``pickup`` journal entry and outbox event are
written and the X report counts it with no money; a second pick-up, a cancelled order, training
mode, a till without an open session, a performance the till does not have: refused with
nothing written. A later feed page saying "waiting" does not undo this till's collection.

An order placed by telephone to be paid at the box office takes the cash in the same one
transaction (the record carries the tenders, the X report counts them in the drawer and on
their own row); too little cash, a card, money for an order paid online: nothing done."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from app.config import load_station
from app.main import Station, open_station
from app.services.feed import CatalogFeed
from app.services.pickups import (
    NothingToPickUp,
    PickupCardDeclined,
    PickupCardNotTaken,
    PickupNotInTraining,
    PickupNotPrintable,
    PickupServices,
)
from app.services.till_reports import report_page
from app.services.tills import ensure_demo_session, x_report
from app.station_after_sale import after_sale_services
from domain.errors import NoOpenSession
from domain.ledger import totals
from domain.money import Money
from domain.pickups import (
    PICKUP,
    AlreadyCollected,
    PickupCancelled,
    PickupCashShort,
    PickupNothingDue,
    PickupOrder,
    PickupState,
    PickupTicket,
)
from drivers.base import Role
from drivers.payment import TransactionKind
from printing import serialize
from printing.data import TicketData
from sync import catalog as codec
from sync.protocol import Change, ChangeOp, ChangesResponse
from tests.fakes import PINNED_MOMENT, FixedClock

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
    with pytest.raises(PickupNotPrintable) as refused:
        pickups.collect("W-000001", "OP-CASHIER")
    assert refused.value.order_number == "W-000001" and refused.value.ticket_number == 41
    assert refused.value.performance_id == "P-ELSEWHERE"
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


# --- An order placed by telephone, paid at the box office when it is picked up -----------

EUR = "EUR"


def _phone_order(station: Station, number: str = "P-000003") -> PickupOrder:
    order = _web_order(station, number, channel="PHONE", customer="Jean Martin")
    return replace(order, due=order.total)  # nothing was paid when it was placed


def _paying(
    station: Station, drawer: list[str] | None = None, queue: object = None
) -> PickupServices:
    """The station's pick-up, its drawer recorded in ``drawer``."""
    printing = station.printing
    return PickupServices(
        station.services.uow_factory,
        station.services.clock,
        "G1",
        queue_tickets=queue or printing.queue_numbered_tickets,  # type: ignore[arg-type]
        open_drawer=None if drawer is None else lambda: drawer.append("opened"),
    )


def _outbox(station: Station) -> int:
    return len(_outbox_kinds(station))


def test_an_order_paid_at_the_box_office_takes_the_cash_in_the_same_transaction(
    till: tuple[Station, PickupServices],
) -> None:
    station, _ = till
    order = _phone_order(station)
    _feed(station, order, version=1, seq=10)
    [found] = _paying(station).find("P-000003")
    assert found.due == Money.of("64.00", EUR) and found.channel == "PHONE"
    drawer: list[str] = []
    before = len(_journal(station)), _outbox(station), _jobs(station)

    done = _paying(station, drawer).collect("P-000003", "OP-CASHIER", Money.of("70.00", EUR))

    assert done.paid == Money.of("64.00", EUR) and done.change == Money.of("6.00", EUR)
    assert done.order.state is PickupState.COLLECTED and drawer == ["opened"]
    journal = _journal(station)
    assert len(journal) == before[0] + 1 and _outbox(station) == before[1] + 1
    assert _jobs(station) == before[2] + 2
    record = journal[-1]
    assert record["type"] == PICKUP and record["order_number"] == "P-000003"
    assert record["due"] == {"minor": 6400, "currency": EUR}
    assert record["tenders"] == [
        {
            "method": "cash",
            "amount": {"minor": 6400, "currency": EUR},
            "reference": "",
            "given": {"minor": 7000, "currency": EUR},
            "change": {"minor": 600, "currency": EUR},
        }
    ]
    counted = totals(journal)
    assert counted.tender("cash") == Money.of("64.00", EUR)  # in the drawer's takings
    assert counted.pickups_paid is not None and counted.pickups_paid.count == 1
    assert counted.pickups_paid.amount == Money.of("64.00", EUR)
    assert counted.pickups is not None and counted.pickups.count == 0  # not "paid elsewhere"
    assert counted.pickup_tickets == 2
    assert counted.sales.count == 0 and counted.net_total.is_zero and counted.vat == ()
    with pytest.raises(AlreadyCollected):  # a second time: refused, nothing taken
        _paying(station, drawer).collect("P-000003", "OP-CASHIER")
    assert len(_journal(station)) == before[0] + 1 and drawer == ["opened"]


def test_too_little_cash_a_card_or_money_for_a_paid_order_leave_nothing_done(
    till: tuple[Station, PickupServices],
) -> None:
    station, _ = till
    _feed(station, _phone_order(station), version=1, seq=10)
    _feed(station, _web_order(station, "W-000001"), version=1, seq=11)
    drawer: list[str] = []
    pickups = _paying(station, drawer)
    before = len(_journal(station)), _outbox(station), _jobs(station)

    with pytest.raises(PickupCashShort) as short:
        pickups.collect("P-000003", "OP-CASHIER", Money.of("50.00", EUR))
    assert short.value.due == Money.of("64.00", EUR)
    assert short.value.paid == Money.of("50.00", EUR)
    with pytest.raises(PickupCashShort):
        pickups.collect("P-000003", "OP-CASHIER", Money.of("0.00", EUR))
    with pytest.raises(PickupCardNotTaken):
        pickups.collect("P-000003", "OP-CASHIER", card=True)
    with pytest.raises(PickupNothingDue):  # the web order was paid online
        pickups.collect("W-000001", "OP-CASHIER", Money.of("10.00", EUR))

    assert (len(_journal(station)), _outbox(station), _jobs(station)) == before
    assert drawer == []
    assert [o.state for o in pickups.find("P-000003")] == [PickupState.WAITING]
    # Exact cash (nothing typed) then collects it.
    done = pickups.collect("P-000003", "OP-CASHIER")
    assert done.paid == Money.of("64.00", EUR) and done.change.is_zero


def test_the_pick_up_is_one_transaction_a_failure_after_the_journal_leaves_nothing(
    till: tuple[Station, PickupServices],
) -> None:
    station, _ = till
    _feed(station, _phone_order(station), version=1, seq=10)
    before = len(_journal(station)), _outbox(station), _jobs(station)

    def queue_fails(uow: object, documents: object) -> list[str]:
        raise OSError("the print queue is full")

    drawer: list[str] = []
    with pytest.raises(OSError, match="print queue"):
        _paying(station, drawer, queue_fails).collect("P-000003", "OP-CASHIER")
    assert (len(_journal(station)), _outbox(station), _jobs(station)) == before
    assert drawer == []  # the drawer opens only after the commit
    [still] = _paying(station).find("P-000003")
    assert still.state is PickupState.WAITING


def test_a_due_order_on_a_till_with_no_open_session_is_refused(tmp_path: Path) -> None:
    config = load_station(tmp_path / "till", demo=True)
    station = open_station(config, FixedClock())
    try:
        _feed(station, _phone_order(station), version=1, seq=10)
        before = len(_journal(station)), _outbox(station)
        with pytest.raises(NoOpenSession):
            _paying(station).collect("P-000003", "OP-CASHIER")
        assert (len(_journal(station)), _outbox(station)) == before
    finally:
        station.stop()


def test_the_x_report_shows_what_pick_ups_took_on_its_own_row(
    till: tuple[Station, PickupServices],
) -> None:
    station, _ = till
    services = station.services
    _feed(station, _phone_order(station), version=1, seq=10)
    before = x_report(services.uow_factory, services.clock, "G1").totals
    _paying(station).collect("P-000003", "OP-CASHIER", Money.of("100.00", EUR))
    after = x_report(services.uow_factory, services.clock, "G1")
    # The drawer should hold the 64.00 more (the change went back): the blind count agrees.
    assert after.totals.expected_cash - before.expected_cash == Money.of("64.00", EUR)
    assert after.totals.expected()["cash"] == after.totals.expected_cash
    rows = {row[0]: row for row in report_page(after, "G1", "Europe/Paris", "en").rows}
    assert rows["Paid at pick-up (orders placed elsewhere)"][1:] == ("1", "€64.00")
    assert rows["Tickets picked up"][1] == "2"
    assert "Orders picked up (paid elsewhere)" not in rows
    assert rows["Cash"][2] == "€64.00"  # the tenders' row
    french = {row[0] for row in report_page(after, "G1", "Europe/Paris", "fr").rows}
    assert "Payé au retrait (commandes passées ailleurs)" in french


def test_an_order_from_a_feed_without_due_has_nothing_due() -> None:
    data = codec.pickup_order(
        PickupOrder("W-1", "s", "WEB", "A", PINNED_MOMENT, (), Money.of("3.00", EUR))
    )
    del data["due"]
    assert codec.pickup_order_of(data).due == Money.zero(EUR)
    data["due"] = {"minor": 400, "currency": EUR}  # more than the total: malformed
    with pytest.raises(ValueError, match="due"):
        codec.pickup_order_of(data)


def test_an_order_from_a_feed_without_an_options_numbers_has_none() -> None:
    order = PickupOrder("OPT-1", "s", "GROUPES", "A", PINNED_MOMENT, (), Money.of("3.00", EUR),
                        contact_number="C-0042", file_number="GRP-17")  # fmt: skip
    data = codec.pickup_order(order)
    assert codec.pickup_order_of(data) == order
    del data["contact_number"], data["file_number"]
    older = codec.pickup_order_of(data)
    assert (older.contact_number, older.file_number) == ("", "")


def _card_payments(station: Station, number: str) -> list[tuple[str, str]]:
    with station.services.uow_factory(read_only=True) as uow:
        return [(p.id, p.state.value) for p in uow.payments.for_reference("pickup:" + number)]


def test_what_is_due_is_paid_by_card_on_the_terminal_in_the_pick_ups_record(
    till: tuple[Station, PickupServices],
) -> None:
    station, pickups = till
    _feed(station, _phone_order(station), version=1, seq=10)
    assert pickups.takes_cards  # the demo station's simulated ZVT terminal
    done = pickups.collect("P-000003", "OP-CASHIER", card=True)
    assert done.order.state is PickupState.COLLECTED and done.paid == Money.of("64.00", EUR)
    [(payment_id, state)] = _card_payments(station, "P-000003")
    assert state == "approved"
    record = _journal(station)[-1]
    assert record["type"] == PICKUP
    assert [(t["method"], t["amount"], t["reference"]) for t in record["tenders"]] == [
        ("card", {"minor": 6400, "currency": EUR}, payment_id)
    ]
    counted = totals(_journal(station))
    assert counted.tender("card") == Money.of("64.00", EUR) and counted.net_total.is_zero


def test_a_card_approved_before_the_till_stopped_is_recorded_without_charging_again(
    till: tuple[Station, PickupServices],
) -> None:
    station, pickups = till
    _feed(station, _phone_order(station), version=1, seq=10)
    # The terminal approved the card, then the till stopped before the pick-up's commit.
    station.devices.correction_payment(
        TransactionKind.PAYMENT, Money.of("64.00", EUR), "pickup:P-000003", None, None
    )
    [(approved, _)] = _card_payments(station, "P-000003")
    assert [o.state for o in pickups.find("P-000003")] == [PickupState.WAITING]
    done = pickups.collect("P-000003", "OP-CASHIER", card=True)
    assert done.order.state is PickupState.COLLECTED
    assert _card_payments(station, "P-000003") == [(approved, "approved")]  # charged once
    assert _journal(station)[-1]["tenders"][0]["reference"] == approved  # type: ignore[index]


def test_a_declined_card_picks_nothing_up_and_the_cash_then_can(
    till: tuple[Station, PickupServices],
) -> None:
    station, pickups = till
    _feed(station, _phone_order(station), version=1, seq=10)
    terminal = station.devices.device_for(Role.PAYMENT_TERMINAL)
    assert terminal is not None
    station.device_station.call(terminal, lambda t: setattr(t.simulator, "limit", 1))
    before = len(_journal(station)), _outbox(station), _jobs(station)
    with pytest.raises(PickupCardDeclined):
        pickups.collect("P-000003", "OP-CASHIER", card=True)
    assert (len(_journal(station)), _outbox(station), _jobs(station)) == before
    assert [state for _, state in _card_payments(station, "P-000003")] == ["declined"]
    assert pickups.collect("P-000003", "OP-CASHIER").paid == Money.of("64.00", EUR)
