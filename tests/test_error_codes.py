"""One error root: every error Guichet raises on purpose descends from GuichetError and has its
own stable code, which the UI's error policy turns into a sentence."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import app.persistence
import app.services
import domain
import drivers
import planfiles
import printing
from domain.errors import GuichetError

PACKAGES = (domain, app.services, app.persistence, drivers, printing, planfiles)


def _all_subclasses(cls: type) -> set[type]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub, *_all_subclasses(sub)}
    return found


@pytest.fixture(scope="module")
def errors() -> list[type[GuichetError]]:
    importlib.import_module("app.config")
    for package in PACKAGES:
        for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if ".migrations" in module.name or module.name.endswith("__main__"):
                continue
            importlib.import_module(module.name)
    return sorted(_all_subclasses(GuichetError), key=lambda c: c.__module__ + c.__qualname__)


def test_every_error_has_its_own_code(errors: list[type[GuichetError]]) -> None:
    codes: dict[str, type] = {}
    for error in errors:
        assert error.error_code.isidentifier(), error
        assert error.error_code not in codes, (error, codes.get(error.error_code))
        codes[error.error_code] = error
    assert len(codes) > 40  # the domain's, the devices', printing's, plans', the database's


def test_the_roots_of_every_package_hang_under_the_one_root() -> None:
    from app.config import ConfigError
    from app.persistence import PersistenceError
    from app.persistence.database import MigrationError
    from drivers.errors import DeviceError
    from planfiles.errors import PlanError
    from printing.errors import LayoutError, RenderError

    for root in (ConfigError, PersistenceError, MigrationError, DeviceError, PlanError):
        assert issubclass(root, GuichetError)
    assert issubclass(RenderError, GuichetError) and issubclass(RenderError, ValueError)
    assert issubclass(LayoutError, GuichetError)
