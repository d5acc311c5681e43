"""The technician's plan screen: a hall name that several sites use is picked with its site,
and a refused import says why (never the generic message)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.services.plans import AmbiguousHall, HallCard, ImportResult
from app.ui.plans.plans_screen import PlansScreen


class InlineLane:
    """Runs each job at once, on the calling thread."""

    def submit(self, job: Any, on_done: Any = None, on_error: Any = None, *, owner: Any = None):
        try:
            result = job()
        except Exception as error:  # the screen's own error handler decides
            on_error(error)
        else:
            on_done(result)


class Services:
    def __init__(self) -> None:
        self.imports: list[tuple[str, str | None]] = []

    def halls(self) -> list[HallCard]:
        return [
            HallCard("H1", "Salle", "Lyon"),
            HallCard("H2", "Salle", "Paris"),
            HallCard("H3", "Studio", "Paris"),
        ]

    def import_plan(self, path: Path, hall: str, site: str | None = None) -> ImportResult:
        self.imports.append((hall, site))
        if site is None and hall == "Salle":
            raise AmbiguousHall("Salle", ["Lyon", "Paris"])
        return ImportResult("PL-1", hall, site or "Paris", 9, 120, False)


@pytest.fixture
def screen(qtbot, tmp_path) -> tuple[PlansScreen, Services]:
    services = Services()
    widget = PlansScreen(services, InlineLane())  # type: ignore[arg-type]
    qtbot.addWidget(widget)
    widget.load()
    widget.path_field.setText(str(tmp_path / "plan.json"))
    return widget, services


def test_halls_of_one_name_show_their_site_and_take_it_along(screen) -> None:
    widget, services = screen
    items = [widget.hall_box.itemText(i) for i in range(widget.hall_box.count())]
    assert items == ["Salle (Lyon)", "Salle (Paris)", "Studio"]
    widget.hall_box.setCurrentIndex(1)
    widget.import_plan()
    widget.hall_box.setCurrentIndex(2)
    widget.import_plan()
    assert services.imports == [("Salle", "Paris"), ("Studio", "Paris")]
    assert widget.report.toPlainText().startswith("Imported into Studio: 9 seats")


def test_a_typed_name_of_several_halls_says_to_pick_one(screen) -> None:
    widget, services = screen
    widget.hall_box.setEditText("Salle")
    widget.import_plan()
    assert services.imports == [("Salle", None)]
    assert widget.report.toPlainText() == (
        "Halls named Salle exist at several sites. Choose one in the list: each shows its site. "
        "Nothing was stored."
    )
