"""The house rules that tools can check: dependency contracts, lint, strict types on domain/."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# The tools run cold on a clean checkout (no mypy cache): more than the default per-test limit.
pytestmark = pytest.mark.timeout(600)

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)


def _tool(name: str) -> str:
    path = BIN / name
    if path.exists():
        return str(path)
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed; install the dev extra: pip install -e .[dev]")
    return found


def test_import_contracts_hold() -> None:
    result = _run(_tool("lint-imports"), "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_is_clean() -> None:
    result = _run(_tool("ruff"), "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_packages_are_strictly_typed() -> None:
    # Strict per pyproject.toml: domain, the use cases and the database behind their ports
    # (app.persistence.unit_of_work.as_port checks the seam), drivers, printing, plan files.
    result = _run(
        _tool("mypy"), "domain", "app/services", "app/persistence", "drivers", "printing",
        "planfiles", "sync", "server",
    )
    assert result.returncode == 0, result.stdout + result.stderr
