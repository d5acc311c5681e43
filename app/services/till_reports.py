"""The X and Z reports as printed pages: from the ledger's totals only (`domain.ledger`), laid
out as one `printing.data.ReportPage` for the receipt printer (ESC/POS) and the PDF (A4).

Sections: per tender, per VAT rate, per performance, fees, cancellations and refunds, the
drawer (float, cash in and out, the cash expected), reprints and drawer openings without a
sale, first and last ticket numbers, the grand totals; a Z adds the close: each tender
expected, declared, the variance and its reason. The printed words are the layout's language
(French by default, English and German too), like the tickets and receipts.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping

from app.services.ports import UnitOfWorkFactory
from app.services.tills import SessionReport
from domain.ledger import Tally
from domain.money import Money
from printing import pdf, text
from printing.data import ReportPage, rate_text

_WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "x": "Rapport X", "z": "Rapport Z", "till": "caisse", "session": "Session",
        "opened": "ouverte le", "closed": "close le", "by": "par", "still_open": "en cours",
        "label": "Rubrique", "count": "Nombre", "amount": "Montant",
        "tenders": "MODES DE PAIEMENT", "cash": "Espèces", "card": "Carte bancaire",
        "voucher": "Chèque-cadeau", "cheque": "Chèque", "other": "Autre", "exchange": "Échange",
        "account": "Compte d'attente",
        "vat": "TVA PAR TAUX", "net": "HT", "tax": "TVA", "gross": "TTC",
        "performances": "PAR SPECTACLE", "fees": "Frais de commande",
        "corrections": "ANNULATIONS ET REMBOURSEMENTS", "cancellations": "Annulations",
        "refunds": "Remboursements", "drawer": "TIROIR", "float": "Fonds de caisse",
        "cash_in": "Entrées d'espèces", "cash_out": "Sorties d'espèces",
        "gift_cards": "Cartes cadeaux vendues (hors CA)", "top_ups": "Recharges (hors CA)",
        "expected_cash": "Espèces attendues", "events": "ÉVÉNEMENTS",
        "reprints": "Réimpressions (duplicata)",
        "pickups": "Commandes retirées (payées ailleurs)", "pickup_tickets": "Billets retirés",
        "pickups_paid": "Payé au retrait (commandes passées ailleurs)",
        "no_sale": "Ouvertures du tiroir sans vente",
        "tickets": "TICKETS", "first": "Premier ticket n°", "last": "Dernier ticket n°",
        "issued": "Tickets émis", "totals": "TOTAUX", "sales": "Ventes (brut)",
        "net_total": "Total net des ventes", "close": "CLÔTURE — COMPTAGE N°",
        "expected": "attendu", "declared": "déclaré", "variance": "écart",
        "reason": "motif", "terminal": "Terminal carte (fin de journée)",
    },
    "en": {
        "x": "X report", "z": "Z report", "till": "till", "session": "Session",
        "opened": "opened", "closed": "closed", "by": "by", "still_open": "still open",
        "label": "Item", "count": "Count", "amount": "Amount",
        "tenders": "TENDERS", "cash": "Cash", "card": "Card", "voucher": "Voucher",
        "cheque": "Cheque", "other": "Other", "exchange": "Exchange",
        "account": "Waiting account",
        "vat": "VAT BY RATE", "net": "net", "tax": "VAT", "gross": "gross",
        "performances": "BY PERFORMANCE", "fees": "Order fees",
        "corrections": "CANCELLATIONS AND REFUNDS", "cancellations": "Cancellations",
        "refunds": "Refunds", "drawer": "DRAWER", "float": "Float",
        "cash_in": "Cash in", "cash_out": "Cash out",
        "gift_cards": "Gift cards sold (not revenue)", "top_ups": "Top-ups (not revenue)",
        "expected_cash": "Cash expected", "events": "EVENTS",
        "reprints": "Reprints (duplicates)",
        "pickups": "Orders picked up (paid elsewhere)", "pickup_tickets": "Tickets picked up",
        "pickups_paid": "Paid at pick-up (orders placed elsewhere)",
        "no_sale": "Drawer openings without a sale",
        "tickets": "TICKETS", "first": "First ticket no.", "last": "Last ticket no.",
        "issued": "Tickets issued", "totals": "TOTALS", "sales": "Sales (gross)",
        "net_total": "Net sales total", "close": "CLOSE — COUNT NO.",
        "expected": "expected", "declared": "declared", "variance": "variance",
        "reason": "reason", "terminal": "Card terminal (end of day)",
    },
    "de": {
        "x": "X-Bericht", "z": "Z-Bericht", "till": "Kasse", "session": "Sitzung",
        "opened": "geöffnet am", "closed": "geschlossen am", "by": "von",
        "still_open": "offen", "label": "Posten", "count": "Anzahl", "amount": "Betrag",
        "tenders": "ZAHLUNGSARTEN", "cash": "Bar", "card": "Karte", "voucher": "Gutschein",
        "cheque": "Scheck", "other": "Andere", "exchange": "Umtausch",
        "account": "Wartekonto",
        "vat": "MWST NACH SATZ", "net": "netto", "tax": "MwSt", "gross": "brutto",
        "performances": "NACH VORSTELLUNG", "fees": "Bestellgebühren",
        "corrections": "STORNOS UND ERSTATTUNGEN", "cancellations": "Stornos",
        "refunds": "Erstattungen", "drawer": "KASSENLADE", "float": "Wechselgeld",
        "cash_in": "Bareinlagen", "cash_out": "Barentnahmen",
        "gift_cards": "Verkaufte Geschenkkarten (kein Umsatz)",
        "top_ups": "Aufladungen (kein Umsatz)",
        "expected_cash": "Bar erwartet", "events": "EREIGNISSE",
        "reprints": "Nachdrucke (Duplikate)",
        "pickups": "Abgeholte Bestellungen (anderswo bezahlt)",
        "pickup_tickets": "Abgeholte Tickets",
        "pickups_paid": "Bei Abholung bezahlt (anderswo bestellt)",
        "no_sale": "Ladenöffnungen ohne Verkauf",
        "tickets": "TICKETS", "first": "Erstes Ticket Nr.", "last": "Letztes Ticket Nr.",
        "issued": "Ausgegebene Tickets", "totals": "SUMMEN", "sales": "Verkäufe (brutto)",
        "net_total": "Nettoumsatz", "close": "ABSCHLUSS — ZÄHLUNG NR.",
        "expected": "erwartet", "declared": "gezählt", "variance": "Differenz",
        "reason": "Grund", "terminal": "Kartenterminal (Tagesabschluss)",
    },
}  # fmt: skip


def _words(language: str) -> Mapping[str, str]:
    return _WORDS.get(language, _WORDS["fr"])


def tender_name(key: str, language: str = "fr") -> str:
    """ "cash" → "Espèces"; an other tender's kind ("cheque") by its word, or as it is."""
    if key.startswith("account:"):  # a company's waiting account (domain.accounts)
        return f"{_words(language)['account']} {key.removeprefix('account:')}"
    known = ("cash", "card", "voucher", "cheque", "exchange")
    return _words(language).get(key, key) if key in known else key


