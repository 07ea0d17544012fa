"""Closing: the meeting in numbers, and the command that writes the report."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, Static

from cafe.core.figures import meeting_figures
from cafe.i18n import t
from cafe.tui.widgets.step_view import StepView


class ClosingView(StepView):
    """People by sector, ideas, themes, sign-ups; then ``cafe report DIR`` (or, in the
    demo, which writes the report itself, the report's files)."""

    def compose(self) -> ComposeResult:
        step = self.step
        assert step is not None
        yield Label(step.title, classes="step-title", markup=False)
        # The thanks beside the timer, not above it: stacked, with the figures, they pushed
        # the report's command below the bottom of an 80x24 console.
        with Horizontal(classes="round-top"):
            if step.text:
                yield Static(step.text, classes="step-text question big", markup=False)
            if self.timed:
                yield self.round_timer()
        # What the co-hosts do next before the figures, which grow a line per theme.
        yield Label(t("tui.closing.report_title"), id="closing-caption", classes="caption")
        yield Static("", id="closing-command", classes="command", markup=False)
        yield Static("", id="closing-numbers", classes="numbers big", markup=False)
        if step.notes:
            yield Static(t("tui.step.notes", notes=step.notes), classes="notes", markup=False)

    def refresh_view(self) -> None:
        figures = meeting_figures(self.service.state)
        sectors = ", ".join(f"{t(f'tui.sector.{s.value}')} {n}" for s, n in figures.by_sector)
        lines = [
            t(
                "tui.closing.people",  # who took part, as the sectors beside it count them
                count=len(figures.counted),
                present=len(figures.counted),
                sectors=sectors or "–",
            ),
            t("tui.closing.ideas", count=figures.ideas),
            t("tui.closing.themes", count=figures.themes),
            t("tui.closing.signups", count=figures.signup_people),
        ]
        lines += [t("tui.closing.theme_line", name=n, count=c) for n, c in figures.signups_by_theme]
        lines.append(t("tui.closing.checkout", count=figures.checkout))
        self.query_one("#closing-numbers", Static).update("\n".join(lines))
        folder = getattr(self.service, "folder", None)
        if getattr(self.app, "WRITES_REPORT", False):
            # The demo writes the report itself when the meeting is over: point at it.
            written = [str(path) for path in getattr(self.app, "report_paths", [])]
            caption = t("demo.closing_written" if written else "demo.closing_pending")
            report_dir = getattr(self.app, "report_dir", None) or Path(folder or ".") / "out"
            where = "\n".join(written) or str(report_dir)
            self.query_one("#closing-caption", Label).update(caption)
            self.query_one("#closing-command", Static).update(where)
            return
        self.query_one("#closing-command", Static).update(f"cafe report {folder or 'DIR'}")
