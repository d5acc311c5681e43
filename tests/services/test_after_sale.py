"""After the sale on the demo till's real database: find an order by its number, a ticket's
number or barcode; refund one ticket of a two-ticket card sale to the card (the simulated ZVT
terminal); cash back from the drawer; a supervisor's PIN above the threshold; the seats back on
sale, the barcodes void; a reprint as DUPLICATA with a new barcode; and bad input refused with
nothing half done."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from app.config import load_station
from app.main import open_till
from app.services import payments
from app.services.after_sale import (
    AfterSaleServices,
    ApprovalNeeded,
    BarcodeVoided,
    NotASupervisor,
    NothingFound,
    RefundDeclined,
    RefundOutcomeUnknown,
    RefundUnderWay,
)
from app.services.payments import PaymentState
from app.services.selling import SaleResult, SellingServices
from app.services.till import TillServices
from app.services.tills import ensure_demo_session
from domain.errors import WrongPin
from domain.ledger import totals
from domain.money import Money
from domain.operators import Operator
from domain.orders import PaymentPlan, TenderMethod
from domain.refunds import AlreadyRefunded, NotAllowedToReprint
from drivers.base import Role as DeviceRole
from drivers.config import DeviceConfig
from drivers.payment import PaymentOutcome, PaymentResult, TransactionKind
from drivers.zvt.terminal import ZvtTerminal
from tests.fakes import FixedClock

EUR = "EUR"
FAST = {"ack_timeout": 0.5, "answer_timeout": 2, "reconnect_attempts": 2, "reconnect_pause": 0.1}


@dataclass
class Till:
    services: TillServices
    selling: SellingServices
    after: AfterSaleServices
    clock: FixedClock
    terminal: ZvtTerminal
    drawer: list[str]
    printed: list[str]

    def operator(self, operator_id: str) -> Operator:
        with self.services.uow_factory(read_only=True) as uow:
            return uow.operators.get(operator_id)

    def journal(self) -> list[dict[str, object]]:
        with self.services.uow_factory(read_only=True) as uow:
            return [dict(e.record) for e in uow.journal.entries("G1")]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("after-sale-template")
    open_till(load_station(folder, demo=True), FixedClock())
    return folder


def _terminal(clock: FixedClock) -> ZvtTerminal:
    device = ZvtTerminal(
        DeviceConfig("card", DeviceRole.PAYMENT_TERMINAL, "zvt", "sim://zvt", FAST)
    )
    device.clock = clock.now
    device.open()
    device.simulator.clock = clock.now
    device.claim()
    device.enable()
    return device


@pytest.fixture
def till(template: Path, tmp_path: Path) -> Iterator[Till]:
    shutil.copytree(template, tmp_path / "till")
    clock = FixedClock()
    services = open_till(load_station(tmp_path / "till"), clock)
    ensure_demo_session(services.uow_factory, clock, "G1")
    selling = SellingServices(
        services.uow_factory, clock, "G1", lambda: services.till().channel.code
    )
    terminal = _terminal(clock)
    drawer: list[str] = []
    printed: list[str] = []

    def card(kind, amount, reference, receipt_no, progress):  # type: ignore[no-untyped-def]
        clock.advance(timedelta(seconds=30))
        return payments.run(
            services.uow_factory, clock, terminal, kind, amount, reference, receipt_no, progress
        )

    after = AfterSaleServices(
        services.uow_factory,
        clock,
        "G1",
        services.hasher,
        card=card,
        refund_approval_above=Money.of("500.00", EUR),
        open_drawer=lambda: drawer.append("open"),
        queue_duplicate=lambda uow, ticket, of: _queue(uow, ticket, of, clock, printed),
    )
    try:
        yield Till(services, selling, after, clock, terminal, drawer, printed)
    finally:
        terminal.close()


def _queue(uow, ticket, reprint_of, clock, printed):  # type: ignore[no-untyped-def]
    """The DUPLICATA's print job, as the printing service queues it (no printer here)."""
    from printing import serialize

    printed.append(serialize.dumps(ticket))
    return f"job-{len(printed)}"


def _seats(till: Till, performance: str, n: int) -> list[str]:
    plan = till.services.performance_view(performance).plan
    return [plan.seat_ids[i] for i in range(len(plan.seat_ids)) if plan.sellable[i]][:n]


