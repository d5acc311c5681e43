"""The one error policy of the client: what an error means for the person at the screen.

Every screen hands failures from its lanes to `message_for`; the text says what happened and,
where it matters, what is safe and what to do next. Unexpected errors are logged in full and
shown with a calm generic message.
"""

from __future__ import annotations

import contextlib
import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.ui import formatting
from domain import errors as domain_errors
from drivers import errors as device_errors
from printing.errors import LayoutError, RenderError

log = logging.getLogger(__name__)


def message_for(error: BaseException) -> str:
    from app.services.auth import UnknownOperator
    from app.services.browsing import UnknownPointOfSale

    if isinstance(error, domain_errors.WrongPin):
        return QCoreApplication.translate(
            "ErrorPolicy",
            "Wrong PIN. Attempts left before a one-minute lock: %1",
        ).replace("%1", str(error.attempts_left))
    if isinstance(error, domain_errors.OperatorLocked):
        return QCoreApplication.translate(
            "ErrorPolicy",
            "Too many wrong PINs: this operator is locked until %1. A supervisor can unlock it.",
        ).replace("%1", formatting.time_of_day(error.until))
    if isinstance(error, UnknownOperator):
        return QCoreApplication.translate(
            "ErrorPolicy", "This operator no longer exists. Pick another one."
        )
    if isinstance(error, UnknownPointOfSale):
        return QCoreApplication.translate(
            "ErrorPolicy",
            "This till's point of sale (%1) is not in the catalog. "
            "Ask a technician to check station.toml.",
        ).replace("%1", str(error))
    if isinstance(error, domain_errors.TillError):
        return _till_message(error)
    if isinstance(error, device_errors.DeviceError):
        return _device_message(error)
    if isinstance(error, RenderError | LayoutError):
        return QCoreApplication.translate("ErrorPolicy", "This cannot be printed: %1").replace(
            "%1", str(error)
        )
    if getattr(error, "error_code", "") == "payment_not_recorded":
        return _payment_not_recorded(getattr(error, "result", None))
    sale = _sale_message(error)
    if sale is not None:
        return sale
    counter = _counter_message(error)
    if counter is not None:
        return counter
    after_sale = _after_sale_message(error) or _pickup_message(error)
    if after_sale is not None:
        return after_sale
    database = _database_message(error)
    if database is not None:
        return database
    if isinstance(error, domain_errors.DomainError):
        return QCoreApplication.translate("ErrorPolicy", "This was refused: %1").replace(
            "%1", str(error)
        )
    log.error("unexpected error", exc_info=error)
    return QCoreApplication.translate(
        "ErrorPolicy",
        "Something went wrong and was logged. Check the result before trying again; "
        "if it happens again, call a technician.",
    )


def _till_message(error: domain_errors.TillError) -> str:
    """Why a till session could not be opened (or a sale has none), and what to do."""
    if isinstance(error, domain_errors.SessionAlreadyOpen):
        return QCoreApplication.translate(
            "ErrorPolicy",
            "A session is already open on this till: it was not opened a second time, "
            "and the open one is unchanged.",
        )
    if isinstance(error, domain_errors.NoOpenSession):
        return QCoreApplication.translate(
            "ErrorPolicy",
            "No till session is open: nothing can be sold. A supervisor opens one with F10.",
        )
    if isinstance(error, domain_errors.NotAllowedToOpen):
        return QCoreApplication.translate(
            "ErrorPolicy", "Only a supervisor can open a till session."
        )
    if isinstance(error, domain_errors.FloatNotAllowed):
        return QCoreApplication.translate(
            "ErrorPolicy",
            "This till's sales channel allows no cash float: open the session with every "
            "count at zero.",
        )
    closing = _close_message(error)
    if closing is not None:
        return closing
    return QCoreApplication.translate("ErrorPolicy", "This cash count was refused: %1").replace(
        "%1", str(error)
    )


