"""After the sale: what a refund or a cancellation of some tickets of a paid sale gives back,
and to which tender; who may reprint a ticket as DUPLICATA. Plain Python, no I/O, no clock.

The source of truth is the sale's journal record (`domain.orders.sale_record`) and the records
of the corrections already made to it (`domain.ledger`'s "cancellation"/"refund" shape): a
sale is never edited, so what is left to give back is always the sale less its corrections.

The rules (`plan_correction`):

- a correction names some of the sale's ticket numbers, each given back **at most once**;
- a ticket gives back its line's unit price; the order's **fee** goes back with the last
  tickets (the correction that leaves none valid), never before;
- the money goes back **to the tenders it came from**, each never beyond what it paid less
  what earlier corrections returned on it: card to the card, gift card to the gift card, cash
  to cash; another tender (a cheque) is given back in cash, but a company's waiting account
  (`domain.accounts`) is given back to the account. Cards first, then gift cards, then
  cash: so no sequence of corrections returns more than was paid, per tender and in all;
- VAT: a partial refund's VAT per rate is computed on what it gives back (never more than
  what is left at that rate); the last one gives back exactly what is left, so the VAT of the
  sale and of its corrections add up to zero to the cent;
- a **cancellation** is every ticket at once, in the session that sold them; anything else is
  a **refund**.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from domain.errors import DomainError
from domain.ledger import CANCELLATION, REFUND, money_record, read_money
from domain.money import Money, total
from domain.operators import Operator, Role
from domain.pricing import VatLine, vat_breakdown


class CorrectionError(DomainError):
    """A refund, cancellation or reprint that the rules refuse."""


class NoTicketChosen(CorrectionError):
    def __init__(self) -> None:
        super().__init__("choose at least one ticket to give back")


class NotInThisSale(CorrectionError):
    def __init__(self, numbers: Iterable[int]) -> None:
        self.numbers = tuple(sorted(numbers))
        super().__init__(
            "these ticket numbers are not of this sale: " + ", ".join(map(str, self.numbers))
        )


class AlreadyRefunded(CorrectionError):
    def __init__(self, numbers: Iterable[int]) -> None:
        self.numbers = tuple(sorted(numbers))
        super().__init__(
            "these tickets were already given back: " + ", ".join(map(str, self.numbers))
        )


class RefundTooLarge(CorrectionError):
    """More would go back than the sale's tenders have left to give back."""

    def __init__(self, asked: Money, left: Money) -> None:
        super().__init__(
            f"{asked.minor} minor units asked back, only {left.minor} left to give back"
        )
        self.asked = asked
        self.left = left


class NotAllowedToReprint(CorrectionError):
    def __init__(self) -> None:
        super().__init__("only a supervisor may reprint a ticket as DUPLICATA")


class ReasonNeeded(CorrectionError):
    def __init__(self) -> None:
        super().__init__("say why (the journal keeps the reason)")


CASH, CARD, VOUCHER = "cash", "card", "voucher"
# Which tenders give money back first (a tender missing here comes last, in cash).
_RETURN_ORDER = {CARD: 0, VOUCHER: 1, CASH: 2}


@dataclass(frozen=True, slots=True)
class TenderReturn:
    """Money going back by one of the sale's tenders (``original``: its index in the sale's
    tenders). ``method`` is how it goes back: "card", "voucher" or "cash" (another tender, a
    cheque, goes back in cash); ``reference`` the original's (card payment, gift card code)."""

    original: int
    original_method: str
    method: str
    amount: Money
    reference: str


@dataclass(frozen=True, slots=True)
class CorrectionPlan:
    kind: str  # CANCELLATION or REFUND
    sale: str
    tickets: tuple[int, ...]  # the original's ticket numbers it gives back
    lines: tuple[dict[str, object], ...]  # the sale's line shape, the part given back
    fee: Money
    fee_vat_rate_bp: int
    vat: tuple[VatLine, ...]
    total: Money
    returns: tuple[TenderReturn, ...]
    completes: bool  # no ticket of the sale stays valid after it

    def by(self, method: str) -> Money:
        """What goes back by ``method``."""
        return total([r.amount for r in self.returns if r.method == method], self.total.currency)


def ticket_lines(sale: Mapping[str, object]) -> dict[int, int]:
    """Each ticket number of a sale record and the index of the line it belongs to (the sale
    numbers its tickets line by line, ``quantity`` per line)."""
    numbers = [int(n) for n in _list(sale, "tickets")]
    lines = items(sale, "lines")
    found: dict[int, int] = {}
    position = 0
    for index, line in enumerate(lines):
        for _ in range(int(_int(line.get("quantity", 1)))):
            if position < len(numbers):
                found[numbers[position]] = index
            position += 1
    return found


