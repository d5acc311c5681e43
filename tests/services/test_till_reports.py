"""The X/Z report page: every section the issue names, from the ledger's totals, and on an
80 mm roll nothing cut (a long label or a reason wraps; the figures stay on its last line)."""

from __future__ import annotations

from datetime import UTC, datetime

from app.services.till_reports import report_page, report_text
from app.services.tills import SessionReport
from domain import ledger
from domain.orders import TenderMethod
from domain.till import CashCount, SessionState, TillSession
from printing import flow
from printing.layouts import builtin
from tests.till_records import AT, line, opening, sale

SESSION = TillSession(
    "S1", "G1", AT, "sup", CashCount.of("EUR", {5000: 3}), SessionState.CLOSED, AT
)
REASON = "a two euro coin was given twice as change to the same customer"


def _report() -> SessionReport:
    sold = sale("a", [line(1, "25.00"), line(2, "30.00", "P2")], first_ticket=7)
    card = sale("b", [line(3, "40.00")], [(TenderMethod.CARD, "40.00")], first_ticket=9)
    records = [
        opening("S1", "150.00"),
        sold,
        card,
        ledger.correction_record(
            ledger.REFUND,
            card,
            correction_id="r",
            at=AT,
            session="S1",
            operator="Ann",
            reason="cancelled show",
        ),
        {"type": "reprint", "at": AT.isoformat(), "till": "G1", "ticket": 7},
        {"type": "drawer_opened", "reason": "no_sale", "at": AT.isoformat(), "till": "G1"},
    ]
    totals = ledger.totals(records, ledger.Selection(session="S1"))

    def eur(minor: int) -> dict[str, object]:
        return {"minor": minor, "currency": "EUR"}

    variance = {
        "tender": "cash", "reason": REASON,
        "expected": eur(20500), "declared": eur(20300), "difference": eur(-200),
    }  # fmt: skip
    close = {"count": {"number": 2, "terminal": None}, "variances": [variance]}
    return SessionReport(SESSION, totals, datetime(2026, 3, 10, 22, 0, tzinfo=UTC), close)


def test_the_page_has_every_section_from_the_ledger() -> None:
    text = report_text(report_page(_report(), "Guichet 1", "Europe/Paris", "en"))
    for words in ("Z report — till Guichet 1", "TENDERS", "VAT BY RATE", "BY PERFORMANCE",
                  "Refunds", "Reprints (duplicates)", "Drawer openings without a sale",
                  "First ticket no.", "Last ticket no.", "Net sales total", "CLOSE — COUNT NO. 2",
                  "Cash variance"):  # fmt: skip
        assert words in text, words
    rows = {r[0]: r[1:] for r in report_page(_report(), "G1", "Europe/Paris", "en").rows}
    assert rows["Refunds"] == ("1", "€40.00")
    assert rows["First ticket no."] == ("7", "") and rows["Last ticket no."] == ("9", "")
    assert rows["Reprints (duplicates)"] == ("1", "")
    assert rows["Drawer openings without a sale"] == ("1", "")
    assert rows["Cash expected"] == ("", "€205.00")  # 150 + 55 cash


def test_on_an_80_mm_roll_nothing_is_cut() -> None:
    page = report_page(_report(), "Guichet 1", "Europe/Paris", "fr", label_width=22)
    layout = builtin("report-80mm")
    lines = [i.text for i in flow.compose(layout, {"title": page.title, "subtitle": "",
             "date_short": ""}, page, 42, lambda s: s) if isinstance(i, flow.Line)]  # fmt: skip
    printed = " ".join(" ".join(lines).split())
    assert " ".join(f"motif: {REASON}".split()) in printed
    assert "Ouvertures du tiroir sans vente" in printed
    assert all(len(x) <= 42 for x in lines)
    assert any(x.rstrip().endswith("-2,00 €") for x in lines)