def _close_message(error: domain_errors.TillError) -> str | None:
    """Why a cash movement, a count or a till session's close was refused."""
    if isinstance(error, domain_errors.SessionBeingClosed):
        return QCoreApplication.translate(
            "ErrorPolicy",
            "This session's count is in: nothing more is sold or moved in it. A supervisor "
            "closes it (F10), then opens the next one.",
        )
    if isinstance(error, domain_errors.NotAllowedToClose):
        return QCoreApplication.translate(
            "ErrorPolicy", "Only a supervisor can close a till session."
        )
    if isinstance(error, domain_errors.NotCounted):
        return QCoreApplication.translate(
            "ErrorPolicy", "The drawer has not been counted yet: the cashier counts it first (F10)."
        )
    if isinstance(error, domain_errors.VarianceNeedsReason):
        return QCoreApplication.translate(
            "ErrorPolicy", "Give a reason for each variance: %1. Nothing was sealed."
        ).replace("%1", ", ".join(error.tenders))
    if isinstance(error, domain_errors.StaleCount):
        return QCoreApplication.translate(
            "ErrorPolicy",
            "The drawer was counted again meanwhile: look at the new count, then seal. "
            "Nothing was sealed.",
        )
    if isinstance(error, domain_errors.InvalidCashMovement):
        return QCoreApplication.translate(
            "ErrorPolicy", "This cash movement was refused: %1. Nothing was recorded."
        ).replace("%1", str(error))
    return None


def _payment_not_recorded(result: object) -> str:
    """The terminal answered a card payment but the till could not record it: the card may
    have been charged. Say what the terminal said, and never to try again."""
    outcome = getattr(getattr(result, "outcome", None), "value", "unknown")
    said = {
        "approved": QCoreApplication.translate("ErrorPolicy", "The terminal approved the payment."),
        "declined": QCoreApplication.translate("ErrorPolicy", "The terminal declined the payment."),
    }.get(outcome, QCoreApplication.translate("ErrorPolicy", "What the terminal did is not known."))
    return (
        said
        + " "
        + QCoreApplication.translate(
            "ErrorPolicy",
            "The till could not record it. Do not charge the card again: check the terminal's "
            "receipt. The payment stays open until a supervisor settles it.",
        )
    )