def _card_sale(till: Till, n: int = 2, performance: str = "P-MIS-2") -> SaleResult:
    view = till.selling.add_seats(
        till.selling.open_cart().cart.id, performance, _seats(till, performance, n)
    )
    payment, result = payments.run(
        till.services.uow_factory, till.clock, till.terminal, TransactionKind.PAYMENT,
        view.due, view.cart.id,
    )  # fmt: skip
    assert result.outcome is PaymentOutcome.APPROVED
    plan = PaymentPlan(view.due).other(TenderMethod.CARD, view.due, payment.id)
    return till.selling.complete(view.cart.id, plan, "OP-CASHIER")


def _cash_sale(till: Till, n: int = 2, performance: str = "P-MIS-2") -> SaleResult:
    view = till.selling.add_seats(
        till.selling.open_cart().cart.id, performance, _seats(till, performance, n)
    )
    return till.selling.complete(view.cart.id, PaymentPlan(view.due).exact_cash(), "OP-CASHIER")


def test_find_by_order_number_ticket_number_and_barcode(till: Till) -> None:
    sale = _cash_sale(till)
    number = f"G1-{sale.device_seq:06d}"
    by_number = till.after.find(number.lower())
    assert by_number.id == sale.order.id and by_number.number == number
    assert [t.state for t in by_number.tickets] == ["valid", "valid"]
    assert by_number.tenders[0].method == "cash"
    assert [e.record["type"] for e in by_number.history] == ["sale"]
    second = sale.order.tickets[1]
    assert till.after.find(str(second.number)).found_ticket == second.number
    assert till.after.find(second.barcode).found_ticket == second.number
    for unknown in ("G1-999999", "424242", "NOSUCHBARCODE", "  "):
        with pytest.raises(NothingFound):
            till.after.find(unknown)


def test_one_ticket_of_a_two_ticket_card_sale_goes_back_to_the_card(till: Till) -> None:
    sale = _card_sale(till)
    kept, back = sale.order.tickets
    result = till.after.refund(sale.order.id, [back.number], "lost", till.operator("OP-CASHIER"))
    assert result.card_back == back.price and result.cash_back.is_zero
    assert till.drawer == []  # nothing in cash: the drawer stays shut
    # The terminal refunded the card (ZVT reversal or refund), recorded for the correction.
    with till.services.uow_factory(read_only=True) as uow:
        made = uow.payments.for_reference(result.correction.id)
        owners = uow.seat_states.owners("P-MIS-2", till.clock.now())
    assert [(p.kind, p.state, p.amount) for p in made] == [
        (TransactionKind.REFUND, PaymentState.APPROVED, back.price)
    ]
    assert till.terminal.simulator.last.kind == "refund"  # type: ignore[union-attr]
    assert back.seat_id not in owners and owners[kept.seat_id] == sale.order.id  # type: ignore[index]
    # The journal: a "refund" the ledger counts, the card's net is the kept ticket and fee.
    records = till.journal()
    refund = records[-1]
    assert refund["type"] == "refund" and refund["original_tickets"] == [back.number]
    assert refund["tenders"][0]["reference"] == made[0].id  # type: ignore[index]
    report = totals(records)
    assert report.refunds.count == 1 and report.refunds.amount == back.price
    assert report.tender("card") == sale.order.total - back.price
    x = till.services.x_report().totals  # the supervisor's X report counts it
    assert x.refunds.count == 1 and x.tender("card") == sale.order.total - back.price
    receipt = till.after.receipt(result.correction.id)
    assert receipt.corrects == f"Ce ticket modifie le ticket n° G1-{sale.device_seq:06d}"
    assert receipt.receipt_number == refund["order_number"] != f"G1-{sale.device_seq:06d}"
    # The order shows it; the barcode is void for any later scan.
    view = till.after.order(sale.order.id)
    assert [t.state for t in view.tickets] == ["valid", "refunded"]
    assert view.tenders[0].returned == back.price
    assert [e.record["type"] for e in view.history] == ["sale", "refund"]
    with pytest.raises(BarcodeVoided) as voided:
        till.after.check_barcode(back.barcode)
    assert voided.value.why == "refunded" and voided.value.order_id == sale.order.id
    assert till.after.check_barcode(kept.barcode).number == kept.number
    with till.services.uow_factory(read_only=True) as uow:
        assert uow.sales.outbox("G1")[-1] == (result.correction and uow.sales.outbox("G1")[-1][0],
                                              result.correction.id, "refund")  # fmt: skip
    # The seat sells again.
    again = till.selling.add_seats(till.selling.open_cart().cart.id, "P-MIS-2", [back.seat_id])  # type: ignore[list-item]
    assert len(again.cart.lines) == 1


