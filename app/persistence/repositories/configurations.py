"""Logical layouts: categories, GA-zone categories, contingents and what they say per seat.

Per seat only what differs from "nothing" is stored (one `logical_seats` row per seat that has a
category, a contingent, or is blocked or invalidated). `save` writes the differences against
what is stored, so blocking ten seats of a 100,000-seat plan touches ten rows.
Must not check the rules of a logical layout: `domain.configuration` does, when rebuilt.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Table, bindparam, delete, insert, select, tuple_, update
from sqlalchemy.orm import Session

from app.persistence.errors import NotFound
from app.persistence.repositories.venues import VenueRepository
from app.persistence.tables import (
    ContingentChannelRow,
    ContingentRow,
    LogicalCategoryRow,
    LogicalGaCategoryRow,
    LogicalLayoutRow,
    LogicalSeatRow,
    table_of,
)
from app.services.records import LogicalLayoutSummary
from domain.configuration import Contingent, ContingentType, LogicalLayout
from domain.venue import Category

_layouts = table_of(LogicalLayoutRow)
_categories = table_of(LogicalCategoryRow)
_ga_categories = table_of(LogicalGaCategoryRow)
_contingents = table_of(ContingentRow)
_contingent_channels = table_of(ContingentChannelRow)
_seats = table_of(LogicalSeatRow)

# category, contingent, blocked, invalidated
SeatFacts = tuple[str | None, str | None, bool, bool]
_CHUNK = 500  # bound parameters per IN (...) stay well under SQLite's limit


def seat_facts(layout: LogicalLayout) -> dict[str, SeatFacts]:
    """What the layout says of each seat it says something of."""
    seat_ids = (
        set(layout.seat_categories) | set(layout.seat_contingents) | layout.blocked
    ) | layout.invalidated
    return {
        seat_id: (
            layout.seat_categories.get(seat_id),
            layout.seat_contingents.get(seat_id),
            seat_id in layout.blocked,
            seat_id in layout.invalidated,
        )
        for seat_id in seat_ids
    }


def _chunks(items: list[str], size: int = _CHUNK) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class ConfigurationRepository:
    def __init__(self, session: Session, venues: VenueRepository) -> None:
        self._session = session
        self._venues = venues

    def add(self, layout: LogicalLayout) -> None:
        """Store a new logical layout; its physical layout must be stored already."""
        self._session.execute(
            insert(_layouts).values(
                id=layout.id,
                name=layout.name,
                season_id=layout.season_id,
                physical_layout_id=layout.physical.id,
            )
        )
        self._write_codes(layout)
        rows = [
            _seat_row(layout.id, seat_id, facts) for seat_id, facts in seat_facts(layout).items()
        ]
        if rows:
            self._session.execute(insert(_seats), rows)

    def get(self, layout_id: str) -> LogicalLayout:
        row = self._session.execute(select(_layouts).where(_layouts.c.id == layout_id)).first()
        if row is None:
            raise NotFound("logical layout", layout_id)
        physical = self._venues.get_physical_layout(row.physical_layout_id)
        categories = tuple(
            Category(r.code, r.name, r.colour)
            for r in self._session.execute(
                select(_categories)
                .where(_categories.c.layout_id == layout_id)
                .order_by(_categories.c.position)
            )
        )
        channels: dict[str, set[str]] = {}
        for code, channel in self._session.execute(
            select(
                _contingent_channels.c.contingent_code, _contingent_channels.c.channel_code
            ).where(_contingent_channels.c.layout_id == layout_id)
        ):
            channels.setdefault(code, set()).add(channel)
        contingents = tuple(
            Contingent(
                code=r.code,
                name=r.name,
                colour=r.colour,
                type=ContingentType(r.type),
                exclusive=r.exclusive,
                channels=frozenset(channels.get(r.code, ())),
            )
            for r in self._session.execute(
                select(_contingents)
                .where(_contingents.c.layout_id == layout_id)
                .order_by(_contingents.c.position)
            )
        )
        ga_categories = {
            zone: category
            for zone, category in self._session.execute(
                select(_ga_categories.c.ga_zone_id, _ga_categories.c.category).where(
                    _ga_categories.c.layout_id == layout_id
                )
            )
        }
        seat_categories: dict[str, str] = {}
        seat_contingents: dict[str, str] = {}
        blocked: set[str] = set()
        invalidated: set[str] = set()
        for seat_id, (category, contingent, is_blocked, is_invalid) in self._stored_facts(
            layout_id
        ).items():
            if category is not None:
                seat_categories[seat_id] = category
            if contingent is not None:
                seat_contingents[seat_id] = contingent
            if is_blocked:
                blocked.add(seat_id)
            if is_invalid:
                invalidated.add(seat_id)
        return LogicalLayout(
            id=row.id,
            name=row.name,
            season_id=row.season_id,
            physical=physical,
            categories=categories,
            seat_categories=seat_categories,
            ga_categories=ga_categories,
            contingents=contingents,
            seat_contingents=seat_contingents,
            blocked=frozenset(blocked),
            invalidated=frozenset(invalidated),
        )

    def list(self, season_id: str | None = None) -> list[LogicalLayoutSummary]:
        query = select(_layouts).order_by(_layouts.c.name, _layouts.c.id)
        if season_id is not None:
            query = query.where(_layouts.c.season_id == season_id)
        return [
            LogicalLayoutSummary(r.id, r.name, r.season_id, r.physical_layout_id)
            for r in self._session.execute(query)
        ]

    def save(self, layout: LogicalLayout) -> None:
        """Store the changes of an existing layout (blocked, invalidated, contingents...)."""
        result = self._session.execute(
            update(_layouts)
            .where(_layouts.c.id == layout.id)
            .values(name=layout.name, season_id=layout.season_id)
        )
        if result.rowcount == 0:  # type: ignore[attr-defined]
            raise NotFound("logical layout", layout.id)
        # New codes first, seats next, codes no longer used last: the foreign keys from seats
        # to categories and contingents hold at every statement.
        self._write_codes(layout)
        stored = self._stored_facts(layout.id)
        wanted = seat_facts(layout)
        gone = [seat_id for seat_id in stored if seat_id not in wanted]
        for chunk in _chunks(gone):
            self._session.execute(
                delete(_seats).where(_seats.c.layout_id == layout.id, _seats.c.seat_id.in_(chunk))
            )
        new = [
            _seat_row(layout.id, seat_id, facts)
            for seat_id, facts in wanted.items()
            if seat_id not in stored
        ]
        if new:
            self._session.execute(insert(_seats), new)
        changed = [
            {
                "b_layout_id": layout.id,
                "b_seat_id": seat_id,
                **{f"b_{name}": value for name, value in _facts_values(facts).items()},
            }
            for seat_id, facts in wanted.items()
            if seat_id in stored and stored[seat_id] != facts
        ]
        if changed:
            self._session.execute(
                update(_seats)
                .where(
                    _seats.c.layout_id == bindparam("b_layout_id"),
                    _seats.c.seat_id == bindparam("b_seat_id"),
                )
                .values(
                    category=bindparam("b_category"),
                    contingent=bindparam("b_contingent"),
                    blocked=bindparam("b_blocked"),
                    invalidated=bindparam("b_invalidated"),
                ),
                changed,
            )
        self._delete_stale_codes(layout)

    # --- helpers -------------------------------------------------------------------------

    def _stored_facts(self, layout_id: str) -> dict[str, SeatFacts]:
        rows = self._session.execute(
            select(
                _seats.c.seat_id,
                _seats.c.category,
                _seats.c.contingent,
                _seats.c.blocked,
                _seats.c.invalidated,
            ).where(_seats.c.layout_id == layout_id)
        )
        return {
            seat_id: (category, contingent, bool(blocked), bool(invalid))
            for seat_id, category, contingent, blocked, invalid in rows
        }

    def _write_codes(self, layout: LogicalLayout) -> None:
        """Insert or update categories, contingents and GA-zone categories; delete none."""
        layout_id = layout.id
        for position, c in enumerate(layout.categories):
            self._upsert(
                _categories,
                {"layout_id": layout_id, "code": c.code},
                {"name": c.name, "colour": c.colour, "position": position},
            )
        for position, k in enumerate(layout.contingents):
            self._upsert(
                _contingents,
                {"layout_id": layout_id, "code": k.code},
                {
                    "name": k.name,
                    "colour": k.colour,
                    "type": k.type.value,
                    "exclusive": k.exclusive,
                    "position": position,
                },
            )
        self._session.execute(
            delete(_contingent_channels).where(_contingent_channels.c.layout_id == layout_id)
        )
        links = [
            {"layout_id": layout_id, "contingent_code": k.code, "channel_code": channel}
            for k in layout.contingents
            for channel in sorted(k.channels)
        ]
        if links:
            self._session.execute(insert(_contingent_channels), links)
        self._session.execute(delete(_ga_categories).where(_ga_categories.c.layout_id == layout_id))
        ga_rows = [
            {"layout_id": layout_id, "ga_zone_id": zone, "category": code}
            for zone, code in sorted(layout.ga_categories.items())
        ]
        if ga_rows:
            self._session.execute(insert(_ga_categories), ga_rows)

    def _delete_stale_codes(self, layout: LogicalLayout) -> None:
        for table, codes in (
            (_categories, [c.code for c in layout.categories]),
            (_contingents, [k.code for k in layout.contingents]),
        ):
            self._session.execute(
                delete(table).where(table.c.layout_id == layout.id, table.c.code.not_in(codes))
            )

    def _upsert(self, table: Table, key: dict[str, Any], values: dict[str, Any]) -> None:
        condition = tuple_(*(table.c[name] for name in key)) == tuple_(*key.values())
        result = self._session.execute(update(table).where(condition).values(**values))
        if result.rowcount == 0:  # type: ignore[attr-defined]
            self._session.execute(insert(table).values(**key, **values))


def _facts_values(facts: SeatFacts) -> dict[str, Any]:
    category, contingent, blocked, invalidated = facts
    return {
        "category": category,
        "contingent": contingent,
        "blocked": blocked,
        "invalidated": invalidated,
    }


def _seat_row(layout_id: str, seat_id: str, facts: SeatFacts) -> dict[str, Any]:
    return {"layout_id": layout_id, "seat_id": seat_id, **_facts_values(facts)}
