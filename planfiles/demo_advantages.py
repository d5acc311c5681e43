"""The demo's promo code, single-use codes and contact (seed 004), shared by the demo till
(`app.services.demo`) and the demo server (`server.catalog.load_demo`).

- ``BIENVENUE``: a promo code, 10 % off a cart of at least €40.00;
- ``MERCI-0001`` … ``MERCI-0010``: single-use codes of €5.00 off, known in advance so the
  README can name them. A till on its own keeps them in its database; on the demo server they
  are the server's, so a code used on G1 is refused on G2;
- the contact Louise Marchand (``C0000001``), on the subscribers' list: 15 % off without a
  code, the gift beside her name in the cart.
"""

from __future__ import annotations

from domain.advantages import Advantage, Target, normalise_code
from domain.contacts import Contact
from domain.money import Money

EUR = "EUR"

DEMO_CONTACT = Contact(
    "C0000001", "Louise Marchand", "louise.marchand@example.org", "06 12 34 56 78"
)

DEMO_PROMO = Advantage(
    "DEMO-BIENVENUE",
    "Bienvenue −10 %",
    Target.PROMO,
    EUR,
    percent_bp=1000,
    access_code="BIENVENUE",
    minimum=Money.of("40.00", EUR),
)
DEMO_SINGLE_USE = Advantage(
    "DEMO-MERCI", "Merci −5 €", Target.SINGLE_USE, EUR, amount_off=Money.of("5.00", EUR)
)
DEMO_SUBSCRIBERS = Advantage(
    "DEMO-ABONNES",
    "Abonnés −15 %",
    Target.CONTACTS,
    EUR,
    percent_bp=1500,
    contacts=frozenset({DEMO_CONTACT.id}),
)
DEMO_ADVANTAGES = (DEMO_PROMO, DEMO_SINGLE_USE, DEMO_SUBSCRIBERS)

DEMO_CODE_BATCH = "demo"
# As printed for the customer; stored and looked up normalised (MERCI0001).
DEMO_CODES_PRINTED = tuple(f"MERCI-{n:04d}" for n in range(1, 11))
DEMO_CODES = tuple(normalise_code(code) for code in DEMO_CODES_PRINTED)
