"""Times reading a 100,000-seat plan file, in our format and in pretix format.

Run ``python benchmarks/plan_import.py``: generates the demo stadium, writes it to a temporary
directory as ``guichet.seatplan`` and as pretix JSON, times `planfiles.read_plan` (file read,
JSON parse, checks, layout) on each and the whole import into a till database, and prints
one JSON object of figures (medians, milliseconds; file sizes in MB). Writes nothing outside
the temporary directory.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a plain script

from planfiles import layout_to_pretix, read_plan, write_plan
from resources.demo.stadium import generate_stadium

RUNS = 5


def _median_ms(path: Path) -> tuple[float, int]:
    times = []
    seats = 0
    for _ in range(RUNS):
        start = time.perf_counter()
        layout = read_plan(path, layout_id="bench", hall_id="bench")
        times.append((time.perf_counter() - start) * 1000)
        seats = len(layout.seats)
    return round(statistics.median(times), 1), seats


def _median_import_ms(path: Path, folder: Path) -> float:
    """What `guichet plan import` does: read and check the file, store it in a till database
    (SQLite, WAL, synchronous=FULL), one transaction. A fresh database each run."""
    from app.persistence import open_database
    from app.services.plans import import_plan_file

    times = []
    for run in range(3):
        database = open_database(folder / f"till-{run}.sqlite3")
        start = time.perf_counter()
        import_plan_file(database.unit_of_work, path, "Stadium", site_name="Bench")
        times.append((time.perf_counter() - start) * 1000)
        database.close()
    return round(statistics.median(times), 1)


def main() -> None:
    start = time.perf_counter()
    doc = generate_stadium()
    generate_ms = (time.perf_counter() - start) * 1000
    with tempfile.TemporaryDirectory() as tmp:
        ours = Path(tmp) / "stadium.seatplan.json"
        ours.write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")
        ours_ms, seats = _median_ms(ours)

        layout = read_plan(ours, layout_id="bench", hall_id="bench")
        start = time.perf_counter()
        written = write_plan(layout)
        write_ms = (time.perf_counter() - start) * 1000
        assert written == doc, "write_plan did not reproduce the generated plan"

        pretix = Path(tmp) / "stadium.pretix.json"
        pretix.write_text(json.dumps(layout_to_pretix(layout), separators=(",", ":")))
        pretix_ms, pretix_seats = _median_ms(pretix)

        figures = {
            "seats": seats,
            "python": sys.version.split()[0],
            "runs": RUNS,
            "generate_ms": round(generate_ms, 1),
            "seatplan_file_mb": round(ours.stat().st_size / 1e6, 2),
            "seatplan_read_ms": ours_ms,
            "seatplan_write_plan_ms": round(write_ms, 1),
            "pretix_file_mb": round(pretix.stat().st_size / 1e6, 2),
            "pretix_read_ms": pretix_ms,
            "pretix_seats": pretix_seats,
            "import_into_database_ms": _median_import_ms(ours, Path(tmp)),
        }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
