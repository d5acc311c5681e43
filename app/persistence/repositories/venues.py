"""Sites, halls and physical layouts.

Seats are rows written with one Core ``executemany`` and read back with one plain select, so a
100,000-seat plan stores and loads in a fraction of a second. The few other parts of a layout
(zones, GA zones, entrances, categories, areas) are one JSON document per layout.
Must not decide anything about a plan: `domain.venue` does.
"""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from app.persistence.errors import NotFound
from app.persistence.tables import HallRow, PhysicalLayoutRow, SeatRow, SiteRow, table_of
from app.services.records import LayoutSummary
from domain.venue import (
    Area,
    Category,
    Entrance,
    GeneralAdmissionZone,
    Hall,
    LayoutState,
    PhysicalLayout,
    Point,
    Seat,
    SeatFlag,
    Site,
    Zone,
)

_sites = table_of(SiteRow)
_halls = table_of(HallRow)
_layouts = table_of(PhysicalLayoutRow)
_seats = table_of(SeatRow)

CONTENT_VERSION = 1


# --- the JSON part of a layout -----------------------------------------------------------


def _points(points: tuple[Point, ...]) -> list[list[float]]:
    return [[p.x, p.y] for p in points]


def _to_points(raw: list[list[float]]) -> tuple[Point, ...]:
    return tuple(Point(x, y) for x, y in raw)


