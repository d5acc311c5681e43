"""The one error policy: device and printing failures in words, naming the device."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.ui.errors import message_for
from drivers import errors as device_errors
from printing.errors import RenderError


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (
            device_errors.DeviceBusy("second client refused", device="tickets"),
            "tickets is used by another computer",
        ),
        (
            device_errors.DeviceUnavailable("USB unavailable", device="receipts"),
            "receipts cannot be reached: USB unavailable",
        ),
        (device_errors.DeviceTimeout("no answer", device="card"), "card did not answer in time"),
        (
            device_errors.DeviceFault("paper out", device="tickets"),
            "tickets needs attention: paper out",
        ),
        (
            device_errors.ProtocolError("status byte 0x7f", device="tickets"),
            "makes no sense: status byte 0x7f",
        ),
        (
            device_errors.DeviceConfigError("unknown driver 'x'"),
            "The device is not configured correctly",
        ),
        (RenderError("text too long"), "This cannot be printed: text too long"),
    ],
)
def test_device_errors_say_which_device_and_what_to_do(
    qtbot: QtBot, error: Exception, expected: str
) -> None:
    assert expected in message_for(error)


def test_unexpected_errors_get_the_calm_generic_message(qtbot: QtBot) -> None:
    text = message_for(KeyError("x"))
    assert text.startswith("Something went wrong and was logged.")
    # It cannot know what the failed step did (a drawer may have opened, a card been
    # charged): it never claims that nothing changed.
    assert "Nothing was changed" not in text and "Check the result" in text


def test_a_refused_pick_up_says_which_order_and_what_to_do(qtbot: QtBot) -> None:
    from datetime import UTC, datetime

    from app.services.pickups import NothingToPickUp, PickupNotInTraining
    from domain.money import Money
    from domain.pickups import AlreadyCollected, PickupCancelled, PickupOrder, PickupState

    order = PickupOrder(
        "W-000007", "sale", "WEB", "A B", datetime(2026, 12, 1, tzinfo=UTC), (),
        Money.of("1.00", "EUR"), PickupState.COLLECTED, "G2",
    )  # fmt: skip
    said = {
        type(e).__name__: message_for(e)
        for e in (
            AlreadyCollected(order),
            PickupCancelled(order),
            NothingToPickUp("W-000099"),
            PickupNotInTraining(),
        )
    }
    assert "W-000007 was picked up already" in said["AlreadyCollected"]
    assert "DUPLICATA" in said["AlreadyCollected"]
    assert "W-000007 was cancelled" in said["PickupCancelled"]
    assert "No order W-000099" in said["NothingToPickUp"]
    assert "Training mode is on" in said["PickupNotInTraining"]
    assert not any(text.startswith("This was refused") for text in said.values())


def test_a_pick_up_to_pay_here_refused_says_why_in_the_cashiers_language(qtbot: QtBot) -> None:
    from datetime import UTC, datetime

    from app.services.pickups import (
        PickupCardCharged,
        PickupCardDeclined,
        PickupCardNotTaken,
        PickupCardToSettle,
        PickupNotPrintable,
    )
    from app.ui.translation import set_language
    from domain.money import Money
    from domain.pickups import PickupCashShort, PickupNothingDue, PickupOrder

    order = PickupOrder(
        "P-000003", "sale", "PHONE", "Jean Martin", datetime(2026, 12, 1, tzinfo=UTC), (),
        Money.of("54.00", "EUR"), due=Money.of("54.00", "EUR"),
    )  # fmt: skip
    refusals = (
        PickupCashShort(order, Money.of("50.00", "EUR")),
        PickupNothingDue(order),
        PickupCardNotTaken(order),
        PickupCardDeclined(order, "limit exceeded"),
        PickupCardToSettle(order, "pay-1"),
        PickupCardCharged(order, Money.of("54.00", "EUR"), PickupNothingDue(order)),
        PickupNotPrintable("W-000001", 41, "P-ELSEWHERE"),
    )
    try:
        said = {type(e).__name__: message_for(e) for e in refusals}
        assert "P-000003" in said["PickupCashShort"] and "54.00" in said["PickupCashShort"]
        assert "50.00" in said["PickupCashShort"]
        assert "paid where it was placed" in said["PickupNothingDue"]
        assert "no card terminal" in said["PickupCardNotTaken"]
        assert "declined (limit exceeded)" in said["PickupCardDeclined"]
        assert "Do not charge the card again" in said["PickupCardToSettle"]
        charged = said["PickupCardCharged"]
        assert "54.00" in charged and "paid where it was placed" in charged  # and why
        assert "ticket 41 is for performance P-ELSEWHERE" in said["PickupNotPrintable"]
        assert not any(text.startswith("This was refused") for text in said.values())
        assert set_language("fr")
        french = {type(e).__name__: message_for(e) for e in refusals}
        assert "P-ELSEWHERE" in french["PickupNotPrintable"]
        for name, text in french.items():
            assert text != said[name], name  # translated, not the English
    finally:
        set_language("en")