def test_the_whole_card_sale_in_its_session_is_a_cancellation_by_reversal(till: Till) -> None:
    sale = _card_sale(till)
    numbers = [t.number for t in sale.order.tickets]
    result = till.after.refund(sale.order.id, numbers, "wrong date", till.operator("OP-CASHIER"))
    assert result.record["type"] == "cancellation" and result.card_back == sale.order.total
    assert till.terminal.simulator.last.kind == "reversal"  # type: ignore[union-attr]
    assert totals(till.journal()).net_total.is_zero


def test_cash_goes_back_from_the_drawer_and_a_ticket_goes_back_once(till: Till) -> None:
    sale = _cash_sale(till)
    first = sale.order.tickets[0]
    result = till.after.refund(sale.order.id, [first.number], "ill", till.operator("OP-CASHIER"))
    assert result.cash_back == first.price and till.drawer == ["open"]
    with pytest.raises(AlreadyRefunded):
        till.after.refund(sale.order.id, [first.number], "again", till.operator("OP-CASHIER"))
    assert len([r for r in till.journal() if r["type"] == "refund"]) == 1
    assert totals(till.journal()).expected_cash.minor >= 0


def test_above_the_threshold_a_supervisor_approves_with_their_pin(till: Till) -> None:
    till.after.refund_approval_above = Money.of("10.00", EUR)
    sale = _cash_sale(till)
    ticket = sale.order.tickets[0].number
    cashier = till.operator("OP-CASHIER")
    with pytest.raises(ApprovalNeeded):
        till.after.refund(sale.order.id, [ticket], "ill", cashier)
    with pytest.raises(WrongPin):
        till.after.refund(sale.order.id, [ticket], "ill", cashier, ("OP-SUPERVISOR", "0000"))
    with pytest.raises(NotASupervisor):
        till.after.refund(sale.order.id, [ticket], "ill", cashier, ("OP-CASHIER", "1234"))
    assert not [r for r in till.journal() if r["type"] == "refund"]  # nothing done
    assert till.after.order(sale.order.id).tickets[0].state == "valid"
    result = till.after.refund(sale.order.id, [ticket], "ill", cashier, ("OP-SUPERVISOR", "5678"))
    assert result.record["approved_by"] == "OP-SUPERVISOR"


def test_a_terminal_that_refuses_leaves_everything_as_it_was(till: Till) -> None:
    sale = _card_sale(till)
    till.terminal.simulator.limit = 1  # the terminal now declines every amount
    with pytest.raises(RefundDeclined):
        till.after.refund(
            sale.order.id, [sale.order.tickets[0].number], "x", till.operator("OP-CASHIER")
        )
    view = till.after.order(sale.order.id)
    assert [t.state for t in view.tickets] == ["valid", "valid"]
    assert [c.state for c in view.corrections] == ["abandoned"]
    assert not [r for r in till.journal() if r["type"] in ("refund", "cancellation")]
    with till.services.uow_factory(read_only=True) as uow:
        owners = uow.seat_states.owners("P-MIS-2", till.clock.now())
    assert all(owners[t.seat_id] == sale.order.id for t in sale.order.tickets)  # type: ignore[index]


def test_a_terminal_that_stops_answering_leaves_the_refund_pending_then_recovered(
    till: Till,
) -> None:
    sale = _card_sale(till)
    ticket = sale.order.tickets[0]

    def lost(kind, amount, reference, receipt_no, progress):  # type: ignore[no-untyped-def]
        payment = payments.start(till.services.uow_factory, till.clock, "card", kind, amount,
                                 reference)  # fmt: skip
        payments.DatabaseJournal(till.services.uow_factory, till.clock, "card").mark_sent(
            payment.id, till.clock.now()
        )
        result = PaymentResult(payment.id, PaymentOutcome.UNKNOWN, "no answer")
        return payments.finish(till.services.uow_factory, till.clock, result), result

    till.after._card = lost
    with pytest.raises(RefundOutcomeUnknown):
        till.after.refund(sale.order.id, [ticket.number], "x", till.operator("OP-CASHIER"))
    assert till.after.order(sale.order.id).tickets[0].state == "valid"
    with pytest.raises(RefundUnderWay):  # never refunded twice while the outcome is unknown
        till.after.refund(sale.order.id, [ticket.number], "x", till.operator("OP-CASHIER"))
    assert [r.outcome for r in till.after.recover_at_start()] == ["waiting"]
    # A supervisor reads the terminal's receipt: it did refund the card.
    [unknown] = payments.open_payments(till.services.uow_factory)
    payments.close_unknown(till.services.uow_factory, till.clock, till.operator("OP-SUPERVISOR"),
                           unknown.id, True, "receipt 0042")  # fmt: skip
    [recovered] = till.after.recover_at_start()
    assert recovered.outcome == "completed"
    assert till.after.order(sale.order.id).tickets[0].state == "refunded"
    assert totals(till.journal()).refunds.amount == ticket.price


