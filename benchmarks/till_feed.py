"""The till's side of a catalog snapshot: the demo catalog plus a generated stadium applied to a
demo till's database in one transaction (`app.services.feed.CatalogFeed.apply_snapshot`).

    .venv/bin/python benchmarks/till_feed.py [--seats 100000] [--sold 0.3]

No server and no network: the snapshot is built in-process as the server would send it
(`server.catalog.demo_entities` and `sync.catalog` encodings), so the figure is the till's
work only — parsing the JSON, decoding the layouts, writing the rows. Prints JSON; asserts
nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.config import load_station
from app.main import open_till
from app.services.feed import CatalogFeed
from domain.catalog import Event, Performance, PerformanceState, PriceGrid, SaleWindow
from domain.configuration import LogicalLayout
from domain.money import Money
from planfiles.demo_catalog import load_demo_catalog
from resources.demo.stadium import stadium_layout
from server.catalog import demo_entities
from sync import catalog as codec
from sync.protocol import (
    CatalogEntity,
    PerformanceInventory,
    SeatInventoryState,
    SeatStateWire,
    SnapshotResponse,
)


class FixedClock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def now(self) -> datetime:
        return self.moment


def _snapshot(now: datetime, seats: int, sold_share: float) -> SnapshotResponse:
    demo = load_demo_catalog(now.date())
    physical = stadium_layout(seats, layout_id="PL-STADIUM", hall_id="H-STADIUM").validated()
    logical = LogicalLayout.from_physical("LL-STADIUM", "Stadium", demo.season.id, physical)
    grid = PriceGrid(
        "G-STADIUM",
        "Stadium",
        "EUR",
        {(c.code, "FULL"): Money(2500, "EUR") for c in physical.categories},
    )
    event = Event("EV-STADIUM", demo.activities[0].id, "Final")
    performance = Performance(
        id="P-STADIUM",
        event_id=event.id,
        hall_id=physical.hall_id,
        logical_layout_id=logical.id,
        price_grid_id=grid.id,
        starts_at=now + timedelta(days=2),
        state=PerformanceState.ON_SALE,
        sale_windows={"GUICHET": SaleWindow(now - timedelta(days=1), now + timedelta(days=1))},
    )
    hall = {"id": physical.hall_id, "site_id": demo.sites[0].id, "name": "Stadium"}
    entities = [
        *demo_entities(demo),
        (codec.HALL, physical.hall_id, hall),
        (codec.PHYSICAL_LAYOUT, physical.id, codec.physical_layout(physical)),
        (codec.LOGICAL_LAYOUT, logical.id, codec.logical_layout(logical)),
        (codec.PRICE_GRID, grid.id, codec.price_grid(grid)),
        (codec.EVENT, event.id, codec.event(event)),
        (codec.PERFORMANCE, performance.id, codec.performance(performance)),
    ]
    order = {name: index for index, name in enumerate(codec.ENTITY_ORDER)}
    entities.sort(key=lambda e: order[e[0]])
    chosen = random.Random(1).sample([s.id for s in physical.seats], int(seats * sold_share))
    return SnapshotResponse(
        server_time=now,
        cursor=1,
        entities=[CatalogEntity(entity=e, id=i, version=1, data=d) for e, i, d in entities],
        inventory=[
            PerformanceInventory(
                performance_id=performance.id,
                seats=[SeatStateWire(seat_id=s, state=SeatInventoryState.SOLD) for s in chosen],
                ga=[],
            )
        ],
        leases=[],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seats", type=int, default=100_000)
    parser.add_argument("--sold", type=float, default=0.3)
    args = parser.parse_args()
    now = datetime.now(UTC).replace(microsecond=0)
    body = _snapshot(now, args.seats, args.sold).model_dump_json().encode()
    with tempfile.TemporaryDirectory() as folder:
        clock = FixedClock(now)
        services = open_till(load_station(Path(folder), demo=True), clock)
        feed = CatalogFeed(services.uow_factory, clock, "G1")
        began = time.perf_counter()
        snapshot = SnapshotResponse.model_validate_json(body)
        parsed = time.perf_counter()
        plan = feed.apply_snapshot(snapshot)
        applied = time.perf_counter()
        plan_seats = services.performance_view("P-STADIUM").plan
        viewed = time.perf_counter()
    print(
        json.dumps(
            {
                "stadium_seats": args.seats,
                "seats_sold_elsewhere": len(snapshot.inventory[0].seats),
                "snapshot_bytes": len(body),
                "entities": len(snapshot.entities),
                "skipped": plan.skipped,
                "parse_seconds": round(parsed - began, 2),
                "apply_seconds": round(applied - parsed, 2),
                "total_seconds": round(applied - began, 2),
                "plan_seats": len(plan_seats.seat_ids),
                "plan_seconds": round(viewed - applied, 2),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
