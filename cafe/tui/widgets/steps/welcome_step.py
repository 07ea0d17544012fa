"""Before the first step: the meeting's title and challenge, and who has arrived."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Label, Static

from cafe.core.figures import meeting_figures
from cafe.core.meeting_seating import needs_plan, table_estimate
from cafe.core.service import MeetingService
from cafe.i18n import t
from cafe.tui.widgets.step_view import StepView


def head_count(service: MeetingService) -> str:
    """The head count and what it means: 12 of 30 here → tables (about 3), the seating
    plan's tables once one seats who is here, or a circle."""
    figures = meeting_figures(service.state)
    if service.circle_mode:
        below = service.agenda.tables.circle_below
        kept = figures.present >= below  # ten now, but the rounds began as a circle
        return t(
            "tui.checkin.count_circle_kept" if kept else "tui.checkin.count_circle",
            count=figures.registered,
            present=figures.present,
            registered=figures.registered,
            below=below,
        )
    plan = service.state.seating_plan
    current = max(1, service.current_round)
    if plan.is_tables and plan.table_count() and not needs_plan(service, current):
        # a plan seats exactly who is here: its tables, not an estimate
        return t(
            "tui.checkin.count_planned",
            count=figures.registered,
            present=figures.present,
            registered=figures.registered,
            tables=plan.table_count(current) or plan.table_count(),
        )
    return t(
        "tui.checkin.count_tables",
        count=figures.registered,
        present=figures.present,
        registered=figures.registered,
        tables=table_estimate(service),
    )


class WelcomeView(StepView):
    """Shown until the co-hosts start the first step (``n``)."""

    def compose(self) -> ComposeResult:
        meta = self.service.agenda.meta
        yield Label(meta.title, classes="step-title", markup=False)
        if meta.challenge:
            yield Label(t("tui.step.challenge"), classes="caption")
            yield Static(meta.challenge, classes="challenge big", markup=False)
        yield Static("", id="welcome-count", classes="step-text big", markup=False)
        yield Label(t("tui.welcome.hint"), classes="caption")

    def refresh_view(self) -> None:
        self.query_one("#welcome-count", Static).update(head_count(self.service))
