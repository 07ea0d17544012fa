"""The idea board with theme suggestions beside it, and with a duplicate pair shown, at
120x40 and 80x24 in Swedish. Update the SVGs with ``--snapshot-update`` after looking."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.tui.test_board_footer import board_app, open_suggestions, settle


async def _suggestions(pilot: Pilot) -> None:
    await open_suggestions(pilot)
    await settle(pilot)


async def _pair(pilot: Pilot) -> None:
    panel = await open_suggestions(pilot)
    await pilot.press("d")
    await settle(pilot)
    assert panel.pair_index == 0 and panel.suggestions.duplicates


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("mode", ["suggestions", "pair"])
def test_board_with_suggestions(
    snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str, size
) -> None:
    monkeypatch.chdir(tmp_path)
    app = board_app(Path("möte"), "sv")
    run_before = _suggestions if mode == "suggestions" else _pair
    assert snap_compare(app, terminal_size=size, run_before=run_before)
