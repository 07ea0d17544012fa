"""Shared fixtures: isolation from the user's environment, fixed language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import textual._wait

from cafe.i18n import set_language
from tests.tmux import tmux  # noqa: F401  (a fixture: a real terminal for CLI tests)


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never read the user's home, language or network settings."""
    monkeypatch.setenv("HOME", str(tmp_path_factory.mktemp("home")))
    monkeypatch.delenv("CAFE_LANG", raising=False)
    set_language("sv")


@pytest.fixture(autouse=True, scope="session")
def _brisk_pilot() -> Iterator[None]:
    """Textual's Pilot, after each key and pause, waits for the app to go idle: it sleeps
    20 ms at a time until one sleep passes with under 1 ms of CPU used. Those sleeps were
    a quarter to a third of the TUI tests' time. Slices of 5 ms see the same idleness
    sooner; the Pilot still first waits for every pending message to be handled."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(textual._wait, "SLEEP_GRANULARITY", 0.005)
        yield
