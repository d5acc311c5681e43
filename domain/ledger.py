"""The one ledger: every total of the till (X and Z reports, the session close, the fiscal
closures, the settlement, the accounting export) computed from the fiscal journal's records
only, never from other tables, so that no two reports can disagree.

Plain Python: no I/O, no clock. The caller passes records (the ``record`` of each
`domain.journal.JournalEntry`, in the journal's order) and a `Selection`; `totals` walks them
once and returns a frozen `Totals`. `Ledger` is the same walk kept open, for a caller that
groups (one ledger per day, per month...) or streams a long journal.

Money in records is integer minor units with the currency beside it, either
``{"minor": 1250, "currency": "EUR"}`` (sales) or ``{"amount_minor": 1250, "currency": "EUR"}``
(the session's float); both are read.

A record with ``"training": true`` (training mode) never counts, whatever its type.

The records read, by ``"type"`` (every record also has ``"at"``, an ISO-8601 time with its
offset, and ``"till"``, the point of sale's code):

``sale`` (`domain.orders.sale_record`)
    ``session``, ``operator``, ``sale`` (its id), ``lines`` (each with ``performance``,
    ``label``, ``quantity``, ``amount``, ``vat_rate_bp``), ``fee`` (money and
    ``vat_rate_bp``), ``vat`` (per rate: ``rate_bp``, ``net``, ``vat``, ``gross``),
    ``total``, ``tenders`` (``method`` — "cash", "card", "voucher", "other" —, ``amount``
    (what it counts for: cash given beyond it is change), ``reference`` (for "other", the
    kind: "cheque")), ``tickets`` (the ticket numbers it issued).

``cancellation`` and ``refund`` (a correction: a new entry, never an edit)
    A **cancellation** voids a whole sale (usually at once, at the same till); a **refund**
    gives back all or part of a sale later. Both have the same shape, whose amounts are
    **positive and are what the correction reverses**::

        {"type": "refund", "at": ..., "till": ..., "session": ..., "operator": ...,
         "correction": "<this correction's id>",
         "sale": "<the original sale's id>",
         "original_tickets": [12, 13],        # the original's ticket numbers it reverses
         "reason": "performance cancelled",
         "lines": [...], "fee": {...},        # the sale's line and fee shapes, reversed part
         "vat": [...], "total": {...},        # per rate and in all, what is reversed
         "tenders": [...],                    # how the money went back, by tender
         "tickets": [41]}                     # its own ticket numbers, if it prints any

    The ledger subtracts them from the tenders, VAT rates and performances, and counts them
    apart (count and amount of cancellations, of refunds).

    An **exchange** (`domain.exchanges`) is a refund and a sale sharing an ``"exchange"`` id,
    read by these same rules: the returned tickets' value goes back by, and the new sale is
    paid first by, the "other" tender of kind "exchange" for the same amount (its row nets to
    zero); only the difference moves the cash tender.

``gift_card_sale`` and ``top_up`` (`gift_card_record`: a liability, not revenue)
    ``session``, ``operator``, ``card`` (the gift card's code), ``amount`` (the value put
    on the card), ``tenders`` (the sale's tender shape: how it was paid). A gift card sold
    or topped up is **not a sale**: it adds to no sales total, VAT rate, performance or net
    total — the revenue counts when the card is spent, as the "voucher" tender of a sale.
    Its tenders count like a sale's (the cash is in the drawer), and it is counted apart
    (`Totals.gift_cards_sold`, `Totals.top_ups`): the money the till owes card holders.

``cash_in`` and ``cash_out`` (`cash_movement_record`)
    ``session``, ``operator``, ``amount`` (positive), ``reason``: cash put into or taken out
    of the drawer without a sale.

``session_open`` (`app.services.tills.session_open_record`)
    ``session``, ``float`` (the counted float, ``amount_minor``): the cash the drawer starts
    with. It also opens the session for the records that do not name theirs.

``session_close``
    ``session``: seals it; records of the till after it and before the next opening belong
    to no session. It counts nothing itself (its totals, counts and variances are read by no
    total here), so the X report just before a close equals the Z report after it.

``reprint``
    One duplicate printed (``ticket``: the ticket number, when a ticket).

``drawer_opened`` with ``"reason": "no_sale"``
    The drawer opened without a sale.

``pickup`` (`domain.pickups.pickup_record`)
    An order placed elsewhere (the web, the telephone) whose tickets this till printed:
    ``tickets`` (their numbers in that channel), ``value`` (the order's total), and for an
    order paid at the box office ``due`` and the ``tenders`` that paid it (the sale's tender
    shape). The sale is the server's, recorded where the order was placed: a pick-up is
    **never the till's revenue** (no sales total, VAT rate, performance or net total). One
    paid where it was placed (no tenders) is counted apart (`Totals.pickups`); the tenders
    of one paid here count in the session's takings by tender like a sale's (the cash is in
    the drawer: the expected cash, the blind count's variances include it) and apart
    (`Totals.pickups_paid`: how many, and what they paid). `pickup_tickets`: every ticket
    printed by a pick-up.

Any other type (``print``, ``startup``, ``login``, ``session_count`` — a blind count, see
`domain.till.count_record` —, the fiscal closures...) counts nothing.

Records that name no ``session`` (reprints, drawer openings) belong to the session open on
their till at that point of the journal, which is why the records go in in journal order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from domain.errors import DomainError
from domain.money import Money

# Record types.
SALE = "sale"
CANCELLATION = "cancellation"
REFUND = "refund"
CASH_IN = "cash_in"
CASH_OUT = "cash_out"
SESSION_OPEN = "session_open"
SESSION_CLOSE = "session_close"
REPRINT = "reprint"
DRAWER_OPENED = "drawer_opened"
GIFT_CARD_SALE = "gift_card_sale"
TOP_UP = "top_up"
STORED_VALUE = (GIFT_CARD_SALE, TOP_UP)
PICKUP = "pickup"
NO_SALE = "no_sale"
CORRECTIONS = (CANCELLATION, REFUND)

CASH = "cash"


class LedgerError(DomainError):
    """A record the ledger cannot read (money without its currency, a naive time...)."""


@dataclass(frozen=True, slots=True)
class Selection:
    """Which records count: those of one session, of one till, of the period [start, end)
    (by their ``at``). None selects everything on that axis."""

    session: str | None = None
    till: str | None = None
    start: datetime | None = None
    end: datetime | None = None

    def __post_init__(self) -> None:
        for moment in (self.start, self.end):
            if moment is not None and moment.utcoffset() is None:
                raise LedgerError("a period's bounds are timezone-aware")


EVERYTHING = Selection()


@dataclass(frozen=True, slots=True)
class Tally:
    """How many, and for how much."""

    count: int
    amount: Money


@dataclass(frozen=True, slots=True)
class TenderTotal:
    """One means of payment: ``method`` ("cash", "card", "voucher", "other") and, for
    "other", its ``kind`` ("cheque"). ``taken`` by sales, ``returned`` by corrections."""

    method: str
    kind: str
    taken: Money
    returned: Money
    count: int  # tenders taken

    @property
    def net(self) -> Money:
        return self.taken - self.returned

    @property
    def key(self) -> str:
        """ "cash", "card", "voucher", or the other tender's kind ("cheque")."""
        return (self.kind or self.method) if self.method == "other" else self.method


