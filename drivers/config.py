"""The station's devices as station.toml describes them, and the demo's defaults.

```toml
[devices.tickets]                 # a logical name, unique per station
role = "ticket_printer"           # drivers.base.Role value
driver = "fgl"                    # a name in drivers.registry
uri = "tcp://127.0.0.1:9100"      # tcp://host:port, serial:///dev/ttyUSB0?baudrate=9600,
                                  # usb://0x04b8:0x0202, sim://<simulator> for the demo, or
                                  # printer://<name> for a drawer on that printer's port
[devices.tickets.options]         # driver-specific: code_page, model, drawer_pin, password...
model = "FGL46"
```
Parsing only: nothing here opens a device.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from drivers.base import Role
from drivers.errors import DeviceConfigError

SCHEMES = ("tcp", "serial", "usb", "sim", "loop", "socket", "printer")


@dataclass(frozen=True, slots=True)
class DeviceConfig:
    name: str
    role: Role
    driver: str
    uri: str
    options: Mapping[str, Any] = field(default_factory=dict)

    @property
    def scheme(self) -> str:
        return urlsplit(self.uri).scheme


def parse_devices(table: Mapping[str, Any]) -> list[DeviceConfig]:
    """The ``[devices]`` table of station.toml as configurations; DeviceConfigError names the
    device and the field at fault."""
    configs = []
    for name, entry in table.items():
        if not isinstance(entry, Mapping):
            raise DeviceConfigError(f"devices.{name} must be a table", device=name)
        try:
            role = Role(entry.get("role"))
        except ValueError:
            roles = ", ".join(r.value for r in Role)
            raise DeviceConfigError(
                f"devices.{name}.role must be one of: {roles}", device=name
            ) from None
        driver = entry.get("driver")
        uri = entry.get("uri", "")
        if not isinstance(driver, str) or not driver:
            raise DeviceConfigError(f"devices.{name}.driver is missing", device=name)
        if not isinstance(uri, str) or urlsplit(uri).scheme not in SCHEMES:
            raise DeviceConfigError(
                f"devices.{name}.uri must start with one of {', '.join(SCHEMES)}://",
                device=name,
            )
        options = entry.get("options", {})
        if not isinstance(options, Mapping):
            raise DeviceConfigError(f"devices.{name}.options must be a table", device=name)
        configs.append(DeviceConfig(name, role, driver, uri, dict(options)))
    return configs
