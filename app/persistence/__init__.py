"""The till's SQLite database: schema, migrations, unit of work and repositories.

Only this package (and the server) imports SQLAlchemy and Alembic. What leaves it are frozen
domain dataclasses and the small summary dataclasses of the repositories, never ORM rows.
"""

from app.persistence import (  # noqa: F401  (register tables)
    tables_advantages,
    tables_after_sale,
    tables_contacts,
    tables_options,
    tables_payments,
    tables_pickups,
    tables_printing,
    tables_sales,
    tables_sync,
    tables_tills,
)
from app.persistence.database import Database, MigrationError, open_database, upgrade
from app.persistence.errors import DatabaseUnavailable, NotFound, PersistenceError
from app.persistence.unit_of_work import UnitOfWork
from app.services.records import LayoutSummary, LogicalLayoutSummary, PerformanceSummary

__all__ = [
    "Database",
    "DatabaseUnavailable",
    "LayoutSummary",
    "LogicalLayoutSummary",
    "MigrationError",
    "NotFound",
    "PerformanceSummary",
    "PersistenceError",
    "UnitOfWork",
    "open_database",
    "upgrade",
]