@dataclass(frozen=True, slots=True)
class VatTotal:
    rate_bp: int
    net: Money
    vat: Money
    gross: Money


@dataclass(frozen=True, slots=True)
class PerformanceTotal:
    performance: str
    label: str
    tickets: int  # sold less reversed
    gross: Money  # its lines' amounts, less what corrections reversed (fees apart)


@dataclass(frozen=True, slots=True)
class TariffTotal:
    """The tickets of one tariff (audience code) of one performance: the settlement's row.
    ``vat`` is the VAT in ``gross``: each record's VAT at a rate shared over its lines (and
    fee) at that rate in proportion to their amounts (`Money.allocate`), so the tariffs' VAT
    and `Totals.fees_vat` add up to the VAT totals to the cent."""

    performance: str
    tariff: str
    tickets: int
    gross: Money
    vat: Money


@dataclass(frozen=True, slots=True)
class Totals:
    """What a selection of the journal adds up to. Amounts are in ``currency``."""

    currency: str
    selection: Selection
    sales: Tally  # sales as sold (gross)
    cancellations: Tally  # what cancellations reversed
    refunds: Tally  # what refunds reversed
    tenders: tuple[TenderTotal, ...]  # by method then kind
    vat: tuple[VatTotal, ...]  # by rate, net of corrections
    performances: tuple[PerformanceTotal, ...]  # by performance id
    fees: Money  # order fees, net of corrections
    floats: Money  # the sessions' opening floats
    cash_in: Tally
    cash_out: Tally
    reprints: int
    drawer_openings_without_sale: int
    tickets_issued: int  # ticket numbers issued by sales
    first_ticket: int | None  # lowest ticket number issued (sales and corrections)
    last_ticket: int | None
    sessions: tuple[str, ...]  # the sessions met, in order of appearance
    records: int  # records that counted
    first_at: datetime | None
    last_at: datetime | None
    tariffs: tuple[TariffTotal, ...] = ()  # by performance then tariff
    fees_vat: Money | None = None  # the VAT in the fees (shared as in TariffTotal)
    gift_cards_sold: Tally | None = None  # value put on new gift cards (not revenue)
    top_ups: Tally | None = None  # value added to existing gift cards (not revenue)
    pickups: Tally | None = None  # orders paid elsewhere printed here (their value; not revenue)
    pickup_tickets: int = 0  # the tickets of every order picked up
    pickups_paid: Tally | None = None  # orders placed elsewhere paid here (in the tenders)

    @property
    def net_total(self) -> Money:
        """The grand total of the selection: sales less cancellations and refunds."""
        return self.sales.amount - self.cancellations.amount - self.refunds.amount

    @property
    def corrections(self) -> Tally:
        return Tally(
            self.cancellations.count + self.refunds.count,
            self.cancellations.amount + self.refunds.amount,
        )

    def tender(self, key: str) -> Money:
        """The net of one tender by its `TenderTotal.key` ("cash", "card", "cheque"...):
        zero when none was taken."""
        amounts = [t.net for t in self.tenders if t.key == key]
        return sum(amounts[1:], amounts[0]) if amounts else Money.zero(self.currency)

    @property
    def expected_cash(self) -> Money:
        """What the drawer should hold: the floats, the cash taken less given back, cash in
        less cash out."""
        return self.floats + self.tender(CASH) + self.cash_in.amount - self.cash_out.amount

    def expected(self) -> dict[str, Money]:
        """Per tender key, what the till should hold at the end: the cash in the drawer,
        every other tender's net. "cash" is always there."""
        result = {CASH: self.expected_cash}
        for tender in self.tenders:
            if tender.key != CASH:
                result[tender.key] = self.tender(tender.key)
        return result


