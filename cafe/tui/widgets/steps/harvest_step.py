"""The harvest: every idea by round and table beside the themes they are grouped into."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Static

from cafe.i18n import t
from cafe.tui.board_data import idea_rows, theme_rows
from cafe.tui.widgets.idea_list import IdeaList
from cafe.tui.widgets.step_view import StepView
from cafe.tui.widgets.theme_list import ThemeList


class HarvestView(StepView):
    """Read-only board for the room; the co-hosts edit it on the board screen (``t``)."""

    def compose(self) -> ComposeResult:
        step = self.step
        assert step is not None
        with Horizontal(classes="round-top"):
            with Vertical(classes="grow"):
                yield Label(step.title, classes="step-title", markup=False)
                if step.text or step.question:
                    yield Static(step.question or step.text, classes="step-text", markup=False)
                yield Label(t("tui.harvest.hint"), classes="caption")
            if self.timed:
                yield self.round_timer()
        with Horizontal(classes="columns"):
            with Vertical(classes="column"):
                yield Label("", id="harvest-ideas-title", classes="column-title", markup=False)
                yield IdeaList(id="harvest-ideas")
            with Vertical(classes="column narrow"):
                yield Label(t("tui.themes.title"), classes="column-title")
                yield ThemeList(id="harvest-themes")
        if step.notes:
            yield Static(t("tui.step.notes", notes=step.notes), classes="notes", markup=False)

    def refresh_view(self) -> None:
        rows = idea_rows(self.service)
        self.query_one("#harvest-ideas-title", Label).update(
            t("tui.ideas.title", count=len(rows.ideas))
        )
        self.query_one("#harvest-ideas", IdeaList).rows = rows
        self.query_one("#harvest-themes", ThemeList).themes = theme_rows(self.service)