def _after_sale_message(error: BaseException) -> str | None:
    """Why a refund, a cancellation or a reprint was refused (app.services.after_sale and
    domain.refunds, by error code), what is safe and what to do."""
    code = getattr(error, "error_code", "")
    numbers = ", ".join(str(n) for n in getattr(error, "numbers", ()))
    texts = {
        "already_refunded": QT_TRANSLATE_NOOP(
            "ErrorPolicy",
            "Already given back: ticket(s) %1. Nothing was done.",
        ),
        "not_in_this_sale": QT_TRANSLATE_NOOP(
            "ErrorPolicy",
            "Ticket(s) %1 are not of this order. Nothing was done.",
        ),
        "no_ticket_chosen": QT_TRANSLATE_NOOP(
            "ErrorPolicy",
            "Tick the tickets to give back first.",
        ),
        "refund_too_large": QT_TRANSLATE_NOOP(
            "ErrorPolicy",
            "That is more than this order has left to give back. Nothing was done.",
        ),
        "reason_needed": QT_TRANSLATE_NOOP(
            "ErrorPolicy",
            "Say why in the reason field: the journal keeps it.",
        ),
        "not_a_supervisor": QT_TRANSLATE_NOOP(
            "ErrorPolicy",
            "Only a supervisor approves this. Nothing was done.",
        ),
        "not_allowed_to_reprint": QT_TRANSLATE_NOOP(
            "ErrorPolicy",
            "A reprint needs a supervisor: their PIN, then Approve.",
        ),
        "refund_under_way": QT_TRANSLATE_NOOP(
            "ErrorPolicy",
            "A refund of this order waits for the card terminal's outcome: a "
            "supervisor settles that card payment on the Devices screen first. "
            "Nothing else was done.",
        ),
        "refund_declined": QT_TRANSLATE_NOOP(
            "ErrorPolicy",
            "The card terminal refused the refund: nothing was given back and the "
            "tickets stay valid. Try again, or give the money back another way with "
            "a supervisor.",
        ),
        "refund_outcome_unknown": QT_TRANSLATE_NOOP(
            "ErrorPolicy",
            "The card terminal did not say whether it refunded the card. Do not "
            "refund again: the tickets stay valid until a supervisor settles the "
            "card payment on the Devices screen (from the terminal's receipt); the "
            "refund is then recorded at the next start.",
        ),
        "no_card_terminal": QT_TRANSLATE_NOOP(
            "ErrorPolicy",
            "This station has no card terminal: the card part cannot be refunded "
            "here. Nothing was done.",
        ),
        "training_mismatch": QT_TRANSLATE_NOOP(
            "ErrorPolicy",
            "Training mode and this order do not match: a real order is refunded or "
            "reprinted outside training mode, a training one inside it. Nothing was done.",
        ),
        "ticket_not_valid": QT_TRANSLATE_NOOP(
            "ErrorPolicy",
            "Ticket %1 is not valid any more (refunded): nothing was done.",
        ),
        "already_collected": QT_TRANSLATE_NOOP(
            "ErrorPolicy",
            "Order %1 was picked up already (at another till, or just now): nothing was "
            "printed. A lost ticket is reprinted as DUPLICATA.",
        ),
        "pickup_cancelled": QT_TRANSLATE_NOOP(
            "ErrorPolicy", "Order %1 was cancelled where it was placed: nothing to print."
        ),
        "nothing_to_pick_up": QT_TRANSLATE_NOOP(
            "ErrorPolicy",
            "No order %1 for pick-up on this till: check the number, or wait for the "
            "server's news if it was placed a moment ago.",
        ),
        "pickup_not_in_training": QT_TRANSLATE_NOOP(
            "ErrorPolicy",
            "Training mode is on: orders are picked up only outside it. Nothing was printed.",
        ),
        "option_not_in_training": QT_TRANSLATE_NOOP(
            "ErrorPolicy",
            "Training mode is on: options are made and picked up only outside it. Nothing "
            "was done.",
        ),
    }
    text = texts.get(code)
    if text is None:
        return None
    if code == "ticket_not_valid":
        numbers = str(getattr(error, "number", ""))
    order = getattr(error, "order", None)
    if order is not None:
        numbers = str(getattr(order, "number", ""))
    elif code == "nothing_to_pick_up":
        numbers = str(getattr(error, "text", ""))
    return QCoreApplication.translate("ErrorPolicy", text).replace("%1", numbers)


def _pickup_message(error: BaseException) -> str | None:
    """Why an order placed elsewhere was not picked up (`domain.pickups`,
    `app.services.pickups`): what it was, and that nothing was done."""
    from domain.pickups import PickupCashShort

    code = getattr(error, "error_code", "")
    order = getattr(error, "order", None)
    number = str(getattr(order, "number", ""))
    if isinstance(error, PickupCashShort):
        return (
            QCoreApplication.translate(
                "ErrorPolicy",
                "Order %1: %2 to pay, %3 given: take at least what is due (or leave the field "
                "empty for the exact amount).",
            )
            .replace("%1", number)
            .replace("%2", formatting.money(error.due))
            .replace("%3", formatting.money(error.paid))
        )
    if code == "pickup_nothing_due":
        return QCoreApplication.translate(
            "ErrorPolicy", "Order %1 was paid where it was placed: take no money for it."
        ).replace("%1", number)
    if code == "pickup_card_not_taken":
        return QCoreApplication.translate(
            "ErrorPolicy", "Order %1: this station has no card terminal; take the cash."
        ).replace("%1", number)
    if code == "pickup_card_declined":
        return (
            QCoreApplication.translate(
                "ErrorPolicy",
                "Order %1: the card was declined (%2). Nothing was charged; take another card "
                "or cash.",
            )
            .replace("%1", number)
            .replace("%2", str(getattr(error, "message", "")))
        )
    if code == "pickup_card_to_settle":
        return QCoreApplication.translate(
            "ErrorPolicy",
            "Order %1: a card payment for it has no known outcome. Do not charge the card "
            "again: a supervisor settles it on the Devices screen, then pick the order up.",
        ).replace("%1", number)
    if code == "pickup_card_charged":
        amount = getattr(error, "amount", None)
        return (
            QCoreApplication.translate(
                "ErrorPolicy",
                "Order %1: the card paid %2 but the pick-up was not recorded (%3). Scan the "
                "order again to record it: the card is not charged again. If it was picked up "
                "elsewhere meanwhile, a supervisor refunds the card.",
            )
            .replace("%1", number)
            .replace("%2", "" if amount is None else formatting.money(amount))
            .replace("%3", message_for(getattr(error, "cause", None) or ValueError()))
        )
    if code == "pickup_not_printable":
        return (
            QCoreApplication.translate(
                "ErrorPolicy",
                "Order %1: ticket %2 is for performance %3, which this till does not have "
                "(wait for the server's catalog, or pick it up at another till). Nothing was "
                "printed.",
            )
            .replace("%1", str(getattr(error, "order_number", "")))
            .replace("%2", str(getattr(error, "ticket_number", "")))
            .replace("%3", str(getattr(error, "performance_id", "")))
        )
    return None


