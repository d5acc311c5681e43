"""The tickets and the receipt of a paid order as the printers print them: the tickets from
the catalog's values inside the sale's transaction (queued there, `app.services.printing`),
the receipt from the sale's journal record."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from app.services import training
from app.services.ports import UnitOfWork
from app.services.printing import PrintingServices, UnknownPrinter
from domain.catalog import Event, Organizer, Performance
from domain.configuration import LogicalLayout
from domain.credit import is_credit_code
from domain.money import Money
from domain.orders import Order, Ticket
from domain.venue import Hall, Site, Zone
from printing.data import (
    PaymentLine,
    ReceiptData,
    ReceiptLine,
    TicketData,
    correction_mention,
    ticket_from_catalog,
)

TicketPrinter = Callable[[UnitOfWork, Order, str], list[str]]


@dataclass(frozen=True, slots=True)
class _Context:
    performance: Performance
    event: Event
    organizer: Organizer
    site: Site
    hall: Hall
    layout: LogicalLayout
    zones: dict[str, Zone]


def _context(uow: UnitOfWork, performance_id: str) -> _Context:
    performance = uow.catalog.get_performance(performance_id)
    event = uow.catalog.get_event(performance.event_id)
    season = uow.catalog.get_season(uow.catalog.get_activity(event.activity_id).season_id)
    hall = uow.venues.get_hall(performance.hall_id)
    layout = uow.configurations.get(performance.logical_layout_id)
    return _Context(
        performance,
        event,
        uow.catalog.get_organizer(season.organizer_id),
        uow.venues.get_site(hall.site_id),
        hall,
        layout,
        {z.id: z for z in layout.physical.zones},
    )


def ticket_documents(uow: UnitOfWork, order: Order, order_number: str) -> list[TicketData]:
    """One document per ticket, with its share of the order's fee (shares that add up to the
    fee exactly) in the price printed on it."""
    shares = order.fee.split(len(order.tickets)) if order.tickets else []
    context: dict[str, _Context] = {}
    return [
        ticket_document(uow, ticket, fee, order_number, order.till, context)
        for ticket, fee in zip(order.tickets, shares, strict=True)
    ]


def ticket_document(
    uow: UnitOfWork,
    ticket: Ticket,
    fee: Money,
    order_number: str,
    till: str,
    context: dict[str, _Context] | None = None,
) -> TicketData:
    """One ticket as printed, with its share ``fee`` of the order's fee in its price (a
    DUPLICATA is this with its new barcode, `TicketData.as_duplicate`)."""
    context = {} if context is None else context
    if ticket.performance_id not in context:  # read once per performance, not per ticket
        context[ticket.performance_id] = _context(uow, ticket.performance_id)
    c = context[ticket.performance_id]
    seat = c.layout.physical.seat(ticket.seat_id) if ticket.seat_id else None
    zone = c.zones.get(seat.zone) if seat else None
    document = ticket_from_catalog(
        organizer=c.organizer,
        event=c.event,
        performance=c.performance,
        site=c.site,
        hall=c.hall,
        category=c.layout.category(ticket.category),
        audience=uow.catalog.get_audience(ticket.audience),
        price=ticket.price + fee,
        fees=fee,
        order_number=order_number,
        ticket_number=ticket.number,
        barcode=ticket.barcode,
        seat=seat,
        zone=zone,
        till=till,
    )
    if ticket.zone_id is not None:  # a standing place: the zone's name and entrance
        standing = next(z for z in c.layout.physical.ga_zones if z.id == ticket.zone_id)
        document = replace(document, zone=standing.name, entrance=standing.entrance or "")
    return document


def sale_ticket_printer(printing: PrintingServices) -> TicketPrinter:
    """What `SellingServices` calls inside the sale's transaction: queue the tickets' jobs on
    the ticket printer. A station without one keeps the tickets unprinted (the sale stands)."""

    def queue(uow: UnitOfWork, order: Order, order_number: str) -> list[str]:
        documents = ticket_documents(uow, order, order_number)
        if training.current(uow) is not None:  # "FACTICE / SIMULATION" on each ticket
            documents = [replace(d, training=True) for d in documents]
        try:
            return printing.queue_numbered_tickets(uow, documents)
        except UnknownPrinter:
            return []

    return queue


_PRINTED_METHODS = {
    "cash": "Espèces",
    "card": "Carte bancaire",
    "voucher": "Carte cadeau",
}
_PRINTED_OTHER = {
    "cheque": "Chèque",
    "exchange": "Échange",
}  # the other tenders, by their kind (the reference)


def receipt_document(
    record: Mapping[str, Any], order_number: str, organizer: str, timezone: str
) -> ReceiptData:
    """The receipt of a sale, from its journal record (the values the journal holds, so the
    receipt cannot say something else): a line per cart line, the booking fee, each tender,
    the change."""
    currency = str(record["total"]["currency"])

    def money(value: Mapping[str, Any]) -> Money:
        return Money(int(value["minor"]), str(value["currency"]))

    lines = [
        ReceiptLine(
            " · ".join(p for p in (line["label"], line["seat"], line["tariff"]) if p),
            int(line["quantity"]),
            money(line["unit_price"]),
            int(line["vat_rate_bp"]),
        )
        for line in record["lines"]
    ]
    fee = money(record["fee"])
    if not fee.is_zero:
        lines.append(ReceiptLine("Frais de location", 1, fee, int(record["fee"]["vat_rate_bp"])))
    tenders = record["tenders"]
    change = [money(t["change"]) for t in tenders if "change" in t]
    return ReceiptData(
        organizer=organizer,
        receipt_number=order_number,
        issued_at=datetime.fromisoformat(str(record["at"])),
        timezone=timezone,
        till=str(record["till"]),
        operator=str(record["operator"]),
        lines=tuple(lines),
        payments=tuple(PaymentLine(_printed_method(t), money(t["amount"])) for t in tenders),
        currency=currency,
        change_given=change[0] if change and not change[0].is_zero else None,
        training=record.get("training") is True,
        corrects=correction_mention(str(record.get("type")), _original(record)),
    )


def _original(record: Mapping[str, Any]) -> str:
    """What a correction names: the original's receipt number when the record has it, else
    its ticket numbers."""
    if record.get("original_order_number"):
        return str(record["original_order_number"])
    return ", ".join(str(n) for n in record.get("original_tickets") or [])


def _printed_method(tender: Mapping[str, Any]) -> str:
    method, reference = str(tender["method"]), str(tender.get("reference", ""))
    if method == "voucher" and is_credit_code(reference):
        return f"Avoir {reference}"  # the slip of a credit balance names its code
    if method == "other" and reference.startswith("account:"):
        return f"Compte d'attente {reference.removeprefix('account:')}"
    if method == "other":
        return _PRINTED_OTHER.get(reference, reference or "Autre")
    return _PRINTED_METHODS.get(method, method)
