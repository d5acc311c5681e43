"""Test-wide settings: Qt runs headless everywhere."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["golden_printing"]  # golden_bytes / golden_png fixtures
