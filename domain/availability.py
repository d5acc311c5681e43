"""Seat states per performance, their counts, and whether a channel may sell a seat now.

The state of a seat for a performance comes from three places, strongest first:
invalidated in the logical layout → INVALID; a sale, reservation or hold of this performance;
blocked in the logical layout → BLOCKED; otherwise FREE.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np
import numpy.typing as npt

from domain.catalog import Performance, PerformanceState
from domain.channels import SalesChannel
from domain.configuration import LogicalLayout


class SeatState(enum.Enum):
    FREE = "free"
    HELD = "held"  # locked in a cart
    BLOCKED = "blocked"
    RESERVED = "reserved"
    SOLD = "sold"
    INVALID = "invalid"


# States a performance records per seat; the others come from the logical layout.
BOOKED_STATES = frozenset({SeatState.HELD, SeatState.RESERVED, SeatState.SOLD})


@dataclass(frozen=True, slots=True)
class StateCounts:
    """The counts shown on a performance's plan screen."""

    total: int
    free: int
    held: int
    blocked: int
    reserved: int
    sold: int
    invalid: int

    @classmethod
    def of(cls, states: Iterable[SeatState]) -> StateCounts:
        counts = Counter(states)
        return cls(
            total=sum(counts.values()),
            free=counts[SeatState.FREE],
            held=counts[SeatState.HELD],
            blocked=counts[SeatState.BLOCKED],
            reserved=counts[SeatState.RESERVED],
            sold=counts[SeatState.SOLD],
            invalid=counts[SeatState.INVALID],
        )


def seat_state(layout: LogicalLayout, booked: Mapping[str, SeatState], seat_id: str) -> SeatState:
    if seat_id in layout.invalidated:
        return SeatState.INVALID
    recorded = booked.get(seat_id)
    if recorded is not None and recorded in BOOKED_STATES:
        return recorded
    if seat_id in layout.blocked:
        return SeatState.BLOCKED
    return SeatState.FREE


def seat_states(layout: LogicalLayout, booked: Mapping[str, SeatState]) -> dict[str, SeatState]:
    """The state of every seat of the layout for one performance."""
    return {s.id: seat_state(layout, booked, s.id) for s in layout.physical.seats}


class Refusal(enum.Enum):
    """Why a channel may not sell a seat now."""

    PERFORMANCE_NOT_ON_SALE = "performance_not_on_sale"
    CHANNEL_NOT_OPEN = "channel_not_open"  # no sale window for this channel
    SALES_NOT_OPEN_YET = "sales_not_open_yet"
    SALES_CLOSED = "sales_closed"
    UNKNOWN_SEAT = "unknown_seat"
    SEAT_INVALID = "seat_invalid"
    SEAT_BLOCKED = "seat_blocked"
    SEAT_HELD = "seat_held"
    SEAT_RESERVED = "seat_reserved"
    SEAT_SOLD = "seat_sold"
    CONTINGENT_NOT_FOR_CHANNEL = "contingent_not_for_channel"
    NO_CONTINGENT_NOT_ALLOWED = "no_contingent_not_allowed"


_STATE_REFUSALS = {
    SeatState.INVALID: Refusal.SEAT_INVALID,
    SeatState.BLOCKED: Refusal.SEAT_BLOCKED,
    SeatState.HELD: Refusal.SEAT_HELD,
    SeatState.RESERVED: Refusal.SEAT_RESERVED,
    SeatState.SOLD: Refusal.SEAT_SOLD,
}


@dataclass(frozen=True, slots=True)
class Verdict:
    allowed: bool
    refusal: Refusal | None = None
    detail: str = ""  # e.g. the contingent's code, or the window's opening time

    def __bool__(self) -> bool:
        return self.allowed


ALLOWED = Verdict(True)


def may_sell_now(channel: SalesChannel, performance: Performance, now: datetime) -> Verdict:
    """May this channel sell anything of this performance at this moment?"""
    if performance.state is not PerformanceState.ON_SALE:
        return Verdict(False, Refusal.PERFORMANCE_NOT_ON_SALE, performance.state.value)
    window = performance.sale_windows.get(channel.code)
    if window is None:
        return Verdict(False, Refusal.CHANNEL_NOT_OPEN, channel.code)
    if now < window.opens_at:
        return Verdict(False, Refusal.SALES_NOT_OPEN_YET, window.opens_at.isoformat())
    if now >= window.closes_at:
        return Verdict(False, Refusal.SALES_CLOSED, window.closes_at.isoformat())
    return ALLOWED


def may_sell_contingent(channel: SalesChannel, layout: LogicalLayout, seat_id: str) -> Verdict:
    """Does the seat's contingent (or its absence) let this channel sell it?"""
    contingent = layout.contingent_of(seat_id)
    if contingent is None:
        if channel.sells_no_contingent:
            return ALLOWED
        return Verdict(False, Refusal.NO_CONTINGENT_NOT_ALLOWED)
    if contingent.sellable_by(channel.code, channel.sells_no_contingent):
        return ALLOWED
    return Verdict(False, Refusal.CONTINGENT_NOT_FOR_CHANNEL, contingent.code)


def may_sell_seat(
    channel: SalesChannel,
    performance: Performance,
    layout: LogicalLayout,
    booked: Mapping[str, SeatState],
    seat_id: str,
    now: datetime,
) -> Verdict:
    """May this channel sell this seat of this performance now? With the reason when not."""
    if not layout.physical.has_seat(seat_id):
        return Verdict(False, Refusal.UNKNOWN_SEAT, seat_id)
    timing = may_sell_now(channel, performance, now)
    if not timing:
        return timing
    state = seat_state(layout, booked, seat_id)
    if state is not SeatState.FREE:
        return Verdict(False, _STATE_REFUSALS[state])
    return may_sell_contingent(channel, layout, seat_id)


def pickable_seats(
    channel: SalesChannel,
    performance: Performance,
    layout: LogicalLayout,
    booked: Mapping[str, SeatState],
    seat_ids: Sequence[str],
    now: datetime,
) -> npt.NDArray[np.bool_]:
    """`may_sell_seat` for many seats at once: element i is ``bool(may_sell_seat(...,
    seat_ids[i], now))``. The plan lets a cashier pick exactly these seats; a property test
    keeps the two equal."""
    if not may_sell_now(channel, performance, now):
        return np.zeros(len(seat_ids), dtype=np.bool_)
    by_code = {c.code: c for c in layout.contingents}
    allowed_by_contingent = {
        code: c.sellable_by(channel.code, channel.sells_no_contingent)
        for code, c in by_code.items()
    }

    def allowed(seat_id: str) -> bool:
        if not layout.physical.has_seat(seat_id):
            return False
        if seat_state(layout, booked, seat_id) is not SeatState.FREE:
            return False
        code = layout.seat_contingents.get(seat_id)
        if code is None:
            return channel.sells_no_contingent
        return allowed_by_contingent[code]  # a valid layout names only its own contingents

    return np.fromiter((allowed(s) for s in seat_ids), dtype=np.bool_, count=len(seat_ids))