def report_page(
    report: SessionReport,
    till_name: str,
    timezone: str,
    language: str = "fr",
    names: Mapping[str, str] | None = None,
    label_width: int | None = None,
) -> ReportPage:
    """The X or Z report of a session as one page; ``names``: operator id → name. With
    ``label_width`` (a receipt roll's first column), longer labels wrap over several rows,
    the figures on the last, so nothing is cut."""
    w = _words(language)
    t, session = report.totals, report.session
    names = names or {}

    def money(amount: Money) -> str:
        return text.money(amount, language)

    def tally(label: str, x: Tally) -> tuple[str, str, str]:
        return (label, str(x.count), money(x.amount))

    opened = text.date_short(session.opened_at, timezone)
    subtitle = (
        f"{w['session']} {w['opened']} {opened} {w['by']} "
        f"{names.get(session.opened_by, session.opened_by)}"
    )
    if session.closed_at is not None and report.is_z:
        subtitle += f", {w['closed']} {text.date_short(session.closed_at, timezone)}"
    else:
        subtitle += f" ({w['still_open']})"

    rows: list[tuple[str, str, str]] = [(w["tenders"], "", "")]
    rows += [
        (tender_name(x.key, language), str(x.count), money(x.net))
        for x in t.tenders
        if x.count or not x.net.is_zero
    ]
    rows.append((w["vat"], "", ""))
    for v in t.vat:
        rate = rate_text(v.rate_bp, language)
        rows += [
            (f"{rate} {w['net']}", "", money(v.net)),
            (f"{rate} {w['tax']}", "", money(v.vat)),
            (f"{rate} {w['gross']}", "", money(v.gross)),
        ]
    rows.append((w["performances"], "", ""))
    rows += [(p.label, str(p.tickets), money(p.gross)) for p in t.performances]
    rows.append((w["fees"], "", money(t.fees)))
    rows += [
        (w["corrections"], "", ""),
        tally(w["cancellations"], t.cancellations),
        tally(w["refunds"], t.refunds),
        *[
            tally(w[key], value)
            for key, value in (
                ("gift_cards", t.gift_cards_sold),
                ("top_ups", t.top_ups),
                ("pickups_paid", t.pickups_paid),
            )
            if value is not None and value.count
        ],
        (w["drawer"], "", ""),
        (w["float"], "", money(t.floats)),
        tally(w["cash_in"], t.cash_in),
        tally(w["cash_out"], t.cash_out),
        (w["expected_cash"], "", money(t.expected_cash)),
        (w["events"], "", ""),
        (w["reprints"], str(t.reprints), ""),
        *([tally(w["pickups"], t.pickups)] if t.pickups is not None and t.pickups.count else []),
        *([(w["pickup_tickets"], str(t.pickup_tickets), "")] if t.pickup_tickets else []),
        (w["no_sale"], str(t.drawer_openings_without_sale), ""),
        (w["tickets"], "", ""),
        (w["first"], _number(t.first_ticket), ""),
        (w["last"], _number(t.last_ticket), ""),
        (w["issued"], str(t.tickets_issued), ""),
        (w["totals"], "", ""),
        tally(w["sales"], t.sales),
    ]
    if report.close is not None:
        rows += _close_rows(report.close, w, money, language)
    if label_width is not None:
        rows = _wrapped(rows, label_width)
    return ReportPage(
        title=f"{w['z' if report.is_z else 'x']} — {w['till']} {till_name}",
        subtitle=subtitle,
        generated_at=report.at,
        timezone=timezone,
        columns=(w["label"], w["count"], w["amount"]),
        rows=tuple(rows),
        totals=(w["net_total"], str(t.sales.count), money(t.net_total)),
        numeric_columns=frozenset({1, 2}),
    )


