"""A two-line customer display on a pseudo-terminal: it decodes CD5220 and Epson DM-D bytes
into a 2×20 character buffer, the way the glass would show them.

For tests, the demo (``sim://display``) and ``python -m drivers.simulators.display``.
Unknown bytes are ignored, as a real display ignores them. Test double only.
"""

from __future__ import annotations

import contextlib
import os
import select
import threading
import time


class DisplayDecoder:
    """Feeds bytes into a ``rows`` × ``width`` buffer."""

    def __init__(self, width: int = 20, rows: int = 2, encoding: str = "cp858") -> None:
        self.width = width
        self.rows = rows
        self.encoding = encoding
        self.buffer = [[" "] * width for _ in range(rows)]
        self.row = 0
        self.column = 0
        self._pending = bytearray()
        self._line_mode: int | None = None  # CD5220 ESC Q A/B: the line being replaced
        self._line_text = bytearray()

    def lines(self) -> tuple[str, ...]:
        return tuple("".join(row) for row in self.buffer)

    def _clear(self) -> None:
        self.buffer = [[" "] * self.width for _ in range(self.rows)]
        self.row = self.column = 0

    def _put(self, byte: int) -> None:
        if self.row >= self.rows:
            return
        char = bytes([byte]).decode(self.encoding, "replace")
        if self.column < self.width:
            self.buffer[self.row][self.column] = char
        self.column += 1
        if self.column >= self.width and self.row < self.rows - 1:
            self.row += 1
            self.column = 0

    def feed(self, data: bytes) -> None:
        self._pending += data
        while self._pending:
            used = self._step(bytes(self._pending))
            if used == 0:
                return  # an escape sequence is incomplete: wait for more
            del self._pending[:used]

    def _step(self, data: bytes) -> int:
        byte = data[0]
        if self._line_mode is not None:
            if byte == 0x0D:
                text = self._line_text.decode(self.encoding, "replace")[: self.width]
                self.buffer[self._line_mode] = list(text.ljust(self.width))
                self._line_mode = None
                self._line_text.clear()
            else:
                self._line_text.append(byte)
            return 1
        if byte == 0x1B:
            if len(data) < 2:
                return 0
            if data[1] == 0x40:  # initialise
                self._clear()
                return 2
            if data[1] == 0x51:  # CD5220 ESC Q A|B text CR
                if len(data) < 3:
                    return 0
                self._line_mode = 0 if data[2] == 0x41 else 1
                return 3
            if data[1] == 0x3D:  # ESC = n: select the peripheral
                return 3 if len(data) >= 3 else 0
            return 2
        if byte == 0x1F:
            if len(data) < 2:
                return 0
            if data[1] == 0x24:  # US $ x y: cursor (1-based)
                if len(data) < 4:
                    return 0
                self.column = max(0, min(self.width - 1, data[2] - 1))
                self.row = max(0, min(self.rows - 1, data[3] - 1))
                return 4
            return 3 if len(data) >= 3 else 0
        if byte == 0x0C:
            self._clear()
        elif byte == 0x0B:
            self.row = self.column = 0
        elif byte == 0x0D:
            self.column = 0
        elif byte == 0x0A:
            self.row = min(self.rows - 1, self.row + 1)
        elif byte >= 0x20:
            self._put(byte)
        return 1


class DisplaySimulator:
    def __init__(self, width: int = 20, encoding: str = "cp858") -> None:
        self.decoder = DisplayDecoder(width, 2, encoding)
        self._stop = threading.Event()
        self._fds: tuple[int, int] | None = None
        self._thread: threading.Thread | None = None
        self.path = ""

    def lines(self) -> tuple[str, ...]:
        return self.decoder.lines()

    def start_pty(self) -> str:
        import pty
        import tty

        master, slave = pty.openpty()
        tty.setraw(slave)
        tty.setraw(master)
        self._fds = (master, slave)
        self.path = os.ttyname(slave)
        self._thread = threading.Thread(target=self._serve, args=(master,), daemon=True)
        self._thread.start()
        return self.path

    def _serve(self, fd: int) -> None:
        while not self._stop.is_set():
            try:
                ready, _, _ = select.select([fd], [], [], 0.1)
                if ready:
                    self.decoder.feed(os.read(fd, 4096))
            except OSError:
                return

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
        if self._fds is not None:
            for fd in self._fds:
                with contextlib.suppress(OSError):
                    os.close(fd)


def main() -> int:
    simulator = DisplaySimulator()
    print(f"customer display on {simulator.start_pty()}", flush=True)
    shown: tuple[str, ...] = ()
    try:
        while True:
            if simulator.lines() != shown:
                shown = simulator.lines()
                print("+" + "-" * 20 + "+")
                for line in shown:
                    print("|" + line + "|")
                print("+" + "-" * 20 + "+", flush=True)
            time.sleep(0.2)
    except KeyboardInterrupt:
        simulator.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
