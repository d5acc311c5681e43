"""The one place that formats money, dates and times for people, in the current language."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QTime,
    QTimeZone,
)

from domain.errors import DomainError
from domain.money import Money, minor_exponent

_SYMBOLS = {"EUR": "€", "GBP": "£", "USD": "$", "JPY": "¥"}


def locale() -> QLocale:
    return QLocale()


def money(amount: Money) -> str:
    """ "12,50 €" in French, "€12.50" in English: the locale decides, the digits are exact."""
    digits = minor_exponent(amount.currency)
    symbol = _SYMBOLS.get(amount.currency, amount.currency)
    text = locale().toCurrencyString(0.0, symbol, digits)  # the locale's placement of the symbol
    number = locale().toString(abs(amount.minor) // 10**digits)
    if digits:
        number += locale().decimalPoint() + f"{abs(amount.minor) % 10**digits:0{digits}d}"
    sign = "-" if amount.minor < 0 else ""
    zero = locale().toString(0) + (locale().decimalPoint() + "0" * digits if digits else "")
    return sign + text.replace(zero, number, 1)


def _qdatetime(moment: datetime) -> QDateTime:
    offset = moment.utcoffset()
    seconds = int(offset.total_seconds()) if offset is not None else 0
    return QDateTime(
        QDate(moment.year, moment.month, moment.day),
        QTime(moment.hour, moment.minute, moment.second),
        QTimeZone.fromSecondsAheadOfUtc(seconds),
    )


def parse_amount(typed: str, currency: str) -> Money | None:
    """An amount as typed ("20", "20,50", "1 250.00"); None when it is not one. Empty is 0."""
    cleaned = typed.strip().replace(" ", "").replace(",", ".")
    if not cleaned:
        return Money.zero(currency)
    try:
        return Money.of(cleaned, currency)
    except DomainError:
        return None


def date_time(moment: datetime) -> str:
    """A performance's date and time as the venue's wall clock shows it."""
    day = locale().toString(
        QDate(moment.year, moment.month, moment.day), QLocale.FormatType.LongFormat
    )
    return f"{day}, {time_of_day(moment)}"


def day(moment: datetime) -> str:
    """The date of ``moment`` on the till's own clock (a card's last valid day)."""
    local = moment.astimezone()
    return locale().toString(
        QDate(local.year, local.month, local.day), QLocale.FormatType.ShortFormat
    )


def short_date_time(moment: datetime) -> str:
    return locale().toString(_qdatetime(moment), "ddd dd/MM/yyyy HH:mm")


def time_of_day(moment: datetime, seconds: bool = False) -> str:
    """The wall-clock time of ``moment`` in its own time zone (convert it first)."""
    return locale().toString(_qdatetime(moment), "HH:mm:ss" if seconds else "HH:mm")


def duration(seconds: int) -> str:
    """A short wait for people: "45 s", "1 min 05 s"."""
    minutes, rest = divmod(max(0, seconds), 60)
    if not minutes:
        return QCoreApplication.translate("Formatting", "%1 s").replace("%1", str(rest))
    return (
        QCoreApplication.translate("Formatting", "%1 min %2 s")
        .replace("%1", str(minutes))
        .replace("%2", f"{rest:02d}")
    )


def device_text(detail: str) -> str:
    """What a device reports (a card terminal's prompt, a drawer's state), for people; the
    device's own words when it is not one we know."""
    known = {
        "insert card": QT_TRANSLATE_NOOP("DeviceText", "Insert card"),
        "please watch the PIN pad": QT_TRANSLATE_NOOP("DeviceText", "Enter PIN on the terminal"),
        "waiting for the card issuer": QT_TRANSLATE_NOOP(
            "DeviceText", "Waiting for the card issuer…"
        ),
        "please remove the card": QT_TRANSLATE_NOOP("DeviceText", "Remove card"),
        "please wait": QT_TRANSLATE_NOOP("DeviceText", "Please wait…"),
        "checking the terminal": QT_TRANSLATE_NOOP("DeviceText", "Checking with the terminal…"),
        "drawer open too long": QT_TRANSLATE_NOOP(
            "DeviceText", "The drawer has been open too long."
        ),
    }
    text = known.get(detail)
    return detail if text is None else QCoreApplication.translate("DeviceText", text)
