"""A cash drawer behind an ESC/POS receipt printer, on loopback TCP: ``ESC p`` opens it for a
while, ``DLE EOT 1`` answers the printer status with the drawer sensor in bit 2.

For tests and the demo (``sim://drawer``); ``python -m drivers.simulators.drawer``. The drawer
closes by itself after ``open_seconds`` (someone pushed it shut), or never when that is 0.
Only the bytes a drawer needs are understood; the rest is recorded and ignored.
Test double only.
"""

from __future__ import annotations

import argparse
import contextlib
import select
import socket
import threading
import time


class DrawerSimulator:
    def __init__(self, open_seconds: float = 3.0) -> None:
        self.open_seconds = open_seconds
        self.kicks: list[tuple[int, int, int]] = []  # (m, t1, t2) of each pulse
        self.received = bytearray()
        self._opened_at: float | None = None
        self._stop = threading.Event()
        self._server: socket.socket | None = None
        self._thread: threading.Thread | None = None

    @property
    def is_open(self) -> bool:
        if self._opened_at is None:
            return False
        if self.open_seconds and time.monotonic() - self._opened_at > self.open_seconds:
            self._opened_at = None
            return False
        return True

    def push_shut(self) -> None:
        self._opened_at = None

    def status_byte(self) -> int:
        return 0x12 | (0x04 if self.is_open else 0x00)

    def answer(self, data: bytes) -> bytes:
        """What the printer sends back for ``data``; also usable as a memory responder."""
        self.received += data
        replies = bytearray()
        buffer = bytes(self.received)
        consumed = 0
        index = 0
        while index < len(buffer):
            if buffer.startswith(b"\x1b\x70", index):
                if index + 5 > len(buffer):
                    break
                m, t1, t2 = buffer[index + 2 : index + 5]
                self.kicks.append((m, t1, t2))
                self._opened_at = time.monotonic()
                index += 5
            elif buffer.startswith(b"\x10\x04", index):
                if index + 3 > len(buffer):
                    break
                if buffer[index + 2] == 1:
                    replies.append(self.status_byte())
                else:
                    replies.append(0x12)
                index += 3
            else:
                index += 1
            consumed = index
        del self.received[:consumed]
        return bytes(replies)

    def start_tcp(self, host: str = "127.0.0.1", port: int = 0) -> tuple[str, int]:
        server = socket.create_server((host, port))
        server.settimeout(0.2)
        self._server = server
        self._thread = threading.Thread(target=self._serve, daemon=True, name="drawer-sim")
        self._thread.start()
        address = server.getsockname()
        return str(address[0]), int(address[1])

    def _serve(self) -> None:
        assert self._server is not None
        while not self._stop.is_set():
            try:
                connection, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with connection:
                while not self._stop.is_set():
                    ready, _, _ = select.select([connection], [], [], 0.2)
                    if not ready:
                        continue
                    try:
                        data = connection.recv(4096)
                    except OSError:
                        break
                    if not data:
                        break
                    reply = self.answer(data)
                    if reply:
                        with contextlib.suppress(OSError):
                            connection.sendall(reply)

    def stop(self) -> None:
        self._stop.set()
        if self._server is not None:
            self._server.close()
        if self._thread is not None:
            self._thread.join(timeout=2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="A printer's cash drawer on TCP.")
    parser.add_argument("--port", type=int, default=9101)
    parser.add_argument("--open-seconds", type=float, default=5.0)
    args = parser.parse_args(argv)
    simulator = DrawerSimulator(args.open_seconds)
    host, port = simulator.start_tcp(port=args.port)
    print(f"drawer (behind an ESC/POS printer) on tcp://{host}:{port}", flush=True)
    try:
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        simulator.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
