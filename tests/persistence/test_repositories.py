"""Round trips through every repository: what goes in comes back equal, as domain objects."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from app.persistence import Database, NotFound, PerformanceSummary
from app.persistence.repositories.venues import LayoutSummary
from domain.availability import SeatState
from domain.catalog import Performance, PerformanceState, SaleWindow
from domain.money import Money
from domain.venue import GeneralAdmissionZone, LayoutState, PhysicalLayout

from . import factories


def _stored(db: Database, seat_count: int = 200) -> factories.Seeded:
    return factories.seed_catalog(db, seat_count=seat_count)


# --- venues ----------------------------------------------------------------------------------


def test_sites_and_halls(db: Database) -> None:
    with db.unit_of_work() as uow:
        uow.venues.add_site(factories.site())
        uow.venues.add_hall(factories.hall())
        uow.venues.add_hall(factories.hall(id="hall-2", name="Studio"))
        uow.commit()
    with db.unit_of_work(read_only=True) as uow:
        assert uow.venues.get_site("site-1") == factories.site()
        assert uow.venues.list_sites() == [factories.site()]
        assert uow.venues.hall_by_name("Studio") == factories.hall(id="hall-2", name="Studio")
        assert uow.venues.hall_by_name("Studio", site_id="other") is None
        assert uow.venues.hall_by_name("Nowhere") is None
        assert [h.name for h in uow.venues.list_halls("site-1")] == ["Grande salle", "Studio"]
        with pytest.raises(NotFound):
            uow.venues.get_hall("hall-9")


def test_physical_layout_round_trip(db: Database) -> None:
    seeded = _stored(db, seat_count=3_000)
    with db.unit_of_work(read_only=True) as uow:
        back = uow.venues.get_physical_layout("plan-1")
        listed = uow.venues.list_physical_layouts("hall-1")
    assert back == seeded.physical  # seats, flags, zones, GA zones, areas, focal point...
    assert back.seats == seeded.physical.seats  # in order
    assert [s.flags for s in back.seats] == [s.flags for s in seeded.physical.seats]
    assert back.seat("P-004-019").label == seeded.physical.seat("P-004-019").label
    assert back.state is LayoutState.VALIDATED
    assert listed == [
        LayoutSummary("plan-1", "hall-1", "Configuration concert", LayoutState.VALIDATED, 3_000)
    ]


def test_layout_without_plan_and_state_change(db: Database) -> None:
    standing = PhysicalLayout(
        "plan-2", "hall-1", "Debout", seats=(), ga_zones=(GeneralAdmissionZone("F", "Fosse", 900),)
    )
    with db.unit_of_work() as uow:
        uow.venues.add_site(factories.site())
        uow.venues.add_hall(factories.hall())
        uow.venues.add_physical_layout(standing)
        uow.venues.set_physical_layout_state("plan-2", LayoutState.VALIDATED)
        uow.commit()
    with db.unit_of_work(read_only=True) as uow:
        assert uow.venues.get_physical_layout("plan-2") == standing.validated()


# --- logical layouts -------------------------------------------------------------------------


def test_logical_layout_round_trip(db: Database) -> None:
    seeded = _stored(db)
    with db.unit_of_work(read_only=True) as uow:
        back = uow.configurations.get("logic-1")
    assert back == seeded.logical
    assert back.contingent("GRP").channels == frozenset({"GUICHET", "WEB"})
    assert not back.contingent("GRP").exclusive
    assert back.blocked == seeded.logical.blocked and len(back.blocked) == 12
    assert back.invalidated == seeded.logical.invalidated
    assert back.ga_categories == {"FOSSE": "CAT2", "BAR": "CAT1"}


def test_logical_layout_save_writes_changes(db: Database) -> None:
    seeded = _stored(db)
    ids = [s.id for s in seeded.physical.seats]
    changed = (
        seeded.logical.unblock(ids[5:10])
        .block(ids[100:110])
        .assign_contingent(ids[0:5], None)
        .assign_contingent(ids[50:60], "AGY")
        .revalidate(ids[40:41])
        .invalidate(ids[0:3])
        .set_category(ids[60:70], "PMR")
    )
    # A contingent dropped and one renamed: codes change alongside seats.
    changed = replace(
        changed.assign_contingent(ids[10:20], None),
        contingents=(
            replace(changed.contingent("INV"), name="Invités"),
            changed.contingent("AGY"),
        ),
    )
    with db.unit_of_work() as uow:
        uow.configurations.save(changed)
        uow.commit()
    with db.unit_of_work(read_only=True) as uow:
        back = uow.configurations.get("logic-1")
        assert [s.id for s in uow.configurations.list("season-1")] == ["logic-1"]
    assert back == changed
    assert back.contingent("INV").name == "Invités"


# --- catalog ---------------------------------------------------------------------------------


def test_catalog_round_trips(db: Database) -> None:
    _stored(db)
    with db.unit_of_work(read_only=True) as uow:
        assert uow.catalog.get_organizer("org-1") == factories.organizer()
        assert uow.catalog.list_seasons("org-1") == [factories.season()]
        assert uow.catalog.get_activity("act-1") == factories.activity()
        assert uow.catalog.list_events("act-1") == [factories.event()]
        assert set(uow.catalog.list_audiences()) == set(factories.audiences())
        grid = uow.catalog.get_price_grid("grid-1")
        assert grid == factories.price_grid()
        assert grid.price("CAT2", "FULL") == Money.of("59.99", "EUR")
        assert grid.price("CAT2", "FULL").minor == 5999
        assert uow.catalog.get_delivery_mode("POST") == factories.delivery_modes()[1]
        assert uow.catalog.list_delivery_modes()[0].fee == Money(99, "EUR")  # sorted by name


def test_price_grid_can_be_replaced_while_used(db: Database) -> None:
    _stored(db)
    new = replace(factories.price_grid(), prices={("CAT1", "FULL"): Money.of("110.00", "EUR")})
    with db.unit_of_work() as uow:
        uow.catalog.replace_price_grid(new)
        uow.commit()
    with db.unit_of_work(read_only=True) as uow:
        assert uow.catalog.get_price_grid("grid-1") == new


def test_performance_round_trip_keeps_aware_moments(db: Database) -> None:
    seeded = _stored(db)
    with db.unit_of_work(read_only=True) as uow:
        back = uow.catalog.get_performance("perf-1")
    assert back == seeded.performance  # aware datetimes compare by instant
    assert back.starts_at.tzinfo is UTC
    assert back.starts_at == datetime(2026, 1, 17, 19, 30, tzinfo=UTC)
    assert all(w.opens_at.tzinfo is UTC for w in back.sale_windows.values())
    assert back.booking_fee == Money(200, "EUR")
    assert back.max_tickets == 8


def test_performance_save(db: Database) -> None:
    seeded = _stored(db)
    start = seeded.performance.starts_at
    changed = replace(
        seeded.performance,
        state=PerformanceState.SUSPENDED,
        booking_fee=None,
        max_tickets=None,
        sale_windows={"WEB": SaleWindow(start - timedelta(days=3), start)},
    )
    with db.unit_of_work() as uow:
        uow.catalog.save_performance(changed)
        uow.commit()
    with db.unit_of_work(read_only=True) as uow:
        assert uow.catalog.get_performance("perf-1") == changed


def test_list_performances_filters_and_names(db: Database) -> None:
    _stored(db)
    base = datetime(2026, 2, 1, 20, 0, tzinfo=UTC)
    with db.unit_of_work() as uow:
        uow.catalog.add_event(factories.event("event-2", "Quatuor"))
        for day in range(3):
            uow.catalog.add_performance(
                factories.performance(f"perf-q{day}", base + timedelta(days=day), "event-2")
            )
        uow.commit()
    with db.unit_of_work(read_only=True) as uow:
        everything = uow.catalog.list_performances()
        window = uow.catalog.list_performances(
            starts_from=base + timedelta(days=1), starts_before=base + timedelta(days=2)
        )
        of_event = uow.catalog.list_performances(event_id="event-1")
    assert [p.performance_id for p in everything] == ["perf-1", "perf-q0", "perf-q1", "perf-q2"]
    assert window == [
        PerformanceSummary(
            "perf-q1",
            "event-2",
            "Quatuor",
            "Grande salle",
            base + timedelta(days=1),
            PerformanceState.ON_SALE,
        )
    ]
    assert window[0].starts_at.tzinfo is UTC
    assert [p.event_name for p in of_event] == ["Orchestre de chambre"]


# --- channels --------------------------------------------------------------------------------


def test_channels_and_points_of_sale(db: Database) -> None:
    _stored(db)
    with db.unit_of_work(read_only=True) as uow:
        box_office = uow.channels.get_channel("GUICHET")
        assert box_office == factories.box_office()
        assert box_office.fee_cap == Money(500, "EUR")
        assert box_office.delivery_modes == ("POST", "COUNTER")  # order kept
        assert uow.channels.get_channel("WEB").fee_cap is None
        assert {c.code for c in uow.channels.list_channels()} == {"GUICHET", "WEB", "AGENCY"}
        assert uow.channels.list_points_of_sale("GUICHET") == [factories.point_of_sale()]
    changed = replace(factories.box_office(), fee_cap=None, delivery_modes=("PDF",))
    with db.unit_of_work() as uow:
        uow.channels.save_channel(changed)
        uow.commit()
    with db.unit_of_work(read_only=True) as uow:
        assert uow.channels.get_channel("GUICHET") == changed


# --- seat states -----------------------------------------------------------------------------


T0 = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
HOLD = timedelta(minutes=15)


def test_a_hold_takes_only_seats_nobody_has_all_or_nothing(db: Database) -> None:
    _stored(db)
    with db.unit_of_work() as uow:
        seats = uow.seat_states
        assert seats.hold("perf-1", ["A", "B"], "cart-1", T0 + HOLD, T0) == []
        assert seats.hold("perf-1", ["B", "C"], "cart-2", T0 + HOLD, T0) == ["B"]
        uow.commit()
    with db.unit_of_work(read_only=True) as uow:
        # C was not held either: a refused hold changes nothing.
        assert uow.seat_states.booked("perf-1", T0) == {"A": SeatState.HELD, "B": SeatState.HELD}
        assert uow.seat_states.owners("perf-1", T0) == {"A": "cart-1", "B": "cart-1"}


def test_a_sold_seat_never_becomes_held_and_only_its_holder_sells_it(db: Database) -> None:
    _stored(db)
    with db.unit_of_work() as uow:
        seats = uow.seat_states
        seats.hold("perf-1", ["A", "B"], "cart-1", T0 + HOLD, T0)
        assert seats.sell("perf-1", ["A", "B"], "cart-2", "sale-2") == ["A", "B"]
        assert seats.sell("perf-1", ["A", "Z"], "cart-1", "sale-1") == ["Z"]  # all or none
        assert seats.booked("perf-1", T0) == {"A": SeatState.HELD, "B": SeatState.HELD}
        assert seats.sell("perf-1", ["A"], "cart-1", "sale-1") == []
        assert seats.hold("perf-1", ["A"], "cart-2", T0 + HOLD, T0) == ["A"]
        assert seats.hold("perf-1", ["A"], "cart-1", T0 + HOLD, T0) == ["A"]
        assert seats.release("perf-1", ["A"], "sale-1") == 0  # a sale is not released
        assert seats.release("perf-1", ["B"], "cart-2") == 0  # nor another cart's hold
        assert seats.reserve("perf-1", ["B"], "cart-1", "option-7") == []
        assert seats.booked("perf-1", T0) == {"A": SeatState.SOLD, "B": SeatState.RESERVED}
        assert seats.owners("perf-1", T0) == {"A": "sale-1", "B": "option-7"}
        with pytest.raises(ValueError, match="already booked"):
            seats.seed("perf-1", ["A"], SeatState.SOLD, "import")
        with pytest.raises(ValueError):
            seats.seed("perf-1", ["C"], SeatState.BLOCKED, "import")


def test_a_hold_lapses_at_its_expiry_and_the_seat_can_be_held_again(db: Database) -> None:
    _stored(db)
    with db.unit_of_work() as uow:
        seats = uow.seat_states
        seats.hold("perf-1", ["A", "B"], "cart-1", T0 + HOLD, T0)
        later = T0 + HOLD + timedelta(seconds=1)
        assert seats.booked("perf-1", T0 + HOLD - timedelta(seconds=1)) == {
            "A": SeatState.HELD,
            "B": SeatState.HELD,
        }
        assert seats.booked("perf-1", later) == {}
        # The cart holding again in time extends its own hold.
        assert seats.hold("perf-1", ["B"], "cart-1", later + HOLD, T0 + HOLD) == []
        assert seats.hold("perf-1", ["A", "B"], "cart-2", later + HOLD, later) == ["B"]
        assert seats.hold("perf-1", ["A"], "cart-2", later + HOLD, later) == []
        assert seats.sell("perf-1", ["A"], "cart-1", "sale-1") == ["A"]  # taken over
        assert seats.lapse(later + HOLD + timedelta(seconds=1)) == 2
        assert seats.booked("perf-1", T0) == {}


def test_two_units_of_work_never_hold_one_seat(db: Database) -> None:
    import threading

    _stored(db)
    barrier = threading.Barrier(2)
    refused: dict[str, list[str]] = {}

    def cart(owner: str) -> None:
        barrier.wait()
        with db.unit_of_work() as uow:
            refused[owner] = uow.seat_states.hold("perf-1", ["A", "B"], owner, T0 + HOLD, T0)
            uow.commit()

    threads = [threading.Thread(target=cart, args=(f"cart-{n}",)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert sorted(len(r) for r in refused.values()) == [0, 2]
    with db.unit_of_work(read_only=True) as uow:
        assert len(set(uow.seat_states.owners("perf-1", T0).values())) == 1


# --- operators and settings ------------------------------------------------------------------


def test_operator_lock_state_round_trip(db: Database) -> None:
    now = datetime(2026, 1, 17, 18, 0, tzinfo=UTC)
    marie = factories.operator()
    with db.unit_of_work() as uow:
        uow.operators.add(marie)
        uow.operators.add(factories.operator("alain", "op-2"))
        uow.commit()
    locked = marie
    for _ in range(5):
        locked = locked.after_failure(now)
    assert locked.is_locked(now)
    with db.unit_of_work() as uow:
        uow.operators.save(locked)
        uow.commit()
    with db.unit_of_work(read_only=True) as uow:
        back = uow.operators.by_login("marie")
        assert uow.operators.by_login("nobody") is None
        assert [o.login for o in uow.operators.list()] == ["alain", "marie"]  # name, then login
    assert back == locked
    assert back is not None and back.locked_until is not None
    assert back.locked_until.tzinfo is UTC and back.is_locked(now + timedelta(seconds=59))


def test_login_is_unique(db: Database) -> None:
    with db.unit_of_work() as uow, pytest.raises(Exception, match="UNIQUE"):
        uow.operators.add(factories.operator())
        uow.operators.add(factories.operator(id="op-2"))


def test_settings(db: Database) -> None:
    with db.unit_of_work() as uow:
        assert uow.settings.get("till.number") is None
        assert uow.settings.get("till.number", "0") == "0"
        uow.settings.set("till.number", "1")
        uow.settings.set("till.number", "2")
        uow.commit()
    with db.unit_of_work(read_only=True) as uow:
        assert uow.settings.get("till.number") == "2"
        assert uow.settings.all() == {"till.number": "2"}


# --- the unit of work ------------------------------------------------------------------------


def test_an_exception_rolls_everything_back(db: Database) -> None:
    with pytest.raises(RuntimeError), db.unit_of_work() as uow:
        uow.venues.add_site(factories.site())
        uow.settings.set("k", "v")
        raise RuntimeError("the card terminal said no")
    with db.unit_of_work(read_only=True) as uow:
        assert uow.venues.list_sites() == []
        assert uow.settings.get("k") is None


def test_nothing_is_written_without_commit(db: Database) -> None:
    with db.unit_of_work() as uow:
        uow.venues.add_site(factories.site())
    with db.unit_of_work(read_only=True) as uow:
        assert uow.venues.list_sites() == []


def test_a_failed_statement_undoes_the_earlier_ones(db: Database) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"), db.unit_of_work() as uow:
        uow.venues.add_site(factories.site())
        uow.venues.add_hall(factories.hall(site_id="missing"))
        uow.commit()
    with db.unit_of_work(read_only=True) as uow:
        assert uow.venues.list_sites() == []


def test_a_unit_of_work_is_closed_after_its_block(db: Database) -> None:
    with db.unit_of_work() as uow:
        pass
    with pytest.raises(RuntimeError):
        uow.commit()


def test_repositories_return_frozen_domain_objects(db: Database) -> None:
    _stored(db, seat_count=10)
    with db.unit_of_work(read_only=True) as uow:
        performance = uow.catalog.get_performance("perf-1")
    assert type(performance) is Performance
    with pytest.raises(AttributeError):
        performance.state = PerformanceState.CANCELLED  # type: ignore[misc]
