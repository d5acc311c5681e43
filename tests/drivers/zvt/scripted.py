"""A terminal that answers with recorded bytes, and a monotonic clock that moves only when a
read waits: the oracle of the driver tests shares no code with the driver or the simulator."""

from __future__ import annotations

from collections.abc import Callable

Responder = Callable[[bytes], bytes]  # what the terminal sends after the till wrote these bytes


class FakeMonotonic:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def script(*steps: tuple[str, str]) -> Responder:
    """Answers written bytes that start with each step's hex prefix, in order, with the
    step's hex reply; anything else gets no answer."""
    pending = [(bytes.fromhex(prefix), bytes.fromhex(reply)) for prefix, reply in steps]

    def respond(data: bytes) -> bytes:
        if pending and data.startswith(pending[0][0]):
            return pending.pop(0)[1]
        return b""

    return respond


class ScriptedTransport:
    """A byte transport to a scripted terminal. A read with nothing to give waits its whole
    timeout on the fake clock; ``drip`` hands out one byte per read."""

    description = "scripted terminal"

    def __init__(
        self,
        respond: Responder,
        clock: FakeMonotonic,
        greeting: bytes = b"",
        drip: bool = False,
        read_cost: float = 0.0,
    ) -> None:
        self.respond = respond
        self.clock = clock
        self.drip = drip
        self.read_cost = read_cost
        self.written: list[bytes] = []
        self.inbox = bytearray(greeting)
        self.is_open = False
        self.hang_up_after: int | None = None  # close the line after this many writes

    def open(self, timeout: float) -> None:
        self.is_open = True

    def close(self) -> None:
        self.is_open = False

    def write(self, data: bytes, timeout: float) -> None:
        self.written.append(data)
        self.inbox += self.respond(data)
        if self.hang_up_after is not None and len(self.written) >= self.hang_up_after:
            self.is_open = False
            self.inbox.clear()

    def read(self, size: int, timeout: float) -> bytes:
        size = min(size, 1) if self.drip else size
        chunk = bytes(self.inbox[:size])
        del self.inbox[:size]
        self.clock.now += self.read_cost if chunk else timeout
        return chunk
