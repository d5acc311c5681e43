"""Opening the till's SQLite database: engine, connection pragmas, migrations at start.

Every connection gets WAL journaling, enforced foreign keys, ``synchronous=FULL`` (a committed
sale survives a power cut) and a busy timeout. SQLAlchemy, not the sqlite3 module, emits BEGIN,
so DDL and reads are transactional too (the sqlite3 module's legacy mode skips BEGIN for them).
A write unit of work begins IMMEDIATE: it takes the write lock up front instead of failing at
its first write when another connection got there first. A read-only unit of work begins
DEFERRED with ``query_only`` on: it never takes the write lock (WAL readers do not block the
writer), so a long read cannot make a payment's save-before-acknowledge wait, and a read that
tries to write fails at once instead of silently taking the lock.

This module must not hold queries of the box office: those live in the repositories.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import ConnectionPoolEntry

from app.persistence.errors import (
    DatabaseEmptied,
    DatabaseIoError,
    DatabaseReadOnly,
    unavailable_kind,
)
from app.persistence.unit_of_work import UnitOfWork
from app.services import ports
from domain.errors import GuichetError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
DEFAULT_BUSY_TIMEOUT_MS = 5_000
_BEGIN_OPTION = "guichet_begin"
_READ_ONLY_OPTION = "guichet_read_only"


class MigrationError(GuichetError, RuntimeError):
    """The schema could not be brought to the revision this code expects."""


def alembic_config() -> Config:
    """An Alembic configuration for the migrations shipped inside the package; no .ini."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise MigrationError("no migration found")
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def create_sqlite_engine(path: Path, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> Engine:
    """An engine on the SQLite file ``path`` with the till's pragmas on every connection."""
    engine = create_engine(
        URL.create("sqlite+pysqlite", database=str(path)),
        connect_args={"timeout": busy_timeout_ms / 1000},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        # Hand transaction control to SQLAlchemy (see the module docstring).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        options = connection.get_execution_options()
        mode = options.get(_BEGIN_OPTION, "DEFERRED")
        read_only = 1 if options.get(_READ_ONLY_OPTION, False) else 0
        connection.exec_driver_sql(f"PRAGMA query_only={read_only}")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply the migrations up to ``revision`` in one transaction.

    Foreign keys are off while tables are rebuilt (batch mode drops and recreates tables, which
    would otherwise cascade or fail), then checked for the whole database before commit.

    A database that moved to another schema forgets how far its catalog feed got, and the
    versions of what it holds (notes/sync.md §6): an enrolled till's next pull is a snapshot
    that writes every entity again in the new schema (and still deletes what is gone).
    """
    config = alembic_config()
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        # Not inside a transaction yet: SQLite ignores this pragma within one.
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                before = MigrationContext.configure(connection).get_current_revision()
                command.upgrade(config, revision)
                after = MigrationContext.configure(connection).get_current_revision()
                if before is not None and after != before and _has_sync_feed(connection):
                    connection.exec_driver_sql("UPDATE sync_link SET catalog_cursor = NULL")
                    connection.exec_driver_sql("UPDATE sync_entity_versions SET version = 0")
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise MigrationError(f"foreign keys broken by the migration: {broken[:5]}")
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def _has_sync_feed(connection: Connection) -> bool:
    names = set(inspect(connection).get_table_names())
    return {"sync_link", "sync_entity_versions"} <= names


class Database:
    """The till's database: hands out units of work; owns the engine."""

    def __init__(self, engine: Engine, path: Path) -> None:
        self.engine = engine
        self.path = path
        self._writer = engine.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"})
        self._reader = engine.execution_options(
            **{_BEGIN_OPTION: "DEFERRED", _READ_ONLY_OPTION: True}
        )

    def unit_of_work(self, *, read_only: bool = False) -> UnitOfWork:
        """One transaction: ``with db.unit_of_work() as uow: ...; uow.commit()``.

        ``read_only`` begins a deferred transaction that takes no write lock and may not
        write; every use case that only reads asks for one.
        """
        return UnitOfWork(self._reader if read_only else self._writer, str(self.path), read_only)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def open_database(
    path: Path, *, migrate: bool = True, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS
) -> Database:
    """Open (creating it if needed) the database at ``path`` and bring its schema to head.

    With ``migrate=False`` the schema must already be at head, else `MigrationError`. A file
    that cannot be used (damaged, read-only, disk full, emptied) raises a `DatabaseUnavailable`.
    """
    _refuse_emptied(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseReadOnly(str(path), exc.strerror or str(exc)) from exc
    engine = create_sqlite_engine(path, busy_timeout_ms)
    try:
        if migrate:
            upgrade(engine)
        current, head = current_revision(engine), head_revision()
        if current != head:
            raise MigrationError(f"database at revision {current!r}, this till expects {head!r}")
    except (DBAPIError, sqlite3.Error) as exc:
        engine.dispose()
        kind = unavailable_kind(exc)
        if kind is None:
            raise
        raise kind(str(path), str(getattr(exc, "orig", None) or exc)) from exc
    except BaseException:
        engine.dispose()
        raise
    return Database(engine, path)


def _refuse_emptied(path: Path) -> None:
    """A database file is never 0 bytes once created (setting WAL mode writes its header):
    an empty one lost its history. Starting over it would silently make a new till."""
    try:
        if not path.exists() or path.stat().st_size > 0:
            return
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return  # the pages are still in the write-ahead log: SQLite recovers them
    except OSError as exc:
        raise DatabaseIoError(str(path), exc.strerror or str(exc)) from exc
    raise DatabaseEmptied(str(path))


def as_factory(database: Database) -> ports.UnitOfWorkFactory:
    """The database's `unit_of_work` is the use cases' factory port: mypy checks it here."""
    return database.unit_of_work
