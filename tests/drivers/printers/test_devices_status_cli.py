"""``guichet devices status`` asks each printer for its status, and ends on a printer whose
line streams without end (the simulator's ``stream`` fault) instead of hanging."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import run_cli

STATION = """\
[devices.boca]
role = "ticket_printer"
driver = "fgl"
uri = "sim://fgl?stream=17"

[devices.spare]
role = "ticket_printer"
driver = "fgl"
uri = "sim://fgl?paper_out_after=0"

[devices.receipts]
role = "receipt_printer"
driver = "escpos"
uri = "sim://escpos"
"""


def test_devices_status_reads_the_printers_and_ends_on_a_streaming_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "station.toml").write_text(STATION, encoding="utf-8")
    assert run_cli(["--data-dir", str(tmp_path), "devices", "status"]) == 1
    lines = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert " error " in lines["boca"] and "keeps sending" in lines["boca"]
    # connected, but out of paper: only its status says so
    assert " error " in lines["spare"] and "no answer" in lines["spare"]
    assert " idle " in lines["receipts"] and "ready" in lines["receipts"]
