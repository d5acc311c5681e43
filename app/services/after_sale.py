"""After the sale: find an order (F2), refund or cancel some of its tickets to the tenders they
were paid with, and reprint a lost or damaged ticket as DUPLICATA with a new barcode.

**Find** takes one text: an order number ("G1-000012"), a ticket number ("41"), or a ticket's
barcode (typed or scanned). A barcode that a refund or a reprint voided is refused by name
(`BarcodeVoided`, which still names its order), as `check_barcode` refuses it at any later scan.

**A refund**, in order (nothing half done: the money, the seats and the journal agree):

1. one write transaction: the rules (`domain.refunds.plan_correction`: each ticket once, never
   more than was paid, per tender), the supervisor's approval above the station's threshold
   (`refund_approval_above`; a wrong PIN refuses and counts as at the login), an open till
   session; the correction is stored *pending* with its planned record;
2. the card part, if any, through the terminal: a *reversal* (ZVT 06 30) of a card payment
   given back whole in its own session, else a *refund* (06 31); the card payment's reference
   is the correction's id. Declined: the correction is abandoned, nothing was given back. No
   answer: it stays pending, the payment unknown (settled on the Devices screen) and
   `recover_at_start` finishes it once the terminal's outcome is known;
3. one write transaction (`_complete`): the tickets voided (a conditional update: a ticket
   refunded meanwhile stops it), their seats and places back on sale through the `Inventory`
   port, a gift card credited back, the journal entry (`domain.ledger`'s "refund" or
   "cancellation" shape) and its outbox event for the server, the correction done;
4. after the commit the drawer opens when cash goes back.

A till killed between the terminal's approval and step 3 finishes the refund at the next start
(`recover_at_start`), and says so; one killed before any card was touched abandons it.

**A reprint** (`reprint`), one transaction: the privilege (`domain.refunds.may_reprint`, or a
supervisor's PIN), a new unguessable barcode, the old one voided for ever, the "reprint" journal
entry (who, when, why, the ticket number, both barcodes) and its outbox event, and the ticket's
print job marked DUPLICATA, dispatched after the commit.

Nothing here touches Qt; the card terminal's calls block: run `refund` on a lane of its own.
"""

from __future__ import annotations

import logging
import re
import secrets
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from app.services import auth, training
from app.services.changes import Changes
from app.services.payments import CardPayment, PaymentState
from app.services.pickups import PickupServices
from app.services.ports import (
    Clock,
    Inventory,
    PinHasher,
    Returned,
    UnitOfWork,
    UnitOfWorkFactory,
)
from app.services.records import (
    CorrectionRecord,
    OrderRecord,
    PrintJob,
    ReprintRecord,
    TicketRecord,
)
from app.services.selling import LocalInventory, order_number
from app.services.tickets import receipt_document, ticket_document
from app.services.tills import session_for_sale
from domain.barcodes import new_barcode
from domain.credit import credit_code, to_credit_balance
from domain.errors import DomainError
from domain.gift_cards import valid_until
from domain.journal import JournalEntry
from domain.ledger import CANCELLATION, REPRINT, read_money
from domain.money import Money
from domain.operators import Operator
from domain.orders import Ticket
from domain.refunds import (
    CARD,
    CASH,
    VOUCHER,
    CorrectionPlan,
    NotAllowedToReprint,
    ReasonNeeded,
    correction_record,
    items,
    may_approve,
    may_reprint,
    needs_approval,
    plan_correction,
    returned_by_tender,
    ticket_lines,
)
from domain.training import marked
from drivers.payment import PaymentOutcome, PaymentResult, ProgressListener, TransactionKind
from printing.data import ReceiptData, TicketData

log = logging.getLogger(__name__)

# kind, amount, reference (the correction's id), receipt number to reverse, progress
CardRun = Callable[
    [TransactionKind, Money, str, int | None, ProgressListener | None],
    tuple[CardPayment, PaymentResult],
]
# Inside the reprint's transaction: queue the DUPLICATA's job (reprint_of: the ticket's last
# job), return its id; dispatched after the commit.
QueueDuplicate = Callable[[UnitOfWork, TicketData, str | None], str]

ORDER_NUMBER = re.compile(r"^([A-Z0-9_]+)-(\d{1,9})$")


class AfterSaleError(DomainError):
    pass


class NothingFound(AfterSaleError):
    def __init__(self, text: str) -> None:
        super().__init__(f"no order, ticket number or barcode {text!r} on this till")
        self.text = text


