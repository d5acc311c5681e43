"""Documents to JSON and back, so a print job keeps what it printed and can print it again.

Money is stored as minor units and currency, moments as ISO 8601 with their offset. A stored
document that no longer parses raises RenderError rather than printing something else.
"""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from datetime import datetime
from typing import Any

from domain.money import Money
from printing.data import (
    PaymentLine,
    ReceiptData,
    ReceiptLine,
    ReportPage,
    TicketData,
)
from printing.errors import RenderError

_KINDS: dict[str, type[Any]] = {
    "ticket": TicketData,
    "receipt": ReceiptData,
    "report": ReportPage,
}


def _plain(value: Any) -> Any:
    if isinstance(value, Money):
        return {"minor": value.minor, "currency": value.currency}
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    return value


def dumps(document: TicketData | ReceiptData | ReportPage) -> str:
    kind = next(k for k, cls in _KINDS.items() if isinstance(document, cls))
    return json.dumps({"kind": kind, "data": _plain(document)}, ensure_ascii=False)


def _money(value: Any) -> Money | None:
    return None if value is None else Money(int(value["minor"]), str(value["currency"]))


def loads(text: str) -> TicketData | ReceiptData | ReportPage:
    try:
        raw = json.loads(text)
        kind, body = raw["kind"], dict(raw["data"])
        if kind == "ticket":
            body["price"] = _money(body["price"])
            body["fees"] = _money(body.get("fees"))
            body["starts_at"] = datetime.fromisoformat(body["starts_at"])
            return TicketData(**body)
        if kind == "receipt":
            body["issued_at"] = datetime.fromisoformat(body["issued_at"])
            body["lines"] = tuple(
                ReceiptLine(
                    line["description"],
                    line["quantity"],
                    _money(line["unit_price"]),  # type: ignore[arg-type]
                    line["vat_rate"],
                )
                for line in body["lines"]
            )
            body["payments"] = tuple(
                PaymentLine(p["method"], _money(p["amount"]))  # type: ignore[arg-type]
                for p in body["payments"]
            )
            body["address"] = tuple(body.get("address", ()))
            body["change_given"] = _money(body.get("change_given"))
            return ReceiptData(**body)
        if kind == "report":
            body["generated_at"] = datetime.fromisoformat(body["generated_at"])
            body["columns"] = tuple(body["columns"])
            body["rows"] = tuple(tuple(r) for r in body["rows"])
            body["totals"] = tuple(body.get("totals", ()))
            body["numeric_columns"] = frozenset(body.get("numeric_columns", ()))
            return ReportPage(**body)
    except (KeyError, TypeError, ValueError) as error:
        raise RenderError(f"the stored document cannot be read: {error}") from None
    raise RenderError(f"the stored document is of an unknown kind: {kind!r}")
