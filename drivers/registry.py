"""The one registry of drivers: a driver name maps to its class, imported only when used.

Add a driver with one line in ``_DRIVERS``: ``"name": "package.module:ClassName"``. A driver
class takes ``(config: DeviceConfig)`` and subclasses `drivers.base.Device`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from drivers.base import Device
from drivers.config import DeviceConfig
from drivers.errors import DeviceConfigError

_DRIVERS: dict[str, str] = {
    "zvt": "drivers.zvt.terminal:ZvtTerminal",
    "drawer-escpos": "drivers.drawer:EscPosDrawer",
    "drawer-serial": "drivers.drawer:SerialDrawer",
    "display": "drivers.display:LineDisplay",
    "scanner-serial": "drivers.scanner:SerialScanner",
    "scanner-wedge": "drivers.scanner:WedgeScanner",
    "escpos": "drivers.printers.escpos:EscPosPrinter",
    "escpos-tickets": "drivers.printers.escpos:EscPosTicketPrinter",
    "fgl": "drivers.printers.fgl:FglPrinter",
    "escpos-simulated": "drivers.printers.escpos:SimulatedEscPosPrinter",
    "fgl-simulated": "drivers.printers.fgl:SimulatedFglPrinter",
}


def driver_names() -> list[str]:
    return sorted(_DRIVERS)


DriverClass = Callable[[DeviceConfig], Device]


def driver_class(name: str) -> DriverClass:
    try:
        target = _DRIVERS[name]
    except KeyError:
        known = ", ".join(driver_names()) or "none"
        raise DeviceConfigError(f"unknown driver {name!r} (known: {known})") from None
    module_name, _, class_name = target.partition(":")
    cls: DriverClass = getattr(importlib.import_module(module_name), class_name)
    return cls


def create(config: DeviceConfig) -> Device:
    """A closed device for this configuration; open/claim/enable it on its own thread.
    An option the driver does not know (a misspelling) is a `DeviceConfigError`."""
    cls = driver_class(config.driver)
    known: frozenset[str] = getattr(cls, "OPTION_NAMES", frozenset())
    unknown = sorted(set(config.options) - known)
    if unknown:
        raise DeviceConfigError(
            f"devices.{config.name}.options: unknown option {unknown[0]!r} for driver "
            f"{config.driver!r} (it knows: {', '.join(sorted(known)) or 'none'})",
            device=config.name,
        )
    device = cls(config)
    if device.role is not config.role:
        raise DeviceConfigError(
            f"driver {config.driver!r} drives a {device.role.value}, not a {config.role.value}",
            device=config.name,
        )
    return device
