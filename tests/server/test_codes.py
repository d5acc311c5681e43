"""Single-use advantage codes on the real server: one sale at most takes a code, on every
till, however many ask at once; the same sale asking again is not a second use; a code an
abandoned cart claimed goes back to the server by the client's chores."""

from __future__ import annotations

import secrets
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.config import load_station
from app.main import open_till
from app.services.advantages import AdvantageServices, ServerCodeClaims
from app.services.contacts import ContactServices
from app.services.selling import SellingServices
from app.services.syncing import SyncServices
from app.services.tills import ensure_demo_session
from app.ui.application import build_main_window
from app.ui.sale.sale_screen import CounterServices
from domain.advantages import Advantage, CodeRefused, Refusal, Target
from domain.money import Money
from domain.orders import PaymentPlan
from server import codes
from server.cli import main
from server.codes import SingleUseCode
from server.database import write
from tests.fakes import FixedClock

from .conftest import RunningServer
from .test_till_upload import add_till

ADVANTAGE = "TYD"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("codes-template")
    open_till(load_station(folder, demo=True), FixedClock())
    return folder


class Till:
    def __init__(self, template: Path, folder: Path, server: RunningServer) -> None:
        shutil.copytree(template, folder)
        self.clock = FixedClock(server.clock.now())
        self.services = open_till(load_station(folder), self.clock)
        ensure_demo_session(self.services.uow_factory, self.clock, "G1")
        self.syncing = SyncServices(self.services.uow_factory, self.clock, "G1")
        self.selling = SellingServices(self.services.uow_factory, self.clock, "G1", self.channel)
        name = f"C-{secrets.token_hex(3)}"
        self.name = name
        self.syncing.enroll(server.base_url, add_till(server, name), server.ca.read_text())
        self.advantages = AdvantageServices(
            self.services.uow_factory, self.clock, self.channel, ServerCodeClaims(self.syncing.link)
        )
        self.advantages.create(
            Advantage(
                ADVANTAGE, "Promo TYD", Target.SINGLE_USE, "EUR", amount_off=Money(500, "EUR")
            )
        )

    def channel(self) -> str:
        return "GUICHET"

    def cart(self) -> str:
        """A cart of one seat, sold on this till's own inventory (the server's seats are
        not what these tests are about)."""
        cart = self.selling.open_cart().cart.id
        plan = self.services.performance_view("P-MIS-2").plan
        seat = next(s for i, s in enumerate(plan.seat_ids) if plan.sellable[i])
        return self.selling.add_seats(cart, "P-MIS-2", [seat]).cart.id


@pytest.fixture
def two_tills(template: Path, tmp_path: Path, server: RunningServer) -> Iterator[tuple[Till, Till]]:
    yield Till(template, tmp_path / "a", server), Till(template, tmp_path / "b", server)


def batch(server: RunningServer, count: int) -> list[str]:
    with write(server.engine) as conn:
        return codes.generate(conn, ADVANTAGE, count, server.clock.now())[1]


def state(server: RunningServer, code: str) -> tuple[str, str | None]:
    with server.engine.connect() as conn:
        row = conn.execute(
            select(SingleUseCode.state, SingleUseCode.sale_id).where(SingleUseCode.code == code)
        ).one()
    return str(row.state), row.sale_id


def test_a_code_sold_at_one_till_is_refused_at_the_other(
    server: RunningServer, two_tills: tuple[Till, Till]
) -> None:
    a, b = two_tills
    [code] = batch(server, 1)
    cart = a.cart()
    due = a.selling.cart(cart).due
    a.advantages.enter_code(cart, code.lower())
    with pytest.raises(CodeRefused) as twice:
        a.advantages.enter_code(cart, code)
    assert twice.value.reason is Refusal.ALREADY_APPLIED
    view = a.selling.cart(cart)
    assert view.due == due - Money(500, "EUR")
    a.selling.complete(cart, PaymentPlan(view.due).exact_cash(), "OP")
    assert state(server, code) == ("used", cart)
    other = b.cart()
    with pytest.raises(CodeRefused) as refused:
        b.advantages.enter_code(other, code)
    assert refused.value.reason is Refusal.USED
    assert b.advantages.applied(other) == ()
    with pytest.raises(CodeRefused) as unknown:
        b.advantages.enter_code(other, "NOTACODE42")
    assert unknown.value.reason is Refusal.UNKNOWN


def test_a_code_removed_from_a_cart_is_free_again_on_every_till(
    server: RunningServer, two_tills: tuple[Till, Till]
) -> None:
    a, b = two_tills
    [code] = batch(server, 1)
    cart = a.cart()
    a.advantages.enter_code(cart, code)
    a.advantages.remove_code(cart, ADVANTAGE)
    assert state(server, code) == ("available", None)
    b.advantages.enter_code(b.cart(), code)
    assert state(server, code)[0] == "used"


