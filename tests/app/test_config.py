"""station.toml as a technician meets it: the demo only when asked for, a misspelt key refused,
an empty [devices] section meaning no devices at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.config import ConfigError, NoStationFile, load_station
from app.main import open_till
from app.services.devices import station_configs
from tests.fakes import FixedClock


def test_a_start_without_station_toml_is_refused_unless_it_is_the_demo(tmp_path: Path) -> None:
    with pytest.raises(NoStationFile, match="guichet --demo"):
        load_station(tmp_path / "till")
    demo = load_station(tmp_path / "demo", demo=True)
    assert demo.demo
    assert (tmp_path / "demo" / "station.toml").exists()
    # Later starts of the demo station need no flag: its file says it is the demo.
    assert load_station(tmp_path / "demo").demo


def test_the_demo_is_never_loaded_into_a_station_that_is_not_one(tmp_path: Path) -> None:
    (tmp_path / "station.toml").write_text('[station]\npoint_of_sale = "G1"\n')
    config = load_station(tmp_path)
    assert not config.demo
    services = open_till(config, FixedClock())
    assert services.operators() == []  # no demo operators, no demo catalog
    assert services.events() == []
    with pytest.raises(ConfigError, match="not a demo station"):
        load_station(tmp_path, demo=True)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('[station]\npoint_of_sal = "G1"\n', "station"),
        ("[sesion]\nidle_lock_minutes = 5\n", "the top level"),
        ('[session]\nidle_lock_minutes = "five"\n', "session.idle_lock_minutes"),
        (
            '[devices.card]\nrole = "payment_terminal"\ndriver = "zvt"\nur = "tcp://x:1"\n',
            "devices.card",
        ),
    ],
)
def test_a_misspelt_or_mistyped_setting_is_an_error_naming_it(
    tmp_path: Path, text: str, where: str
) -> None:
    (tmp_path / "station.toml").write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_station(tmp_path)
    assert f"station.toml: {where}:" in str(caught.value)


def test_an_empty_devices_section_means_no_devices_not_the_demo_simulators() -> None:
    assert station_configs({}) == []
    assert station_configs(None) == []
