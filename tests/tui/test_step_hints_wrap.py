"""A step's hint wraps in a narrow console instead of being cut off mid-word: at 80
columns the harvest's hint used to end "t öppnar idétavlan: slå i", the presentation
round's "Alla har presentera" and the closing step's report line "återkopplin"."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from textual.widgets import Label

from cafe.core.clock import FakeClock
from cafe.i18n import t
from cafe.tui.app import CafeApp
from tests.meetings import new_meeting
from tests.tui.helpers import FakePhoneServer, step_index


def shown_words(svg: str) -> list[str]:
    """The words on the screen, line by line, as the terminal shows them."""
    lines = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", line)) for line in lines)
    return text.replace("\xa0", " ").split()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize(
    ("kind", "hint"),
    [
        ("harvest", "tui.harvest.hint"),
        ("checkout", "tui.checkout.hint"),
        ("closing", "tui.closing.report_title"),
        ("presentation_round", "tui.presentation.all_done"),
    ],
)
async def test_a_steps_hint_is_shown_whole(
    tmp_path: Path, size: tuple[int, int], kind: str, hint: str
) -> None:
    clock = FakeClock(1_800_000_000.0)
    service = new_meeting(tmp_path / "m", clock=clock)
    service.start_step(step_index(service, kind))
    app = CafeApp(service, clock=clock, server=FakePhoneServer())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        [label] = [w for w in app.screen.query(Label) if str(w.render()) == t(hint)]
        label.scroll_visible(animate=False)  # the closing step scrolls at 80x24
        await pilot.pause()
        words = shown_words(app.export_screenshot())
    # In order, with whatever stands beside the wrapped lines (the timer) in between.
    rest = iter(words[words.index(t(hint).split()[0]) :])
    assert all(word in rest for word in t(hint).split()), " ".join(words)
