"""``guichet till ...`` on a demo till where the README's path was walked: a supervisor opened
with a float, cash, card and voucher sales, a cash out, a blind count 2.00 short, the close with
a reason. The Z report's PDF, read back with PDFium (not our code), the X report taken before
the close and the day's accounting export agree."""

from __future__ import annotations

import csv
from pathlib import Path

import pypdfium2
import pytest

from app.cli import is_cli_command, run_cli
from app.config import load_station
from app.main import open_till
from app.services import journal
from app.services.till import TillServices
from domain import ledger
from domain.money import Money
from domain.operators import Role
from domain.orders import TenderMethod
from domain.till import CashCount
from tests.fakes import FixedClock
from tests.till_records import line, sale

FLOAT = CashCount.of("EUR", {5000: 2, 1000: 5})  # 150.00


def _walk(services: TillServices) -> ledger.Totals:
    card = next(c for c in services.operators() if c.role is Role.SUPERVISOR)
    supervisor = services.log_in(card.id, "5678")
    session = services.open_session(supervisor, FLOAT).session
    for n, price, method in ((1, "25.00", TenderMethod.CASH), (2, "40.00", TenderMethod.CARD),
                             (3, "15.00", TenderMethod.VOUCHER)):  # fmt: skip
        pay = [] if method is TenderMethod.CASH else [(method, price)]
        record = sale(f"s{n}", [line(n, price)], pay, first_ticket=n, session=session.id,
                      till="G1", at=services.clock.now())  # fmt: skip
        with services.uow_factory() as uow:
            journal.record(uow, "G1", record)
            uow.commit()
    services.move_cash(supervisor, ledger.CASH_OUT, Money.of("20.00", "EUR"), "to the safe")
    x = services.x_report().totals
    counted = CashCount.of("EUR", {5000: 3, 200: 1, 100: 1})  # 153.00 of 155.00
    services.declare_count(
        supervisor, counted, {"card": x.tender("card"), "voucher": x.tender("voucher")}
    )
    services.close_session(supervisor, 1, {"cash": "a coin given twice as change"})
    return x


@pytest.fixture
def walked(tmp_path: Path) -> tuple[Path, ledger.Totals]:
    services = open_till(load_station(tmp_path, demo=True), FixedClock())
    return tmp_path, _walk(services)


def till(data_dir: Path, *args: str) -> int:
    argv = ["--data-dir", str(data_dir), "--demo", *args]
    assert is_cli_command(argv)
    return run_cli(argv)


def _pdf_text(path: Path) -> str:
    document = pypdfium2.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def test_the_z_pdf_the_x_before_it_and_the_export_agree(
    walked: tuple[Path, ledger.Totals], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir, x = walked
    assert x.net_total == Money.of("80.00", "EUR") and x.expected_cash == Money.of("155.00", "EUR")
    pdf = tmp_path / "z.pdf"
    assert till(data_dir, "till", "z-report", "last", "--pdf", str(pdf)) == 0
    out = capsys.readouterr().out
    assert out.startswith("Rapport Z — caisse Guichet 1")
    text = _pdf_text(pdf)
    assert "Rapport Z" in text and "Total net des ventes" in text
    lines = {row.strip() for row in text.splitlines()}
    for figure in ("80,00 €", "25,00 €", "40,00 €", "15,00 €", "150,00 €", "20,00 €",
                   "155,00 €", "153,00 €", "-2,00 €"):  # fmt: skip
        assert figure in text, figure
    assert "motif: a coin given twice as change" in " ".join(lines)
    # The day's accounting export (the fiscal side) says the same per tender and in all.
    export = tmp_path / "day.csv"
    assert till(data_dir, "journal", "export", "--day", "2026-03-10", str(export)) == 0
    with export.open(encoding="utf-8") as source:
        rows = list(csv.reader(source))[1:]
    tenders = {r[3]: Money.of(r[7], "EUR") for r in rows if r[2] == "tender"}
    assert tenders == {t.key: t.net for t in x.tenders}
    [total] = [r for r in rows if r[2] == "total"]
    assert Money.of(total[7], "EUR") == x.net_total


def test_the_x_report_of_an_open_session_and_the_session_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services = open_till(load_station(tmp_path, demo=True), FixedClock())
    card = next(c for c in services.operators() if c.role is Role.SUPERVISOR)
    session = services.open_session(services.log_in(card.id, "5678"), FLOAT).session
    assert till(tmp_path, "till", "x-report", "--language", "en") == 0
    out = capsys.readouterr().out
    assert out.startswith("X report — till Guichet 1") and "Cash expected" in out
    assert till(tmp_path, "till", "sessions") == 0
    assert f"{session.id}  open" in capsys.readouterr().out
    assert till(tmp_path, "till", "z-report", session.id) == 3  # not closed: refused in words
    assert "no blind count" in capsys.readouterr().err
