"""The server's database: engines for PostgreSQL (psycopg 3) and embedded SQLite, the
migrations, and the helpers that keep writes correct on both.

On SQLite every writing transaction starts with ``BEGIN IMMEDIATE`` (writers are serialised, so the
conditional updates and the change log's order hold there as they do under PostgreSQL's row
locks and feed lock); WAL with ``synchronous=FULL`` so a commit survives a power cut.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, Table, create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError, OperationalError

MIGRATIONS = Path(__file__).parent / "migrations"
LOCK_TIMEOUT_MS = 3000
READ_ONLY = "guichet_read_only"  # execution option: a transaction that only reads


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def normalise_url(url: str) -> str:
    """``postgresql://`` means psycopg 3 here (SQLAlchemy's default driver is psycopg2)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


# A request waits this long for a connection of the pool, then gets 503 (server.overload):
# sooner than the till gives up on it (SQLAlchemy's default is 30 s).
POOL_TIMEOUT_SECONDS = 3.0


def make_engine(url: str, *, pool_size: int = 10) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None  # we say BEGIN ourselves
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(connection: Any) -> None:
            # A read (see `read`) takes no write lock: WAL gives it its own snapshot.
            reading = connection.get_execution_options().get(READ_ONLY, False)
            connection.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")

        return engine
    return create_engine(
        url,
        pool_size=pool_size,
        max_overflow=2 * pool_size,
        pool_pre_ping=True,
        pool_timeout=POOL_TIMEOUT_SECONDS,
        # A request waits this long for a row lock, then gets 409 (pretix: 3 s).
        connect_args={"options": f"-c lock_timeout={LOCK_TIMEOUT_MS}"},
    )


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def migrate(engine: Engine) -> None:
    """Bring the database to the latest revision."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


@functools.cache
def _insert_if_new(dialect_name: str, table: Table) -> Any:
    """``INSERT ... ON CONFLICT DO NOTHING RETURNING <key>`` for this table, built once (the
    values are bound at execution)."""
    dialect: Any = postgresql if dialect_name == "postgresql" else sqlite
    key = next(iter(table.primary_key.columns))
    return dialect.insert(table).on_conflict_do_nothing().returning(key)


def insert_all_if_new(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> list[Any]:
    """`insert_if_new` for many rows at once: the keys of the rows that went in. One
    statement executed for all the rows ("insertmanyvalues"), so its compiled form is cached
    instead of a statement of N VALUES compiled anew for every batch."""
    if not rows:
        return []
    statement = _insert_if_new(conn.dialect.name, table)
    return list(conn.execute(statement, rows).scalars())


def insert_if_new(conn: Connection, table: Table, values: dict[str, Any]) -> bool:
    """``INSERT ... ON CONFLICT DO NOTHING``: True when the row went in, False when a unique
    key held it out. (RETURNING tells which: psycopg reports no rowcount for it.)"""
    statement = _insert_if_new(conn.dialect.name, table)
    return conn.execute(statement, values).first() is not None


class Busy(Exception):
    """The database could not take the locks in time (a lock timeout, a deadlock, SQLite
    busy) or a concurrent request took the same key first: the request changed nothing and
    may be retried."""


@contextmanager
def write(engine: Engine) -> Iterator[Connection]:
    """One write transaction; `Busy` when it could not get its locks."""
    try:
        with engine.begin() as conn:
            yield conn
    except OperationalError as exc:
        code = getattr(exc.orig, "sqlstate", None)
        if code in ("55P03", "40P01", "40001") or "database is locked" in str(exc):
            raise Busy(str(exc)) from exc
        raise
    except IntegrityError as exc:
        # A key chosen after reading (an Idempotency-Key, a sale UUID) that a concurrent
        # request inserted first: in effect a serialisation failure. Retried, the request
        # finds the other one's row and answers as a replay.
        code = getattr(exc.orig, "sqlstate", None)
        if code == "23505" or "UNIQUE constraint failed" in str(exc):
            raise Busy(str(exc)) from exc
        raise
    except psycopg.Error as exc:  # from psycopg itself: `feed.Changes.commit`'s pipeline
        if exc.sqlstate in ("55P03", "40P01", "40001", "23505"):
            raise Busy(str(exc)) from exc
        raise


@contextmanager
def read(engine: Engine) -> Iterator[Connection]:
    """One transaction that sees a single snapshot of the database (repeatable read on
    PostgreSQL; SQLite's transactions are serialisable)."""
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        else:
            conn = conn.execution_options(**{READ_ONLY: True})
        with conn.begin():
            yield conn