def read_money(value: object, where: str = "amount") -> Money:
    """Money as the journal holds it: ``{"minor"|"amount_minor": int, "currency": str}``."""
    if not isinstance(value, Mapping):
        raise LedgerError(f"{where} is not money: {value!r}")
    minor = value.get("minor", value.get("amount_minor"))
    currency = value.get("currency")
    if isinstance(minor, bool) or not isinstance(minor, int) or not isinstance(currency, str):
        raise LedgerError(f"{where} is not money in minor units with a currency: {value!r}")
    return Money(minor, currency)


def money_record(amount: Money) -> dict[str, object]:
    """Money as the sale record writes it."""
    return {"minor": amount.minor, "currency": amount.currency}


def cash_movement_record(
    kind: str,
    at: datetime,
    till: str,
    session: str,
    operator: str,
    operator_id: str,
    amount: Money,
    reason: str,
) -> dict[str, object]:
    """The journal's record of a cash in or cash out (``kind``: `CASH_IN` or `CASH_OUT`)."""
    if kind not in (CASH_IN, CASH_OUT):
        raise LedgerError(f"not a cash movement: {kind!r}")
    return {
        "type": kind,
        "at": at.isoformat(),
        "till": till,
        "session": session,
        "operator": operator,
        "operator_id": operator_id,
        "amount": money_record(amount),
        "reason": reason,
    }


