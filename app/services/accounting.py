"""The accounting export of a day and the per-performance settlement: both read the ledger
(`domain.ledger`) over the journal's records, never another table, so they cannot disagree
with the X and Z reports or the closures. Each file written is journaled ("export" entry).

Amounts in the CSV files are decimal text in major units ("12.50"), never floats; VAT rates are
percentages ("5.50"). Files appear whole or not at all (written beside, then renamed).
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from app.services import journal
from app.services.ports import Clock, UnitOfWorkFactory
from domain.ledger import Ledger, Selection, Totals
from domain.money import Money
from domain.periods import Period

CURRENCY = "EUR"
EXPORT_COLUMNS = ("day", "till", "section", "tender", "vat_rate", "net", "vat", "gross", "currency")
SETTLEMENT_COLUMNS = (
    "performance",
    "label",
    "tariff",
    "tickets",
    "net",
    "vat",
    "gross",
    "currency",
)


@dataclass(frozen=True, slots=True)
class SettlementRow:
    performance: str
    label: str
    tariff: str
    tickets: int
    gross: Money
    vat: Money

    @property
    def net(self) -> Money:
        return self.gross - self.vat


def day_totals(
    uow_factory: UnitOfWorkFactory, till: str, timezone: ZoneInfo, day: Period
) -> Totals:
    """The ledger's totals of the records written on ``day`` (in the venue's time zone)."""
    start, end = day.bounds(timezone)
    ledger = Ledger(Selection(till=till, start=start, end=end), CURRENCY)
    with uow_factory(read_only=True) as uow:
        bounds = uow.journal.seq_bounds(till, start, end)
        if bounds is not None:
            for entry in uow.journal.entries(till, bounds[0]):
                if entry.seq > bounds[1]:
                    break
                ledger.add(entry.record)
    return ledger.totals()


def _amount(money: Money) -> str:
    return str(money.to_decimal())


def _rate(rate_bp: int) -> str:
    return f"{rate_bp // 100}.{rate_bp % 100:02d}"


def export_rows(totals: Totals, day: Period, till: str) -> list[list[str]]:
    """The rows of a day's accounting CSV: one per VAT rate (net, VAT, gross), one per tender
    (what it took less what went back), then the day's total."""
    rows = [
        [str(day), till, "vat", "", _rate(v.rate_bp), _amount(v.net), _amount(v.vat),
         _amount(v.gross), totals.currency]
        for v in totals.vat
    ]  # fmt: skip
    rows += [
        [str(day), till, "tender", t.key, "", "", "", _amount(t.net), totals.currency]
        for t in totals.tenders
    ]
    vat = sum((v.vat for v in totals.vat), Money.zero(totals.currency))
    net = totals.net_total - vat
    rows.append(
        [str(day), till, "total", "", "", _amount(net), _amount(vat),
         _amount(totals.net_total), totals.currency]
    )  # fmt: skip
    return rows


def export_day(
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    till: str,
    timezone: ZoneInfo,
    day: Period,
    path: Path,
) -> int:
    """Write the accounting CSV of ``day`` to ``path`` and journal it; the number of rows."""
    rows = export_rows(day_totals(uow_factory, till, timezone, day), day, till)
    _write_csv(path, EXPORT_COLUMNS, rows)
    journal.record_export(uow_factory, clock, till, "accounting", path, day=str(day))
    return len(rows)


def settlement(
    uow_factory: UnitOfWorkFactory, till: str, performance: str | None = None
) -> list[SettlementRow]:
    """Per performance (or only ``performance``) and tariff: the tickets sold less those
    reversed, the gross and the VAT in it, over the till's whole journal."""
    ledger = Ledger(Selection(till=till), CURRENCY)
    with uow_factory(read_only=True) as uow:
        for entry in uow.journal.entries(till):
            ledger.add(entry.record)
    totals = ledger.totals()
    labels = {p.performance: p.label for p in totals.performances}
    return [
        SettlementRow(t.performance, labels.get(t.performance, ""), t.tariff, t.tickets,
                      t.gross, t.vat)
        for t in totals.tariffs
        if performance is None or t.performance == performance
    ]  # fmt: skip


def write_settlement(
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    till: str,
    rows: list[SettlementRow],
    path: Path,
) -> None:
    """Write the settlement's rows to ``path`` as CSV and journal it."""
    _write_csv(
        path,
        SETTLEMENT_COLUMNS,
        (
            [
                r.performance,
                r.label,
                r.tariff,
                str(r.tickets),
                _amount(r.net),
                _amount(r.vat),
                _amount(r.gross),
                r.gross.currency,
            ]
            for r in rows
        ),
    )
    journal.record_export(uow_factory, clock, till, "settlement", path, rows=len(rows))


def _write_csv(
    path: Path, header: tuple[str, ...], rows: Iterator[list[str]] | list[list[str]]
) -> None:
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(header)
            writer.writerows(rows)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
