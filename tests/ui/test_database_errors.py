"""The error policy tells the person at the screen what is wrong with the till's database and
what to do, in their language, never the generic "something went wrong"."""

from __future__ import annotations

import pytest

from app.persistence.errors import DatabaseUnavailable
from app.ui.errors import message_for
from app.ui.translation import set_language

GENERIC = "Something went wrong"


@pytest.mark.parametrize("kind", DatabaseUnavailable.__subclasses__())
def test_each_database_fault_has_its_own_sentence(kind: type[DatabaseUnavailable]) -> None:
    text = message_for(kind("/data/guichet.sqlite3", "detail for the log"))
    assert "/data/guichet.sqlite3" in text
    assert GENERIC not in text


def test_the_sentences_are_translated(qapp: object) -> None:
    from app.persistence.errors import DatabaseFull

    try:
        set_language("fr")
        french = message_for(DatabaseFull("/d/g.sqlite3"))
        set_language("de")
        german = message_for(DatabaseFull("/d/g.sqlite3"))
    finally:
        set_language("en")
    english = message_for(DatabaseFull("/d/g.sqlite3"))
    assert len({english, french, german}) == 3


def test_a_payment_the_till_could_not_record_is_never_said_unchanged(qapp: object) -> None:
    from app.services.payments import PaymentNotRecorded
    from drivers.payment import PaymentOutcome, PaymentResult

    approved = PaymentResult("p1", PaymentOutcome.APPROVED, "approved")
    text = message_for(PaymentNotRecorded("p1", approved, OSError("disk full")))
    assert text.startswith("The terminal approved the payment.")
    assert "Do not charge the card again" in text and "Nothing was changed" not in text
    unknown = message_for(PaymentNotRecorded("p2", None, OSError("disk full")))
    assert unknown.startswith("What the terminal did is not known.")
