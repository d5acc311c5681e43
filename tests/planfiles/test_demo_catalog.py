"""The demo catalog read without a database (planfiles.demo_catalog, what the server loads)
is the one the till's demo loader writes into a till's database."""

from __future__ import annotations

from pathlib import Path

from app.persistence import open_database
from app.persistence.database import as_factory
from app.services.demo import load_demo
from planfiles.demo_catalog import demo_today, load_demo_catalog
from tests.fakes import FixedClock


class _PlainHasher:
    def hash(self, pin: str) -> str:
        return f"plain:{pin}"

    def verify(self, hashed: str, pin: str) -> bool:
        return hashed == f"plain:{pin}"


def test_the_shared_demo_catalog_is_the_tills(tmp_path: Path) -> None:
    clock = FixedClock()
    demo = load_demo_catalog(demo_today(clock.now()))
    with open_database(tmp_path / "till.sqlite3") as database:
        factory = as_factory(database)
        assert load_demo(factory, _PlainHasher(), clock)
        with factory(read_only=True) as uow:
            assert sorted(uow.channels.list_channels(), key=lambda c: c.code) == sorted(
                demo.channels, key=lambda c: c.code
            )
            assert sorted(uow.venues.list_sites(), key=lambda s: s.id) == sorted(
                demo.sites, key=lambda s: s.id
            )
            for performance in demo.performances:
                assert uow.catalog.get_performance(performance.id) == performance
            for grid in demo.price_grids:
                assert uow.catalog.get_price_grid(grid.id) == grid
            for layout in demo.logical_layouts:
                assert uow.configurations.get(layout.id) == layout
