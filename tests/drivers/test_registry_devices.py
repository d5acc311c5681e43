"""The registry knows the device drivers and imports each only when it is used."""

import sys

import pytest

from drivers import registry
from drivers.base import Role
from drivers.config import DeviceConfig
from drivers.errors import DeviceConfigError


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("zvt", Role.PAYMENT_TERMINAL),
        ("drawer-escpos", Role.CASH_DRAWER),
        ("drawer-serial", Role.CASH_DRAWER),
        ("display", Role.LINE_DISPLAY),
        ("scanner-serial", Role.SCANNER),
        ("scanner-wedge", Role.SCANNER),
    ],
)
def test_each_device_driver_is_registered_for_its_role(name: str, role: Role) -> None:
    assert registry.driver_class(name).role is role


def test_a_role_mismatch_is_a_configuration_error() -> None:
    with pytest.raises(DeviceConfigError, match="not a cash_drawer"):
        registry.create(DeviceConfig("x", Role.CASH_DRAWER, "display", "sim://display"))


def test_drivers_are_imported_lazily() -> None:
    sys.modules.pop("drivers.display", None)
    registry.driver_names()
    assert "drivers.display" not in sys.modules