def gift_card_record(
    kind: str,
    at: datetime,
    till: str,
    session: str,
    operator: str,
    card: str,
    amount: Money,
    tenders: Iterable[Mapping[str, object]],
) -> dict[str, object]:
    """The journal's record of a gift card sold (`GIFT_CARD_SALE`) or topped up (`TOP_UP`):
    the value put on ``card`` and how it was paid (the sale's tender shape)."""
    if kind not in STORED_VALUE:
        raise LedgerError(f"not a gift card sale or top-up: {kind!r}")
    if amount.minor <= 0:
        raise LedgerError("a gift card is sold or topped up for more than zero")
    return {
        "type": kind,
        "at": at.isoformat(),
        "till": till,
        "session": session,
        "operator": operator,
        "card": card,
        "amount": money_record(amount),
        "tenders": [dict(t) for t in tenders],
    }


def correction_record(
    kind: str,
    sale: Mapping[str, object],
    *,
    correction_id: str,
    at: datetime,
    session: str,
    operator: str,
    reason: str,
    tickets: Iterable[int] = (),
) -> dict[str, object]:
    """The record of a correction that reverses the whole of ``sale`` (a sale record): a
    `CANCELLATION`, or a `REFUND` of everything; the money goes back by the sale's tenders.
    A partial refund builds the same shape with the reversed part only."""
    if kind not in CORRECTIONS:
        raise LedgerError(f"not a correction: {kind!r}")
    return {
        "type": kind,
        "at": at.isoformat(),
        "till": sale.get("till"),
        "session": session,
        "operator": operator,
        "correction": correction_id,
        "sale": sale.get("sale"),
        "original_tickets": _numbers(sale.get("tickets")),
        "reason": reason,
        "lines": [dict(line) for line in _items(sale, "lines")],
        "fee": sale.get("fee"),
        "vat": [dict(line) for line in _items(sale, "vat")],
        "total": sale.get("total"),
        "tenders": [
            {
                "method": t.get("method"),
                "amount": t.get("amount"),
                "reference": t.get("reference", ""),
            }
            for t in _items(sale, "tenders")
        ],
        "tickets": list(tickets),
    }


def _at(record: Mapping[str, object]) -> datetime:
    at = record.get("at")
    if not isinstance(at, str):
        raise LedgerError(f"a {record.get('type')!r} record has no time")
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        raise LedgerError(f"not an ISO-8601 time: {at!r}") from None
    if moment.utcoffset() is None:
        raise LedgerError(f"a record's time carries its offset: {at!r}")
    return moment


def _items(record: Mapping[str, object], key: str) -> list[Mapping[str, object]]:
    value = record.get(key) or []
    if not isinstance(value, list | tuple):
        raise LedgerError(f"{key} of a {record.get('type')!r} record is not a list")
    return [item for item in value if isinstance(item, Mapping)]


