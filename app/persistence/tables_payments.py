"""Tables of the payment terminal's results (filled in by the card-terminal work).
Registered on `tables.Base`."""

from __future__ import annotations

from app.persistence.tables import Base  # noqa: F401
