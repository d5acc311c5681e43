"""What gets printed: tickets, receipts and report pages as plain frozen data.

A ticket carries what French ticketing law asks to see on it (organizer, show and date, seat
category, price or "exonéré"/"gratuit", order number) and `check_mentions` refuses a ticket
that lacks one. `fields` turns a document into the named strings layouts refer to. Amounts are
`Money`; VAT is computed once, here (`vat_breakdown`), rounding half up per rate. Nothing here
formats bytes or talks to a device; sample documents for the test print and the demo are at
the end.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from domain.catalog import AudienceSubcategory, Event, Organizer, Performance
from domain.money import Money, total
from domain.pricing import vat_included  # the one place VAT is rounded
from domain.venue import Category, Hall, Seat, Site, Zone
from printing import text
from printing.errors import MissingMention, RenderError

DUPLICATE_MARK = "DUPLICATA"
TRAINING_MARK = "FACTICE / SIMULATION"  # a training-mode document (domain.training)
# The first line of a correction's receipt (NF525 wording): a cancellation voids the whole
# original, a refund changes it.
_CORRECTION_WORDS = {"cancellation": "annule", "refund": "modifie"}


def correction_mention(kind: str, original: str) -> str:
    """ "Ce ticket annule le ticket n° 000123-G1" (a cancellation) or "... modifie ..." (a
    refund); empty for anything else."""
    verb = _CORRECTION_WORDS.get(kind)
    return f"Ce ticket {verb} le ticket n° {original}" if verb and original else ""


@dataclass(frozen=True, slots=True)
class TicketData:
    organizer: str
    event: str
    starts_at: datetime  # aware; printed in `timezone`
    timezone: str  # the venue's IANA zone
    venue: str
    hall: str
    category: str
    tariff: str
    price: Money  # paid for this ticket, fees included
    order_number: str
    ticket_number: int  # continuous per till
    barcode: str
    fees: Money | None = None
    organizer_licence: str = ""  # licence d'entrepreneur de spectacles
    entrance: str = ""
    zone: str = ""
    row: str = ""
    seat: str = ""  # empty for general admission
    free_label: str = "Gratuit"  # printed instead of a zero price: "Gratuit" or "Exonéré"
    till: str = ""
    duplicate: bool = False
    training: bool = False  # sold in training mode: printed "FACTICE / SIMULATION"

    def as_duplicate(self) -> TicketData:
        from dataclasses import replace

        return replace(self, duplicate=True)


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    description: str
    quantity: int
    unit_price: Money  # VAT included
    vat_rate: int  # basis points: 550 = 5.5 %

    @property
    def amount(self) -> Money:
        return self.unit_price * self.quantity


@dataclass(frozen=True, slots=True)
class PaymentLine:
    method: str  # as printed: "Espèces", "Carte bancaire"
    amount: Money


@dataclass(frozen=True, slots=True)
class VatLine:
    rate: int  # basis points
    base: Money  # without VAT
    vat: Money
    gross: Money  # with VAT


@dataclass(frozen=True, slots=True)
class ReceiptData:
    organizer: str
    receipt_number: str
    issued_at: datetime
    timezone: str
    till: str
    operator: str
    lines: tuple[ReceiptLine, ...]
    payments: tuple[PaymentLine, ...]
    currency: str = "EUR"
    address: tuple[str, ...] = ()
    change_given: Money | None = None
    footer: str = ""
    duplicate: bool = False
    training: bool = False  # sold in training mode: printed "FACTICE / SIMULATION"
    corrects: str = ""  # a correction's first line: `correction_mention`

    @property
    def total(self) -> Money:
        return total([line.amount for line in self.lines], self.currency)

    @property
    def paid(self) -> Money:
        return total([p.amount for p in self.payments], self.currency)


@dataclass(frozen=True, slots=True)
class ReportPage:
    """A page of a till report (X, Z, sales per performance): a titled table with totals."""

    title: str
    generated_at: datetime
    timezone: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    subtitle: str = ""
    totals: tuple[str, ...] = ()
    numeric_columns: frozenset[int] = field(default_factory=frozenset)  # right-aligned


Document = TicketData | ReceiptData | ReportPage


def vat_breakdown(receipt: ReceiptData) -> list[VatLine]:
    rates: dict[int, Money] = {}
    for line in receipt.lines:
        rates[line.vat_rate] = rates.get(line.vat_rate, Money.zero(receipt.currency)) + line.amount
    result = []
    for rate in sorted(rates):
        gross = rates[rate]
        vat = vat_included(gross, rate)
        result.append(VatLine(rate, gross - vat, vat, gross))
    return result


def rate_text(rate: int, language: str = "fr") -> str:
    """550 → "5,5 %"; 2000 → "20 %"."""
    whole, part = divmod(rate, 100)
    separator = "." if language == "en" else ","
    number = str(whole) if part == 0 else f"{whole}{separator}{part:02d}".rstrip("0")
    return f"{number} %"


def check_mentions(ticket: TicketData) -> None:
    """Refuse a ticket that lacks a mention the law requires on it (Code général des impôts,
    annexe IV, art. 50 sexies B, for French live shows)."""
    required = {
        "organizer": ticket.organizer,
        "event": ticket.event,
        "category": ticket.category,
        "order_number": ticket.order_number,
    }
    for name, value in required.items():
        if not value.strip():
            raise MissingMention(f"a ticket must show the {name.replace('_', ' ')}", field=name)
    if ticket.price.is_negative:
        raise RenderError("a ticket's price cannot be negative", field="price")
    if ticket.price.is_zero and not ticket.free_label.strip():
        raise MissingMention("a free ticket must say 'Gratuit' or 'Exonéré'", field="free_label")


def price_mention(ticket: TicketData, language: str = "fr") -> str:
    if ticket.price.is_zero:
        return ticket.free_label
    return text.money(ticket.price, language)


def seat_label(ticket: TicketData, language: str = "fr") -> str:
    words = {
        "fr": ("Rang", "Place", "Placement libre"),
        "de": ("Reihe", "Platz", "Freie Platzwahl"),
        "en": ("Row", "Seat", "Unreserved seating"),
    }.get(language, ("Rang", "Place", "Placement libre"))
    if not ticket.seat:
        return f"{ticket.zone} - {words[2]}" if ticket.zone else words[2]
    parts = [ticket.zone] if ticket.zone else []
    if ticket.row:
        parts.append(f"{words[0]} {ticket.row}")
    parts.append(f"{words[1]} {ticket.seat}")
    return " - ".join(parts)


def ticket_fields(ticket: TicketData, language: str = "fr") -> dict[str, str]:
    """The named strings a ticket layout may use."""
    check_mentions(ticket)
    text.barcode_value(ticket.barcode)
    fees = ticket.fees
    return {
        "organizer": ticket.organizer,
        "organizer_licence": ticket.organizer_licence,
        "event": ticket.event,
        "date": text.date_long(ticket.starts_at, ticket.timezone, language),
        "time": text.time_of_day(ticket.starts_at, ticket.timezone, language),
        "date_short": text.date_short(ticket.starts_at, ticket.timezone),
        "venue": ticket.venue,
        "hall": ticket.hall,
        "entrance": ticket.entrance,
        "zone": ticket.zone,
        "row": ticket.row,
        "seat": ticket.seat,
        "seat_label": seat_label(ticket, language),
        "category": ticket.category,
        "tariff": ticket.tariff,
        "price": price_mention(ticket, language),
        "fees": text.money(fees, language) if fees is not None and not fees.is_zero else "",
        "order_number": ticket.order_number,
        "ticket_number": f"{ticket.ticket_number:06d}",
        "barcode": ticket.barcode,
        "till": ticket.till,
        "duplicate": DUPLICATE_MARK if ticket.duplicate else "",
        "training": TRAINING_MARK if ticket.training else "",
    }


def receipt_fields(receipt: ReceiptData, language: str = "fr") -> dict[str, str]:
    change = receipt.change_given
    return {
        "organizer": receipt.organizer,
        "address": "\n".join(receipt.address),
        "receipt_number": receipt.receipt_number,
        "date_short": text.date_short(receipt.issued_at, receipt.timezone),
        "till": receipt.till,
        "operator": receipt.operator,
        "total": text.money(receipt.total, language),
        "change": text.money(change, language) if change is not None else "",
        "footer": receipt.footer,
        "duplicate": DUPLICATE_MARK if receipt.duplicate else "",
        "training": TRAINING_MARK if receipt.training else "",
        "corrects": receipt.corrects,
    }


def report_fields(page: ReportPage) -> dict[str, str]:
    return {
        "title": page.title,
        "subtitle": page.subtitle,
        "date_short": text.date_short(page.generated_at, page.timezone),
    }


def ticket_from_catalog(
    *,
    organizer: Organizer,
    event: Event,
    performance: Performance,
    site: Site,
    hall: Hall,
    category: Category,
    audience: AudienceSubcategory,
    price: Money,
    order_number: str,
    ticket_number: int,
    barcode: str,
    seat: Seat | None = None,
    zone: Zone | None = None,
    entrance: str = "",
    fees: Money | None = None,
    till: str = "",
    organizer_licence: str = "",
) -> TicketData:
    """A ticket from the domain's objects: what the selling work will call per seat."""
    return TicketData(
        organizer=organizer.name,
        organizer_licence=organizer_licence,
        event=event.name,
        starts_at=performance.starts_at,
        timezone=site.timezone,
        venue=site.name,
        hall=hall.name,
        entrance=entrance or (zone.entrance or "" if zone is not None else ""),
        zone=zone.name if zone is not None else (seat.zone if seat is not None else ""),
        row=seat.row if seat is not None else "",
        seat=seat.number if seat is not None else "",
        category=category.name,
        tariff=audience.name,
        price=price,
        fees=fees,
        order_number=order_number,
        ticket_number=ticket_number,
        barcode=barcode,
        till=till,
    )


