"""`./scripts/demo`'s launcher (app.demo) without the windows: it starts the demo server,
writes each till's station and enrolls it with the server's code and CA — once."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _prepare(folder: Path, port: int) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "app.demo", "--prepare-only", "--tills", "2",
         "--data-dir", str(folder), "--port", str(port)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _status(folder: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "app.main", "--demo", "--data-dir", str(folder), "sync", "status"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    return done.stdout


@pytest.mark.timeout(240)
def test_the_demo_enrolls_two_tills_with_its_own_server_once(tmp_path: Path) -> None:
    port = _free_port()
    said = _prepare(tmp_path / "till", port)
    assert f"till G1 ({tmp_path / 'till'}): till G1 enrolled with https://localhost:{port}" in said
    assert "till G2" in said and "enrolled with" in said
    second = tmp_path / "till-till2"
    assert 'point_of_sale = "G2"' in (second / "station.toml").read_text("utf-8")
    assert f"https://localhost:{port} as G2" in _status(second)
    again = _prepare(tmp_path / "till", port)
    assert again.count("enrolled already") == 2


@pytest.mark.timeout(240)
def test_enter_on_the_demo_terminal_cuts_the_tills_off_the_server_and_back(
    tmp_path: Path,
) -> None:
    from app.demo import ServerSwitch, _port_open

    port = _free_port()
    _prepare(tmp_path / "till", port)
    switch = ServerSwitch(tmp_path / "till-server", port, 2, None)
    try:
        switch.follow(["\n"])  # Enter: the server comes up
        assert switch.process is not None and _port_open(port)
        assert "offline" in switch.toggle()  # Enter again: cut
        assert switch.process is None and not _port_open(port)
        assert "back" in switch.toggle()
        assert _port_open(port)
    finally:
        switch.stop()
    assert not _port_open(port)