def _sale_message(error: BaseException) -> str | None:
    """Why the cart or the payment refused something (app.services.selling's errors and the
    domain's order errors, told apart by their error codes), and what to do."""
    code = getattr(error, "error_code", "")
    if code == "gift_card_declined":
        return QCoreApplication.translate(
            "ErrorPolicy",
            "The card was declined (%1): nothing was charged and nothing put on a gift card.",
        ).replace("%1", str(getattr(error, "message", "")))
    if code == "gift_card_payment_unsettled":
        return QCoreApplication.translate(
            "ErrorPolicy",
            "The card payment has no known outcome. Do not charge the card again: a supervisor "
            "settles it on the Devices screen; if it was approved, the gift card gets it at "
            "the next start.",
        )
    if code == "gift_card_charged":
        amount = getattr(error, "amount", None)
        return (
            QCoreApplication.translate(
                "ErrorPolicy",
                "The card paid %1 but gift card %2 was not recorded (%3). Do not charge the card "
                "again: the till's next start puts it on the card.",
            )
            .replace("%1", "" if amount is None else formatting.money(amount))
            .replace("%2", str(getattr(error, "code", "")))
            .replace("%3", message_for(getattr(error, "cause", None) or ValueError()))
        )
    if code == "gift_card_no_terminal":
        return QCoreApplication.translate(
            "ErrorPolicy", "This station has no card terminal: take the cash."
        )
    if code == "gift_card_expired":
        until = getattr(error, "valid_until", None)
        return (
            QCoreApplication.translate(
                "ErrorPolicy",
                "Gift card %1 expired on %2: it pays nothing any more. Take another payment "
                "(a top-up makes the card usable again).",
            )
            .replace("%1", str(getattr(error, "code", "")))
            .replace("%2", "" if until is None else formatting.day(until))
        )
    if code == "seats_unavailable":
        reasons = getattr(error, "reasons", {})
        shown = ", ".join(
            f"{seat} ({seat_refusal(why)})" for seat, why in sorted(reasons.items())[:6]
        )
        return QCoreApplication.translate(
            "ErrorPolicy", "These seats cannot go into the cart: %1. Pick other seats."
        ).replace("%1", shown)
    if code == "hold_not_extended":
        reasons = getattr(error, "reasons", {})
        shown = ", ".join(
            f"{place} ({seat_refusal(why)})" for place, why in sorted(reasons.items())[:6]
        )
        return QCoreApplication.translate(
            "ErrorPolicy",
            "The server would not hold these places until the option's expiry: %1. Nothing "
            "was held; try again, or make the option when the server can be reached.",
        ).replace("%1", shown)
    if code == "places_unavailable":
        return (
            QCoreApplication.translate(
                "ErrorPolicy", "Only %1 standing places are left in %2: nothing was added."
            )
            .replace("%1", str(getattr(error, "left", 0)))
            .replace("%2", str(getattr(error, "zone", "")))
        )
    if code == "not_enough_seats":
        return (
            QCoreApplication.translate(
                "ErrorPolicy",
                "%1 seats asked in %2, only %3 left that sit together or apart: nothing was "
                "added. Ask for fewer.",
            )
            .replace("%1", str(getattr(error, "wanted", "")))
            .replace("%2", str(getattr(error, "category", "")))
            .replace("%3", str(getattr(error, "left", "")))
        )
    if code == "too_many_tickets":
        return QCoreApplication.translate(
            "ErrorPolicy",
            "At most %1 tickets per order for this performance: nothing was added.",
        ).replace("%1", str(getattr(error, "limit", "")))
    if code == "seats_lost":
        return QCoreApplication.translate(
            "ErrorPolicy",
            "Another cart took these seats after their hold ran out: %1. The sale is not "
            "recorded. Remove them and pick other seats; a card already charged for this "
            "sale stays approved, for a supervisor to refund.",
        ).replace("%1", ", ".join(getattr(error, "seats", [])))
    if code == "tender_not_valid":
        return QCoreApplication.translate(
            "ErrorPolicy", "This payment was refused: %1. Take the payment again."
        ).replace("%1", str(error))
    if code == "till_revoked":
        return QCoreApplication.translate(
            "ErrorPolicy",
            "The server revoked this till: it cannot sell until a technician enrolls it again. "
            "The sales already made are kept.",
        )
    if code == "payment_to_settle":
        return QCoreApplication.translate(
            "ErrorPolicy",
            "A card payment of this sale has no known outcome yet. Do not charge the card "
            "again: a supervisor settles it in Devices (the terminal is asked), then pay the rest.",
        )
    return None


