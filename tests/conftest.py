"""Shared fixtures: isolation from the user's environment, fixed language."""

from __future__ import annotations

import gc

import pytest

from cafe.i18n import set_language
from tests.tmux import tmux  # noqa: F401  (a fixture: a real terminal for CLI tests)

GC_THRESHOLDS = (10_000, 10, 10)
"""Python's cyclic garbage collector in the test processes: a young collection after
10,000 new objects instead of 700. The TUI tests make and drop hundreds of thousands of
objects (widgets, their styles, rendered lines), and each full collection walked
everything alive, a Textual app's whole screen included: about a fifth of their time.
What a test checks is the same; objects in reference cycles are freed later. cafe's own
processes keep Python's defaults (``cafe.collector``)."""


def pytest_configure(config: pytest.Config) -> None:
    gc.set_threshold(*GC_THRESHOLDS)


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never read the user's home, language or network settings."""
    monkeypatch.setenv("HOME", str(tmp_path_factory.mktemp("home")))
    monkeypatch.delenv("CAFE_LANG", raising=False)
    set_language("sv")
