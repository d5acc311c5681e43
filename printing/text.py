"""Text for paper: money and dates as the venue prints them, and any Unicode text folded into
what a printer's code page can hold.

Tickets are printed in the venue's language (a layout's ``language``), not in the language of
the cashier's screen, so this module has its own small tables and never asks Qt or the OS
locale. Folding never fails: characters a code page lacks become their closest plain form
("Œ" → "OE" on CP858, "—" → "-") or "?"; control characters are dropped so that text can never
smuggle a printer command into the byte stream.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from domain.money import Money, minor_exponent
from printing.errors import RenderError

# Closest printable forms of characters that Latin code pages often lack.
_FALLBACKS: dict[str, str] = {
    "Œ": "OE",
    "œ": "oe",
    "Æ": "AE",
    "æ": "ae",
    "ß": "ss",
    "—": "-",
    "–": "-",
    "‐": "-",
    "‑": "-",
    "−": "-",
    "‘": "'",
    "’": "'",
    "‚": ",",
    "“": '"',
    "”": '"',
    "„": '"',
    "«": '"',
    "»": '"',
    "‹": "<",
    "›": ">",
    "…": "...",
    "€": "EUR",
    "£": "GBP",
    "•": "*",
    "·": ".",
    "\u00a0": " ",  # no-break space
    "\u202f": " ",  # narrow no-break space (French before : ; ! ? and €)
    "\u2009": " ",
    "\u2007": " ",
    "\t": " ",
}

_CURRENCY_SIGNS = {"EUR": "€", "GBP": "£", "USD": "$", "CHF": "CHF"}

_MONTHS = {
    "fr": (
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    ),
    "de": (
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
        "September", "Oktober", "November", "Dezember",
    ),
}  # fmt: skip
_DAYS = {
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
}


def _is_control(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")


@lru_cache(maxsize=8192)
def _fold_char(char: str, codec: str) -> bytes:
    if _is_control(char):
        return b""
    try:
        return char.encode(codec)
    except UnicodeEncodeError:
        pass
    fallback = _FALLBACKS.get(char)
    if fallback is not None:
        return b"".join(_fold_char(c, codec) for c in fallback)
    decomposed = unicodedata.normalize("NFKD", char)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    if plain and plain != char:
        return b"".join(_fold_char(c, codec) for c in plain)
    return b"?"


def encode(text: str, codec: str, *, forbidden: str = "") -> bytes:
    """``text`` in ``codec``, folded where the code page lacks a character; line breaks and
    control characters dropped, characters in ``forbidden`` (a protocol's delimiters) replaced.
    """
    out = bytearray()
    for char in text:
        if char in forbidden:
            out += b"?"
        elif char < " " or char == "\x7f":
            continue  # C0 controls, including ESC, GS, DLE: never pass them through
        elif char.isascii():
            out += char.encode("ascii")
        else:
            out += _fold_char(char, codec)
    return bytes(out)


def fold(text: str, codec: str, *, forbidden: str = "") -> str:
    """What `encode` would print, as text again (for measuring and previews)."""
    return encode(text, codec, forbidden=forbidden).decode(codec)


def clean(text: str) -> str:
    """Text without control characters, for renderers that take Unicode (PDF, PNG)."""
    return "".join(c for c in text if c == " " or (not _is_control(c) and c >= " "))


# Printer command languages delimit barcode data with these (FGL: ^...^ and {...}, <...>):
# a value holding one would end the barcode early on one printer and not on another.
_RESERVED_IN_BARCODES = frozenset("{}^<>")


def barcode_value(value: str, *, field: str = "barcode") -> str:
    """A value every printer and every reader at the door can carry: printable ASCII, without
    the characters printer languages reserve. The same answer for every renderer."""
    if not value:
        raise RenderError("the barcode value is empty", field=field)
    if len(value) > 64:
        raise RenderError("the barcode value is longer than 64 characters", field=field)
    bad = sorted({c for c in value if not (" " <= c <= "~") or c in _RESERVED_IN_BARCODES})
    if bad:
        shown = ", ".join(repr(c) for c in bad[:5])
        raise RenderError(
            f"the barcode value may hold only printable ASCII characters other than "
            f"{{ }} ^ < >, not {shown}",
            field=field,
        )
    return value


def money(amount: Money, language: str = "fr") -> str:
    """ "12,50 €" (fr, de) or "€12.50" (en); exact digits, never through a float."""
    digits = minor_exponent(amount.currency)
    whole, fraction = divmod(abs(amount.minor), 10**digits)
    sign = "-" if amount.minor < 0 else ""
    symbol = _CURRENCY_SIGNS.get(amount.currency, amount.currency)
    if language == "en":
        number = f"{whole:,}" + (f".{fraction:0{digits}d}" if digits else "")
        return f"{sign}{symbol}{number}"
    number = f"{whole:,}".replace(",", ".") if language == "de" else f"{whole:,}".replace(",", " ")
    if digits:
        number += f",{fraction:0{digits}d}"
    return f"{sign}{number} {symbol}"


def local(moment: datetime, timezone: str) -> datetime:
    if moment.tzinfo is None:
        raise RenderError("a printed moment must be timezone-aware")
    return moment.astimezone(ZoneInfo(timezone))


def date_long(moment: datetime, timezone: str, language: str = "fr") -> str:
    """ "samedi 14 mars 2026" in the venue's zone."""
    day = local(moment, timezone)
    lang = language if language in _MONTHS else "fr"
    weekday = _DAYS[lang][day.weekday()]
    month = _MONTHS[lang][day.month - 1]
    if lang == "en":
        return f"{weekday} {day.day} {month} {day.year}"
    if lang == "de":
        return f"{weekday}, {day.day}. {month} {day.year}"
    return f"{weekday} {day.day} {month} {day.year}"


def time_of_day(moment: datetime, timezone: str, language: str = "fr") -> str:
    day = local(moment, timezone)
    if language == "fr":
        return f"{day.hour:02d}h{day.minute:02d}"
    return f"{day.hour:02d}:{day.minute:02d}"


def date_short(moment: datetime, timezone: str) -> str:
    day = local(moment, timezone)
    return f"{day.day:02d}/{day.month:02d}/{day.year} {day.hour:02d}:{day.minute:02d}"