def _counter_message(error: BaseException) -> str | None:
    """A promo or advantage code refused (`domain.advantages.CodeRefused`), or a contact
    that cannot be created or erased (`domain.contacts`, `app.services.contacts`)."""
    from domain.advantages import CodeRefused

    if isinstance(error, CodeRefused):
        return (
            code_refusal(error)
            + " "
            + QCoreApplication.translate("ErrorPolicy", "Nothing was changed in the cart.")
        )
    code = getattr(error, "error_code", "")
    texts = {
        "contact_invalid": QT_TRANSLATE_NOOP(
            "ErrorPolicy", "This is not a valid %1: %2. Correct it; nothing was saved."
        ),
        "email_taken": QT_TRANSLATE_NOOP(
            "ErrorPolicy",
            "%2 is already the e-mail of contact %1: find that contact and pick it. Nothing was "
            "saved.",
        ),
        "contact_erased": QT_TRANSLATE_NOOP(
            "ErrorPolicy", "This contact's personal data were erased already."
        ),
        "not_a_supervisor_to_erase": QT_TRANSLATE_NOOP(
            "ErrorPolicy", "Only a supervisor erases a contact's personal data. Nothing was done."
        ),
    }
    text = texts.get(code)
    if text is None:
        return None
    fields = {
        "name": QT_TRANSLATE_NOOP("ErrorPolicy", "name"),
        "email": QT_TRANSLATE_NOOP("ErrorPolicy", "e-mail"),
        "phone": QT_TRANSLATE_NOOP("ErrorPolicy", "phone number"),
        "company": QT_TRANSLATE_NOOP("ErrorPolicy", "company"),
    }
    first, second = "", ""
    if code == "contact_invalid":
        field = str(getattr(error, "field", ""))
        first = QCoreApplication.translate("ErrorPolicy", fields.get(field, field))
        second = str(getattr(error, "value", ""))
    elif code == "email_taken":
        other = getattr(error, "contact", None)
        first, second = str(getattr(other, "id", "")), str(getattr(other, "email", ""))
    return (
        QCoreApplication.translate("ErrorPolicy", text).replace("%1", first).replace("%2", second)
    )


