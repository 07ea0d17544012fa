"""Adding a step kind is a checklist, and this is it: every ``StepKind`` has a console
view, a projector layout, a deck slide and something the demo does.

Each front end dispatches on the kind through one dict; a kind missing from any of them
fails here, not in the middle of a meeting.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from cafe.core.agenda import Step, StepKind
from cafe.demo.driver import ACTIONS
from cafe.i18n import Translator
from cafe.reports.fitting import Para
from cafe.reports.meeting_deck import SLIDES, _Shown
from cafe.resources import templates_dir
from cafe.tui.widgets.step_panel import VIEWS, view_class
from cafe.tui.widgets.step_view import StepView
from cafe.web.room import LAYOUTS

EVERY_KIND = set(StepKind)


def test_every_kind_has_a_console_view() -> None:
    assert set(VIEWS) == EVERY_KIND
    for kind in VIEWS:
        view = view_class(kind)
        assert inspect.isclass(view) and issubclass(view, StepView), kind
    assert issubclass(view_class(None), StepView)


def test_every_kind_has_a_projector_layout_the_page_draws() -> None:
    assert set(LAYOUTS) == EVERY_KIND
    room = (templates_dir() / "web" / "_room.html").read_text(encoding="utf-8")
    drawn = set(re.findall(r'v\.layout == "([a-z_]+)"', room))
    assert drawn, "the projector template names no layouts"
    for kind, layout in LAYOUTS.items():
        # "text" is the template's last {% else %}: the step's title and text.
        assert layout in drawn or layout == "text", (kind, layout)
    assert "{% else %}" in room[room.index('v.layout == "closing"') :]


@pytest.mark.parametrize("kind", list(StepKind))
def test_every_kind_has_a_deck_slide(kind: StepKind) -> None:
    step = Step(kind, "Titel", 10, text="Text", question="Fråga?")
    shown = _Shown(step, Translator("sv"), 10, "Fråga?", "Text", (b"join", "http://j"), (b"out", "http://c"))  # fmt: skip
    paras, qr = SLIDES[kind](shown)
    assert paras and all(isinstance(p, Para) for p in paras)
    assert any(p.text in ("Fråga?", "Text") for p in paras)
    if qr is not None:
        assert qr[0] in (b"join", b"out") and qr[2] in ("http://j", "http://c")
    assert set(SLIDES) == EVERY_KIND


def test_every_kind_has_demo_handling() -> None:
    assert set(ACTIONS) == EVERY_KIND
    for kind, action in ACTIONS.items():
        assert inspect.iscoroutinefunction(action), kind


def test_the_checklist_is_written_where_a_kind_is_added() -> None:
    doc = inspect.getdoc(StepKind) or ""
    for place in ("step_panel.VIEWS", "room.LAYOUTS", "meeting_deck.SLIDES", "driver.ACTIONS"):
        assert place in doc, place
    assert Path(__file__).name in doc
