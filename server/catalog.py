"""The server's catalog: loading the demo, and reading back as domain values what the rules
need to judge a sale (channel, performance, logical layout, price grid)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final, TypeVar

from pydantic import JsonValue
from sqlalchemy import Connection, bindparam, insert, select, tuple_

from domain.availability import SeatState
from domain.catalog import Performance, PriceGrid
from domain.channels import SalesChannel
from domain.configuration import LogicalLayout
from planfiles.demo_advantages import DEMO_CODE_BATCH, DEMO_CODES, DEMO_SINGLE_USE
from planfiles.demo_catalog import DemoCatalog, demo_today, load_demo_catalog
from server import codes
from server import tables as t
from server.feed import (
    Changes,
    DecodedCache,
    create_inventory,
    entity_data,
    entity_version,
    put_entity,
)
from sync import catalog as codec

DEMO_FLAG: Final = "demo_loaded_on"
DEMO_OWNER: Final = "demo:other-channels"  # who sold the seats the demo marks sold

T = TypeVar("T")


def demo_entities(demo: DemoCatalog) -> list[tuple[str, str, dict[str, JsonValue]]]:
    """(entity, id, data) of every catalog object of the demo, referred-to first."""
    found: list[tuple[str, str, dict[str, JsonValue]]] = []
    found += [(codec.SITE, s.id, codec.site(s)) for s in demo.sites]
    found += [(codec.HALL, h.id, codec.hall(h)) for h in demo.halls]
    found += [
        (codec.PHYSICAL_LAYOUT, p.id, codec.physical_layout(p)) for p in demo.physical_layouts
    ]
    found.append((codec.ORGANIZER, demo.organizer.id, codec.organizer(demo.organizer)))
    found.append((codec.SEASON, demo.season.id, codec.season(demo.season)))
    found += [(codec.LOGICAL_LAYOUT, x.id, codec.logical_layout(x)) for x in demo.logical_layouts]
    found += [(codec.ACTIVITY, a.id, codec.activity(a)) for a in demo.activities]
    found += [(codec.AUDIENCE, a.code, codec.audience(a)) for a in demo.audiences]
    found += [(codec.PRICE_GRID, g.id, codec.price_grid(g)) for g in demo.price_grids]
    found += [(codec.DELIVERY_MODE, d.code, codec.delivery_mode(d)) for d in demo.delivery_modes]
    found += [(codec.CHANNEL, c.code, codec.channel(c)) for c in demo.channels]
    found += [(codec.POINT_OF_SALE, p.code, codec.point_of_sale(p)) for p in demo.points_of_sale]
    found += [(codec.EVENT, e.id, codec.event(e)) for e in demo.events]
    found += [(codec.PERFORMANCE, p.id, codec.performance(p)) for p in demo.performances]
    return found


def demo_loaded(conn: Connection) -> str | None:
    return conn.scalar(select(t.server_state.c.value).where(t.server_state.c.key == DEMO_FLAG))


def load_demo(conn: Connection, now: datetime) -> bool:
    """The till demo's catalog, venues and seat states, in one transaction; False (nothing
    done) when it is there already."""
    if demo_loaded(conn) is not None:
        return False
    demo = load_demo_catalog(demo_today(now))
    changes = Changes()
    for entity, entity_id, data in demo_entities(demo):
        put_entity(conn, changes, entity, entity_id, data, now)
    layouts = {x.id: x for x in demo.logical_layouts}
    for performance in demo.performances:
        layout = layouts[performance.logical_layout_id]
        booked = demo.booked.get(performance.id, {})
        others = set(booked.get(SeatState.RESERVED, ())) | set(booked.get(SeatState.HELD, ()))
        create_inventory(
            conn,
            changes,
            performance.id,
            (s.id for s in layout.physical.seats),
            layout.blocked | layout.invalidated | others,
            booked.get(SeatState.SOLD, ()),
            {z.id: z.capacity for z in layout.physical.ga_zones},
            DEMO_OWNER,
        )
    # The demo's single-use codes are the server's: used on one till, refused on every other.
    codes.add_known(conn, DEMO_SINGLE_USE.id, DEMO_CODE_BATCH, DEMO_CODES, now)
    conn.execute(insert(t.server_state).values(key=DEMO_FLAG, value=demo.today.isoformat()))
    changes.flush(conn, now)
    return True


@dataclass(frozen=True, slots=True)
class Selling:
    """What the rules need to sell one performance on one channel."""

    channel: SalesChannel
    performance: Performance
    layout: LogicalLayout
    grid: PriceGrid


_VERSIONS = select(
    t.catalog_entity.c.entity, t.catalog_entity.c.entity_id, t.catalog_entity.c.version
).where(
    # (entity, entity_id) is the primary key: an index lookup per entity
    tuple_(t.catalog_entity.c.entity, t.catalog_entity.c.entity_id).in_(
        bindparam("keys", expanding=True)
    ),
    t.catalog_entity.c.data.is_not(None),
)

Versions = dict[tuple[str, str], int]  # (entity, id) -> version


def versions(conn: Connection, keys: Iterable[tuple[str, str]]) -> Versions:
    """The current versions of these catalog entities (deleted ones left out), one query."""
    rows = conn.execute(_VERSIONS, {"keys": sorted(set(keys))})
    return {(r.entity, r.entity_id): r.version for r in rows}


class Catalog:
    """Decoded catalog values, read in the caller's transaction, cached per version."""

    def __init__(self) -> None:
        self._cache = DecodedCache()
        # (channel, performance) -> the versions a Selling was built from, and it
        self._sellings: dict[tuple[str, str], tuple[Versions, Selling]] = {}

    def _decoded(
        self,
        conn: Connection,
        entity: str,
        entity_id: str,
        decode: Callable[[Any], T],
        used: Versions | None = None,
    ) -> T:
        version = entity_version(conn, entity, entity_id)  # the data only when not cached
        found = self._cache.get((entity, entity_id, version))
        if found is None:
            version, data = entity_data(conn, entity, entity_id)
            found = decode(data)
            self._cache.put((entity, entity_id, version), found)
        if used is not None:
            used[(entity, entity_id)] = version
        return found  # type: ignore[return-value]  # stored by this very key and decoder

    def channel(self, conn: Connection, code: str) -> SalesChannel:
        return self._decoded(conn, codec.CHANNEL, code, codec.channel_of)

    def performance(self, conn: Connection, performance_id: str) -> Performance:
        return self._decoded(conn, codec.PERFORMANCE, performance_id, codec.performance_of)

    def layout(
        self, conn: Connection, layout_id: str, used: Versions | None = None
    ) -> LogicalLayout:
        def decode(data: Any) -> LogicalLayout:
            physical = self._decoded(
                conn, codec.PHYSICAL_LAYOUT, data["physical_id"], codec.physical_layout_of
            )
            return codec.logical_layout_of(data, physical)

        layout = self._decoded(conn, codec.LOGICAL_LAYOUT, layout_id, decode, used)
        if used is not None:  # its physical layout too, cached or not
            used[(codec.PHYSICAL_LAYOUT, layout.physical.id)] = entity_version(
                conn, codec.PHYSICAL_LAYOUT, layout.physical.id
            )
        return layout

    def selling(self, conn: Connection, channel_code: str, performance_id: str) -> Selling:
        """What a sale on this channel of this performance needs. Built once per version of
        the entities it comes from; after that one query checks they are still current."""
        key = (channel_code, performance_id)
        cached = self._sellings.get(key)
        if cached is not None and versions(conn, cached[0]) == cached[0]:
            return cached[1]
        used: Versions = {}
        performance = self._decoded(
            conn, codec.PERFORMANCE, performance_id, codec.performance_of, used
        )
        selling = Selling(
            channel=self._decoded(conn, codec.CHANNEL, channel_code, codec.channel_of, used),
            performance=performance,
            layout=self.layout(conn, performance.logical_layout_id, used),
            grid=self._decoded(
                conn, codec.PRICE_GRID, performance.price_grid_id, codec.price_grid_of, used
            ),
        )
        if versions(conn, used) == used:  # nothing changed while it was being read
            if len(self._sellings) > 1000:
                self._sellings.clear()
            self._sellings[key] = (used, selling)
        return selling
