"""Use cases of the till session: open one with a counted float, and find the open one.

A sale needs an open session: `session_for_sale` gives it inside the sale's own transaction, or
raises `NoOpenSession`. Opening is one write transaction that stores the session, its float
count by count, and the "session_open" entry of the till's fiscal journal. Closing a session
belongs to the till-session issue, not here.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from app.services import journal
from app.services.auth import UnknownOperator
from app.services.browsing import UnknownPointOfSale
from app.services.changes import Changes
from app.services.ports import Clock, UnitOfWork, UnitOfWorkFactory
from domain.errors import NoOpenSession
from domain.operators import Operator, Role
from domain.till import CashCount, TillSession
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
        journal_session_open(uow, session, current_operator)
        uow.commit()
    return SessionOpened(session, Changes(till_session=True))


def current_session(uow_factory: UnitOfWorkFactory, till: str) -> TillSession | None:
    """The till's open session, or None (a read: it takes no write lock)."""
    with uow_factory(read_only=True) as uow:
        return uow.till_sessions.current(till)


def session_for_sale(uow: UnitOfWork, till: str) -> TillSession:
    """The open session a sale belongs to, read inside the sale's transaction."""
    session = uow.till_sessions.current(till)
    if session is None:
        raise NoOpenSession(till)
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


def journal_session_open(uow: UnitOfWork, session: TillSession, operator: Operator) -> None:
    """Append the opening to the till's fiscal journal, in the opening's transaction: the
    session and its entry commit, or vanish, together."""
    journal.record(uow, session.till, session_open_record(session, operator))


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
