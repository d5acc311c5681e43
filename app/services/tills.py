"""Use cases of the till session: open one with a counted float, move cash in and out, the X
report, the cashier's blind count, the supervisor's close, the Z report, recovery at start.

A sale needs an open session: `session_for_sale` gives it inside the sale's own transaction, or
raises `NoOpenSession` (`SessionBeingClosed` once the count is in). Each step is one write
transaction holding its journal entry: opening ("session_open", and the session's float count
by count), a cash movement ("cash_in"/"cash_out"), a blind count or recount ("session_count"),
the close ("session_close" with the ledger's totals, the declared count and the variances with
their reasons). Every figure comes from `domain.ledger` over the session's journal records:
the X report, the close's expected figures and the Z report cannot disagree.

A crash cannot lose a session: it is in the database, open or counted, and the till carries on
with it at start (`recover_at_start`). A close is one transaction: its journal entry and the
sealed session commit together or not at all; should a "session_close" entry ever stand for a
session still marked current, the journal wins at start: it is sealed from that entry, never
closed a second time.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from app.services import journal
from app.services.auth import UnknownOperator
from app.services.browsing import UnknownPointOfSale
from app.services.changes import Changes
from app.services.ports import Clock, UnitOfWork, UnitOfWorkFactory
from domain import ledger
from domain.errors import NoOpenSession, NotAllowedToClose, NotCounted
from domain.journal import JournalEntry
from domain.money import Money
from domain.operators import Operator, Role
from domain.till import (
    BlindCount,
    CashCount,
    SessionState,
    TillSession,
    Variance,
    blind_count,
    check_cash_movement,
    count_record,
    may_close_session,
    variance_records,
    variances,
)
from domain.till import close_session as close_till_session
from domain.till import open_session as open_till_session

# The demo's float when `guichet simulate sales` opens a session for itself: 150.00 EUR.
DEMO_FLOAT = CashCount.of("EUR", {5000: 1, 2000: 2, 1000: 3, 500: 2, 200: 5, 100: 5, 50: 10})


@dataclass(frozen=True, slots=True)
class SessionOpened:
    session: TillSession
    changes: Changes


def open_session(
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    operator: Operator,
    till: str,
    counts: CashCount,
) -> SessionOpened:
    """Open a session on ``till`` (a point of sale's code) with the float ``counts``.

    The operator is read again, so a role changed or an operator deactivated since the login
    counts. Refused with `NotAllowedToOpen`, `SessionAlreadyOpen`, `FloatNotAllowed` (the
    point of sale's channel takes no float), `UnknownOperator`, `UnknownPointOfSale`.
    """
    with uow_factory() as uow:
        try:
            current_operator = uow.operators.get(operator.id)
        except LookupError:
            raise UnknownOperator(operator.id) from None
        try:
            point = uow.channels.get_point_of_sale(till)
            channel = uow.channels.get_channel(point.channel_code)
        except LookupError:
            raise UnknownPointOfSale(till) from None
        session = open_till_session(
            session_id=uuid.uuid4().hex,
            till=till,
            opened_at=clock.now(),
            operator=current_operator,
            float_count=counts,
            current=uow.till_sessions.current(till),
            float_allowed=channel.cash_float_allowed,
        )
        uow.till_sessions.open(session)
        entry = journal_session_open(uow, session, current_operator)
        uow.till_sessions.set_open_seq(session.id, entry.seq)
        uow.commit()
    return SessionOpened(session, Changes(till_session=True))


def current_session(uow_factory: UnitOfWorkFactory, till: str) -> TillSession | None:
    """The till's open (or counted, not yet closed) session, or None (a read: it takes no
    write lock)."""
    with uow_factory(read_only=True) as uow:
        return uow.till_sessions.current(till)


def session_for_sale(uow: UnitOfWork, till: str) -> TillSession:
    """The open session a sale belongs to, read inside the sale's transaction."""
    session = uow.till_sessions.current(till)
    if session is None:
        raise NoOpenSession(till)
    session.check_open()
    return session


def session_open_record(session: TillSession, operator: Operator) -> dict[str, object]:
    """The journal record of an opening: values, not ids only (operator's name, the float)."""
    total = session.float_count.total()
    return {
        "type": "session_open",
        "at": session.opened_at.isoformat(),
        "till": session.till,
        "session": session.id,
        "operator": operator.name,
        "operator_id": operator.id,
        "float": {"amount_minor": total.minor, "currency": total.currency},
        "counts": [
            {"denomination_minor": denomination, "count": count}
            for denomination, count in session.float_count.counts
        ],
    }


def journal_session_open(uow: UnitOfWork, session: TillSession, operator: Operator) -> JournalEntry:
    """Append the opening to the till's fiscal journal, in the opening's transaction: the
    session and its entry commit, or vanish, together."""
    return journal.record(uow, session.till, session_open_record(session, operator))


def ensure_demo_session(uow_factory: UnitOfWorkFactory, clock: Clock, till: str) -> TillSession:
    """The demo till's open session, opened by the demo's first supervisor with `DEMO_FLOAT`
    when there is none. For `guichet simulate sales` on the demo only: a real till's session
    is opened by a supervisor who counted the drawer."""
    found = current_session(uow_factory, till)
    if found is not None:
        return found
    with uow_factory(read_only=True) as uow:
        supervisors = [
            o for o in uow.operators.list(include_inactive=False) if o.role is Role.SUPERVISOR
        ]
    if not supervisors:
        raise UnknownOperator("no supervisor to open the demo till")
    return open_session(uow_factory, clock, supervisors[0], till, DEMO_FLOAT).session


# --- reading the session's records ---------------------------------------------------------------


def _records(uow: UnitOfWork, session: TillSession) -> Iterator[Mapping[str, object]]:
    """The till's journal records from the session's opening to its close (included)."""
    for entry in uow.journal.entries(session.till, uow.till_sessions.open_seq(session.id)):
        yield entry.record
        record = entry.record
        if record.get("type") == ledger.SESSION_CLOSE and record.get("session") == session.id:
            return


def _close_record(uow: UnitOfWork, session: TillSession) -> Mapping[str, object] | None:
    for record in _records(uow, session):
        if record.get("type") == ledger.SESSION_CLOSE and record.get("session") == session.id:
            return record
    return None


def session_totals(uow: UnitOfWork, session: TillSession) -> ledger.Totals:
    """The ledger of one session, from its journal records only."""
    selection = ledger.Selection(session=session.id, till=session.till)
    return ledger.totals(_records(uow, session), selection, session.float_count.currency)


def _operator(uow: UnitOfWork, operator: Operator) -> Operator:
    """The operator as stored now (a role changed or a deactivation since the login counts)."""
    try:
        return uow.operators.get(operator.id)
    except LookupError:
        raise UnknownOperator(operator.id) from None


def _current(uow: UnitOfWork, till: str) -> TillSession:
    session = uow.till_sessions.current(till)
    if session is None:
        raise NoOpenSession(till)
    return session


# --- cash in and out, the X report ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CashMoved:
    kind: str  # ledger.CASH_IN or ledger.CASH_OUT
    amount: Money
    reason: str
    entry: JournalEntry


def move_cash(
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    operator: Operator,
    till: str,
    kind: str,
    amount: Money,
    reason: str,
) -> CashMoved:
    """Cash put into (`ledger.CASH_IN`) or taken out of (`ledger.CASH_OUT`) the drawer without
    a sale, with its reason: one journal entry. Refused (`InvalidCashMovement`) for nothing or
    without a reason, and once the session is counted (`SessionBeingClosed`)."""
    with uow_factory() as uow:
        session = _current(uow, till)
        who = _operator(uow, operator)
        cleaned = check_cash_movement(session, who, amount, reason)
        record = ledger.cash_movement_record(
            kind, clock.now(), till, session.id, who.name, who.id, amount, cleaned
        )
        entry = journal.record(uow, till, record)
        uow.commit()
    return CashMoved(kind, amount, cleaned, entry)


@dataclass(frozen=True, slots=True)
class SessionReport:
    """An X report (the session so far) or a Z report (a closed session): the ledger's
    totals, and for a Z the close's record (declared counts, variances, reasons)."""

    session: TillSession
    totals: ledger.Totals
    at: datetime
    close: Mapping[str, object] | None = None

    @property
    def is_z(self) -> bool:
        return self.close is not None


def x_report(uow_factory: UnitOfWorkFactory, clock: Clock, till: str) -> SessionReport:
    """The totals of the till's current session so far; nothing is closed or written."""
    with uow_factory(read_only=True) as uow:
        session = _current(uow, till)
        return SessionReport(session, session_totals(uow, session), clock.now())


def z_report(uow_factory: UnitOfWorkFactory, session_id: str) -> SessionReport:
    """The Z report of a closed session: its totals from the ledger, its close's record.
    `NotCounted` when the session is not closed yet (its figures are an X report's)."""
    with uow_factory(read_only=True) as uow:
        session = uow.till_sessions.get(session_id)
        close = _close_record(uow, session)
        if session.state is not SessionState.CLOSED or close is None:
            raise NotCounted(session_id)
        totals = session_totals(uow, session)
    assert session.closed_at is not None
    return SessionReport(session, totals, session.closed_at, close)


def sessions(uow_factory: UnitOfWorkFactory, till: str, limit: int = 20) -> list[TillSession]:
    """The till's latest sessions, the latest first."""
    with uow_factory(read_only=True) as uow:
        return uow.till_sessions.recent(till, limit)


# --- the blind count and the supervisor's close --------------------------------------------------


def declare_count(
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    operator: Operator,
    till: str,
    cash: CashCount,
    others: Mapping[str, Money],
    terminal: Money | None = None,
) -> BlindCount:
    """The cashier's blind count (or a recount): cash by denomination, the other tenders'
    totals, the card terminal's end-of-day total when it was asked. One transaction: the
    count, the session counted (no more sales), the "session_count" entry. What the till
    expects is not in the answer."""
    with uow_factory() as uow:
        session = _current(uow, till)
        who = _operator(uow, operator)
        last = uow.till_sessions.last_count(session.id)
        count = blind_count(session, last, clock.now(), who, cash, others, terminal)
        record = count_record(count, till)
        uow.till_sessions.add_count(count, record)
        journal.record(uow, till, record)
        uow.commit()
    return count


@dataclass(frozen=True, slots=True)
class CloseReview:
    """What the supervisor sees before sealing: the last count against the ledger."""

    session: TillSession
    count: BlindCount
    totals: ledger.Totals
    variances: tuple[Variance, ...]


def _review(uow: UnitOfWork, supervisor: Operator, till: str) -> CloseReview:
    who = _operator(uow, supervisor)
    if not may_close_session(who):
        raise NotAllowedToClose(who.role.value if who.active else "inactive operator")
    session = _current(uow, till)
    count = uow.till_sessions.last_count(session.id)
    if count is None or session.state is not SessionState.COUNTED:
        raise NotCounted(session.id)
    totals = session_totals(uow, session)
    return CloseReview(session, count, totals, variances(totals.expected(), count.declared()))


def review_close(uow_factory: UnitOfWorkFactory, supervisor: Operator, till: str) -> CloseReview:
    """Expected against declared per tender, for a supervisor only (`NotAllowedToClose`),
    once the cashier has counted (`NotCounted`)."""
    with uow_factory(read_only=True) as uow:
        return _review(uow, supervisor, till)


@dataclass(frozen=True, slots=True)
class SessionClosed:
    session: TillSession
    count: BlindCount
    totals: ledger.Totals
    variances: tuple[Variance, ...]
    entry: JournalEntry
    changes: Changes = field(default_factory=lambda: Changes(till_session=True))


def close_record(
    closed: TillSession,
    supervisor: Operator,
    count: BlindCount,
    totals: ledger.Totals,
    explained: tuple[Variance, ...],
) -> dict[str, object]:
    """The journal's "session_close" record: the ledger's totals, the count it closes on
    and every tender's variance with its reason."""
    assert closed.closed_at is not None
    return {
        "type": ledger.SESSION_CLOSE,
        "at": closed.closed_at.isoformat(),
        "till": closed.till,
        "session": closed.id,
        "opened_at": closed.opened_at.isoformat(),
        "operator": supervisor.name,
        "operator_id": supervisor.id,
        "count": count_record(count, closed.till),
        "totals": ledger.totals_record(totals),
        "variances": variance_records(explained),
    }


def close_session(
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    supervisor: Operator,
    till: str,
    reviewed: int,
    reasons: Mapping[str, str],
) -> SessionClosed:
    """The supervisor seals the counted session: ``reviewed`` is the count number looked at
    (`StaleCount` if a recount came since), ``reasons`` per tender for every variance
    (`VarianceNeedsReason`). One transaction: the "session_close" entry and the sealed
    session; the till may open its next session at once."""
    with uow_factory() as uow:
        review = _review(uow, supervisor, till)
        who = _operator(uow, supervisor)
        closed, explained = close_till_session(
            review.session, review.count, reviewed, clock.now(), who, review.variances, reasons
        )
        record = close_record(closed, who, review.count, review.totals, explained)
        entry = journal.record(uow, till, record)
        assert closed.closed_at is not None
        uow.till_sessions.close(closed.id, closed.closed_at, who.id)
        uow.commit()
    return SessionClosed(closed, review.count, review.totals, explained, entry)


# --- at start ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Recovered:
    """The session a till found at start: carried on (open or counted), or sealed from the
    "session_close" entry its journal already holds."""

    session: TillSession
    sealed: bool


def recover_at_start(uow_factory: UnitOfWorkFactory, till: str) -> Recovered | None:
    """The till's session left by the last run (a crash, a power cut, a quit), if any. It is
    kept as it is: open, or counted with its last count awaiting the supervisor. Only when its
    journal already holds its close is it sealed, from that entry: a session is never closed,
    nor counted, twice."""
    with uow_factory() as uow:
        session = uow.till_sessions.current(till)
        if session is None:
            return None
        close = _close_record(uow, session)
        if close is None:
            return Recovered(session, sealed=False)
        at = datetime.fromisoformat(str(close["at"]))
        uow.till_sessions.close(session.id, at, str(close.get("operator_id", "")))
        uow.commit()
        return Recovered(uow.till_sessions.get(session.id), sealed=True)
