"""Shared fixtures: isolation from the user's environment, fixed language."""

from __future__ import annotations

import pytest

from cafe.i18n import set_language
from tests.tmux import tmux  # noqa: F401  (a fixture: a real terminal for CLI tests)


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never read the user's home, language or network settings."""
    monkeypatch.setenv("HOME", str(tmp_path_factory.mktemp("home")))
    monkeypatch.delenv("CAFE_LANG", raising=False)
    set_language("sv")
