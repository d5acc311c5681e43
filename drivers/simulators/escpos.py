"""An ESC/POS receipt printer on loopback TCP or a pseudo-terminal, for tests and the demo.

It prints (to PNG, through `printing.replay_escpos`) what it receives, answers ``DLE EOT 1–4``
from its state the way an Epson TM-T88 does, answers ``GS r 1`` only after the data before it
was printed, and goes offline when its paper runs out or its cover opens: then it keeps the
job's remaining bytes unprinted and still answers the real-time status queries. Fault scripts:
see `FaultScript`.

    python -m drivers.simulators.escpos --port 9100 --out /tmp/receipts [--pty]
"""

from __future__ import annotations

import argparse
import threading
import time
from pathlib import Path
from typing import Any

from drivers.simulators.printer_server import FaultScript, PageStore, SimulatedPrinter
from printing.replay_escpos import EscPosReplay

_DLE_EOT = b"\x10\x04"


class EscPosMachine:
    kind = "escpos"

    def __init__(
        self, script: FaultScript | None = None, pages: PageStore | None = None, width: int = 512
    ) -> None:
        self.script = script or FaultScript(refuse_second_client=False)
        self.store = pages if pages is not None else PageStore("escpos")
        self.replay = EscPosReplay(width=width)
        self.paper_out = self.script.paper_out_after == 0 and not self.script.paper_out_mid_job
        self.paper_near_end = False
        self.cover_open = self.script.cover_open
        self.drawer_kicks = 0
        self.drawer_open_seconds = 3.0  # then someone pushes it shut
        self._drawer_opened_at: float | None = None
        self.printed = 0
        self._held = bytearray()  # what arrived while offline: printed once it is back
        self._lock = threading.Lock()

    @property
    def drawer_high(self) -> bool:
        opened = self._drawer_opened_at
        return opened is not None and time.monotonic() - opened < self.drawer_open_seconds

    @property
    def offline(self) -> bool:
        return self.paper_out or self.cover_open

    def on_connect(self) -> bytes:
        return b""

    # --- status bytes as a TM-T88 sends them ---------------------------------------------

    def status_byte(self, n: int) -> int:
        if self.script.garbage:
            return 0xFF
        byte = 0x12
        if n == 1:
            byte |= 0x08 if self.offline else 0
            byte |= 0x04 if self.drawer_high else 0
        elif n == 2:
            byte |= 0x04 if self.cover_open else 0
            byte |= 0x20 if self.paper_out else 0
        elif n == 4:
            byte |= 0x0C if self.paper_near_end else 0
            byte |= 0x60 if self.paper_out else 0
        return byte

    def sensor_byte(self) -> int:
        if self.script.garbage:
            return 0xFF
        return (0x03 if self.paper_near_end else 0) | (0x0C if self.paper_out else 0)

    # --- receiving ------------------------------------------------------------------------

    def receive(self, data: bytes) -> bytes:
        with self._lock:
            if self.offline:
                return self._held_data(data)
            return self._process(data)

    def _held_data(self, data: bytes) -> bytes:
        """Offline: nothing prints, but DLE EOT is real-time and is answered at once. A
        ``GS r`` with nothing unprinted before it (the job ended as the paper did) is
        answered too: everything before it was processed."""
        replies = bytearray()
        while not self._held and data[:2] == b"\x1dr" and len(data) >= 3:
            replies.append(self.sensor_byte())
            data = data[3:]
        self._held += data
        start = 0
        while True:
            index = self._held.find(_DLE_EOT, start)
            if index < 0 or index + 2 >= len(self._held):
                break
            replies.append(self.status_byte(self._held[index + 2]))
            del self._held[index : index + 3]
            start = index
        return bytes(replies)

    def _process(self, data: bytes) -> bytes:
        if (
            self.script.paper_out_mid_job
            and self.script.paper_out_after is not None
            and self.printed >= self.script.paper_out_after
            and len(data) > 64
        ):
            half = len(data) // 2
            self._feed(data[:half])
            self.paper_out = True
            self.replay.finish()  # half a receipt stays in the printer, unprinted
            return self._held_data(data[half:])
        return self._feed(data)

    def _feed(self, data: bytes) -> bytes:
        replies = bytearray()
        for event in self.replay.feed(data):
            if event.kind == "status":
                replies.append(self.status_byte(event.value))
            elif event.kind == "sensor":  # the data before it was processed: answer
                replies.append(self.sensor_byte())
            elif event.kind == "drawer":
                self.drawer_kicks += 1
                self._drawer_opened_at = time.monotonic()
            elif event.kind == "cut":
                self._printed_page()
        return bytes(replies)

    def _printed_page(self) -> None:
        if self.replay.pages:
            self.store.add(self.replay.pages.pop())
        self.printed += 1
        limit = self.script.paper_out_after
        if limit is not None and self.printed >= limit and not self.script.paper_out_mid_job:
            self.paper_out = True

    # --- what a person does at the printer -----------------------------------------------

    def load_paper(self) -> None:
        with self._lock:
            self.paper_out = False
            self.script.paper_out_after = None
            held, self._held = bytes(self._held), bytearray()
            if held:
                self._feed(held)

    def close_cover(self) -> None:
        with self._lock:
            self.cover_open = False


class EscPosSimulator(SimulatedPrinter):
    """An `EscPosMachine` served on loopback TCP (and a pty on request)."""

    def __init__(
        self,
        script: FaultScript | None = None,
        output_dir: Path | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        super().__init__(EscPosMachine(script, PageStore("escpos", output_dir)), host, port)


def start(settings: dict[str, Any], options: dict[str, Any]) -> EscPosSimulator:
    script = FaultScript.from_settings({"refuse_second_client": False, **settings})
    folder = options.get("output_dir") or settings.get("output_dir")
    return EscPosSimulator(script, Path(folder) if folder else None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Simulated ESC/POS receipt printer")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9100)
    parser.add_argument("--out", type=Path, default=Path("printed-escpos"))
    parser.add_argument("--pty", action="store_true", help="also listen on a pseudo-terminal")
    parser.add_argument("--paper-out-after", type=int, default=None)
    parser.add_argument("--cover-open", action="store_true")
    parser.add_argument("--garbage", action="store_true")
    parser.add_argument("--drop-after-bytes", type=int, default=None)
    args = parser.parse_args(argv)
    script = FaultScript(
        paper_out_after=args.paper_out_after,
        cover_open=args.cover_open,
        garbage=args.garbage,
        drop_after_bytes=args.drop_after_bytes,
        refuse_second_client=False,
    )
    simulator = EscPosSimulator(script, args.out, args.host, args.port)
    host, port = simulator.address
    print(f"ESC/POS printer on tcp://{host}:{port}, pictures in {args.out}", flush=True)
    if args.pty:
        print(f"and on serial://{simulator.serve_pty()}", flush=True)
    try:
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        simulator.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
