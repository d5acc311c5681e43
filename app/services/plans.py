"""Technicians' plan files: check one, import one into a hall as a new physical layout.

The file is read and checked in full before any transaction opens, then stored in one unit of
work: nothing partial is ever written.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from pathlib import Path

from app.services.changes import Changes
from app.services.ports import UnitOfWorkFactory
from domain.venue import Hall, PhysicalLayout, Site
from planfiles import PlanSummary, format_summary, read_plan, summarize


@dataclass(frozen=True, slots=True)
class PlanReport:
    summary: PlanSummary
    text: str


@dataclass(frozen=True, slots=True)
class HallCard:
    id: str
    name: str
    site_name: str


VENUES_CHANGED = Changes(venues=True)


@dataclass(frozen=True, slots=True)
class ImportResult:
    layout_id: str
    hall_name: str
    site_name: str
    seats: int
    standing_capacity: int
    created_hall: bool
    changes: Changes = VENUES_CHANGED


class HallNotFound(LookupError):
    """The hall does not exist and no site was named to create it in."""

    def __init__(self, hall: str, known: list[str]) -> None:
        self.hall = hall
        self.known = known
        names = ", ".join(known) or "none yet"
        super().__init__(f"no hall named {hall!r} (halls: {names}); name a --site to create it")


def check_plan_file(path: Path) -> PlanReport:
    """Read and check a plan file; PlanError lists every problem with its place."""
    layout = read_plan(path, layout_id="check", hall_id="check")
    summary = summarize(layout)
    return PlanReport(summary, format_summary(summary))


def list_halls(uow_factory: UnitOfWorkFactory) -> list[HallCard]:
    with uow_factory() as uow:
        sites = {s.id: s.name for s in uow.venues.list_sites()}
        return [HallCard(h.id, h.name, sites[h.site_id]) for h in uow.venues.list_halls()]


def import_plan_file(
    uow_factory: UnitOfWorkFactory,
    path: Path,
    hall_name: str,
    site_name: str | None = None,
    name: str | None = None,
    timezone: str = "Europe/Paris",
) -> ImportResult:
    """Read a plan file in full, then store it as a new physical layout of a hall."""
    layout = read_plan(path, layout_id=f"PL-{uuid.uuid4().hex[:12]}", hall_id="", name=name)
    return import_layout(uow_factory, layout, hall_name, site_name, timezone)


def import_layout(
    uow_factory: UnitOfWorkFactory,
    layout: PhysicalLayout,
    hall_name: str,
    site_name: str | None = None,
    timezone: str = "Europe/Paris",
) -> ImportResult:
    """Store a layout read from a plan file as a new, validated physical layout of a hall.

    A missing hall is created when ``site_name`` is given (and the site too, in ``timezone``).
    One transaction: the hall, the site and the layout are all stored, or none.
    """
    with uow_factory() as uow:
        site = None
        if site_name is not None:
            site = next((s for s in uow.venues.list_sites() if s.name == site_name), None)
        hall = uow.venues.hall_by_name(hall_name, None if site is None else site.id)
        created = False
        if hall is None:
            if site_name is None:
                raise HallNotFound(hall_name, sorted(h.name for h in uow.venues.list_halls()))
            if site is None:
                site = Site(f"SITE-{uuid.uuid4().hex[:12]}", site_name, timezone)
                uow.venues.add_site(site)
            hall = Hall(f"HALL-{uuid.uuid4().hex[:12]}", site.id, hall_name)
            uow.venues.add_hall(hall)
            created = True
        layout = replace(layout, hall_id=hall.id).validated()
        uow.venues.add_physical_layout(layout)
        site_of_hall = uow.venues.get_site(hall.site_id)
        uow.commit()
    return ImportResult(
        layout.id,
        hall.name,
        site_of_hall.name,
        layout.seated_capacity,
        layout.standing_capacity,
        created,
    )
