"""A Boca FGL46 ticket printer on loopback TCP or a pseudo-terminal, for tests and the demo.

Like the real printer it serves one TCP client at a time (a second one is dropped at once),
prints each ticket on ``<p>`` (to PNG, through `printing.replay_fgl`) and then sends ``06``,
answers ``<S1>`` with ``11`` only when ready (nothing when busy or in error), ``<S2>`` with a
ticket count and PROM version, and sends status changes once, unsolicited (``10`` out of paper,
``18`` jam). It counts flash-writing lower-case commands, which our tickets must never send.

    python -m drivers.simulators.fgl --port 9100 --out /tmp/tickets [--pty]
"""

from __future__ import annotations

import argparse
import threading
import time
from pathlib import Path
from typing import Any

from drivers.simulators.printer_server import FaultScript, PageStore, SimulatedPrinter
from printing.replay_fgl import FglReplay

ACK_PRINTED = b"\x06"
READY = b"\x11"
OUT_OF_PAPER = b"\x10"
PAPER_JAM = b"\x18"
PROM = b"FGL46G42"


class FglMachine:
    kind = "fgl"

    def __init__(self, script: FaultScript | None = None, pages: PageStore | None = None) -> None:
        self.script = script or FaultScript()
        self.store = pages if pages is not None else PageStore("fgl")
        self.replay = FglReplay()
        self.paper_out = self.script.paper_out_after == 0 and not self.script.paper_out_mid_job
        self.jammed = False
        self.printed = 0
        self.total_count = 4616  # the printer's lifetime counter, as <S2> reports it
        self._lock = threading.Lock()

    @property
    def ready(self) -> bool:
        return not (self.paper_out or self.jammed or self.script.cover_open)

    def on_connect(self) -> bytes:
        # Simulation choice: a ticket half received on a lost connection is dropped, so the
        # next client starts clean (whether a real Boca keeps it is unconfirmed; the driver
        # leaves such a job UNKNOWN either way).
        with self._lock:
            self.replay = FglReplay()
        return b""

    @property
    def flash_writes(self) -> list[bytes]:
        return self.replay.flash_writes

    def receive(self, data: bytes) -> bytes:
        with self._lock:
            if not self.ready:
                # in error the printer takes nothing and answers nothing, not even <S1>
                return b""
            return self._feed(data)

    def _feed(self, data: bytes) -> bytes:
        replies = bytearray()
        if (
            self.script.paper_out_mid_job
            and self.script.paper_out_after is not None
            and self.printed >= self.script.paper_out_after
            and b"<p>" in data
        ):
            self.paper_out = True
            self.replay = FglReplay()  # half a ticket in the printer, never finished
            return OUT_OF_PAPER
        for event in self.replay.feed(data):
            if event.kind == "status":
                replies += READY if self.ready else b""
            elif event.kind == "prom":
                replies += b"%07d PROM = %s\r" % (self.total_count, PROM)
            elif event.kind == "printed":
                replies += self._printed()
                if not self.ready:
                    break
        if self.script.garbage:
            return b"\x7e\xa5" * max(len(replies), 1)
        return bytes(replies)

    def _printed(self) -> bytes:
        jam = self.script.jam_after
        if jam is not None and self.printed >= jam:
            self.jammed = True
            self.replay.pages.clear()
            return PAPER_JAM
        if self.replay.pages:
            for page in self.replay.pages:
                self.store.add(page)
            self.replay.pages.clear()
        self.printed += 1
        self.total_count += 1
        answer = ACK_PRINTED
        limit = self.script.paper_out_after
        if limit is not None and self.printed >= limit and not self.script.paper_out_mid_job:
            self.paper_out = True
            answer += OUT_OF_PAPER  # sent once, on the change
        return answer

    def load_paper(self) -> bytes:
        with self._lock:
            self.paper_out = False
            self.jammed = False
            self.script.paper_out_after = None
            self.script.jam_after = None
            return READY


class FglSimulator(SimulatedPrinter):
    def __init__(
        self,
        script: FaultScript | None = None,
        output_dir: Path | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        super().__init__(FglMachine(script, PageStore("fgl", output_dir)), host, port)

    def load_paper(self) -> None:
        self.server.send_unsolicited(self.machine.load_paper())


def start(settings: dict[str, Any], options: dict[str, Any]) -> FglSimulator:
    script = FaultScript.from_settings(settings)
    folder = options.get("output_dir") or settings.get("output_dir")
    return FglSimulator(script, Path(folder) if folder else None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Simulated Boca FGL46 ticket printer")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9100)
    parser.add_argument("--out", type=Path, default=Path("printed-fgl"))
    parser.add_argument("--pty", action="store_true", help="also listen on a pseudo-terminal")
    parser.add_argument("--paper-out-after", type=int, default=None)
    parser.add_argument("--jam-after", type=int, default=None)
    parser.add_argument("--garbage", action="store_true")
    parser.add_argument("--drop-after-bytes", type=int, default=None)
    parser.add_argument(
        "--stream", type=lambda text: int(text, 0), default=None, help="send this byte without end"
    )
    args = parser.parse_args(argv)
    script = FaultScript(
        paper_out_after=args.paper_out_after,
        jam_after=args.jam_after,
        garbage=args.garbage,
        drop_after_bytes=args.drop_after_bytes,
        stream=args.stream,
    )
    simulator = FglSimulator(script, args.out, args.host, args.port)
    host, port = simulator.address
    print(f"FGL ticket printer on tcp://{host}:{port}, pictures in {args.out}", flush=True)
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