def _wrapped(rows: list[tuple[str, str, str]], width: int) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    for label, count, amount in rows:
        parts = textwrap.wrap(label, width) or [""]
        out += [(part, "", "") for part in parts[:-1]]
        out.append((parts[-1], count, amount))
    return out


def _number(value: int | None) -> str:
    return "-" if value is None else str(value)


def _money_of(value: object) -> Money:
    assert isinstance(value, Mapping)
    return Money(int(value["minor"]), str(value["currency"]))


def _close_rows(
    close: Mapping[str, object],
    w: Mapping[str, str],
    money: Callable[[Money], str],
    language: str,
) -> list[tuple[str, str, str]]:
    """The close's count: per tender expected, declared, variance, reason (from its record)."""
    count = close.get("count")
    assert isinstance(count, Mapping)
    rows = [(f"{w['close']} {count.get('number')}", "", "")]
    variances = close.get("variances")
    assert isinstance(variances, list)
    for v in variances:
        name = tender_name(str(v["tender"]), language)
        rows += [
            (f"{name} {w['expected']}", "", money(_money_of(v["expected"]))),
            (f"{name} {w['declared']}", "", money(_money_of(v["declared"]))),
            (f"{name} {w['variance']}", "", money(_money_of(v["difference"]))),
        ]
        if v.get("reason"):
            rows.append((f"  {w['reason']}: {v['reason']}", "", ""))
    if count.get("terminal") is not None:
        rows.append((w["terminal"], "", money(_money_of(count["terminal"]))))
    return rows


def report_pdf(
    report: SessionReport,
    till_name: str,
    timezone: str,
    language: str = "fr",
    names: Mapping[str, str] | None = None,
) -> bytes:
    """The report as an A4 PDF (reportlab, as the tickets' and receipts' PDFs)."""
    return pdf.render_report([report_page(report, till_name, timezone, language, names)])


def report_text(page: ReportPage, width: int = 56) -> str:
    """The page as plain text for a screen or a terminal: title, subtitle, the rows."""
    label = width - 22
    lines = [page.title, page.subtitle, "-" * width]
    rows = [
        (cells[0], cells[1], cells[2])
        for cells in ((*c, "", "") for c in (*page.rows, ("-" * (label - 4),), page.totals))
    ]
    for name, count, amount in _wrapped(rows, label - 1):
        lines.append(f"{name:<{label}}{count:>8}{amount:>14}")
    return "\n".join(lines)


def till_name_and_names(uow_factory: UnitOfWorkFactory, till: str) -> tuple[str, dict[str, str]]:
    """The till's name as people know it, and the operators' names by id, for a report."""
    with uow_factory(read_only=True) as uow:
        try:
            name = uow.channels.get_point_of_sale(till).name
        except LookupError:
            name = till
        return name, {o.id: o.name for o in uow.operators.list(include_inactive=True)}