class BarcodeVoided(AfterSaleError):
    """A barcode that was voided: by a refund (``why`` "refunded"/"cancelled") or by a reprint
    ("reprinted": a DUPLICATA with another barcode replaced it)."""

    def __init__(self, barcode: str, why: str, ticket: int, order_id: str, number: str) -> None:
        super().__init__(
            f"barcode {barcode} is void ({why}): ticket {ticket} of order {number}; "
            "it gives no entry"
        )
        self.barcode = barcode
        self.why = why
        self.ticket = ticket
        self.order_id = order_id
        self.number = number


class ApprovalNeeded(AfterSaleError):
    def __init__(self, amount: Money, threshold: Money) -> None:
        super().__init__(
            f"a refund of {amount.minor} minor units is above {threshold.minor}: "
            "a supervisor approves it with their PIN"
        )
        self.amount = amount
        self.threshold = threshold


class NotASupervisor(AfterSaleError):
    def __init__(self) -> None:
        super().__init__("only a supervisor approves this: nothing was done")


class RefundUnderWay(AfterSaleError):
    def __init__(self, correction_id: str) -> None:
        super().__init__(
            f"a refund of this order ({correction_id}) waits for the card terminal's outcome: "
            "settle that card payment first (Devices screen); nothing else was done"
        )
        self.correction_id = correction_id


class RefundDeclined(AfterSaleError):
    """The terminal refused the card refund: nothing was given back, the tickets stay valid."""

    def __init__(self, message: str) -> None:
        super().__init__(
            f"the card terminal refused the refund ({message}): nothing was given back"
        )
        self.terminal_message = message


class RefundOutcomeUnknown(AfterSaleError):
    """The terminal stopped answering during the card refund: the refund is not recorded yet
    and the card may or may not have been credited."""

    def __init__(self, correction_id: str, message: str) -> None:
        super().__init__(
            f"the card terminal did not say whether it refunded the card ({message}). The "
            "tickets stay valid until a supervisor settles the card payment on the Devices "
            "screen; the refund is then recorded at the next start. Do not refund again"
        )
        self.correction_id = correction_id


class NoCardTerminal(AfterSaleError):
    def __init__(self) -> None:
        super().__init__(
            "this station has no card terminal: a card refund is not possible here; "
            "nothing was done"
        )


class TrainingMismatch(AfterSaleError):
    """A real sale corrected in training mode, or a training sale outside it: refused (the
    journal would not count what really changed)."""

    def __init__(self, training_sale: bool) -> None:
        super().__init__(
            "this order was sold in training mode: correct it in training mode"
            if training_sale
            else "training mode is on: a real order is refunded or reprinted only outside it"
        )
        self.training_sale = training_sale


class TicketNotValid(AfterSaleError):
    def __init__(self, number: int, state: str) -> None:
        super().__init__(f"ticket {number} is {state}: it cannot be reprinted")
        self.number = number
        self.state = state


@dataclass(frozen=True, slots=True)
class TicketLine:
    """One ticket of a found order, for the screen. ``state``: "valid", "refunded",
    "cancelled", or "reprinted" (valid, its barcode replaced ``duplicates`` times)."""

    number: int
    barcode: str
    label: str
    seat: str
    tariff: str
    price: Money
    state: str
    duplicates: int = 0


@dataclass(frozen=True, slots=True)
class TenderLine:
    method: str
    amount: Money
    reference: str
    returned: Money


@dataclass(frozen=True, slots=True)
class OrderView:
    id: str
    number: str
    at: datetime
    operator: str
    total: Money
    tickets: tuple[TicketLine, ...]
    tenders: tuple[TenderLine, ...]
    corrections: tuple[CorrectionRecord, ...]
    reprints: tuple[ReprintRecord, ...]
    prints: tuple[PrintJob, ...]
    history: tuple[JournalEntry, ...]
    found_ticket: int | None = None  # the ticket the search named, when it named one

    @property
    def refundable(self) -> tuple[int, ...]:
        return tuple(t.number for t in self.tickets if t.state in ("valid", "reprinted"))


@dataclass(frozen=True, slots=True)
class RefundResult:
    correction: CorrectionRecord
    record: dict[str, object]
    cash_back: Money  # to hand over from the drawer
    card_back: Money
    voucher_back: Money
    changes: Changes = field(default_factory=Changes)
    credit_code: str = ""  # the credit balance (avoir) it issued, if it went to one


@dataclass(frozen=True, slots=True)
class ReprintResult:
    reprint: ReprintRecord
    print_job: str | None  # None on a station without a ticket printer
    changes: Changes = field(default_factory=Changes)


