"""A TCP proxy between a till and the server that loses what a network loses: the answer
after the server committed (``drop_answer``), the end of a request (``tear_request``), or
everything (``refuse``); or it keeps the connection open and never answers (``stall``: the
answer is held back, as a stalled link or a hung server would), or takes the connection and
says nothing at all, not even TLS (``silent``). TLS goes through untouched
(it is bytes to the proxy), so the till still checks the server's certificate end to end."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from typing import Literal

Mode = Literal["pass", "drop_answer", "stall", "silent", "tear_request", "refuse"]
ANSWER_DELAY = 0.005  # seconds after the request's last bytes: the server's answer, not TLS


class FaultProxy:
    def __init__(self, target_port: int, tear_after: int = 600) -> None:
        self.target = ("127.0.0.1", target_port)
        self.mode: Mode = "pass"
        self.tear_after = tear_after  # request bytes let through in tear_request mode
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        self._listener.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        mode = self.mode
        if mode == "refuse":
            client.close()
            return
        if mode == "silent":
            self._stop.wait()
            client.close()
            return
        try:
            upstream = socket.create_connection(self.target, timeout=10)
        except OSError:
            client.close()
            return
        sent = [0]
        last_sent = [time.monotonic()]

        def up() -> None:  # till -> server
            try:
                while data := client.recv(65536):
                    if mode == "tear_request":
                        room = self.tear_after - sent[0]
                        if room <= 0:
                            break
                        data = data[:room]
                    sent[0] += len(data)
                    upstream.sendall(data)
                    last_sent[0] = time.monotonic()
            except OSError:
                pass
            finally:
                if mode == "tear_request":
                    _close(upstream)
                    _close(client)

        def down() -> None:  # server -> till
            got = 0
            try:
                while data := upstream.recv(65536):
                    got += len(data)
                    # The TLS handshake (and the session tickets the server sends right after
                    # it) go through; what comes once the request is up and the server took
                    # time to answer is the answer, which a lost connection loses.
                    answer = sent[0] > 2500 and time.monotonic() - last_sent[0] > ANSWER_DELAY
                    if mode == "drop_answer" and answer:
                        break
                    if mode == "stall" and answer:
                        self._stop.wait()  # open and silent until the proxy closes
                        break
                    client.sendall(data)
            except OSError:
                pass
            finally:
                _close(client)
                _close(upstream)

        threading.Thread(target=up, daemon=True).start()
        threading.Thread(target=down, daemon=True).start()


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()
