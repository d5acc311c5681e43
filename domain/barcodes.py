"""Ticket barcodes: unguessable, and in characters every printer language takes. Shared by the
till (its sales, DUPLICATA reprints) and the server (orders placed on the web). Plain Python."""

from __future__ import annotations

import secrets
from collections.abc import Callable

BARCODE_BITS = 100  # 20 characters of base32: A–Z and 2–7, which every printer language takes
_BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"  # RFC 4648's alphabet


def new_barcode(random_bits: Callable[[int], int] = secrets.randbits) -> str:
    """An unguessable ticket barcode: 100 random bits as 20 base32 characters (5 bits each)."""
    value = random_bits(BARCODE_BITS)
    return "".join(_BASE32[(value >> (5 * (19 - i))) & 31] for i in range(20))