def test_a_reprint_prints_a_duplicata_with_a_new_barcode_and_voids_the_old_one(till: Till) -> None:
    sale = _cash_sale(till)
    ticket = sale.order.tickets[0]
    with pytest.raises(NotAllowedToReprint):
        till.after.reprint(sale.order.id, ticket.number, "lost", till.operator("OP-CASHIER"))
    with pytest.raises(WrongPin):
        till.after.reprint(sale.order.id, ticket.number, "lost", till.operator("OP-CASHIER"),
                           ("OP-SUPERVISOR", "0000"))  # fmt: skip
    done = till.after.reprint(sale.order.id, ticket.number, "lost", till.operator("OP-CASHIER"),
                              ("OP-SUPERVISOR", "5678"))  # fmt: skip
    new = done.reprint.new_barcode
    assert new != ticket.barcode and done.print_job == "job-1"
    assert '"duplicate": true' in till.printed[0] and new in till.printed[0]
    with pytest.raises(BarcodeVoided) as voided:
        till.after.check_barcode(ticket.barcode)
    assert voided.value.why == "reprinted"
    with pytest.raises(BarcodeVoided):
        till.after.find(ticket.barcode)
    assert till.after.check_barcode(new).number == ticket.number
    record = till.journal()[-1]
    assert record["type"] == "reprint" and record["ticket"] == ticket.number
    assert record["voided_barcode"] == ticket.barcode and record["reason"] == "lost"
    assert record["by"] and record["approved_by"] == "OP-SUPERVISOR"
    view = till.after.order(sale.order.id)
    assert view.tickets[0].state == "reprinted" and view.tickets[0].barcode == new
    assert [e.record["type"] for e in view.history] == ["sale", "reprint"]
    assert totals(till.journal()).reprints == 1
    # The duplicata is refundable; the voided original is not found any more.
    till.after.refund(sale.order.id, [ticket.number], "after all", till.operator("OP-SUPERVISOR"))
    with pytest.raises(BarcodeVoided):
        till.after.check_barcode(new)


def test_a_real_order_is_not_corrected_in_training_mode(till: Till) -> None:
    from app.services.after_sale import TrainingMismatch

    sale = _cash_sale(till)
    till.services.start_training(till.operator("OP-SUPERVISOR"))
    with pytest.raises(TrainingMismatch):
        till.after.refund(sale.order.id, [sale.order.tickets[0].number], "x",
                          till.operator("OP-SUPERVISOR"))  # fmt: skip
    with pytest.raises(TrainingMismatch):
        till.after.reprint(sale.order.id, sale.order.tickets[0].number, "x",
                           till.operator("OP-SUPERVISOR"))  # fmt: skip
    assert [t.state for t in till.after.order(sale.order.id).tickets] == ["valid", "valid"]


def test_standing_places_given_back_are_on_sale_again(till: Till) -> None:
    cart = till.selling.open_cart().cart.id
    view = till.selling.add_places(cart, "P-FAB-1", "GRADINS", 3)
    sale = till.selling.complete(cart, PaymentPlan(view.due).exact_cash(), "OP-CASHIER")
    with till.services.uow_factory(read_only=True) as uow:
        before = uow.standing.taken("P-FAB-1", "GRADINS", till.clock.now())
    numbers = [t.number for t in sale.order.tickets[:2]]
    result = till.after.refund(sale.order.id, numbers, "ill", till.operator("OP-SUPERVISOR"))
    assert result.record["lines"][0]["quantity"] == 2  # type: ignore[index]
    assert result.record["returned_places"] == [  # what the server is told
        {"performance": "P-FAB-1", "seat": None, "zone": "GRADINS", "places": 2}
    ]
    with till.services.uow_factory(read_only=True) as uow:
        assert uow.standing.taken("P-FAB-1", "GRADINS", till.clock.now()) == before - 2