def test_an_invalidated_code_is_refused(
    server: RunningServer, two_tills: tuple[Till, Till]
) -> None:
    a, _ = two_tills
    [code] = batch(server, 1)
    with write(server.engine) as conn:
        assert codes.invalidate(conn, code)
    with pytest.raises(CodeRefused) as refused:
        a.advantages.enter_code(a.cart(), code)
    assert refused.value.reason is Refusal.INVALIDATED


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    sales=st.lists(st.uuids().map(str), min_size=2, max_size=6, unique=True), again=st.booleans()
)
def test_of_tills_claiming_one_code_at_once_exactly_one_sale_gets_it(
    server: RunningServer, sales: list[str], again: bool
) -> None:
    """The oracle is the database row read back, not the server's code: one sale holds the
    code, every claim of that sale was granted and every claim of another refused."""
    [code] = batch(server, 1)
    tokens = [add_and_enroll(server) for _ in sales]
    granted: dict[str, list[bool]] = {sale: [] for sale in sales}
    barrier = threading.Barrier(len(sales))

    def claim(sale: str, token: str) -> None:
        with server.client(token) as http:
            barrier.wait()
            for _ in range(2 if again else 1):
                answer = http.post(f"/v1/codes/{code}/redeem", json={"sale": sale})
                assert answer.status_code in (200, 422, 503), answer.text
                granted[sale].append(answer.status_code == 200)

    threads = [
        threading.Thread(target=claim, args=(s, t)) for s, t in zip(sales, tokens, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    used, holder = state(server, code)
    assert used == "used" and holder in granted
    for sale, answers in granted.items():
        if sale != holder:
            assert not any(answers)
    assert any(granted[holder])


def add_and_enroll(server: RunningServer) -> str:
    code = add_till(server, f"H-{secrets.token_hex(3)}")
    with server.client() as http:
        answer = http.post("/v1/devices/enroll", json={"code": code})
    assert answer.status_code == 200, answer.text
    return str(answer.json()["token"])


def test_the_codes_commands_generate_tally_and_invalidate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(tmp_path)]
    assert main([*data, "init"]) == 0
    capsys.readouterr()
    assert main([*data, "codes", "generate", "--advantage", ADVANTAGE, "--count", "3"]) == 0
    made = capsys.readouterr()
    printed = made.out.split()
    assert len(set(printed)) == 3 and "3 codes for TYD" in made.err
    assert main([*data, "codes", "invalidate", printed[0].lower()]) == 0
    assert main([*data, "codes", "invalidate", printed[0]]) == 1  # not available any more
    capsys.readouterr()
    assert main([*data, "codes", "tally", "--advantage", ADVANTAGE]) == 0
    assert capsys.readouterr().out.split() == [
        "generated=3",
        "available=2",
        "used=0",
        "invalidated=1",
    ]
    assert main([*data, "codes", "generate", "--advantage", ADVANTAGE, "--count", "1001"]) == 2
    assert "between 1 and 1000 codes per batch" in capsys.readouterr().err


def test_the_demos_single_use_codes_are_the_servers_used_on_one_till_refused_on_the_other(
    server: RunningServer, two_tills: tuple[Till, Till]
) -> None:
    """`guichet-server demo` loads MERCI-0001…0010 (the README names them): each demo till
    also knows them, but the server decides."""
    a, b = two_tills
    assert state(server, "MERCI0010") == ("available", None)
    cart = a.cart()
    due = a.selling.cart(cart).due
    a.advantages.enter_code(cart, "MERCI-0010")
    view = a.selling.cart(cart)
    assert view.due == due - Money.of("5.00", "EUR")
    a.selling.complete(cart, PaymentPlan(view.due).exact_cash(), "OP")
    assert state(server, "MERCI0010") == ("used", cart)
    other = b.cart()
    with pytest.raises(CodeRefused) as refused:
        b.advantages.enter_code(other, "merci-0010")
    assert refused.value.reason is Refusal.USED
    assert b.advantages.applied(other) == ()


@pytest.mark.timeout(60)
def test_the_stations_chores_give_an_abandoned_carts_code_back_to_the_server(
    qtbot: QtBot, server: RunningServer, two_tills: tuple[Till, Till]
) -> None:
    """Through the client's wiring (`app.ui.chores`, owned by the main window): a round as the
    window opens, then the periodic one; the other till may then use the code."""
    a, b = two_tills
    first, second = batch(server, 2)
    cart = a.cart()
    a.advantages.enter_code(cart, first)
    a.selling.abandon(cart)  # the customer left: the code is still claimed on the server
    assert state(server, first) == ("used", cart)
    counter = CounterServices(a.advantages, ContactServices(a.services.uow_factory, a.clock))
    window = build_main_window(a.services, "en", 5, "Europe/Paris", counter=counter)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: state(server, first) == ("available", None))  # the start's round
    qtbot.waitUntil(lambda: not window.chores.busy)
    assert window.chores.released == 1
    b.advantages.enter_code(b.cart(), first)
    assert state(server, first)[0] == "used"

    later = a.cart()
    a.advantages.enter_code(later, second)
    a.selling.abandon(later)
    window.chores.run()  # what the timer calls every minute
    qtbot.waitUntil(lambda: state(server, second) == ("available", None))
    qtbot.waitUntil(lambda: not window.chores.busy)
    window.chores.run()  # nothing is given back twice
    qtbot.waitUntil(lambda: not window.chores.busy)
    assert window.chores.released == 0
