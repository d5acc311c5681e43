"""Contacts at the counter (GDPR: only what the sale needs) and their erasure."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.contacts import ContactErased, ContactInvalid, erase, matches, new_contact
from tests.fakes import PINNED_MOMENT


def test_a_contact_needs_a_name_and_a_valid_email_or_phone_if_given() -> None:
    made = new_contact("K1", "  Blanche Dainville ", "Blanche@Jeica.CH", "+41 22 555 01 02")
    assert (made.name, made.email, made.phone) == ("Blanche Dainville", "blanche@jeica.ch",
                                                   "+41 22 555 01 02")  # fmt: skip
    for fields, bad in [(("",), "name"), (("A", "not-an-email"), "email"),
                        (("A", "", "call me"), "phone")]:  # fmt: skip
        with pytest.raises(ContactInvalid) as refused:
            new_contact("K2", *fields)
        assert refused.value.field == bad


def test_one_field_finds_a_contact_by_name_company_email_phone_or_number() -> None:
    made = new_contact("K1", "Blanche Dainville", "b@jeica.ch", "022 555 01 02", "Jeica SA")
    for query in ("dainville", "JEICA", "b@jeica.ch", "5550102", "k1"):
        assert matches(made, query), query
    for query in ("", "durand", "b@jeica", "02"):
        assert not matches(made, query), query


@given(
    name=st.text(min_size=1, max_size=40).filter(str.strip),
    company=st.text(max_size=40),
)
def test_an_erased_contact_holds_no_personal_data_and_is_found_by_nothing(
    name: str, company: str
) -> None:
    made = new_contact("K1", name, "x@y.fr", "0102030405", company)
    erased = erase(made, PINNED_MOMENT)
    assert (erased.id, erased.erased_at) == ("K1", PINNED_MOMENT)
    assert (erased.name, erased.email, erased.phone, erased.company) == ("", "", "", "")
    assert not any(matches(erased, q) for q in (name, "x@y.fr", "0102030405", "K1"))
    with pytest.raises(ContactErased):
        erase(erased, PINNED_MOMENT)
