"""Promo codes and single-use advantage codes at the till, on a real SQLite till database."""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from app.config import load_station
from app.main import open_till
from app.services.advantages import AdvantageServices, ClaimUnavailable
from app.services.selling import SellingServices
from app.services.till import TillServices
from app.services.tills import ensure_demo_session
from domain.advantages import Advantage, CodeRefused, Refusal, Target
from domain.ledger import Ledger
from domain.money import Money
from domain.orders import PaymentPlan
from tests.fakes import FixedClock

EUR = "EUR"

Till = tuple[TillServices, SellingServices, AdvantageServices, FixedClock]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("advantages-template")
    open_till(load_station(folder, demo=True), FixedClock())
    return folder


@pytest.fixture
def till(template: Path, tmp_path: Path) -> Iterator[Till]:
    shutil.copytree(template, tmp_path / "till")
    clock = FixedClock()
    services = open_till(load_station(tmp_path / "till"), clock)

    def channel() -> str:
        return services.till().channel.code

    selling = SellingServices(services.uow_factory, clock, "G1", channel)
    rng = random.Random(7)
    advantages = AdvantageServices(services.uow_factory, clock, channel, None, rng.randrange)
    yield services, selling, advantages, clock


def free_seats(services: TillServices, performance: str, n: int) -> list[str]:
    plan = services.performance_view(performance).plan
    return [plan.seat_ids[i] for i in range(len(plan.seat_ids)) if plan.sellable[i]][:n]


def coupon(**kwargs: object) -> Advantage:
    values: dict[str, object] = {
        "id": "COUPON10",
        "name": "Coupon 10%",
        "target": Target.PROMO,
        "currency": EUR,
        "percent_bp": 1000,
        "access_code": "COUPON10",
    }
    values.update(kwargs)
    return Advantage(**values)  # type: ignore[arg-type]


def single_use() -> Advantage:
    return Advantage("TYD", "Promo TYD", Target.SINGLE_USE, EUR, amount_off=Money.of("5.00", EUR))


def two_seats(till: Till) -> str:
    services, selling, _, clock = till
    ensure_demo_session(services.uow_factory, clock, "G1")
    seats = free_seats(services, "P-MIS-2", 2)
    return selling.add_seats(selling.open_cart().cart.id, "P-MIS-2", seats).cart.id


def pay_cash(selling: SellingServices, cart_id: str) -> object:
    view = selling.cart(cart_id)
    return selling.complete(cart_id, PaymentPlan(view.due).exact_cash(), "OP-CASHIER")


