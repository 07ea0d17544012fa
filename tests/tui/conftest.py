"""Fixtures for the TUI tests: the same frame every run."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input


@pytest.fixture(autouse=True)
def _steady_screen(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Clock times in UTC and no blinking cursor, so screenshots do not vary."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    original = Input.__init__

    def no_blink(self: Input, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        self.set_reactive(Input.cursor_blink, False)

    monkeypatch.setattr(Input, "__init__", no_blink)
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def meeting_dir(tmp_path: Path) -> Path:
    """Where the test's meeting folder goes (a non-ASCII name on purpose)."""
    return tmp_path / "möte"