@dataclass(frozen=True, slots=True)
class Recovered:
    """What `recover_at_start` did with a refund a stopped till left pending, for the cashier."""

    correction_id: str
    order_number: str
    outcome: str  # "completed", "abandoned", "waiting"; "gift_card" (`app.services.gift_cards`)
    message: str
    cash_back: Money | None = None
    amount: Money | None = None  # a gift card's: the card payment put on it


class AfterSaleServices:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        till: str,
        hasher: PinHasher,
        *,
        inventory: Inventory | None = None,
        card: CardRun | None = None,
        refund_approval_above: Money | None = None,
        open_drawer: Callable[[], None] | None = None,
        queue_duplicate: QueueDuplicate | None = None,
        dispatch: Callable[[Sequence[str]], None] | None = None,
        recorded: Callable[[], None] | None = None,
        print_receipt: Callable[[ReceiptData], str] | None = None,
        random_bits: Callable[[int], int] = secrets.randbits,
        pickups: PickupServices | None = None,
    ) -> None:
        self._uow = uow_factory
        self._clock = clock
        self._till = till
        self._hasher = hasher
        self._inventory: Inventory = inventory or LocalInventory()
        self._card = card
        self.refund_approval_above = refund_approval_above
        self._open_drawer = open_drawer
        self._queue_duplicate = queue_duplicate
        self._dispatch = dispatch
        self._recorded = recorded
        self._print_receipt = print_receipt
        self._random_bits = random_bits
        self.recovered: list[Recovered] = []  # what the last `recover_at_start` did
        # Orders placed elsewhere printed here (F8); None: the station prints no tickets.
        self.pickups = pickups

    @property
    def uow_factory(self) -> UnitOfWorkFactory:
        return self._uow

    @property
    def till(self) -> str:
        return self._till

    @property
    def clock(self) -> Clock:
        return self._clock

    # --- find -----------------------------------------------------------------------------

    def find(self, text: str) -> OrderView:
        """The order an order number, ticket number or barcode names; `NothingFound`, or
        `BarcodeVoided` for a barcode a refund or a reprint voided."""
        wanted = text.strip().upper()
        if not wanted:
            raise NothingFound(text)
        with self._uow(read_only=True) as uow:
            found = ORDER_NUMBER.match(wanted)
            if found is not None:
                order = uow.after_sale.order_by_number(found.group(1), int(found.group(2)))
                if order is not None:
                    return self._view(uow, order)
            if wanted.isdigit():
                ticket = uow.after_sale.ticket_by_number(self._till, int(wanted))
                if ticket is not None:
                    return self._view(uow, uow.after_sale.order(ticket.order_id), ticket.number)
                raise NothingFound(text)
            ticket = self._valid_ticket(uow, wanted)
            return self._view(uow, uow.after_sale.order(ticket.order_id), ticket.number)

    def order(self, order_id: str) -> OrderView:
        with self._uow(read_only=True) as uow:
            return self._view(uow, uow.after_sale.order(order_id))

    def check_barcode(self, barcode: str) -> TicketRecord:
        """A scanned barcode's ticket when it is valid; `BarcodeVoided` or `NothingFound`."""
        with self._uow(read_only=True) as uow:
            return self._valid_ticket(uow, barcode.strip().upper())

    def _valid_ticket(self, uow: UnitOfWork, barcode: str) -> TicketRecord:
        ticket = uow.after_sale.ticket_by_barcode(barcode)
        if ticket is not None:
            if ticket.state != "valid":
                order = uow.after_sale.order(ticket.order_id)
                raise BarcodeVoided(
                    barcode,
                    ticket.void_reason or "void",
                    ticket.number,
                    order.id,
                    order_number(order.till, order.device_seq),
                )
            return ticket
        reprint = uow.after_sale.reprint_of_barcode(barcode)
        if reprint is not None:
            order = uow.after_sale.order(reprint.order_id)
            raise BarcodeVoided(
                barcode,
                "reprinted",
                reprint.ticket_number,
                order.id,
                order_number(order.till, order.device_seq),
            )
        raise NothingFound(barcode)

    def _view(self, uow: UnitOfWork, order: OrderRecord, found: int | None = None) -> OrderView:
        record = order.document
        tickets = uow.after_sale.tickets(order.id)
        corrections = uow.after_sale.corrections(order.id)
        reprints = uow.after_sale.reprints(order.id)
        done = [c.document for c in corrections if c.state == "done"]
        lines = items(record, "lines")
        by_number = ticket_lines(record)
        duplicates: dict[int, int] = {}
        for r in reprints:
            duplicates[r.ticket_number] = duplicates.get(r.ticket_number, 0) + 1
        shown = []
        for t in tickets:
            line = lines[by_number[t.number]] if t.number in by_number else {}
            state = t.void_reason or "void" if t.state != "valid" else "valid"
            if state == "valid" and duplicates.get(t.number):
                state = "reprinted"
            shown.append(
                TicketLine(
                    number=t.number,
                    barcode=t.barcode,
                    label=str(line.get("label", "")),
                    seat=str(line.get("seat", "")),
                    tariff=t.audience,
                    price=Money(t.price_minor, t.currency),
                    state=state,
                    duplicates=duplicates.get(t.number, 0),
                )
            )
        returned = returned_by_tender(record, done)
        tenders = tuple(
            TenderLine(
                str(t.get("method")),
                read_money(t.get("amount")),
                str(t.get("reference") or ""),
                back,
            )
            for t, back in zip(items(record, "tenders"), returned, strict=True)
        )
        seqs = [uow.sales.journal_seq_of(order.id)]
        seqs += [c.journal_seq for c in corrections] + [r.journal_seq for r in reprints]
        history = []
        for seq in sorted({s for s in seqs if s is not None}):
            entry = uow.journal.entry(self._till, seq)
            if entry is not None:
                history.append(entry)
        return OrderView(
            id=order.id,
            number=order_number(order.till, order.device_seq),
            at=order.at,
            operator=order.operator_id,
            total=read_money(record.get("total")),
            tickets=tuple(shown),
            tenders=tenders,
            corrections=tuple(corrections),
            reprints=tuple(reprints),
            prints=tuple(uow.print_jobs.for_tickets(t.number for t in tickets)),
            history=tuple(history),
            found_ticket=found,
        )

    # --- refund ---------------------------------------------------------------------------

    def quote(self, order_id: str, tickets: Sequence[int]) -> CorrectionPlan:
        """What giving back ``tickets`` would return, by tender (nothing is changed); the
        screen shows it and asks for a supervisor when `needs_approval`."""
        with self._uow(read_only=True) as uow:
            order = uow.after_sale.order(order_id)
            return self.plan_in(uow, order, tickets)

    def needs_approval(self, plan: CorrectionPlan) -> bool:
        return needs_approval(plan.total, self.refund_approval_above)

    def refund(
        self,
        order_id: str,
        tickets: Sequence[int],
        reason: str,
        operator: Operator,
        approver: tuple[str, str] | None = None,
        progress: ProgressListener | None = None,
        to_credit: bool = False,
    ) -> RefundResult:
        """Give back ``tickets`` of the order (see the module docstring). ``approver``: the
        supervisor's operator id and PIN, needed above the threshold. ``to_credit``: onto a
        new credit balance (`domain.credit`) instead of the tenders. Blocks while the card
        terminal works: call it on a lane of its own."""
        if not reason.strip():
            raise ReasonNeeded()
        supervisor = self._approval(order_id, tickets, operator, approver)
        correction = self._begin(order_id, tickets, reason, operator, supervisor, to_credit)
        references = self._card_part(correction, order_id, progress)
        return self._complete(correction.id, references)

    def _approval(
        self,
        order_id: str,
        tickets: Sequence[int],
        operator: Operator,
        approver: tuple[str, str] | None,
    ) -> Operator | None:
        plan = self.quote(order_id, tickets)
        threshold = self.refund_approval_above
        if not needs_approval(plan.total, threshold):
            return None
        assert threshold is not None
        if approver is None:
            if may_approve(operator):
                return operator  # a supervisor at the till approves their own refund
            raise ApprovalNeeded(plan.total, threshold)
        return self.supervisor(*approver)

    def supervisor(self, operator_id: str, pin: str) -> Operator:
        """The supervisor whose PIN this is; WrongPin (counted) or `NotASupervisor`."""
        with self._uow(read_only=True) as uow:
            if not may_approve(uow.operators.get(operator_id)):
                raise NotASupervisor()
        return auth.check_pin(self._uow, self._hasher, self._clock, operator_id, pin)

    def plan_in(
        self, uow: UnitOfWork, order: OrderRecord, tickets: Sequence[int]
    ) -> CorrectionPlan:
        """Inside the caller's transaction: the rules' plan of giving back ``tickets``."""
        corrections = uow.after_sale.corrections(order.id)
        pending = [c for c in corrections if c.state == "pending"]
        if pending:
            raise RefundUnderWay(pending[0].id)
        session = uow.till_sessions.current(self._till)
        return plan_correction(
            order.document,
            [c.document for c in corrections if c.state == "done"],
            tickets,
            same_session=session is not None and session.id == order.session_id,
        )

    def _begin(
        self,
        order_id: str,
        tickets: Sequence[int],
        reason: str,
        operator: Operator,
        supervisor: Operator | None,
        to_credit: bool = False,
    ) -> CorrectionRecord:
        """Step 1: the rules, then the correction stored pending (its planned record)."""
        with self._uow() as uow:
            order = uow.after_sale.order(order_id)
            same_mode(uow, order)
            plan = self.plan_in(uow, order, tickets)
            extra: dict[str, object] = {}
            if to_credit:
                code = credit_code(new_barcode(self._random_bits))
                plan = to_credit_balance(plan, code)
                extra["credit_balance"] = code
            if plan.by(CARD).minor and self._card is None:
                raise NoCardTerminal()
            session = session_for_sale(uow, self._till)  # cash goes back from an open drawer
            correction = self.begin_in(
                uow, order, plan, reason, operator, supervisor, session.id, extra
            )
            uow.commit()
        return correction

    def begin_in(
        self,
        uow: UnitOfWork,
        order: OrderRecord,
        plan: CorrectionPlan,
        reason: str,
        operator: Operator,
        supervisor: Operator | None,
        session_id: str,
        extra: dict[str, object] | None = None,
    ) -> CorrectionRecord:
        """Inside the caller's transaction: the correction stored pending with its planned
        record (``extra`` keys added to it: an exchange's id). `_begin` and an exchange."""
        now = self._clock.now()
        correction_id = str(uuid.uuid4())
        record = correction_record(
            plan,
            correction_id=correction_id,
            at=now,
            till=self._till,
            session=session_id,
            operator=operator.id,
            reason=reason,
            original_order_number=order_number(order.till, order.device_seq),
            approved_by=supervisor.id if supervisor is not None else "",
        )
        record.update(extra or {})
        correction = CorrectionRecord(
            id=correction_id,
            till=self._till,
            order_id=order.id,
            kind=plan.kind,
            state="pending",
            tickets=plan.tickets,
            total_minor=plan.total.minor,
            currency=plan.total.currency,
            operator_id=operator.id,
            approved_by=supervisor.id if supervisor is not None else None,
            reason=reason.strip(),
            document=record,
            created_at=now,
        )
        uow.after_sale.add_correction(correction)
        return correction

    def _card_part(
        self, correction: CorrectionRecord, order_id: str, progress: ProgressListener | None
    ) -> dict[int, str]:
        """Step 2: each card return through the terminal; the payment ids by tender index."""
        references: dict[int, str] = {}
        card_returns = [t for t in _tenders(correction.document) if t["method"] == CARD]
        if not card_returns:
            return references
        assert self._card is not None
        with self._uow(read_only=True) as uow:
            order = uow.after_sale.order(order_id)
            session = uow.till_sessions.current(self._till)
            same_session = session is not None and session.id == order.session_id
            originals = {
                str(t["reference"]): uow.payments.get(str(t["reference"]))
                for t in card_returns
                if t.get("reference")
            }
        for tender in card_returns:
            amount = read_money(tender["amount"])
            original = originals.get(str(tender.get("reference") or ""))
            whole = original is not None and original.amount == amount
            receipt = original.receipt_no if original is not None else None
            try:
                if whole and same_session and receipt is not None:
                    payment, result = self._card(
                        TransactionKind.REVERSAL, amount, correction.id, receipt, progress
                    )
                    if result.outcome is PaymentOutcome.DECLINED:  # e.g. after the day's end
                        payment, result = self._card(
                            TransactionKind.REFUND, amount, correction.id, None, progress
                        )
                else:
                    payment, result = self._card(
                        TransactionKind.REFUND, amount, correction.id, None, progress
                    )
            except Exception as failure:
                self._after_card_failure(correction, references, failure)
                raise
            if result.outcome is PaymentOutcome.DECLINED:
                if references:  # an earlier card of this refund was credited: keep it pending
                    raise RefundOutcomeUnknown(correction.id, result.message)
                self._abandon(correction.id, f"card refund declined: {result.message}")
                raise RefundDeclined(result.message)
            if result.outcome is PaymentOutcome.UNKNOWN:
                raise RefundOutcomeUnknown(correction.id, result.message)
            references[_index(tender)] = payment.id
        return references

    @property
    def takes_cards(self) -> bool:
        """Has the station a card terminal (`card_payment`)?"""
        return self._card is not None

    def card_payment(
        self, amount: Money, correction_id: str, progress: ProgressListener | None = None
    ) -> tuple[CardPayment, PaymentResult]:
        """A card *payment* for a pending correction (an exchange's difference) on the
        terminal, its reference the correction's id: never counted for any cart's sale, and
        an unknown outcome stays open for it. `NoCardTerminal`; blocks: run it on a lane."""
        if self._card is None:
            raise NoCardTerminal()
        return self._card(TransactionKind.PAYMENT, amount, correction_id, None, progress)

    def after_card_failure(self, correction: CorrectionRecord, failure: BaseException) -> None:
        """An exchange's card payment failed: see `_after_card_failure`."""
        self._after_card_failure(correction, {}, failure)

    def abandon(self, correction_id: str, detail: str) -> None:
        """A pending correction given up: nothing was given back, its tickets stay valid."""
        self._abandon(correction_id, detail)

    def _after_card_failure(
        self, correction: CorrectionRecord, references: dict[int, str], failure: BaseException
    ) -> None:
        """The terminal's dialogue failed: abandoned when no card refund of it can have
        happened, else left pending (the payment is unknown, settled with the terminal)."""
        with self._uow(read_only=True) as uow:
            made = uow.payments.for_reference(correction.id)
        if not references and all(p.state is PaymentState.DECLINED for p in made):
            self._abandon(correction.id, f"the card terminal failed: {failure}")

    def _abandon(self, correction_id: str, detail: str) -> None:
        with self._uow() as uow:
            uow.after_sale.decide_correction(correction_id, "abandoned", self._clock.now(), detail)
            uow.commit()

    def _complete(self, correction_id: str, references: dict[int, str]) -> RefundResult:
        """Step 3, one transaction: tickets voided, seats back, journal, outbox, done."""
        with self._uow() as uow:
            record, done, tickets = self.complete_in(uow, correction_id, references)
            uow.commit()
        cash = _sum(record, CASH)
        if self._open_drawer is not None and cash.minor > 0:
            self._open_drawer()
        if self._recorded is not None:
            self._recorded()
        return RefundResult(
            done,
            record,
            cash,
            _sum(record, CARD),
            _sum(record, VOUCHER),
            Changes(performances=frozenset(t.performance_id for t in tickets)),
            str(record.get("credit_balance", "")),
        )

    def complete_in(
        self,
        uow: UnitOfWork,
        correction_id: str,
        references: dict[int, str],
        void_reason: str = "",
    ) -> tuple[dict[str, object], CorrectionRecord, list[TicketRecord]]:
        """Inside the caller's write transaction, uncommitted: a pending correction done (its
        record journaled, its tickets voided — ``void_reason``, else "refunded"/"cancelled" —,
        their places back on sale). `_complete` and an exchange use it."""
        now = self._clock.now()
        correction = uow.after_sale.correction(correction_id)
        order = uow.after_sale.order(correction.order_id)
        record = {**correction.document, "at": now.isoformat()}
        record["tenders"] = [
            {**t, "reference": references.get(_index(t), t["reference"])} for t in _tenders(record)
        ]
        reason = void_reason or ("cancelled" if correction.kind == CANCELLATION else "refunded")
        refused = uow.after_sale.void_tickets(self._till, correction.tickets, reason, correction.id)
        if refused:  # refunded by another correction meanwhile: nothing here happened
            raise TicketNotValid(refused[0], "refunded already")
        tickets = {
            t.number: t for t in uow.after_sale.tickets(order.id) if t.number in correction.tickets
        }
        places = _returned(tickets.values())
        missing = self._inventory.give_back(uow, order.id, places)
        if missing:
            log.warning("refund %s: places not sold to the order: %s", correction.id, missing)
        for tender in _tenders(record):
            if tender["method"] != VOUCHER:
                continue
            code, amount = str(tender["reference"]), read_money(tender["amount"])
            if code == record.get("credit_balance") and uow.gift_cards.balance(code) is None:
                # The credit balance this refund issues: spent within a year, like a gift card.
                uow.gift_cards.add(code, amount, valid_until(now))
            else:
                uow.gift_cards.credit(code, amount)
        # The server learns from the event which places are on sale again.
        record["returned_places"] = [_place_json(p) for p in places]
        device_seq = uow.sales.next_device_seq(self._till)
        record["order_number"] = order_number(self._till, device_seq)  # its receipt's
        record = marked(record, training.current(uow))
        entry = uow.journal.append(self._till, record)
        uow.sales.add_outbox(
            self._till,
            device_seq,
            correction.id,
            str(record["type"]),
            record,
            now,
            journal_seq=entry.seq,
        )
        uow.after_sale.decide_correction(
            correction.id, "done", now, document=record, journal_seq=entry.seq
        )
        done = uow.after_sale.correction(correction.id)
        return record, done, list(tickets.values())

    def open_drawer(self) -> None:
        """The drawer, for cash handed back (an exchange's difference)."""
        if self._open_drawer is not None:
            self._open_drawer()

    def receipt(self, correction_id: str) -> ReceiptData:
        """The receipt of a done refund or cancellation, from its journal record: it says
        which ticket it cancels or modifies ("Ce ticket annule le ticket n° …")."""
        with self._uow(read_only=True) as uow:
            record = uow.after_sale.correction(correction_id).document
            performance = uow.catalog.get_performance(str(items(record, "lines")[0]["performance"]))
            event = uow.catalog.get_event(performance.event_id)
            season = uow.catalog.get_season(uow.catalog.get_activity(event.activity_id).season_id)
            organizer = uow.catalog.get_organizer(season.organizer_id)
            site = uow.venues.get_site(uow.venues.get_hall(performance.hall_id).site_id)
        return receipt_document(record, str(record["order_number"]), organizer.name, site.timezone)

    def print_receipt(self, correction_id: str) -> str | None:
        """Queue the refund's receipt on the receipt printer; None on a station without one."""
        if self._print_receipt is None:
            return None
        return self._print_receipt(self.receipt(correction_id))

    def recover_at_start(self) -> list[Recovered]:
        """Refunds a stopped till left pending: completed when the terminal approved every
        card part (the card was credited: the refund must stand), abandoned when no card can
        have been credited, left waiting while a card payment's outcome is unknown."""
        found: list[Recovered] = []
        with self._uow(read_only=True) as uow:
            pending = [
                (c, uow.payments.for_reference(c.id), uow.after_sale.order(c.order_id))
                for c in uow.after_sale.pending_corrections(self._till)
                if "exchange" not in c.document  # its sale too: `ExchangeServices` finishes it
            ]
        for correction, made, order in pending:
            number = order_number(order.till, order.device_seq)
            wanted = [t for t in _tenders(correction.document) if t["method"] == CARD]
            approved = [p for p in made if p.state is PaymentState.APPROVED]
            if any(p.state.open for p in made):
                found.append(
                    Recovered(correction.id, number, "waiting",
                              "a card refund's outcome is unknown: settle it on the Devices "
                              "screen; the refund is recorded at the next start")
                )  # fmt: skip
                continue
            if wanted and len(approved) >= len(wanted):
                references = {_index(t): p.id for t, p in zip(wanted, approved, strict=False)}
                result = self._complete(correction.id, references)
                found.append(
                    Recovered(correction.id, number, "completed",
                              "the card terminal had refunded the card before the till "
                              "stopped: the refund is recorded now", result.cash_back)
                )  # fmt: skip
                continue
            self._abandon(correction.id, "the till stopped before anything was given back")
            found.append(
                Recovered(correction.id, number, "abandoned",
                          "the till stopped before anything was given back: the tickets "
                          "stay valid; refund them again if the customer still wants it")
            )  # fmt: skip
        for item in found:
            log.warning("refund %s of order %s: %s", item.correction_id, item.order_number,
                        item.message)  # fmt: skip
        self.recovered = found
        return found

    # --- reprint ----------------------------------------------------------------------------

    def reprint(
        self,
        order_id: str,
        ticket_number: int,
        reason: str,
        operator: Operator,
        approver: tuple[str, str] | None = None,
    ) -> ReprintResult:
        """A lost or damaged ticket printed again as DUPLICATA with a new barcode; the old
        barcode is void from the commit on (see the module docstring)."""
        if not reason.strip():
            raise ReasonNeeded()
        allowed = operator if may_reprint(operator) else None
        if allowed is None:
            if approver is None:
                raise NotAllowedToReprint()
            allowed = self.supervisor(*approver)
        now = self._clock.now()
        job: str | None = None
        with self._uow() as uow:
            order = uow.after_sale.order(order_id)
            same_mode(uow, order)
            ticket = next(
                (t for t in uow.after_sale.tickets(order.id) if t.number == ticket_number), None
            )
            if ticket is None:
                raise NothingFound(str(ticket_number))
            if ticket.state != "valid":
                raise TicketNotValid(ticket_number, ticket.void_reason or ticket.state)
            barcode = new_barcode(self._random_bits)
            while uow.sales.barcode_taken(barcode):  # 2^-100: for the record
                barcode = new_barcode(self._random_bits)
            number = order_number(order.till, order.device_seq)
            reprint = ReprintRecord(
                id=str(uuid.uuid4()),
                till=self._till,
                order_id=order.id,
                ticket_number=ticket_number,
                old_barcode=ticket.barcode,
                new_barcode=barcode,
                operator_id=operator.id,
                reason=reason.strip(),
                at=now,
            )
            if not uow.after_sale.replace_barcode(reprint):
                raise TicketNotValid(ticket_number, "changed meanwhile")
            record = marked(
                {
                    "type": REPRINT,
                    "at": now.isoformat(),
                    "till": self._till,
                    "kind": "ticket",
                    "ticket": ticket_number,
                    "sale": order.id,
                    "order_number": number,
                    "operator": operator.id,
                    "by": allowed.name,
                    "approved_by": allowed.id if allowed is not operator else "",
                    "reason": reason.strip(),
                    "barcode": barcode,
                    "voided_barcode": ticket.barcode,
                    "copy": "DUPLICATA",
                },
                training.current(uow),
            )
            entry = uow.journal.append(self._till, record)
            uow.after_sale.set_reprint_seq(reprint.id, entry.seq)
            uow.sales.add_outbox(
                self._till,
                uow.sales.next_device_seq(self._till),
                reprint.id,
                REPRINT,
                record,
                now,
                journal_seq=entry.seq,
            )
            if self._queue_duplicate is not None:
                document = self._duplicate(uow, order, ticket, barcode, number)
                jobs = uow.print_jobs.for_tickets([ticket_number])
                job = self._queue_duplicate(uow, document, jobs[-1].id if jobs else None)
            uow.commit()
        if job is not None and self._dispatch is not None:
            self._dispatch([job])
        return ReprintResult(replace(reprint, journal_seq=entry.seq), job, Changes(print_jobs=True))

    def _duplicate(
        self, uow: UnitOfWork, order: OrderRecord, ticket: TicketRecord, barcode: str, number: str
    ) -> TicketData:
        tickets = uow.after_sale.tickets(order.id)
        fee = read_money(order.document.get("fee"))
        shares = fee.split(len(tickets)) if tickets else [fee]
        share = next(s for t, s in zip(tickets, shares, strict=True) if t.number == ticket.number)
        document = ticket_document(
            uow,
            Ticket(
                number=ticket.number,
                barcode=barcode,
                line_id="",
                performance_id=ticket.performance_id,
                category=ticket.category,
                audience=ticket.audience,
                price=Money(ticket.price_minor, ticket.currency),
                seat_id=ticket.seat_id,
                zone_id=ticket.zone_id,
            ),
            share,
            number,
            order.till,
        )
        if order.document.get("training") is True:
            document = replace(document, training=True)
        return document.as_duplicate()


