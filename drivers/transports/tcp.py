"""Raw TCP (port 9100 and friends): bytes with connect, write and read deadlines.

Network printers and terminals take a long time to refuse an offline connect (about 90 s by
default) and close idle sockets, so every call here has its own deadline and keepalive is on.
A peer that closes the connection is reported as DeviceUnavailable; the protocol above decides
whether that means "busy" (Boca printers accept one client at a time). This module knows no
protocol and must not retry on its own: whether a write may be repeated is the driver's call.
"""

from __future__ import annotations

import contextlib
import select
import socket
import time

from drivers.errors import DeviceTimeout, DeviceUnavailable
from drivers.transports.base import WireLog


class TcpTransport:
    def __init__(self, host: str, port: int, *, log: WireLog | None = None, name: str = "") -> None:
        self.host = host
        self.port = port
        self.description = f"tcp://{host}:{port}"
        self._log = log
        self._name = name
        self._sock: socket.socket | None = None

    @property
    def is_open(self) -> bool:
        return self._sock is not None

    def open(self, timeout: float) -> None:
        if self._sock is not None:
            return
        try:
            sock = socket.create_connection((self.host, self.port), timeout=timeout)
        except TimeoutError:
            raise DeviceTimeout(
                f"{self.description} did not answer within {timeout:g} s", device=self._name
            ) from None
        except OSError as error:
            reason = error.strerror or str(error)
            raise DeviceUnavailable(
                f"cannot connect to {self.description}: {reason}", device=self._name
            ) from None
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._sock = sock

    def close(self) -> None:
        sock, self._sock = self._sock, None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.close()

    def _require(self) -> socket.socket:
        if self._sock is None:
            raise DeviceUnavailable(f"{self.description} is not connected", device=self._name)
        return self._sock

    def write(self, data: bytes, timeout: float) -> None:
        sock = self._require()
        deadline = time.monotonic() + timeout
        view = memoryview(data)
        sent = 0
        try:
            while sent < len(view):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise DeviceTimeout(
                        f"{self.description} took more than {timeout:g} s to accept "
                        f"{len(data)} bytes ({sent} sent)",
                        device=self._name,
                    )
                sock.settimeout(left)
                try:
                    sent += sock.send(view[sent:])
                except TimeoutError:
                    continue
        except OSError:
            self.close()
            raise DeviceUnavailable(
                f"the connection to {self.description} was lost while sending "
                f"({sent} of {len(data)} bytes sent)",
                device=self._name,
            ) from None
        finally:
            if self._log is not None and sent:
                self._log.add("out", bytes(view[:sent]))

    def read(self, size: int, timeout: float) -> bytes:
        """Up to ``size`` bytes, b"" at the deadline; a closed connection raises."""
        sock = self._require()
        try:
            ready, _, _ = select.select([sock], [], [], max(timeout, 0.0))
            if not ready:
                return b""
            data = sock.recv(size)
        except OSError as error:
            self.close()
            raise DeviceUnavailable(
                f"the connection to {self.description} was lost: {error.strerror or error}",
                device=self._name,
            ) from None
        if not data:
            self.close()
            raise DeviceUnavailable(f"{self.description} closed the connection", device=self._name)
        if self._log is not None:
            self._log.add("in", data)
        return data