def _int(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise LedgerError(f"{where} is not a whole number: {value!r}")
    return value


def _numbers(value: object) -> list[int]:
    if not isinstance(value, list | tuple):
        return []
    return [_int(n, "a ticket number") for n in value if n is not None]


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


class Ledger:
    """The walk of `totals`, kept open: `add` records in journal order, `totals` at any time
    (it does not stop the walk)."""

    def __init__(self, selection: Selection = EVERYTHING, currency: str = "EUR") -> None:
        self.selection = selection
        self.currency = currency
        self._open: dict[str, str] = {}  # till -> its open session, by the records so far
        self._sessions: dict[str, None] = {}
        self._sales = [0, 0]
        self._corrections: dict[str, list[int]] = {CANCELLATION: [0, 0], REFUND: [0, 0]}
        self._tenders: dict[tuple[str, str], list[int]] = {}  # taken, returned, count
        self._vat: dict[int, list[int]] = {}  # net, vat, gross
        self._performances: dict[str, list[int]] = {}  # tickets, gross
        self._labels: dict[str, str] = {}
        self._tariffs: dict[tuple[str, str], list[int]] = {}  # tickets, gross, vat
        self._fees = 0
        self._fees_vat = 0
        self._floats = 0
        self._cash = {CASH_IN: [0, 0], CASH_OUT: [0, 0]}
        self._stored = {GIFT_CARD_SALE: [0, 0], TOP_UP: [0, 0]}
        self._reprints = 0
        self._pickups = [0, 0, 0]  # orders, value, tickets
        self._pickups_paid = [0, 0]  # orders paid here, what they paid
        self._drawer = 0
        self._tickets_issued = 0
        self._first_ticket: int | None = None
        self._last_ticket: int | None = None
        self._records = 0
        self._first_at: datetime | None = None
        self._last_at: datetime | None = None

    # --- the walk -------------------------------------------------------------------------

    def add_all(self, records: Iterable[Mapping[str, object]]) -> Ledger:
        for record in records:
            self.add(record)
        return self

    def add(self, record: Mapping[str, object]) -> None:
        if record.get("training") is True:
            return
        kind = record.get("type")
        till = _text(record.get("till"))
        session = self._session_of(record, till)
        if kind == SESSION_OPEN and session:
            self._open[till] = session
        elif kind == SESSION_CLOSE and self._open.get(till) == session:
            del self._open[till]
        if not self._selected(record, till, session):
            return
        handler = self._HANDLERS.get(kind) if isinstance(kind, str) else None
        if handler is None:
            return
        handler(self, record)
        self._records += 1
        if session:
            self._sessions.setdefault(session, None)
        moment = _at(record)
        if self._first_at is None or moment < self._first_at:
            self._first_at = moment
        if self._last_at is None or moment > self._last_at:
            self._last_at = moment

    def _session_of(self, record: Mapping[str, object], till: str) -> str:
        named = record.get("session")
        if isinstance(named, str) and named:
            return named
        return self._open.get(till, "")

    def _selected(self, record: Mapping[str, object], till: str, session: str) -> bool:
        s = self.selection
        if s.session is not None and session != s.session:
            return False
        if s.till is not None and till != s.till:
            return False
        if s.start is not None or s.end is not None:
            moment = _at(record)
            if s.start is not None and moment < s.start:
                return False
            if s.end is not None and moment >= s.end:
                return False
        return True

    def _minor(self, value: object, where: str) -> int:
        """The minor units of money in the ledger's currency (`read_money`'s checks, without
        building a `Money` for each of the walk's amounts)."""
        if isinstance(value, dict):
            minor = value.get("minor", value.get("amount_minor"))
            if type(minor) is int and value.get("currency") == self.currency:
                return minor
        money = read_money(value, where)
        if money.currency != self.currency:
            raise LedgerError(f"{where} is in {money.currency}, the ledger in {self.currency}")
        return money.minor

    def _tickets(self, record: Mapping[str, object]) -> int:
        numbers = _numbers(record.get("tickets"))
        for number in numbers:
            if self._first_ticket is None or number < self._first_ticket:
                self._first_ticket = number
            if self._last_ticket is None or number > self._last_ticket:
                self._last_ticket = number
        return len(numbers)

    def _tender_rows(self, record: Mapping[str, object], sign: int) -> None:
        """The tenders of a sale or a gift card sold (+1), or of a correction (-1)."""
        for tender in _items(record, "tenders"):
            method = _text(tender.get("method"))
            kind = _text(tender.get("reference")) if method == "other" else ""
            row = self._tenders.setdefault((method, kind), [0, 0, 0])
            amount = self._minor(tender.get("amount"), "a tender's amount")
            if sign > 0:
                row[0] += amount
                row[2] += 1
            else:
                row[1] += amount

    def _amounts(self, record: Mapping[str, object], sign: int) -> None:
        """The tenders, VAT rates, performances and fee of a sale (+1) or correction (-1)."""
        self._tender_rows(record, sign)
        for line in _items(record, "vat"):
            rate = _int(line.get("rate_bp"), "a VAT rate")
            row = self._vat.setdefault(rate, [0, 0, 0])
            row[0] += sign * self._minor(line.get("net"), "a VAT line's net")
            row[1] += sign * self._minor(line.get("vat"), "a VAT line's VAT")
            row[2] += sign * self._minor(line.get("gross"), "a VAT line's gross")
        for line in _items(record, "lines"):
            performance = _text(line.get("performance"))
            row = self._performances.setdefault(performance, [0, 0])
            row[0] += sign * _int(line.get("quantity", 1), "a line's quantity")
            row[1] += sign * self._minor(line.get("amount"), "a line's amount")
            label = _text(line.get("label"))
            if label and performance not in self._labels:
                self._labels[performance] = label
        fee = record.get("fee")
        if fee is not None:
            self._fees += sign * self._minor(fee, "a fee")
        self._tariff_amounts(record, sign)

    def _tariff_amounts(self, record: Mapping[str, object], sign: int) -> None:
        """Each line's tickets, gross and share of its rate's VAT, by performance and tariff;
        the fee's share to the fees."""
        items: list[tuple[tuple[str, str] | None, int, int, int]] = []  # key, rate, qty, amount
        for line in _items(record, "lines"):
            key = (_text(line.get("performance")), _text(line.get("tariff")))
            rate = _int(line.get("vat_rate_bp", 0), "a line's VAT rate")
            quantity = _int(line.get("quantity", 1), "a line's quantity")
            items.append((key, rate, quantity, self._minor(line.get("amount"), "a line's amount")))
        fee = record.get("fee")
        if isinstance(fee, Mapping) and fee.get("vat_rate_bp") is not None:
            rate = _int(fee.get("vat_rate_bp"), "a fee's VAT rate")
            items.append((None, rate, 0, self._minor(fee, "a fee")))
        shares = [0] * len(items)
        for line in _items(record, "vat"):
            rate = _int(line.get("rate_bp"), "a VAT rate")
            at_rate = [i for i, item in enumerate(items) if item[1] == rate]
            if not at_rate:
                continue
            weights = [max(items[i][3], 0) for i in at_rate]
            vat = Money(self._minor(line.get("vat"), "a VAT line's VAT"), self.currency)
            parts = (
                vat.allocate(weights) if sum(weights) else [vat] + [vat * 0] * (len(at_rate) - 1)
            )
            for i, part in zip(at_rate, parts, strict=True):
                shares[i] += part.minor
        for (item_key, _, quantity, amount), vat_share in zip(items, shares, strict=True):
            if item_key is None:
                self._fees_vat += sign * vat_share
                continue
            row = self._tariffs.setdefault(item_key, [0, 0, 0])
            row[0] += sign * quantity
            row[1] += sign * amount
            row[2] += sign * vat_share

    def _sale(self, record: Mapping[str, object]) -> None:
        self._sales[0] += 1
        self._sales[1] += self._minor(record.get("total"), "a sale's total")
        self._amounts(record, +1)
        self._tickets_issued += self._tickets(record)

    def _correction(self, record: Mapping[str, object]) -> None:
        row = self._corrections[_text(record.get("type"))]
        row[0] += 1
        row[1] += self._minor(record.get("total"), "a correction's total")
        self._amounts(record, -1)
        self._tickets(record)

    def _cash_movement(self, record: Mapping[str, object]) -> None:
        row = self._cash[_text(record.get("type"))]
        row[0] += 1
        row[1] += self._minor(record.get("amount"), "a cash movement's amount")

    def _stored_value(self, record: Mapping[str, object]) -> None:
        row = self._stored[_text(record.get("type"))]
        row[0] += 1
        row[1] += self._minor(record.get("amount"), "a gift card's amount")
        self._tender_rows(record, +1)

    def _session_open(self, record: Mapping[str, object]) -> None:
        if record.get("float") is not None:
            self._floats += self._minor(record.get("float"), "a session's float")

    def _reprint(self, record: Mapping[str, object]) -> None:
        self._reprints += 1

    def _pickup(self, record: Mapping[str, object]) -> None:
        self._pickups[2] += len(_numbers(record.get("tickets")))
        tenders = _items(record, "tenders")
        if not tenders:  # paid where it was placed
            self._pickups[0] += 1
            self._pickups[1] += self._minor(record.get("value"), "a pick-up's value")
            return
        self._pickups_paid[0] += 1
        for tender in tenders:
            self._pickups_paid[1] += self._minor(tender.get("amount"), "a tender's amount")
        self._tender_rows(record, +1)

    def _drawer_opened(self, record: Mapping[str, object]) -> None:
        if record.get("reason") == NO_SALE:
            self._drawer += 1

    _HANDLERS: ClassVar[dict[str, Callable[[Ledger, Mapping[str, object]], None]]] = {
        SALE: _sale,
        CANCELLATION: _correction,
        REFUND: _correction,
        CASH_IN: _cash_movement,
        CASH_OUT: _cash_movement,
        SESSION_OPEN: _session_open,
        REPRINT: _reprint,
        DRAWER_OPENED: _drawer_opened,
        GIFT_CARD_SALE: _stored_value,
        TOP_UP: _stored_value,
        PICKUP: _pickup,
    }

    # --- the result ------------------------------------------------------------------------

    def totals(self) -> Totals:
        def m(minor: int) -> Money:
            return Money(minor, self.currency)

        def tally(row: list[int]) -> Tally:
            return Tally(row[0], m(row[1]))

        return Totals(
            currency=self.currency,
            selection=self.selection,
            sales=tally(self._sales),
            cancellations=tally(self._corrections[CANCELLATION]),
            refunds=tally(self._corrections[REFUND]),
            tenders=tuple(
                TenderTotal(method, kind, m(row[0]), m(row[1]), row[2])
                for (method, kind), row in sorted(self._tenders.items())
            ),
            vat=tuple(
                VatTotal(rate, m(row[0]), m(row[1]), m(row[2]))
                for rate, row in sorted(self._vat.items())
            ),
            performances=tuple(
                PerformanceTotal(p, self._labels.get(p, p), row[0], m(row[1]))
                for p, row in sorted(self._performances.items())
            ),
            fees=m(self._fees),
            floats=m(self._floats),
            cash_in=tally(self._cash[CASH_IN]),
            cash_out=tally(self._cash[CASH_OUT]),
            reprints=self._reprints,
            drawer_openings_without_sale=self._drawer,
            tickets_issued=self._tickets_issued,
            first_ticket=self._first_ticket,
            last_ticket=self._last_ticket,
            sessions=tuple(self._sessions),
            records=self._records,
            first_at=self._first_at,
            last_at=self._last_at,
            tariffs=tuple(
                TariffTotal(p, tariff, row[0], m(row[1]), m(row[2]))
                for (p, tariff), row in sorted(self._tariffs.items())
            ),
            fees_vat=m(self._fees_vat),
            gift_cards_sold=tally(self._stored[GIFT_CARD_SALE]),
            top_ups=tally(self._stored[TOP_UP]),
            pickups=Tally(self._pickups[0], m(self._pickups[1])),
            pickup_tickets=self._pickups[2],
            pickups_paid=tally(self._pickups_paid),
        )


def totals(
    records: Iterable[Mapping[str, object]],
    selection: Selection = EVERYTHING,
    currency: str = "EUR",
) -> Totals:
    """The totals of the ``selection`` of ``records`` (in journal order: a record that names
    no session belongs to the one open on its till at that point)."""
    return Ledger(selection, currency).add_all(records).totals()


def totals_record(t: Totals) -> dict[str, object]:
    """`Totals` as journal values (for the "session_close" record and the fiscal closures):
    integer minor units, no floats, no times but ISO text."""

    def tally(x: Tally) -> dict[str, object]:
        return {"count": x.count, "amount": money_record(x.amount)}

    return {
        "currency": t.currency,
        "sales": tally(t.sales),
        "cancellations": tally(t.cancellations),
        "refunds": tally(t.refunds),
        "net_total": money_record(t.net_total),
        "tenders": [
            {
                "method": x.method,
                "kind": x.kind,
                "count": x.count,
                "taken": money_record(x.taken),
                "returned": money_record(x.returned),
                "net": money_record(x.net),
            }
            for x in t.tenders
        ],
        "vat": [
            {
                "rate_bp": x.rate_bp,
                "net": money_record(x.net),
                "vat": money_record(x.vat),
                "gross": money_record(x.gross),
            }
            for x in t.vat
        ],
        "performances": [
            {
                "performance": x.performance,
                "label": x.label,
                "tickets": x.tickets,
                "gross": money_record(x.gross),
            }
            for x in t.performances
        ],
        "fees": money_record(t.fees),
        "floats": money_record(t.floats),
        "cash_in": tally(t.cash_in),
        "cash_out": tally(t.cash_out),
        "expected_cash": money_record(t.expected_cash),
        "reprints": t.reprints,
        "drawer_openings_without_sale": t.drawer_openings_without_sale,
        "tickets_issued": t.tickets_issued,
        "first_ticket": t.first_ticket,
        "last_ticket": t.last_ticket,
    }