def test_a_promo_code_discounts_the_sale_and_the_journal_and_ledger_see_what_was_paid(
    till: Till,
) -> None:
    services, selling, advantages, _ = till
    advantages.create(coupon())
    cart_id = two_seats(till)
    before = selling.cart(cart_id)
    applied = advantages.enter_code(cart_id, " coupon-10 ")
    after = selling.cart(cart_id)
    gross = before.cart.subtotal()
    off = Money((gross.minor + 5) // 10, EUR)  # 10 % of the tickets, the fee not discounted
    assert after.due == before.due - off
    assert [a.id for a, _ in applied.applied] == ["COUPON10"]
    result = pay_cash(selling, cart_id)
    order = result.order  # type: ignore[attr-defined]
    with services.uow_factory(read_only=True) as uow:
        record = uow.sales.document(order.id)
        entries = uow.journal.entries("G1")
    assert record["total"]["minor"] == after.due.minor
    assert {line["discount"]["by"] for line in record["lines"]} == {"COUPON10"}
    totals = Ledger().add_all(e.record for e in entries).totals()
    assert totals.net_total == after.due  # what was paid, not the tariffs' prices
    assert sum((v.gross for v in totals.vat), Money.zero(EUR)) == after.due
    assert totals.tender("cash") == after.due


def test_a_code_below_its_minimum_unknown_or_twice_is_refused_and_nothing_changes(
    till: Till,
) -> None:
    _, selling, advantages, _ = till
    advantages.create(coupon(minimum=Money.of("1000.00", EUR)))
    advantages.create(coupon(id="OPEN", access_code="OPEN", minimum=None))
    cart_id = two_seats(till)
    due = selling.cart(cart_id).due
    for code, reason in [("COUPON10", Refusal.MINIMUM), ("NOPE", Refusal.UNKNOWN)]:
        with pytest.raises(CodeRefused) as refused:
            advantages.enter_code(cart_id, code)
        assert refused.value.reason is reason
        assert selling.cart(cart_id).due == due and advantages.applied(cart_id) == ()
    advantages.enter_code(cart_id, "OPEN")
    with pytest.raises(CodeRefused) as again:
        advantages.enter_code(cart_id, "open")
    assert again.value.reason is Refusal.ALREADY_APPLIED


def test_a_code_outside_its_window_is_refused(till: Till) -> None:
    _, _, advantages, clock = till
    advantages.create(coupon(ends_at=clock.now() - timedelta(minutes=1)))
    cart_id = two_seats(till)
    with pytest.raises(CodeRefused) as refused:
        advantages.enter_code(cart_id, "COUPON10")
    assert refused.value.reason is Refusal.EXPIRED


def test_a_single_use_code_serves_one_sale_and_is_refused_the_second_time(till: Till) -> None:
    _, selling, advantages, _ = till
    advantages.create(single_use())
    _, codes = advantages.generate("TYD", 3)
    cart_id = two_seats(till)
    due = selling.cart(cart_id).due
    advantages.enter_code(cart_id, codes[0])
    assert selling.cart(cart_id).due == due - Money.of("5.00", EUR)
    pay_cash(selling, cart_id)
    tallied = advantages.tally("TYD")
    assert (tallied.generated, tallied.available, tallied.used) == (3, 2, 1)
    second = two_seats(till)
    with pytest.raises(CodeRefused) as refused:
        advantages.enter_code(second, codes[0])
    assert refused.value.reason is Refusal.USED
    advantages.invalidate(codes[1])
    with pytest.raises(CodeRefused) as void:
        advantages.enter_code(second, codes[1])
    assert void.value.reason is Refusal.INVALIDATED
    assert advantages.tally("TYD").invalidated == 1


def test_a_code_held_by_an_open_cart_is_refused_to_another_and_free_once_removed(
    till: Till,
) -> None:
    _, selling, advantages, _ = till
    advantages.create(single_use())
    _, codes = advantages.generate("TYD", 1)
    first = two_seats(till)
    advantages.enter_code(first, codes[0])
    other = selling.open_cart().cart.id  # the same till's cart: the cart is the one open
    assert other == first
    due = selling.cart(first).due
    advantages.remove_code(first, "TYD")
    assert selling.cart(first).due == due + Money.of("5.00", EUR)
    assert advantages.tally("TYD").available == 1


def test_a_changed_cart_gets_its_codes_again_and_drops_those_that_no_longer_fit(
    till: Till,
) -> None:
    services, selling, advantages, _ = till
    cart_id = two_seats(till)
    two = selling.cart(cart_id).cart.subtotal()
    advantages.create(coupon(minimum=two))
    advantages.create(coupon(id="OPEN", access_code="OPEN", percent_bp=500))
    advantages.enter_code(cart_id, "OPEN")
    advantages.enter_code(cart_id, "COUPON10")
    first, second = selling.cart(cart_id).cart.lines
    # F4 changes a tariff: both codes are applied again to the new prices
    view = selling.cycle_tariff(cart_id, first.id)
    assert all(line.discount is not None for line in view.cart.lines)
    assert view.cart.subtotal().minor < view.cart.undiscounted().subtotal().minor
    # one seat out: the cart is below COUPON10's minimum, which leaves it; OPEN stays
    view = selling.remove(cart_id, second.id)
    assert [a.id for a, _ in advantages.applied(cart_id)] == ["OPEN"]
    gross = view.cart.undiscounted().subtotal()
    assert view.cart.subtotal() == gross - Money((gross.minor * 500 + 5_000) // 10_000, EUR)
    assert advantages.refresh(cart_id).dropped == ()
    # more seats: OPEN discounts them too
    more = free_seats(services, "P-MIS-2", 1)
    view = selling.add_seats(cart_id, "P-MIS-2", more)
    assert all(line.discount is not None for line in view.cart.lines)


def test_a_single_use_code_dropped_from_a_changed_cart_is_free_again(till: Till) -> None:
    _, selling, advantages, _ = till
    advantages.create(
        Advantage("TYD", "Promo TYD", Target.SINGLE_USE, EUR, amount_off=Money.of("5.00", EUR),
                  performances=frozenset({"P-MIS-2"}), minimum=Money.of("0.01", EUR))
    )  # fmt: skip
    _, codes = advantages.generate("TYD", 1)
    cart_id = two_seats(till)
    advantages.enter_code(cart_id, codes[0])
    for line in selling.cart(cart_id).cart.lines:
        selling.remove(cart_id, line.id)  # an empty cart: nothing for the code to discount
    assert advantages.applied(cart_id) == ()
    assert advantages.tally("TYD").available == 1


class Offline:
    def redeem(self, code: str, sale: str) -> str:
        raise ClaimUnavailable("the server does not answer")

    def release(self, code: str, sale: str) -> None:
        raise ClaimUnavailable("the server does not answer")


def test_an_enrolled_till_offline_refuses_a_single_use_code_but_not_a_promo_code(
    till: Till,
) -> None:
    services, _, local, clock = till
    local.create(single_use())
    local.create(coupon())
    _, codes = local.generate("TYD", 1)
    enrolled = AdvantageServices(
        services.uow_factory, clock, lambda: services.till().channel.code, Offline()
    )
    cart_id = two_seats(till)
    with pytest.raises(CodeRefused) as refused:
        enrolled.enter_code(cart_id, codes[0])
    assert refused.value.reason is Refusal.OFFLINE
    assert local.tally("TYD").available == 1
    enrolled.enter_code(cart_id, "COUPON10")  # a shared code needs no server


class Register:
    """The server's register of claims, which the test can make unreachable."""

    def __init__(self) -> None:
        self.claims: dict[str, str] = {}
        self.reachable = True

    def redeem(self, code: str, sale: str) -> str:
        self._reach()
        if self.claims.setdefault(code, sale) != sale:
            raise CodeRefused(Refusal.USED, code)
        return "TYD"

    def release(self, code: str, sale: str) -> None:
        self._reach()
        if self.claims.get(code) == sale:
            del self.claims[code]

    def _reach(self) -> None:
        if not self.reachable:
            raise ClaimUnavailable("the server does not answer")


def test_a_code_of_an_abandoned_cart_or_removed_from_one_goes_back_once_the_server_answers(
    till: Till,
) -> None:
    services, selling, local, clock = till
    local.create(single_use())
    _, codes = local.generate("TYD", 2)
    server = Register()
    enrolled = AdvantageServices(
        services.uow_factory, clock, lambda: services.till().channel.code, server
    )
    cart_id = two_seats(till)
    enrolled.enter_code(cart_id, codes[0])
    selling.abandon(cart_id)
    server.reachable = False
    assert enrolled.release_abandoned() == 0  # not now: the next round tries again
    assert server.claims == {codes[0]: cart_id}
    server.reachable = True
    assert enrolled.release_abandoned() == 1
    assert server.claims == {}
    assert enrolled.release_abandoned() == 0  # given back once
    # Removed from its cart while the server does not answer: kept claimed until it does.
    other = two_seats(till)
    enrolled.enter_code(other, codes[1])
    server.reachable = False
    enrolled.remove_code(other, "TYD")
    assert enrolled.applied(other) == ()
    server.reachable = True
    assert server.claims == {codes[1]: other}
    assert enrolled.release_abandoned() == 1
    assert server.claims == {}
    enrolled.enter_code(other, codes[1])  # the cart may take it again
    assert server.claims == {codes[1]: other}
    assert enrolled.release_abandoned() == 0  # applied again: not given back


def test_a_till_on_its_own_adds_an_advantage_generates_codes_and_tallies_them_by_command(
    tmp_path: Path, template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import run_cli

    folder = tmp_path / "solo"
    shutil.copytree(template, folder)
    data = ["--data-dir", str(folder), "advantage"]
    assert run_cli([*data, "add", "COUPON3", "Coupon 3%", "--target", "promo", "--percent",
                    "3", "--code", "coupon3", "--minimum", "20.00"]) == 0  # fmt: skip
    assert "code COUPON3" in capsys.readouterr().out
    assert run_cli([*data, "add", "TYD", "Promo TYD", "--target", "single_use",
                    "--amount-off", "5.00"]) == 0  # fmt: skip
    assert run_cli([*data, "add", "BAD", "No code", "--target", "promo", "--percent", "3"]) != 0
    assert "access code" in capsys.readouterr().err
    assert run_cli([*data, "codes", "TYD", "--count", "4"]) == 0
    made = capsys.readouterr().out.split()
    assert len(set(made)) == 4
    assert run_cli([*data, "codes", "TYD", "--count", "1001"]) != 0
    assert "between 1 and 1000" in capsys.readouterr().err
    assert run_cli([*data, "invalidate", made[0]]) == 0
    assert run_cli([*data, "tally", "TYD"]) == 0
    assert "generated=4 available=3 used=0 invalidated=1" in capsys.readouterr().out
    assert run_cli([*data, "list"]) == 0
    assert "COUPON3  Coupon 3%  promo  3%  code COUPON3" in capsys.readouterr().out


def test_a_contact_lists_advantage_is_offered_to_its_contact_only_and_stays_after_a_change(
    till: Till,
) -> None:
    _, selling, advantages, _ = till
    advantages.create(
        Advantage("SUBS", "Subscribers", Target.CONTACTS, EUR, percent_bp=1000,
                  contacts=frozenset({"C-1"}))
    )  # fmt: skip
    cart_id = two_seats(till)
    due = selling.cart(cart_id).due
    assert [a.id for a in advantages.available(cart_id, "C-1")] == ["SUBS"]
    assert advantages.available(cart_id, "C-2") == ()
    with pytest.raises(CodeRefused) as refused:
        advantages.apply_advantage(cart_id, "SUBS", "C-2")
    assert refused.value.reason is Refusal.NOT_IN_LIST
    assert selling.cart(cart_id).due == due
    advantages.apply_advantage(cart_id, "SUBS", "C-1")
    assert selling.cart(cart_id).due < due
    first = selling.cart(cart_id).cart.lines[0]
    view = selling.cycle_tariff(cart_id, first.id)  # a change: the contact's advantage stays
    assert [a.id for a, _ in advantages.applied(cart_id)] == ["SUBS"]
    assert {line.discount_by for line in view.cart.lines} == {"Subscribers"}


def test_dropped_since_says_why_a_changed_cart_lost_a_code(till: Till) -> None:
    _, selling, advantages, _ = till
    cart_id = two_seats(till)
    advantages.create(coupon(minimum=selling.cart(cart_id).cart.subtotal()))
    advantages.enter_code(cart_id, "COUPON10")
    before = advantages.applied(cart_id)
    selling.remove(cart_id, selling.cart(cart_id).cart.lines[0].id)
    dropped = advantages.dropped_since(cart_id, before)
    assert [(a.id, r.reason) for a, r in dropped] == [("COUPON10", Refusal.MINIMUM)]
    assert advantages.dropped_since(cart_id, advantages.applied(cart_id)) == ()