def encode_content(layout: PhysicalLayout) -> str:
    document: dict[str, Any] = {
        "version": CONTENT_VERSION,
        "zones": [{"id": z.id, "name": z.name, "entrance": z.entrance} for z in layout.zones],
        "ga_zones": [
            {
                "id": z.id,
                "name": z.name,
                "capacity": z.capacity,
                "category": z.category,
                "entrance": z.entrance,
                "outline": _points(z.outline),
            }
            for z in layout.ga_zones
        ],
        "entrances": [{"id": e.id, "name": e.name} for e in layout.entrances],
        "categories": [
            {"code": c.code, "name": c.name, "colour": c.colour} for c in layout.categories
        ],
        "areas": [
            {"shape": a.shape, "points": _points(a.points), "label": a.label, "colour": a.colour}
            for a in layout.areas
        ],
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


class LayoutContent(NamedTuple):
    zones: tuple[Zone, ...]
    ga_zones: tuple[GeneralAdmissionZone, ...]
    entrances: tuple[Entrance, ...]
    categories: tuple[Category, ...]
    areas: tuple[Area, ...]


def decode_content(text: str) -> LayoutContent:
    document = json.loads(text)
    if document.get("version") != CONTENT_VERSION:
        raise ValueError(f"unknown layout content version {document.get('version')!r}")
    return LayoutContent(
        zones=tuple(Zone(z["id"], z["name"], z["entrance"]) for z in document["zones"]),
        ga_zones=tuple(
            GeneralAdmissionZone(
                id=z["id"],
                name=z["name"],
                capacity=z["capacity"],
                category=z["category"],
                entrance=z["entrance"],
                outline=_to_points(z["outline"]),
            )
            for z in document["ga_zones"]
        ),
        entrances=tuple(Entrance(e["id"], e["name"]) for e in document["entrances"]),
        categories=tuple(
            Category(c["code"], c["name"], c["colour"]) for c in document["categories"]
        ),
        areas=tuple(
            Area(a["shape"], _to_points(a["points"]), a["label"], a["colour"])
            for a in document["areas"]
        ),
    )


class VenueRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    # --- sites and halls -----------------------------------------------------------------

    def add_site(self, site: Site) -> None:
        self._session.execute(
            insert(_sites).values(id=site.id, name=site.name, timezone=site.timezone)
        )

    def get_site(self, site_id: str) -> Site:
        row = self._session.execute(select(_sites).where(_sites.c.id == site_id)).first()
        if row is None:
            raise NotFound("site", site_id)
        return Site(row.id, row.name, row.timezone)

    def list_sites(self) -> list[Site]:
        rows = self._session.execute(select(_sites).order_by(_sites.c.name, _sites.c.id))
        return [Site(r.id, r.name, r.timezone) for r in rows]

    def add_hall(self, hall: Hall) -> None:
        self._session.execute(
            insert(_halls).values(id=hall.id, site_id=hall.site_id, name=hall.name)
        )

    def get_hall(self, hall_id: str) -> Hall:
        row = self._session.execute(select(_halls).where(_halls.c.id == hall_id)).first()
        if row is None:
            raise NotFound("hall", hall_id)
        return Hall(row.id, row.site_id, row.name)

    def hall_by_name(self, name: str, site_id: str | None = None) -> Hall | None:
        """The hall of that name (in that site); None if there is none.

        Raises `LookupError` when the name is ambiguous across sites and no site is given.
        """
        query = select(_halls).where(_halls.c.name == name)
        if site_id is not None:
            query = query.where(_halls.c.site_id == site_id)
        rows = self._session.execute(query.limit(2)).all()
        if len(rows) > 1:
            raise LookupError(f"several halls are named {name!r}; give the site")
        return Hall(rows[0].id, rows[0].site_id, rows[0].name) if rows else None

    def list_halls(self, site_id: str | None = None) -> list[Hall]:
        query = select(_halls).order_by(_halls.c.name, _halls.c.id)
        if site_id is not None:
            query = query.where(_halls.c.site_id == site_id)
        return [Hall(r.id, r.site_id, r.name) for r in self._session.execute(query)]

    # --- physical layouts ----------------------------------------------------------------

    def add_physical_layout(self, layout: PhysicalLayout) -> None:
        focal = layout.focal_point
        self._session.execute(
            insert(_layouts).values(
                id=layout.id,
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
        self.add_seats(layout)

    def add_seats(self, layout: PhysicalLayout) -> None:
        """Insert the layout's seats (its row is stored, it has no seats yet)."""
        if not layout.seats:
            return
        # The driver's executemany with plain tuples: a 100,000-seat plan is the one bulk write
        # of the till, and SQLAlchemy's per-row parameter processing doubles its time.
        columns = (
            "layout_id",
            "position",
            "seat_id",
            "zone",
            "block",
            "row_label",
            "number",
            "x",
            "y",
            "category",
            "flags",
        )
        statement = (
            f"INSERT INTO {_seats.name} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})"
        )
        layout_id = layout.id
        self._session.connection().exec_driver_sql(
            statement,
            [
                (
                    layout_id,
                    position,
                    s.id,
                    s.zone,
                    s.block,
                    s.row,
                    s.number,
                    s.x,
                    s.y,
                    s.category,
                    int(s.flags),
                )
                for position, s in enumerate(layout.seats)
            ],
        )

    def set_physical_layout_state(self, layout_id: str, state: LayoutState) -> None:
        """Record a validation (or its withdrawal); the seats do not change."""
        result = self._session.execute(
            update(_layouts).where(_layouts.c.id == layout_id).values(state=state.value)
        )
        if result.rowcount == 0:  # type: ignore[attr-defined]
            raise NotFound("physical layout", layout_id)

    def get_physical_layout(self, layout_id: str) -> PhysicalLayout:
        row = self._session.execute(select(_layouts).where(_layouts.c.id == layout_id)).first()
        if row is None:
            raise NotFound("physical layout", layout_id)
        flags_of: dict[int, SeatFlag] = {}
        seats = []
        for sid, zone, block, row_label, number, x, y, category, flags in self._session.execute(
            select(
                _seats.c.seat_id,
                _seats.c.zone,
                _seats.c.block,
                _seats.c.row_label,
                _seats.c.number,
                _seats.c.x,
                _seats.c.y,
                _seats.c.category,
                _seats.c.flags,
            )
            .where(_seats.c.layout_id == layout_id)
            .order_by(_seats.c.position)
        ):
            flag = flags_of.get(flags)
            if flag is None:
                flag = flags_of[flags] = SeatFlag(flags)
            seats.append(Seat(sid, zone, block, row_label, number, x, y, category, flag))
        focal = None if row.focal_x is None else Point(row.focal_x, row.focal_y)
        content = decode_content(row.content)
        return PhysicalLayout(
            id=row.id,
            hall_id=row.hall_id,
            name=row.name,
            seats=tuple(seats),
            width=row.width,
            height=row.height,
            focal_point=focal,
            state=LayoutState(row.state),
            zones=content.zones,
            ga_zones=content.ga_zones,
            entrances=content.entrances,
            categories=content.categories,
            areas=content.areas,
        )

    def list_physical_layouts(self, hall_id: str) -> list[LayoutSummary]:
        seat_count = (
            select(func.count())
            .where(_seats.c.layout_id == _layouts.c.id)
            .correlate(_layouts)
            .scalar_subquery()
        )
        rows = self._session.execute(
            select(_layouts.c.id, _layouts.c.hall_id, _layouts.c.name, _layouts.c.state, seat_count)
            .where(_layouts.c.hall_id == hall_id)
            .order_by(_layouts.c.name, _layouts.c.id)
        )
        return [
            LayoutSummary(id, hall, name, LayoutState(state), count)
            for id, hall, name, state, count in rows
        ]