def code_refusal(refused: object, currency: str = "EUR") -> str:
    """Why a promo or advantage code does not fit the cart (`domain.advantages.Refusal`), in
    words: also what the cart says of a code a change of the cart dropped."""
    from domain.advantages import CodeRefused, Refusal
    from domain.money import Money

    assert isinstance(refused, CodeRefused)
    texts = {
        Refusal.UNKNOWN: QT_TRANSLATE_NOOP("ErrorPolicy", "The code %1 is not known."),
        Refusal.USED: QT_TRANSLATE_NOOP(
            "ErrorPolicy", "The code %1 was used already: a single-use code sells once."
        ),
        Refusal.INVALIDATED: QT_TRANSLATE_NOOP(
            "ErrorPolicy", "The code %1 was invalidated: it cannot be used any more."
        ),
        Refusal.NOT_YET: QT_TRANSLATE_NOOP("ErrorPolicy", "The code %1 is valid only from %2."),
        Refusal.EXPIRED: QT_TRANSLATE_NOOP("ErrorPolicy", "The code %1 ended on %2."),
        Refusal.CHANNEL: QT_TRANSLATE_NOOP(
            "ErrorPolicy", "The code %1 is not valid on this sales channel (%2)."
        ),
        Refusal.MINIMUM: QT_TRANSLATE_NOOP(
            "ErrorPolicy", "The cart is below the code %1's minimum of %2."
        ),
        Refusal.QUOTA: QT_TRANSLATE_NOOP(
            "ErrorPolicy", "The code %1 reached its quota (%2 sales): it cannot be used any more."
        ),
        Refusal.NO_ELIGIBLE_LINE: QT_TRANSLATE_NOOP(
            "ErrorPolicy", "Nothing in the cart is eligible for the code %1."
        ),
        Refusal.NOT_IN_LIST: QT_TRANSLATE_NOOP(
            "ErrorPolicy", "The advantage %1 is only for the contacts of its list."
        ),
        Refusal.OFFLINE: QT_TRANSLATE_NOOP(
            "ErrorPolicy",
            "The single-use code %1 must be checked with the server, which cannot be reached; "
            "try again when online.",
        ),
        Refusal.ALREADY_APPLIED: QT_TRANSLATE_NOOP(
            "ErrorPolicy", "The code %1 is already applied to this cart."
        ),
    }
    detail = refused.detail
    if refused.reason is Refusal.MINIMUM and detail.lstrip("-").isdigit():
        detail = formatting.money(Money(int(detail), currency))
    elif refused.reason in (Refusal.NOT_YET, Refusal.EXPIRED) and detail:
        from datetime import datetime

        with contextlib.suppress(ValueError):
            detail = formatting.date_time(datetime.fromisoformat(detail))
    return (
        QCoreApplication.translate("ErrorPolicy", texts[refused.reason])
        .replace("%1", refused.code)
        .replace("%2", detail)
    )


def seat_refusal(reason: str) -> str:
    """A seat's refusal code (`domain.availability.Refusal` or the cart's) in words."""
    texts = {
        "seat_sold": QCoreApplication.translate("ErrorPolicy", "sold"),
        "seat_held": QCoreApplication.translate("ErrorPolicy", "held in another cart"),
        "seat_reserved": QCoreApplication.translate("ErrorPolicy", "reserved"),
        "seat_blocked": QCoreApplication.translate("ErrorPolicy", "blocked, not for sale"),
        "seat_invalid": QCoreApplication.translate("ErrorPolicy", "invalidated"),
        "unknown_seat": QCoreApplication.translate("ErrorPolicy", "not on this plan"),
        "contingent_not_for_channel": QCoreApplication.translate(
            "ErrorPolicy", "kept for a contingent this till does not sell"
        ),
        "no_contingent_not_allowed": QCoreApplication.translate(
            "ErrorPolicy", "this till sells only seats of its contingents"
        ),
        "in_this_cart": QCoreApplication.translate("ErrorPolicy", "already in this cart"),
        "no_tariff": QCoreApplication.translate("ErrorPolicy", "no tariff this till may sell"),
        "performance_not_on_sale": QCoreApplication.translate(
            "ErrorPolicy", "the performance is not on sale"
        ),
        "channel_not_open": QCoreApplication.translate(
            "ErrorPolicy", "no sale window for this till"
        ),
        "sales_not_open_yet": QCoreApplication.translate("ErrorPolicy", "sales not open yet"),
        "sales_closed": QCoreApplication.translate("ErrorPolicy", "sales closed"),
        "unknown_zone": QCoreApplication.translate("ErrorPolicy", "no such zone"),
        "nothing_asked": QCoreApplication.translate("ErrorPolicy", "no quantity typed"),
        "not_sellable_on_server": QCoreApplication.translate(
            "ErrorPolicy", "the server does not let this till sell it"
        ),
        "not_enough_places": QCoreApplication.translate("ErrorPolicy", "not enough places left"),
        "hold_gone": QCoreApplication.translate(
            "ErrorPolicy", "no longer held on the server: another till may have taken it"
        ),
        "offline_not_leased": QCoreApplication.translate(
            "ErrorPolicy",
            "the server cannot be reached, and only the seats leased to this till sell without it",
        ),
        "lease_mix": QCoreApplication.translate(
            "ErrorPolicy",
            "a sale is either from this till's lease or from the server: pay this cart first",
        ),
    }
    return texts.get(reason, reason)


