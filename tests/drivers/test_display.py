"""Display bytes for both command sets, decoded by the simulator's 2×20 buffer."""

import pytest

from drivers.base import Role
from drivers.config import DeviceConfig
from drivers.display import DisplayCommands, LineDisplay, label_and_amount
from drivers.simulators.display import DisplayDecoder


def test_cd5220_bytes() -> None:
    data = DisplayCommands("cd5220").lines("HELLO", "WORLD")
    assert data == (
        b"\x1b\x51\x41" + b"HELLO".ljust(20) + b"\r" + b"\x1b\x51\x42" + b"WORLD".ljust(20) + b"\r"
    )


@pytest.mark.parametrize("command_set", ["cd5220", "epson"])
def test_the_decoder_shows_what_was_sent(command_set: str) -> None:
    commands = DisplayCommands(command_set)
    decoder = DisplayDecoder()
    decoder.feed(commands.initialise() + commands.lines("Cat 1 Full", "TOTAL 12,50 €"))
    assert decoder.lines() == ("Cat 1 Full".ljust(20), "TOTAL 12,50 €".ljust(20))
    decoder.feed(commands.clear())
    assert decoder.lines() == (" " * 20, " " * 20)


def test_euro_is_one_byte_in_cp858_and_lines_are_cut_to_width() -> None:
    data = DisplayCommands().lines("€" + "x" * 30, "")
    assert data[3] == 0xD5
    assert len(data) == 3 + 20 + 1 + 3 + 20 + 1


def test_label_and_amount() -> None:
    assert label_and_amount("TOTAL", "12,50 €") == "TOTAL        12,50 €"
    assert len(label_and_amount("A very long item name", "9,00 €")) == 20
    assert label_and_amount("A very long item name", "9,00 €").endswith(" 9,00 €")


def test_the_driver_writes_to_the_simulated_display() -> None:
    display = LineDisplay(
        DeviceConfig(
            "display", Role.LINE_DISPLAY, "display", "sim://display", {"behind_printer": True}
        )
    )
    display.open()
    display.claim()
    display.enable()
    try:
        display.show_change("20,00 €", "7,50 €")
        import time

        deadline = time.monotonic() + 2
        while time.monotonic() < deadline and display.simulator.lines()[1].strip() == "":
            time.sleep(0.02)
        assert display.simulator.lines() == (
            label_and_amount("GIVEN", "20,00 €"),
            label_and_amount("CHANGE", "7,50 €"),
        )
        last = display.wire.records()[-1].data
        assert last.startswith(b"\x1b\x3d\x02") and last.endswith(b"\x1b\x3d\x01")
    finally:
        display.close()
