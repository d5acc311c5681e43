"""Technicians' plan files: check one, import one into a hall as a new physical layout.

Checking and importing run the same validation (`read_plan_for_import`): whatever ``check``
passes, ``import`` stores. The file is read and checked in full before any transaction opens,
then stored in one unit of work: nothing partial is ever written.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from pathlib import Path

from app.services.changes import Changes
from app.services.ports import UnitOfWorkFactory
from domain.errors import GuichetError, VenueError
from domain.venue import Hall, PhysicalLayout, Site
from planfiles import (
    PlanError,
    PlanSummary,
    Problem,
    format_summary,
    read_plan,
    summarize,
    text_problem,
)


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
    created_site: bool = False
    changes: Changes = VENUES_CHANGED


class PlanImportError(GuichetError):
    """An import that cannot be done as asked; nothing was stored."""


class HallNotFound(PlanImportError, LookupError):
    """The hall does not exist and no site was named to create it in."""

    def __init__(self, hall: str, known: list[str]) -> None:
        self.hall = hall
        self.known = known
        names = ", ".join(known) or "none yet"
        super().__init__(f"no hall named {hall!r} (halls: {names}); name a site to create it")


class AmbiguousHall(PlanImportError, LookupError):
    """Halls of that name exist at several sites, and no site was named."""

    def __init__(self, hall: str, sites: list[str]) -> None:
        self.hall = hall
        self.sites = sites
        at = ", ".join(repr(s) for s in sites)
        super().__init__(f"several halls are named {hall!r} (at {at}); name the site")


class AmbiguousSite(PlanImportError, LookupError):
    """Several sites have the name given."""

    def __init__(self, site: str) -> None:
        self.site = site
        super().__init__(f"several sites are named {site!r}; rename one of them first")


class InvalidName(PlanImportError, ValueError):
    """A hall, site or layout name that cannot be stored (empty, too long, not text)."""

    def __init__(self, what: str, problem: str) -> None:
        self.what = what
        self.problem = problem
        super().__init__(f"the {what} name {problem}")


def _checked_name(value: str, what: str) -> str:
    if not value.strip():
        raise InvalidName(what, "must not be empty")
    problem = text_problem(value)
    if problem is not None:
        raise InvalidName(what, problem)
    return value


def read_plan_for_import(path: Path, name: str | None = None) -> PhysicalLayout:
    """The one validation of a plan file, for check and import alike: the layout, ready to
    store, or `PlanError` listing every problem with its place. `name` overrides the plan's."""
    if name is not None:
        _checked_name(name, "layout")
    layout = read_plan(path, layout_id=f"PL-{uuid.uuid4().hex[:12]}", hall_id="", name=name)
    try:
        return layout.validated()  # the domain's rule for a layout that can be sold from
    except VenueError as error:
        raise PlanError([Problem("(plan)", str(error))], source=str(path)) from None


def check_plan_file(path: Path) -> PlanReport:
    """Read and check a plan file; PlanError lists every problem with its place."""
    summary = summarize(read_plan_for_import(path))
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
    layout = read_plan_for_import(path, name=name)
    return import_layout(uow_factory, layout, hall_name, site_name, timezone)


def import_layout(
    uow_factory: UnitOfWorkFactory,
    layout: PhysicalLayout,
    hall_name: str,
    site_name: str | None = None,
    timezone: str = "Europe/Paris",
) -> ImportResult:
    """Store a layout read from a plan file as a new, validated physical layout of a hall.

    Without ``site_name`` the hall must exist, at one site only. With it, the hall is the one
    of that name *at that site*: a missing hall is created there (and the site too, in
    ``timezone``), even if another site has a hall of that name: "Grande salle" at a new site
    is a new hall, never the other site's. One transaction: all is stored, or nothing.
    """
    _checked_name(hall_name, "hall")
    if site_name is not None:
        _checked_name(site_name, "site")
    with uow_factory() as uow:
        sites = uow.venues.list_sites()
        created_hall = created_site = False
        if site_name is None:
            same_name = [h for h in uow.venues.list_halls() if h.name == hall_name]
            if not same_name:
                raise HallNotFound(hall_name, sorted(h.name for h in uow.venues.list_halls()))
            if len(same_name) > 1:
                names = {s.id: s.name for s in sites}
                raise AmbiguousHall(hall_name, sorted(names[h.site_id] for h in same_name))
            hall = same_name[0]
        else:
            named = [s for s in sites if s.name == site_name]
            if len(named) > 1:
                raise AmbiguousSite(site_name)
            if named:
                site = named[0]
            else:
                site = Site(f"SITE-{uuid.uuid4().hex[:12]}", site_name, timezone)
                uow.venues.add_site(site)
                created_site = True
            found = next((h for h in uow.venues.list_halls(site.id) if h.name == hall_name), None)
            if found is None:
                hall = Hall(f"HALL-{uuid.uuid4().hex[:12]}", site.id, hall_name)
                uow.venues.add_hall(hall)
                created_hall = True
            else:
                hall = found
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
        created_hall,
        created_site,
    )
