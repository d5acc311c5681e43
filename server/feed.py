"""The catalog and inventory feed: the change log in commit order, catalog entities with
versions and tombstones, the snapshot, and retention.

Commit order: a writing transaction collects its changes in a `Changes` buffer and calls
`Changes.flush` as its **last** statement before committing. On PostgreSQL that takes the feed
advisory lock (``pg_advisory_xact_lock``, held to commit) before inserting, so a change-log
``seq`` is never visible before a smaller one: a till reading ``seq > cursor`` never skips a
late commit. SQLite serialises writers already (``BEGIN IMMEDIATE``).

The lock serialises every writer of the feed, online sales included, for as long as it is
held. `Changes.commit` holds it for the least time: the lock, the inserts and the COMMIT go to
PostgreSQL in one pipeline (one network round trip), so the lock is held for the insert and
the commit's WAL flush only, never while this process's threads wait for the interpreter.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

from pydantic import JsonValue
from sqlalchemy import Connection, delete, func, insert, select, text, update

from server import tables as t
from server.errors import ApiError, not_found
from sync import catalog as codec
from sync.protocol import (
    CatalogEntity,
    Change,
    ChangeOp,
    ErrorCode,
    GaQuotaWire,
    PerformanceInventory,
    SeatInventoryState,
    SeatStateWire,
)

FEED_LOCK: Final = 0x4755494348455431  # "GUICHET1": the feed's advisory lock key
CATALOG_SCOPE: Final = "catalog"
SEATS: Final = "seats"
GA_QUOTA: Final = "ga_quota"
LEASE: Final = "lease"
FLOOR_KEY: Final = "change_log_floor"


def performance_scope(performance_id: str) -> str:
    return f"performance:{performance_id}"


def device_scope(device_id: str) -> str:
    return f"device:{device_id}"


@dataclass
class Changes:
    """What one transaction changed, written to the change log at its end."""

    entries: list[dict[str, Any]] = field(default_factory=list)
    seats: dict[str, dict[str, JsonValue]] = field(default_factory=dict)  # perf -> seat -> state

    def entity(
        self, scope: str, entity: str, entity_id: str, version: int, data: JsonValue | None
    ) -> None:
        self.entries.append(
            {
                "scope": scope,
                "entity": entity,
                "entity_id": entity_id,
                "version": version,
                "op": (ChangeOp.DELETE if data is None else ChangeOp.UPSERT).value,
                "data": None if data is None else json.dumps(data, ensure_ascii=False),
            }
        )

    def seat(self, performance_id: str, seat_id: str, state: str, lease_id: str | None) -> None:
        self.seats.setdefault(performance_id, {})[seat_id] = {
            "state": state,
            "lease_id": lease_id,
        }

    def _rows(self, now: datetime) -> list[dict[str, Any]]:
        rows = [{**row, "committed_at": now} for row in self.entries]
        for performance_id, seats in self.seats.items():
            rows.append(
                {
                    "scope": performance_scope(performance_id),
                    "entity": SEATS,
                    "entity_id": performance_id,
                    "version": 0,  # seat entries are deltas: applied in seq order
                    "op": ChangeOp.UPSERT.value,
                    "data": json.dumps(seats),
                    "committed_at": now,
                }
            )
        self.entries.clear()
        self.seats.clear()
        return rows

    def flush(self, conn: Connection, now: datetime) -> None:
        """Write the change-log entries: the transaction's last statements (it commits
        next, holding the feed lock until then on PostgreSQL)."""
        rows = self._rows(now)
        if not rows:
            return
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": FEED_LOCK})
        conn.execute(insert(t.change_log), rows)

    def commit(self, conn: Connection, now: datetime) -> None:
        """`flush` and commit the transaction. On PostgreSQL the feed lock, the inserts and
        the COMMIT are sent at once (psycopg's pipeline): the lock is held for as long as
        PostgreSQL takes to insert and flush the commit, not for two round trips to this
        process. The caller's ``engine.begin()`` block then has nothing left to commit."""
        if conn.dialect.name != "postgresql":
            self.flush(conn, now)
            return
        rows = self._rows(now)
        driver: Any = conn.connection.driver_connection  # psycopg.Connection
        with driver.pipeline():
            if rows:
                with driver.cursor() as cursor:
                    cursor.execute(_LOCK_SQL, {"key": FEED_LOCK})
                    cursor.executemany(_INSERT_SQL, rows)
            driver.commit()


_LOCK_SQL: Final = "SELECT pg_advisory_xact_lock(%(key)s)"
_COLUMNS: Final = ("scope", "entity", "entity_id", "version", "op", "data", "committed_at")
_INSERT_SQL: Final = (
    f"INSERT INTO {t.change_log.name} ({', '.join(_COLUMNS)}) "
    f"VALUES ({', '.join(f'%({c})s' for c in _COLUMNS)})"
)


def ga_change(changes: Changes, conn: Connection, performance_id: str, zone_id: str) -> None:
    row = conn.execute(
        select(t.ga_quota).where(
            t.ga_quota.c.performance_id == performance_id, t.ga_quota.c.zone_id == zone_id
        )
    ).one()
    changes.entity(
        performance_scope(performance_id),
        GA_QUOTA,
        f"{performance_id}/{zone_id}",
        row.version,
        GaQuotaWire(
            zone_id=zone_id, size=row.size, sold=row.sold, leased=row.leased, held=row.held
        ).model_dump(mode="json"),
    )


# --- catalog entities --------------------------------------------------------------------


def put_entity(
    conn: Connection,
    changes: Changes,
    entity: str,
    entity_id: str,
    data: dict[str, JsonValue] | None,
    now: datetime,
) -> int:
    """Create, change or (``data`` None) delete a catalog entity; its new version."""
    current = conn.scalar(
        select(t.catalog_entity.c.version).where(
            t.catalog_entity.c.entity == entity, t.catalog_entity.c.entity_id == entity_id
        )
    )
    stored = None if data is None else json.dumps(data, ensure_ascii=False)
    if current is None:
        if data is None:
            raise not_found(entity, entity_id)
        version = 1
        conn.execute(
            insert(t.catalog_entity).values(
                entity=entity, entity_id=entity_id, version=1, data=stored, updated_at=now
            )
        )
    else:
        version = current + 1
        conn.execute(
            update(t.catalog_entity)
            .where(t.catalog_entity.c.entity == entity, t.catalog_entity.c.entity_id == entity_id)
            .values(version=version, data=stored, updated_at=now)
        )
    changes.entity(CATALOG_SCOPE, entity, entity_id, version, data)
    return version


def entity_version(conn: Connection, entity: str, entity_id: str) -> int:
    version = conn.scalar(
        select(t.catalog_entity.c.version).where(
            t.catalog_entity.c.entity == entity,
            t.catalog_entity.c.entity_id == entity_id,
            t.catalog_entity.c.data.is_not(None),
        )
    )
    if version is None:
        raise not_found(entity, entity_id)
    return int(version)


def entity_data(conn: Connection, entity: str, entity_id: str) -> tuple[int, dict[str, Any]]:
    row = conn.execute(
        select(t.catalog_entity.c.version, t.catalog_entity.c.data).where(
            t.catalog_entity.c.entity == entity, t.catalog_entity.c.entity_id == entity_id
        )
    ).one_or_none()
    if row is None or row.data is None:
        raise not_found(entity, entity_id)
    data: dict[str, Any] = json.loads(row.data)
    return row.version, data


class DecodedCache:
    """Domain values decoded from catalog entities, per (entity, id, version): decoding a
    layout costs milliseconds, a sale must not pay that every time."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: dict[tuple[str, str, int], object] = {}

    def get(self, key: tuple[str, str, int]) -> object | None:
        with self._lock:
            return self._values.get(key)

    def put(self, key: tuple[str, str, int], value: object) -> None:
        with self._lock:
            if len(self._values) > 1000:
                self._values.clear()
            self._values[key] = value


# --- seats and quotas of a new performance --------------------------------------------------


def create_inventory(
    conn: Connection,
    changes: Changes,
    performance_id: str,
    seat_ids: Iterable[str],
    unavailable: Iterable[str],
    sold: Iterable[str],
    ga_sizes: dict[str, int],
    sold_by: str,
) -> None:
    """The seats of a new performance, free in the central pool but for ``unavailable``
    (blocked or invalidated in its layout, booked by other channels) and ``sold``."""
    blocked, sold_set = set(unavailable), set(sold)
    rows = []
    for seat_id in seat_ids:
        state = "sold" if seat_id in sold_set else "blocked" if seat_id in blocked else "free"
        rows.append(
            {
                "performance_id": performance_id,
                "seat_id": seat_id,
                "state": state,
                "sale_id": sold_by if state == "sold" else None,
                "version": 1,
            }
        )
        if state != "free":
            changes.seat(performance_id, seat_id, state, None)
    if rows:
        conn.execute(insert(t.seat_inventory), rows)
    for zone_id, size in ga_sizes.items():
        conn.execute(
            insert(t.ga_quota).values(
                performance_id=performance_id,
                zone_id=zone_id,
                size=size,
                sold=0,
                leased=0,
                held=0,
                version=1,
            )
        )
        ga_change(changes, conn, performance_id, zone_id)


# --- reading the feed --------------------------------------------------------------------


def floor(conn: Connection) -> int:
    value = conn.scalar(select(t.server_state.c.value).where(t.server_state.c.key == FLOOR_KEY))
    return 0 if value is None else int(value)


def head(conn: Connection) -> int:
    return int(conn.scalar(select(func.max(t.change_log.c.seq))) or floor(conn))


def _visible(device_id: str) -> Any:
    scope = t.change_log.c.scope
    return ~scope.like("device:%") | (scope == device_scope(device_id))


def read_changes(
    conn: Connection, cursor: int, limit: int, device_id: str
) -> tuple[list[Change], int, bool]:
    """The changes after ``cursor`` this device may see, the next cursor, and whether more
    wait. `ApiError` 410 when entries after the cursor were dropped by retention."""
    if cursor < floor(conn):
        raise ApiError(
            410,
            ErrorCode.CURSOR_EXPIRED,
            "this cursor is older than the change log keeps: take a snapshot",
            {"cursor": cursor, "oldest_cursor": floor(conn)},
        )
    rows = conn.execute(
        select(t.change_log)
        .where(t.change_log.c.seq > cursor, _visible(device_id))
        .order_by(t.change_log.c.seq)
        .limit(limit + 1)
    ).all()
    more = len(rows) > limit
    rows = rows[:limit]
    changes = [
        Change(
            seq=row.seq,
            scope=row.scope,
            entity=row.entity,
            entity_id=row.entity_id,
            version=row.version,
            op=ChangeOp(row.op),
            data=None if row.data is None else json.loads(row.data),
        )
        for row in rows
    ]
    return changes, (rows[-1].seq if rows else cursor), more


def prune(conn: Connection, before: datetime) -> int:
    """Drop change-log entries committed before ``before``; cursors older than the last one
    dropped get 410 from then on. The number dropped."""
    last = conn.scalar(
        select(func.max(t.change_log.c.seq)).where(t.change_log.c.committed_at < before)
    )
    if last is None:
        return 0
    result = conn.execute(delete(t.change_log).where(t.change_log.c.seq <= last))
    if conn.scalar(select(t.server_state.c.key).where(t.server_state.c.key == FLOOR_KEY)):
        conn.execute(
            update(t.server_state).where(t.server_state.c.key == FLOOR_KEY).values(value=str(last))
        )
    else:
        conn.execute(insert(t.server_state).values(key=FLOOR_KEY, value=str(last)))
    return int(result.rowcount)


def snapshot(conn: Connection) -> tuple[int, list[CatalogEntity], list[PerformanceInventory]]:
    """The whole catalog and inventory and the cursor they are at. Run it in one
    repeatable-read transaction so the three agree."""
    cursor = head(conn)
    order = {name: index for index, name in enumerate(codec.ENTITY_ORDER)}
    rows = conn.execute(select(t.catalog_entity).where(t.catalog_entity.c.data.is_not(None))).all()
    entities = sorted(
        (
            CatalogEntity(
                entity=row.entity,
                id=row.entity_id,
                version=row.version,
                data=json.loads(row.data),
            )
            for row in rows
        ),
        key=lambda e: (order.get(e.entity, len(order)), e.id),
    )
    seats: dict[str, list[SeatStateWire]] = {}
    for row in conn.execute(
        select(
            t.seat_inventory.c.performance_id,
            t.seat_inventory.c.seat_id,
            t.seat_inventory.c.state,
            t.seat_inventory.c.lease_id,
        )
        .where((t.seat_inventory.c.state != "free") | t.seat_inventory.c.lease_id.is_not(None))
        .order_by(t.seat_inventory.c.performance_id, t.seat_inventory.c.seat_id)
    ):
        seats.setdefault(row.performance_id, []).append(
            SeatStateWire(
                seat_id=row.seat_id, state=SeatInventoryState(row.state), lease_id=row.lease_id
            )
        )
    quotas: dict[str, list[GaQuotaWire]] = {}
    for row in conn.execute(select(t.ga_quota).order_by(t.ga_quota.c.zone_id)):
        quotas.setdefault(row.performance_id, []).append(
            GaQuotaWire(
                zone_id=row.zone_id,
                size=row.size,
                sold=row.sold,
                leased=row.leased,
                held=row.held,
            )
        )
    inventory = [
        PerformanceInventory(
            performance_id=e.id, seats=seats.get(e.id, []), ga=quotas.get(e.id, [])
        )
        for e in entities
        if e.entity == codec.PERFORMANCE
    ]
    return cursor, entities, inventory