# --- sample documents (test print, demo, benchmarks) ---------------------------------------

SAMPLE_MOMENT = datetime(2026, 3, 14, 19, 30, tzinfo=UTC)


def sample_ticket(number: int = 1, *, duplicate: bool = False) -> TicketData:
    return TicketData(
        organizer="Le Théâtre — Compagnie des Îles",
        organizer_licence="PLATESV-R-2024-001234",
        event="Œdipe roi",
        starts_at=SAMPLE_MOMENT,
        timezone="Europe/Paris",
        venue="Le Théâtre",
        hall="Grande salle",
        entrance="Porte B",
        zone="Parterre",
        row="13",
        seat=str(4 + number - 1),
        category="Catégorie 1",
        tariff="Plein tarif",
        price=Money.of("12.50", "EUR"),
        fees=Money.of("1.00", "EUR"),
        order_number="G1-2026-000042",
        ticket_number=number,
        barcode=f"GUI{number:09d}",
        till="G1",
        duplicate=duplicate,
    )


def sample_receipt() -> ReceiptData:
    eur = "EUR"
    return ReceiptData(
        organizer="Le Théâtre",
        address=("12, place de l'Opéra", "75009 Paris", "SIRET 123 456 789 00012"),
        receipt_number="G1-000317",
        issued_at=datetime(2026, 3, 14, 18, 2, tzinfo=UTC),
        timezone="Europe/Paris",
        till="G1",
        operator="Camille Martin",
        lines=(
            ReceiptLine("Œdipe roi — Plein tarif", 2, Money.of("12.50", eur), 550),
            ReceiptLine("Œdipe roi — Étudiant", 1, Money.of("8.00", eur), 550),
            ReceiptLine("Frais de dossier", 1, Money.of("2.00", eur), 2000),
            ReceiptLine("Programme", 1, Money.of("5.00", eur), 2000),
        ),
        payments=(PaymentLine("Espèces", Money.of("50.00", eur)),),
        change_given=Money.of("10.00", eur),
        footer="Merci de votre visite ! Billets ni repris ni échangés.",
    )


def sample_report() -> ReportPage:
    return ReportPage(
        title="Rapport X — caisse G1",
        subtitle="Session du 14/03/2026, Camille Martin",
        generated_at=datetime(2026, 3, 14, 22, 0, tzinfo=UTC),
        timezone="Europe/Paris",
        columns=("Mode de paiement", "Opérations", "Montant"),
        rows=(
            ("Espèces", "12", text.money(Money.of("412.50", "EUR"))),
            ("Carte bancaire", "31", text.money(Money.of("1290.00", "EUR"))),
            ("Chèque-cadeau", "2", text.money(Money.of("50.00", "EUR"))),
        ),
        totals=("Total", "45", text.money(Money.of("1752.50", "EUR"))),
        numeric_columns=frozenset({1, 2}),
    )


def merge_fields(*parts: Mapping[str, str]) -> dict[str, str]:
    merged: dict[str, str] = {}
    for part in parts:
        merged.update(part)
    return merged


def ticket_batch(count: int) -> Sequence[TicketData]:
    return [sample_ticket(n) for n in range(1, count + 1)]
