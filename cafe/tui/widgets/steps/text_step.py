"""Opening, purpose, breaks and custom steps: the challenge and the step's text, large."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Label, Static

from cafe.core.agenda import StepKind
from cafe.i18n import t
from cafe.tui.widgets.step_view import StepView

SHOWS_CHALLENGE = {StepKind.OPENING, StepKind.PURPOSE}


class TextStepView(StepView):
    """Title, (challenge), text and question large; facilitator notes small."""

    def compose(self) -> ComposeResult:
        step = self.step
        assert step is not None
        yield Label(step.title, classes="step-title", markup=False)
        if step.kind in SHOWS_CHALLENGE and self.service.agenda.meta.challenge:
            yield Label(t("tui.step.challenge"), classes="caption")
            yield Static(self.service.agenda.meta.challenge, classes="challenge big", markup=False)
        if step.text:
            yield Static(step.text, classes="step-text big", markup=False)
        if step.question:
            yield Static(step.question, classes="question big", markup=False)
        if self.timed:
            yield self.round_timer()
        if step.notes:
            yield Static(t("tui.step.notes", notes=step.notes), classes="notes", markup=False)
