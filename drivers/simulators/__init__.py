"""Simulated devices that speak the real protocols on loopback TCP and pseudo-terminals.

The demo and the tests drive them with the real drivers. `start_simulator` starts one in this
process (what ``sim://escpos`` and ``sim://fgl`` mean); each module also runs on its own:
``python -m drivers.simulators.escpos`` or ``… .fgl``. Never for production hardware.
"""

from __future__ import annotations

import importlib
from typing import Any

from drivers.errors import DeviceConfigError

_PRINTER_SIMULATORS = {"escpos": "drivers.simulators.escpos", "fgl": "drivers.simulators.fgl"}


def start_simulator(kind: str, settings: dict[str, Any], options: dict[str, Any]) -> Any:
    """A running simulator of ``kind`` with ``.address`` (host, port), ``.pages``, ``.stop()``."""
    try:
        module = importlib.import_module(_PRINTER_SIMULATORS[kind])
    except KeyError:
        known = ", ".join(sorted(_PRINTER_SIMULATORS))
        raise DeviceConfigError(f"no simulator named {kind!r} (known: {known})") from None
    return module.start(settings, options)
