"""Test-wide settings: Qt runs headless everywhere; property tests are reproducible."""

import os

from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# CI and the README's test command draw the same examples every run, so a red run can be
# replayed; HYPOTHESIS_PROFILE=explore draws new ones (run it when changing a parser or a rule).
settings.register_profile("repeatable", derandomize=True, deadline=None)
settings.register_profile("explore", deadline=None, max_examples=500)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

pytest_plugins = ["golden_printing"]  # golden_bytes / golden_png fixtures