def given_back(corrections: Iterable[Mapping[str, object]]) -> set[int]:
    """The ticket numbers the corrections already gave back."""
    numbers: set[int] = set()
    for record in corrections:
        numbers.update(int(n) for n in _list(record, "original_tickets"))
    return numbers


def returned_by_tender(
    sale: Mapping[str, object], corrections: Iterable[Mapping[str, object]]
) -> list[Money]:
    """Per tender of the sale (by index), what corrections returned on it so far."""
    currency = read_money(sale.get("total"), "the sale's total").currency
    returned = [Money.zero(currency) for _ in items(sale, "tenders")]
    for record in corrections:
        for tender in items(record, "tenders"):
            index = tender.get("original_tender")
            if isinstance(index, int) and 0 <= index < len(returned):
                returned[index] = returned[index] + read_money(tender.get("amount"))
    return returned


def plan_correction(
    sale: Mapping[str, object],
    corrections: Sequence[Mapping[str, object]],
    tickets: Iterable[int],
    *,
    same_session: bool,
) -> CorrectionPlan:
    """What giving back ``tickets`` of ``sale`` returns, by which tender (see the module's
    rules); `NoTicketChosen`, `NotInThisSale`, `AlreadyRefunded`, `RefundTooLarge` refuse."""
    chosen = sorted(set(tickets))
    if not chosen:
        raise NoTicketChosen()
    line_of = ticket_lines(sale)
    unknown = [n for n in chosen if n not in line_of]
    if unknown:
        raise NotInThisSale(unknown)
    before = given_back(corrections)
    again = [n for n in chosen if n in before]
    if again:
        raise AlreadyRefunded(again)
    currency = read_money(sale.get("total"), "the sale's total").currency
    lines = items(sale, "lines")
    counts: dict[int, int] = {}
    for number in chosen:
        counts[line_of[number]] = counts.get(line_of[number], 0) + 1
    reversed_lines: list[dict[str, object]] = []
    amounts: list[tuple[Money, int]] = []
    for index in sorted(counts):
        line = lines[index]
        unit = read_money(line.get("unit_price"), "a line's unit price")
        amount = unit * counts[index]
        if "discount" in line:  # a discounted line gives back its share of what was paid
            paid = read_money(line.get("amount"), "a line's amount")
            amount = Money(
                paid.minor * counts[index] // max(1, _int(line.get("quantity", 1))), currency
            )
        rate = _int(line.get("vat_rate_bp", 0))
        reversed_lines.append({**line, "quantity": counts[index], "amount": money_record(amount)})
        amounts.append((amount, rate))
    completes = set(line_of) <= before | set(chosen)
    fee_value = sale.get("fee")
    fee = Money.zero(currency)
    fee_rate = 0
    if isinstance(fee_value, Mapping):
        fee_rate = _int(fee_value.get("vat_rate_bp", 0))
        if completes:
            fee = read_money(fee_value, "the sale's fee") - _fee_returned(corrections, currency)
    if not fee.is_zero:
        amounts.append((fee, fee_rate))
    asked = total([a for a, _ in amounts], currency)
    vat = _vat(sale, corrections, amounts, currency, completes)
    returns = _returns(sale, corrections, asked, currency)
    kind = CANCELLATION if same_session and not before and completes else REFUND
    return CorrectionPlan(
        kind=kind,
        sale=str(sale.get("sale")),
        tickets=tuple(chosen),
        lines=tuple(reversed_lines),
        fee=fee,
        fee_vat_rate_bp=fee_rate,
        vat=vat,
        total=asked,
        returns=returns,
        completes=completes,
    )


def correction_record(
    plan: CorrectionPlan,
    *,
    correction_id: str,
    at: datetime,
    till: str,
    session: str,
    operator: str,
    reason: str,
    references: Mapping[int, str] | None = None,
    original_order_number: str = "",
    approved_by: str = "",
) -> dict[str, object]:
    """The journal's record of the correction (`domain.ledger`'s shape: positive amounts, what
    it reverses). ``references``: per original tender index, the reference of the money that
    went back (the card refund's payment id); else the original's."""
    if not reason.strip():
        raise ReasonNeeded()
    references = references or {}
    record: dict[str, object] = {
        "type": plan.kind,
        "at": at.isoformat(),
        "till": till,
        "session": session,
        "operator": operator,
        "correction": correction_id,
        "sale": plan.sale,
        "original_tickets": list(plan.tickets),
        "reason": reason.strip(),
        "lines": [dict(line) for line in plan.lines],
        "fee": {**money_record(plan.fee), "vat_rate_bp": plan.fee_vat_rate_bp},
        "vat": [
            {
                "rate_bp": v.rate_bp,
                "gross": money_record(v.gross),
                "vat": money_record(v.vat),
                "net": money_record(v.net),
            }
            for v in plan.vat
        ],
        "total": money_record(plan.total),
        "tenders": [
            {
                "method": r.method,
                "amount": money_record(r.amount),
                "reference": references.get(r.original, r.reference if r.method != CASH else ""),
                "original_tender": r.original,
                "original_method": r.original_method,
            }
            for r in plan.returns
        ],
        "tickets": [],
    }
    if original_order_number:
        record["original_order_number"] = original_order_number
    if approved_by:
        record["approved_by"] = approved_by
    return record


