"""The engine's pragmas, migrations at start, and models agreeing with migrations."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import OperationalError

from app.persistence import Database, open_database
from app.persistence.database import (
    alembic_config,
    create_sqlite_engine,
    current_revision,
    head_revision,
    upgrade,
)
from app.persistence.errors import DatabaseBusy
from app.persistence.tables import metadata
from app.persistence.types import NaiveDatetimeError
from domain.availability import SeatState
from domain.catalog import PerformanceState

from . import factories

T0 = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)

FIRST = "0001_venues_and_catalog"
SECOND = "0002_operators_and_seat_states"


def test_every_connection_has_the_pragmas(db: Database) -> None:
    for read_only in (False, True):
        with db.unit_of_work(read_only=read_only) as uow:
            values = {
                name: uow.session.execute(text(f"PRAGMA {name}")).scalar()
                for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")
            }
        assert values == {
            "journal_mode": "wal",
            "foreign_keys": 1,
            "synchronous": 2,  # FULL
            "busy_timeout": 5000,
        }


def test_foreign_keys_are_enforced(db: Database) -> None:
    with db.unit_of_work() as uow, pytest.raises(Exception, match="FOREIGN KEY"):
        uow.venues.add_hall(factories.hall(site_id="no-such-site"))
        uow.session.flush()


def test_open_migrates_to_head_and_reopens(tmp_path: Path) -> None:
    path = tmp_path / "till.sqlite3"
    open_database(path).close()
    database = open_database(path)  # idempotent
    try:
        assert current_revision(database.engine) == head_revision()
        assert head_revision() != FIRST
    finally:
        database.close()


def test_open_without_migrating_refuses_an_old_schema(tmp_path: Path) -> None:
    path = tmp_path / "till.sqlite3"
    engine = create_sqlite_engine(path)
    upgrade(engine, FIRST)
    engine.dispose()
    with pytest.raises(Exception, match="expects"):
        open_database(path, migrate=False)


def test_models_and_migrations_agree(db: Database) -> None:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, metadata)
    assert differences == []


def test_the_comparison_sees_a_schema_behind(tmp_path: Path) -> None:
    engine = create_sqlite_engine(tmp_path / "old.sqlite3")
    upgrade(engine, FIRST)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, metadata)
    engine.dispose()
    added_tables = {d[1].name for d in differences if d[0] == "add_table"}
    assert {"operators", "performance_seat_states", "settings"} <= added_tables
    assert ("add_column", "performances", "max_tickets") in {
        (d[0], d[2], d[3].name) for d in differences if d[0] == "add_column"
    }


def test_upgrade_from_first_revision_keeps_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_sqlite_engine(path)
    upgrade(engine, FIRST)
    with engine.begin() as connection:
        for statement in (
            "INSERT INTO sites VALUES ('site-1', 'Théâtre du Lac', 'Europe/Paris')",
            "INSERT INTO halls VALUES ('hall-1', 'site-1', 'Grande salle')",
            "INSERT INTO organizers VALUES ('org-1', 'Association du Lac')",
            "INSERT INTO seasons VALUES ('season-1', 'org-1', 'Saison', '2025-09-01', "
            "'2026-07-31')",
            "INSERT INTO activities VALUES ('act-1', 'season-1', 'Concerts')",
            "INSERT INTO events VALUES ('event-1', 'act-1', 'Orchestre')",
            "INSERT INTO physical_layouts VALUES ('plan-1', 'hall-1', 'Plan', 'validated', "
            '10.0, 5.0, NULL, NULL, \'{"version": 1, "zones": [], "ga_zones": '
            '[{"id": "FOSSE", "name": "Fosse", "capacity": 100, "category": null, '
            '"entrance": null, "outline": []}], "entrances": [], "categories": [], '
            '"areas": []}\')',
            "INSERT INTO logical_layouts VALUES ('logic-1', 'Debout', 'season-1', 'plan-1')",
            "INSERT INTO price_grids VALUES ('grid-1', 'Grille', 'EUR')",
            "INSERT INTO sales_channels (code, name, type, sells_no_contingent, "
            "cash_float_allowed, contact_origin_mandatory, default_seat_search) "
            "VALUES ('GUICHET', 'Guichet', 'box_office', 1, 1, 0, 'no_plan')",
            "INSERT INTO performances (id, event_id, hall_id, logical_layout_id, "
            "price_grid_id, starts_at, state, booking_fee_minor, booking_fee_currency) "
            "VALUES ('perf-1', 'event-1', 'hall-1', 'logic-1', 'grid-1', "
            "'2026-01-17T19:30:00.000000+00:00', 'on_sale', 200, 'EUR')",
            "INSERT INTO performance_sale_windows VALUES ('perf-1', 'GUICHET', "
            "'2025-09-01T08:00:00.000000+00:00', '2026-01-17T20:00:00.000000+00:00')",
        ):
            connection.exec_driver_sql(statement)
    tables_before = set(inspect(engine).get_table_names())
    assert "operators" not in tables_before
    engine.dispose()

    database = open_database(path)  # upgrades to head
    try:
        inspector = inspect(database.engine)
        assert {"operators", "performance_seat_states", "settings"} <= set(
            inspector.get_table_names()
        )
        assert "max_tickets" in {c["name"] for c in inspector.get_columns("performances")}
        assert "ix_performances_starts_at" in {
            i["name"] for i in inspector.get_indexes("performances")
        }
        with database.unit_of_work(read_only=True) as uow:
            performance = uow.catalog.get_performance("perf-1")
            summaries = uow.catalog.list_performances()
            logical = uow.configurations.get("logic-1")
        assert performance.max_tickets is None
        assert performance.state is PerformanceState.ON_SALE
        assert performance.starts_at == datetime.fromisoformat("2026-01-17T19:30:00+00:00")
        assert performance.booking_fee is not None and performance.booking_fee.minor == 200
        assert set(performance.sale_windows) == {"GUICHET"}
        assert [s.event_name for s in summaries] == ["Orchestre"]
        assert logical.physical.standing_capacity == 100
        with database.unit_of_work() as uow:  # the new tables work beside the old rows
            uow.seat_states.seed("perf-1", ["A-1"], SeatState.SOLD, "sale-1")
            uow.operators.add(factories.operator())
            uow.commit()
        with database.unit_of_work(read_only=True) as uow:
            assert uow.seat_states.booked("perf-1", T0) == {"A-1": SeatState.SOLD}
    finally:
        database.close()


def test_downgrade_to_first_revision_and_back(tmp_path: Path) -> None:
    path = tmp_path / "till.sqlite3"
    database = open_database(path)
    factories.seed_catalog(database, seat_count=20)
    config = alembic_config()
    with database.engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        raw.execute("PRAGMA foreign_keys=OFF")
        with connection.begin():
            config.attributes["connection"] = connection
            command.downgrade(config, FIRST)
        raw.execute("PRAGMA foreign_keys=ON")
    assert current_revision(database.engine) == FIRST
    upgrade(database.engine)
    with database.unit_of_work(read_only=True) as uow:
        assert uow.catalog.get_performance("perf-1").max_tickets is None
        assert len(uow.venues.get_physical_layout("plan-1").seats) == 20
    database.close()


def test_naive_datetimes_are_refused(db: Database) -> None:
    factories.seed_catalog(db, seat_count=5)
    with db.unit_of_work() as uow, pytest.raises(Exception) as raised:
        uow.catalog.list_performances(starts_from=datetime(2026, 1, 1))
    assert isinstance(raised.value, NaiveDatetimeError) or isinstance(
        raised.value.__cause__, NaiveDatetimeError
    )


def test_writers_lock_up_front_and_readers_never_wait(tmp_path: Path) -> None:
    database = open_database(tmp_path / "till.sqlite3", busy_timeout_ms=100)
    try:
        with database.unit_of_work() as writer:
            writer.settings.get("anything")  # a read, yet BEGIN IMMEDIATE took the write lock
            with database.unit_of_work(read_only=True) as reader:
                assert reader.settings.get("anything") is None  # WAL: readers go on
            with pytest.raises(DatabaseBusy, match="busy"), database.unit_of_work() as other:
                other.settings.get("anything")
    finally:
        database.close()


def test_a_long_read_never_makes_a_write_wait(tmp_path: Path) -> None:
    database = open_database(tmp_path / "till.sqlite3", busy_timeout_ms=200)
    try:
        with database.unit_of_work(read_only=True) as reading:
            reading.settings.all()  # the read's snapshot is open from here
            with database.unit_of_work() as writing:  # e.g. a payment's save-before-ACK
                writing.settings.set("payment", "approved")
                writing.commit()
        with database.unit_of_work(read_only=True) as uow:
            assert uow.settings.get("payment") == "approved"
    finally:
        database.close()


def test_a_read_only_unit_of_work_cannot_write(tmp_path: Path) -> None:
    database = open_database(tmp_path / "till.sqlite3")
    try:
        with database.unit_of_work(read_only=True) as uow, pytest.raises(OperationalError):
            uow.settings.set("k", "v")
            uow.commit()
        with database.unit_of_work() as uow:  # the next writer is not read-only
            uow.settings.set("k", "v")
            uow.commit()
    finally:
        database.close()


def test_ticket_numbers_are_taken_inside_the_callers_transaction(tmp_path: Path) -> None:
    database = open_database(tmp_path / "till.sqlite3")
    try:
        with database.unit_of_work() as uow:
            assert list(uow.ticket_numbers.take("G1", 3)) == [1, 2, 3]
            uow.commit()
        with database.unit_of_work() as uow:
            assert list(uow.ticket_numbers.take("G1", 2)) == [4, 5]
            # no commit: a sale that rolls back never took its numbers
        with database.unit_of_work() as uow:
            assert list(uow.ticket_numbers.take("G1", 1)) == [4]
            assert list(uow.ticket_numbers.take("G2", 2)) == [1, 2]  # one sequence per till
            assert list(uow.ticket_numbers.take("G1", 0)) == []
            uow.commit()
        with database.unit_of_work(read_only=True) as uow:
            assert (uow.ticket_numbers.last("G1"), uow.ticket_numbers.last("G2")) == (4, 2)
    finally:
        database.close()


def test_the_old_ticket_counter_moves_into_the_sequence(tmp_path: Path) -> None:
    path = tmp_path / "till.sqlite3"
    engine = create_sqlite_engine(path)
    upgrade(engine, "0004_payments")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO settings (key, value) VALUES ('printing.last_ticket_number.G1', '41')"
            )
        )
    engine.dispose()
    database = open_database(path)
    try:
        with database.unit_of_work() as uow:
            assert list(uow.ticket_numbers.take("G1", 1)) == [42]
            assert uow.settings.get("printing.last_ticket_number.G1") is None
    finally:
        database.close()


def test_a_schema_migration_makes_an_enrolled_till_take_a_catalog_snapshot(
    tmp_path: Path,
) -> None:
    path = tmp_path / "till.sqlite3"
    engine = create_sqlite_engine(path)
    upgrade(engine, "0012_server_time")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO sync_link (id, server_url, device_id, name, token, ca_pem, channel,"
                " enrolled_at, acked_through_seq, journal_verified_through, catalog_cursor,"
                " last_error, revoked) VALUES (1, 'https://s', 'd', 'G1', 't', 'pem', 'GUICHET',"
                " '2026-03-10T09:00:00.000000+00:00', 0, 0, 42, '', 0)"
            )
        )
        conn.execute(text("INSERT INTO sync_entity_versions VALUES ('performance', 'P-1', 7, 1)"))

    def feed_state() -> tuple[object, object]:
        with engine.connect() as conn:
            cursor = conn.execute(text("SELECT catalog_cursor FROM sync_link")).scalar()
            version = conn.execute(text("SELECT version FROM sync_entity_versions")).scalar()
        return cursor, version

    upgrade(engine, "0012_server_time")  # same schema still: the feed goes on from its cursor
    assert feed_state() == (42, 7)
    upgrade(engine)  # a newer schema: a snapshot next, every entity written again
    assert feed_state() == (None, 0)
    with engine.begin() as conn:
        conn.execute(text("UPDATE sync_link SET catalog_cursor = 50"))
    upgrade(engine)  # nothing to migrate: nothing forgotten
    assert feed_state() == (50, 0)
    engine.dispose()
