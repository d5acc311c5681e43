"""Where the till keeps its files and how the station is set up (station.toml).

Reads and writes files; imports no Qt. The demo's first start (`guichet --demo`) writes a
station.toml with the demo's simulated devices and `demo = true`; a real station's station.toml
is written by its technician (see README), and a start without one is refused with the way out.
Every key is checked against resources/schemas/station.schema.json: a misspelt key is an error.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import jsonschema
import platformdirs

from domain.errors import GuichetError
from resources import resource_path

DATABASE_NAME = "guichet.sqlite3"
STATION_FILE = "station.toml"
LANGUAGES = ("en", "fr", "de")

DEFAULT_STATION = """\
# Guichet station settings. Restart the client after editing.

[station]
# The embedded demo: its catalog, venues and operators are loaded into a new database.
demo = true
# The point of sale this till is (its code in the catalog).
point_of_sale = "G1"
# Time zone of the box office: days in the performance list are counted in it.
timezone = "Europe/Paris"
# Language of the screens until an operator picks one at login: en, fr or de.
language = "en"

[session]
# Lock the till after this many minutes without a key press or a click (0: never).
idle_lock_minutes = 5

[sale]
# The receipt after a sale: "on_request" (France: printed only when the customer asks,
# one key) or "always".
receipt = "on_request"
# A refund or cancellation above this amount needs a supervisor's PIN ("" : never).
refund_approval_above = "100.00"

# The devices of this station. The demo's are simulators (sim://) that speak the real
# protocols; a real station gives tcp://host:port, serial:///dev/ttyUSB0?baudrate=9600 or
# usb://0xVVVV:0xPPPP instead. `guichet devices discover` suggests drivers for what it finds.

[devices.tickets]
role = "ticket_printer"
driver = "fgl"
uri = "sim://fgl"
[devices.tickets.options]
model = "FGL46"

[devices.receipts]
role = "receipt_printer"
driver = "escpos"
uri = "sim://escpos"
[devices.receipts.options]
model = "TM-T88V"
reports = true

[devices.card]
role = "payment_terminal"
driver = "zvt"
uri = "sim://zvt?card_delay=1&pin_delay=1&host_delay=0.5"
[devices.card.options]
password = "000000"
answer_timeout = 60

[devices.drawer]                  # on the receipt printer's drawer port
role = "cash_drawer"
driver = "drawer-escpos"
uri = "printer://receipts"

[devices.display]
role = "line_display"
driver = "display"
uri = "sim://display"

[devices.scanner]
role = "scanner"
driver = "scanner-serial"
uri = "sim://scanner"
"""


class ConfigError(GuichetError):
    """station.toml cannot be read or holds a value out of range."""


class NoStationFile(ConfigError):
    """A start outside the demo, in a data folder without station.toml."""


@dataclass(frozen=True, slots=True)
class StationConfig:
    data_dir: Path
    point_of_sale: str = "G1"
    language: str = "en"
    idle_lock_minutes: float = 5.0
    timezone: str = "Europe/Paris"
    devices: Mapping[str, Any] = field(default_factory=dict)  # the [devices] table, unparsed
    demo: bool = False  # load the embedded demo into a new database
    receipt_always: bool = False  # print each sale's receipt, not only on request
    # Refunds above this amount ("100.00", in the till's currency) need a supervisor's PIN.
    refund_approval_above: str | None = "100.00"

    @property
    def database_path(self) -> Path:
        return self.data_dir / DATABASE_NAME


def demo_devices() -> dict[str, Any]:
    """The demo station's [devices]: every role on a simulator that speaks the real protocol,
    from the demo's station.toml, so there is one demo configuration."""
    devices: dict[str, Any] = tomllib.loads(DEFAULT_STATION)["devices"]
    return devices


def default_data_dir(demo: bool = False) -> Path:
    """The user's data folder; the demo keeps its own beside it, never mixed with a real till."""
    base = Path(platformdirs.user_data_dir("Guichet", appauthor=False))
    return base / "demo" if demo else base


def load_station(data_dir: Path | None = None, *, demo: bool = False) -> StationConfig:
    """Read ``station.toml`` from the data folder. With ``demo``, the first start writes the
    demo's; without it, a missing file is `NoStationFile`, and a demo is never loaded into a
    station whose file says it is not one."""
    folder = (data_dir or default_data_dir(demo)).expanduser().resolve()
    path = folder / STATION_FILE
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            if not demo:
                raise NoStationFile(
                    f"{path} does not exist. Start the demo with `guichet --demo`, or write "
                    "this till's station.toml (see the README's Devices section)."
                )
            path.write_text(DEFAULT_STATION, encoding="utf-8")
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    _check_schema(path, data)
    station = data.get("station", {})
    session = data.get("session", {})
    sale = data.get("sale", {})
    language = str(station.get("language", "en"))
    if language not in LANGUAGES:
        raise ConfigError(f"{path}: language must be one of {', '.join(LANGUAGES)}")
    idle = session.get("idle_lock_minutes", 5)
    if not isinstance(idle, int | float) or isinstance(idle, bool) or idle < 0:
        raise ConfigError(f"{path}: idle_lock_minutes must be a number of minutes, 0 or more")
    timezone = str(station.get("timezone", "Europe/Paris"))
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(f"{path}: unknown time zone {timezone!r}") from exc
    devices = data.get("devices", {})
    if not isinstance(devices, dict):
        raise ConfigError(f"{path}: [devices] must be a table of devices")
    is_demo = station.get("demo", False)
    if demo and not is_demo:
        raise ConfigError(
            f"{path}: this station is not a demo station (demo = false); start it without --demo"
        )
    return StationConfig(
        demo=bool(is_demo),
        devices=devices,
        timezone=timezone,
        data_dir=folder,
        point_of_sale=str(station.get("point_of_sale", "G1")),
        language=language,
        idle_lock_minutes=float(idle),
        receipt_always=sale.get("receipt", "on_request") == "always",
        refund_approval_above=str(sale.get("refund_approval_above", "100.00")) or None,
    )


def _check_schema(path: Path, data: dict[str, Any]) -> None:
    schema = json.loads(resource_path("schemas", "station.schema.json").read_text("utf-8"))
    errors = sorted(
        jsonschema.Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.path)
    )
    if errors:
        first = errors[0]
        where = ".".join(str(p) for p in first.absolute_path) or "the top level"
        raise ConfigError(f"{path}: {where}: {first.message}")
