"""scripts/_system_libs.sh: which system packages the set-up installs (or names).

A fake `ldconfig` on PATH plays the machine's library cache, so the test needs neither root nor
apt-get, and does not depend on what this machine happens to have installed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LIBS_SCRIPT = ROOT / "scripts" / "_system_libs.sh"

# Every library the xcb platform plugin of PySide6 and libQt6XcbQpa load (`ldd` on them), plus
# EGL, fontconfig, glib, D-Bus and libusb.
EVERY_LIBRARY = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libusb-1.0.so.0": "libusb-1.0-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="the scripts are bash")


def _line(soname: str) -> str:
    return f"\t{soname} (libc6,x86-64) => /lib/x86_64-linux-gnu/{soname}\n"


def missing_packages(tmp_path: Path, sonames: list[str], padding: int = 0) -> list[str]:
    """What the script asks for on a machine whose ldconfig cache lists ``sonames``."""
    listing = tmp_path / "listing.txt"
    # The wanted libraries first, then many others: a reader that stops at its match closes
    # the pipe while ldconfig is still writing.
    listing.write_text(
        f"{len(sonames) + padding} libs found in cache `/etc/ld.so.cache'\n"
        + "".join(_line(s) for s in sonames)
        + "".join(_line(f"libpadding{i}.so.1") for i in range(padding))
    )
    fake = tmp_path / "bin" / "ldconfig"
    fake.parent.mkdir()
    fake.write_text(f'#!/bin/sh\n[ "$1" = -p ] && exec cat "{listing}"\nexit 1\n')
    fake.chmod(0o755)
    result = subprocess.run(
        ["bash", "-c", f'set -euo pipefail; source "{LIBS_SCRIPT}"; missing_system_packages'],
        env={"PATH": f"{fake.parent}:/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    return result.stdout.split()


def test_a_complete_machine_needs_nothing_even_with_a_long_cache(tmp_path: Path) -> None:
    # 200,000 lines are far more than a pipe holds: `ldconfig -p | grep -q` under pipefail
    # failed here (SIGPIPE) and the set-up ran apt-get on a complete machine.
    assert missing_packages(tmp_path, list(EVERY_LIBRARY), padding=200_000) == []


def test_the_xcb_libraries_the_platform_plugin_loads_are_installed(tmp_path: Path) -> None:
    xcb = [s for s in EVERY_LIBRARY if "xcb" in s or "x11" in s]
    missing = missing_packages(tmp_path, [s for s in EVERY_LIBRARY if s not in xcb])
    for package in ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0"):
        assert package in missing
    assert sorted(missing) == sorted(EVERY_LIBRARY[s] for s in xcb)


@pytest.mark.parametrize("soname", list(EVERY_LIBRARY))
def test_each_missing_library_names_its_package(tmp_path: Path, soname: str) -> None:
    others = [s for s in EVERY_LIBRARY if s != soname]
    missing = missing_packages(tmp_path, others)
    assert missing[0] == EVERY_LIBRARY[soname]
    assert len(missing) == (2 if soname == "libfontconfig.so.1" else 1)  # + a font


def test_a_library_whose_name_contains_another_does_not_count_for_it(tmp_path: Path) -> None:
    # libxcb-render-util.so.0 present must not make libxcb-render.so.0 look installed
    # (nor libxkbcommon-x11.so.0 libxkbcommon.so.0).
    others = [s for s in EVERY_LIBRARY if s not in ("libxcb-render.so.0", "libxkbcommon.so.0")]
    assert sorted(missing_packages(tmp_path, others)) == ["libxcb-render0", "libxkbcommon0"]