# --- inside ---------------------------------------------------------------------------------


def _tenders(record: dict[str, object]) -> list[dict[str, object]]:
    value = record.get("tenders") or []
    assert isinstance(value, list)
    return [dict(t) for t in value]


def same_mode(uow: UnitOfWork, order: OrderRecord) -> None:
    """`TrainingMismatch` unless the till is in the mode the order was sold in."""
    training_sale = order.document.get("training") is True
    if training_sale != (training.current(uow) is not None):
        raise TrainingMismatch(training_sale)


def _index(tender: dict[str, object]) -> int:
    index = tender["original_tender"]
    assert isinstance(index, int)
    return index


def _sum(record: dict[str, object], method: str) -> Money:
    currency = read_money(record.get("total")).currency
    minor = sum(read_money(t["amount"]).minor for t in _tenders(record) if t["method"] == method)
    return Money(minor, currency)


def _returned(tickets: Iterable[TicketRecord]) -> list[Returned]:
    """The places of refunded tickets: each seat, and per standing zone the count."""
    seats: list[Returned] = []
    zones: dict[tuple[str, str], int] = {}
    for t in tickets:
        if t.seat_id is not None:
            seats.append(Returned(t.performance_id, seat_id=t.seat_id))
        elif t.zone_id is not None:
            key = (t.performance_id, t.zone_id)
            zones[key] = zones.get(key, 0) + 1
    return seats + [Returned(p, zone_id=z, places=n) for (p, z), n in zones.items()]


def _place_json(place: Returned) -> dict[str, object]:
    return {
        "performance": place.performance_id,
        "seat": place.seat_id,
        "zone": place.zone_id,
        "places": place.places,
    }
