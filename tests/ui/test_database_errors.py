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