def needs_approval(amount: Money, threshold: Money | None) -> bool:
    """A correction above the station's threshold needs a supervisor's PIN (None: never)."""
    return threshold is not None and amount.minor > threshold.minor


def may_approve(operator: Operator) -> bool:
    """Who approves a refund above the threshold: an active supervisor."""
    return operator.active and operator.role is Role.SUPERVISOR


def may_reprint(operator: Operator) -> bool:
    """The privilege to reprint a ticket as DUPLICATA (a new barcode, the old one voided): a
    supervisor's, as UX.md's F9 says (a cashier asks one)."""
    return operator.active and operator.role is Role.SUPERVISOR


# --- inside ---------------------------------------------------------------------------------


def _returns(
    sale: Mapping[str, object],
    corrections: Sequence[Mapping[str, object]],
    asked: Money,
    currency: str,
) -> tuple[TenderReturn, ...]:
    tenders = items(sale, "tenders")
    returned = returned_by_tender(sale, corrections)
    left = [read_money(t.get("amount")) - r for t, r in zip(tenders, returned, strict=True)]
    available = total([x for x in left if not x.is_negative], currency)
    if asked.minor > available.minor:
        raise RefundTooLarge(asked, available)
    order = sorted(
        range(len(tenders)),
        key=lambda i: (_RETURN_ORDER.get(str(tenders[i].get("method")), 3), i),
    )
    remaining = asked.minor
    result = []
    for index in order:
        if remaining <= 0:
            break
        take = min(remaining, max(left[index].minor, 0))
        if take <= 0:
            continue
        method = str(tenders[index].get("method"))
        result.append(
            TenderReturn(
                original=index,
                original_method=method,
                method=method if method in _RETURN_ORDER or _on_account(tenders[index]) else CASH,
                amount=Money(take, currency),
                reference=str(tenders[index].get("reference") or ""),
            )
        )
        remaining -= take
    return tuple(result)


def _vat(
    sale: Mapping[str, object],
    corrections: Sequence[Mapping[str, object]],
    amounts: Sequence[tuple[Money, int]],
    currency: str,
    completes: bool,
) -> tuple[VatLine, ...]:
    left: dict[int, tuple[Money, Money]] = {}  # rate -> gross, vat still to give back
    for line in items(sale, "vat"):
        rate = _int(line.get("rate_bp"))
        left[rate] = (read_money(line.get("gross")), read_money(line.get("vat")))
    for record in corrections:
        for line in items(record, "vat"):
            rate = _int(line.get("rate_bp"))
            gross, vat = left.get(rate, (Money.zero(currency), Money.zero(currency)))
            left[rate] = (gross - read_money(line.get("gross")), vat - read_money(line.get("vat")))
    result = []
    for back in vat_breakdown(amounts, currency):
        gross_left, vat_left = left.get(back.rate_bp, (back.gross, back.vat))
        if completes and back.gross == gross_left:
            vat = vat_left  # the last: exactly what is left
        else:
            vat = Money(max(0, min(back.vat.minor, vat_left.minor)), currency)
        result.append(VatLine(back.rate_bp, back.gross, vat))
    return tuple(result)


def _on_account(tender: Mapping[str, object]) -> bool:
    """A company's waiting account (`domain.accounts`): given back to the account itself."""
    return tender.get("method") == "other" and str(tender.get("reference") or "").startswith(
        "account:"
    )


def _fee_returned(corrections: Iterable[Mapping[str, object]], currency: str) -> Money:
    returned = Money.zero(currency)
    for record in corrections:
        fee = record.get("fee")
        if isinstance(fee, Mapping):
            returned = returned + read_money(fee, "a correction's fee")
    return returned


def items(record: Mapping[str, object], key: str) -> list[Mapping[str, object]]:
    value = record.get(key) or []
    if not isinstance(value, list | tuple):
        raise CorrectionError(f"{key} of a record is not a list")
    return [item for item in value if isinstance(item, Mapping)]


def _list(record: Mapping[str, object], key: str) -> list[int]:
    value = record.get(key) or []
    if not isinstance(value, list | tuple):
        return []
    return [_int(n) for n in value if n is not None]


def _int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise CorrectionError(f"not a whole number: {value!r}")
    return value
