"""What the catalog feed writes on the till, inside the caller's transaction: catalog entities
by kind (upserts that never delete a row others refer to), the version of each, the seat states
and standing counts the central inventory gives, and this till's leases.

Seat states and standing places of the server's view are rows with an owner the caller names
"foreign" (the server's, the demo's): only those are ever replaced or deleted here. A row of
this till's own (a cart's hold, a sale, a lease) is never touched, except a cart's hold that has
lapsed, which counts as free anyway.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Table, delete, func, insert, or_, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.persistence.repositories.venues import VenueRepository, encode_content
from app.persistence.tables import (
    ActivityRow,
    AudienceSubcategoryRow,
    ChannelDeliveryModeRow,
    DeliveryModeRow,
    EventRow,
    HallRow,
    LogicalLayoutRow,
    OrganizerRow,
    PerformanceRow,
    PerformanceSeatStateRow,
    PhysicalLayoutRow,
    PointOfSaleRow,
    PriceGridRow,
    SalesChannelRow,
    SeasonRow,
    SeatRow,
    SiteRow,
    table_of,
)
from app.persistence.tables_pickups import PickupOrderRow
from app.persistence.tables_sales import StandingHoldRow
from app.persistence.tables_sync import SyncEntityVersionRow, SyncLeaseRow
from domain.availability import SeatState
from domain.catalog import Activity, AudienceSubcategory, DeliveryMode, Event, Organizer, Season
from domain.channels import PointOfSale
from domain.venue import Hall, PhysicalLayout, Site
from sync.feed import Key, Known
from sync.protocol import LeaseState, LeaseWire, PlacesWire

_versions = table_of(SyncEntityVersionRow)
_leases = table_of(SyncLeaseRow)
_states = table_of(PerformanceSeatStateRow)
_standing = table_of(StandingHoldRow)
_layouts = table_of(PhysicalLayoutRow)
_seats = table_of(SeatRow)
_CHUNK = 500

# The table of each catalog kind (its primary key is its id), for `exists` and `remove`.
_TABLES: dict[str, Table] = {
    "site": table_of(SiteRow),
    "hall": table_of(HallRow),
    "physical_layout": _layouts,
    "organizer": table_of(OrganizerRow),
    "season": table_of(SeasonRow),
    "logical_layout": table_of(LogicalLayoutRow),
    "activity": table_of(ActivityRow),
    "audience": table_of(AudienceSubcategoryRow),
    "price_grid": table_of(PriceGridRow),
    "delivery_mode": table_of(DeliveryModeRow),
    "channel": table_of(SalesChannelRow),
    "point_of_sale": table_of(PointOfSaleRow),
    "pickup_order": table_of(PickupOrderRow),
    "event": table_of(EventRow),
    "performance": table_of(PerformanceRow),
}
_channel_modes = table_of(ChannelDeliveryModeRow)


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


class FeedRepository:
    def __init__(self, session: Session, venues: VenueRepository) -> None:
        self._session = session
        self._venues = venues

    # --- versions ----------------------------------------------------------------------

    def known(self) -> dict[Key, Known]:
        rows = self._session.execute(select(_versions))
        return {(r.entity, r.entity_id): Known(int(r.version), bool(r.live)) for r in rows}

    def mark(self, entity: str, entity_id: str, version: int, live: bool) -> None:
        statement = sqlite_insert(_versions).values(
            entity=entity, entity_id=entity_id, version=version, live=live
        )
        self._session.execute(
            statement.on_conflict_do_update(
                index_elements=["entity", "entity_id"],
                set_={"version": statement.excluded.version, "live": statement.excluded.live},
            )
        )

    # --- catalog entities --------------------------------------------------------------

    def exists(self, entity: str, entity_id: str) -> bool:
        table = _TABLES[entity]
        key = next(iter(table.primary_key.columns))
        return self._session.scalar(select(key).where(key == entity_id)) is not None

    def remove(self, entity: str, entity_id: str) -> bool:
        """Delete the entity if nothing refers to it any more; False (nothing changed) while
        something does (a performance's sales, a layout's performances...)."""
        table = _TABLES[entity]
        key = next(iter(table.primary_key.columns))
        savepoint = self._session.begin_nested()
        try:
            self._session.execute(delete(table).where(key == entity_id))
        except IntegrityError:
            savepoint.rollback()
            return False
        savepoint.commit()
        return True

    def attempt(self, work: Callable[[], None]) -> Exception | None:
        """Run ``work`` in a savepoint: on an error that is about the data (it cannot be read,
        or refers to what is not stored) roll back just that and return the error."""
        savepoint = self._session.begin_nested()
        try:
            work()
        except (IntegrityError, ValueError, KeyError, TypeError, AssertionError) as exc:
            savepoint.rollback()
            return exc
        savepoint.commit()
        return None

    def _upsert(self, table: Table, values: dict[str, Any]) -> None:
        keys = [c.name for c in table.primary_key.columns]
        statement = sqlite_insert(table).values(**values)
        self._session.execute(
            statement.on_conflict_do_update(
                index_elements=keys,
                set_={k: statement.excluded[k] for k in values if k not in keys},
            )
        )

    def put_site(self, site: Site) -> None:
        self._upsert(_TABLES["site"], {"id": site.id, "name": site.name, "timezone": site.timezone})

    def put_hall(self, hall: Hall) -> None:
        self._upsert(_TABLES["hall"], {"id": hall.id, "site_id": hall.site_id, "name": hall.name})

    def put_organizer(self, organizer: Organizer) -> None:
        self._upsert(_TABLES["organizer"], {"id": organizer.id, "name": organizer.name})

    def put_season(self, season: Season) -> None:
        self._upsert(
            _TABLES["season"],
            {
                "id": season.id,
                "organizer_id": season.organizer_id,
                "name": season.name,
                "starts_on": season.starts_on,
                "ends_on": season.ends_on,
            },
        )

    def put_activity(self, activity: Activity) -> None:
        self._upsert(
            _TABLES["activity"],
            {"id": activity.id, "season_id": activity.season_id, "name": activity.name},
        )

    def put_audience(self, audience: AudienceSubcategory) -> None:
        self._upsert(_TABLES["audience"], {"code": audience.code, "name": audience.name})

    def put_delivery_mode(self, mode: DeliveryMode) -> None:
        self._upsert(
            _TABLES["delivery_mode"],
            {
                "code": mode.code,
                "name": mode.name,
                "fee_minor": mode.fee.minor,
                "fee_currency": mode.fee.currency,
            },
        )

    def put_point_of_sale(self, point: PointOfSale) -> None:
        self._upsert(
            _TABLES["point_of_sale"],
            {
                "code": point.code,
                "name": point.name,
                "channel_code": point.channel_code,
                "number": point.number,
            },
        )

    def put_event(self, event: Event) -> None:
        self._upsert(
            _TABLES["event"],
            {"id": event.id, "activity_id": event.activity_id, "name": event.name},
        )

    def put_physical_layout(self, layout: PhysicalLayout) -> None:
        """Add the layout, or replace a stored one's row and seats (logical layouts that use
        it stay: they are the feed's next entities)."""
        if not self.exists("physical_layout", layout.id):
            self._venues.add_physical_layout(layout)
            return
        focal = layout.focal_point
        self._session.execute(
            update(_layouts)
            .where(_layouts.c.id == layout.id)
            .values(
                hall_id=layout.hall_id,
                name=layout.name,
                state=layout.state.value,
                width=layout.width,
                height=layout.height,
                focal_x=None if focal is None else focal.x,
                focal_y=None if focal is None else focal.y,
                content=encode_content(layout),
            )
        )
        self._session.execute(delete(_seats).where(_seats.c.layout_id == layout.id))
        self._venues.add_seats(layout)

    # --- the central inventory's seats and standing places ------------------------------

    def clear_seats(self, performance_id: str, foreign: Collection[str]) -> None:
        """Forget the server's (and the demo's) view of a performance's seats."""
        self._session.execute(
            delete(_states).where(
                _states.c.performance_id == performance_id, _states.c.owner.in_(list(foreign))
            )
        )

    def put_seats(
        self,
        performance_id: str,
        states: Mapping[str, SeatState | None],
        owner: str,
        foreign: Collection[str],
        now: datetime,
    ) -> None:
        """Set the seats' state as ``owner`` (None: free, the row goes), over rows of a
        ``foreign`` owner or a lapsed hold; rows of this till's own are left alone."""
        gone = [seat for seat, state in states.items() if state is None]
        for chunk in _chunks(gone):
            self._session.execute(
                delete(_states).where(
                    _states.c.performance_id == performance_id,
                    _states.c.seat_id.in_(chunk),
                    self._replaceable(foreign, now),
                )
            )
        rows = [
            {
                "performance_id": performance_id,
                "seat_id": seat,
                "state": state.value,
                "owner": owner,
                "expires_at": None,
            }
            for seat, state in states.items()
            if state is not None
        ]
        if not rows:
            return
        statement = sqlite_insert(_states)
        self._session.execute(
            statement.on_conflict_do_update(
                index_elements=["performance_id", "seat_id"],
                set_={
                    "state": statement.excluded.state,
                    "owner": statement.excluded.owner,
                    "expires_at": None,
                },
                where=self._replaceable(foreign, now),
            ),
            rows,
        )

    @staticmethod
    def _replaceable(foreign: Collection[str], now: datetime) -> Any:
        # No IN (...): an expanding parameter cannot go into an executemany.
        return or_(
            *(_states.c.owner == owner for owner in foreign),
            (_states.c.state == SeatState.HELD.value)
            & _states.c.expires_at.is_not(None)
            & (_states.c.expires_at <= now),
        )

    def clear_places(self, performance_id: str, foreign: Collection[str]) -> None:
        self._session.execute(
            delete(_standing).where(
                _standing.c.performance_id == performance_id, _standing.c.owner.in_(list(foreign))
            )
        )

    def own_places(
        self,
        performance_id: str,
        zone_id: str,
        foreign: Collection[str],
        now: datetime,
        open_leases: Collection[str] = (),
    ) -> int:
        """Places of the zone this till's own carts hold (not lapsed) or its sales took, less
        those from ``open_leases`` (the server counts an open lease whole)."""
        found = self._session.scalar(
            select(func.coalesce(func.sum(_standing.c.places), 0)).where(
                _standing.c.performance_id == performance_id,
                _standing.c.zone_id == zone_id,
                _standing.c.owner.not_in(list(foreign)),
                or_(
                    _standing.c.lease_id.is_(None),
                    _standing.c.lease_id.not_in(list(open_leases)),
                ),
                or_(
                    _standing.c.state == "sold",
                    _standing.c.expires_at.is_(None),
                    _standing.c.expires_at > now,
                ),
            )
        )
        return int(found or 0)

    def put_places(self, performance_id: str, zone_id: str, places: int, owner: str) -> None:
        """The zone's places taken elsewhere, as one row of ``owner`` (none when 0)."""
        self._session.execute(
            delete(_standing).where(
                _standing.c.performance_id == performance_id,
                _standing.c.zone_id == zone_id,
                _standing.c.owner == owner,
            )
        )
        if places > 0:
            self._session.execute(
                insert(_standing).values(
                    performance_id=performance_id,
                    zone_id=zone_id,
                    owner=owner,
                    state="sold",
                    places=places,
                    expires_at=None,
                )
            )

    # --- this till's leases --------------------------------------------------------------

    def leases(self) -> list[LeaseWire]:
        rows = self._session.execute(select(_leases).order_by(_leases.c.lease_id))
        return [
            LeaseWire(
                lease_id=r.lease_id,
                epoch=r.epoch,
                state=LeaseState(r.state),
                performance_id=r.performance_id,
                seats=json.loads(r.seats),
                places=[PlacesWire.model_validate(p) for p in json.loads(r.places)],
                sell_until=r.sell_until,
            )
            for r in rows
        ]

    def put_lease(self, lease: LeaseWire) -> None:
        self._upsert(
            _leases,
            {
                "lease_id": lease.lease_id,
                "epoch": lease.epoch,
                "state": lease.state.value,
                "performance_id": lease.performance_id,
                "seats": json.dumps(lease.seats),
                "places": json.dumps([p.model_dump(mode="json") for p in lease.places]),
                "sell_until": lease.sell_until,
            },
        )

    def remove_leases(self, lease_ids: Iterable[str] | None = None) -> None:
        """Forget these leases (None: all of them)."""
        query = delete(_leases)
        if lease_ids is not None:
            query = query.where(_leases.c.lease_id.in_(list(lease_ids)))
        self._session.execute(query)
