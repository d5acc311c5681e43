"""What a use case changed, so that every screen showing it refreshes (Anki's OpChanges).

A use case that changes something returns a `Changes` (or a result with a ``changes``
attribute). The client's lanes hand it to one hook (`app.ui.changes.ChangeHub`), which tells
every screen; each screen decides from it whether it shows something that changed. Screens
never refresh each other, and no screen has to know which use case ran.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Changes:
    performances: frozenset[str] = field(default_factory=frozenset)  # seats or counts changed
    catalog: bool = False  # events, performances, their states or prices
    venues: bool = False  # sites, halls, physical layouts
    operators: bool = False  # operators, their roles or locks
    print_jobs: bool = False
    payments: bool = False
    till_session: bool = False  # a till session opened (or, later, closed)
    options: bool = False  # options expired by the station's chores (`app.ui.chores`)

    def __bool__(self) -> bool:
        return bool(
            self.performances
            or self.catalog
            or self.venues
            or self.operators
            or self.print_jobs
            or self.payments
            or self.till_session
            or self.options
        )

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            performances=self.performances | other.performances,
            catalog=self.catalog or other.catalog,
            venues=self.venues or other.venues,
            operators=self.operators or other.operators,
            print_jobs=self.print_jobs or other.print_jobs,
            payments=self.payments or other.payments,
            till_session=self.till_session or other.till_session,
            options=self.options or other.options,
        )

    def touches_performance(self, performance_id: str) -> bool:
        return self.catalog or performance_id in self.performances


NOTHING = Changes()


def changes_of(result: object) -> Changes:
    """The changes a use case's result reports (none for a plain read)."""
    if isinstance(result, Changes):
        return result
    changes = getattr(result, "changes", None)
    return changes if isinstance(changes, Changes) else NOTHING
