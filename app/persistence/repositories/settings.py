"""Key/value settings of the till that live in its database (not in station.toml).

Values are text; parsing them into numbers or flags is the caller's business.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.persistence.tables import SettingRow, table_of

_settings = table_of(SettingRow)


class SettingsRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, key: str, default: str | None = None) -> str | None:
        value = self._session.scalar(select(_settings.c.value).where(_settings.c.key == key))
        return default if value is None else str(value)

    def set(self, key: str, value: str) -> None:
        statement = sqlite_insert(_settings).values(key=key, value=value)
        self._session.execute(
            statement.on_conflict_do_update(
                index_elements=[_settings.c.key], set_={"value": statement.excluded.value}
            )
        )

    def delete(self, key: str) -> None:
        self._session.execute(delete(_settings).where(_settings.c.key == key))

    def all(self) -> dict[str, str]:
        rows = self._session.execute(select(_settings.c.key, _settings.c.value))
        return {key: value for key, value in rows}
