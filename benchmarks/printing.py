"""Printing figures: time to render one ticket to ESC/POS, FGL, PDF and PNG, and tickets per
second sent to each simulator over loopback TCP (a batch of 100, each confirmed by the
printer before the next, as the drivers do).

    .venv/bin/python benchmarks/printing.py [--batch 100]

Targets (issue 4): under 5 ms per ticket for ESC/POS and FGL, under 30 ms for PDF. Prints
figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from drivers import registry
from drivers.base import Role
from drivers.config import DeviceConfig
from drivers.printers.base import JobState, Printer
from printing import data, escpos, fgl, pdf, preview


def _per_call(label: str, work: Callable[[int], object], repeat: int) -> None:
    work(0)  # warm caches (fonts, profiles, logo) as a running till has them
    samples = []
    for n in range(repeat):
        started = time.perf_counter()
        work(n)
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    print(
        f"  {label:<28} median {statistics.median(samples):7.2f} ms   "
        f"p95 {samples[int(len(samples) * 0.95) - 1]:7.2f} ms"
    )


def render_figures(repeat: int) -> None:
    print(f"Rendering one ticket ({repeat} runs):")
    tickets = [data.sample_ticket(n + 1) for n in range(repeat)]
    _per_call("ESC/POS bytes (80 mm)", lambda n: escpos.render_ticket(tickets[n]), repeat)
    _per_call("FGL bytes (2x5.5 in)", lambda n: fgl.render_ticket(tickets[n]), repeat)
    _per_call("PDF (A4, print at home)", lambda n: pdf.render_tickets([tickets[n]]), repeat)
    _per_call("PNG preview of ESC/POS", lambda n: preview.escpos_ticket(tickets[n]), repeat)
    _per_call("PNG preview of FGL", lambda n: preview.fgl_ticket(tickets[n]), repeat)
    _per_call("PNG preview of A4", lambda n: preview.home_ticket(tickets[n]), repeat)
    receipt = data.sample_receipt()
    _per_call("ESC/POS receipt", lambda n: escpos.render_receipt(receipt), repeat)


def throughput(driver: str, render: Callable[[int], bytes], batch: int, folder: Path) -> None:
    role = Role.TICKET_PRINTER if driver == "fgl" else Role.RECEIPT_PRINTER
    config = DeviceConfig(
        f"bench-{driver}", role, driver, f"sim://{driver}", {"output_dir": str(folder / driver)}
    )
    printer = registry.create(config)
    assert isinstance(printer, Printer)
    jobs = [render(n) for n in range(batch)]
    try:
        printer.status()  # connected, as a till's printer is
        started = time.perf_counter()
        states = [printer.print_job(job).state for job in jobs]
        elapsed = time.perf_counter() - started
    finally:
        printer.close()
    confirmed = states.count(JobState.CONFIRMED)
    print(
        f"  {driver:<8} {batch} tickets in {elapsed:6.2f} s: {batch / elapsed:7.1f} tickets/s "
        f"({confirmed} confirmed, each drawn to PNG by the simulator)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args(argv)
    render_figures(args.repeat)
    print(f"Sending a batch of {args.batch} to each simulator over loopback TCP:")
    with tempfile.TemporaryDirectory() as folder:
        throughput(
            "fgl", lambda n: fgl.render_ticket(data.sample_ticket(n + 1)), args.batch, Path(folder)
        )
        throughput(
            "escpos",
            lambda n: escpos.render_ticket(data.sample_ticket(n + 1)),
            args.batch,
            Path(folder),
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
