"""The demo as `./scripts/demo` runs it: a local central server (SQLite, TLS on loopback, the
demo catalog) and one or more demo tills enrolled with it, each a cashier client window.

``python -m app.demo [--tills N] [--data-dir DIR] [--port P] [--prepare-only] [--no-server]``

1. ``guichet-server demo`` prepares the server's folder (database, private CA, demo catalog,
   one-time codes for the tills not enrolled yet) and serves on https://localhost:P;
2. each till's folder gets the demo's station.toml (till *n* is point of sale ``Gn``) and,
   the first time, ``guichet enroll`` with its code and the server's CA;
3. the clients start side by side; closing the last one stops the server. On a terminal,
   Enter stops the server and Enter again starts it: the network cut, and back (each till
   holds a lease on a few seats and standing places, `guichet-server demo`, to sell offline).

A server that does not come up leaves the tills selling on their own (said on the terminal).
Nothing here imports Qt: the clients are processes of their own.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from app.config import STATION_FILE, default_data_dir, load_station

DEMO_PORT = 18443  # the demo's own port: a real server keeps 8443
ENROLLMENT_FILE = "demo-enrollment.json"
WINDOW = (1366, 768)


def till_dirs(base: Path, count: int) -> list[Path]:
    """Till 1 keeps the demo's folder (as before the server existed); the others beside it."""
    return [base] + [base.parent / f"{base.name}-till{n}" for n in range(2, count + 1)]


def point_of_sale(number: int) -> str:
    return f"G{number}"


def _bin(name: str) -> str:
    here = Path(sys.executable).parent
    found = here / name
    return str(found) if found.exists() else name


def _port_open(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.2)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def prepare_till(folder: Path, number: int) -> None:
    """The demo station.toml of till ``number`` (its point of sale ``G<number>``)."""
    load_station(folder, demo=True)  # writes the demo's station.toml the first time
    path = folder / STATION_FILE
    text = path.read_text(encoding="utf-8")
    wanted = f'point_of_sale = "{point_of_sale(number)}"'
    if number > 1 and wanted not in text:
        path.write_text(text.replace('point_of_sale = "G1"', wanted), encoding="utf-8")


def start_server(server_dir: Path, port: int, tills: int) -> subprocess.Popen[bytes] | None:
    if _port_open(port):
        print(f"demo: port {port} is taken (a demo server still running?)", file=sys.stderr)
        return None
    command = [_bin("guichet-server"), "--data-dir", str(server_dir), "demo", "--port", str(port)]
    for number in range(1, tills + 1):
        command += ["--till", point_of_sale(number)]
    server_dir.mkdir(parents=True, exist_ok=True)
    with (server_dir / "server.log").open("ab") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            print(f"demo: the server stopped; see {server_dir / 'server.log'}", file=sys.stderr)
            return None
        if _port_open(port):
            return process
        time.sleep(0.1)
    process.terminate()
    print("demo: the server did not start in 30 s", file=sys.stderr)
    return None


def enroll(folder: Path, number: int, server_dir: Path) -> str:
    """Enroll the till with the code the server wrote for it; what happened, in words."""
    from app.persistence import open_database

    database = open_database(load_station(folder, demo=True).database_path)
    try:
        with database.unit_of_work(read_only=True) as uow:
            if uow.sync.get() is not None:
                return "enrolled already"
    finally:
        database.close()
    info = json.loads((server_dir / ENROLLMENT_FILE).read_text(encoding="utf-8"))
    code = info["codes"].get(point_of_sale(number))
    if code is None:
        return "no enrollment code for it (enrolled with another demo server?)"
    ca = server_dir / "tls" / "ca.pem"
    done = subprocess.run(
        [_bin("guichet"), "--demo", "--data-dir", str(folder), "enroll", info["url"], code,
         "--ca", str(ca)],
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    said = (done.stdout or done.stderr).strip().splitlines()
    return said[0] if said else f"enroll ended with {done.returncode}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/demo", description=__doc__.splitlines()[0])
    parser.add_argument("--tills", type=int, default=1, help="demo tills side by side (1-3)")
    parser.add_argument("--data-dir", type=Path, default=None, help="the first till's folder")
    parser.add_argument("--port", type=int, default=DEMO_PORT)
    parser.add_argument("--no-server", action="store_true", help="the till alone, no server")
    parser.add_argument("--prepare-only", action="store_true", help="set up, start no client")
    args = parser.parse_args(argv)
    count = max(1, min(3, args.tills))
    base = (args.data_dir or default_data_dir(demo=True)).expanduser().resolve()
    folders = till_dirs(base, count)
    server_dir = base.parent / f"{base.name}-server"
    server = None if args.no_server else start_server(server_dir, args.port, count)
    for number, folder in enumerate(folders, start=1):
        prepare_till(folder, number)
        if server is not None:
            result = enroll(folder, number, server_dir)
            print(f"demo: till {point_of_sale(number)} ({folder}): {result}")
    if args.prepare_only:
        if server is not None:
            server.terminate()
            server.wait(10)
        return 0
    signal.signal(signal.SIGTERM, _interrupted)  # stopped from outside: the server too
    switch = ServerSwitch(server_dir, args.port, count, server)
    if server is not None and sys.stdin.isatty():
        print("demo: press Enter to cut the tills off the server, Enter again to reconnect")
        threading.Thread(target=switch.follow, args=(sys.stdin,), daemon=True).start()
    clients = []
    for number, folder in enumerate(folders, start=1):
        env = dict(os.environ)
        if count > 1:  # side by side
            width, height = WINDOW
            left = (number - 1) * (width // 2)
            env["GUICHET_WINDOW_GEOMETRY"] = f"{left},0,{width // 2 + 200},{height}"
        clients.append(
            subprocess.Popen([_bin("guichet"), "--demo", "--data-dir", str(folder)], env=env)
        )
    try:
        codes = [client.wait() for client in clients]
    except KeyboardInterrupt:
        for client in clients:
            client.terminate()
        codes = [client.wait() for client in clients]
    finally:
        switch.stop()
    return max(codes)


class ServerSwitch:
    """The demo's network cable: stops the server (the tills go offline and sell only what is
    leased to them) and starts it again (they upload what they sold)."""

    def __init__(
        self, server_dir: Path, port: int, tills: int, process: subprocess.Popen[bytes] | None
    ) -> None:
        self._where = (server_dir, port, tills)
        self.process = process
        self._lock = threading.Lock()

    def toggle(self) -> str:
        with self._lock:
            if self.process is not None:
                self.process.terminate()
                self.process.wait(10)
                self.process = None
                return "demo: server stopped, the tills are offline (Enter: reconnect)"
            self.process = start_server(*self._where)
            if self.process is None:
                return "demo: the server did not start again (Enter: try again)"
            return "demo: server back, the tills upload what they sold (Enter: cut again)"

    def follow(self, lines: Iterable[str]) -> None:
        for _line in lines:
            print(self.toggle(), flush=True)

    def stop(self) -> None:
        with self._lock:
            if self.process is not None:
                self.process.terminate()
                self.process.wait(10)
                self.process = None


def _interrupted(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    raise SystemExit(main())
