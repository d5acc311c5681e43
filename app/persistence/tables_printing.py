"""Tables of the print jobs (filled in by the printing work). Registered on `tables.Base`."""

from __future__ import annotations

from app.persistence.tables import Base  # noqa: F401
