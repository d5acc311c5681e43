"""The catalog: organizers, seasons, activities, events, audiences, price grids, delivery modes
and performances (with their sale windows per channel).

Money goes in and out as integer minor units plus currency; moments as aware UTC datetimes.
Must not compute prices or fees: `domain.catalog` does.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Row, Table, delete, insert, literal_column, select, update
from sqlalchemy.orm import Session

from app.persistence.errors import NotFound
from app.persistence.tables import (
    ActivityRow,
    AudienceSubcategoryRow,
    DeliveryModeRow,
    EventRow,
    HallRow,
    OrganizerRow,
    PerformanceRow,
    PriceGridRow,
    PriceRow,
    SaleWindowRow,
    SeasonRow,
    table_of,
)
from app.services.records import PerformanceSummary
from domain.catalog import (
    Activity,
    AudienceSubcategory,
    DeliveryMode,
    Event,
    Organizer,
    Performance,
    PerformanceState,
    PriceGrid,
    SaleWindow,
    Season,
)
from domain.money import Money

_organizers = table_of(OrganizerRow)
_seasons = table_of(SeasonRow)
_activities = table_of(ActivityRow)
_events = table_of(EventRow)
_audiences = table_of(AudienceSubcategoryRow)
_grids = table_of(PriceGridRow)
_prices = table_of(PriceRow)
_delivery_modes = table_of(DeliveryModeRow)
_performances = table_of(PerformanceRow)
_windows = table_of(SaleWindowRow)
_halls = table_of(HallRow)


def _money(minor: int | None, currency: str | None) -> Money | None:
    if minor is None or currency is None:
        return None
    return Money(minor, currency)


class CatalogRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    # --- small helpers -------------------------------------------------------------------

    def _insert(self, table: Table, **values: Any) -> None:
        self._session.execute(insert(table).values(**values))

    def _one(self, table: Table, key: ColumnElement[bool], what: str, id: str) -> Row[Any]:
        row = self._session.execute(select(table).where(key)).first()
        if row is None:
            raise NotFound(what, id)
        return row

    def _all(self, table: Table, *where: ColumnElement[bool]) -> Sequence[Row[Any]]:
        query = select(table).where(*where)
        order = [table.c.name] if "name" in table.c else []
        return self._session.execute(query.order_by(*order, *table.primary_key.columns)).all()

    # --- organizers, seasons, activities, events -----------------------------------------

    def add_organizer(self, organizer: Organizer) -> None:
        self._insert(_organizers, id=organizer.id, name=organizer.name)

    def get_organizer(self, organizer_id: str) -> Organizer:
        row = self._one(_organizers, _organizers.c.id == organizer_id, "organizer", organizer_id)
        return Organizer(row.id, row.name)

    def list_organizers(self) -> list[Organizer]:
        return [Organizer(r.id, r.name) for r in self._all(_organizers)]

    def add_season(self, season: Season) -> None:
        self._insert(
            _seasons,
            id=season.id,
            organizer_id=season.organizer_id,
            name=season.name,
            starts_on=season.starts_on,
            ends_on=season.ends_on,
        )

    def get_season(self, season_id: str) -> Season:
        row = self._one(_seasons, _seasons.c.id == season_id, "season", season_id)
        return Season(row.id, row.organizer_id, row.name, row.starts_on, row.ends_on)

    def list_seasons(self, organizer_id: str | None = None) -> list[Season]:
        where = [] if organizer_id is None else [_seasons.c.organizer_id == organizer_id]
        return [
            Season(r.id, r.organizer_id, r.name, r.starts_on, r.ends_on)
            for r in self._all(_seasons, *where)
        ]

    def add_activity(self, activity: Activity) -> None:
        self._insert(_activities, id=activity.id, season_id=activity.season_id, name=activity.name)

    def get_activity(self, activity_id: str) -> Activity:
        row = self._one(_activities, _activities.c.id == activity_id, "activity", activity_id)
        return Activity(row.id, row.season_id, row.name)

    def list_activities(self, season_id: str | None = None) -> list[Activity]:
        where = [] if season_id is None else [_activities.c.season_id == season_id]
        return [Activity(r.id, r.season_id, r.name) for r in self._all(_activities, *where)]

    def add_event(self, event: Event) -> None:
        self._insert(_events, id=event.id, activity_id=event.activity_id, name=event.name)

    def get_event(self, event_id: str) -> Event:
        row = self._one(_events, _events.c.id == event_id, "event", event_id)
        return Event(row.id, row.activity_id, row.name)

    def list_events(self, activity_id: str | None = None) -> list[Event]:
        where = [] if activity_id is None else [_events.c.activity_id == activity_id]
        return [Event(r.id, r.activity_id, r.name) for r in self._all(_events, *where)]

    # --- audiences, price grids, delivery modes ------------------------------------------

    def add_audience(self, audience: AudienceSubcategory) -> None:
        self._insert(_audiences, code=audience.code, name=audience.name)

    def get_audience(self, code: str) -> AudienceSubcategory:
        row = self._one(_audiences, _audiences.c.code == code, "audience sub-category", code)
        return AudienceSubcategory(row.code, row.name)

    def list_audiences(self) -> list[AudienceSubcategory]:
        return [AudienceSubcategory(r.code, r.name) for r in self._all(_audiences)]

    def add_price_grid(self, grid: PriceGrid) -> None:
        """Store a grid; every audience it prices must be stored already."""
        self._insert(
            _grids, id=grid.id, name=grid.name, currency=grid.currency, vat_rate_bp=grid.vat_rate_bp
        )
        self._write_prices(grid)

    def replace_price_grid(self, grid: PriceGrid) -> None:
        """Overwrite a stored grid's name, currency and prices (performances keep using it)."""
        result = self._session.execute(
            update(_grids)
            .where(_grids.c.id == grid.id)
            .values(name=grid.name, currency=grid.currency, vat_rate_bp=grid.vat_rate_bp)
        )
        if result.rowcount == 0:  # type: ignore[attr-defined]
            raise NotFound("price grid", grid.id)
        self._session.execute(delete(_prices).where(_prices.c.grid_id == grid.id))
        self._write_prices(grid)

    def get_price_grid(self, grid_id: str) -> PriceGrid:
        row = self._one(_grids, _grids.c.id == grid_id, "price grid", grid_id)
        return self._grid(row)

    def list_price_grids(self) -> list[PriceGrid]:
        return [self._grid(row) for row in self._all(_grids)]

    def _grid(self, row: Row[Any]) -> PriceGrid:
        prices = {
            (p.category, p.audience): Money(p.amount_minor, p.amount_currency)
            for p in self._session.execute(
                select(_prices)
                .where(_prices.c.grid_id == row.id)
                # The grid's own order (rowid: as it was written): per category, the first
                # tariff is the one a seat gets when it goes into a cart (full price).
                .order_by(_prices.c.category, literal_column("rowid"))
            )
        }
        return PriceGrid(row.id, row.name, row.currency, prices, row.vat_rate_bp)

    def _write_prices(self, grid: PriceGrid) -> None:
        rows = [
            {
                "grid_id": grid.id,
                "category": category,
                "audience": audience,
                "amount_minor": amount.minor,
                "amount_currency": amount.currency,
            }
            for (category, audience), amount in grid.prices.items()
        ]
        if rows:
            self._session.execute(insert(_prices), rows)

    def add_delivery_mode(self, mode: DeliveryMode) -> None:
        self._insert(
            _delivery_modes,
            code=mode.code,
            name=mode.name,
            fee_minor=mode.fee.minor,
            fee_currency=mode.fee.currency,
        )

    def get_delivery_mode(self, code: str) -> DeliveryMode:
        row = self._one(_delivery_modes, _delivery_modes.c.code == code, "delivery mode", code)
        return DeliveryMode(row.code, row.name, Money(row.fee_minor, row.fee_currency))

    def list_delivery_modes(self) -> list[DeliveryMode]:
        return [
            DeliveryMode(r.code, r.name, Money(r.fee_minor, r.fee_currency))
            for r in self._all(_delivery_modes)
        ]

    # --- performances --------------------------------------------------------------------

    def add_performance(self, performance: Performance) -> None:
        self._insert(_performances, id=performance.id, **_performance_values(performance))
        self._write_windows(performance)

    def save_performance(self, performance: Performance) -> None:
        """Store the changes of an existing performance, sale windows included."""
        result = self._session.execute(
            update(_performances)
            .where(_performances.c.id == performance.id)
            .values(**_performance_values(performance))
        )
        if result.rowcount == 0:  # type: ignore[attr-defined]
            raise NotFound("performance", performance.id)
        self._session.execute(delete(_windows).where(_windows.c.performance_id == performance.id))
        self._write_windows(performance)

    def get_performance(self, performance_id: str) -> Performance:
        row = self._one(
            _performances, _performances.c.id == performance_id, "performance", performance_id
        )
        windows = {
            w.channel_code: SaleWindow(w.opens_at, w.closes_at)
            for w in self._session.execute(
                select(_windows)
                .where(_windows.c.performance_id == performance_id)
                .order_by(_windows.c.channel_code)
            )
        }
        return Performance(
            id=row.id,
            event_id=row.event_id,
            hall_id=row.hall_id,
            logical_layout_id=row.logical_layout_id,
            price_grid_id=row.price_grid_id,
            starts_at=row.starts_at,
            state=PerformanceState(row.state),
            sale_windows=windows,
            booking_fee=_money(row.booking_fee_minor, row.booking_fee_currency),
            max_tickets=row.max_tickets,
        )

    def list_performances(
        self,
        starts_from: datetime | None = None,
        starts_before: datetime | None = None,
        event_id: str | None = None,
    ) -> list[PerformanceSummary]:
        """Performances by start time, with the names the list shows.

        ``starts_from`` is inclusive, ``starts_before`` exclusive; both must be aware.
        """
        p = _performances
        query = (
            select(p.c.id, p.c.event_id, _events.c.name, _halls.c.name, p.c.starts_at, p.c.state)
            .join(_events, _events.c.id == p.c.event_id)
            .join(_halls, _halls.c.id == p.c.hall_id)
            .order_by(p.c.starts_at, p.c.id)
        )
        if starts_from is not None:
            query = query.where(p.c.starts_at >= starts_from)
        if starts_before is not None:
            query = query.where(p.c.starts_at < starts_before)
        if event_id is not None:
            query = query.where(p.c.event_id == event_id)
        return [
            PerformanceSummary(pid, eid, event_name, hall_name, starts_at, PerformanceState(state))
            for pid, eid, event_name, hall_name, starts_at, state in self._session.execute(query)
        ]

    def _write_windows(self, performance: Performance) -> None:
        rows = [
            {
                "performance_id": performance.id,
                "channel_code": channel,
                "opens_at": window.opens_at,
                "closes_at": window.closes_at,
            }
            for channel, window in performance.sale_windows.items()
        ]
        if rows:
            self._session.execute(insert(_windows), rows)


def _performance_values(performance: Performance) -> dict[str, Any]:
    fee = performance.booking_fee
    return {
        "event_id": performance.event_id,
        "hall_id": performance.hall_id,
        "logical_layout_id": performance.logical_layout_id,
        "price_grid_id": performance.price_grid_id,
        "starts_at": performance.starts_at,
        "state": performance.state.value,
        "booking_fee_minor": None if fee is None else fee.minor,
        "booking_fee_currency": None if fee is None else fee.currency,
        "max_tickets": performance.max_tickets,
    }
