"""Each driver names the options it reads; anything else in station.toml is refused with the
option and the ones the driver knows, never silently a default."""

from __future__ import annotations

import inspect
import re

import pytest

from app.config import demo_devices
from app.services.devices import station_configs
from drivers import registry
from drivers.base import Device, Role
from drivers.config import DeviceConfig
from drivers.errors import DeviceConfigError

# How the drivers read an option: options.get("name", ...) or _option(options, "name", ...).
_READS = re.compile(r"""options(?:\.get\(|\[|,\s*)\s*["']([a-z_]+)["']""")


def _classes() -> list[type[Device]]:
    return [registry.driver_class(name) for name in registry.driver_names()]  # type: ignore[misc]


@pytest.mark.parametrize("cls", _classes(), ids=lambda c: c.__name__)
def test_every_option_a_driver_reads_is_declared(cls: type[Device]) -> None:
    read: set[str] = set()
    for klass in cls.__mro__:
        if klass.__module__.startswith("drivers."):
            read |= set(_READS.findall(inspect.getsource(klass)))
    simulators = {"output_dir"}  # read by the in-process simulators behind sim://
    missing = sorted((read - simulators) - cls.OPTION_NAMES)
    assert not missing, f"{cls.__name__} reads undeclared options {missing}"


def test_a_misspelt_option_is_refused_naming_it() -> None:
    config = DeviceConfig("card", Role.PAYMENT_TERMINAL, "zvt", "sim://zvt", {"answer_timout": 60})
    with pytest.raises(DeviceConfigError) as caught:
        registry.create(config)
    assert "unknown option 'answer_timout' for driver 'zvt'" in str(caught.value)
    assert "answer_timeout" in str(caught.value)  # the one meant is among those it knows


def test_the_demo_station_uses_only_known_options() -> None:
    for config in station_configs(demo_devices()):
        device = registry.create(config)
        assert device.name == config.name
