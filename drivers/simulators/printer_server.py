"""What the printer simulators share: a loopback TCP server (one client at a time, as Boca
printers), a pseudo-terminal endpoint, fault scripts, and the pictures of what was printed.

A simulator is a `PrinterMachine` (bytes in, reply bytes out, pages printed) served here. The
machine parses with the same replay code as the previews and answers status queries as the
real device does. Fault scripts make it misbehave on purpose: paper out after N tickets or
in the middle of one, cover open, jam, drop the connection mid-job, refuse a second client,
answer garbage, say nothing, or send one byte without end. For tests and the demo only: it
binds 127.0.0.1 by default.
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from PIL import Image

log = logging.getLogger(__name__)


@dataclass
class FaultScript:
    paper_out_after: int | None = None  # tickets printed before the paper runs out
    paper_out_mid_job: bool = False  # ... and then it runs out halfway through the next one
    cover_open: bool = False
    jam_after: int | None = None  # the ticket after this many jams
    drop_after_bytes: int | None = None  # close the connection once this many bytes arrived
    refuse_second_client: bool = True
    garbage: bool = False  # status replies and confirmations are noise
    silent: bool = False  # never answer anything
    stream: int | None = None  # send this byte without end, as a line that streams status

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> FaultScript:
        def number(key: str) -> int | None:
            value = settings.get(key)
            return None if value in (None, "") else int(value)

        def flag(key: str, default: bool = False) -> bool:
            value = settings.get(key, default)
            return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")

        return cls(
            paper_out_after=number("paper_out_after"),
            paper_out_mid_job=flag("paper_out_mid_job"),
            cover_open=flag("cover_open"),
            jam_after=number("jam_after"),
            drop_after_bytes=number("drop_after_bytes"),
            refuse_second_client=flag("refuse_second_client", True),
            garbage=flag("garbage"),
            silent=flag("silent"),
            stream=number("stream"),
        )


class PrinterMachine(Protocol):
    kind: str
    script: FaultScript

    def receive(self, data: bytes) -> bytes:
        """Process received bytes; return what the printer answers."""
        ...

    def on_connect(self) -> bytes: ...


@dataclass
class PrintedPage:
    number: int
    image: Image.Image
    path: Path | None


@dataclass
class PageStore:
    """Pages a simulated printer printed, kept in memory and written as PNG files."""

    kind: str
    folder: Path | None = None
    pages: list[PrintedPage] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, image: Image.Image) -> PrintedPage:
        with self._lock:
            number = len(self.pages) + 1
            path = None
            if self.folder is not None:
                self.folder.mkdir(parents=True, exist_ok=True)
                path = self.folder / f"{self.kind}-{number:04d}.png"
                image.save(path, format="PNG")
            page = PrintedPage(number, image, path)
            self.pages.append(page)
            return page

    def paths(self) -> list[Path]:
        with self._lock:
            return [p.path for p in self.pages if p.path is not None]

    def __len__(self) -> int:
        return len(self.pages)


class PrinterServer:
    """Serves one machine on loopback TCP and, optionally, a pseudo-terminal."""

    def __init__(self, machine: PrinterMachine, host: str = "127.0.0.1", port: int = 0) -> None:
        self.machine = machine
        self._listener = socket.create_server((host, port))
        self._listener.settimeout(0.2)
        self.address: tuple[str, int] = self._listener.getsockname()[:2]
        self._stop = threading.Event()
        self._client: socket.socket | None = None
        self._client_lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._pty: tuple[int, int] | None = None
        self.pty_path: str | None = None
        self.connections = 0
        self.refused = 0
        self._dropped = False
        self._start(self._accept_loop, "accept")

    def _start(self, target: Any, name: str, *args: Any) -> None:
        thread = threading.Thread(
            target=target, args=args, name=f"sim-{self.machine.kind}-{name}", daemon=True
        )
        thread.start()
        self._threads.append(thread)

    # --- TCP -----------------------------------------------------------------------------

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._client_lock:
                busy = self._client is not None
                if busy and self.machine.script.refuse_second_client:
                    self.refused += 1
                    conn.close()  # what a Boca printer does to a second client
                    continue
                self._client = conn
                self.connections += 1
            self._start(self._serve, "client", conn)

    def _serve(self, conn: socket.socket) -> None:
        received = 0
        try:
            greeting = self.machine.on_connect()
            if greeting and not self.machine.script.silent:
                conn.sendall(greeting)
            stream = self.machine.script.stream
            if stream is not None:
                conn.settimeout(0.2)
            while not self._stop.is_set():
                if stream is not None:
                    with contextlib.suppress(TimeoutError):
                        conn.send(bytes((stream,)) * 4096)
                wait = 0.0 if stream is not None else 0.2
                ready, _, _ = select.select([conn], [], [], wait)
                if not ready:
                    continue
                data = conn.recv(65536)
                if not data:
                    break
                limit = self.machine.script.drop_after_bytes
                if limit is not None and not self._dropped and received + len(data) >= limit:
                    self._dropped = True
                    keep = max(limit - received, 0)
                    self.machine.receive(data[:keep])
                    break  # the cable is pulled halfway through the job
                received += len(data)
                reply = self.machine.receive(data)
                if reply and not self.machine.script.silent:
                    conn.sendall(reply)
        except OSError as error:
            log.debug("simulator connection ended: %s", error)
        finally:
            with self._client_lock:  # free the slot before the client can see the close
                if self._client is conn:
                    self._client = None
            with contextlib.suppress(OSError):
                conn.close()

    # --- pseudo-terminal -----------------------------------------------------------------

    def serve_pty(self) -> str:
        """Also listen on a pseudo-terminal; returns the path a driver opens (serial://PATH)."""
        import pty
        import tty

        master, slave = pty.openpty()
        tty.setraw(slave)
        tty.setraw(master)
        self._pty = (master, slave)
        self.pty_path = os.ttyname(slave)
        self._start(self._pty_loop, "pty", master)
        return self.pty_path

    def _pty_loop(self, master: int) -> None:
        while not self._stop.is_set():
            try:
                ready, _, _ = select.select([master], [], [], 0.2)
                if not ready:
                    continue
                data = os.read(master, 65536)
            except OSError:
                return
            if not data:
                continue
            reply = self.machine.receive(data)
            if reply and not self.machine.script.silent:
                with contextlib.suppress(OSError):
                    os.write(master, reply)

    # --- control -------------------------------------------------------------------------

    def send_unsolicited(self, data: bytes) -> None:
        """Bytes the printer sends by itself (a status change), to the connected client."""
        with self._client_lock:
            client = self._client
        if client is not None:
            with contextlib.suppress(OSError):
                client.sendall(data)
        if self._pty is not None:
            with contextlib.suppress(OSError):
                os.write(self._pty[0], data)

    def stop(self) -> None:
        self._stop.set()
        with contextlib.suppress(OSError):
            self._listener.close()
        with self._client_lock:
            if self._client is not None:
                with contextlib.suppress(OSError):
                    self._client.shutdown(socket.SHUT_RDWR)
        for thread in self._threads:
            thread.join(timeout=1.0)
        if self._pty is not None:
            for fd in self._pty:
                with contextlib.suppress(OSError):
                    os.close(fd)
            self._pty = None


class SimulatedPrinter:
    """A printer machine served on loopback TCP (and a pty on request), with its pages."""

    def __init__(self, machine: Any, host: str = "127.0.0.1", port: int = 0) -> None:
        self.machine = machine
        self.server = PrinterServer(machine, host, port)

    @property
    def address(self) -> tuple[str, int]:
        return self.server.address

    @property
    def pages(self) -> PageStore:
        store: PageStore = self.machine.store
        return store

    def serve_pty(self) -> str:
        return self.server.serve_pty()

    def stop(self) -> None:
        self.server.stop()