def _database_message(error: BaseException) -> str | None:
    """The till's database file cannot be used (app.persistence's DatabaseUnavailable, told
    apart by its error code): what is wrong, what is safe, what to do."""
    code = getattr(error, "error_code", "")
    texts = {
        "database_corrupt": QCoreApplication.translate(
            "ErrorPolicy",
            "The till's database %1 is damaged. Do not delete it: it holds the sales. "
            "Call a technician to restore it from a backup.",
        ),
        "database_read_only": QCoreApplication.translate(
            "ErrorPolicy",
            "The till's database %1 cannot be written (read-only or locked file or folder). "
            "Nothing was saved. A technician must give the till write access to it.",
        ),
        "database_full": QCoreApplication.translate(
            "ErrorPolicy",
            "The disk holding the till's database %1 is full. What you just did was not "
            "saved. Free some space on it, then try again.",
        ),
        "database_io_error": QCoreApplication.translate(
            "ErrorPolicy",
            "The disk holding the till's database %1 reported an error. What you just did "
            "may not be saved. Call a technician: the disk may be failing.",
        ),
        "database_busy": QCoreApplication.translate(
            "ErrorPolicy",
            "The till's database %1 stayed busy too long. Nothing was saved. Wait a moment, "
            "then try again; if it happens again, call a technician.",
        ),
        "database_in_use": QCoreApplication.translate(
            "ErrorPolicy",
            "The till's database %1 is in use by another Guichet running on this computer. "
            "Only one may sell on it: use the one that is open, or close it first.",
        ),
        "database_emptied": QCoreApplication.translate(
            "ErrorPolicy",
            "The till's database %1 is empty although it existed: its history is gone. "
            "The till will not start over it. Call a technician to restore it from a backup.",
        ),
    }
    text = texts.get(code)
    return None if text is None else text.replace("%1", str(getattr(error, "path", "")))


def _device_message(error: device_errors.DeviceError) -> str:
    """What happened to a device, whether anything was lost, and what to do next."""
    device = error.device or QCoreApplication.translate("ErrorPolicy", "The device")
    if isinstance(error, device_errors.DeviceBusy):
        text = QCoreApplication.translate(
            "ErrorPolicy",
            "%1 is used by another computer or program (it accepts one connection at a time). "
            "Close the other one, then try again.",
        )
    elif isinstance(error, device_errors.DeviceUnavailable):
        text = QCoreApplication.translate(
            "ErrorPolicy", "%1 cannot be reached: %2. Check its cable and power."
        )
    elif isinstance(error, device_errors.DeviceTimeout):
        text = QCoreApplication.translate(
            "ErrorPolicy", "%1 did not answer in time. Nothing was lost: check it."
        )
    elif isinstance(error, device_errors.DeviceFault):
        text = QCoreApplication.translate(
            "ErrorPolicy", "%1 needs attention: %2. Fix it, then try again."
        )
    elif isinstance(error, device_errors.ProtocolError):
        text = QCoreApplication.translate(
            "ErrorPolicy",
            "%1 answered something that makes no sense: %2. Check the driver and the cable.",
        )
    elif isinstance(error, device_errors.DeviceConfigError):
        text = QCoreApplication.translate(
            "ErrorPolicy", "%1 is not configured correctly: %2. Check station.toml."
        )
    else:
        text = QCoreApplication.translate("ErrorPolicy", "%1 reported a problem: %2")
    return text.replace("%1", device).replace("%2", str(error))
