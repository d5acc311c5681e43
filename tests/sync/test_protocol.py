"""The wire models refuse what the protocol does not allow, and the catalog codec gives back
the domain values it was given."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from pydantic import ValidationError

from domain.money import Money
from planfiles.demo_catalog import load_demo_catalog
from sync import catalog as codec
from sync.protocol import (
    MAX_EVENTS_PER_BATCH,
    EventsBatch,
    HoldRequest,
    MoneyWire,
    SaleLineRequest,
    ServerResponse,
)

HASH = "ab" * 32


def _event(seq: int) -> dict[str, object]:
    return {
        "device_seq": seq,
        "event_id": "0190c6a2-7d1e-7a3b-9c4d-5e6f708192a3",
        "kind": "sale",
        "record": {"type": "sale", "at": "2026-12-01T20:00:00+01:00"},
        "journal": {"seq": seq, "prev_hash": HASH, "hash": HASH},
    }


def test_server_time_must_be_aware_and_is_sent_in_utc() -> None:
    paris = timezone(timedelta(hours=1))
    response = ServerResponse(server_time=datetime(2026, 12, 1, 21, 0, tzinfo=paris))
    assert response.server_time == datetime(2026, 12, 1, 20, 0, tzinfo=UTC)
    assert response.model_dump(mode="json")["server_time"] == "2026-12-01T20:00:00Z"
    with pytest.raises(ValidationError):
        ServerResponse(server_time=datetime(2026, 12, 1, 20, 0))  # naive


def test_money_is_integer_minor_units() -> None:
    assert MoneyWire.of(Money.of("12.50", "EUR")) == MoneyWire(minor=1250, currency="EUR")
    assert MoneyWire(minor=1250, currency="EUR").to_money() == Money(1250, "EUR")
    with pytest.raises(ValidationError):
        MoneyWire.model_validate({"minor": 12.5, "currency": "EUR"})
    with pytest.raises(ValidationError):
        MoneyWire.model_validate({"minor": 1, "currency": "euro"})


def test_a_batch_holds_at_most_the_limit_and_no_unknown_fields() -> None:
    EventsBatch.model_validate({"events": [_event(1)]})
    with pytest.raises(ValidationError):
        EventsBatch.model_validate({"events": [_event(1)] * (MAX_EVENTS_PER_BATCH + 1)})
    with pytest.raises(ValidationError):
        EventsBatch.model_validate({"events": [{**_event(1), "colour": "red"}]})
    with pytest.raises(ValidationError):
        EventsBatch.model_validate({"events": [{**_event(1), "event_id": "not-a-uuid"}]})


def test_a_sale_line_names_a_seat_or_a_zone() -> None:
    SaleLineRequest(performance_id="P", audience="FULL", seat_id="A-1")
    SaleLineRequest(performance_id="P", audience="FULL", zone_id="FOSSE", quantity=3)
    with pytest.raises(ValidationError):
        SaleLineRequest(performance_id="P", audience="FULL")
    with pytest.raises(ValidationError):
        SaleLineRequest(performance_id="P", audience="FULL", seat_id="A-1", zone_id="FOSSE")
    with pytest.raises(ValidationError):
        SaleLineRequest(performance_id="P", audience="FULL", seat_id="A-1", quantity=2)


def test_a_hold_names_something_and_no_seat_twice() -> None:
    with pytest.raises(ValidationError):
        HoldRequest(performance_id="P")
    with pytest.raises(ValidationError):
        HoldRequest(performance_id="P", seats=["A-1", "A-1"])


def test_the_catalog_codec_gives_back_the_demo() -> None:
    demo = load_demo_catalog(date(2026, 12, 1))
    for logical in demo.logical_layouts:
        physical = codec.physical_layout_of(codec.physical_layout(logical.physical))
        assert physical == logical.physical
        assert codec.logical_layout_of(codec.logical_layout(logical), physical) == logical
    for performance in demo.performances:
        assert codec.performance_of(codec.performance(performance)) == performance
    for grid in demo.price_grids:
        assert codec.price_grid_of(codec.price_grid(grid)) == grid
    for channel in demo.channels:
        assert codec.channel_of(codec.channel(channel)) == channel
    assert codec.season_of(codec.season(demo.season)) == demo.season
